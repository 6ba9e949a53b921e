"""Reads of the needs analysis (Anjab/ABK, PermenPANRB 1/2020) and of the needs-based transfer
candidates.

How the figures are made (and why), so every page shows the same numbers:

- Per unit x position: `kebutuhan` = sum(volume x norma_waktu) / ABK_JAM_KERJA_EFEKTIF, a Decimal
  rounded half-up to two decimals. The whole number of people (`kebutuhan_orang`) is rounded from
  that two-decimal figure by ABK_PEMBULATAN (half_up | up | down), so the two numbers shown side by
  side never contradict each other.
- `bezetting` = active employees whose open position-history row is that unit x position.
- `selisih` = kebutuhan_orang - bezetting: positive = kekurangan (shortage), negative = kelebihan.
- Totals never re-round: a unit adds its positions' whole people, an OPD adds its units. Shortage and
  surplus are summed separately (a unit short of 2 nurses and over by 2 clerks shows 2 and 2, not 0),
  so OPD total = sum of its units = sum of its positions on every page.
- A position that has staff but no recorded tasks is "belum dianalisis": its need is unknown, not 0.
  Its staff count in the bezetting (they are there) and separately in `bezetting_belum`, but the
  position stays out of kebutuhan, selisih, kekurangan and kelebihan: counting it as a surplus would
  send people away only because nobody has typed in their workload yet.
- Every total comes from two aggregate queries (workload per (unit, jabatan), head-count per
  (unit, jabatan)) plus one query for the units; the roll-up to OPDs happens in Python.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, DecimalField, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.shortcuts import get_object_or_404
from django.utils.formats import number_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ..akses import peran_user
from ..models import (
    BatasUsiaPensiun,
    HukumanDisiplin,
    Jabatan,
    KinerjaTahunan,
    Pegawai,
    Predikat,
    RiwayatJabatan,
    TugasJabatan,
    UnitKerja,
)
from ..pohon import unit_opd_id, unit_turunan_ids
from .pegawai import unit_terlihat

# The candidate score: every part is shown to the user next to its points. Maximum 100.
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

DUA_DESIMAL = Decimal("0.01")
SATU = Decimal("1")
_CARA_BULAT = {"half_up": ROUND_HALF_UP, "up": ROUND_CEILING, "down": ROUND_FLOOR}


# --- The formula ---------------------------------------------------------------------------


def kebutuhan_dari_jam(jam: Decimal, jam_efektif: int | None = None) -> Decimal:
    """Needed staff for a workload in hours per year, to two decimals (half up)."""
    jam_efektif = jam_efektif or settings.ABK_JAM_KERJA_EFEKTIF
    return (Decimal(jam) / Decimal(jam_efektif)).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def bulatkan_orang(nilai: Decimal, cara: str | None = None) -> int:
    """Whole people from a fractional need, by the ABK_PEMBULATAN rule."""
    cara = cara or settings.ABK_PEMBULATAN
    if cara not in _CARA_BULAT:
        raise ValueError(f"ABK_PEMBULATAN tidak dikenal: {cara!r} (half_up | up | down)")
    return int(Decimal(nilai).quantize(SATU, rounding=_CARA_BULAT[cara]))


def tahun_lalu(hari: date, tahun: int) -> date:
    """The same day `tahun` years earlier (28 February for a 29 February)."""
    try:
        return hari.replace(year=hari.year - tahun)
    except ValueError:
        return hari.replace(year=hari.year - tahun, day=28)


def tanggal_pensiun(tanggal_lahir: date, usia: int) -> date:
    """A civil servant stops at the end of the month they reach the BUP; the pension (TMT pensiun)
    starts on the first day of the next month."""
    tahun, bulan = tanggal_lahir.year + usia, tanggal_lahir.month + 1
    if bulan > 12:
        tahun, bulan = tahun + 1, 1
    return date(tahun, bulan, 1)


def _tambah_tahun(hari: date, tahun: int) -> date:
    hari_maks = calendar.monthrange(hari.year + tahun, hari.month)[1]
    return hari.replace(year=hari.year + tahun, day=min(hari.day, hari_maks))


# --- Figures per unit x position ---------------------------------------------------------------


@dataclass
class PosisiAbk:
    """One unit x position: its workload (None = no tasks recorded) and its bezetting."""

    unit_id: int
    jabatan_id: int
    jam: Decimal | None = None
    bezetting: int = 0
    jumlah_tugas: int = 0
    kebutuhan: Decimal | None = field(init=False, default=None)
    kebutuhan_orang: int | None = field(init=False, default=None)

    def hitung(self, jam_efektif: int | None = None, cara: str | None = None) -> PosisiAbk:
        """Fill kebutuhan and kebutuhan_orang (the same arithmetic as `kebutuhan_dari_jam` and
        `bulatkan_orang`, inlined: the overview runs it for every position of the city)."""
        if self.jam is not None:
            cara = cara or settings.ABK_PEMBULATAN
            if cara not in _CARA_BULAT:
                raise ValueError(f"ABK_PEMBULATAN tidak dikenal: {cara!r} (half_up | up | down)")
            efektif = Decimal(jam_efektif or settings.ABK_JAM_KERJA_EFEKTIF)
            self.kebutuhan = (self.jam / efektif).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)
            self.kebutuhan_orang = int(self.kebutuhan.quantize(SATU, rounding=_CARA_BULAT[cara]))
        return self

    @property
    def dianalisis(self) -> bool:
        return self.jam is not None

    @property
    def selisih(self) -> int | None:
        """Positive = shortage, negative = surplus; None when the position is not analysed."""
        return None if self.kebutuhan_orang is None else self.kebutuhan_orang - self.bezetting

    @property
    def kekurangan(self) -> int:
        return max(self.selisih or 0, 0)

    @property
    def kelebihan(self) -> int:
        return max(-(self.selisih or 0), 0)


@dataclass
class RekapAbk:
    """Totals over positions (a unit, an OPD, the city). Built only by adding positions."""

    kebutuhan: Decimal = Decimal("0.00")
    kebutuhan_orang: int = 0
    bezetting: int = 0
    kekurangan: int = 0
    kelebihan: int = 0
    bezetting_belum: int = 0  # staff in positions without recorded tasks
    jabatan_dianalisis: int = 0
    jabatan_belum: int = 0

    def tambah(self, p: PosisiAbk) -> None:
        self.bezetting += p.bezetting
        if p.dianalisis:
            self.kebutuhan += p.kebutuhan
            self.kebutuhan_orang += p.kebutuhan_orang
            self.kekurangan += p.kekurangan
            self.kelebihan += p.kelebihan
            self.jabatan_dianalisis += 1
        else:
            self.bezetting_belum += p.bezetting
            self.jabatan_belum += 1

    def gabung(self, lain: RekapAbk) -> None:
        for nama in self.__dataclass_fields__:
            setattr(self, nama, getattr(self, nama) + getattr(lain, nama))

    @property
    def bezetting_dianalisis(self) -> int:
        return self.bezetting - self.bezetting_belum

    @property
    def selisih(self) -> int:
        """Net: kekurangan - kelebihan (= kebutuhan_orang - bezetting of analysed positions)."""
        return self.kekurangan - self.kelebihan

    @property
    def kosong(self) -> bool:
        return not (self.bezetting or self.jabatan_dianalisis)


def abk_posisi(
    *,
    unit_ids: set[int] | list[int] | None = None,
    jabatan_ids: set[int] | list[int] | None = None,
    jenis_jabatan: str = "",
) -> dict[tuple[int, int], PosisiAbk]:
    """{(unit id, jabatan id): PosisiAbk} for every pair with tasks or staff. Two GROUP BY queries."""
    tugas = TugasJabatan.objects.all()
    # Active holders only. NOT IN (inactive employees) rather than a join with every employee: the
    # inactive are few, so the database checks a small hashed list instead of joining 100,000 rows
    # (about 2x faster at city scale on both PostgreSQL and SQLite).
    staf = RiwayatJabatan.objects.filter(sampai__isnull=True).exclude(
        pegawai_id__in=Pegawai.objects.filter(aktif=False).values("id")
    )
    if unit_ids is not None:
        tugas, staf = tugas.filter(unit_id__in=unit_ids), staf.filter(unit_id__in=unit_ids)
    if jabatan_ids is not None:
        tugas, staf = tugas.filter(jabatan_id__in=jabatan_ids), staf.filter(jabatan_id__in=jabatan_ids)
    if jenis_jabatan:
        tugas, staf = tugas.filter(jabatan__jenis=jenis_jabatan), staf.filter(jabatan__jenis=jenis_jabatan)
    hasil: dict[tuple[int, int], PosisiAbk] = {}
    beban = (
        tugas.order_by()
        .values("unit_id", "jabatan_id")
        .annotate(
            jam=Sum(F("volume") * F("norma_waktu"), output_field=DecimalField(max_digits=30, decimal_places=4)),
            n=Count("id"),
        )
        .values_list("unit_id", "jabatan_id", "jam", "n")
    )
    for unit_id, jabatan_id, jam, n in beban:
        hasil[unit_id, jabatan_id] = PosisiAbk(unit_id, jabatan_id, jam=jam or Decimal(0), jumlah_tugas=n)
    bezetting = (
        staf.order_by().values("unit_id", "jabatan_id").annotate(n=Count("*")).values_list("unit_id", "jabatan_id", "n")
    )
    for unit_id, jabatan_id, n in bezetting:
        hasil.setdefault((unit_id, jabatan_id), PosisiAbk(unit_id, jabatan_id)).bezetting = n
    jam_efektif, cara = settings.ABK_JAM_KERJA_EFEKTIF, settings.ABK_PEMBULATAN
    for p in hasil.values():
        p.hitung(jam_efektif, cara)
    return hasil


def rekap_per_unit(posisi: dict[tuple[int, int], PosisiAbk]) -> dict[int, RekapAbk]:
    hasil: dict[int, RekapAbk] = defaultdict(RekapAbk)
    for (unit_id, _jabatan_id), p in posisi.items():
        hasil[unit_id].tambah(p)
    return hasil


_KOLOM_UNIT = ("id", "kode", "nama", "jenis", "induk_id", "aktif")  # in the model's field order


def _unit_semua() -> dict[int, tuple]:
    """Every unit, once, as plain rows sorted by name: 2,000 model instances cost more than the query,
    and only the rows a page shows become instances (`_unit_obj`)."""
    return {row[0]: row for row in UnitKerja.objects.order_by("nama").values_list(*_KOLOM_UNIT)}


def _unit_obj(row: tuple) -> UnitKerja:
    return UnitKerja.from_db("default", _KOLOM_UNIT, row)


def _akar(unit_id: int, induk: dict[int, int | None], akar: set[int], cache: dict[int, int | None]) -> int | None:
    """The first unit at or above `unit_id` that is one of `akar` (None if there is none)."""
    jalur, node, seen, hasil = [], unit_id, set(), None
    while node is not None and node not in seen:
        if node in cache:
            hasil = cache[node]
            break
        if node in akar:
            hasil = node
            break
        seen.add(node)
        jalur.append(node)
        node = induk.get(node)
    for n in jalur:
        cache[n] = hasil
    return hasil


# --- City overview, drill-down, unit page ----------------------------------------------------------


@dataclass
class BarisRekap:
    unit: UnitKerja
    rekap: RekapAbk
    tingkat: int = 0
    jumlah_unit: int = 1


URUTAN_IKHTISAR = {
    "kekurangan": lambda b: b.rekap.kekurangan,
    "kelebihan": lambda b: b.rekap.kelebihan,
    "kebutuhan": lambda b: b.rekap.kebutuhan_orang,
    "bezetting": lambda b: b.rekap.bezetting,
    "belum": lambda b: b.rekap.bezetting_belum,
    "nama": lambda b: b.unit.nama.lower(),
}


def _urutkan(baris: list[BarisRekap], urut: str) -> list[BarisRekap]:
    kunci = urut.lstrip("-")
    if kunci not in URUTAN_IKHTISAR:
        kunci, urut = "kekurangan", "-kekurangan"
    baris = sorted(baris, key=lambda b: b.unit.nama.lower())  # stable tie-break by name
    return sorted(baris, key=URUTAN_IKHTISAR[kunci], reverse=urut.startswith("-"))


def abk_ikhtisar(user, *, jenis_jabatan: str = "", urut: str = "-kekurangan") -> tuple[list[BarisRekap], RekapAbk]:
    """One row per OPD (for HR and the PPK) or per top unit a head leads, with totals. Three queries
    after the user's roles: units, workload, bezetting."""
    p = peran_user(user)
    units = _unit_semua()
    induk = {uid: row[4] for uid, row in units.items()}
    if p.lihat_semua:
        akar = {uid for uid, pid in induk.items() if pid is None}
        kelompok = {uid: unit_opd_id(uid, induk) for uid in units}
        unit_ids = None
    else:
        akar = {uid for uid in p.unit_wewenang if induk.get(uid) not in p.unit_wewenang}
        cache: dict[int, int | None] = {}
        kelompok = {uid: _akar(uid, induk, akar, cache) for uid in p.unit_wewenang}
        unit_ids = set(p.unit_wewenang)
    per_unit = rekap_per_unit(abk_posisi(unit_ids=unit_ids, jenis_jabatan=jenis_jabatan))
    baris = {
        uid: BarisRekap(unit=_unit_obj(units[uid]), rekap=RekapAbk(), jumlah_unit=0) for uid in akar if uid in units
    }
    for uid, root in kelompok.items():
        if root in baris:
            baris[root].jumlah_unit += 1
            if uid in per_unit:
                baris[root].rekap.gabung(per_unit[uid])
    total = RekapAbk()
    for b in baris.values():
        total.gabung(b.rekap)
    tampil = [b for b in baris.values() if b.unit.aktif or not b.rekap.kosong]
    return _urutkan(tampil, urut), total


def abk_rincian(unit: UnitKerja, *, jenis_jabatan: str = "") -> tuple[list[BarisRekap], RekapAbk]:
    """The unit and every unit below it, in tree order, each with its own figures (not its
    sub-units'), and the total (= the unit's row on the overview). Three queries."""
    units = _unit_semua()
    induk = {uid: row[4] for uid, row in units.items()}
    subtree = unit_turunan_ids([unit.pk], induk)
    per_unit = rekap_per_unit(abk_posisi(unit_ids=subtree, jenis_jabatan=jenis_jabatan))
    anak: dict[int | None, list[int]] = defaultdict(list)
    for uid, row in units.items():  # already sorted by name
        if uid in subtree and uid != unit.pk:
            anak[row[4]].append(uid)
    baris, todo, seen = [], [(unit.pk, 0)], set()
    while todo:
        uid, tingkat = todo.pop()
        if uid in seen:
            continue
        seen.add(uid)
        rekap = per_unit.get(uid, RekapAbk())
        aktif = units[uid][5] if uid in units else unit.aktif
        if aktif or not rekap.kosong or uid == unit.pk:
            u = unit if uid == unit.pk else _unit_obj(units[uid])
            baris.append(BarisRekap(unit=u, rekap=rekap, tingkat=tingkat))
        todo.extend((a, tingkat + 1) for a in reversed(anak[uid]))
    total = RekapAbk()
    for r in per_unit.values():
        total.gabung(r)
    return baris, total


@dataclass
class JabatanUnit:
    """One position in a unit page: its figures, tasks and holders."""

    jabatan: Jabatan
    posisi: PosisiAbk
    tugas: list[TugasJabatan] = field(default_factory=list)
    pemangku: list[RiwayatJabatan] = field(default_factory=list)


def abk_unit(unit: UnitKerja, *, jenis_jabatan: str = "") -> tuple[list[JabatanUnit], RekapAbk]:
    """Per position of one unit (own staff only, not sub-units'): figures, tasks, holders. Five queries."""
    posisi = abk_posisi(unit_ids=[unit.pk], jenis_jabatan=jenis_jabatan)
    jabatan = Jabatan.objects.in_bulk([j for (_u, j) in posisi])
    tugas = defaultdict(list)
    for t in TugasJabatan.objects.filter(unit=unit, jabatan_id__in=list(jabatan)).order_by("uraian"):
        tugas[t.jabatan_id].append(t)
    pemangku = defaultdict(list)
    staf = (
        RiwayatJabatan.objects.filter(unit=unit, sampai__isnull=True, pegawai__aktif=True, jabatan_id__in=list(jabatan))
        .select_related("pegawai")
        .order_by("mulai", "pegawai__nama")
    )
    for r in staf:
        pemangku[r.jabatan_id].append(r)
    baris, total = [], RekapAbk()
    for (_u, jid), p in posisi.items():
        total.tambah(p)
        baris.append(JabatanUnit(jabatan=jabatan[jid], posisi=p, tugas=tugas[jid], pemangku=pemangku[jid]))
    baris.sort(key=lambda b: (-b.jabatan.kelas, b.jabatan.nama))
    return baris, total


def abk_posisi_satu(unit: UnitKerja, jabatan: Jabatan) -> PosisiAbk:
    """The figures of one unit x position (two queries), with zeros when nothing is recorded."""
    p = abk_posisi(unit_ids=[unit.pk], jabatan_ids=[jabatan.pk]).get((unit.pk, jabatan.pk))
    return p or PosisiAbk(unit.pk, jabatan.pk).hitung()


def jabatan_ambil(pk: int) -> Jabatan:
    """A position, with its required competences (reference data: whoever reads the needs
    analysis may read every position)."""
    return get_object_or_404(Jabatan.objects.prefetch_related("kompetensi"), pk=pk)


def tugas_ambil(user, pk: int) -> TugasJabatan:
    """A task with its unit and position; 404 unless the user may see its unit."""
    return get_object_or_404(
        TugasJabatan.objects.filter(unit__in=unit_terlihat(user)).select_related("unit", "jabatan"), pk=pk
    )


def tugas_daftar(unit: UnitKerja, jabatan: Jabatan) -> QuerySet[TugasJabatan]:
    """The tasks of a unit x position, each with its hours per year (`jam`). One query."""
    return (
        TugasJabatan.objects.filter(unit=unit, jabatan=jabatan)
        .annotate(jam=F("volume") * F("norma_waktu"))
        .order_by("uraian")
    )


def unit_leluhur_dari(unit: UnitKerja) -> list[UnitKerja]:
    """The units above `unit`, the OPD first, for the breadcrumb. One query."""
    units = {u.pk: u for u in UnitKerja.objects.only("id", "nama", "induk_id", "kode", "jenis")}
    hasil, seen, node = [], {unit.pk}, units.get(unit.induk_id)
    while node is not None and node.pk not in seen:
        hasil.append(node)
        seen.add(node.pk)
        node = units.get(node.induk_id)
    return list(reversed(hasil))


# --- Rotation watch ------------------------------------------------------------------------------


class KategoriRotasi:
    WAJIB = "wajib"  # at or past MUTASI_MAX_TAHUN years in the post: must be moved
    DINI = "dini"  # under MUTASI_MIN_TAHUN years: may not yet be moved
    SEMUA = "semua"


def _rotasi_dasar(user, *, unit: UnitKerja | None = None) -> QuerySet[RiwayatJabatan]:
    p = peran_user(user)
    qs = RiwayatJabatan.objects.filter(sampai__isnull=True, pegawai__aktif=True)
    if unit is not None:
        ids = unit_turunan_ids([unit.pk])
        if not p.lihat_semua:
            ids &= set(p.unit_wewenang)
        qs = qs.filter(unit_id__in=ids)
    elif not p.lihat_semua:
        qs = qs.filter(unit_id__in=p.unit_wewenang)
    return qs


def abk_rotasi(
    user, *, unit: UnitKerja | None = None, kategori: str = KategoriRotasi.WAJIB, q: str = "", hari: date | None = None
) -> QuerySet[RiwayatJabatan]:
    """Current posts by time in post, for the units the user may see (a unit with its sub-units
    when given). One query (pagination adds a count)."""
    hari = hari or date.today()
    qs = _rotasi_dasar(user, unit=unit)
    if kategori == KategoriRotasi.WAJIB:
        qs = qs.filter(mulai__lte=tahun_lalu(hari, settings.MUTASI_MAX_TAHUN)).order_by("mulai", "pegawai__nama")
    elif kategori == KategoriRotasi.DINI:
        qs = qs.filter(mulai__gt=tahun_lalu(hari, settings.MUTASI_MIN_TAHUN)).order_by("-mulai", "pegawai__nama")
    else:
        qs = qs.order_by("mulai", "pegawai__nama")
    if q.strip():
        q = q.strip()
        cond = Q(pegawai__nama__icontains=q)
        if q.replace(" ", "").isdigit():
            cond |= Q(pegawai__nip__startswith=q.replace(" ", ""))
        qs = qs.filter(cond)
    return qs.select_related("pegawai", "unit", "jabatan")


def abk_rotasi_hitung(user, *, unit: UnitKerja | None = None, hari: date | None = None) -> dict[str, int]:
    """How many employees are in each rotation category. One query."""
    hari = hari or date.today()
    return _rotasi_dasar(user, unit=unit).aggregate(
        wajib=Count("id", filter=Q(mulai__lte=tahun_lalu(hari, settings.MUTASI_MAX_TAHUN))),
        dini=Count("id", filter=Q(mulai__gt=tahun_lalu(hari, settings.MUTASI_MIN_TAHUN))),
        semua=Count("id"),
    )


# --- Candidates --------------------------------------------------------------------------------


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
    return {(j, jj): u for j, jj, u in BatasUsiaPensiun.objects.values_list("jenis", "jenjang", "usia")}


def _bup_untuk(bup: dict[tuple[str, str], int], jabatan: Jabatan) -> int | None:
    return bup.get((jabatan.jenis, jabatan.jenjang)) or bup.get((jabatan.jenis, ""))


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
    masa = round((hari - r.mulai).days / 365.25, 1)
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
    dini = r.mulai > tahun_lalu(hari, min_thn)
    if dini:
        k.alasan.append(
            _("Terlalu dini: baru %(masa)s tahun di jabatan (minimal %(min)s)") % {"masa": masa_teks, "min": min_thn}
        )
    if r.dihukum:
        k.alasan.append(_("Sedang menjalani hukuman disiplin s.d. %(tgl)s") % {"tgl": f"{r.hukuman_sampai:%d-%m-%Y}"})
    if pensiun and pensiun <= _tambah_tahun(hari, PENSIUN_DEKAT_TAHUN):
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
    if r.mulai <= tahun_lalu(hari, max_thn):
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
    kandidat_qs = RiwayatJabatan.objects.filter(
        sampai__isnull=True,
        pegawai__aktif=True,
        jabatan_id__in=setara_ids,
        unit_id__in={u for (u, _j) in surplus},
    )
    dimiliki = _kompetensi_dimiliki(kandidat_qs, wajib)
    bup, usulan = _bup_peta(), pegawai_dalam_usulan()
    layak, kecuali = [], []
    hitung_sumber: dict[tuple[int, int], list] = {}
    for r in _riwayat_beranotasi(kandidat_qs, hari):
        p = surplus.get((r.unit_id, r.jabatan_id))
        if p is None:  # holds an equivalent position in a surplus unit, but not the one in surplus there
            continue
        k = _nilai_kandidat(
            r,
            kelebihan_sumber=p.kelebihan,
            kompetensi_wajib=len(wajib),
            kompetensi_dimiliki=dimiliki.get(r.pegawai_id, 0),
            bup=bup,
            dalam_usulan=usulan,
            hari=hari,
        )
        (layak if k.layak else kecuali).append(k)
        entri = hitung_sumber.setdefault((r.unit_id, r.jabatan_id), [r.unit, r.jabatan, p, 0])
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
    staf = RiwayatJabatan.objects.filter(sampai__isnull=True, pegawai__aktif=True, unit=unit, jabatan=jabatan)
    dimiliki = _kompetensi_dimiliki(staf, wajib)
    bup, usulan = _bup_peta(), pegawai_dalam_usulan()
    layak, kecuali = [], []
    for r in _riwayat_beranotasi(staf, hari):
        k = _nilai_kandidat(
            r,
            kelebihan_sumber=asal.kelebihan,
            kompetensi_wajib=len(wajib),
            kompetensi_dimiliki=dimiliki.get(r.pegawai_id, 0),
            bup=bup,
            dalam_usulan=usulan,
            hari=hari,
        )
        (layak if k.layak else kecuali).append(k)
    return HasilTujuan(
        unit=unit,
        jabatan=jabatan,
        posisi=asal,
        tujuan=tujuan,
        pegawai=_urut_kandidat(layak),
        dikecualikan=_urut_kandidat(kecuali),
    )


def grafik_ikhtisar(baris: list[BarisRekap], *, batas: int = 20) -> dict:
    """Data for the overview's bar chart: the units with the largest shortages (and their surplus)."""
    pilih = sorted(
        (b for b in baris if b.rekap.kekurangan or b.rekap.kelebihan),
        key=lambda b: (-b.rekap.kekurangan, -b.rekap.kelebihan, b.unit.nama),
    )[:batas]
    return {
        "id": [b.unit.pk for b in pilih],
        "label": [b.unit.nama for b in pilih],
        "kekurangan": [b.rekap.kekurangan for b in pilih],
        "kelebihan": [b.rekap.kelebihan for b in pilih],
        "judul_kekurangan": _("Kekurangan"),
        "judul_kelebihan": _("Kelebihan"),
    }
