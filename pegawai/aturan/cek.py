"""The rules themselves (registered in `pegawai.aturan.ATURAN` by code)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.kalender import tahun_penuh, usia

from .. import nip as nip_rules
from ..models import PANGKAT_PNS, StatusAsn
from .daftar import aturan
from .data import golongan_maksimal, jenjang_pendidikan, urutan_golongan, usia_cpns, usia_lulus_minimum


def tmt_cpns(nip: str, status: str) -> date | None:
    """The start of service a PNS NIP carries (first of its month); None for PPPK or a bad NIP."""
    if status != StatusAsn.PNS:
        return None
    try:
        info = nip_rules.parse(nip, status)
    except ValidationError:
        return None
    return date(info.tahun_masuk, info.bulan_masuk or 1, 1)


def _tgl(d: date) -> str:
    return d.strftime("%d-%m-%Y")


@aturan("jabatan_sebelum_cpns", gettext_lazy("Jabatan tidak dimulai sebelum TMT CPNS"))
def jabatan_sebelum_cpns(*, nip: str, status: str, mulai: date | None) -> str | None:
    awal = tmt_cpns(nip, status)
    if awal is None or mulai is None or mulai >= awal:
        return None
    return _("TMT %(m)s sebelum TMT CPNS di NIP (%(a)s)") % {"m": _tgl(mulai), "a": awal.strftime("%m-%Y")}


@aturan("usia_pengangkatan", gettext_lazy("Usia saat diangkat CPNS wajar"))
def usia_pengangkatan(*, nip: str, status: str) -> str | None:
    awal = tmt_cpns(nip, status)
    if awal is None:
        return None
    lahir = nip_rules.parse(nip, status).tanggal_lahir
    umur = usia(lahir, awal)
    rendah, tinggi = usia_cpns()
    if rendah <= umur <= tinggi:
        return None
    return _("usia saat diangkat CPNS (%(u)s tahun, menurut NIP) di luar %(a)s sampai %(b)s tahun") % {
        "u": umur,
        "a": rendah,
        "b": tinggi,
    }


@aturan("golongan_masa_kerja", gettext_lazy("Golongan mungkin untuk pendidikan dan masa kerja"))
def golongan_masa_kerja(
    *, nip: str, status: str, golongan: str | None, pendidikan: str | None, pada: date | None = None
) -> str | None:
    awal = tmt_cpns(nip, status)
    if awal is None or golongan not in PANGKAT_PNS:
        return None
    pada = pada or timezone.localdate()
    masa = tahun_penuh(awal, pada) if pada >= awal else 0
    jenjang = jenjang_pendidikan(pendidikan)
    maks = golongan_maksimal(jenjang, masa)
    if urutan_golongan(golongan) <= urutan_golongan(maks):
        return None
    return _(
        "golongan %(g)s tidak mungkin dengan pendidikan %(p)s dan masa kerja %(m)s tahun (sejak TMT CPNS "
        "%(t)s); paling tinggi %(x)s"
    ) % {"g": golongan, "p": jenjang or _("(tidak diketahui)"), "m": masa, "t": awal.strftime("%m-%Y"), "x": maks}


@aturan("tanggal_lampau", gettext_lazy("Tanggal yang sudah terjadi tidak di masa depan"), dilonggarkan=False)
def tanggal_lampau(*, tanggal: date | None, hari_ini: date | None = None) -> str | None:
    if tanggal is None or tanggal <= (hari_ini or timezone.localdate()):
        return None
    return _("tanggal %(t)s ada di masa depan") % {"t": _tgl(tanggal)}


@aturan("tahun_lampau", gettext_lazy("Tahun penilaian sudah berakhir"), dilonggarkan=False)
def tahun_lampau(*, tahun: int | None, hari_ini: date | None = None) -> str | None:
    if tahun is None or tahun < (hari_ini or timezone.localdate()).year:
        return None
    return _("tahun %(t)s belum berakhir") % {"t": tahun}


@aturan("tugas_positif", gettext_lazy("Volume dan norma waktu tugas lebih dari nol"), dilonggarkan=False)
def tugas_positif(*, volume: Decimal | None, norma_waktu: Decimal | None) -> str | None:
    if volume is not None and volume <= 0:
        return _("volume harus lebih dari 0 (tugas tanpa beban kerja tidak dicatat)")
    if norma_waktu is not None and norma_waktu <= 0:
        return _("norma waktu harus lebih dari 0")
    return None


@aturan("formasi_unit_jabatan", gettext_lazy("Jabatan sesuai dengan unit kerjanya"))
def formasi_unit_jabatan(
    *, unit_jenis: str, jabatan_di_unit: set[int], jabatan_id: int, jenis_unit_jabatan: set[str]
) -> str | None:
    """Allowed when the unit already has the position, or the position exists in a unit of the
    same kind, or the position is held nowhere yet (nothing to compare with)."""
    if jabatan_id in jabatan_di_unit or not jenis_unit_jabatan or unit_jenis in jenis_unit_jabatan:
        return None
    return _("jabatan ini hanya ada di unit berjenis %(j)s, bukan di unit berjenis %(u)s") % {
        "j": ", ".join(sorted(jenis_unit_jabatan)),
        "u": unit_jenis,
    }


@aturan("golongan_sebelum_cpns", gettext_lazy("TMT golongan tidak sebelum TMT CPNS"))
def golongan_sebelum_cpns(*, nip: str, status: str, tmt: date | None) -> str | None:
    awal = tmt_cpns(nip, status)
    if awal is None or tmt is None or tmt >= awal:
        return None
    return _("TMT golongan %(m)s sebelum TMT CPNS di NIP (%(a)s)") % {"m": _tgl(tmt), "a": _tgl(awal)}


@aturan("golongan_naik", gettext_lazy("Golongan naik seiring TMT"))
def golongan_naik(*, golongan: str, tmt: date, lain: list[tuple[date, str]]) -> str | None:
    """A rank history only rises: no lower rank at a later TMT, no higher one at an earlier TMT,
    no two ranks on one day (PPPK and PNS ranks each by their own order)."""
    urut = _urut_semua(golongan)
    for t, g in sorted(lain):
        if g == golongan and t == tmt:
            continue
        u = _urut_semua(g)
        if t == tmt and g != golongan:
            return _("golongan %(g)s dan %(h)s tercatat dengan TMT yang sama (%(t)s)") % {
                "g": golongan,
                "h": g,
                "t": _tgl(tmt),
            }
        if (t < tmt and u > urut) or (t > tmt and u < urut):
            return _("golongan %(g)s (TMT %(t)s) tidak naik dari golongan %(h)s (TMT %(s)s)") % {
                "g": golongan if t < tmt else g,
                "t": _tgl(tmt if t < tmt else t),
                "h": g if t < tmt else golongan,
                "s": _tgl(t if t < tmt else tmt),
            }
    return None


def _urut_semua(golongan: str) -> int:
    from ..models import GOLONGAN_PPPK

    if golongan in GOLONGAN_PPPK:
        return GOLONGAN_PPPK.index(golongan)
    return urutan_golongan(golongan) if golongan in PANGKAT_PNS else -1


@aturan("lulus_lampau", gettext_lazy("Tahun lulus sudah terjadi"), dilonggarkan=False)
def lulus_lampau(*, tahun: int | None, hari_ini: date | None = None) -> str | None:
    if tahun is None or tahun <= (hari_ini or timezone.localdate()).year:
        return None
    return _("tahun lulus %(t)s ada di masa depan") % {"t": tahun}


@aturan("lulus_usia", gettext_lazy("Tahun lulus tidak sebelum usia sekolah"))
def lulus_usia(*, tahun: int | None, lahir: date | None) -> str | None:
    minimum = usia_lulus_minimum()
    if tahun is None or lahir is None or tahun >= lahir.year + minimum:
        return None
    return _("tahun lulus %(t)s sebelum pegawai berusia %(u)s tahun (lahir %(l)s)") % {
        "t": tahun,
        "u": minimum,
        "l": _tgl(lahir),
    }
