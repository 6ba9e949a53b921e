"""Fixtures of the review tests, on top of the project's `org` (hr, ppk, kepala of `unit` with
`subunit`, anggota in `subunit`, orang_luar in `lain`)."""

from datetime import date, timedelta

import pytest

from evaluasi.services.jadwal import evaluasi_jadwalkan
from evaluasi.tests.factories import usulan_buat


@pytest.fixture
def hari_ini():
    return date.today()


@pytest.fixture
def pindah(org, hari_ini):
    """orang_luar transferred into the Kelurahan (subunit, no head of its own) two months ago:
    the reviewer is the Camat (org.kepala), by walking up to the parent's head."""
    return usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=60))


@pytest.fixture
def ev(pindah):
    """The 3-month review of `pindah`."""
    return next(e for e in evaluasi_jadwalkan(usulan=pindah) if e.bulan_ke == 3)


@pytest.fixture
def alamat(org):
    """Mail addresses: the Camat (reviewer), orang_luar (the employee under review), HR."""
    for p, a in (
        (org.kepala, "camat@example.org"),
        (org.orang_luar, "pegawai@example.org"),
        (org.hr, "hr@example.org"),
    ):
        p.email = a
        p.save()
