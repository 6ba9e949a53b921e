"""Import benchmark: a generated file of valid employees, checked (dry run) and then written
against the database in DATABASE_URL (an empty migrated database; the units and positions it
needs are created here; everything is rolled back at the end, so the database is left as found).

    DJANGO_SETTINGS_MODULE=config.settings DEBUG=true DATABASE_URL=... python -m bench.bench_impor
    options: --baris 100000  --format csv|xlsx  --ulang (also time a re-import: every row unchanged)

Prints: impor pegawai 100000 baris: N baris/detik (validasi), M baris/detik (tulis), puncak memori X MB
Peak memory is the process's peak resident size (getrusage), Django and the interpreter included.
"""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

JUMLAH_UNIT = 50
JUMLAH_JABATAN = 30
AWAL_LAHIR = date(1965, 1, 1)
HARI_LAHIR = 12_000  # birth dates spread over ~33 years


def _siapkan_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.conf import settings

    django.setup()
    # DEBUG is only there so the settings load without a SECRET_KEY; logging every SQL
    # statement would measure the debug log, not the import.
    settings.DEBUG = False


def _rujukan() -> tuple[list[str], list[str]]:
    from pegawai.models import Jabatan, JenisJabatan, JenisUnit, UnitKerja

    induk, _ = UnitKerja.objects.get_or_create(kode="BENCH", defaults={"nama": "Bench OPD", "jenis": JenisUnit.OPD})
    unit = []
    for i in range(1, JUMLAH_UNIT + 1):
        u, _ = UnitKerja.objects.get_or_create(
            kode=f"BENCH-{i:03d}", defaults={"nama": f"Bench Seksi {i}", "jenis": JenisUnit.SEKSI, "induk": induk}
        )
        unit.append(u.kode)
    jabatan = []
    for i in range(1, JUMLAH_JABATAN + 1):
        j, _ = Jabatan.objects.get_or_create(
            nama=f"Bench Pelaksana {i}", defaults={"jenis": JenisJabatan.PELAKSANA, "kelas": 1 + i % 9}
        )
        jabatan.append(j.nama)
    return unit, jabatan


def _bersihkan() -> int:
    """Remove what an earlier, committed run left (employees in chunks: cascades stay small)."""
    from pegawai.models import Jabatan, Pegawai, RiwayatJabatan, UnitKerja

    ids = list(RiwayatJabatan.objects.filter(unit__kode__startswith="BENCH-").values_list("pegawai_id", flat=True))
    for i in range(0, len(ids), 5000):
        Pegawai.objects.filter(pk__in=ids[i : i + 5000]).delete()
    UnitKerja.objects.filter(kode__startswith="BENCH-").delete()
    UnitKerja.objects.filter(kode="BENCH").delete()
    Jabatan.objects.filter(nama__startswith="Bench Pelaksana ").delete()
    return len(ids)


def _baris(n: int, unit: list[str], jabatan: list[str]):
    from pegawai.impor.jenis.pegawai import ImporPegawai

    yield [k.nama for k in ImporPegawai.kolom]
    golongan = ["III/a", "III/b", "III/c", "III/d"]  # S1 enters at III/a, one step per 4 years at most
    for i in range(n):
        lahir = AWAL_LAHIR + timedelta(days=i % HARI_LAHIR)
        urut = i // HARI_LAHIR + 1  # (birth date, sequence) is unique, so is the NIP
        jk = "L" if i % 3 else "P"
        tmt_cpns = date(lahir.year + 23, 1 + i % 12, 1)
        nip = f"{lahir:%Y%m%d}{tmt_cpns:%Y%m}{'1' if jk == 'L' else '2'}{urut:03d}"
        yield [
            nip,
            f"Pegawai Bench {i}",
            "",
            "S.AP." if i % 4 == 0 else "",
            jk,
            lahir.isoformat(),
            "PNS",
            golongan[min(len(golongan) - 1, (date.today().year - tmt_cpns.year) // 4, i % len(golongan))],
            jabatan[i % len(jabatan)],
            unit[i % len(unit)],
            date(max(2015 + i % 10, tmt_cpns.year + 1), 1 + i % 12, 1 + i % 28).isoformat(),  # after TMT CPNS
            "S1",
            f"pegawai{i}@bench.go.id",
        ]


def _tulis_file(folder: Path, fmt: str, n: int, unit, jabatan) -> Path:
    path = folder / f"bench-pegawai.{fmt}"
    if fmt == "csv":
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(_baris(n, unit, jabatan))
    else:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet()
        for row in _baris(n, unit, jabatan):
            ws.append(row)
        wb.save(path)
    return path


def _puncak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baris", type=int, default=100_000)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument(
        "--ulang", action="store_true", help="juga ukur impor ulang file yang sama (semua tidak berubah)"
    )
    args = parser.parse_args(argv)

    _siapkan_django()
    from django.conf import settings
    from django.db import connection, transaction

    from pegawai.impor.mesin import proses
    from pegawai.services.impor import impor_jalankan

    settings.IMPORT_MAX_MB = max(settings.IMPORT_MAX_MB, 1024)  # the bench file may pass the upload limit
    n = args.baris
    # Everything runs in one transaction rolled back at the end: the database is left as found
    # (the imports' own transactions become savepoints; only the final COMMIT is not timed).
    dihapus = _bersihkan()  # leftovers of a run that was not rolled back (committed on its own)
    with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
        unit, jabatan = _rujukan()
        t = time.perf_counter()
        path = _tulis_file(Path(tmp), args.format, n, unit, jabatan)
        t_buat = time.perf_counter() - t
        ukuran = path.stat().st_size / 1024 / 1024

        t, c = time.perf_counter(), time.process_time()
        hasil = proses(path, path.name, "pegawai")
        t_validasi, c_validasi = time.perf_counter() - t, time.process_time() - c
        if not hasil.ok:
            print("\n".join(str(g) for g in hasil.galat[:20]), file=sys.stderr)
            raise SystemExit(1)  # leaving by exception rolls the transaction back

        t, c = time.perf_counter(), time.process_time()
        _riwayat, hasil = impor_jalankan(path=path, nama_file=path.name, jenis="pegawai", oleh=None)
        t_tulis, c_tulis = time.perf_counter() - t, time.process_time() - c
        if not hasil.ok or hasil.baru != n:
            print("\n".join(str(g) for g in hasil.galat[:20]) or hasil.ringkasan(), file=sys.stderr)
            raise SystemExit(1)

        t_ulang = None
        if args.ulang:
            if connection.vendor == "postgresql":
                # What autovacuum does soon after a bulk load in real life: planner statistics.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE pegawai_pegawai, pegawai_riwayatjabatan")
            t = time.perf_counter()
            _r, ulang = impor_jalankan(path=path, nama_file=path.name, jenis="pegawai", oleh=None)
            t_ulang = time.perf_counter() - t
            assert ulang.ok and ulang.sama == n, ulang.ringkasan()
        transaction.set_rollback(True)

    print(
        f"impor pegawai {n} baris: {n / t_validasi:,.0f} baris/detik (validasi), "
        f"{n / t_tulis:,.0f} baris/detik (tulis), puncak memori {_puncak_mb():,.0f} MB"
    )
    detail = (
        f"  {connection.vendor}, {args.format.upper()} {ukuran:.1f} MB (dibuat {t_buat:.1f} s); "
        f"validasi {t_validasi:.1f} s (CPU {c_validasi:.1f} s); validasi+tulis {t_tulis:.1f} s "
        f"(CPU proses ini {c_tulis:.1f} s)"
    )
    if t_ulang is not None:
        detail += f"; impor ulang tanpa perubahan {t_ulang:.1f} s ({n / t_ulang:,.0f} baris/detik)"
    if dihapus:
        detail += f"; {dihapus} pegawai bench lama dihapus dulu"
    detail += "; semua dibatalkan (rollback) di akhir"
    print(detail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
