"""Time the main pages through the full stack (Django's test Client: middleware, context processors,
templates) on the bench data, as HR, PPK, a unit head and an employee, with the floor (the sign-in page,
anonymous) in the same run. Prints JSON lines (one per page) for bench/__main__.py.

`python -m bench.halaman [repeats]` with DATABASE_URL set on a database built by bench/data.py.
"""

import json
import os
import statistics
import sys
import time
import traceback

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from mutasi.models import STATUS_BERJALAN, UsulanMutasi  # noqa: E402
from pegawai.demo.akun import AKUN  # noqa: E402
from pegawai.models import Pegawai, User  # noqa: E402
from pegawai.models.abk import TugasJabatan  # noqa: E402


def halaman() -> list[tuple[str, str, str | None]]:
    """(label, role, url); role None = anonymous. A URL that cannot be reversed becomes an error row."""
    p = Pegawai.objects.filter(nip=AKUN["pegawai"]).first()
    contoh = Pegawai.objects.order_by("-id").first()
    u = UsulanMutasi.objects.filter(status__in=STATUS_BERJALAN).order_by("id").first()
    t = TugasJabatan.objects.order_by("id").first()
    nama = contoh.nama.split()[1] if contoh else "Santoso"
    daftar = [
        ("floor: sign-in page", None, lambda: reverse("login")),
        ("employee list", "hr", lambda: reverse("pegawai:daftar")),
        ("search by name", "hr", lambda: reverse("pegawai:daftar") + f"?q={nama}"),
        ("search by NIP", "hr", lambda: reverse("pegawai:daftar") + f"?q={contoh.nip}"),
        ("employee detail", "hr", lambda: reverse("pegawai:detail", args=[p.pk])),
        ("unit tree", "hr", lambda: reverse("pegawai:unit_daftar")),
        ("needs overview (ABK)", "hr", lambda: reverse("abk:ikhtisar")),
        ("candidates", "hr", lambda: reverse("abk:kandidat", args=[t.unit_id, t.jabatan_id])),
        ("proposal list", "hr", lambda: reverse("mutasi:daftar")),
        ("proposal detail", "hr", lambda: reverse("mutasi:detail", args=[u.pk])),
        ("HR inbox", "hr", lambda: reverse("mutasi:kotak_masuk")),
        ("impact report", "hr", lambda: reverse("evaluasi:laporan")),
        ("HR dashboard (home)", "hr", lambda: reverse("beranda")),
        ("PPK home", "ppk", lambda: reverse("beranda")),
        ("PPK inbox", "ppk", lambda: reverse("mutasi:kotak_masuk")),
        ("head home", "kepala", lambda: reverse("beranda")),
        ("head inbox", "kepala", lambda: reverse("mutasi:kotak_masuk")),
        ("employee home", "pegawai", lambda: reverse("beranda")),
        ("employee: my transfers", "pegawai", lambda: reverse("mutasi:saya")),
        ("employee: my profile", "pegawai", lambda: reverse("pegawai:profil_saya")),
    ]
    hasil = []
    for label, peran, f in daftar:
        try:
            hasil.append((label, peran, f()))
        except Exception as e:
            hasil.append((label, peran, f"!{type(e).__name__}: {e}"))
    return hasil


def ukur(client: Client, url: str, ulang: int) -> dict:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url, HTTP_HOST="127.0.0.1")
    isi = b"".join(r.streaming_content) if r.streaming else r.content
    baris = {"status": r.status_code, "queries": len(q.captured_queries), "bytes": len(isi)}
    if r.status_code >= 400:
        baris["error"] = f"HTTP {r.status_code}"
        return baris
    waktu = []
    for _ in range(ulang):
        t0 = time.perf_counter()
        r = client.get(url, HTTP_HOST="127.0.0.1")
        if r.streaming:
            b"".join(r.streaming_content)
        waktu.append((time.perf_counter() - t0) * 1000)
    waktu.sort()
    baris["p50"] = statistics.median(waktu)
    baris["p95"] = waktu[min(len(waktu) - 1, round(0.95 * (len(waktu) - 1)))]
    return baris


def main() -> int:
    ulang = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    clients = {None: Client()}
    for peran, nip in AKUN.items():
        c = Client()
        user = User.objects.filter(nip=nip).first()
        if user:
            c.force_login(user)
        clients[peran] = c
    for label, peran, url in halaman():
        baris = {"page": label, "role": peran or "anonymous", "url": url}
        if url.startswith("!"):
            baris["error"] = url[1:]
        else:
            try:
                baris.update(ukur(clients[peran], url, ulang))
            except Exception as e:
                baris["error"] = f"{type(e).__name__}: {e}"[:200]
                traceback.print_exc(limit=3, file=sys.stderr)
        print("BENCH " + json.dumps(baris), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
