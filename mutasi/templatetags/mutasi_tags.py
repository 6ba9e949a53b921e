from django import template
from django.utils.translation import gettext_lazy as _

from ..models import RiwayatStatusKeberatan, RiwayatStatusUsulan
from ..services.alur import TRANSISI

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


# Timeline rows that are not a state change (and `buat`, the first row).
LABEL_AKSI = {
    "buat": _("Dibuat"),
    "pengecualian": _("Pengecualian syarat"),
    "konfirmasi_pengecualian": _("Pengecualian syarat dikonfirmasi PPK"),
    "keputusan_eksternal": _("Keputusan instansi lain dicatat"),
    "laksanakan_tertahan": _("Tidak dilaksanakan pada TMT"),
    "tinjau": _("Perubahan data ditinjau"),
    "persetujuan_menteri": _("Persetujuan Menteri dicatat"),
    "revisi": _("Revisi TMT: SK perubahan disiapkan"),
    "sk_konsep": _("Konsep SK disiapkan, menunggu keputusan dan tanda tangan PPK"),
    "sk_perubahan": _("SK perubahan ditetapkan PPK"),
}


@register.filter
def aksi_label(aksi: str) -> str:
    """The Indonesian name of a timeline action."""
    if aksi in LABEL_AKSI:
        return LABEL_AKSI[aksi]
    t = TRANSISI.get(aksi)
    return t.label if t else aksi.replace("_", " ").capitalize()


@register.filter
def riwayat_judul(r: RiwayatStatusUsulan | RiwayatStatusKeberatan) -> str:
    """The title of a timeline row: the new state of a step, the name of a note, or what
    happened to an objection (its rows join the proposal's timeline)."""
    if isinstance(r, RiwayatStatusKeberatan):
        if r.aksi == "jawab":
            return _("Jawaban atas keberatan: %(keputusan)s") % {"keputusan": r.keberatan.get_keputusan_display()}
        return str(_("Keberatan pegawai"))
    if r.dari == r.ke:
        return str(aksi_label(r.aksi))
    if r.aksi == "revisi_tujuan":
        return f"{r.get_ke_display()} · {aksi_label(r.aksi)}"
    return r.get_ke_display()
