"""Fixtures of the training tests: the training world `dp` and a logged-in client per role `c`
(the conftest roles plus the receiving head and the mentor)."""

import pytest
from django.test import Client

from pelatihan.tests.factories import DuniaPelatihan


@pytest.fixture
def dp(org):
    return DuniaPelatihan(org)


@pytest.fixture
def c(clients, dp):
    hasil = dict(clients)
    for nama, orang in [("kepala_tujuan", dp.kepala_tujuan), ("mentor", dp.mentor)]:
        klien = Client()
        klien.force_login(orang.akun)
        hasil[nama] = klien
    return hasil
