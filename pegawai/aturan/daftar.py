"""The registry of plausibility rules (kept apart so the rules module imports it without a circle)."""

from collections.abc import Callable
from dataclasses import dataclass


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
