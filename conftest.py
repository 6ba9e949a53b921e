"""Project-wide fixtures: the named roles every permission test uses, and the browser set-up.

Roles (after healthchecks' owner/member/outsider):
- hr: BKPSDM staff            - ppk: the official who decides
- kepala: head of `unit` (which has a sub-unit `subunit`)
- anggota: employee in `subunit` (so within kepala's reach)
- orang_luar: employee in another OPD, outside kepala's reach
"""

import os

import pytest
from django.test import Client
from django.utils import translation

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.hookimpl(trylast=True)  # after tests/browser/conftest.py has marked its tests
def pytest_collection_modifyitems(config, items):
    """TES_BAGIAN=browser keeps only the browser tests, TES_BAGIAN=lain only the others (`make test`
    runs the two apart: Playwright leaves an asyncio loop running in its process, and a later test
    calling asyncio.run() there fails). Unset: everything, as before."""
    bagian = os.environ.get("TES_BAGIAN", "")
    if bagian not in ("browser", "lain"):
        return
    pilih, buang = [], []
    for item in items:
        is_browser = item.get_closest_marker("browser") is not None
        (pilih if is_browser == (bagian == "browser") else buang).append(item)
    if buang:
        config.hook.pytest_deselected(items=buang)
        items[:] = pilih


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Users here browse in Indonesian; headless Chromium would ask for English.
    return {**browser_context_args, "locale": "id-ID", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # A fast hasher: the real one costs ~0.3 s per password by design.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A request in English activates it for the thread; start every test in the site's language.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def org(db):
    """A small organisation: two OPDs, one with a sub-unit, and one person in each role."""
    from pegawai.models import JenisUnit, Peran
    from pegawai.tests.factories import UnitKerjaFactory, kepala_dari, pegawai_di

    bkpsdm = UnitKerjaFactory(nama="BKPSDM", jenis=JenisUnit.OPD)
    unit = UnitKerjaFactory(nama="Kecamatan Mulyorejo", jenis=JenisUnit.KECAMATAN)
    subunit = UnitKerjaFactory(nama="Kelurahan Kalisari", jenis=JenisUnit.KELURAHAN, induk=unit)
    lain = UnitKerjaFactory(nama="Dinas Sosial", jenis=JenisUnit.OPD)

    class Org:
        pass

    o = Org()
    o.bkpsdm, o.unit, o.subunit, o.lain = bkpsdm, unit, subunit, lain
    o.hr = pegawai_di(bkpsdm, akun=True, peran=Peran.HR)
    o.ppk = pegawai_di(lain, akun=True, peran=Peran.PPK)
    o.kepala = kepala_dari(unit)
    o.anggota = pegawai_di(subunit, akun=True)
    o.orang_luar = pegawai_di(lain, akun=True)
    return o


def _client_for(pegawai) -> Client:
    c = Client()
    c.force_login(pegawai.akun)
    return c


@pytest.fixture
def clients(org):
    """A logged-in test client per role name, plus 'anon'."""
    return {
        "anon": Client(),
        "hr": _client_for(org.hr),
        "ppk": _client_for(org.ppk),
        "kepala": _client_for(org.kepala),
        "anggota": _client_for(org.anggota),
        "orang_luar": _client_for(org.orang_luar),
    }
