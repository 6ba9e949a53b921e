"""Background tasks of the shared layer (Django's tasks API; the worker is `manage.py db_worker`).
Queued on settings.NOTIFIKASI_TUGAS_BACKEND: the database queue, or "segera" (run at once, tests)."""

import os
import socket
import time

from django.tasks import task

from .notifikasi.kirim import notifikasi_kirim
from .notifikasi.whatsapp import pesan_kirim


@task
def notifikasi_kirim_tugas(
    *, notifikasi_ids: list[int], alamat: list[str], judul: str, badan: str, percobaan: int = 1
) -> dict:
    return notifikasi_kirim(notifikasi_ids=notifikasi_ids, alamat=alamat, judul=judul, badan=badan, percobaan=percobaan)


@task
def whatsapp_kirim_tugas(*, pesan_id: int) -> str:
    return pesan_kirim(pesan_id)


@task
def periksa_pekerja(*, nomor: int) -> dict:
    """Does nothing but say which worker process ran it: for checking that several workers share the queue
    and run each task once (scripts/scaleout_demo.sh queues a batch of these)."""
    time.sleep(0.05)
    return {"nomor": nomor, "host": socket.gethostname(), "pid": os.getpid()}
