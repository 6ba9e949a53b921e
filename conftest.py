"""Project-wide fixtures: the named roles every permission test uses, and the browser set-up.

Roles (after healthchecks' owner/member/outsider):
- hr: BKPSDM staff            - ppk: the official who decides
- kepala: head of `unit` (which has a sub-unit `subunit`)
- anggota: employee in `subunit` (so within kepala's reach)
- orang_luar: employee in another OPD, outside kepala's reach
"""

import os

import pytest
from django.test import Client, override_settings
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


@pytest.hookimpl(trylast=True)  # after tests/browser/conftest.py marked its tests and pytest-django sorted
def pytest_collection_modifyitems(config, items):
    """Playwright's sync API leaves an asyncio loop running in its process for the rest of the run, and
    any later test there that calls asyncio.run() (pyHanko does) fails. So `make test` runs the two
    apart: TES_BAGIAN=lain keeps all but the browser tests, TES_BAGIAN=browser only those. Unset (a
    plain serial `pytest`): the browser tests go last (pytest-django would run them, as transactional
    tests, before the tests without a database)."""
    bagian = os.environ.get("TES_BAGIAN", "")
    browser = [i for i in items if i.get_closest_marker("browser") is not None]
    lain = [i for i in items if i.get_closest_marker("browser") is None]
    if bagian == "browser":
        pilih, buang = browser, lain
    elif bagian == "lain":
        pilih, buang = lain, browser
    else:
        items[:] = lain + browser
        return
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


@pytest.fixture(scope="session", autouse=True)
def _ttd_dan_berkas(tmp_path_factory):
    """For the whole run, also for data built once per class or module: decrees are signed with
    the installation's own certificate, made on first use in a temporary folder (never var/ttd/;
    inti's signing tests set their own), and stored files go to a temporary folder (each test
    gets its own below)."""
    folder = tmp_path_factory.mktemp("ttd")
    with override_settings(
        TTD_BACKEND="inti.ttd.lokal.PenandaLokal",
        TTD_SERTIFIKAT=folder / "sertifikat.pem",
        TTD_KUNCI=folder / "kunci.pem",
        TTD_BUAT_OTOMATIS=True,
        TTD_AKAR_TEPERCAYA=[],
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
    ):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # A fast hasher: the real one costs ~0.3 s per password by design.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A request in English activates it for the thread; start every test in the site's language.
    translation.activate(settings.LANGUAGE_CODE)
    # Cached aggregates (inti.tembolok) of one test's data must not outlive its rolled-back database.
    from django.core.cache import cache

    cache.clear()


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
