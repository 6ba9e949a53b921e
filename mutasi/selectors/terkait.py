"""Reads of what hangs off proposals: batches, decrees, objections and the employees' requests.
Each `*_terlihat` is the list form of who sees what; `*_ambil` answers 404 to everyone else."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from pegawai.akses import peran_user

from ..models import (
    BatchUsulan,
    Keberatan,
    LampiranPermohonan,
    PermohonanMutasi,
    StatusKeberatan,
    StatusSK,
    StatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from .usulan import dengan_relasi, usulan_terlihat


def batch_terlihat(user) -> QuerySet[BatchUsulan]:
    """HR and the PPK see every batch; others those with a proposal they see."""
    if peran_user(user).lihat_semua:
        return BatchUsulan.objects.all()
    return BatchUsulan.objects.filter(usulan__in=usulan_terlihat(user)).distinct()


def batch_ambil(user, pk: int) -> BatchUsulan:
    return get_object_or_404(batch_terlihat(user), pk=pk)


def batch_daftar(user) -> QuerySet[BatchUsulan]:
    return batch_terlihat(user).annotate(
        jumlah=Count("usulan", distinct=True),
        jumlah_diputuskan=Count("usulan", filter=Q(usulan__status=StatusUsulan.DIPUTUSKAN), distinct=True),
    )


def sk_terlihat(user) -> QuerySet[SuratKeputusan]:
    """Decrees covering a visible proposal, and the decrees those amended (an employee keeps
    access to the first decree after an amending one replaced it on their proposal)."""
    if peran_user(user).lihat_semua:
        return SuratKeputusan.objects.all()
    terlihat = usulan_terlihat(user)
    # Drafts are HR's and the PPK's; a signed revoking decree covers the proposal without being its `sk`.
    return SuratKeputusan.objects.filter(
        Q(usulan__in=terlihat) | Q(pengganti__usulan__in=terlihat) | Q(cakupan__in=terlihat, status=StatusSK.DITETAPKAN)
    ).distinct()


def sk_ambil(user, pk: int) -> SuratKeputusan:
    return get_object_or_404(sk_terlihat(user).select_related("batch", "mengganti"), pk=pk)


def sk_usulan(sk: SuratKeputusan, user=None) -> QuerySet[UsulanMutasi]:
    """Who a decree covers (for the employee: only themself)."""
    qs = UsulanMutasi.objects.all() if user is None else usulan_terlihat(user)
    return dengan_relasi(qs.filter(Q(sk=sk) | Q(sk_cakupan=sk)).distinct()).order_by("pegawai__nama")


def keberatan_daftar(*, terbuka: bool | None = None) -> QuerySet[Keberatan]:
    """HR's list: open ones (None: all) first, the newest first."""
    qs = Keberatan.objects.select_related("usulan", "usulan__pegawai", "usulan__sk", "dijawab_oleh")
    if terbuka is not None:
        qs = qs.filter(status=StatusKeberatan.DIAJUKAN if terbuka else StatusKeberatan.DIJAWAB)
    return qs.order_by("dijawab_pada", "-diajukan_pada")


def keberatan_terlihat(user) -> QuerySet[Keberatan]:
    """HR sees every objection; the employee their own."""
    p = peran_user(user)
    qs = Keberatan.objects.select_related("usulan", "usulan__pegawai", "usulan__sk")
    return qs if p.hr else qs.filter(usulan__pegawai_id=p.pegawai_id or 0)


def keberatan_ambil(user, pk: int) -> Keberatan:
    return get_object_or_404(keberatan_terlihat(user), pk=pk)


def permohonan_terlihat(user) -> QuerySet[PermohonanMutasi]:
    """HR sees every request; the employee their own."""
    p = peran_user(user)
    qs = PermohonanMutasi.objects.select_related("pegawai", "usulan")
    return qs if p.hr else qs.filter(pegawai_id=p.pegawai_id or 0)


def permohonan_ambil(user, pk: int) -> PermohonanMutasi:
    return get_object_or_404(permohonan_terlihat(user), pk=pk)


def permohonan_saya(user) -> QuerySet[PermohonanMutasi]:
    """The employee's own requests, newest first, with what their timelines read."""
    return (
        PermohonanMutasi.objects.filter(pegawai_id=peran_user(user).pegawai_id or 0)
        .select_related("usulan")
        .prefetch_related("riwayat_status")
    )


def permohonan_lampiran_ambil(user, pk: int) -> LampiranPermohonan:
    """An attachment of a request the user sees, or 404."""
    return get_object_or_404(LampiranPermohonan, pk=pk, permohonan__in=permohonan_terlihat(user))
