"""A PPPK employee's contract periods for the employee page: `{% kontrak_pppk pegawai as kp %}`."""

from dataclasses import dataclass

from django import template
from django.utils import timezone

from inti.kalender import tambah_bulan

from ..models import KontrakPPPK, Pegawai
from ..selectors.kontrak import kontrak_berakhir, kontrak_pegawai, kontrak_sekarang, pantau_bulan

register = template.Library()


@dataclass(frozen=True)
class KontrakTampil:
    semua: list[KontrakPPPK]
    sekarang: KontrakPPPK | None
    sisa_hari: int | None
    segera: bool  # ends within the watch period


@register.simple_tag
def kontrak_pppk(pegawai: Pegawai) -> KontrakTampil:
    hari = timezone.localdate()
    semua = kontrak_pegawai(pegawai)
    diperpanjang = {k.diperpanjang_dari_id for k in semua if k.diperpanjang_dari_id}
    for k in semua:
        k.sudah_diperpanjang = k.pk in diperpanjang
    sekarang = kontrak_sekarang(semua, hari)
    sisa = (sekarang.selesai - hari).days if sekarang else None
    segera = (
        bool(sekarang) and not sekarang.sudah_diperpanjang and sekarang.selesai <= tambah_bulan(hari, pantau_bulan())
    )
    return KontrakTampil(semua=semua, sekarang=sekarang, sisa_hari=sisa, segera=segera)


@register.simple_tag
def kontrak_pppk_berakhir_jumlah() -> int:
    """For HR's home page: contracts ending within the watch period and not renewed."""
    return kontrak_berakhir(timezone.localdate()).count()
