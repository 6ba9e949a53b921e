"""Screenshots for docs/screenshots/: written only when SIMPAN_SCREENSHOT=1, so that an ordinary
test run leaves the curated pictures (taken from the demo data) alone."""

import os
from pathlib import Path

LAYAR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def simpan_layar(page, nama: str, **kw) -> None:
    if os.environ.get("SIMPAN_SCREENSHOT") == "1":
        LAYAR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(LAYAR / nama), **kw)
