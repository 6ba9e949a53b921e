"""What the field-level trail costs an import: N new employees, then the same N changed (name,
education and, for every other row, the post), timed, with the number of trail entries written.
Against the database in DATABASE_URL (migrated); everything is rolled back at the end. On a shared
machine compare the CPU seconds (SQLite works inside this process), not the wall-clock rates.

    DJANGO_SETTINGS_MODULE=config.settings DEBUG=true DATABASE_URL=... python -m bench.bench_impor_jejak --baris 2000
"""

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_impor import _bersihkan, _rujukan, _siapkan_django, _tulis_file


def _ubah_file(path: Path, unit: list[str]) -> Path:
    """The same employees, each with a changed name and education; every other one moved."""
    baru = path.with_name("bench-pegawai-ubah.csv")
    with open(path, encoding="utf-8", newline="") as f:
        baris = list(csv.reader(f))
    for i, b in enumerate(baris[1:]):
        b[1] += " Baru"
        b[11] = "S2"
        if i % 2 == 0:
            b[9] = unit[(i + 1) % len(unit)]
            b[10] = "2025-06-02"
    with open(baru, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(baris)
    return baru


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baris", type=int, default=2000)
    args = parser.parse_args(argv)

    _siapkan_django()
    from auditlog.models import LogEntry
    from django.db import transaction

    from pegawai.services.impor import impor_jalankan

    n = args.baris
    _bersihkan()
    with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
        unit, jabatan = _rujukan()
        path = _tulis_file(Path(tmp), "csv", n, unit, jabatan)
        ubah = _ubah_file(path, unit)
        awal = LogEntry.objects.count()
        hasil_waktu, cpu = [], []
        for p in (path, ubah):
            t, c = time.perf_counter(), time.process_time()
            _r, hasil = impor_jalankan(path=p, nama_file=p.name, jenis="pegawai", oleh=None)
            hasil_waktu.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            assert hasil.ok, hasil.galat[:5]
        entri = LogEntry.objects.count() - awal
        transaction.set_rollback(True)
    t_baru, t_ubah = hasil_waktu
    print(
        f"impor pegawai {n} baris: baru {n / t_baru:,.0f} baris/detik ({t_baru:.2f} s), "
        f"diubah {n / t_ubah:,.0f} baris/detik ({t_ubah:.2f} s); {entri} entri jejak; "
        f"CPU proses ini {cpu[0]:.2f} s + {cpu[1]:.2f} s (ukuran yang stabil di mesin bersama)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
