"""Reads of the training catalogue."""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pegawai.models import Kompetensi, User
from pegawai.selectors.cari import saring

from ..akses import boleh_lihat_pelatihan
from ..models import Pelatihan
from .umum import urutkan

URUTAN_KATALOG = {"nama": ("nama",), "jenis": ("jenis", "nama"), "jp": ("jp", "nama"), "mode": ("mode", "nama")}


def katalog_cari(
    *,
    q: str = "",
    jenis: str = "",
    mode: str = "",
    kompetensi: int | None = None,
    aktif: bool | None = True,
    urut: str = "nama",
) -> QuerySet[Pelatihan]:
    """The catalogue, searched and filtered; competences prefetched (two queries)."""
    qs = Pelatihan.objects.prefetch_related(Prefetch("kompetensi", queryset=Kompetensi.objects.order_by("nama")))
    if q:
        qs = qs.filter(Q(nama__icontains=q.strip()) | Q(penyelenggara__icontains=q.strip()))
    qs = saring(qs, jenis=jenis, mode=mode, kompetensi=kompetensi, aktif=aktif)
    return urutkan(qs, urut, URUTAN_KATALOG, "nama")


def pelatihan_ambil(user: User, pk: int) -> Pelatihan:
    """A catalogue entry, or 404 to whoever may not see it (an inactive one: all but HR)."""
    p = get_object_or_404(Pelatihan.objects.prefetch_related("kompetensi"), pk=pk)
    if not boleh_lihat_pelatihan(user, p):
        raise Http404
    return p
