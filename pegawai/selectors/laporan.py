"""The reports HR prints: the DUK (Daftar Urut Kepangkatan, the seniority list), the readable
employee report, and the rotation watch as rows. Reads only; the views turn the rows into XLSX
(inti.lembar) or PDF (WeasyPrint). Years and months are counted by the calendar (inti.kalender).

DUK order (the usual BKN order): golongan, highest first; TMT golongan, earliest first; position
level (kelas jabatan), highest first; years of service (from the TMT CPNS in the NIP), longest
first; training (diklat) count, most first; education level, highest first; age, oldest first.
The DUK lists active PNS only (PPPK have no pangkat).

The TMT golongan is the TMT of the latest rank-history row (RiwayatGolongan) of the employee's
current golongan on or before the DUK's date, read in the same query (a Subquery); an employee
without such a row sorts after those of the same golongan who have one. Training records belong
to the `pelatihan` app, above this one: they come through the LAPORAN_DIKLAT_PEGAWAI hook (a dotted
path to a callable taking employee ids and answering {id: (count, last training name, last date)}),
empty when unset."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.module_loading import import_string

from inti.kalender import masa, masa_teks, usia

from ..models import BatasUsiaPensiun, Pegawai, RiwayatGolongan, RiwayatJabatan, StatusAsn, UnitKerja
from ..models.organisasi import bup_jabatan
from ..models.pilihan import PANGKAT_PNS
from ..pohon import unit_induk_map, unit_opd_id, unit_turunan_ids
from .pegawai import pegawai_terlihat, tanggal_pensiun

if TYPE_CHECKING:
    from ..akses import Pengguna

_URUT_GOLONGAN = {g: i for i, g in enumerate(PANGKAT_PNS)}  # I/a = 0 ... IV/e = 16

# Education levels, highest first matched first (the stored value is free text: "S1 Administrasi Negara").
_PENDIDIKAN = (
    (r"\bS-?3\b|\bdoktor", 9),
    (r"\bS-?2\b|\bmagister|\bspesialis|\bsp\.?\s?\d", 8),
    (r"\bS-?1\b|\bD-?IV\b|\bD-?4\b|\bsarjana|\bprofesi", 7),
    (r"\bD-?III\b|\bD-?3\b", 6),
    (r"\bD-?II\b|\bD-?2\b", 5),
    (r"\bD-?I\b|\bD-?1\b", 4),
    (r"\bSMA\b|\bSMK\b|\bSLTA\b|\bMA\b|\bSMEA\b|\bSTM\b", 3),
    (r"\bSMP\b|\bSLTP\b|\bMTs\b", 2),
    (r"\bSD\b|\bMI\b", 1),
)


def jenjang_pendidikan(teks: str) -> int:
    """A sortable level for a free-text education (0 when unknown)."""
    for pola, nilai in _PENDIDIKAN:
        if re.search(pola, teks or "", re.IGNORECASE):
            return nilai
    return 0


def pangkat_teks(golongan: str) -> str:
    """'Penata Muda / III/a' (the rank name HR writes); the bare golongan for PPPK."""
    nama = PANGKAT_PNS.get(golongan)
    return f"{nama} / {golongan}" if nama else golongan


def with_tmt_golongan(qs: QuerySet[Pegawai], hari: date) -> QuerySet[Pegawai]:
    """Annotate `tmt_golongan`: since when the employee holds their current golongan, from the rank
    history as it stood on `hari` (None without a matching row). One subquery, no extra query."""
    terakhir = RiwayatGolongan.objects.filter(
        pegawai=OuterRef("pk"), golongan=OuterRef("golongan"), tmt__lte=hari
    ).order_by("-tmt")
    return qs.annotate(tmt_golongan=Subquery(terakhir.values("tmt")[:1]))


def diklat_per_pegawai(ids: list[int]) -> dict[int, tuple[int, str, date | None]]:
    """Training per employee through the LAPORAN_DIKLAT_PEGAWAI hook (one query there)."""
    jalur = getattr(settings, "LAPORAN_DIKLAT_PEGAWAI", None)
    if not jalur or not ids:
        return {}
    return import_string(jalur)(ids)


@dataclass
class BarisDuk:
    no: int
    pegawai: Pegawai
    posisi: RiwayatJabatan | None
    opd: str
    tmt_golongan: date | None
    masa_kerja: tuple[int, int]
    diklat_jumlah: int
    diklat_terakhir: str
    diklat_tanggal: date | None
    usia: int

    @property
    def pangkat(self) -> str:
        return pangkat_teks(self.pegawai.golongan)

    @property
    def masa_kerja_teks(self) -> str:
        t, b = self.masa_kerja
        return f"{t} th {b} bl"


def _kunci_duk(b: BarisDuk) -> tuple:
    p, jab = b.pegawai, b.posisi.jabatan if b.posisi else None
    return (
        -_URUT_GOLONGAN.get(p.golongan, -1),
        b.tmt_golongan or date.max,
        -(jab.kelas or 0) if jab else 0,
        -(b.masa_kerja[0] * 12 + b.masa_kerja[1]),
        -b.diklat_jumlah,
        -jenjang_pendidikan(p.pendidikan),
        p.tanggal_lahir,
        p.nama,
        p.pk,
    )


def duk(user: Pengguna, *, opd: UnitKerja | None = None, hari: date) -> list[BarisDuk]:
    """The DUK of an OPD (with its sub-units) or, without one, of every unit the user may see
    (the city for HR and the PPK). A fixed number of queries whatever the size."""
    qs = pegawai_terlihat(user).with_posisi().filter(aktif=True, status=StatusAsn.PNS)
    qs = with_tmt_golongan(qs.filter(golongan__in=list(PANGKAT_PNS)), hari)
    induk = unit_induk_map()
    if opd is not None:
        qs = qs.filter(posisi__unit_id__in=unit_turunan_ids([opd.pk], induk))
    daftar = list(qs)
    diklat = diklat_per_pegawai([p.pk for p in daftar])
    nama_unit = dict(UnitKerja.objects.values_list("id", "nama"))
    baris = []
    for p in daftar:
        posisi = p.posisi_sekarang
        cpns = p.tmt_cpns
        jumlah, terakhir, tanggal = diklat.get(p.pk, (0, "", None))
        baris.append(
            BarisDuk(
                no=0,
                pegawai=p,
                posisi=posisi,
                opd=nama_unit.get(unit_opd_id(posisi.unit_id, induk), "") if posisi else "",
                tmt_golongan=p.tmt_golongan,
                masa_kerja=masa(cpns, hari) if cpns else (0, 0),
                diklat_jumlah=jumlah,
                diklat_terakhir=terakhir,
                diklat_tanggal=tanggal,
                usia=usia(p.tanggal_lahir, hari),
            )
        )
    baris.sort(key=_kunci_duk)
    for i, b in enumerate(baris, start=1):
        b.no = i
    return baris


def duk_kepala() -> list[str]:
    from django.utils.translation import gettext as _

    return [
        _("No."),
        _("Nama"),
        _("NIP"),
        _("Tempat, tanggal lahir"),
        _("Pangkat / Gol."),
        _("TMT golongan"),
        _("Jabatan"),
        _("Unit kerja"),
        _("TMT jabatan"),
        _("Masa kerja (tahun)"),
        _("Masa kerja (bulan)"),
        _("Diklat (jumlah)"),
        _("Diklat terakhir"),
        _("Pendidikan"),
        _("Usia"),
        _("Ket."),
    ]


def duk_baris_lembar(baris: Iterable[BarisDuk]) -> Iterator[list]:
    for b in baris:
        p, pos = b.pegawai, b.posisi
        ttl = ", ".join(x for x in (p.tempat_lahir, p.tanggal_lahir.strftime("%d-%m-%Y")) if x)
        yield [
            b.no,
            p.nama_lengkap,
            p.nip_tampil,
            ttl,
            b.pangkat,
            b.tmt_golongan,
            pos.jabatan.nama if pos else "",
            pos.unit.nama if pos else "",
            pos.mulai if pos else None,
            b.masa_kerja[0],
            b.masa_kerja[1],
            b.diklat_jumlah,
            b.diklat_terakhir,
            p.pendidikan,
            b.usia,
            "",
        ]


# --- The readable employee report ----------------------------------------------------------------


def laporan_pegawai_kepala() -> list[str]:
    from django.utils.translation import gettext as _

    return [
        _("No."),
        _("NIP"),
        _("Nama"),
        _("Status"),
        _("Pangkat / Gol."),
        _("TMT golongan"),
        _("OPD"),
        _("Unit kerja"),
        _("Jabatan"),
        _("TMT jabatan"),
        _("Lama di jabatan"),
        _("Masa kerja"),
        _("Tanggal lahir"),
        _("Usia"),
        _("Pendidikan"),
        _("BUP (usia)"),
        _("Tanggal pensiun (BUP)"),
        _("Aktif"),
    ]


def laporan_pegawai_baris(pegawai: Iterable[Pegawai], *, hari: date) -> Iterator[list]:
    """Rows of the readable report for employees read with `with_posisi()` and `with_tmt_golongan()`:
    names with titles, the OPD and unit by name, the rank name, service length by the calendar,
    the retirement (BUP) date. Unit names and the BUP table load once."""
    from django.utils.translation import gettext as _

    induk = unit_induk_map()
    nama_unit = dict(UnitKerja.objects.values_list("id", "nama"))
    peta_bup = BatasUsiaPensiun.peta()
    for i, p in enumerate(pegawai, start=1):
        pos = p.posisi_sekarang
        umur_bup = bup_jabatan(pos.jabatan, peta_bup) if pos else None
        cpns = p.tmt_cpns if p.status == StatusAsn.PNS else None
        yield [
            i,
            p.nip_tampil,
            p.nama_lengkap,
            p.get_status_display(),
            pangkat_teks(p.golongan),
            getattr(p, "tmt_golongan", None),
            nama_unit.get(unit_opd_id(pos.unit_id, induk), "") if pos else "",
            pos.unit.nama if pos else "",
            pos.jabatan.nama if pos else "",
            pos.mulai if pos else None,
            masa_teks(pos.mulai, hari) if pos else "",
            masa_teks(cpns, hari) if cpns else "",
            p.tanggal_lahir,
            usia(p.tanggal_lahir, hari),
            p.pendidikan,
            umur_bup,
            tanggal_pensiun(p.tanggal_lahir, umur_bup) if umur_bup else None,
            _("ya") if p.aktif else _("tidak"),
        ]


# --- The rotation watch as rows ------------------------------------------------------------------


def rotasi_kepala() -> list[str]:
    from django.utils.translation import gettext as _

    return [
        _("No."),
        _("NIP"),
        _("Nama"),
        _("Jabatan"),
        _("Unit kerja"),
        _("TMT jabatan"),
        _("Lama di jabatan"),
        _("Pita"),
    ]


def rotasi_baris(posisi: Iterable[RiwayatJabatan], *, hari: date) -> Iterator[list]:
    """Rows of the rotation watch (posts from `abk_rotasi`): time in post by the calendar and its band."""
    from .abk.rotasi import pita_rotasi

    label = dict(pita_label())
    for i, r in enumerate(posisi, start=1):
        yield [
            i,
            r.pegawai.nip_tampil,
            r.pegawai.nama_lengkap,
            r.jabatan.nama,
            r.unit.nama,
            r.mulai,
            masa_teks(r.mulai, hari),
            label[pita_rotasi(r.mulai, hari)],
        ]


def pita_label() -> list[tuple[str, str]]:
    """The bands' names, with the years they cover (from the settings)."""
    from django.utils.translation import gettext as _

    minimum, maks = settings.MUTASI_MIN_TAHUN, settings.MUTASI_MAX_TAHUN
    segera = max(minimum, maks - 1)
    return [
        ("dini", _("Di bawah %(a)d tahun: belum boleh dimutasi") % {"a": minimum}),
        ("boleh", _("%(a)d–%(b)d tahun: boleh dimutasi") % {"a": minimum, "b": segera}),
        ("segera", _("%(a)d–%(b)d tahun: segera jatuh tempo") % {"a": segera, "b": maks}),
        ("wajib", _("%(a)d tahun atau lebih: wajib dimutasi") % {"a": maks}),
    ]
