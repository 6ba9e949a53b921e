"""Reads of the import log (RiwayatImpor): HR's business only, 404 for anyone else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..akses import boleh_impor
from ..models import RiwayatImpor

if TYPE_CHECKING:
    from ..akses import Pengguna


def riwayat_impor_ambil(user: Pengguna, pk: int) -> RiwayatImpor:
    """One import run with who ran it; 404 for whoever may not import."""
    if not boleh_impor(user):
        raise Http404
    return get_object_or_404(RiwayatImpor.objects.select_related("oleh__pegawai"), pk=pk)
