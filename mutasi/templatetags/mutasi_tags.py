from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

WARNA = {
    "DRAFT": "secondary",
    "DIKEMBALIKAN": "warning",
    "DIAJUKAN": "info",
    "DILEPAS": "info",
    "DITERIMA": "info",
    "DIVERIFIKASI": "primary",
    "DIPUTUSKAN": "primary",
    "SK_TERBIT": "success",
    "DILAKSANAKAN": "success",
    "DITOLAK": "danger",
    "DIBATALKAN": "dark",
}
WARNA_CEK = {"lulus": "success", "gagal": "danger", "peringatan": "warning", "info": "secondary"}
IKON_CEK = {
    "lulus": "check-circle-fill",
    "gagal": "x-circle-fill",
    "peringatan": "exclamation-triangle-fill",
    "info": "info-circle",
}
LABEL_CEK = {
    "lulus": _("lulus"),
    "gagal": _("gagal"),
    "peringatan": _("peringatan"),
    "info": _("info"),
}


@register.filter
def status_warna(status: str) -> str:
    return WARNA.get(status, "secondary")


@register.filter
def cek_warna(hasil: str) -> str:
    return WARNA_CEK.get(hasil, "secondary")


@register.filter
def cek_label(hasil: str) -> str:
    return str(LABEL_CEK.get(hasil, hasil))


@register.filter
def cek_ikon(hasil: str) -> str:
    return IKON_CEK.get(hasil, "info-circle")


@register.filter
def ambil(d: dict, kunci):
    return d.get(kunci) if hasattr(d, "get") else None
