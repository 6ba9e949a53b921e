"""Calendar arithmetic, the one place years and months are counted (never days / 365.25).

Rules (stated in docs/GLOSSARY.md):
- Adding months keeps the day of the month, clamped to the month's end (31 January + 1 month =
  28 or 29 February).
- A period of N whole years is complete on its N-th anniversary: 2024-03-01 to 2026-03-01 is
  exactly 2 years, one day earlier is 1. An anniversary of 29 February falls on 28 February in a
  common year (2024-02-29 + 1 year = 2025-02-28).
"""

import calendar
from datetime import date


def tambah_bulan(d: date, bulan: int) -> date:
    """`d` plus `bulan` months (negative goes back), the day clamped to the month's end."""
    indeks = d.year * 12 + (d.month - 1) + bulan
    tahun, bulan_ke = divmod(indeks, 12)
    hari = min(d.day, calendar.monthrange(tahun, bulan_ke + 1)[1])
    return date(tahun, bulan_ke + 1, hari)


def tambah_tahun(d: date, tahun: int) -> date:
    """`d` plus `tahun` years; 29 February becomes 28 February in a common year."""
    return tambah_bulan(d, 12 * tahun)


def bulan_penuh(dari: date, sampai: date) -> int:
    """Whole months from `dari` to `sampai` by the calendar (0 when `sampai` is not after `dari`)."""
    if sampai <= dari:
        return 0
    n = (sampai.year - dari.year) * 12 + (sampai.month - dari.month)
    if tambah_bulan(dari, n) > sampai:
        n -= 1
    return n


def tahun_penuh(dari: date, sampai: date) -> int:
    """Whole years from `dari` to `sampai` by the calendar: complete on the anniversary itself."""
    return bulan_penuh(dari, sampai) // 12


def masa(dari: date, sampai: date) -> tuple[int, int]:
    """(years, months) of a period by the calendar, e.g. a post held or years of service."""
    return divmod(bulan_penuh(dari, sampai), 12)


def masa_teks(dari: date, sampai: date) -> str:
    """ "2 tahun 3 bulan" (Indonesian, as in the records HR prints)."""
    from django.utils.translation import gettext as _

    tahun, bulan = masa(dari, sampai)
    if tahun and bulan:
        return _("%(t)d tahun %(b)d bulan") % {"t": tahun, "b": bulan}
    if tahun:
        return _("%(t)d tahun") % {"t": tahun}
    return _("%(b)d bulan") % {"b": bulan}


def usia(lahir: date, pada: date) -> int:
    """Age in whole years on `pada` (a 29 February birthday counts on 28 February)."""
    return tahun_penuh(lahir, pada)
