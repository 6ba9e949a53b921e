"""The benchmark data set, built fast with bulk_create (not the services) but valid.

On a migrated, empty database: the demo organisation and accounts (`manage.py demo`'s pegawai steps:
the five demo people sign in as HR, PPK, a unit head and an employee), then bulk: units up to about
2,000 in a tree, N employees with NIPs as pegawai/nip.py expects and one open RiwayatJabatan each
(half with an earlier, closed one), workload tasks for many units, and proposals (UsulanMutasi) in
realistic states (about 5% open across the approval steps, the rest carried out, rejected or
cancelled) with their status-history rows. Run as `python -m bench.data N` with DATABASE_URL set.
"""

import os
import random
import sys
import time
from datetime import date, datetime, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from mutasi.models import RiwayatStatusUsulan, StatusUsulan, UsulanMutasi  # noqa: E402
from mutasi.models.sk import StatusSK, SuratKeputusan  # noqa: E402
from pegawai.demo.akun import AKUN  # noqa: E402
from pegawai.models import GOLONGAN_CHOICES, Jabatan, JenisUnit, Pegawai, RiwayatJabatan, UnitKerja, User  # noqa: E402
from pegawai.models.abk import TugasJabatan  # noqa: E402
from pegawai.nip import parse  # noqa: E402

UNIT_TARGET = int(os.environ.get("BENCH_UNIT", "2000"))
BATCH = 5000
NAMA_DEPAN = ["Agus", "Siti", "Budi", "Dewi", "Ahmad", "Sri", "Hendra", "Fatimah", "Eko", "Rina", "Moh.", "Lanny"]
NAMA_BELAKANG = ["Santoso", "Wulandari", "Hidayat", "Lestari", "Fauzi", "Rahayu", "Wijaya", "Holili", "Assegaf"]
# The path of each final or open state from creation, as (action, to-state) steps.
JALAN = {
    StatusUsulan.DRAFT: [("buat", StatusUsulan.DRAFT)],
    StatusUsulan.DIAJUKAN: [("buat", "DRAFT"), ("ajukan", "DIAJUKAN")],
    StatusUsulan.DILEPAS: [("buat", "DRAFT"), ("ajukan", "DIAJUKAN"), ("lepas", "DILEPAS")],
    StatusUsulan.DITERIMA: [("buat", "DRAFT"), ("ajukan", "DIAJUKAN"), ("lepas", "DILEPAS"), ("terima", "DITERIMA")],
}
JALAN[StatusUsulan.DIVERIFIKASI] = JALAN[StatusUsulan.DITERIMA] + [("verifikasi", "DIVERIFIKASI")]
JALAN[StatusUsulan.DIPUTUSKAN] = JALAN[StatusUsulan.DIVERIFIKASI] + [("putuskan", "DIPUTUSKAN")]
JALAN[StatusUsulan.SK_TERBIT] = JALAN[StatusUsulan.DIPUTUSKAN] + [("sk_terbit", "SK_TERBIT")]
JALAN[StatusUsulan.DILAKSANAKAN] = JALAN[StatusUsulan.SK_TERBIT] + [("laksanakan", "DILAKSANAKAN")]
JALAN[StatusUsulan.DITOLAK] = JALAN[StatusUsulan.DIVERIFIKASI] + [("tolak", "DITOLAK")]
JALAN[StatusUsulan.DIBATALKAN] = JALAN[StatusUsulan.DIAJUKAN] + [("batalkan", "DIBATALKAN")]
# Shares of the open proposals by step, and of the finished ones.
TERBUKA = {"DRAFT": 10, "DIAJUKAN": 25, "DILEPAS": 20, "DITERIMA": 20, "DIVERIFIKASI": 15, "DIPUTUSKAN": 10}
SELESAI = {"DILAKSANAKAN": 65, "DITOLAK": 20, "DIBATALKAN": 15}


def _log(msg: str) -> None:
    print(msg, flush=True)


def _bagi(total: int, porsi: dict[str, int]) -> list[str]:
    jumlah = sum(porsi.values())
    hasil = []
    for status, p in porsi.items():
        hasil += [status] * (total * p // jumlah)
    hasil += [next(iter(porsi))] * (total - len(hasil))
    return hasil


def demo_dasar() -> None:
    """The demo organisation, positions, workload and accounts (the pegawai steps of `manage.py demo`)."""
    with open(os.devnull, "w") as null:
        call_command("demo", langkah=["pegawai.demo.simpan.organisasi", "pegawai.demo.abk.beban_kerja"], stdout=null)


def buat_unit(rnd: random.Random) -> list[UnitKerja]:
    """Extra OPDs, each with bidang and seksi under them, until about UNIT_TARGET units exist."""
    ada = UnitKerja.objects.count()
    kurang = max(0, UNIT_TARGET - ada)
    opd_n = max(1, kurang // 49)
    opd = UnitKerja.objects.bulk_create(
        [UnitKerja(kode=f"BX-{i:03d}", nama=f"Dinas Bench {i:03d}", jenis=JenisUnit.OPD) for i in range(opd_n)]
    )
    bidang = UnitKerja.objects.bulk_create(
        [
            UnitKerja(kode=f"BX-{i:03d}-{j}", nama=f"Bidang {j} Dinas Bench {i:03d}", jenis=JenisUnit.BIDANG, induk=o)
            for i, o in enumerate(opd)
            for j in range(6)
        ]
    )
    sisa = max(0, kurang - len(opd) - len(bidang))
    seksi = UnitKerja.objects.bulk_create(
        [
            UnitKerja(kode=f"{b.kode}-S{k}", nama=f"Seksi {k} {b.nama}", jenis=JenisUnit.SEKSI, induk=b)
            for n, b in enumerate(bidang * 8)
            if n < sisa
            for k in [n // len(bidang)]
        ]
    )
    return opd + bidang + seksi


def _nip(rnd: random.Random, n: int, dipakai: set[str]) -> tuple[str, date, str, date]:
    for _ in range(1000):
        lahir = date(1966, 1, 1) + timedelta(days=rnd.randint(0, 365 * 34))
        tahun = min(lahir.year + rnd.randint(20, 32), date.today().year - 1)
        tmt = date(tahun, rnd.randint(1, 12), 1)
        kelamin = rnd.choice("LP")
        nip = f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if kelamin == 'L' else '2'}{rnd.randint(1, 999):03d}"
        if nip not in dipakai:
            dipakai.add(nip)
            return nip, lahir, kelamin, tmt
    raise RuntimeError("no free NIP found")


def buat_pegawai(rnd: random.Random, jumlah: int, units: list[UnitKerja], jabatan: list[Jabatan]) -> None:
    """`jumlah` employees, each with one open history row and half with an earlier closed one."""
    dipakai = set(Pegawai.objects.values_list("nip", flat=True))
    golongan = [g for g, _ in GOLONGAN_CHOICES if "/" in g]
    parse(_nip(random.Random(0), 0, set())[0])  # the generator makes NIPs the rules accept
    dibuat = 0
    while dibuat < jumlah:
        n = min(BATCH, jumlah - dibuat)
        baris = []
        for i in range(n):
            nip, lahir, kelamin, tmt = _nip(rnd, dibuat + i, dipakai)
            baris.append(
                (
                    Pegawai(
                        nip=nip,
                        nama=f"{rnd.choice(NAMA_DEPAN)} {rnd.choice(NAMA_BELAKANG)} {dibuat + i}",
                        jenis_kelamin=kelamin,
                        tanggal_lahir=lahir,
                        golongan=rnd.choice(golongan),
                        pendidikan="S-1",
                    ),
                    tmt,
                )
            )
        pegawai = Pegawai.objects.bulk_create([p for p, _ in baris])
        riwayat = []
        for p, (_, tmt) in zip(pegawai, baris, strict=True):
            mulai = tmt
            if rnd.random() < 0.5:
                sampai = min(tmt + timedelta(days=rnd.randint(365, 365 * 6)), date.today() - timedelta(days=400))
                if sampai > tmt:
                    riwayat.append(
                        RiwayatJabatan(
                            pegawai=p, unit=rnd.choice(units), jabatan=rnd.choice(jabatan), mulai=tmt, sampai=sampai
                        )
                    )
                    mulai = sampai + timedelta(days=1)
            riwayat.append(RiwayatJabatan(pegawai=p, unit=rnd.choice(units), jabatan=rnd.choice(jabatan), mulai=mulai))
        RiwayatJabatan.objects.bulk_create(riwayat)
        dibuat += n
        _log(f"  pegawai: {dibuat:,}/{jumlah:,}")


def buat_tugas(rnd: random.Random, units: list[UnitKerja]) -> int:
    """Copy the demo's tasks (unit x position) to many of the new units."""
    contoh = list(TugasJabatan.objects.values("jabatan_id", "uraian", "satuan_hasil", "volume", "norma_waktu")[:12])
    if not contoh:
        return 0
    tugas = [TugasJabatan(unit=u, **t) for u in rnd.sample(units, min(len(units), 1200)) for t in rnd.sample(contoh, 6)]
    TugasJabatan.objects.bulk_create(tugas, batch_size=BATCH, ignore_conflicts=True)
    return len(tugas)


def buat_usulan(rnd: random.Random, jumlah: int, terbuka: int) -> None:
    """`jumlah` proposals: `terbuka` open across the steps (one running per employee), the rest finished."""
    hr = User.objects.get(nip=AKUN["hr"])
    kepala = User.objects.get(nip=AKUN["kepala"])
    ppk = User.objects.get(nip=AKUN["ppk"])
    unit_ids = list(UnitKerja.objects.values_list("id", flat=True))
    jabatan_ids = list(Jabatan.objects.values_list("id", flat=True))
    demo_unit = set(UnitKerja.objects.filter(kode__startswith="KE").values_list("id", flat=True))
    aktif = list(
        RiwayatJabatan.objects.filter(sampai__isnull=True).values_list(
            "id", "pegawai_id", "unit_id", "jabatan_id", "mulai"
        )
    )
    rnd.shuffle(aktif)
    # Demo employees (the head's units) first so the unit head's inbox has work in it.
    aktif.sort(key=lambda r: r[2] not in demo_unit)
    status = _bagi(terbuka, TERBUKA) + _bagi(jumlah - terbuka, SELESAI)
    sk_n = max(1, status.count("DILAKSANAKAN") // 100)
    tahun = date.today().year - 1
    sk = SuratKeputusan.objects.bulk_create(
        [
            SuratKeputusan(
                status=StatusSK.DITETAPKAN,
                nomor=f"800/B{i}/436.7.2/{tahun}",
                tahun=tahun,
                urut=100000 + i,
                tanggal=date(tahun, 1 + i % 12, 10),
                tmt=date(tahun, 1 + i % 12, 15),
                tentang="Mutasi pegawai (data benchmark)",
                kode_verifikasi=f"bench{i:027d}",
            )
            for i in range(sk_n)
        ]
    )
    sekarang = timezone.now()
    usulan, langkah = [], []
    for i, st in enumerate(status):
        rid, pid, uid, jid, mulai = aktif[i % len(aktif)] if i < terbuka else rnd.choice(aktif)
        dibuat = sekarang - timedelta(days=rnd.randint(1, 60) if i < terbuka else rnd.randint(60, 1500))
        tujuan = rnd.choice(unit_ids)
        u = UsulanMutasi(
            pegawai_id=pid,
            dasar="ROTASI",
            status=st,
            asal_riwayat_id=rid,
            asal_unit_id=uid,
            asal_jabatan_id=jid,
            asal_mulai=mulai,
            tujuan_unit_id=tujuan if tujuan != uid else rnd.choice(unit_ids),
            tujuan_jabatan_id=rnd.choice(jabatan_ids),
            alasan="Penyegaran organisasi dan pemerataan beban kerja.",
            manfaat_organisasi="Mengisi kekurangan pegawai di unit tujuan.",
            manfaat_pegawai="Pengembangan karier.",
            tmt_usulan=(dibuat + timedelta(days=60)).date(),
            diusulkan_oleh=kepala if i % 3 else hr,
            dibuat=dibuat,
        )
        jalan = JALAN[StatusUsulan(st)]
        if len(jalan) > 1:
            u.diajukan_pada = dibuat + timedelta(days=1)
        if st in ("DIVERIFIKASI", "DIPUTUSKAN", "DILAKSANAKAN", "DITOLAK"):
            u.diverifikasi_oleh = hr
        if st in ("DIPUTUSKAN", "DILAKSANAKAN", "DITOLAK"):
            u.diputuskan_oleh, u.diputuskan_pada = ppk, dibuat + timedelta(days=10)
        if st == "DILAKSANAKAN":
            s = sk[i % sk_n]
            u.sk, u.tmt, u.dilaksanakan_pada = (
                s,
                s.tmt,
                datetime.combine(s.tmt, datetime.min.time(), tzinfo=dibuat.tzinfo),
            )
        usulan.append(u)
        langkah.append(jalan)
    for a in range(0, len(usulan), BATCH):
        UsulanMutasi.objects.bulk_create(usulan[a : a + BATCH])
    oleh = {"buat": None, "ajukan": None, "lepas": kepala, "terima": kepala, "verifikasi": hr}
    riwayat = []
    for u, jalan in zip(usulan, langkah, strict=True):
        dari = ""
        for k, (aksi, ke) in enumerate(jalan):
            riwayat.append(
                RiwayatStatusUsulan(
                    usulan=u,
                    aksi=aksi,
                    dari=dari,
                    ke=ke,
                    oleh=oleh.get(aksi, ppk) or u.diusulkan_oleh,
                    waktu=u.dibuat + timedelta(days=k),
                )
            )
            dari = ke
    RiwayatStatusUsulan.objects.bulk_create(riwayat, batch_size=BATCH)
    _log(f"  usulan: {len(usulan):,} ({terbuka:,} terbuka), riwayat status: {len(riwayat):,}, SK: {sk_n}")


def bangun(jumlah: int, seed: int = 15) -> dict[str, float]:
    rnd = random.Random(seed)
    t0 = time.perf_counter()
    demo_dasar()
    with transaction.atomic():
        baru = buat_unit(rnd)
        units = list(UnitKerja.objects.all())
        jabatan = list(Jabatan.objects.filter(aktif=True)) if hasattr(Jabatan, "aktif") else list(Jabatan.objects.all())
        buat_pegawai(rnd, max(0, jumlah - Pegawai.objects.count()), units, jabatan)
        tugas = buat_tugas(rnd, baru)
        usulan = 20000 * jumlah // 100000
        buat_usulan(rnd, max(usulan, 200), max(1000 * jumlah // 100000, 60))
    # Statistics for the planner, as autovacuum would gather them shortly after a bulk load on a real
    # server: without them PostgreSQL guesses a few dozen rows per table and picks nested loops over
    # 100,000 (the employee list took 1.7 s in the query alone instead of 4 ms).
    with connection.cursor() as c:
        c.execute("ANALYZE")
    _log(
        f"  {Pegawai.objects.count():,} pegawai, {UnitKerja.objects.count():,} unit, "
        f"{TugasJabatan.objects.count():,} tugas (+{tugas:,}), {UsulanMutasi.objects.count():,} usulan"
    )
    return {"detik": time.perf_counter() - t0}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("BENCH_PEGAWAI", "100000"))
    hasil = bangun(n)
    _log(f"  dibangun dalam {hasil['detik']:.1f} s")
