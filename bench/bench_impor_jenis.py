"""Import rate per kind: employees, then position history, rank history, education, competences,
sanctions, ratings and contacts for the same employees, each from a generated CSV of N rows (one per employee),
against the database in DATABASE_URL (migrated; everything is rolled back at the end).

    DJANGO_SETTINGS_MODULE=config.settings DEBUG=true DATABASE_URL=... python -m bench.bench_impor_jenis --baris 20000
"""

import argparse
import csv
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.bench_impor import _siapkan_django


def _tulis(path: Path, judul: list[str], rows) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(judul)
        w.writerows(rows)
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baris", type=int, default=20_000)
    n = ap.parse_args().baris
    _siapkan_django()
    from django.db import transaction

    from pegawai.models import Jabatan, JenisJabatan, JenisUnit, Kompetensi, UnitKerja
    from pegawai.services.impor import impor_jalankan

    class Batal(Exception):
        pass

    folder = Path(tempfile.mkdtemp())
    try:
        with transaction.atomic():
            opd = UnitKerja.objects.create(kode="BJ", nama="Bench OPD", jenis=JenisUnit.OPD)
            for i in range(20):
                UnitKerja.objects.create(kode=f"BJ-{i}", nama=f"Bench Seksi {i}", jenis=JenisUnit.SEKSI, induk=opd)
            for i in range(10):
                Jabatan.objects.create(nama=f"Bench Pelaksana {i}", jenis=JenisJabatan.PELAKSANA, kelas=5)
            Kompetensi.objects.create(nama="Bench Kompetensi", jenis="TEKNIS")
            nip = []
            for i in range(n):
                lahir = date(1970, 1, 1) + timedelta(days=i % 9000)
                tmt = date(lahir.year + 24, 3, 1)
                nip.append((f"{lahir:%Y%m%d}{tmt:%Y%m}1{i // 9000:03d}", lahir, tmt))
            nip = list({x[0]: x for x in nip}.values())
            berkas = {
                "pegawai": _tulis(
                    folder / "pegawai.csv",
                    [
                        "NIP",
                        "Nama",
                        "Jenis Kelamin",
                        "Tanggal Lahir",
                        "Status",
                        "Golongan",
                        "Jabatan",
                        "Unit Kerja",
                        "TMT Jabatan",
                        "Pendidikan",
                    ],
                    (
                        [
                            x,
                            f"Pegawai {i}",
                            "L",
                            lahir.isoformat(),
                            "PNS",
                            "III/a",
                            f"Bench Pelaksana {i % 10}",
                            f"BJ-{i % 20}",
                            "2020-01-02",
                            "S1",
                        ]
                        for i, (x, lahir, _t) in enumerate(nip)
                    ),
                ),
                "riwayat_jabatan": _tulis(
                    folder / "riwayat.csv",
                    ["NIP", "Unit Kerja", "Jabatan", "Mulai", "Selesai", "Nomor SK"],
                    (
                        [x, f"BJ-{i % 20}", f"Bench Pelaksana {i % 10}", tmt.isoformat(), "2019-12-31", f"SK/{i}"]
                        for i, (x, _l, tmt) in enumerate(nip)
                    ),
                ),
                # one rank a step above the profile's and one education per employee: each row also
                # moves the profile (golongan / pendidikan) with an audit row, the costly case
                "riwayat_golongan": _tulis(
                    folder / "gol.csv",
                    ["NIP", "Golongan", "TMT Golongan", "Nomor SK", "Tanggal SK", "Jenis Kenaikan"],
                    (
                        [
                            x,
                            "III/b",
                            (d := tmt.replace(year=tmt.year + 4)).isoformat(),
                            f"823/{i}",
                            d.isoformat(),
                            "Reguler",
                        ]
                        for i, (x, _l, tmt) in enumerate(nip)
                    ),
                ),
                "pendidikan": _tulis(
                    folder / "pend.csv",
                    ["NIP", "Tingkat", "Jurusan", "Institusi", "Tahun Lulus", "Nomor Ijazah"],
                    (
                        [x, "S-1", "Manajemen", "Universitas Airlangga", lahir.year + 22, f"UA/{i}"]
                        for i, (x, lahir, _t) in enumerate(nip)
                    ),
                ),
                "kompetensi": _tulis(
                    folder / "k.csv", ["NIP", "Kompetensi"], ([x, "Bench Kompetensi"] for x, *_ in nip)
                ),
                "hukuman": _tulis(
                    folder / "h.csv",
                    ["NIP", "Tingkat", "Jenis", "Mulai", "Selesai"],
                    ([x, "Ringan", "Teguran lisan", "2024-01-01", "2024-06-30"] for x, *_ in nip),
                ),
                "kinerja": _tulis(
                    folder / "kin.csv", ["NIP", "Tahun", "Predikat"], ([x, "2024", "Baik"] for x, *_ in nip)
                ),
                "kontak": _tulis(
                    folder / "kontak.csv",
                    ["NIP", "Email", "Telepon"],
                    ([x, f"p{i}@surabaya.go.id", f"0812{i:07d}"] for i, (x, *_r) in enumerate(nip)),
                ),
            }
            for jenis, path in berkas.items():
                mulai = time.perf_counter()
                _r, hasil = impor_jalankan(path=path, nama_file=path.name, jenis=jenis, oleh=None)
                detik = time.perf_counter() - mulai
                status = "ok" if hasil.ok else f"{hasil.jumlah_galat} kesalahan: {hasil.galat[:2]}"
                laju = hasil.jumlah_baris / detik
                print(
                    f"impor {jenis:16s} {hasil.jumlah_baris:6d} baris {detik:6.1f} s {laju:7.0f} baris/detik ({status})"
                )
            raise Batal
    except Batal:
        pass


if __name__ == "__main__":
    main()
