"""The module structure: no import circles inside mutasi (function-level imports count too: grimp
sees them), and the reads never reach the writes."""

import grimp
import pytest


@pytest.fixture(scope="module")
def graf():
    return grimp.build_graph("mutasi")


def test_tidak_ada_lingkaran_impor(graf):
    modul = sorted(m for m in graf.modules if not m.startswith("mutasi.tests") and ".migrations" not in m)
    dijangkau = {m: graf.find_upstream_modules(m) for m in modul}  # what each imports, directly or not
    lingkaran = sorted((a, b) for a in modul for b in dijangkau[a] if a < b and a in dijangkau.get(b, ()))
    assert lingkaran == []


def test_selectors_tidak_mengimpor_services(graf):
    selectors = {m for m in graf.modules if m.startswith("mutasi.selectors")}
    services = {m for m in graf.modules if m.startswith("mutasi.services")}
    rantai = [graf.find_shortest_chain(importer=s, imported=v) for s in selectors for v in services]
    assert [r for r in rantai if r] == []
