"""The demo step `organisasi`: writes the competences, positions and units (created when missing,
matched by their natural key) and the planned employees with their history, yearly performance,
sanctions and the demo accounts (only when the demo people are absent), so a second run changes
nothing.
"""

from __future__ import annotations

import random
import re
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import (
    HukumanDisiplin,
    Jabatan,
    KinerjaTahunan,
    Kompetensi,
    Pegawai,
    Predikat,
    RiwayatJabatan,
    StatusAsn,
    TingkatHukuman,
    UnitKerja,
)
from ..models.organisasi import bup_bawaan_jabatan
from .akun import AKUN, buat_akun
from .identitas import HUKUMAN, PREFIKS_HP
from .jabatan import JABATAN, KOMPETENSI, SETARA
from .rencana import SEED, Orang, Perencana, awal_bulan
from .unit import UNIT_KERJA, UnitDef

DOMAIN_EMAIL = "surabaya.go.id"


def _pastikan_referensi() -> dict[str, int]:
    """Competences, positions and units, created when missing (matched by natural key)."""
    dibuat = {}
    ada = Kompetensi.objects.in_bulk(field_name="nama")
    baru = [Kompetensi(nama=n, jenis=j, deskripsi=d) for n, j, d in KOMPETENSI if n not in ada]
    Kompetensi.objects.bulk_create(baru)
    dibuat["kompetensi"] = len(baru)
    kompetensi = Kompetensi.objects.in_bulk(field_name="nama")

    ada = Jabatan.objects.in_bulk(field_name="nama")
    baru = [
        Jabatan(
            nama=j.nama,
            jenis=j.jenis,
            jenjang=j.jenjang,
            kelas=j.kelas,
            kepala_unit=j.kepala,
            deskripsi=j.deskripsi,
            bup_tahun=bup_bawaan_jabatan(j.nama),
        )
        for j in JABATAN.values()
        if j.nama not in ada
    ]
    Jabatan.objects.bulk_create(baru)
    dibuat["jabatan"] = len(baru)
    jabatan = Jabatan.objects.in_bulk(field_name="nama")
    if baru:
        lewat = Jabatan.kompetensi.through
        lewat.objects.bulk_create(
            [
                lewat(jabatan_id=jabatan[j.nama].pk, kompetensi_id=kompetensi[k].pk)
                for j in baru
                for k in JABATAN[j.nama].kompetensi
            ]
        )
        baru_nama = {j.nama for j in baru}
        setara = Jabatan.setara.through
        pasangan = [(a, b) for a, b in SETARA if a in baru_nama or b in baru_nama]
        setara.objects.bulk_create(
            [
                setara(from_jabatan_id=jabatan[x].pk, to_jabatan_id=jabatan[y].pk)
                for a, b in pasangan
                for x, y in ((a, b), (b, a))
            ],
            ignore_conflicts=True,
        )

    ada = UnitKerja.objects.in_bulk(field_name="kode")
    baru = 0
    for tingkat in range(4):  # parents before children
        batch = []
        for u in UNIT_KERJA:
            if u.kode in ada or _kedalaman(u) != tingkat:
                continue
            batch.append(
                UnitKerja(
                    kode=u.kode, nama=u.nama, jenis=u.jenis, alamat=u.alamat, induk=ada[u.induk] if u.induk else None
                )
            )
        UnitKerja.objects.bulk_create(batch)
        ada.update({x.kode: x for x in batch})
        baru += len(batch)
    dibuat["unit kerja"] = baru
    return dibuat


def _kedalaman(u: UnitDef) -> int:
    induk = {x.kode: x.induk for x in UNIT_KERJA}
    n, k = 0, u.induk
    while k:
        n, k = n + 1, induk[k]
    return n


def _email(o: Orang) -> str:
    lokal = ".".join(re.sub(r"[^a-z]", "", w) for w in o.nama.lower().split()[:2])
    return f"{lokal.strip('.')}{o.nip[-3:]}@{DOMAIN_EMAIL}"


def _simpan_orang(orang: list[Orang]) -> dict[str, int]:
    rnd = random.Random(SEED + 1)
    hari_ini = timezone.localdate()
    unit = UnitKerja.objects.in_bulk(field_name="kode")
    jabatan = Jabatan.objects.in_bulk(field_name="nama")
    kompetensi = Kompetensi.objects.in_bulk(field_name="nama")
    ada = set(Pegawai.objects.filter(nip__in=[o.nip for o in orang]).values_list("nip", flat=True))
    orang = [o for o in orang if o.nip not in ada]

    pegawai = [
        Pegawai(
            nip=o.nip,
            status=o.status,
            nama=o.nama,
            gelar_depan=o.gelar_depan,
            gelar_belakang=o.gelar_belakang,
            jenis_kelamin=o.jenis_kelamin,
            tempat_lahir=o.tempat_lahir,
            tanggal_lahir=o.tanggal_lahir,
            golongan=o.golongan,
            pendidikan=o.pendidikan,
            email=_email(o),
            telepon=f"08{rnd.choice(PREFIKS_HP)}{rnd.randint(10**7, 10**8 - 1)}",
        )
        for o in orang
    ]
    Pegawai.objects.bulk_create(pegawai, batch_size=500)
    per_nip = {p.nip: p for p in pegawai}

    riwayat = []
    for o in orang:
        p = per_nip[o.nip]
        for kode, jab, mulai, sampai, ket in o.riwayat:
            tgl_sk = mulai - timedelta(days=rnd.randint(7, 30))
            riwayat.append(
                RiwayatJabatan(
                    pegawai=p,
                    unit=unit[kode],
                    jabatan=jabatan[jab],
                    mulai=mulai,
                    sampai=sampai,
                    nomor_sk=f"821.2/{rnd.randint(100, 9999):04d}/436.7.2/{tgl_sk.year}",
                    tanggal_sk=tgl_sk,
                    keterangan=ket,
                )
            )
    RiwayatJabatan.objects.bulk_create(riwayat, batch_size=1000)

    lewat = Pegawai.kompetensi.through
    lewat.objects.bulk_create(
        [lewat(pegawai_id=per_nip[o.nip].pk, kompetensi_id=kompetensi[k].pk) for o in orang for k in o.kompetensi],
        batch_size=1000,
    )

    # Unit heads: the holder of each unit's head post.
    kepala = []
    for o in orang:
        if JABATAN[o.jabatan].kepala and unit[o.unit].kepala_id is None:
            unit[o.unit].kepala = per_nip[o.nip]
            kepala.append(unit[o.unit])
    UnitKerja.objects.bulk_update(kepala, ["kepala"])

    # Yearly performance for the last three years (most employees; a few records are missing).
    kinerja, dihukum = [], _pilih_dihukum(orang, rnd)
    for o in orang:
        if rnd.random() < 0.07 and not o.akun:
            continue
        for tahun in range(hari_ini.year - 3, hari_ini.year):
            if tahun < o.tmt.year:
                continue
            if o.nip in dihukum:
                pred = rnd.choices([Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG], [3, 4, 3])[0]
            elif o.akun:
                pred = Predikat.BAIK if tahun % 2 else Predikat.SANGAT_BAIK
            else:
                pred = rnd.choices(
                    [
                        Predikat.SANGAT_BAIK,
                        Predikat.BAIK,
                        Predikat.BUTUH_PERBAIKAN,
                        Predikat.KURANG,
                        Predikat.SANGAT_KURANG,
                    ],
                    [16, 70, 10, 3, 1],
                )[0]
            kinerja.append(KinerjaTahunan(pegawai=per_nip[o.nip], tahun=tahun, predikat=pred))
    KinerjaTahunan.objects.bulk_create(kinerja, batch_size=1000)

    hukuman = []
    for (tingkat, jenis, mulai_bulan, lama_bulan), nip in zip(HUKUMAN, dihukum, strict=False):
        mulai = awal_bulan(hari_ini + timedelta(days=30 * mulai_bulan))
        selesai = mulai + timedelta(days=round(30.44 * lama_bulan))
        hukuman.append(
            HukumanDisiplin(
                pegawai=per_nip[nip],
                tingkat=tingkat,
                jenis=jenis,
                mulai=mulai,
                selesai=selesai,
                nomor_sk=f"800.1.6/{rnd.randint(10, 999):03d}/436.7.2/{mulai.year}",
                keterangan="Pelanggaran ketentuan jam kerja."
                if tingkat == TingkatHukuman.RINGAN
                else "Pelanggaran kewajiban menaati ketentuan peraturan perundang-undangan.",
            )
        )
    HukumanDisiplin.objects.bulk_create(hukuman)

    akun = buat_akun(per_nip)
    return {
        "pegawai": len(pegawai),
        "PPPK": sum(o.status == StatusAsn.PPPK for o in orang),
        "riwayat jabatan": len(riwayat),
        "kepala unit": len(kepala),
        "kinerja tahunan": len(kinerja),
        "hukuman disiplin": len(hukuman),
        "akun": akun,
    }


def _pilih_dihukum(orang: list[Orang], rnd: random.Random) -> list[str]:
    calon = [o.nip for o in orang if not o.akun and not JABATAN[o.jabatan].kepala and o.status == StatusAsn.PNS]
    return rnd.sample(calon, min(len(HUKUMAN), len(calon)))


@transaction.atomic
def organisasi(stdout) -> None:
    """Units, positions, competences and about 300 employees of Kota Surabaya."""
    hasil = _pastikan_referensi()
    if Pegawai.objects.filter(nip=AKUN["hr"]).exists():
        stdout.write("  pegawai demo sudah ada: tidak ada yang ditambahkan")
    else:
        orang = Perencana(timezone.localdate()).rencana()
        hasil.update(_simpan_orang(orang))
    for nama, n in hasil.items():
        stdout.write(f"  {nama:<18} {n:>5} baru")
    stdout.write(
        f"  sekarang: {UnitKerja.objects.count()} unit kerja, {Jabatan.objects.count()} jabatan, "
        f"{Pegawai.objects.count()} pegawai"
    )
