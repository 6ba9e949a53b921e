"""Reads of the unit tree: the nested tree with heads and head-counts, the indented choices
of unit selects, a unit's ancestors and staff. Each reads a fixed number of queries, however
large the tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from inti.tembolok import agregat

from ..akses import boleh_lihat_organisasi, peran_user
from ..models import RiwayatJabatan, StatusAsn, UnitKerja
from ..pohon import unit_induk_map, unit_turunan_ids
from .abk.rotasi import q_dini, q_wajib
from .pegawai import pegawai_terlihat, unit_jumlah_pegawai, unit_terlihat

if TYPE_CHECKING:
    from ..akses import Pengguna


@dataclass
class SimpulUnit:
    """One unit in the tree, with its children and its active head-count (own and with sub-units)."""

    unit: UnitKerja
    tingkat: int = 0
    anak: list[SimpulUnit] = field(default_factory=list)
    jumlah: int = 0
    jumlah_total: int = 0
    anak_n: int = 0  # sub-units (the tree page opens them on demand)


def _ringkas_hitung() -> dict[int, tuple[int, int, int]]:
    induk = unit_induk_map()
    sendiri = unit_jumlah_pegawai()
    total = dict.fromkeys(induk, 0)
    anak_n = dict.fromkeys(induk, 0)
    for uid, pid in induk.items():
        n = sendiri.get(uid, 0)
        if pid in anak_n:
            anak_n[pid] += 1
        # add the unit's own staff to itself and every unit above it (a cycle is cut)
        node, seen = uid, set()
        while node is not None and node in total and node not in seen:
            seen.add(node)
            total[node] += n
            node = induk[node]
    return {uid: (sendiri.get(uid, 0), total[uid], anak_n[uid]) for uid in induk}


def unit_ringkas() -> dict[int, tuple[int, int, int]]:
    """{unit id: (own active head-count, with its sub-units, number of sub-units)} for every unit:
    two light queries, kept in the cache until units, employees or posts change (`inti.tembolok`)."""
    return agregat("unit_ringkas", ("pegawai",), _ringkas_hitung)


def unit_tingkat(user: Pengguna, induk: UnitKerja | None = None) -> list[SimpulUnit]:
    """One level of the tree the user may see, sorted by name: the top units (for HR and the PPK
    the OPDs, for a head the units they head) or the sub-units of `induk`, each with its head,
    head-counts and number of sub-units. One query, plus the cached counts."""
    if induk is not None:
        qs = UnitKerja.objects.filter(induk=induk)
    else:
        p = peran_user(user)
        if p.lihat_semua:
            qs = UnitKerja.objects.filter(induk__isnull=True)
        else:
            wewenang = sorted(p.unit_wewenang)
            qs = UnitKerja.objects.filter(pk__in=wewenang).exclude(induk_id__in=wewenang)
    ringkas = unit_ringkas()
    hasil = []
    for u in qs.select_related("kepala").order_by("nama", "pk"):
        sendiri, total, anak_n = ringkas.get(u.pk, (0, 0, 0))
        hasil.append(SimpulUnit(unit=u, tingkat=0, jumlah=sendiri, jumlah_total=total, anak_n=anak_n))
    return hasil


def unit_cari(user: Pengguna, kata: str) -> QuerySet[UnitKerja]:
    """Units the user may see whose name or code contains `kata`, by name (for the tree's search)."""
    return (
        unit_terlihat(user)
        .filter(Q(nama__icontains=kata) | Q(kode__icontains=kata))
        .select_related("kepala", "induk")
        .order_by("nama", "pk")
    )


def unit_tingkat_ringkasan(user: Pengguna, akar: list[SimpulUnit]) -> dict[str, int]:
    """The figures above the tree whose top level is `akar`: units, active staff, active units
    without a head. One query."""
    hitung = unit_terlihat(user).aggregate(
        semua=Count("pk"), tanpa_kepala=Count("pk", filter=Q(aktif=True, kepala__isnull=True))
    )
    return {
        "jumlah_unit": hitung["semua"],
        "jumlah_pegawai": sum(s.jumlah_total for s in akar),
        "tanpa_kepala": hitung["tanpa_kepala"],
    }


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
    ringkas = unit_ringkas()
    hasil = []
    for anak in unit.anak.select_related("kepala").order_by("nama"):
        sendiri, total, anak_n = ringkas.get(anak.pk, (0, 0, 0))
        hasil.append(SimpulUnit(unit=anak, tingkat=1, jumlah=sendiri, jumlah_total=total, anak_n=anak_n))
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
        RiwayatJabatan.objects.sekarang()
        .filter(pegawai__aktif=True, unit_id__in=unit_ids)
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
    posisi = RiwayatJabatan.objects.sekarang().filter(pegawai__in=pegawai.values("pk"))
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
