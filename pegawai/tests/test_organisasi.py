"""Units and positions managed in the app by HR: create, rename, move (no cycles), close (history
kept, hidden from choices), formasi; every change audited; every other role refused."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from inti.models import CatatanAudit
from pegawai.models import Formasi, Jabatan, JenisJabatan, JenisUnit, RiwayatJabatan, UnitKerja
from pegawai.selectors.organisasi import unit_formasi
from pegawai.services.organisasi import (
    OrganisasiError,
    formasi_atur,
    jabatan_buat,
    jabatan_tutup,
    unit_buat,
    unit_pindah,
    unit_tutup,
    unit_ubah,
)
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, pegawai_di

pytestmark = pytest.mark.django_db
HARI = date(2026, 3, 1)


def _audit(aksi):
    return CatatanAudit.objects.filter(aksi=aksi)


class TestLayananUnit:
    def test_create_under_a_parent_is_audited(self, org):
        u = unit_buat(
            oleh=org.hr.akun, data={"kode": "K-9", "nama": "Kelurahan Kejawan", "jenis": "KELURAHAN"}, induk=org.unit
        )
        assert u.induk == org.unit
        a = _audit("organisasi.unit_buat").get()
        assert a.perubahan["nama"] == ["", "Kelurahan Kejawan"]

    def test_rename_records_old_and_new(self, org):
        unit_ubah(oleh=org.hr.akun, unit=org.subunit, data={"nama": "Kelurahan Kalisari Baru"})
        org.subunit.refresh_from_db()
        assert org.subunit.nama == "Kelurahan Kalisari Baru"
        assert _audit("organisasi.unit_ubah").get().perubahan == {
            "nama": ["Kelurahan Kalisari", "Kelurahan Kalisari Baru"]
        }

    def test_move_under_own_subunit_is_refused(self, org):
        with pytest.raises(OrganisasiError, match="sub-unit"):
            unit_pindah(oleh=org.hr.akun, unit=org.unit, induk=org.subunit)
        org.unit.refresh_from_db()
        assert org.unit.induk_id is None
        assert not _audit("organisasi.unit_pindah").exists()

    def test_move_is_audited_with_both_parents(self, org):
        unit_pindah(oleh=org.hr.akun, unit=org.subunit, induk=org.lain)
        assert _audit("organisasi.unit_pindah").get().perubahan == {"induk": ["Kecamatan Mulyorejo", "Dinas Sosial"]}

    def test_close_refused_while_staff_are_posted(self, org):
        with pytest.raises(OrganisasiError, match="pegawai aktif"):
            unit_tutup(oleh=org.hr.akun, unit=org.subunit, tanggal=HARI)

    def test_close_refused_while_subunits_are_open(self, org):
        RiwayatJabatan.objects.filter(unit=org.unit).delete()
        with pytest.raises(OrganisasiError, match="sub-unit aktif"):
            unit_tutup(oleh=org.hr.akun, unit=org.unit, tanggal=HARI)

    def test_closed_unit_keeps_history_and_leaves_the_choices(self, org):
        kosong = UnitKerjaFactory(nama="Seksi Lama", induk=org.unit)
        lama = pegawai_di(kosong)
        RiwayatJabatan.objects.filter(pegawai=lama).update(sampai=date(2025, 12, 31))
        unit_tutup(oleh=org.hr.akun, unit=kosong, tanggal=HARI, alasan="perampingan")
        kosong.refresh_from_db()
        assert (kosong.aktif, kosong.ditutup_pada) == (False, HARI)
        assert RiwayatJabatan.objects.filter(unit=kosong).exists()
        c = Client()
        c.force_login(org.hr.akun)
        cari = c.get(reverse("pegawai:unit_cari"), {"q": "Seksi Lama", "aktif": "1"}).json()
        assert kosong.pk not in [h["id"] for h in cari["hasil"]]  # the unit fields offer open units only
        assert "perampingan" in _audit("organisasi.unit_tutup").get().ringkasan
        with pytest.raises(OrganisasiError):
            unit_buat(oleh=org.hr.akun, data={"kode": "X1", "nama": "X", "jenis": "BIDANG"}, induk=kosong)


class TestLayananJabatan:
    def test_create_and_close_an_unheld_position(self, org):
        j = jabatan_buat(
            oleh=org.hr.akun, data={"nama": "Analis Data", "jenis": "FUNGSIONAL", "kelas": 9, "bup_tahun": 60}
        )
        jabatan_tutup(oleh=org.hr.akun, jabatan=j, tanggal=HARI)
        j.refresh_from_db()
        assert (j.aktif, j.ditutup_pada) == (False, HARI)
        assert _audit("organisasi.jabatan_buat").exists() and _audit("organisasi.jabatan_tutup").exists()

    def test_close_refused_while_held(self, org):
        jabatan = RiwayatJabatan.objects.get(pegawai=org.anggota, sampai__isnull=True).jabatan
        with pytest.raises(OrganisasiError, match="masih dipegang"):
            jabatan_tutup(oleh=org.hr.akun, jabatan=jabatan, tanggal=HARI)

    def test_duplicate_name_is_a_clear_refusal(self, org):
        JabatanFactory(nama="Lurah")
        with pytest.raises(OrganisasiError):
            jabatan_buat(oleh=org.hr.akun, data={"nama": "Lurah", "jenis": "ADMINISTRATOR", "kelas": 9})


class TestFormasi:
    def test_set_change_and_remove(self, org):
        j = RiwayatJabatan.objects.get(pegawai=org.anggota, sampai__isnull=True).jabatan
        formasi_atur(oleh=org.hr.akun, unit=org.subunit, jabatan=j, jumlah=3)
        [baris] = unit_formasi(org.subunit)
        assert (baris.formasi, baris.terisi, baris.selisih) == (3, 1, 2)
        formasi_atur(oleh=org.hr.akun, unit=org.subunit, jabatan=j, jumlah=0)
        assert not Formasi.objects.exists()
        assert [a.perubahan["jumlah"] for a in _audit("organisasi.formasi_ubah").order_by("id")] == [
            ["0", "3"],
            ["3", "0"],
        ]

    def test_closed_position_gets_no_formasi(self, org):
        j = JabatanFactory(aktif=False)
        with pytest.raises(OrganisasiError):
            formasi_atur(oleh=org.hr.akun, unit=org.subunit, jabatan=j, jumlah=1)


URL_HR_SAJA = [
    ("pegawai:unit_baru", False),
    ("pegawai:unit_ubah", True),
    ("pegawai:unit_tutup", True),
    ("pegawai:formasi_simpan", True),
    ("pegawai:jabatan_daftar", False),
    ("pegawai:jabatan_baru", False),
]


class TestHalaman:
    @pytest.mark.parametrize(("nama", "pakai_unit"), URL_HR_SAJA)
    @pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota", "orang_luar"])
    def test_other_roles_are_refused(self, clients, org, nama, pakai_unit, peran):
        url = reverse(nama, args=[org.unit.pk] if pakai_unit else [])
        assert clients[peran].get(url).status_code == 403
        assert clients[peran].post(url, {"nama": "X", "kode": "X", "jenis": "OPD", "jumlah": 1}).status_code == 403
        assert not CatatanAudit.objects.filter(aksi__startswith="organisasi.").exists()

    @pytest.mark.parametrize(("nama", "pakai_unit"), URL_HR_SAJA)
    def test_anonymous_goes_to_login(self, clients, org, nama, pakai_unit):
        r = clients["anon"].get(reverse(nama, args=[org.unit.pk] if pakai_unit else []))
        assert r.status_code == 302 and "/akun/" in r["Location"]

    def test_position_pages_refuse_others(self, clients):
        j = JabatanFactory()
        for nama in ("pegawai:jabatan_ubah", "pegawai:jabatan_tutup"):
            assert clients["ppk"].get(reverse(nama, args=[j.pk])).status_code == 403

    def test_unit_page_buttons_only_for_hr(self, clients, org):
        url = reverse("pegawai:unit_detail", args=[org.unit.pk])
        assert 'id="tombol-unit-tutup"' in clients["hr"].get(url).content.decode()
        for peran in ("ppk", "kepala"):
            html = clients[peran].get(url).content.decode()
            assert 'id="tombol-unit-tutup"' not in html and 'id="form-formasi"' not in html

    def test_hr_creates_moves_and_closes_through_the_pages(self, clients, org):
        c = clients["hr"]
        r = c.post(
            reverse("pegawai:unit_baru"),
            {"kode": "SEK-1", "nama": "Seksi Baru", "jenis": "SEKSI", "induk": org.subunit.pk},
        )
        assert r.status_code == 302
        u = UnitKerja.objects.get(kode="SEK-1")
        assert u.induk == org.subunit
        data = {"kode": "SEK-1", "nama": "Seksi Pelayanan", "jenis": "SEKSI", "alamat": "", "induk": org.lain.pk}
        assert c.post(reverse("pegawai:unit_ubah", args=[u.pk]), data).status_code == 302
        u.refresh_from_db()
        assert (u.nama, u.induk) == ("Seksi Pelayanan", org.lain)
        # closing asks first: without the confirmation box nothing happens
        url = reverse("pegawai:unit_tutup", args=[u.pk])
        assert c.post(url, {"tanggal": "2026-03-01"}).status_code == 200
        u.refresh_from_db()
        assert u.aktif
        assert c.post(url, {"tanggal": "2026-03-01", "yakin": "on"}).status_code == 302
        u.refresh_from_db()
        assert not u.aktif
        assert "ditutup" in c.get(reverse("pegawai:unit_detail", args=[u.pk])).content.decode()

    def test_moving_a_unit_under_its_subunit_shows_the_refusal(self, clients, org):
        data = {
            "kode": org.unit.kode,
            "nama": org.unit.nama,
            "jenis": org.unit.jenis,
            "alamat": "",
            "induk": org.subunit.pk,
        }
        r = clients["hr"].post(reverse("pegawai:unit_ubah", args=[org.unit.pk]), data)
        assert r.status_code == 200
        assert "sub-unit" in r.content.decode()
        org.unit.refresh_from_db()
        assert org.unit.induk_id is None

    def test_formasi_from_the_unit_page(self, clients, org):
        j = JabatanFactory(nama="Pengadministrasi Umum")
        r = clients["hr"].post(reverse("pegawai:formasi_simpan", args=[org.subunit.pk]), {"jabatan": j.pk, "jumlah": 2})
        assert r.status_code == 302
        html = clients["hr"].get(reverse("pegawai:unit_detail", args=[org.subunit.pk])).content.decode()
        assert "Pengadministrasi Umum" in html and "kurang 2" in html

    def test_positions_page_lists_and_closed_position_leaves_the_move_form(self, clients, org):
        j = JabatanFactory(nama="Jabatan Lama", jenis=JenisJabatan.PELAKSANA)
        assert "Jabatan Lama" in clients["hr"].get(reverse("pegawai:jabatan_daftar")).content.decode()
        r = clients["hr"].post(reverse("pegawai:jabatan_tutup", args=[j.pk]), {"tanggal": "2026-03-01", "yakin": "on"})
        assert r.status_code == 302
        assert not Jabatan.objects.get(pk=j.pk).aktif
        assert j not in clients["hr"].get(reverse("pegawai:jabatan_daftar")).context["page_obj"].object_list
        from pegawai.forms.pegawai import PindahJabatanForm

        assert j not in PindahJabatanForm().fields["jabatan"].queryset

    def test_hr_creates_a_position_with_its_own_bup(self, clients):
        data = {"nama": "Guru Ahli Utama", "jenis": "FUNGSIONAL", "jenjang": "AHLI_UTAMA", "kelas": 13, "bup_tahun": 65}
        assert clients["hr"].post(reverse("pegawai:jabatan_baru"), data).status_code == 302
        assert Jabatan.objects.get(nama="Guru Ahli Utama").bup_tahun == 65


def test_unit_kinds_exist():
    assert JenisUnit.SEKSI and JenisUnit.KELURAHAN
