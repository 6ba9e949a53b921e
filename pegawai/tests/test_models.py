"""Model rules the employee pages rely on: NIP and golongan checks, display helpers, history
constraints, unit cycles."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from pegawai.models import Pegawai, RiwayatJabatan, StatusAsn
from pegawai.tests.factories import JabatanFactory, PegawaiFactory, UnitKerjaFactory, nip_untuk


def _pegawai(**kw) -> Pegawai:
    lahir = kw.pop("tanggal_lahir", date(1986, 9, 26))
    data = {
        "nip": nip_untuk(lahir, "L", date(2015, 5, 1), urut=1),
        "status": StatusAsn.PNS,
        "nama": "Budi Santoso",
        "jenis_kelamin": "L",
        "tanggal_lahir": lahir,
        "golongan": "III/a",
    }
    data.update(kw)
    return Pegawai(**data)


def _errors(p: Pegawai) -> dict:
    with pytest.raises(ValidationError) as e:
        p.full_clean()
    return e.value.message_dict


@pytest.mark.django_db
class TestPegawaiClean:
    def test_valid_pns(self):
        _pegawai().full_clean()

    def test_pppk_golongan_on_a_pns_is_refused(self):
        assert "golongan" in _errors(_pegawai(golongan="IX"))

    def test_pns_golongan_on_a_pppk_is_refused(self):
        p = _pegawai(status=StatusAsn.PPPK, nip="199009132025242014", tanggal_lahir=date(1990, 9, 13))
        p.jenis_kelamin = "P"
        assert _errors(p) == {"golongan": ["Golongan PPPK adalah I sampai XVII."]}

    def test_pppk_number_is_accepted_though_digits_13_14_are_no_month(self):
        p = _pegawai(
            status=StatusAsn.PPPK,
            nip="199009132025242014",
            tanggal_lahir=date(1990, 9, 13),
            jenis_kelamin="P",
            golongan="IX",
        )
        p.full_clean()
        # The same number read as a PNS NIP is refused: month 24.
        p.status, p.golongan = StatusAsn.PNS, "III/a"
        assert "bulan" in _errors(p)["nip"][0]

    def test_nip_errors_land_on_their_fields(self):
        assert "tanggal_lahir" in _errors(_pegawai(tanggal_lahir=date(1986, 9, 27), nip="198609262015051001"))
        assert "jenis_kelamin" in _errors(_pegawai(jenis_kelamin="P"))
        assert "nip" in _errors(_pegawai(nip="1986092620150510"))


@pytest.mark.django_db
class TestTampilan:
    def test_display_helpers(self):
        p = _pegawai(gelar_depan="Dr.", gelar_belakang="M.Si.", golongan="IV/a")
        assert p.nama_lengkap == "Dr. Budi Santoso, M.Si."
        assert p.nip_tampil == "19860926 201505 1 001"
        assert p.pangkat_golongan == "Pembina, IV/a"
        assert p.tmt_cpns == date(2015, 5, 1)
        assert p.usia_pada(date(2026, 9, 25)) == 39
        assert p.usia_pada(date(2026, 9, 26)) == 40

    def test_pppk_display(self):
        p = _pegawai(status=StatusAsn.PPPK, nip="199009132025242014", tanggal_lahir=date(1990, 9, 13), golongan="IX")
        assert p.nip_tampil == "19900913 2025 24 2 014"
        assert p.pangkat_golongan == "IX"
        assert p.tmt_cpns == date(2025, 1, 1)


@pytest.mark.django_db
class TestRiwayatDanUnit:
    def test_one_open_post_per_employee(self):
        p = PegawaiFactory()
        unit, jabatan = UnitKerjaFactory(), JabatanFactory()
        RiwayatJabatan.objects.create(pegawai=p, unit=unit, jabatan=jabatan, mulai=date(2020, 1, 1))
        with pytest.raises(IntegrityError):
            RiwayatJabatan.objects.create(pegawai=p, unit=unit, jabatan=jabatan, mulai=date(2021, 1, 1))

    def test_years_in_post(self):
        r = RiwayatJabatan(mulai=date(2020, 1, 1), sampai=date(2025, 1, 1))
        assert r.lama_tahun() == 5.0

    def test_unit_cannot_sit_under_its_own_descendant(self):
        atas = UnitKerjaFactory()
        bawah = UnitKerjaFactory(induk=atas)
        atas.induk = bawah
        with pytest.raises(ValidationError) as e:
            atas.full_clean()
        assert "induk" in e.value.message_dict
