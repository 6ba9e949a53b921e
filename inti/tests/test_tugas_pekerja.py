"""Several background workers on one queue (docs/DEPLOY.md "The background worker"): django-tasks-db
claims a task with SELECT ... FOR UPDATE SKIP LOCKED, so two `manage.py db_worker` processes (as on
two machines) share the queue and no task runs twice. Real processes on a real PostgreSQL database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import F
from django.tasks import task
from django_tasks_db.models import DBTaskResult

from inti.tugas import ProgresTugas

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
BASE = Path(__file__).resolve().parents[2]
JUMLAH = 24


@task
def tugas_hitung(*, progres_id: int) -> int:
    """Counts its own runs on its row. Waits (at most 30 s) until both workers have claimed a task, so the
    two really run side by side however late one of them starts; then a short pause to interleave."""
    batas = time.monotonic() + 30
    while time.monotonic() < batas:
        diklaim = DBTaskResult.objects.exclude(status="READY").values_list("worker_ids", flat=True)
        if len({w for ids in diklaim for w in ids}) >= 2:
            break
        time.sleep(0.05)
    time.sleep(0.05)
    ProgresTugas.objects.filter(pk=progres_id).update(selesai=F("selesai") + 1)
    return progres_id


def _pekerja(nama: str) -> subprocess.Popen:
    d = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{d['USER']}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}",
        "DB_POOL": "false",
    }
    perintah = ["manage.py", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1", "--worker-id", nama]
    return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *perintah],
        cwd=BASE,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_dua_pekerja_setiap_tugas_sekali():
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED: PostgreSQL")
    progres = [ProgresTugas.objects.create(jenis="uji") for _ in range(JUMLAH)]
    for p in progres:
        tugas_hitung.enqueue(progres_id=p.pk)

    pekerja = [_pekerja("uji-a"), _pekerja("uji-b")]
    for p in pekerja:
        keluaran, _ = p.communicate(timeout=120)
        assert p.returncode == 0, keluaran

    assert sorted(ProgresTugas.objects.values_list("selesai", flat=True)) == [1] * JUMLAH
    hasil = list(DBTaskResult.objects.filter(task_path__endswith="tugas_hitung"))
    assert len(hasil) == JUMLAH
    assert all(h.status == "SUCCESSFUL" and len(h.worker_ids) == 1 for h in hasil)
    # Both workers took tasks: the queue really was shared, not drained by one.
    assert {h.worker_ids[0] for h in hasil} == {"uji-a", "uji-b"}
