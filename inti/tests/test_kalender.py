"""Calendar arithmetic: whole years and months by the calendar, boundary days and 29 February."""

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inti.kalender import bulan_penuh, masa, masa_teks, tahun_penuh, tambah_bulan, tambah_tahun, usia


@pytest.mark.parametrize(
    ("dari", "n", "hasil"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 1, 15), -13, date(2024, 12, 15)),
    ],
)
def test_tambah_bulan_clamps_to_month_end(dari, n, hasil):
    assert tambah_bulan(dari, n) == hasil


def test_leap_day_anniversary_falls_on_28_february():
    assert tambah_tahun(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert tambah_tahun(date(2024, 2, 29), 4) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("dari", "sampai", "tahun"),
    [
        # The case: exactly two years on the anniversary itself.
        (date(2024, 3, 1), date(2026, 3, 1), 2),
        (date(2024, 3, 1), date(2026, 2, 28), 1),  # the day before
        (date(2024, 3, 1), date(2026, 3, 2), 2),  # the day after
        (date(2024, 3, 2), date(2026, 3, 1), 1),  # started a day later
        # A span containing 29 February counts no differently.
        (date(2023, 3, 1), date(2025, 3, 1), 2),
        (date(2023, 3, 1), date(2025, 2, 28), 1),
        # Started on 29 February: the anniversary in a common year is 28 February.
        (date(2024, 2, 29), date(2025, 2, 28), 1),
        (date(2024, 2, 29), date(2025, 2, 27), 0),
        (date(2024, 2, 29), date(2026, 2, 28), 2),
        (date(2024, 2, 29), date(2028, 2, 28), 3),
        (date(2024, 2, 29), date(2028, 2, 29), 4),
        # Ten years (the inter-instansi rule).
        (date(2016, 3, 1), date(2026, 3, 1), 10),
        (date(2016, 3, 1), date(2026, 2, 28), 9),
        # Nothing before the start.
        (date(2026, 3, 1), date(2024, 3, 1), 0),
        (date(2026, 3, 1), date(2026, 3, 1), 0),
    ],
)
def test_tahun_penuh(dari, sampai, tahun):
    assert tahun_penuh(dari, sampai) == tahun


def test_bulan_penuh_and_masa():
    assert bulan_penuh(date(2026, 1, 31), date(2026, 2, 28)) == 1
    assert bulan_penuh(date(2026, 1, 31), date(2026, 2, 27)) == 0
    assert masa(date(2021, 10, 15), date(2026, 12, 6)) == (5, 1)
    assert masa(date(2021, 10, 15), date(2026, 10, 14)) == (4, 11)


def test_masa_teks_in_indonesian():
    assert masa_teks(date(2024, 3, 1), date(2026, 3, 1)) == "2 tahun"
    assert masa_teks(date(2024, 3, 1), date(2026, 6, 1)) == "2 tahun 3 bulan"
    assert masa_teks(date(2026, 3, 1), date(2026, 5, 1)) == "2 bulan"


def test_usia_on_birthday():
    assert usia(date(1986, 9, 26), date(2026, 9, 26)) == 40
    assert usia(date(1986, 9, 26), date(2026, 9, 25)) == 39
    assert usia(date(1988, 2, 29), date(2026, 2, 28)) == 38


tanggal = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


@given(tanggal, tanggal)
def test_tahun_penuh_agrees_with_the_anniversary(dari, sampai):
    n = tahun_penuh(dari, sampai)
    if sampai <= dari:
        assert n == 0
        return
    assert tambah_tahun(dari, n) <= sampai < tambah_tahun(dari, n + 1)


@given(tanggal, st.integers(min_value=-600, max_value=600))
def test_tambah_bulan_keeps_the_day_or_the_month_end(d, n):
    hasil = tambah_bulan(d, n)
    assert (hasil.year * 12 + hasil.month) - (d.year * 12 + d.month) == n
    assert hasil.day == min(d.day, calendar.monthrange(hasil.year, hasil.month)[1])
