"""Screenshots for docs/screenshots/: written only when SIMPAN_SCREENSHOT=1, so that an ordinary
test run leaves the curated pictures (taken from the demo data) alone; and the unit field a user
types into."""

import os
from pathlib import Path

LAYAR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def simpan_layar(page, nama: str, **kw) -> None:
    if os.environ.get("SIMPAN_SCREENSHOT") == "1":
        LAYAR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(LAYAR / nama), **kw)


def pilih_unit(page, nama: str, unit) -> None:
    """Choose `unit` in the unit field `nama` (pegawai.forms.unit_cari, static/js/unit-cari.js) as a
    user does: type part of its name, pick it from the matches."""
    kotak = page.locator(f".unit-cari:has(input[name={nama}_cari])")
    kotak.locator(f"input[name={nama}_cari]").fill(unit.nama)
    kotak.get_by_role("option", name=unit.nama).first.click()
