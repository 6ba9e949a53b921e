"""Plausibility rules: named checks shared by the forms and the imports.

Each rule is registered with a code, a short title (Indonesian) and a function that returns
None when the data is plausible or a message (Indonesian) naming what is wrong. Forms call
`periksa(kode, ...)` and show the message on the field; imports report it as an error of the
row and column, which HR may relax for a whole file with a reason (the confirm step), when
the rule is `dilonggarkan` (relaxable). The data the rules use lives in settings
(`ATURAN_USIA_CPNS`, `ATURAN_GOLONGAN_MASUK`, `ATURAN_TAHUN_PER_GOLONGAN`), with the
defaults in `.data`."""

from collections.abc import Callable
from dataclasses import dataclass

from .data import golongan_maksimal, jenjang_pendidikan, usia_cpns


@dataclass(frozen=True)
class Aturan:
    kode: str
    judul: str
    fungsi: Callable[..., str | None]
    dilonggarkan: bool = True  # HR may relax it for a file, with a reason


ATURAN: dict[str, Aturan] = {}


def aturan(kode: str, judul: str, *, dilonggarkan: bool = True):
    def daftar(fungsi):
        ATURAN[kode] = Aturan(kode, judul, fungsi, dilonggarkan)
        return fungsi

    return daftar


def periksa(kode: str, **data) -> str | None:
    """Run one rule; None when it holds."""
    return ATURAN[kode].fungsi(**data)


from . import cek as _cek  # noqa: E402,F401  (registers the rules)

__all__ = ["ATURAN", "Aturan", "aturan", "golongan_maksimal", "jenjang_pendidikan", "periksa", "usia_cpns"]
