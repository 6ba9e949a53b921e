"""Reads of training assignments: what a user may see (the list form of
`akses.boleh_lihat_penugasan`), the searchable list, one assignment with its history, and the
employee's own."""

from datetime import date

from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mutasi.models import STATUS_TERLIHAT_PEGAWAI
from pegawai.akses import peran_user
from pegawai.models import RiwayatJabatan, User
from pegawai.selectors.cari import q_nama_nip
from pegawai.selectors.pegawai import unit_turunan_ids

from ..models import STATUS_AKTIF, PenugasanPelatihan, RiwayatStatusPenugasan, StatusPenugasan
from .umum import urutkan

SP = StatusPenugasan


def penugasan_terlihat(user: User) -> QuerySet[PenugasanPelatihan]:
    p = peran_user(user)
    qs = PenugasanPelatihan.objects.all()
    if p.lihat_semua:
        return qs
    cond = Q(pegawai_id=p.pegawai_id) if p.pegawai_id else Q(pk__in=[])
    if p.unit_wewenang:
        cond |= Q(pegawai_id__in=RiwayatJabatan.objects.staf(p.unit_wewenang))
        cond |= Q(usulan__tujuan_unit_id__in=p.unit_wewenang, usulan__status__in=STATUS_TERLIHAT_PEGAWAI)
    return qs.filter(cond)


def _dengan_relasi(qs: QuerySet[PenugasanPelatihan]) -> QuerySet[PenugasanPelatihan]:
    unit_sekarang = RiwayatJabatan.objects.sekarang().filter(pegawai_id=OuterRef("pegawai_id"))
    return qs.select_related(
        "pegawai", "pelatihan", "usulan", "usulan__tujuan_unit", "diverifikasi_oleh", "ditugaskan_oleh"
    ).annotate(
        unit_nama=Subquery(unit_sekarang.values("unit__nama")[:1]),
        unit_id_sekarang=Subquery(unit_sekarang.values("unit_id")[:1]),
    )


def penugasan_ambil(user: User, pk: int) -> PenugasanPelatihan:
    """One assignment, or 404 to whoever may not see it."""
    return get_object_or_404(_dengan_relasi(penugasan_terlihat(user)), pk=pk)


def riwayat_penugasan(t: PenugasanPelatihan) -> QuerySet[RiwayatStatusPenugasan]:
    """The assignment's history, oldest first, with who acted."""
    return t.riwayat_status.select_related("oleh", "oleh__pegawai")


URUTAN_PENUGASAN = {
    # Default: what still needs doing first (overdue at the top, by due date), finished ones after.
    "prioritas": ("selesai_urut", "tenggat", "id"),
    "tenggat": ("tenggat", "id"),
    "nama": ("pegawai__nama", "id"),
    "pelatihan": ("pelatihan__nama", "id"),
    "status": ("status", "tenggat", "id"),
    "unit": ("unit_nama", "pegawai__nama", "id"),
    "ditugaskan": ("ditugaskan_pada", "id"),
}


def penugasan_cari(
    user: User,
    *,
    q: str = "",
    status: str = "",
    unit: int | None = None,
    pelatihan: int | None = None,
    terlambat: bool = False,
    usulan: bool | None = None,
    urut: str = "prioritas",
    hari_ini: date | None = None,
) -> QuerySet[PenugasanPelatihan]:
    """The assignment list as the user may see it; one query whatever the row count.
    `status="menunggu_verifikasi"` = in progress with evidence uploaded."""
    hari_ini = hari_ini or timezone.localdate()
    qs = _dengan_relasi(penugasan_terlihat(user))
    if q:
        qs = qs.filter(q_nama_nip(q, "pelatihan__nama"))
    if status == "menunggu_verifikasi":
        qs = qs.filter(status=SP.BERLANGSUNG).exclude(bukti="")
    elif status == "aktif":
        qs = qs.filter(status__in=STATUS_AKTIF)
    elif status:
        qs = qs.filter(status=status)
    if unit:
        ids = unit_turunan_ids([unit])
        qs = qs.filter(Q(pegawai_id__in=RiwayatJabatan.objects.staf(ids)) | Q(usulan__tujuan_unit_id__in=ids))
    if pelatihan:
        qs = qs.filter(pelatihan_id=pelatihan)
    if terlambat:
        qs = qs.filter(status__in=STATUS_AKTIF, tenggat__lt=hari_ini)
    if usulan is True:
        qs = qs.filter(usulan__isnull=False)
    elif usulan is False:
        qs = qs.filter(usulan__isnull=True)
    if urut.lstrip("-") not in URUTAN_PENUGASAN or urut.lstrip("-") == "prioritas":
        qs = qs.annotate(selesai_urut=Case(When(status__in=STATUS_AKTIF, then=Value(0)), default=Value(1)))
    return urutkan(qs, urut, URUTAN_PENUGASAN, "prioritas")


def penugasan_ringkasan(qs: QuerySet[PenugasanPelatihan], hari_ini: date | None = None) -> dict[str, int]:
    """Counts for the list's header cards (one aggregate query)."""
    hari_ini = hari_ini or timezone.localdate()
    return qs.order_by().aggregate(
        aktif=Count("id", filter=Q(status__in=STATUS_AKTIF)),
        terlambat=Count("id", filter=Q(status__in=STATUS_AKTIF, tenggat__lt=hari_ini)),
        menunggu=Count("id", filter=Q(status=SP.BERLANGSUNG) & ~Q(bukti="")),
        selesai=Count("id", filter=Q(status=SP.SELESAI)),
    )


def pelatihan_saya(user: User) -> QuerySet[PenugasanPelatihan]:
    p = peran_user(user)
    return (
        PenugasanPelatihan.objects.filter(pegawai_id=p.pegawai_id or 0)
        .select_related("pelatihan", "usulan", "usulan__tujuan_unit", "diverifikasi_oleh")
        .order_by("tenggat", "id")
    )
