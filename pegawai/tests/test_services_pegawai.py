"""Services and selectors behind the employee and unit pages."""

from datetime import date, timedelta
from importlib import import_module

import pytest

from inti.galat import LayananError
from inti.models import CatatanAudit
from pegawai.models import (
    BatasUsiaPensiun,
    JenisJabatan,
    JenjangJabatan,
    KinerjaTahunan,
    Pegawai,
    RiwayatJabatan,
)
from pegawai.selectors.pegawai import bup_usia, pegawai_audit, tanggal_pensiun
from pegawai.selectors.unit import (
    ringkasan_organisasi,
    unit_anak,
    unit_leluhur,
    unit_staf,
)
from pegawai.services.kinerja import kinerja_catat
from pegawai.services.pegawai_riwayat import hukuman_tambah
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, pegawai_di


@pytest.fixture
def bup(db):
    """The retirement ages migration 0002 seeds; a transactional test run earlier may have flushed them."""
    for jenis, jenjang, usia in import_module("pegawai.migrations.0002_bup_awal").BUP:
        BatasUsiaPensiun.objects.update_or_create(jenis=jenis, jenjang=jenjang, defaults={"usia": usia})


# --- Retirement age --------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("bup")
class TestBup:
    def test_jenjang_row_wins_over_the_jenis_row(self):
        assert bup_usia(JabatanFactory(jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_UTAMA)) == 65
        assert bup_usia(JabatanFactory(jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_MADYA)) == 60

    def test_falls_back_to_the_row_with_empty_jenjang(self):
        assert bup_usia(JabatanFactory(jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_MUDA)) == 58
        assert bup_usia(JabatanFactory(jenis=JenisJabatan.JPT, jenjang=JenjangJabatan.JPT_PRATAMA)) == 60

    def test_edited_data_is_used(self):
        BatasUsiaPensiun.objects.filter(jenis=JenisJabatan.PELAKSANA, jenjang="").update(usia=60)
        assert bup_usia(JabatanFactory(jenis=JenisJabatan.PELAKSANA)) == 60

    def test_none_when_nothing_is_configured(self):
        BatasUsiaPensiun.objects.filter(jenis=JenisJabatan.PENGAWAS).delete()
        assert bup_usia(JabatanFactory(jenis=JenisJabatan.PENGAWAS)) is None
        assert bup_usia(None) is None


@pytest.mark.parametrize(
    ("lahir", "usia", "pensiun"),
    [
        (date(1970, 5, 17), 58, date(2028, 6, 1)),
        (date(1970, 12, 31), 58, date(2029, 1, 1)),
        (date(1972, 2, 29), 60, date(2032, 3, 1)),
        (date(1980, 1, 1), 65, date(2045, 2, 1)),
    ],
)
def test_pension_starts_the_first_of_the_month_after_the_bup_birthday(lahir, usia, pensiun):
    assert tanggal_pensiun(lahir, usia) == pensiun


# --- Sanctions and predicates ----------------------------------------------------------------


@pytest.mark.django_db
class TestHukuman:
    def test_records_and_audits_on_the_employee(self, org):
        h = hukuman_tambah(
            oleh=org.hr.akun,
            pegawai=org.anggota,
            tingkat="BERAT",
            jenis="Penurunan jabatan",
            mulai=date(2024, 1, 1),
            selesai=date(2025, 1, 1),
            nomor_sk="862/1/2024",
        )
        assert h.pk and h.pegawai == org.anggota
        audit = pegawai_audit(org.anggota)[0]
        assert (audit.aksi, audit.oleh) == ("pegawai.hukuman_tambah", org.hr.akun)
        assert "berat" in audit.ringkasan

    def test_end_before_start_is_refused(self, org):
        with pytest.raises(LayananError):
            hukuman_tambah(
                oleh=org.hr.akun,
                pegawai=org.anggota,
                tingkat="RINGAN",
                jenis="Teguran",
                mulai=date(2024, 2, 1),
                selesai=date(2024, 1, 1),
            )
        assert not CatatanAudit.objects.exists()


@pytest.mark.django_db
class TestKinerja:
    def test_one_predicate_per_year_corrected_in_place(self, org):
        kinerja_catat(oleh=org.hr.akun, pegawai=org.anggota, tahun=2023, predikat="BAIK")
        kinerja_catat(
            oleh=org.hr.akun, pegawai=org.anggota, tahun=2023, predikat="BUTUH_PERBAIKAN", keterangan="x", ganti=True
        )
        k = KinerjaTahunan.objects.get(pegawai=org.anggota)
        assert (k.predikat, k.keterangan) == ("BUTUH_PERBAIKAN", "x")
        assert [a.perubahan["predikat"] for a in pegawai_audit(org.anggota)] == [
            ["Baik", "Butuh Perbaikan"],
            ["", "Baik"],
        ]

    def test_same_value_again_writes_nothing(self, org):
        kinerja_catat(oleh=org.hr.akun, pegawai=org.anggota, tahun=2023, predikat="BAIK")
        kinerja_catat(oleh=org.hr.akun, pegawai=org.anggota, tahun=2023, predikat="BAIK")
        assert CatatanAudit.objects.count() == 1

    def test_invalid_year_is_refused(self, org):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            kinerja_catat(oleh=org.hr.akun, pegawai=org.anggota, tahun=1990, predikat="BAIK")
        assert not KinerjaTahunan.objects.exists()


# --- Unit tree selectors --------------------------------------------------------------------


@pytest.mark.django_db
class TestUnitPohon:
    def test_ancestors_and_children(self, org):
        seksi = UnitKerjaFactory(induk=org.subunit)
        assert unit_leluhur(seksi) == [org.unit, org.subunit]
        assert unit_leluhur(org.unit) == []
        anak = unit_anak(org.unit)
        assert [(a.unit, a.jumlah, a.jumlah_total) for a in anak] == [(org.subunit, 1, 1)]

    def test_staff_of_a_unit_with_or_without_sub_units(self, org):
        Pegawai.objects.filter(pk=pegawai_di(org.unit).pk).update(aktif=False)
        assert [r.pegawai for r in unit_staf(org.unit)] == [org.kepala]
        assert {r.pegawai for r in unit_staf(org.unit, turunan=True)} == {org.kepala, org.anggota}
        assert [r.pegawai for r in unit_staf(org.unit, turunan=True, urut="-nama")] == sorted(
            [org.kepala, org.anggota], key=lambda p: p.nama, reverse=True
        )


@pytest.mark.django_db
class TestRingkasan:
    def test_counts_for_hr(self, org):
        RiwayatJabatan.objects.update(mulai=date.today() - timedelta(days=3 * 365))
        pegawai_di(org.lain, mulai=date.today() - timedelta(days=6 * 366))
        pegawai_di(org.lain, mulai=date.today() - timedelta(days=30))
        r = ringkasan_organisasi(org.hr.akun)
        assert (r.pegawai_aktif, r.pns, r.pppk, r.unit) == (7, 7, 0, 4)
        assert r.jatuh_tempo == 1
        assert r.belum_min == 1

    def test_counts_for_a_unit_head_cover_their_subtree(self, org):
        r = ringkasan_organisasi(org.kepala.akun)
        assert (r.pegawai_aktif, r.unit) == (2, 2)

    def test_nothing_for_an_employee(self, org):
        assert ringkasan_organisasi(org.anggota.akun).pegawai_aktif == 0
