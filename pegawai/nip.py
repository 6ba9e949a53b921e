"""NIP (PNS) and NI PPPK: parsing and validation, exactly as DOMAIN.md describes.

PNS NIP:  YYYYMMDD (birth) + YYYYMM (TMT CPNS) + gender digit + 3-digit sequence.
NI PPPK:  YYYYMMDD (birth) + YYYY (appointment year) + 2 digits + gender digit + 3-digit sequence.
Digits 13-14 of a PPPK number are not a month, so the PNS rules must never be applied to it.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PNS = "PNS"
PPPK = "PPPK"
PANJANG = 18
USIA_MINIMAL_CPNS = 18


@dataclass(frozen=True)
class InfoNip:
    tanggal_lahir: date
    tahun_masuk: int
    bulan_masuk: int | None  # None for PPPK: the number carries only the year
    jenis_kelamin: str  # "L" or "P"
    urut: str


def _tanggal(teks: str) -> date:
    try:
        return date(int(teks[:4]), int(teks[4:6]), int(teks[6:8]))
    except ValueError:
        raise ValidationError(
            _("tanggal lahir di NIP (%(t)s) bukan tanggal yang sah") % {"t": f"{teks[:4]}-{teks[4:6]}-{teks[6:8]}"},
            code="nip_tanggal_lahir",
        ) from None


def _kelamin(digit: str) -> str:
    if digit not in ("1", "2"):
        raise ValidationError(
            _("digit jenis kelamin di NIP harus 1 (laki-laki) atau 2 (perempuan), bukan %(d)s") % {"d": digit},
            code="nip_kelamin",
        )
    return "L" if digit == "1" else "P"


def normalisasi(nip: str) -> str:
    """Strip the spaces and dots people type when copying a grouped NIP."""
    return "".join(ch for ch in str(nip or "") if not ch.isspace() and ch not in ".-")


def parse(nip: str, status: str = PNS) -> InfoNip:
    """Parse a PNS NIP or an NI PPPK; raise ValidationError with an Indonesian message."""
    nip = normalisasi(nip)
    # ASCII only: "²".isdigit() is True but int("²") raises, and Arabic-Indic digits would be stored as such.
    if not (nip.isascii() and nip.isdigit()) or len(nip) != PANJANG:
        raise ValidationError(_("NIP harus terdiri dari 18 angka"), code="nip_format")
    lahir = _tanggal(nip[:8])
    if status == PPPK:
        tahun, bulan = int(nip[8:12]), None
        kelamin = _kelamin(nip[14])
    else:
        tahun, bulan = int(nip[8:12]), int(nip[12:14])
        if not 1 <= bulan <= 12:
            raise ValidationError(
                _("TMT CPNS di NIP (%(t)s) bukan bulan yang sah") % {"t": f"{nip[8:12]}-{nip[12:14]}"},
                code="nip_tmt",
            )
        kelamin = _kelamin(nip[14])
    # Compare by month (PNS) or by year (PPPK): the number carries no finer date.
    umur_bulan = (tahun - lahir.year) * 12 + ((bulan or 12) - lahir.month)
    if umur_bulan <= 0:
        raise ValidationError(_("tahun masuk di NIP tidak boleh sebelum tanggal lahir"), code="nip_tmt")
    cukup_umur = (tahun - lahir.year >= USIA_MINIMAL_CPNS) if bulan is None else umur_bulan >= USIA_MINIMAL_CPNS * 12
    if not cukup_umur:
        raise ValidationError(
            _("tahun masuk di NIP kurang dari %(n)s tahun setelah tanggal lahir") % {"n": USIA_MINIMAL_CPNS},
            code="nip_tmt",
        )
    if tahun > date.today().year + 1:
        raise ValidationError(_("tahun masuk di NIP (%(t)s) ada di masa depan") % {"t": tahun}, code="nip_tmt")
    return InfoNip(lahir, tahun, bulan, kelamin, nip[15:])


def periksa(nip: str, *, status: str, tanggal_lahir: date | None, jenis_kelamin: str | None) -> dict[str, str]:
    """Validate a NIP against the rest of the record; return {field: message} for each mismatch."""
    try:
        info = parse(nip, status)
    except ValidationError as e:
        return {"nip": e.messages[0]}
    errors = {}
    if tanggal_lahir and info.tanggal_lahir != tanggal_lahir:
        errors["tanggal_lahir"] = _("tanggal lahir (%(a)s) tidak sama dengan tanggal lahir di NIP (%(b)s)") % {
            "a": tanggal_lahir.isoformat(),
            "b": info.tanggal_lahir.isoformat(),
        }
    if jenis_kelamin and info.jenis_kelamin != jenis_kelamin:
        errors["jenis_kelamin"] = _("jenis kelamin tidak sesuai dengan digit ke-15 NIP")
    return errors


def tampil(nip: str, status: str = PNS) -> str:
    """Group the digits as printed on decrees: 19860926 201505 1 001 (PPPK: 19900913 2025 24 2 014)."""
    nip = normalisasi(nip)
    if len(nip) != PANJANG:
        return nip
    if status == PPPK:
        return f"{nip[:8]} {nip[8:12]} {nip[12:14]} {nip[14]} {nip[15:]}"
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
