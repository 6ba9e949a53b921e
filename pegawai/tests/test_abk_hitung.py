"""The needs-analysis figures: the formula, rounding, bezetting, and totals that agree across pages."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache

from pegawai.models import JenisJabatan, JenisUnit, TugasJabatan
from pegawai.selectors.abk import (
    abk_ikhtisar,
    abk_posisi,
    abk_rincian,
    abk_unit,
    bulatkan_orang,
    kebutuhan_dari_jam,
)
from pegawai.services.pegawai import pegawai_nonaktifkan
from pegawai.tests.factories import JabatanFactory, RiwayatJabatanFactory, UnitKerjaFactory, pegawai_di

pytestmark = pytest.mark.django_db


def tugas(unit, jabatan, volume, norma, uraian=None):
    return TugasJabatan.objects.create(
        unit=unit,
        jabatan=jabatan,
        uraian=uraian or f"Tugas {TugasJabatan.objects.count() + 1}",
        volume=Decimal(str(volume)),
        norma_waktu=Decimal(str(norma)),
    )


@pytest.fixture
def unit():
    return UnitKerjaFactory(jenis=JenisUnit.OPD)


@pytest.fixture
def jabatan():
    return JabatanFactory()


# --- The formula --------------------------------------------------------------------------


def test_hand_computed_example_half_up(unit, jabatan):
    # 1200 x 1.5 h + 300 x 2 h = 2400 h; 2400 / 1250 = 1.92 -> 2 people (half up).
    tugas(unit, jabatan, 1200, "1.5")
    tugas(unit, jabatan, 300, 2)
    p = abk_posisi()[unit.pk, jabatan.pk]
    assert p.jam == Decimal("2400")
    assert p.kebutuhan == Decimal("1.92")
    assert p.kebutuhan_orang == 2


@pytest.mark.parametrize(("cara", "orang"), [("half_up", 2), ("down", 1), ("up", 2)])
def test_rounding_setting_applies(settings, unit, jabatan, cara, orang):
    settings.ABK_PEMBULATAN = cara
    tugas(unit, jabatan, 1200, "1.5")
    tugas(unit, jabatan, 300, 2)
    assert abk_posisi()[unit.pk, jabatan.pk].kebutuhan_orang == orang


def test_exactly_half_rounds_up(unit, jabatan):
    tugas(unit, jabatan, 3125, 1)  # 3125 / 1250 = 2.50
    p = abk_posisi()[unit.pk, jabatan.pk]
    assert p.kebutuhan == Decimal("2.50")
    assert p.kebutuhan_orang == 3


@pytest.mark.parametrize(
    ("nilai", "cara", "orang"),
    [
        ("2.5", "half_up", 3),
        ("2.49", "half_up", 2),
        ("2.01", "up", 3),
        ("2.00", "up", 2),
        ("2.99", "down", 2),
        ("0.00", "half_up", 0),
    ],
)
def test_bulatkan_orang(nilai, cara, orang):
    assert bulatkan_orang(Decimal(nilai), cara) == orang


def test_unknown_rounding_setting_is_refused():
    with pytest.raises(ValueError, match="ABK_PEMBULATAN"):
        bulatkan_orang(Decimal("1.5"), "banker")


def test_whole_people_follow_the_two_decimal_figure():
    # 3118.75 h / 1250 = 2.495 -> shown 2.50 -> 3 people: the two figures never disagree.
    assert kebutuhan_dari_jam(Decimal("3118.75")) == Decimal("2.50")
    assert bulatkan_orang(kebutuhan_dari_jam(Decimal("3118.75")), "half_up") == 3


def test_effective_hours_setting(settings, unit, jabatan):
    settings.ABK_JAM_KERJA_EFEKTIF = 1300
    tugas(unit, jabatan, 2600, 1)
    assert abk_posisi()[unit.pk, jabatan.pk].kebutuhan == Decimal("2.00")


def test_fractional_norms_are_exact(unit, jabatan):
    # 0.1 h x 3 on a float would be 0.30000000000000004; Decimal keeps it exact on every database.
    tugas(unit, jabatan, "0.1", "0.3", "a")
    tugas(unit, jabatan, "1249.97", 1, "b")
    p = abk_posisi()[unit.pk, jabatan.pk]
    assert p.jam == Decimal("1250.0000")
    assert p.kebutuhan == Decimal("1.00")


# --- Bezetting -----------------------------------------------------------------------------


def test_bezetting_counts_only_active_employees_in_current_posts(unit, jabatan):
    tugas(unit, jabatan, 1250, 1)
    pegawai_di(unit, jabatan)
    pegawai_di(unit, jabatan)
    pindah = pegawai_di(unit, jabatan)
    # Moved away: the old row is closed and the new one is elsewhere.
    pindah.riwayat_jabatan.update(sampai=date(2024, 1, 1))
    RiwayatJabatanFactory(pegawai=pindah, unit=UnitKerjaFactory(), jabatan=jabatan, mulai=date(2024, 1, 2))
    pensiun = pegawai_di(unit, jabatan)
    pegawai_nonaktifkan(oleh=None, pegawai=pensiun, alasan="Pensiun", tanggal=date(2025, 1, 1))
    # Inactive but (wrongly) still holding an open row, e.g. from an import: not counted either.
    hantu = pegawai_di(unit, jabatan)
    hantu.aktif = False
    hantu.save()
    pegawai_di(unit, JabatanFactory())  # another position
    pegawai_di(UnitKerjaFactory(), jabatan)  # another unit
    p = abk_posisi()[unit.pk, jabatan.pk]
    assert p.bezetting == 2
    assert p.selisih == 1 - 2
    assert (p.kekurangan, p.kelebihan) == (0, 1)


def test_shortage_is_positive_surplus_negative(unit, jabatan):
    tugas(unit, jabatan, 3750, 1)  # 3 people
    pegawai_di(unit, jabatan)
    p = abk_posisi()[unit.pk, jabatan.pk]
    assert (p.selisih, p.kekurangan, p.kelebihan) == (2, 2, 0)


def test_position_with_staff_but_no_tasks_is_not_analysed(unit, jabatan):
    analysed = JabatanFactory()
    tugas(unit, analysed, 2500, 1)  # 2 needed, 0 held: shortage 2
    pegawai_di(unit, jabatan)
    pegawai_di(unit, jabatan)
    baris, total = abk_unit(unit)
    p = next(b.posisi for b in baris if b.jabatan == jabatan)
    assert not p.dianalisis
    assert p.kebutuhan is None and p.selisih is None
    assert (p.kekurangan, p.kelebihan) == (0, 0)  # not counted as a surplus of 2
    assert total.bezetting == 2
    assert total.bezetting_belum == 2
    assert total.jabatan_belum == 1
    assert (total.kebutuhan_orang, total.kekurangan, total.kelebihan) == (2, 2, 0)


def test_zero_volume_is_analysed_as_zero_need(unit, jabatan):
    tugas(unit, jabatan, 0, 1)
    pegawai_di(unit, jabatan)
    p = abk_posisi()[unit.pk, jabatan.pk]
    assert p.dianalisis and p.kebutuhan_orang == 0 and p.kelebihan == 1


# --- Totals agree across pages ---------------------------------------------------------------


@pytest.fixture
def kota():
    """Two OPDs; the first with two sub-units and one sub-sub-unit, several positions each."""
    opd = UnitKerjaFactory(nama="Kecamatan A", jenis=JenisUnit.KECAMATAN)
    kel1 = UnitKerjaFactory(nama="Kelurahan A1", jenis=JenisUnit.KELURAHAN, induk=opd)
    kel2 = UnitKerjaFactory(nama="Kelurahan A2", jenis=JenisUnit.KELURAHAN, induk=opd)
    seksi = UnitKerjaFactory(nama="Seksi A2-1", jenis=JenisUnit.SEKSI, induk=kel2)
    opd2 = UnitKerjaFactory(nama="Dinas B", jenis=JenisUnit.OPD)
    staf = JabatanFactory(nama="Pengadministrasi Umum")
    kasi = JabatanFactory(nama="Kasi Pemerintahan", jenis=JenisJabatan.PENGAWAS)
    fung = JabatanFactory(nama="Analis", jenis=JenisJabatan.FUNGSIONAL)
    tugas(opd, staf, 2500, 1)  # 2 needed
    for _ in range(4):
        pegawai_di(opd, staf)  # 4 held: surplus 2
    tugas(opd, kasi, 1000, 1)  # 0.8 -> 1 needed, 1 held
    pegawai_di(opd, kasi)
    tugas(kel1, staf, 3750, 1)  # 3 needed, 1 held: shortage 2
    pegawai_di(kel1, staf)
    pegawai_di(kel1, fung)  # not analysed
    tugas(kel2, staf, 1875, 1)  # 1.5 -> 2 needed, 0 held
    tugas(seksi, fung, 1250, "1.5")  # 1.5 -> 2 needed, 3 held: surplus 1
    for _ in range(3):
        pegawai_di(seksi, fung)
    tugas(opd2, staf, 1250, 1)  # 1 needed, 1 held
    pegawai_di(opd2, staf)
    return {"opd": opd, "opd2": opd2, "kel1": kel1, "kel2": kel2, "seksi": seksi, "staf": staf, "fung": fung}


def test_opd_total_equals_sum_of_units_equals_sum_of_positions(org, kota):
    baris, total_kota = abk_ikhtisar(org.hr.akun)
    opd_baris = next(b for b in baris if b.unit == kota["opd"])
    rincian, total_rincian = abk_rincian(kota["opd"])
    sum_units = {
        k: sum(getattr(b.rekap, k) for b in rincian)
        for k in ("kebutuhan", "kebutuhan_orang", "bezetting", "kekurangan", "kelebihan", "bezetting_belum")
    }
    sum_posisi = dict.fromkeys(sum_units, 0)
    for b in rincian:
        baris_unit, total_unit = abk_unit(b.unit)
        assert total_unit == b.rekap  # the unit page agrees with its row in the drill-down
        for j in baris_unit:
            p = j.posisi
            sum_posisi["bezetting"] += p.bezetting
            if p.dianalisis:
                sum_posisi["kebutuhan"] += p.kebutuhan
                sum_posisi["kebutuhan_orang"] += p.kebutuhan_orang
                sum_posisi["kekurangan"] += p.kekurangan
                sum_posisi["kelebihan"] += p.kelebihan
            else:
                sum_posisi["bezetting_belum"] += p.bezetting
    for k, v in sum_units.items():
        assert getattr(opd_baris.rekap, k) == v == getattr(total_rincian, k) == sum_posisi[k], k
    # Hand check: needed 2+1+3+2+2 = 10; held 4+1+1+0+3 = 9 analysed + 1 not; short 2+2 = 4; over 2+1 = 3.
    r = opd_baris.rekap
    assert (r.kebutuhan_orang, r.bezetting, r.kekurangan, r.kelebihan, r.bezetting_belum) == (10, 10, 4, 3, 1)
    assert r.kebutuhan == Decimal("8.80")  # 2 + 0.8 + 3 + 1.5 + 1.5
    assert opd_baris.jumlah_unit == 4
    # City total = sum of OPD rows.
    assert total_kota.kekurangan == sum(b.rekap.kekurangan for b in baris)
    assert total_kota.bezetting == sum(b.rekap.bezetting for b in baris)


def test_drill_down_lists_units_in_tree_order_with_depth(kota):
    rincian, _total = abk_rincian(kota["opd"])
    assert [(b.unit.nama, b.tingkat) for b in rincian] == [
        ("Kecamatan A", 0),
        ("Kelurahan A1", 1),
        ("Kelurahan A2", 1),
        ("Seksi A2-1", 2),
    ]


def test_overview_sorted_by_shortage_then_filters_by_position_kind(org, kota):
    baris, _ = abk_ikhtisar(org.hr.akun)
    assert baris[0].unit == kota["opd"]
    assert [b.rekap.kekurangan for b in baris] == sorted((b.rekap.kekurangan for b in baris), reverse=True)
    baris, _total = abk_ikhtisar(org.hr.akun, jenis_jabatan=JenisJabatan.FUNGSIONAL)
    opd = next(b for b in baris if b.unit == kota["opd"])
    # Only the Analis positions: seksi needs 2, holds 3; kel1 holds 1 without tasks.
    assert (opd.rekap.kebutuhan_orang, opd.rekap.bezetting, opd.rekap.kelebihan, opd.rekap.bezetting_belum) == (
        2,
        4,
        1,
        1,
    )


def test_overview_sort_by_name(org, kota):
    baris, _ = abk_ikhtisar(org.hr.akun, urut="nama")
    assert [b.unit.nama.lower() for b in baris] == sorted(b.unit.nama.lower() for b in baris)


def test_unit_head_overview_shows_only_their_subtree(org, kota):
    kota["kel2"].kepala = org.kepala  # head of Kecamatan Mulyorejo (org.unit) and now of Kelurahan A2 too
    kota["kel2"].save()
    baris, total = abk_ikhtisar(org.kepala.akun)
    assert {b.unit for b in baris} == {org.unit, kota["kel2"]}
    kel2 = next(b for b in baris if b.unit == kota["kel2"])
    assert kel2.jumlah_unit == 2  # itself and its seksi
    assert (kel2.rekap.kebutuhan_orang, kel2.rekap.bezetting) == (4, 3)
    assert total.bezetting == sum(b.rekap.bezetting for b in baris)


def test_overview_queries_do_not_grow_with_units(org, kota, django_assert_num_queries):
    org.hr.akun._peran_cache = None
    abk_ikhtisar(org.hr.akun)  # warm the role cache
    cache.clear()  # the city-wide figures are cached (inti.tembolok): count the computation
    with django_assert_num_queries(3):
        abk_ikhtisar(org.hr.akun)
    with django_assert_num_queries(1):  # cached: only the units
        abk_ikhtisar(org.hr.akun)
    for i in range(15):
        u = UnitKerjaFactory(induk=kota["opd2"])
        tugas(u, kota["staf"], 100 * i, 1)
        pegawai_di(u, kota["staf"])
    with django_assert_num_queries(3):  # the writes made the cached figures stale
        baris, _ = abk_ikhtisar(org.hr.akun)
    assert next(b for b in baris if b.unit == kota["opd2"]).jumlah_unit == 16


def test_drill_down_and_unit_page_queries_are_constant(kota, django_assert_num_queries):
    with django_assert_num_queries(3):
        abk_rincian(kota["opd"])
    with django_assert_num_queries(5):
        abk_unit(kota["opd"])
    for _ in range(10):
        pegawai_di(kota["opd"], JabatanFactory())
    with django_assert_num_queries(5):
        baris, _ = abk_unit(kota["opd"])
    assert len(baris) == 12
