"""Reading NIPs typed by users (`inti.masukan.angka`); ids are covered in pegawai/tests/test_masukan_tidak_sah.py."""

import pytest

from inti.masukan import angka


@pytest.mark.parametrize(
    "teks, hasil",
    [
        ("1990 0217 2015.03 1 004", "199002172015031004"),
        (" 199002172015031004 ", "199002172015031004"),
        ("NIP: 1990-02-17", "19900217"),
        ("19900217²", "19900217"),  # a Unicode digit is not a digit of a NIP
        ("١٩٩٠", ""),  # nor are Arabic-Indic ones
        (None, ""),
        (199002172015031004, "199002172015031004"),
    ],
)
def test_angka(teks, hasil):
    assert angka(teks) == hasil
