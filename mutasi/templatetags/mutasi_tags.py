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


@register.filter
def status_warna(status: str) -> str:
    return WARNA.get(status, "secondary")


@register.filter
def cek_warna(hasil: str) -> str:
    return WARNA_CEK.get(hasil, "secondary")


@register.filter
def cek_ikon(hasil: str) -> str:
    return IKON_CEK.get(hasil, "info-circle")


@register.filter
def ambil(d: dict, kunci):
    return d.get(kunci) if hasattr(d, "get") else None


# Timeline rows that are not a state change (and `buat`, the first row).
LABEL_AKSI = {
    "buat": _("Dibuat"),
    "pengecualian": _("Pengecualian syarat"),
    "tinjau": _("Perubahan data ditinjau"),
    "persetujuan_menteri": _("Persetujuan Menteri dicatat"),
    "keberatan": _("Keberatan pegawai"),
    "jawab_keberatan": _("Jawaban atas keberatan"),
    "revisi": _("Revisi TMT dengan SK perubahan"),
}


@register.filter
def aksi_label(aksi: str) -> str:
    """The Indonesian name of a timeline action."""
    from ..services.alur import TRANSISI

    if aksi in LABEL_AKSI:
        return LABEL_AKSI[aksi]
    t = TRANSISI.get(aksi)
    return t.label if t else aksi.replace("_", " ").capitalize()
