"""Time in post counted by the calendar (inti.kalender), never days / 365.25: the rotation rule's
whole years on the boundary day, the day before and after, and for a post started on 29 February;
ages and display figures the same way."""

from datetime import date, timedelta

import pytest

from inti.kalender import tahun_penuh
from pegawai.models import RiwayatJabatan
from pegawai.selectors.abk import (
    KategoriRotasi,
    abk_rotasi,
    abk_rotasi_hitung,
    mulai_paling_lambat,
    rotasi_dini,
    rotasi_wajib,
)
from pegawai.selectors.pegawai import tanggal_pensiun
from pegawai.tests.factories import PegawaiFactory, pegawai_di
from pegawai.views.pegawai import masa_jabatan

MULAI = date(2024, 3, 1)
KABISAT = date(2024, 2, 29)


def test_two_years_are_complete_on_the_anniversary_not_the_day_before():
    assert tahun_penuh(MULAI, date(2026, 3, 1)) == 2
    assert rotasi_dini(MULAI, date(2026, 2, 28))
    assert not rotasi_dini(MULAI, date(2026, 3, 1))
    assert not rotasi_dini(MULAI, date(2026, 3, 2))


def test_five_years_are_due_on_the_anniversary_not_the_day_before():
    assert not rotasi_wajib(MULAI, date(2029, 2, 28))
    assert rotasi_wajib(MULAI, date(2029, 3, 1))
    assert rotasi_wajib(MULAI, date(2029, 3, 2))


def test_a_post_started_on_29_february_has_its_anniversary_on_28_february(settings):
    settings.MUTASI_MIN_TAHUN = 1
    settings.MUTASI_MAX_TAHUN = 1
    assert rotasi_dini(KABISAT, date(2025, 2, 27))
    assert not rotasi_dini(KABISAT, date(2025, 2, 28))
    assert rotasi_wajib(KABISAT, date(2025, 2, 28))
    assert not rotasi_wajib(KABISAT, date(2025, 2, 27))


@pytest.mark.parametrize("tahun", [1, 2, 4, 5])
def test_the_date_filter_agrees_with_whole_years_on_every_day(tahun):
    """`mulai <= mulai_paling_lambat(hari, n)` exactly when the post has lasted n whole years,
    over two and a half years of days, leap days included."""
    hari = date(2027, 12, 25)
    for _ in range(950):
        batas = mulai_paling_lambat(hari, tahun)
        for mulai in (batas - timedelta(days=1), batas, batas + timedelta(days=1), batas + timedelta(days=2)):
            assert (mulai <= batas) == (tahun_penuh(mulai, hari) >= tahun), (hari, tahun, mulai)
        hari += timedelta(days=1)


def test_the_latest_start_of_a_complete_year_on_28_february_is_29_february():
    assert mulai_paling_lambat(date(2025, 2, 28), 1) == KABISAT
    assert mulai_paling_lambat(date(2026, 3, 1), 2) == MULAI
    assert mulai_paling_lambat(date(2026, 2, 28), 2) == date(2024, 2, 29)


@pytest.fixture
def dua(org):
    """Two staff in the head's sub-unit: one posted 2024-03-01, one 2024-02-29."""
    return pegawai_di(org.subunit, mulai=MULAI), pegawai_di(org.subunit, mulai=KABISAT)


@pytest.mark.parametrize(
    ("hari", "dini"),
    [
        (date(2026, 2, 27), {"maret", "kabisat"}),  # neither has two years yet
        (date(2026, 2, 28), {"maret"}),  # the 29 February post's second anniversary
        (date(2026, 3, 1), set()),  # exactly two years: no longer too early
        (date(2026, 3, 2), set()),
    ],
)
def test_rotation_watch_on_the_boundary_days(org, dua, hari, dini):
    nama = dict(zip(dua, ["maret", "kabisat"], strict=True))
    user = org.kepala.akun
    daftar = abk_rotasi(user, kategori=KategoriRotasi.DINI, hari=hari)
    assert {nama[r.pegawai] for r in daftar if r.pegawai in nama} == dini
    assert abk_rotasi_hitung(user, hari=hari)["dini"] == len(dini)


def test_rotation_watch_due_list_on_the_boundary_days(org, dua, settings):
    settings.MUTASI_MAX_TAHUN = 2
    user = org.kepala.akun

    def wajib(hari):
        return {r.pegawai for r in abk_rotasi(user, kategori=KategoriRotasi.WAJIB, hari=hari)} & set(dua)

    assert wajib(date(2026, 2, 27)) == set()
    assert wajib(date(2026, 2, 28)) == {dua[1]}
    assert wajib(date(2026, 3, 1)) == set(dua)


def test_employee_list_badge_uses_whole_years():
    r = RiwayatJabatan(mulai=MULAI)
    assert masa_jabatan(r, date(2026, 2, 28)) == "baru"
    assert masa_jabatan(r, date(2026, 3, 1)) == ""
    assert masa_jabatan(r, date(2029, 2, 28)) == ""
    assert masa_jabatan(r, date(2029, 3, 1)) == "jatuh_tempo"
    assert masa_jabatan(None, date(2029, 3, 1)) == ""


def test_years_in_post_shown_from_whole_months():
    r = RiwayatJabatan(mulai=MULAI)
    assert r.lama_tahun(date(2026, 3, 1)) == 2.0
    assert r.lama_tahun(date(2026, 2, 28)) == 1.9  # 23 whole months: never "2" before the anniversary
    assert RiwayatJabatan(mulai=KABISAT).lama_tahun(date(2025, 2, 28)) == 1.0


@pytest.mark.django_db
def test_age_counts_a_29_february_birthday_on_28_february():
    p = PegawaiFactory.build(tanggal_lahir=date(1996, 2, 29))
    assert p.usia_pada(date(2025, 2, 27)) == 28
    assert p.usia_pada(date(2025, 2, 28)) == 29
    assert p.usia_pada(date(2028, 2, 29)) == 32


@pytest.mark.parametrize(
    ("lahir", "usia", "pensiun"),
    [
        (date(1968, 12, 31), 58, date(2027, 1, 1)),  # December: the pension starts in January
        (date(1970, 2, 28), 58, date(2028, 3, 1)),
        (date(1972, 2, 29), 60, date(2032, 3, 1)),
    ],
)
def test_retirement_date_is_the_first_of_the_month_after_the_bup(lahir, usia, pensiun):
    assert tanggal_pensiun(lahir, usia) == pensiun
