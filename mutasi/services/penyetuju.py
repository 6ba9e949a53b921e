"""Compatibility names only: who approves moved to `mutasi.selectors.penyetuju` (a read).
`evaluasi.services.jadwal` still imports them from here; remove this module once it has switched."""

from ..selectors.penyetuju import InfoUnit, penyetuju_cari, unit_peta

__all__ = ["InfoUnit", "penyetuju_cari", "unit_peta"]
