"""Reads of the unit tree: the nested tree with heads and head-counts, the indented choices
of unit selects, a unit's ancestors and staff. Each reads a fixed number of queries, however
large the tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Count, QuerySet

from ..akses import boleh_lihat_organisasi
from ..models import RiwayatJabatan, StatusAsn, UnitKerja
from ..pohon import unit_induk_map, unit_turunan_ids
from .abk.rotasi import q_dini, q_wajib
from .pegawai import pegawai_terlihat, unit_jumlah_pegawai, unit_terlihat

if TYPE_CHECKING:
    from ..akses import Pengguna

INDENT = "\u00a0\u00a0\u00a0"  # non-breaking spaces: an <option> collapses ordinary ones


@dataclass
class SimpulUnit:
    """One unit in the tree, with its children and its active head-count (own and with sub-units)."""

    unit: UnitKerja
    tingkat: int = 0
    anak: list[SimpulUnit] = field(default_factory=list)
    jumlah: int = 0
    jumlah_total: int = 0


def _susun(units: list[UnitKerja], jumlah: dict[int, int]) -> list[SimpulUnit]:
    """Nest the units; a unit whose parent is not in the list becomes a root."""
    simpul = {u.pk: SimpulUnit(unit=u, jumlah=jumlah.get(u.pk, 0)) for u in units}
    akar = []
    for u in units:
        s = simpul[u.pk]
        induk = simpul.get(u.induk_id)
        if induk is None:
            akar.append(s)
        else:
            induk.anak.append(s)

    def hitung(s: SimpulUnit, tingkat: int, jalur: set[int]) -> int:
        s.tingkat = tingkat
        s.anak = [a for a in s.anak if a.unit.pk not in jalur]  # a cycle slipped into the data: cut it
        s.jumlah_total = s.jumlah + sum(hitung(a, tingkat + 1, jalur | {a.unit.pk}) for a in s.anak)
        return s.jumlah_total

    for s in akar:
        hitung(s, 0, {s.unit.pk})
    return akar


def unit_pohon(user: Pengguna, *, aktif_saja: bool = False) -> list[SimpulUnit]:
    """The units the user may see, nested (OPD -> children), sorted by name, each with its head
    and active head-count. Two queries (units with heads, counts)."""
    qs = unit_terlihat(user).select_related("kepala").order_by("nama")
    if aktif_saja:
        qs = qs.filter(aktif=True)
    return _susun(list(qs), unit_jumlah_pegawai())


def unit_rata(akar: list[SimpulUnit]) -> list[SimpulUnit]:
    """The tree flattened depth-first (parents before their children)."""
    hasil, todo = [], list(reversed(akar))
    while todo:
        s = todo.pop()
        hasil.append(s)
        todo.extend(reversed(s.anak))
    return hasil


def unit_pilihan(user: Pengguna, *, aktif_saja: bool = False) -> list[tuple[int, str]]:
    """(id, indented name) pairs of the visible units in tree order, for a <select>. One query."""
    qs = unit_terlihat(user).order_by("nama")
    if aktif_saja:
        qs = qs.filter(aktif=True)
    akar = _susun(list(qs.only("id", "nama", "induk_id")), {})
    return [(s.unit.pk, f"{INDENT * s.tingkat}{s.unit.nama}") for s in unit_rata(akar)]


def unit_leluhur(unit: UnitKerja) -> list[UnitKerja]:
    """The units above `unit`, the OPD first. Two queries."""
    induk = unit_induk_map()
    ids, seen, node = [], {unit.pk}, induk.get(unit.pk)
    while node is not None and node not in seen:
        ids.append(node)
        seen.add(node)
        node = induk.get(node)
    by_id = UnitKerja.objects.in_bulk(ids)
    return [by_id[i] for i in reversed(ids) if i in by_id]


def unit_anak(unit: UnitKerja) -> list[SimpulUnit]:
    """The direct sub-units with their heads and head-counts (own and with their sub-units)."""
    induk = unit_induk_map()
    jumlah = unit_jumlah_pegawai()
    hasil = []
    for anak in unit.anak.select_related("kepala").order_by("nama"):
        turunan = unit_turunan_ids([anak.pk], induk)
        hasil.append(
            SimpulUnit(
                unit=anak,
                tingkat=1,
                jumlah=jumlah.get(anak.pk, 0),
                jumlah_total=sum(jumlah.get(i, 0) for i in turunan),
            )
        )
    return hasil


# Sort keys offered by the staff list of a unit: ?urut= value -> ORDER BY.
URUTAN_STAF = {
    "jabatan": ("-jabatan__kelas", "jabatan__nama", "pegawai__nama"),
    "nama": ("pegawai__nama", "pegawai_id"),
    "nip": ("pegawai__nip",),
    "golongan": ("pegawai__golongan", "pegawai__nama"),
    "unit": ("unit__nama", "-jabatan__kelas", "pegawai__nama"),
    "tmt": ("mulai", "pegawai__nama"),
}


def unit_staf(unit: UnitKerja, *, turunan: bool = False, urut: str = "jabatan") -> QuerySet[RiwayatJabatan]:
    """Current posts of active employees in the unit (and its sub-units when asked), one query."""
    unit_ids = unit_turunan_ids([unit.pk]) if turunan else {unit.pk}
    desc = urut.startswith("-")
    kolom = URUTAN_STAF.get(urut.lstrip("-"), URUTAN_STAF["jabatan"])
    if desc:
        kolom = tuple(k[1:] if k.startswith("-") else f"-{k}" for k in kolom)
    return (
        RiwayatJabatan.objects.filter(sampai__isnull=True, pegawai__aktif=True, unit_id__in=unit_ids)
        .select_related("pegawai", "jabatan", "unit")
        .order_by(*kolom)
    )


@dataclass(frozen=True)
class Ringkasan:
    """The figures on the home page, for what the user may see."""

    pegawai_aktif: int = 0
    pns: int = 0
    pppk: int = 0
    unit: int = 0
    jatuh_tempo: int = 0  # in the same post for MUTASI_MAX_TAHUN years or more
    belum_min: int = 0  # in the post for less than MUTASI_MIN_TAHUN years
    mutasi_min: int = 0
    mutasi_max: int = 0


def ringkasan_organisasi(user: Pengguna, *, hari: date | None = None) -> Ringkasan:
    """Counts for HR, the PPK (everyone) and a unit head (their subtree); empty for others."""
    if not boleh_lihat_organisasi(user):
        return Ringkasan()
    hari = hari or date.today()
    pegawai = pegawai_terlihat(user).filter(aktif=True)
    status = dict(pegawai.order_by().values("status").annotate(n=Count("id")).values_list("status", "n"))
    posisi = RiwayatJabatan.objects.filter(sampai__isnull=True, pegawai__in=pegawai.values("pk"))
    return Ringkasan(
        pegawai_aktif=sum(status.values()),
        pns=status.get(StatusAsn.PNS, 0),
        pppk=status.get(StatusAsn.PPPK, 0),
        unit=unit_terlihat(user).filter(aktif=True).count(),
        jatuh_tempo=posisi.filter(q_wajib(hari)).count(),
        belum_min=posisi.filter(q_dini(hari)).count(),
        mutasi_min=settings.MUTASI_MIN_TAHUN,
        mutasi_max=settings.MUTASI_MAX_TAHUN,
    )
