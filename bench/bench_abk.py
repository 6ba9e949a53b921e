"""Needs analysis at city scale: 2,000 units, 100,000 employees, their workload; the city overview,
an OPD drill-down, a unit page, a candidate list and the rotation watch.

Run by `python -m bench` (or alone: `DATABASE_URL=... python -m bench.bench_abk` on a migrated
database). Everything it creates is rolled back at the end. Sizes: BENCH_ABK_PEGAWAI (100000),
BENCH_ABK_OPD (80 OPDs x 25 units = 2,000), BENCH_ULANG (repetitions, 10).
"""

import os
import random
import statistics
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

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
    KinerjaTahunan,
    Pegawai,
    Peran,
    Predikat,
    RiwayatJabatan,
    TugasJabatan,
    UnitKerja,
    User,
)
from pegawai.selectors.abk import (  # noqa: E402
    abk_ikhtisar,
    abk_kandidat,
    abk_posisi,
    abk_rincian,
    abk_rotasi,
    abk_unit,
)

JUMLAH = int(os.environ.get("BENCH_ABK_PEGAWAI", "100000"))
OPD = int(os.environ.get("BENCH_ABK_OPD", "80"))
BIDANG, SEKSI = 4, 5  # per OPD: 1 + 4 bidang + 20 seksi = 25 units
ULANG = int(os.environ.get("BENCH_ULANG", "10"))
JABATAN_PER_UNIT = 6


def buat_data(rnd: random.Random) -> dict:
    t0 = time.perf_counter()
    opd = UnitKerja.objects.bulk_create(
        [UnitKerja(kode=f"ABKB-{i:03d}", nama=f"Dinas Bench ABK {i:03d}", jenis=JenisUnit.OPD) for i in range(OPD)]
    )
    bidang = UnitKerja.objects.bulk_create(
        [
            UnitKerja(kode=f"ABKB-{i:03d}-{b}", nama=f"Bidang {b} Dinas {i:03d}", jenis=JenisUnit.BIDANG, induk=o)
            for i, o in enumerate(opd)
            for b in range(BIDANG)
        ]
    )
    seksi = UnitKerja.objects.bulk_create(
        [
            UnitKerja(kode=f"{b.kode}-{s}", nama=f"Seksi {s} {b.nama}", jenis=JenisUnit.SEKSI, induk=b)
            for b in bidang
            for s in range(SEKSI)
        ]
    )
    units = opd + bidang + seksi
    jenis = [JenisJabatan.PELAKSANA] * 5 + [JenisJabatan.FUNGSIONAL] * 3 + [JenisJabatan.PENGAWAS]
    jabatan = Jabatan.objects.bulk_create(
        [
            Jabatan(nama=f"Jabatan Bench ABK {i:03d}", jenis=rnd.choice(jenis), kelas=rnd.randint(5, 12))
            for i in range(300)
        ]
    )
    # A few HR-marked equivalences, for the candidate search.
    setara = Jabatan.setara.through
    setara.objects.bulk_create(
        [setara(from_jabatan_id=jabatan[i].pk, to_jabatan_id=jabatan[i + 1].pk) for i in range(0, 60, 2)]
        + [setara(from_jabatan_id=jabatan[i + 1].pk, to_jabatan_id=jabatan[i].pk) for i in range(0, 60, 2)]
    )
    posisi_unit = {u.pk: rnd.sample(jabatan, JABATAN_PER_UNIT) for u in units}
    print(f"  unit & jabatan: {len(units)} unit, {len(jabatan)} jabatan ({time.perf_counter() - t0:.1f} s)")

    t0 = time.perf_counter()
    golongan = [g for g, _ in GOLONGAN_CHOICES if "/" in g]
    pegawai = []
    for n in range(JUMLAH):
        # Birth date and sequence derived from n keep every NIP unique.
        lahir = date(1967, 1, 1) + timedelta(days=n % 12000)
        kelamin = "L" if n % 2 else "P"
        tmt = date(lahir.year + 22 + n % 8, 1 + n % 12, 1)
        pegawai.append(
            Pegawai(
                nip=f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if kelamin == 'L' else '2'}{n // 12000 + 1:03d}",
                nama=f"Pegawai Bench {n:06d}",
                jenis_kelamin=kelamin,
                tanggal_lahir=lahir,
                golongan=rnd.choice(golongan),
            )
        )
    Pegawai.objects.bulk_create(pegawai, batch_size=5000)
    hari_ini = date.today()
    riwayat, bezetting = [], defaultdict(int)
    for p in pegawai:
        unit = rnd.choice(units)
        jab = rnd.choice(posisi_unit[unit.pk])
        bezetting[unit.pk, jab.pk] += 1
        mulai = hari_ini - timedelta(days=rnd.randint(30, 3000))
        if rnd.random() < 0.3:  # some history: a closed earlier post
            riwayat.append(
                RiwayatJabatan(
                    pegawai=p,
                    unit=rnd.choice(units),
                    jabatan=rnd.choice(jabatan),
                    mulai=mulai - timedelta(days=rnd.randint(400, 1500)),
                    sampai=mulai - timedelta(days=1),
                )
            )
        riwayat.append(RiwayatJabatan(pegawai=p, unit=unit, jabatan=jab, mulai=mulai))
    RiwayatJabatan.objects.bulk_create(riwayat, batch_size=5000)
    KinerjaTahunan.objects.bulk_create(
        [
            KinerjaTahunan(pegawai=p, tahun=hari_ini.year - 1, predikat=rnd.choice(Predikat.values))
            for p in pegawai[::2]
        ],
        batch_size=5000,
    )
    print(f"  pegawai: {len(pegawai):,}, riwayat {len(riwayat):,} ({time.perf_counter() - t0:.1f} s)")

    t0 = time.perf_counter()
    tugas = []
    for (unit_id, jabatan_id), n in bezetting.items():
        if rnd.random() < 0.1:
            continue  # not analysed yet
        jam = Decimal(max(0.2, n + rnd.uniform(-2.5, 2.5)) * 1250)
        for k, norma in enumerate((Decimal("0.5"), Decimal("2"), Decimal("8"))):
            tugas.append(
                TugasJabatan(
                    unit_id=unit_id,
                    jabatan_id=jabatan_id,
                    uraian=f"Tugas {k}",
                    volume=(jam / 3 / norma).quantize(Decimal("1")),
                    norma_waktu=norma,
                )
            )
    TugasJabatan.objects.bulk_create(tugas, batch_size=5000)
    print(f"  uraian tugas: {len(tugas):,} ({time.perf_counter() - t0:.1f} s)")

    hr = User.objects.create_user("ABKB00000000000001", "bench-password", peran=Peran.HR)
    kepala_akun = User.objects.create_user("ABKB00000000000002", "bench-password")
    pegawai[0].akun = kepala_akun
    pegawai[0].save(update_fields=["akun"])
    UnitKerja.objects.filter(pk=opd[0].pk).update(kepala=pegawai[0])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"hr": hr, "kepala": kepala_akun, "opd": opd, "seksi": seksi}


def ukur(judul: str, fungsi, user_pk: int | None = None) -> None:
    """ULANG runs; each loads the user afresh (as a request would: the role cache lives on it)."""
    waktu, queries = [], 0
    for _ in range(ULANG):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            user = User.objects.get(pk=user_pk) if user_pk else None
            keterangan = fungsi(user)
            waktu.append((time.perf_counter() - t0) * 1000)
        queries = len(ctx.captured_queries)
    waktu.sort()
    p95 = waktu[min(len(waktu) - 1, round(0.95 * (len(waktu) - 1)))]
    print(
        f"  {judul:<46} median {statistics.median(waktu):7.1f} ms  p95 {p95:7.1f} ms  "
        f"{queries:>2} query  ({keterangan})"
    )


def main() -> int:
    rnd = random.Random(7)
    jumlah_unit = OPD * (1 + BIDANG + BIDANG * SEKSI)
    print(f"Analisis kebutuhan: {jumlah_unit:,} unit, {JUMLAH:,} pegawai, {ULANG}x per skenario")
    with transaction.atomic():
        data = buat_data(rnd)
        print(f"  database: {connection.vendor}")
        hr = data["hr"].pk
        opd = data["opd"][1]

        def ikhtisar(user, **kw):
            baris, total = abk_ikhtisar(user, **kw)
            return f"{len(baris)} OPD, bezetting {total.bezetting:,}, kurang {total.kekurangan:,}"

        ukur("ikhtisar kota (HR)", ikhtisar, hr)
        ukur("ikhtisar kota, jenis fungsional (HR)", lambda u: ikhtisar(u, jenis_jabatan=JenisJabatan.FUNGSIONAL), hr)
        ukur("ikhtisar unit sendiri (kepala OPD)", ikhtisar, data["kepala"].pk)

        def rincian(_user):
            baris, total = abk_rincian(opd)
            return f"{len(baris)} unit, bezetting {total.bezetting:,}"

        ukur("rincian satu OPD (25 unit)", rincian)

        def unit(_user):
            baris, total = abk_unit(data["seksi"][0])
            return f"{len(baris)} jabatan, bezetting {total.bezetting}"

        ukur("halaman unit (per jabatan, tugas, pemangku)", unit)

        # The position x unit with the largest shortage, for the candidate list.
        kurang = max(abk_posisi().values(), key=lambda p: p.kekurangan)
        u_kurang, j_kurang = UnitKerja.objects.get(pk=kurang.unit_id), Jabatan.objects.get(pk=kurang.jabatan_id)

        def kandidat(_user):
            h = abk_kandidat(u_kurang, j_kurang)
            return f"{len(h.kandidat)} kandidat, {len(h.dikecualikan)} dikecualikan, {len(h.sumber)} unit asal"

        ukur("kandidat untuk kekurangan terbesar", kandidat)

        def rotasi(user):
            halaman = Paginator(abk_rotasi(user, kategori="wajib"), 50).page(1)
            isi = [(r.pegawai.nama, r.unit.nama, r.jabatan.nama) for r in halaman.object_list]
            return f"{len(isi)} baris dari {halaman.paginator.count:,}"

        ukur("pengawasan rotasi kota, halaman 1 (HR)", rotasi, hr)
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
