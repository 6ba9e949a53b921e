"""The vendored front-end files survive `collectstatic` with the manifest storage production uses:
a `sourceMappingURL` (or any url()) pointing at a file that is not in the repository fails the deploy."""

import io
import re
from pathlib import Path

from django.core.management import call_command

STATIC = Path(__file__).resolve().parent.parent / "static"
SOURCE_MAP = re.compile(r"[#@]\s*sourceMappingURL=(?P<url>[^\s*]+)")


def _js_css():
    return sorted(p for p in STATIC.rglob("*") if p.suffix in {".js", ".css"})


def test_every_source_map_reference_points_at_a_file_in_the_repository():
    assert _js_css(), "no JS/CSS found under static/"
    hilang = []
    for p in _js_css():
        for m in SOURCE_MAP.finditer(p.read_text(encoding="utf-8", errors="replace")):
            url = m["url"]
            if url.startswith("data:"):
                continue
            if not (p.parent / url.split("?")[0]).is_file():
                hilang.append(f"{p.relative_to(STATIC)} -> {url}")
    assert hilang == [], "remove the sourceMappingURL comment or add the map file"


def test_collectstatic_with_the_manifest_storage(settings, tmp_path):
    # What the deploy runs (STATIC_MANIFEST=true), minus the compression, which checks nothing more.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    out = io.StringIO()
    call_command("collectstatic", interactive=False, verbosity=1, stdout=out)
    assert "post-processed" in out.getvalue()
    assert (tmp_path / "static" / "staticfiles.json").is_file()


def test_every_vendored_package_is_used():
    """A vendored library no template loads is dead weight shipped to every deploy (htmx was one)."""
    dipakai = "\n".join(p.read_text(encoding="utf-8") for p in (STATIC.parent / "templates").rglob("*.html"))
    tidak = [d.name for d in (STATIC / "vendor").iterdir() if d.is_dir() and f"vendor/{d.name}/" not in dipakai]
    assert tidak == []
