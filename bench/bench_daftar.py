"""Employee list at city scale: 20,000 employees, the first page of `pegawai_cari`.

Run by `python -m bench` (or alone: `DATABASE_URL=... python -m bench.bench_daftar` on a migrated
database). Everything it creates is rolled back at the end.
"""

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.core.paginator import Paginator  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from pegawai.models import (  # noqa: E402
    GOLONGAN_CHOICES,
    Jabatan,
    JenisJabatan,
    JenisUnit,
    Pegawai,
    Peran,
    RiwayatJabatan,
    UnitKerja,
    User,
)
from pegawai.selectors.pegawai import pegawai_cari  # noqa: E402

JUMLAH = int(os.environ.get("BENCH_PEGAWAI", "20000"))
ULANG = int(os.environ.get("BENCH_ULANG", "20"))
PER_HALAMAN = 25
OPD, SUBUNIT = 25, 8  # 25 OPDs with 8 sub-units each: 225 units


def buat_data(rnd: random.Random) -> tuple[User, User]:
    """Units, positions and JUMLAH employees with two history rows each; returns (hr user, head user)."""
    opd = UnitKerja.objects.bulk_create(
        [UnitKerja(kode=f"B-OPD-{i:02d}", nama=f"Dinas Bench {i:02d}", jenis=JenisUnit.OPD) for i in range(OPD)]
    )
    sub = UnitKerja.objects.bulk_create(
        [
            UnitKerja(
                kode=f"B-OPD-{i:02d}-{j}", nama=f"Bidang {j} Dinas Bench {i:02d}", jenis=JenisUnit.BIDANG, induk=o
            )
            for i, o in enumerate(opd)
            for j in range(SUBUNIT)
        ]
    )
    units = opd + sub
    jabatan = Jabatan.objects.bulk_create(
        [
            Jabatan(nama=f"Jabatan Bench {i:02d}", jenis=rnd.choice(JenisJabatan.values), kelas=rnd.randint(5, 12))
            for i in range(40)
        ]
    )
    golongan = [g for g, _ in GOLONGAN_CHOICES if "/" in g]
    nama_depan = ["Agus", "Siti", "Budi", "Dewi", "Ahmad", "Sri", "Hendra", "Fatimah", "Eko", "Rina", "Moh.", "Lanny"]
    nama_belakang = ["Santoso", "Wulandari", "Hidayat", "Lestari", "Fauzi", "Rahayu", "Wijaya", "Holili", "Assegaf"]
    pegawai = []
    for n in range(JUMLAH):
        lahir = date(1965, 1, 1) + timedelta(days=rnd.randint(0, 365 * 35))
        kelamin = rnd.choice("LP")
        tmt = date(lahir.year + rnd.randint(20, 30), rnd.randint(1, 12), 1)
        nip = f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if kelamin == 'L' else '2'}{n % 1000:03d}"
        pegawai.append(
            Pegawai(
                nip=nip,
                nama=f"{rnd.choice(nama_depan)} {rnd.choice(nama_belakang)} {n}",
                jenis_kelamin=kelamin,
                tanggal_lahir=lahir,
                golongan=rnd.choice(golongan),
            )
        )
    Pegawai.objects.bulk_create(pegawai, batch_size=2000)
    riwayat = []
    hari_ini = date.today()
    for p in pegawai:
        mulai = hari_ini - timedelta(days=rnd.randint(30, 2500))
        sebelum = mulai - timedelta(days=rnd.randint(400, 1500))
        riwayat.append(
            RiwayatJabatan(
                pegawai=p,
                unit=rnd.choice(units),
                jabatan=rnd.choice(jabatan),
                mulai=sebelum,
                sampai=mulai - timedelta(days=1),
            )
        )
        riwayat.append(RiwayatJabatan(pegawai=p, unit=rnd.choice(units), jabatan=rnd.choice(jabatan), mulai=mulai))
    RiwayatJabatan.objects.bulk_create(riwayat, batch_size=5000)
    hr = User.objects.create_user("B00000000000000001", "bench-password", peran=Peran.HR)
    kepala_akun = User.objects.create_user("B00000000000000002", "bench-password")
    kepala = pegawai[0]
    kepala.akun = kepala_akun
    kepala.save(update_fields=["akun"])
    UnitKerja.objects.filter(pk=opd[0].pk).update(kepala=kepala)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return hr, kepala_akun


def ukur(judul: str, user_pk: int, **filter_) -> None:
    """ULANG 'requests': load the user (as the auth middleware does), select, paginate, render the rows."""
    waktu, queries, baris = [], 0, 0
    for _ in range(ULANG):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            user = User.objects.get(pk=user_pk)
            halaman = Paginator(pegawai_cari(user, **filter_), PER_HALAMAN).page(1)
            isi = [
                (
                    p.nip_tampil,
                    p.nama_lengkap,
                    p.pangkat_golongan,
                    str(p.posisi_sekarang.unit),
                    str(p.posisi_sekarang.jabatan),
                )
                for p in halaman.object_list
            ]
            waktu.append((time.perf_counter() - t0) * 1000)
        queries, baris = len(ctx.captured_queries), len(isi)
    waktu.sort()
    p95 = waktu[min(len(waktu) - 1, round(0.95 * (len(waktu) - 1)))]
    print(
        f"  {judul:<44} median {statistics.median(waktu):7.1f} ms  p95 {p95:7.1f} ms  "
        f"{queries} query  ({baris} baris, total {halaman.paginator.count})"
    )


def main() -> int:
    rnd = random.Random(42)
    print(f"Daftar pegawai: {JUMLAH:,} pegawai, halaman pertama ({PER_HALAMAN} baris), {ULANG}x per skenario")
    with transaction.atomic():
        t0 = time.perf_counter()
        hr, kepala = buat_data(rnd)
        print(f"  data dibuat dalam {time.perf_counter() - t0:.1f} s ({connection.vendor})")
        unit = UnitKerja.objects.get(kode="B-OPD-03")
        ukur("HR, urut unit", hr.pk, urut="unit")
        ukur("HR, urut nama", hr.pk, urut="nama")
        ukur("HR, cari nama 'santoso'", hr.pk, q="santoso", urut="unit")
        ukur("HR, filter OPD (dengan sub-unit), urut unit", hr.pk, unit=unit.pk, urut="unit")
        ukur("kepala OPD (bawahan saja), urut unit", kepala.pk, urut="unit")
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
