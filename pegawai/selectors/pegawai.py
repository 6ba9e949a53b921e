"""Reads of people and organisation. Object access goes through the `*_ambil` selectors,
which answer 404 to whoever may not see the object."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from inti.kalender import tambah_bulan
from inti.models import CatatanAudit

from ..akses import peran_user
from ..models import BatasUsiaPensiun, Jabatan, Pegawai, PindahTerjadwal, RiwayatJabatan, UnitKerja
from ..models.organisasi import bup_jabatan

# The unit tree lives in pegawai.pohon (akses needs it too); re-exported for the higher apps.
from ..pohon import unit_induk_map, unit_opd_id, unit_turunan_ids
from .cari import peringkat_cari, q_cari, saring

if TYPE_CHECKING:
    from ..akses import Pengguna

__all__ = [
    "bup_usia",
    "pegawai_ambil",
    "pegawai_audit",
    "pegawai_cari",
    "pegawai_terlihat",
    "tanggal_pensiun",
    "unit_ambil",
    "unit_induk_map",
    "unit_jumlah_pegawai",
    "unit_opd_id",
    "unit_terlihat",
    "unit_turunan_ids",
]


def pegawai_terlihat(user: Pengguna) -> QuerySet[Pegawai]:
    """Employees the user may read: all for HR and PPK; a unit head's units and sub-units
    (by current post); for an employee, only themself."""
    p = peran_user(user)
    qs = Pegawai.objects.all()
    if p.lihat_semua:
        return qs
    cond = Q(pk=p.pegawai_id) if p.pegawai_id else Q(pk__in=[])
    if p.unit_wewenang:
        cond |= Q(pk__in=RiwayatJabatan.objects.staf(p.unit_wewenang))
    return qs.filter(cond)


def pegawai_ambil(user: Pengguna, pk: int) -> Pegawai:
    return get_object_or_404(pegawai_terlihat(user).with_posisi(), pk=pk)


def unit_terlihat(user: Pengguna) -> QuerySet[UnitKerja]:
    """Units whose staff list the user may read: all for HR/PPK, the headed subtree for a head."""
    p = peran_user(user)
    if p.lihat_semua:
        return UnitKerja.objects.all()
    return UnitKerja.objects.filter(pk__in=p.unit_wewenang)


def unit_ambil(user: Pengguna, pk: int) -> UnitKerja:
    return get_object_or_404(unit_terlihat(user).select_related("induk", "kepala"), pk=pk)


def unit_jumlah_pegawai() -> dict[int, int]:
    """Active head-count per unit (current posts), one aggregate query."""
    return dict(
        RiwayatJabatan.objects.sekarang()
        .filter(pegawai__aktif=True)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )


# Sort keys offered by the employee list: the URL's ?urut= value -> ORDER BY.
URUTAN_PEGAWAI = {
    "nama": ("nama", "id"),
    "nip": ("nip",),
    "golongan": ("golongan", "nama"),
    "unit": ("posisi__unit__nama", "nama"),
    "jabatan": ("posisi__jabatan__nama", "nama"),
    "tmt": ("posisi__mulai", "nama"),
}


def pegawai_cari(
    user: Pengguna,
    *,
    q: str = "",
    unit: int | None = None,
    jenis_jabatan: str = "",
    golongan: str = "",
    status: str = "",
    aktif: bool | None = True,
    urut: str = "nama",
) -> QuerySet[Pegawai]:
    """The employee list as the user may see it, searched, filtered and sorted; one query.
    `unit` includes its sub-units. A search ranks its hits before the sort. Used by the list
    page and by its export."""
    qs = pegawai_terlihat(user).with_posisi()
    peringkat = None
    if q.strip():
        # Titles, punctuation and NIP fragments: see pegawai.selectors.cari.
        cond = q_cari(q)
        qs = qs.filter(cond) if cond is not None else qs.none()
        peringkat = peringkat_cari(q)
    if unit:
        qs = qs.filter(posisi__unit_id__in=unit_turunan_ids([unit]))
    qs = saring(qs, posisi__jabatan__jenis=jenis_jabatan, golongan=golongan, status=status, aktif=aktif)
    desc = urut.startswith("-")
    fields = URUTAN_PEGAWAI.get(urut.lstrip("-"), URUTAN_PEGAWAI["nama"])
    urutan = [f"-{f}" if desc else f for f in fields]
    if peringkat is not None:
        # Ranked hits first (exact NIP, starts-with, contains), the chosen sort inside each rank.
        return qs.annotate(peringkat_cari=peringkat).order_by("peringkat_cari", *urutan)
    return qs.order_by(*urutan)


def bup_usia(jabatan: Jabatan | None) -> int | None:
    """The retirement age (BUP) for a position (`pegawai.models.organisasi.bup_jabatan`: the
    position's own age first, then its kind's). None when nothing says. At most one query."""
    if jabatan is None:
        return None
    return bup_jabatan(jabatan, {} if jabatan.bup_tahun else BatasUsiaPensiun.peta(jabatan.jenis))


def tanggal_pensiun(tanggal_lahir: date, usia: int) -> date:
    """A civil servant stops at the end of the month they reach the BUP; the pension (TMT
    pensiun) starts on the first day of the next month."""
    return tambah_bulan(tanggal_lahir.replace(day=1), 12 * usia + 1)


def pegawai_audit(pegawai: Pegawai, *, batas: int = 50) -> QuerySet[CatatanAudit]:
    """The latest audit rows about an employee (newest first), with who wrote them: the record's
    own, and those of the employee's scheduled moves (applied, cancelled)."""
    pindah = [str(pk) for pk in PindahTerjadwal.objects.filter(pegawai=pegawai).values_list("pk", flat=True)]
    return CatatanAudit.objects.filter(
        Q(objek_tipe=Pegawai._meta.label_lower, objek_id=str(pegawai.pk))
        | Q(objek_tipe=PindahTerjadwal._meta.label_lower, objek_id__in=pindah)
    ).select_related("oleh", "oleh__pegawai")[:batas]
