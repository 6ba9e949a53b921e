"""Fixtures of the pegawai tests: a fake SIASN (pegawai/tests/palsu_siasn.py) wired into the settings."""

import pytest
from django.core.cache import cache

from pegawai.tests.palsu_siasn import SiasnPalsu


@pytest.fixture
def siasn(settings):
    """A running fake SIASN, the SIASN_* settings pointing at it (on, no backoff sleeps, short
    timeouts) and no token cached from another test."""
    palsu = SiasnPalsu().mulai()
    for k, v in palsu.pengaturan().items():
        setattr(settings, k, v)
    settings.SIASN_ULANG_JEDA = 0
    settings.SIASN_TIMEOUT_SAMBUNG_DETIK = 2
    settings.SIASN_TIMEOUT_BACA_DETIK = 5
    cache.clear()
    yield palsu
    palsu.berhenti()
    cache.clear()
