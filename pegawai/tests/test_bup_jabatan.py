"""BUP per position: a position's own retirement age comes before its kind's (guru 60, not 58)."""

import importlib
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from pegawai.models import BatasUsiaPensiun, JenisJabatan, JenjangJabatan
from pegawai.models.organisasi import bup_bawaan_jabatan, bup_jabatan
from pegawai.selectors.abk.kandidat import _bup_peta, _bup_untuk
from pegawai.selectors.pegawai import bup_usia
from pegawai.tests.factories import JabatanFactory, pegawai_di

pytestmark = pytest.mark.django_db


@pytest.fixture
def guru():
    return JabatanFactory(
        nama="Guru Ahli Muda", jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_MUDA, bup_tahun=60
    )


def test_kind_table_says_58_for_ahli_muda_without_override():
    biasa = JabatanFactory(jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_MUDA)
    assert bup_usia(biasa) == 58


def test_position_age_comes_first(guru):
    assert bup_usia(guru) == 60
    assert _bup_untuk(_bup_peta(), guru) == 60  # the candidate list reads the same rule


def test_empty_override_falls_back_to_jenis_and_jenjang():
    utama = JabatanFactory(jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_UTAMA)
    assert bup_jabatan(utama, BatasUsiaPensiun.peta()) == 65
    assert bup_jabatan(JabatanFactory(jenis=JenisJabatan.JPT), {}) is None


def test_override_outside_50_75_is_refused():
    j = JabatanFactory.build(nama="X", jenis=JenisJabatan.PELAKSANA, kelas=5, bup_tahun=80)
    with pytest.raises(ValidationError):
        j.full_clean()


def test_teacher_page_shows_60_and_the_pension_date(clients, org, guru):
    p = pegawai_di(org.subunit, guru, tanggal_lahir=date(1970, 5, 17))
    r = clients["hr"].get(reverse("pegawai:detail", args=[p.pk]))
    assert r.context["bup"] == 60
    assert r.context["pensiun"] == date(2030, 6, 1)  # 60 in May 2030: pension from 1 June
    assert "60 tahun" in r.content.decode()


@pytest.mark.parametrize(
    ("nama", "usia"),
    [("Guru Ahli Pertama", 60), ("  guru  kelas", 60), ("Kepala Sekolah", 60), ("Analis Guru", None), ("Lurah", None)],
)
def test_default_override_by_name(nama, usia):
    assert bup_bawaan_jabatan(nama) == usia


def test_data_migration_sets_only_empty_overrides():
    guru = JabatanFactory(nama="Guru Ahli Pertama", jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_PERTAMA)
    diatur = JabatanFactory(nama="Guru Khusus", bup_tahun=62)
    lain = JabatanFactory(nama="Analis Kebijakan Ahli Utama", jenis=JenisJabatan.FUNGSIONAL, jenjang="AHLI_UTAMA")
    BatasUsiaPensiun.objects.filter(jenis="FUNGSIONAL", jenjang="AHLI_UTAMA").update(usia=63)
    mig = importlib.import_module("pegawai.migrations.0006_jabatan_bup_bawaan")
    mig.isi(django_apps, None)
    for j in (guru, diatur, lain):
        j.refresh_from_db()
    assert (guru.bup_tahun, diatur.bup_tahun, lain.bup_tahun) == (60, 62, 65)
