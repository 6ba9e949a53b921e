"""Demo step `riwayat_pangkat` (`manage.py demo`, after `pegawai.demo.simpan.organisasi`): a rank
history and an education history for every demo employee that has none.

Ranks: a PNS enters at the golongan of the education they held then (`aturan.data.GOLONGAN_MASUK`,
never above the current one; that of today's education when the service is too short for one
step per four years from there) on the TMT CPNS of their NIP and rises one step every four years and
a few months to their current golongan, whose TMT has passed; a PPPK has one row,
their golongan since appointment. Education: the profile's `pendidikan` as the highest row, a
bachelor's under a master's, and the secondary school, with graduation years that fit the birth
date and the TMT CPNS. Deterministic (every choice follows the employee's NIP) and idempotent: an
employee with any history row is left as they are. The profile's golongan and pendidikan are the
histories' own, so nothing needs syncing."""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone

from inti.kalender import bulan_penuh, tambah_bulan

from ..aturan.data import GOLONGAN_MASUK, jenjang_pendidikan
from ..models import (
    PANGKAT_PNS,
    JenisKenaikanPangkat,
    Pegawai,
    RiwayatGolongan,
    RiwayatPendidikan,
    StatusAsn,
    SumberData,
    TingkatPendidikan,
)

_URUT = list(PANGKAT_PNS)
_AWALAN = (
    (r"S\s*-?\s*3", "S3"),
    (r"S\s*-?\s*2", "S2"),
    (r"S\s*-?\s*1", "S1"),
    (r"D\s*-?\s*IV", "D4"),
    (r"D\s*-?\s*III", "D3"),
    (r"D\s*-?\s*II", "D2"),
    (r"D\s*-?\s*I", "D1"),
    (r"SMA(/SMK)?|SMK|SLTA", "SMA"),
    (r"SMP|SLTP", "SMP"),
    (r"SD", "SD"),
)
KAMPUS = {
    "S": [
        "Universitas Airlangga",
        "Institut Teknologi Sepuluh Nopember",
        "Universitas Negeri Surabaya",
        "UPN Veteran Jawa Timur",
        "Universitas Brawijaya",
    ],
    "D": ["Politeknik Negeri Surabaya", "Poltekkes Kemenkes Surabaya", "Politeknik Elektronika Negeri Surabaya"],
    "SMA": [f"SMA Negeri {i} Surabaya" for i in (1, 2, 5, 6, 9, 15, 16, 21)],
}


def pisah_pendidikan(teks: str) -> tuple[str, str]:
    """'S-1 Ilmu Hukum' -> ('S1', 'Ilmu Hukum'); 'D-IV Ilmu Pemerintahan (IPDN)' -> ('D4', ...)."""
    for pola, tingkat in _AWALAN:
        m = re.match(rf"\s*({pola})\b[\s.:-]*", teks or "", re.I)
        if m:
            return tingkat, teks[m.end() :].strip()
    jenjang = jenjang_pendidikan(teks)
    return (jenjang or "SMA"), ""


def _angka(nip: str) -> int:
    return int(nip[-6:])


def _pangkat(p: Pegawai, hari: date, awal_pppk: date | None, pendidikan_masuk: str) -> list[RiwayatGolongan]:
    def baris(gol, tmt, jenis, i):
        return RiwayatGolongan(
            pegawai=p,
            golongan=gol,
            tmt=tmt,
            nomor_sk=f"823.3/{p.pk:04d}{i:02d}/436.7.2/{tmt.year}",
            tanggal_sk=tambah_bulan(tmt, -1),
            jenis_kenaikan=jenis,
            sumber=SumberData.DEMO,
        )

    if p.status == StatusAsn.PPPK:
        return [baris(p.golongan, awal_pppk or hari.replace(month=1, day=1), JenisKenaikanPangkat.PENGANGKATAN, 0)]
    cpns = p.tmt_cpns
    if cpns is None or p.golongan not in PANGKAT_PNS or cpns > hari:
        return []
    masuk = GOLONGAN_MASUK.get(jenjang_pendidikan(pendidikan_masuk) or "", "II/a")
    i0, i1 = min(_URUT.index(masuk), _URUT.index(p.golongan)), _URUT.index(p.golongan)
    if i1 - i0 and bulan_penuh(cpns, hari) // (i1 - i0) < 48:  # too fast from there: enter at today's education
        sekarang = GOLONGAN_MASUK.get(jenjang_pendidikan(p.pendidikan) or "", "II/a")
        i0 = max(i0, min(_URUT.index(sekarang), i1))
    langkah = i1 - i0
    # months between steps: four years and a few months (the NIP decides), less only when the service
    # is too short for it
    jarak = min(48 + _angka(p.nip) % 9, bulan_penuh(cpns, hari) // langkah) if langkah else 0
    hasil = [baris(_URUT[i0], cpns, JenisKenaikanPangkat.PENGANGKATAN, 0)]
    for k in range(1, langkah + 1):
        tmt = tambah_bulan(cpns, k * max(1, jarak))
        jenis = (
            JenisKenaikanPangkat.PILIHAN if k == langkah and _angka(p.nip) % 5 == 0 else JenisKenaikanPangkat.REGULER
        )
        hasil.append(baris(_URUT[i0 + k], tmt, jenis, k))
    return hasil


def _pendidikan(p: Pegawai, hari: date) -> list[RiwayatPendidikan]:
    n = _angka(p.nip)
    tingkat, jurusan = pisah_pendidikan(p.pendidikan)
    lahir = p.tanggal_lahir.year
    masuk = (p.tmt_cpns or hari).year

    def baris(t, j, tahun, kampus):
        tahun = max(lahir + 6, min(tahun, hari.year))
        return RiwayatPendidikan(
            pegawai=p,
            tingkat=t,
            jurusan=j,
            institusi=kampus[n % len(kampus)],
            tahun_lulus=tahun,
            nomor_ijazah=f"{t}-{tahun}-{n:06d}",
            sumber=SumberData.DEMO,
        )

    hasil = [baris("SMA", "", lahir + 18, KAMPUS["SMA"])] if TingkatPendidikan.urutan(tingkat) > 2 else []
    if tingkat in ("S2", "S3"):
        hasil.append(baris("S1", jurusan, min(lahir + 23, masuk - 1), KAMPUS["S"]))
        hasil.append(baris(tingkat, jurusan, masuk + 4 + n % 6, KAMPUS["S"]))
    elif tingkat != "SMA" or not hasil:
        lama = {"D1": 19, "D2": 20, "D3": 21, "D4": 22, "S1": 22}.get(tingkat, 18)
        kampus = KAMPUS["D"] if tingkat.startswith("D") else KAMPUS["S"] if tingkat.startswith("S") else KAMPUS["SMA"]
        hasil.append(baris(tingkat, jurusan, min(lahir + lama + n % 2, masuk), kampus))
    return hasil


def riwayat_pangkat(stdout) -> None:
    hari = timezone.localdate()
    pegawai = (
        Pegawai.objects.filter(riwayat_golongan__isnull=True, riwayat_pendidikan__isnull=True)
        .prefetch_related("riwayat_jabatan")
        .order_by("pk")
    )
    golongan, pendidikan, ubah = [], [], []
    for p in pegawai:
        awal = min((r.mulai for r in p.riwayat_jabatan.all()), default=None)
        sekolah = _pendidikan(p, hari)
        pendidikan += sekolah
        tertinggi = max(sekolah, key=lambda r: TingkatPendidikan.urutan(r.tingkat), default=None)
        # the entry rank follows the education held on the TMT CPNS (a later master's does not count)
        tahun_masuk = (p.tmt_cpns or hari).year
        saat_masuk = [r for r in sekolah if r.tahun_lulus <= tahun_masuk] or sekolah
        masuk = max(saat_masuk, key=lambda r: TingkatPendidikan.urutan(r.tingkat), default=None)
        golongan += _pangkat(p, hari, awal, masuk.teks if masuk else p.pendidikan)
        if tertinggi is not None and tertinggi.teks != p.pendidikan:
            p.pendidikan = tertinggi.teks  # the profile's text as the history writes it
            ubah.append(p)
    RiwayatGolongan.objects.bulk_create(golongan, batch_size=1000)
    RiwayatPendidikan.objects.bulk_create(pendidikan, batch_size=1000)
    Pegawai.objects.bulk_update(ubah, ["pendidikan"], batch_size=500)
    stdout.write(f"  riwayat golongan: {len(golongan)}, riwayat pendidikan: {len(pendidikan)} dibuat")
