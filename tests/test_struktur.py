"""The structure docs/ARCHITECTURE.md promises, checked on the code itself (grimp, the graph library
import-linter uses, sees function-level imports too, so none can hide a circle):

- no import circle anywhere in the project's apps;
- reads (selectors) never reach writes (services);
- no module over 500 lines outside migrations and tests (split it by topic).
The layers themselves are import-linter's contract (`make lint`)."""

from pathlib import Path

import grimp
import pytest

APPS = ("inti", "pegawai", "mutasi", "pelatihan", "evaluasi", "config")
AKAR = Path(__file__).resolve().parent.parent
BATAS_BARIS = 500


def _kode(modul: str) -> bool:
    return ".tests" not in modul and ".migrations" not in modul


@pytest.fixture(scope="module")
def graf():
    return grimp.build_graph(*APPS)


def test_no_import_circles(graf):
    modul = sorted(m for m in graf.modules if _kode(m))
    hulu = {m: graf.find_upstream_modules(m) for m in modul}  # what each imports, directly or not
    lingkaran = sorted((a, b) for a in modul for b in hulu[a] if a < b and a in hulu.get(b, ()))
    assert lingkaran == []


def test_selectors_never_reach_services(graf):
    selectors = {m for m in graf.modules if ".selectors" in m and _kode(m)}
    services = {m for m in graf.modules if ".services" in m and _kode(m)}
    rantai = [graf.find_shortest_chain(importer=s, imported=v) for s in selectors for v in services]
    assert [r for r in rantai if r] == []


def test_no_module_over_500_lines():
    panjang = {}
    for app in APPS:
        for berkas in (AKAR / app).rglob("*.py"):
            bagian = berkas.relative_to(AKAR).parts
            if "migrations" in bagian or "tests" in bagian:
                continue
            n = len(berkas.read_text(encoding="utf-8").splitlines())
            if n > BATAS_BARIS:
                panjang[str(berkas.relative_to(AKAR))] = n
    assert panjang == {}
