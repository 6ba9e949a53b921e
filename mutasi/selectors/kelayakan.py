"""Reads of a proposal's eligibility: its overrides (shown to every later approver, printed in the
decree file) and the checks stored at its last step."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from ..models import PengecualianSyarat, UsulanMutasi


def pengecualian_usulan(usulan: UsulanMutasi | int) -> QuerySet[PengecualianSyarat]:
    """Every override of the proposal, oldest first, with who recorded and who confirmed it.
    Each row: `judul` (the check), `pesan_cek` (what failed then), `alasan`, `oleh`, `waktu`,
    `berat` (a hard rule), `dikonfirmasi_oleh`/`dikonfirmasi_pada` (the PPK's confirmation)."""
    pk = usulan.pk if isinstance(usulan, UsulanMutasi) else usulan
    return (
        PengecualianSyarat.objects.filter(usulan_id=pk)
        .select_related("oleh", "oleh__pegawai", "dikonfirmasi_oleh", "dikonfirmasi_oleh__pegawai")
        .order_by("waktu", "id")
    )


@dataclass(frozen=True)
class CekTersimpan:
    """The checks as evaluated at the proposal's last step that passed."""

    pada: date | None
    langkah: str
    cek: list[dict]


def cek_tersimpan(usulan: UsulanMutasi) -> CekTersimpan:
    return CekTersimpan(pada=usulan.cek_pada, langkah=usulan.cek_langkah, cek=list(usulan.hasil_cek or []))
