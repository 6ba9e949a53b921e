"""Cell parsers: turn what a spreadsheet or CSV cell holds into a Python value, or raise
`NilaiSalah` with an Indonesian message. Each returns None for an empty cell; whether that
is allowed is the column's business (`Kolom.wajib`)."""

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from .. import nip as nip_rules

Parser = Callable[[Any], Any]


class NilaiSalah(ValueError):
    """A cell value that cannot be used; the message names the problem (Indonesian)."""


class _Hapus:
    """The clear marker: a cell holding only `-` empties an optional stored value (an empty
    cell keeps it)."""

    def __repr__(self):
        return "HAPUS"

    def __str__(self):
        return "-"


HAPUS = _Hapus()
TANDA_HAPUS = "-"

# Text that cannot be right: UTF-8 read as Windows-1252 (mojibake), the replacement
# character, control characters (tab and line breaks inside a cell are allowed).
_MOJIBAKE = re.compile(
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
    "|Â[\u00a0-\u00bf]|â€|\ufffd|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def teks_rusak(teks: str) -> str | None:
    """The first suspicious sequence in `teks` (mojibake, U+FFFD, a control character), or None."""
    m = _MOJIBAKE.search(teks)
    return None if m is None else m.group(0)


def kosong(nilai: Any) -> bool:
    if nilai is None:
        return True
    if nilai.__class__ is str:
        return not nilai or nilai.isspace()
    return False


def _teks_mentah(nilai: Any) -> str:
    if isinstance(nilai, str):
        # Non-breaking spaces come in with text copied from web pages and PDFs.
        return " ".join(nilai.replace("\xa0", " ").split())
    if isinstance(nilai, bool):
        return _("Ya") if nilai else _("Tidak")
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    if isinstance(nilai, datetime):
        return nilai.date().isoformat() if nilai.time() == datetime.min.time() else nilai.isoformat(sep=" ")
    if isinstance(nilai, date):
        return nilai.isoformat()
    return str(nilai).strip()


class Teks:
    """Text, whitespace collapsed, at most `maks` characters."""

    def __init__(self, maks: int):
        self.maks = maks

    def __call__(self, nilai: Any) -> str | None:
        if kosong(nilai):
            return None
        teks = _teks_mentah(nilai)
        if len(teks) > self.maks:
            raise NilaiSalah(
                _("terlalu panjang (%(n)s karakter, paling banyak %(m)s)") % {"n": len(teks), "m": self.maks}
            )
        return teks


# Excel turns long digit strings into numbers shown as 1,98609E+17: the last digits are gone.
_NOTASI_ILMIAH = re.compile(r"^\d+([.,]\d+)?[eE][+]?\d+$")


def nip(nilai: Any) -> str | None:
    """A NIP or NI PPPK as 18 digits (spaces and dots of the grouped form removed). The full
    check against status, birth date and gender is the kind's job (pegawai/nip.py)."""
    if kosong(nilai):
        return None
    if isinstance(nilai, float) or (isinstance(nilai, str) and _NOTASI_ILMIAH.match(nilai.strip())):
        raise NilaiSalah(
            _(
                "NIP tersimpan sebagai angka (%(v)s) sehingga digit terakhirnya hilang; "
                "format kolom NIP sebagai Teks lalu ketik ulang NIP-nya"
            )
            % {"v": nilai}
        )
    teks = str(nilai).strip()
    if not teks.isdigit():
        teks = nip_rules.normalisasi(teks)
    if teks.startswith("'"):  # Excel's "keep as text" apostrophe, when pasted into a CSV
        teks = teks[1:]
    return teks


_FORMAT_TANGGAL = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), ("d", "m", "y")),
)
# A date typed as text with a time part, as some exports write it: "1986-09-26 00:00:00".
_JAM = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_EXCEL_NOL = date(1899, 12, 30)


def tanggal(nilai: Any) -> date | None:
    """YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY (also YYYY/MM/DD and DD.MM.YYYY), or a real
    spreadsheet date. A bare number from a spreadsheet is read as an Excel date serial."""
    if kosong(nilai):
        return None
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    if isinstance(nilai, int | float) and not isinstance(nilai, bool):
        if 1 <= nilai < 2958466:  # Excel's range: 1900-01-01 .. 9999-12-31
            return _EXCEL_NOL + timedelta(days=int(nilai))
        raise NilaiSalah(_("bukan tanggal (%(v)s)") % {"v": nilai})
    teks = str(nilai).strip()
    if len(teks) == 10 and teks[4] == "-":
        try:
            return date.fromisoformat(teks)  # the common case, fast
        except ValueError:
            pass
    teks = _JAM.sub("", teks)
    for pola, urutan in _FORMAT_TANGGAL:
        cocok = pola.match(teks)
        if cocok:
            bagian = dict(zip(urutan, (int(x) for x in cocok.groups()), strict=True))
            try:
                return date(bagian["y"], bagian["m"], bagian["d"])
            except ValueError:
                raise NilaiSalah(_("tanggal %(v)s tidak ada di kalender") % {"v": teks}) from None
    raise NilaiSalah(_("tanggal %(v)s tidak dikenali; gunakan YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY") % {"v": teks})


class _Ambigu(ValueError):
    pass


# "2.400" is 2400 in Indonesian and 2.4 in English; "2,400" the other way round.
_RIBUAN_ATAU_DESIMAL = re.compile(r"^-?[1-9]\d{0,2}[.,]\d{3}$")


def _desimal_teks(teks: str) -> Decimal:
    teks = teks.replace(" ", "").replace("\xa0", "")
    if _RIBUAN_ATAU_DESIMAL.match(teks):
        raise _Ambigu
    if "," in teks and "." in teks:
        # The later mark is the decimal one: 1.250,5 (Indonesian) or 1,250.5 (English).
        koma_desimal = teks.rfind(",") > teks.rfind(".")
        teks = teks.replace(".", "").replace(",", ".") if koma_desimal else teks.replace(",", "")
    elif "," in teks:
        # Indonesian spreadsheets write decimals with a comma: 0,5 jam.
        if teks.count(",") > 1:
            raise InvalidOperation
        teks = teks.replace(",", ".")
    elif teks.count(".") > 1:
        teks = teks.replace(".", "")  # 1.250.000: thousands separators
    return Decimal(teks)


class Desimal:
    """A decimal number with at most `tempat` places and `digit` digits in all, within bounds.
    Text accepts a comma or a point as the decimal mark (see docs/IMPOR.md)."""

    def __init__(self, *, digit: int, tempat: int, minimum: Decimal | None = None, lebih_dari: Decimal | None = None):
        self.digit, self.tempat, self.minimum, self.lebih_dari = digit, tempat, minimum, lebih_dari

    def __call__(self, nilai: Any) -> Decimal | None:
        if kosong(nilai):
            return None
        try:
            if isinstance(nilai, bool):
                raise InvalidOperation
            if isinstance(nilai, int):
                angka = Decimal(nilai)
            elif isinstance(nilai, float):
                # A spreadsheet float like 0.1 + 0.2: round away the binary noise first.
                angka = Decimal(repr(round(nilai, 9))).normalize()
            else:
                angka = _desimal_teks(str(nilai).strip())
        except _Ambigu:
            raise NilaiSalah(
                _(
                    "angka %(v)s bisa berarti ribuan atau desimal; tulis tanpa pemisah ribuan "
                    "dan pakai koma untuk desimal (misalnya 2400 atau 2,4)"
                )
                % {"v": nilai}
            ) from None
        except (InvalidOperation, ValueError):
            raise NilaiSalah(_("bukan angka (%(v)s)") % {"v": nilai}) from None
        if not angka.is_finite():
            raise NilaiSalah(_("bukan angka (%(v)s)") % {"v": nilai})
        if angka.normalize().as_tuple().exponent < -self.tempat:
            raise NilaiSalah(
                _("paling banyak %(n)s angka di belakang koma (%(v)s)") % {"n": self.tempat, "v": _teks_mentah(nilai)}
            )
        if self.minimum is not None and angka < self.minimum:
            raise NilaiSalah(_("tidak boleh kurang dari %(m)s") % {"m": self.minimum})
        if self.lebih_dari is not None and angka <= self.lebih_dari:
            raise NilaiSalah(_("harus lebih dari %(m)s") % {"m": self.lebih_dari})
        if abs(angka) >= Decimal(10) ** (self.digit - self.tempat):
            raise NilaiSalah(_("terlalu besar (%(v)s)") % {"v": _teks_mentah(nilai)})
        return angka.quantize(Decimal(1).scaleb(-self.tempat))


class Bilangan:
    """A whole number between `minimum` and `maksimum`."""

    def __init__(self, minimum: int, maksimum: int):
        self.minimum, self.maksimum = minimum, maksimum

    def __call__(self, nilai: Any) -> int | None:
        if kosong(nilai):
            return None
        if isinstance(nilai, float) and nilai.is_integer():
            nilai = int(nilai)
        teks = str(nilai).strip()
        if isinstance(nilai, bool) or not re.fullmatch(r"[+-]?\d+", teks):
            raise NilaiSalah(_("harus bilangan bulat (%(v)s)") % {"v": _teks_mentah(nilai)})
        angka = int(teks)
        if not self.minimum <= angka <= self.maksimum:
            raise NilaiSalah(
                _("harus antara %(a)s dan %(b)s (%(v)s)") % {"a": self.minimum, "b": self.maksimum, "v": angka}
            )
        return angka


def kunci_pilihan(teks: str) -> str:
    """Compare choices ignoring case, spaces, dots, dashes and slashes."""
    return re.sub(r"[\s.\-/_()]+", "", teks.casefold())


class Pilihan:
    """One of a closed list. `peta` maps every accepted spelling to the stored value; the
    error lists the canonical spellings `tampil`. Either may be a callable, evaluated on
    first use (so translated choice labels are not read at import time)."""

    def __init__(
        self,
        peta: dict[str, str] | Callable[[], dict[str, str]],
        tampil: Iterable[str] | Callable[[], Iterable[str]],
    ):
        self._peta, self._tampil = peta, tampil
        self._siap: tuple[dict[str, str], list[str]] | None = None

    def _muat(self) -> tuple[dict[str, str], list[str]]:
        if self._siap is None:
            peta = self._peta() if callable(self._peta) else self._peta
            tampil = self._tampil() if callable(self._tampil) else self._tampil
            self._siap = ({kunci_pilihan(str(k)): v for k, v in peta.items()}, [str(t) for t in tampil])
        return self._siap

    @property
    def tampil(self) -> list[str]:
        return self._muat()[1]

    def __call__(self, nilai: Any) -> str | None:
        if kosong(nilai):
            return None
        peta, tampil = self._muat()
        hasil = peta.get(nilai) if isinstance(nilai, str) else None  # exact spellings are cached as met
        if hasil is not None:
            return hasil
        hasil = peta.get(kunci_pilihan(_teks_mentah(nilai)))
        if hasil is not None and isinstance(nilai, str) and len(peta) < 10_000:
            peta[nilai] = hasil
        if hasil is None:
            raise NilaiSalah(
                _("%(v)s tidak dikenal; pilihan: %(p)s") % {"v": _teks_mentah(nilai), "p": ", ".join(tampil)}
            )
        return hasil


_YA = {"ya", "y", "yes", "true", "1", "benar"}
_TIDAK = {"tidak", "no", "n", "false", "0", "salah"}


def ya_tidak(nilai: Any) -> bool | None:
    """Ya/Tidak (also Yes/No, 1/0, TRUE/FALSE cells)."""
    if kosong(nilai):
        return None
    if isinstance(nilai, bool):
        return nilai
    teks = kunci_pilihan(_teks_mentah(nilai))
    if teks in _YA:
        return True
    if teks in _TIDAK:
        return False
    raise NilaiSalah(_("%(v)s tidak dikenal; isi Ya atau Tidak") % {"v": _teks_mentah(nilai)})
