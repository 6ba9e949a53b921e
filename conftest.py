"""Project-wide fixtures: the named roles every permission test uses, and the browser set-up.

Roles (after healthchecks' owner/member/outsider):
- hr: BKPSDM staff            - ppk: the official who decides
- kepala: head of `unit` (which has a sub-unit `subunit`)
- anggota: employee in `subunit` (so within kepala's reach)
- orang_luar: employee in another OPD, outside kepala's reach
"""

import os
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import override_settings
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
# A fast hasher: the real one costs ~0.3 s per password by design.
HASHER_CEPAT = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
    settings.PASSWORD_HASHERS = HASHER_CEPAT
    # A request in English activates it for the thread; start every test in the site's language.
    translation.activate(settings.LANGUAGE_CODE)
    # Cached aggregates (inti.tembolok) of one test's data must not outlive its rolled-back database.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def org(db):
    """A small organisation: two OPDs, one with a sub-unit, and one person in each role."""
    from pegawai.tests.factories import buat_org

    return buat_org()


@pytest.fixture(scope="session")
def bangun_sekali(django_db_setup, django_db_blocker, tmp_path_factory):
    """For data many tests only read, built once for a module or class: `with bangun_sekali("nama") as
    media:` opens a transaction rolled back when the block ends, with the fast hasher and a media
    folder of its own. Each test's own writes are still rolled back by its `db` fixture."""

    @contextmanager
    def bangun(nama: str):
        media = tmp_path_factory.mktemp(nama)
        with (
            django_db_blocker.unblock(),
            override_settings(PASSWORD_HASHERS=HASHER_CEPAT, MEDIA_ROOT=media),
            transaction.atomic(),
        ):
            yield media
            transaction.set_rollback(True)

    return bangun


@pytest.fixture
def clients(org):
    """A logged-in test client per role name, plus 'anon'."""
    from pegawai.tests.factories import klien_org

    return klien_org(org)
