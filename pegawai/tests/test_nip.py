from datetime import date

import pytest
from django.core.exceptions import ValidationError

from pegawai import nip


def test_parses_a_pns_nip():
    info = nip.parse("198609262015051001")
    assert info.tanggal_lahir == date(1986, 9, 26)
    assert (info.tahun_masuk, info.bulan_masuk) == (2015, 5)
    assert info.jenis_kelamin == "L"
    assert info.urut == "001"


def test_accepts_grouped_input():
    assert nip.parse("19860926 201505 1 001").tanggal_lahir == date(1986, 9, 26)


def test_parses_a_pppk_number_whose_digits_13_14_are_not_a_month():
    info = nip.parse("199009132025242014", nip.PPPK)
    assert info.tanggal_lahir == date(1990, 9, 13)
    assert info.tahun_masuk == 2025
    assert info.jenis_kelamin == "P"
    with pytest.raises(ValidationError):
        nip.parse("199009132025242014", nip.PNS)  # month 24 is no month


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("19860926201505100", "18 angka"),
        ("1986092620150510AB", "18 angka"),
        ("198609312015051001", "1986-09-31"),
        ("198609262015131001", "bukan bulan"),
        ("198609262015053001", "jenis kelamin"),
        ("198609262000051001", "kurang dari 18 tahun"),
        ("198609261985051001", "sebelum tanggal lahir"),
    ],
)
def test_rejects_bad_nips_with_a_clear_message(value, fragment):
    with pytest.raises(ValidationError) as exc:
        nip.parse(value)
    assert fragment in exc.value.messages[0]


def test_checks_consistency_with_the_record():
    errors = nip.periksa("198609262015051001", status="PNS", tanggal_lahir=date(1986, 9, 27), jenis_kelamin="P")
    assert set(errors) == {"tanggal_lahir", "jenis_kelamin"}
    assert nip.periksa("198609262015051001", status="PNS", tanggal_lahir=date(1986, 9, 26), jenis_kelamin="L") == {}


def test_displays_grouped():
    assert nip.tampil("198609262015051001") == "19860926 201505 1 001"
    assert nip.tampil("199009132025242014", nip.PPPK) == "19900913 2025 24 2 014"
