"""Needs-based transfer candidates: who could fill a shortage, where a surplus could go, with
every part of the score shown and every exclusion given with its reason."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.utils.formats import number_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from inti.kalender import bulan_penuh, tambah_tahun

from ...models import (
    BatasUsiaPensiun,
    HukumanDisiplin,
    Jabatan,
    KinerjaTahunan,
    Pegawai,
    Predikat,
    RiwayatJabatan,
    UnitKerja,
)
from ...models.organisasi import bup_jabatan
from ..pegawai import tanggal_pensiun
from .hitung import PosisiAbk, abk_posisi
from .rotasi import rotasi_dini, rotasi_wajib

BOBOT_SKOR = {
    # Size of the surplus of the candidate's position at the source unit: the more over-staffed the
    # source, the more easily it can spare someone. Points per surplus person, capped.
    "kelebihan_per_orang": 10,
    "kelebihan_maks": 30,
    # Years in the current post. At or past MUTASI_MAX_TAHUN the rule says the employee must be moved:
    # a strong reason. Between MUTASI_MIN_TAHUN and MUTASI_MAX_TAHUN: from 0 growing linearly up to
    # `masa_layak_maks`. Under MUTASI_MIN_TAHUN the employee is excluded (not scored).
    "masa_wajib": 30,
    "masa_layak_maks": 10,
    # Last yearly performance predicate: better first; none recorded is neutral; poorer counts against.
    "predikat": {
        Predikat.SANGAT_BAIK.value: 20,
        Predikat.BAIK.value: 10,
        None: 0,
        Predikat.BUTUH_PERBAIKAN.value: -10,
        Predikat.KURANG.value: -20,
        Predikat.SANGAT_KURANG.value: -30,
    },
    # Share (0..1) of the target position's required competences that the employee holds, times this.
    # A position without listed requirements gives everyone 0 here.
    "kompetensi": 20,
}
# Excluded when the pension (TMT pensiun) falls within this many years from today.
PENSIUN_DEKAT_TAHUN = 1


def pegawai_dalam_usulan() -> set[int]:
    """Pegawai ids already in an open transfer proposal, from the ABK_PEGAWAI_DALAM_USULAN hook
    (the proposals app lives above pegawai and may not be imported here)."""
    jalur = getattr(settings, "ABK_PEGAWAI_DALAM_USULAN", None)
    if not jalur:
        return set()
    return set(import_string(jalur)())


def jabatan_setara_ids(jabatan: Jabatan) -> set[int]:
    """The position and those HR marked as equivalent. One query."""
    return {jabatan.pk, *jabatan.setara.values_list("id", flat=True)}


@dataclass
class Komponen:
    kunci: str
    label: str
    nilai: float
    keterangan: str


@dataclass
class Kandidat:
    """An employee who could fill a shortage, with every part of the score and any exclusion."""

    riwayat: RiwayatJabatan
    kelebihan_sumber: int
    masa_tahun: float
    predikat: str | None
    tahun_predikat: int | None
    kompetensi_dimiliki: int
    kompetensi_wajib: int
    tanggal_pensiun: date | None
    hukuman_sampai: date | None
    dalam_usulan: bool
    komponen: list[Komponen] = field(default_factory=list)
    alasan: list[str] = field(default_factory=list)

    @property
    def pegawai(self) -> Pegawai:
        return self.riwayat.pegawai

    @property
    def skor(self) -> float:
        return round(sum(k.nilai for k in self.komponen), 1)

    @property
    def layak(self) -> bool:
        return not self.alasan

    @property
    def nilai(self) -> dict[str, float]:
        return {k.kunci: k.nilai for k in self.komponen}

    @property
    def predikat_label(self) -> str:
        return Predikat(self.predikat).label if self.predikat else _("Belum tercatat")


def _bup_peta() -> dict[tuple[str, str], int]:
    return BatasUsiaPensiun.peta()


def _bup_untuk(bup: dict[tuple[str, str], int], jabatan: Jabatan) -> int | None:
    return bup_jabatan(jabatan, bup)


def _riwayat_beranotasi(qs: QuerySet[RiwayatJabatan], hari: date) -> QuerySet[RiwayatJabatan]:
    """Current posts with the employee's last predicate and any sanction covering `hari`, one query."""
    kinerja = KinerjaTahunan.objects.filter(pegawai=OuterRef("pegawai_id")).order_by("-tahun")
    hukuman = HukumanDisiplin.objects.filter(pegawai=OuterRef("pegawai_id"), mulai__lte=hari, selesai__gte=hari)
    return qs.select_related("pegawai", "unit", "unit__induk", "jabatan").annotate(
        predikat_terakhir=Subquery(kinerja.values("predikat")[:1]),
        tahun_predikat=Subquery(kinerja.values("tahun")[:1]),
        dihukum=Exists(hukuman),
        hukuman_sampai=Subquery(hukuman.order_by("-selesai").values("selesai")[:1]),
    )


def _kompetensi_dimiliki(riwayat_qs: QuerySet[RiwayatJabatan], wajib: set[int]) -> dict[int, int]:
    """{pegawai id: how many of the required competences they hold}. One query (none if no requirements)."""
    if not wajib:
        return {}
    through = Pegawai.kompetensi.through
    return dict(
        through.objects.filter(pegawai_id__in=riwayat_qs.values("pegawai_id"), kompetensi_id__in=wajib)
        .order_by()
        .values("pegawai_id")
        .annotate(n=Count("id"))
        .values_list("pegawai_id", "n")
    )


def _nilai_kandidat(
    r: RiwayatJabatan,
    *,
    kelebihan_sumber: int,
    kompetensi_wajib: int,
    kompetensi_dimiliki: int,
    bup: dict[tuple[str, str], int],
    dalam_usulan: set[int],
    hari: date,
    bobot: dict = BOBOT_SKOR,
) -> Kandidat:
    min_thn, max_thn = settings.MUTASI_MIN_TAHUN, settings.MUTASI_MAX_TAHUN
    masa = round(bulan_penuh(r.mulai, hari) / 12, 1)  # whole calendar months, shown in years
    masa_teks = number_format(masa, 1)  # "1,6" in Indonesian, like the numbers in the tables
    usia_bup = _bup_untuk(bup, r.jabatan)
    pensiun = tanggal_pensiun(r.pegawai.tanggal_lahir, usia_bup) if usia_bup else None
    k = Kandidat(
        riwayat=r,
        kelebihan_sumber=kelebihan_sumber,
        masa_tahun=masa,
        predikat=r.predikat_terakhir,
        tahun_predikat=r.tahun_predikat,
        kompetensi_dimiliki=kompetensi_dimiliki,
        kompetensi_wajib=kompetensi_wajib,
        tanggal_pensiun=pensiun,
        hukuman_sampai=r.hukuman_sampai if r.dihukum else None,
        dalam_usulan=r.pegawai_id in dalam_usulan,
    )
    # Exclusions, every reason that applies.
    dini = rotasi_dini(r.mulai, hari)
    if dini:
        k.alasan.append(
            _("Terlalu dini: baru %(masa)s tahun di jabatan (minimal %(min)s)") % {"masa": masa_teks, "min": min_thn}
        )
    if r.dihukum:
        k.alasan.append(_("Sedang menjalani hukuman disiplin s.d. %(tgl)s") % {"tgl": f"{r.hukuman_sampai:%d-%m-%Y}"})
    if pensiun and pensiun <= tambah_tahun(hari, PENSIUN_DEKAT_TAHUN):
        k.alasan.append(_("Pensiun dalam 1 tahun (TMT pensiun %(tgl)s)") % {"tgl": f"{pensiun:%d-%m-%Y}"})
    if k.dalam_usulan:
        k.alasan.append(_("Sudah dalam usulan mutasi yang masih berjalan"))
    # Score parts.
    poin_kelebihan = min(kelebihan_sumber * bobot["kelebihan_per_orang"], bobot["kelebihan_maks"])
    k.komponen.append(
        Komponen(
            "kelebihan",
            _("Kelebihan di unit asal"),
            poin_kelebihan,
            _("%(n)s orang lebih") % {"n": kelebihan_sumber},
        )
    )
    if rotasi_wajib(r.mulai, hari):
        poin_masa = bobot["masa_wajib"]
        ket = _("%(m)s th: wajib dimutasi (≥ %(max)s th)") % {"m": masa_teks, "max": max_thn}
    elif dini:
        poin_masa, ket = 0, _("%(m)s th: belum boleh dimutasi") % {"m": masa_teks}
    else:
        porsi = max(0.0, min(1.0, (masa - min_thn) / max(max_thn - min_thn, 1)))
        poin_masa, ket = round(bobot["masa_layak_maks"] * porsi, 1), _("%(m)s th di jabatan") % {"m": masa_teks}
    k.komponen.append(Komponen("masa", _("Masa jabatan"), poin_masa, ket))
    ket = k.predikat_label + (f" ({k.tahun_predikat})" if k.tahun_predikat else "")
    k.komponen.append(Komponen("predikat", _("Predikat terakhir"), bobot["predikat"].get(k.predikat, 0), ket))
    if kompetensi_wajib:
        poin = round(bobot["kompetensi"] * kompetensi_dimiliki / kompetensi_wajib, 1)
        ket = _("%(a)s dari %(b)s kompetensi") % {"a": kompetensi_dimiliki, "b": kompetensi_wajib}
    else:
        poin, ket = 0, _("Jabatan tanpa persyaratan kompetensi")
    k.komponen.append(Komponen("kompetensi", _("Kesesuaian kompetensi"), poin, ket))
    return k


def _dinilai(
    qs: QuerySet[RiwayatJabatan], wajib: set[int], hari: date, kelebihan_sumber: Callable[[RiwayatJabatan], int | None]
) -> Iterator[Kandidat]:
    """Every current post of `qs` scored for a position requiring the competences `wajib`; what
    the score reads for the whole lot (competences held, retirement ages, open proposals,
    predicates and sanctions) in one query each. A post whose `kelebihan_sumber` is None is skipped."""
    dimiliki = _kompetensi_dimiliki(qs, wajib)
    bup, usulan = _bup_peta(), pegawai_dalam_usulan()
    for r in _riwayat_beranotasi(qs, hari):
        kelebihan = kelebihan_sumber(r)
        if kelebihan is None:
            continue
        yield _nilai_kandidat(
            r,
            kelebihan_sumber=kelebihan,
            kompetensi_wajib=len(wajib),
            kompetensi_dimiliki=dimiliki.get(r.pegawai_id, 0),
            bup=bup,
            dalam_usulan=usulan,
            hari=hari,
        )


def _urut_kandidat(daftar: list[Kandidat]) -> list[Kandidat]:
    return sorted(daftar, key=lambda k: (-k.skor, -k.masa_tahun, k.pegawai.nama, k.pegawai.pk))


@dataclass
class HasilKandidat:
    unit: UnitKerja
    jabatan: Jabatan
    posisi: PosisiAbk
    setara: list[Jabatan]
    sumber: list[tuple[UnitKerja, Jabatan, PosisiAbk, int]]  # source unit, position, figures, eligible count
    kandidat: list[Kandidat]
    dikecualikan: list[Kandidat]
    kompetensi_wajib: list = field(default_factory=list)


def abk_kandidat(unit: UnitKerja, jabatan: Jabatan, *, hari: date | None = None) -> HasilKandidat:
    """Employees who could fill a shortage of `jabatan` in `unit`: holders of the position or an
    equivalent in units with a surplus of it, scored (BOBOT_SKOR) and ranked; excluded ones apart
    with their reasons. A fixed number of queries whatever the city's size."""
    hari = hari or date.today()
    setara_ids = jabatan_setara_ids(jabatan)
    posisi = abk_posisi(jabatan_ids=setara_ids)
    tujuan = posisi.get((unit.pk, jabatan.pk)) or PosisiAbk(unit.pk, jabatan.pk).hitung()
    surplus = {key: p for key, p in posisi.items() if p.kelebihan > 0 and key != (unit.pk, jabatan.pk)}
    kompetensi_wajib = list(jabatan.kompetensi.all())
    wajib = {k.pk for k in kompetensi_wajib}
    kandidat_qs = RiwayatJabatan.objects.sekarang().filter(
        pegawai__aktif=True,
        jabatan_id__in=setara_ids,
        unit_id__in={u for (u, _j) in surplus},
    )
    layak, kecuali = [], []
    hitung_sumber: dict[tuple[int, int], list] = {}
    # A holder of an equivalent position in a surplus unit, but not of the one in surplus there, is skipped.
    kelebihan = {key: p.kelebihan for key, p in surplus.items()}
    for k in _dinilai(kandidat_qs, wajib, hari, lambda r: kelebihan.get((r.unit_id, r.jabatan_id))):
        (layak if k.layak else kecuali).append(k)
        r, kunci = k.riwayat, (k.riwayat.unit_id, k.riwayat.jabatan_id)
        entri = hitung_sumber.setdefault(kunci, [r.unit, r.jabatan, surplus[kunci], 0])
        entri[3] += 1 if k.layak else 0
    sumber = sorted((tuple(v) for v in hitung_sumber.values()), key=lambda s: (-s[2].kelebihan, s[0].nama))
    setara = sorted((j for j in Jabatan.objects.filter(pk__in=setara_ids - {jabatan.pk})), key=lambda j: j.nama)
    return HasilKandidat(
        unit=unit,
        jabatan=jabatan,
        posisi=tujuan,
        setara=setara,
        sumber=sumber,
        kandidat=_urut_kandidat(layak),
        dikecualikan=_urut_kandidat(kecuali),
        kompetensi_wajib=kompetensi_wajib,
    )


@dataclass
class Tujuan:
    unit: UnitKerja
    jabatan: Jabatan
    posisi: PosisiAbk


@dataclass
class HasilTujuan:
    unit: UnitKerja
    jabatan: Jabatan
    posisi: PosisiAbk
    tujuan: list[Tujuan]
    pegawai: list[Kandidat]
    dikecualikan: list[Kandidat]


def abk_tujuan(unit: UnitKerja, jabatan: Jabatan, *, hari: date | None = None) -> HasilTujuan:
    """For a surplus of `jabatan` in `unit`: units short of it (or of an equivalent), most short
    first, and the surplus holders scored as candidates for `jabatan` (the score's surplus part is
    this unit's surplus). A fixed number of queries."""
    hari = hari or date.today()
    setara_ids = jabatan_setara_ids(jabatan)
    posisi = abk_posisi(jabatan_ids=setara_ids)
    asal = posisi.get((unit.pk, jabatan.pk)) or PosisiAbk(unit.pk, jabatan.pk).hitung()
    kurang = [p for key, p in posisi.items() if p.kekurangan > 0 and key != (unit.pk, jabatan.pk)]
    units = UnitKerja.objects.in_bulk({p.unit_id for p in kurang})
    jabatan_map = Jabatan.objects.in_bulk(setara_ids)
    tujuan = [Tujuan(unit=units[p.unit_id], jabatan=jabatan_map[p.jabatan_id], posisi=p) for p in kurang]
    tujuan.sort(key=lambda t: (-t.posisi.kekurangan, t.unit.nama, t.jabatan.nama))
    wajib = set(jabatan.kompetensi.values_list("id", flat=True))
    staf = RiwayatJabatan.objects.sekarang().filter(pegawai__aktif=True, unit=unit, jabatan=jabatan)
    layak, kecuali = [], []
    for k in _dinilai(staf, wajib, hari, lambda r: asal.kelebihan):
        (layak if k.layak else kecuali).append(k)
    return HasilTujuan(
        unit=unit,
        jabatan=jabatan,
        posisi=asal,
        tujuan=tujuan,
        pegawai=_urut_kandidat(layak),
        dikecualikan=_urut_kandidat(kecuali),
    )
