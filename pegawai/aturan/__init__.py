"""Plausibility rules: named checks shared by the forms and the imports.

Each rule is registered with a code, a short title (Indonesian) and a function that returns
None when the data is plausible or a message (Indonesian) naming what is wrong. Forms call
`periksa(kode, ...)` and show the message on the field; imports report it as an error of the
row and column, which HR may relax for a whole file with a reason (the confirm step), when
the rule is `dilonggarkan` (relaxable). The data the rules use lives in settings
(`ATURAN_USIA_CPNS`, `ATURAN_GOLONGAN_MASUK`, `ATURAN_TAHUN_PER_GOLONGAN`), with the
defaults in `.data`."""

from . import cek as _cek  # noqa: F401  (registers the rules)
from .daftar import ATURAN, Aturan, aturan, periksa
from .data import golongan_maksimal, jenjang_pendidikan, usia_cpns

__all__ = ["ATURAN", "Aturan", "aturan", "golongan_maksimal", "jenjang_pendidikan", "periksa", "usia_cpns"]
