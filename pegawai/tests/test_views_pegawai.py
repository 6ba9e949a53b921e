"""Employee pages: who may open what, what the pages show, and the HR actions."""

from datetime import date, timedelta
from importlib import import_module

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inti.models import CatatanAudit
from pegawai.models import (
    BatasUsiaPensiun,
    HukumanDisiplin,
    JenisJabatan,
    JenjangJabatan,
    KinerjaTahunan,
    Kompetensi,
    Pegawai,
    Predikat,
    RiwayatJabatan,
    StatusAsn,
    UnitKerja,
)
from pegawai.tests.factories import (
    JabatanFactory,
    PegawaiFactory,
    RiwayatJabatanFactory,
    UnitKerjaFactory,
    UserFactory,
    nip_untuk,
    pegawai_di,
)


@pytest.fixture
def bup(db):
    """The retirement ages migration 0002 seeds; a transactional test run earlier may have flushed them."""
    for jenis, jenjang, usia in import_module("pegawai.migrations.0002_bup_awal").BUP:
        BatasUsiaPensiun.objects.update_or_create(jenis=jenis, jenjang=jenjang, defaults={"usia": usia})


LOGIN = reverse("login")


def _status(clients, nama, url, method="get", data=None):
    c = clients[nama]
    return (c.post(url, data or {}) if method == "post" else c.get(url)).status_code


def _anon_ke_login(clients, url, method="get"):
    r = clients["anon"].post(url, {}) if method == "post" else clients["anon"].get(url)
    assert r.status_code == 302
    assert r["Location"].startswith(LOGIN)


# --- Employee list -------------------------------------------------------------------------


class TestDaftar:
    url = reverse("pegawai:daftar")

    def test_anonymous_goes_to_login(self, clients):
        _anon_ke_login(clients, self.url)

    @pytest.mark.parametrize("peran", ["anggota", "orang_luar"])
    def test_plain_employees_are_refused(self, clients, peran):
        assert _status(clients, peran, self.url) == 403

    @pytest.mark.parametrize("peran", ["hr", "ppk", "kepala"])
    def test_hr_ppk_and_unit_head_may_open_it(self, clients, peran):
        assert _status(clients, peran, self.url) == 200

    def test_hr_sees_everyone(self, clients, org):
        r = clients["hr"].get(self.url)
        nama = {p.nama for p in r.context["page_obj"]}
        assert nama == {p.nama for p in (org.hr, org.ppk, org.kepala, org.anggota, org.orang_luar)}

    def test_unit_head_sees_their_subtree_only(self, clients, org):
        r = clients["kepala"].get(self.url)
        assert {p.pk for p in r.context["page_obj"]} == {org.kepala.pk, org.anggota.pk}
        assert org.orang_luar.nama_lengkap not in r.content.decode()

    def test_filter_by_unit_includes_sub_units(self, clients, org):
        r = clients["hr"].get(self.url, {"unit": org.unit.pk})
        assert {p.pk for p in r.context["page_obj"]} == {org.kepala.pk, org.anggota.pk}
        r = clients["hr"].get(self.url, {"unit": org.subunit.pk})
        assert {p.pk for p in r.context["page_obj"]} == {org.anggota.pk}

    def test_unit_field_shows_the_chosen_unit_with_its_path(self, clients, org):
        # Only the chosen unit is rendered (the matches load on demand: pegawai/tests/test_unit_cari.py).
        r = clients["hr"].get(self.url, {"unit": org.subunit.pk})
        html = r.content.decode()
        assert 'value="Kecamatan Mulyorejo › Kelurahan Kalisari"' in html
        assert f'name="unit" value="{org.subunit.pk}"' in html

    def test_search_by_nip_and_name(self, clients, org):
        r = clients["hr"].get(self.url, {"q": org.orang_luar.nip_tampil})
        assert [p.pk for p in r.context["page_obj"]] == [org.orang_luar.pk]
        r = clients["hr"].get(self.url, {"q": org.anggota.nama})
        assert org.anggota.pk in {p.pk for p in r.context["page_obj"]}

    def test_filters_by_status_golongan_and_position_kind(self, clients, org):
        pppk = PegawaiFactory(
            status=StatusAsn.PPPK,
            nip="199009132025242014",
            tanggal_lahir=date(1990, 9, 13),
            jenis_kelamin="P",
            golongan="IX",
        )
        RiwayatJabatanFactory(pegawai=pppk, unit=org.lain, jabatan=JabatanFactory(jenis=JenisJabatan.FUNGSIONAL))
        r = clients["hr"].get(self.url, {"status": "PPPK"})
        assert [p.pk for p in r.context["page_obj"]] == [pppk.pk]
        r = clients["hr"].get(self.url, {"golongan": "IX"})
        assert [p.pk for p in r.context["page_obj"]] == [pppk.pk]
        r = clients["hr"].get(self.url, {"jenis_jabatan": "FUNGSIONAL"})
        assert [p.pk for p in r.context["page_obj"]] == [pppk.pk]
        r = clients["hr"].get(self.url, {"jenis_jabatan": "PENGAWAS"})
        assert [p.pk for p in r.context["page_obj"]] == [org.kepala.pk]

    def test_inactive_employees_are_hidden_unless_asked(self, clients, org):
        Pegawai.objects.filter(pk=org.orang_luar.pk).update(aktif=False)
        r = clients["hr"].get(self.url)
        assert org.orang_luar.pk not in {p.pk for p in r.context["page_obj"]}
        r = clients["hr"].get(self.url, {"aktif": "0"})
        assert [p.pk for p in r.context["page_obj"]] == [org.orang_luar.pk]
        r = clients["hr"].get(self.url, {"aktif": "semua"})
        assert org.orang_luar.pk in {p.pk for p in r.context["page_obj"]}

    def test_sorting_by_column_and_reversed(self, clients, org):
        r = clients["hr"].get(self.url, {"urut": "nip"})
        nips = [p.nip for p in r.context["page_obj"]]
        assert nips == sorted(nips)
        r = clients["hr"].get(self.url, {"urut": "-nip"})
        assert [p.nip for p in r.context["page_obj"]] == sorted(nips, reverse=True)

    def test_bad_filter_values_fall_back_instead_of_failing(self, clients, org):
        r = clients["hr"].get(self.url, {"unit": "abc", "urut": "drop table", "page": "999", "aktif": "x"})
        assert r.status_code == 200
        assert r.context["page_obj"].paginator.count == 5

    def test_paginates_by_25_with_result_count(self, clients, org):
        for _ in range(26):
            pegawai_di(org.lain)
        r = clients["hr"].get(self.url)
        assert len(r.context["page_obj"].object_list) == 25
        assert r.context["page_obj"].paginator.count == 31
        assert "31 pegawai ditemukan" in r.content.decode()
        r = clients["hr"].get(self.url, {"page": 2})
        assert len(r.context["page_obj"].object_list) == 6

    def test_empty_state_offers_to_clear_the_filter(self, clients, org):
        r = clients["hr"].get(self.url, {"q": "tidak ada orang bernama ini"})
        assert r.context["page_obj"].paginator.count == 0
        assert "Tidak ada pegawai yang cocok" in r.content.decode()

    def test_badge_for_rotation_due(self, clients, org):
        lama = pegawai_di(org.lain, mulai=date.today() - timedelta(days=6 * 366))
        r = clients["hr"].get(self.url)
        baris = {p.pk: p for p in r.context["page_obj"]}
        assert baris[lama.pk].masa_jabatan == "jatuh_tempo"
        assert "jatuh tempo rotasi" in r.content.decode()

    def test_filter_by_time_in_post(self, clients, org):
        RiwayatJabatan.objects.update(mulai=date.today() - timedelta(days=3 * 365))
        lama = pegawai_di(org.lain, mulai=date.today() - timedelta(days=5 * 366))
        baru = pegawai_di(org.lain, mulai=date.today() - timedelta(days=30))
        r = clients["hr"].get(self.url, {"masa": "jatuh_tempo"})
        assert [p.pk for p in r.context["page_obj"]] == [lama.pk]
        r = clients["hr"].get(self.url, {"masa": "baru"})
        assert [p.pk for p in r.context["page_obj"]] == [baru.pk]

    def test_query_count_does_not_grow_with_rows(self, clients, org):
        def hitung():
            with CaptureQueriesContext(connection) as ctx:
                assert clients["hr"].get(self.url, {"unit": org.lain.pk}).status_code == 200
            return len(ctx)

        sedikit = hitung()  # 5 employees, 2 of them in the unit
        for i in range(20):
            pegawai_di(org.lain if i % 2 else org.subunit)
        unit_baru = UnitKerjaFactory(induk=org.lain)
        for _ in range(5):
            pegawai_di(unit_baru)
        assert Pegawai.objects.count() == 30
        banyak = hitung()
        assert banyak == sedikit
        assert banyak <= 12

    def test_query_count_for_unit_head_does_not_grow(self, clients, org, django_assert_max_num_queries):
        for _ in range(5):
            pegawai_di(org.subunit)
        with CaptureQueriesContext(connection) as ctx:
            clients["kepala"].get(self.url)
        sedikit = len(ctx)
        for _ in range(25):
            pegawai_di(org.subunit)
        with django_assert_max_num_queries(sedikit):
            r = clients["kepala"].get(self.url)
        assert r.context["page_obj"].paginator.count == 32


# --- Employee detail and my profile ---------------------------------------------------------


@pytest.mark.usefixtures("bup")
class TestDetail:
    def url(self, p):
        return reverse("pegawai:detail", args=[p.pk])

    def test_anonymous_goes_to_login(self, clients, org):
        _anon_ke_login(clients, self.url(org.anggota))

    @pytest.mark.parametrize("peran", ["anggota", "kepala"])
    def test_outside_ones_reach_is_404(self, clients, org, peran):
        assert _status(clients, peran, self.url(org.orang_luar)) == 404

    def test_employee_may_not_see_a_colleague(self, clients, org):
        assert _status(clients, "anggota", self.url(org.kepala)) == 404

    @pytest.mark.parametrize("peran", ["hr", "ppk", "kepala", "anggota"])
    def test_allowed_readers(self, clients, org, peran):
        assert _status(clients, peran, self.url(org.anggota)) == 200

    def test_shows_profile_post_history_and_retirement(self, clients, org):
        p = org.anggota
        jabatan_lama = JabatanFactory(nama="Pengadministrasi Umum")
        RiwayatJabatan.objects.filter(pegawai=p).update(mulai=date(2015, 1, 1), sampai=None)
        RiwayatJabatanFactory(
            pegawai=p, unit=org.lain, jabatan=jabatan_lama, mulai=date(2010, 3, 1), sampai=date(2014, 12, 31)
        )
        r = clients["hr"].get(self.url(p))
        html = r.content.decode()
        assert p.nip_tampil in html
        assert "Pengadministrasi Umum" in html  # history
        assert r.context["masa_jabatan"] == "jatuh_tempo"
        assert r.context["bup"] == 58  # PELAKSANA, from the seeded BUP table
        assert [x.mulai for x in r.context["riwayat"]] == [date(2015, 1, 1), date(2010, 3, 1)]

    def test_direct_superior_is_the_unit_head_or_the_head_above(self, clients, org):
        r = clients["hr"].get(self.url(org.anggota))
        assert r.context["atasan"].pk == org.kepala.pk  # nobody heads the kelurahan: the camat
        assert clients["hr"].get(self.url(org.kepala)).context["atasan"] is None  # nobody above the camat
        lurah = pegawai_di(org.subunit, JabatanFactory(kepala_unit=True, jenis=JenisJabatan.PENGAWAS))
        UnitKerja.objects.filter(pk=org.subunit.pk).update(kepala=lurah)
        assert clients["hr"].get(self.url(org.anggota)).context["atasan"].pk == lurah.pk
        assert clients["hr"].get(self.url(lurah)).context["atasan"].pk == org.kepala.pk

    def test_retirement_date_is_the_first_of_the_month_after_reaching_the_bup(self, clients, org):
        p = pegawai_di(org.lain, tanggal_lahir=date(1970, 12, 5))  # PELAKSANA: BUP 58
        r = clients["hr"].get(self.url(p))
        assert (r.context["bup"], r.context["pensiun"]) == (58, date(2029, 1, 1))
        assert "1 Januari 2029" in r.content.decode()

    def test_recent_post_gets_the_under_two_years_badge(self, clients, org):
        baru = pegawai_di(org.lain, mulai=date.today() - timedelta(days=100))
        r = clients["hr"].get(self.url(baru))
        assert r.context["masa_jabatan"] == "baru"

    def test_bup_uses_jenjang_row_before_the_jenis_row(self, clients, org):
        madya = JabatanFactory(jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_MADYA)
        p = pegawai_di(org.lain, madya)
        assert clients["hr"].get(self.url(p)).context["bup"] == 60
        muda = JabatanFactory(jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.AHLI_MUDA)
        p2 = pegawai_di(org.lain, muda)
        assert clients["hr"].get(self.url(p2)).context["bup"] == 58

    def test_sanctions_and_predicates_are_listed(self, clients, org):
        HukumanDisiplin.objects.create(
            pegawai=org.anggota,
            tingkat="SEDANG",
            jenis="Penundaan kenaikan pangkat",
            mulai=date.today(),
            selesai=date.today() + timedelta(days=365),
        )
        KinerjaTahunan.objects.create(pegawai=org.anggota, tahun=2024, predikat=Predikat.SANGAT_BAIK)
        html = clients["kepala"].get(self.url(org.anggota)).content.decode()
        assert "Penundaan kenaikan pangkat" in html
        assert "masih berlaku" in html
        assert "Sangat Baik" in html

    def test_audit_trail_is_shown_to_hr_only(self, clients, org):
        CatatanAudit.objects.create(
            aksi="pegawai.ubah", objek_tipe="pegawai.pegawai", objek_id=str(org.anggota.pk), ringkasan="Catatan rahasia"
        )
        assert "Catatan rahasia" in clients["hr"].get(self.url(org.anggota)).content.decode()
        for peran in ("ppk", "kepala", "anggota"):
            r = clients[peran].get(self.url(org.anggota))
            assert r.context["audit"] is None
            assert "Catatan rahasia" not in r.content.decode()

    def test_hr_actions_are_shown_to_hr_only(self, clients, org):
        ubah = reverse("pegawai:ubah", args=[org.anggota.pk])
        assert ubah in clients["hr"].get(self.url(org.anggota)).content.decode()
        assert ubah not in clients["ppk"].get(self.url(org.anggota)).content.decode()

    def test_query_count_does_not_grow_with_the_record(self, clients, org):
        def hitung():
            with CaptureQueriesContext(connection) as ctx:
                assert clients["hr"].get(self.url(org.anggota)).status_code == 200
            return len(ctx)

        def satu_tahun(tahun):
            KinerjaTahunan.objects.create(pegawai=org.anggota, tahun=tahun, predikat=Predikat.BAIK)
            HukumanDisiplin.objects.create(
                pegawai=org.anggota,
                tingkat="RINGAN",
                jenis="Teguran",
                mulai=date(tahun, 1, 1),
                selesai=date(tahun, 2, 1),
            )
            RiwayatJabatanFactory(
                pegawai=org.anggota, unit=org.lain, mulai=date(tahun - 10, 1, 1), sampai=date(tahun - 10, 12, 31)
            )

        # A record already: the "Riwayat perubahan data" section (its 10 latest changes) names the
        # records they link to with one query per kind of record linked (unit, position...), not per
        # record; so the page is measured with the same kinds of latest changes, then with more.
        for tahun in range(2000, 2010):
            satu_tahun(tahun)
        org.anggota.kompetensi.set([Kompetensi.objects.create(nama="K-awal", jenis="TEKNIS")])
        hitung()  # content types are cached after the first page
        sedikit = hitung()
        for tahun in range(2015, 2025):
            KinerjaTahunan.objects.create(pegawai=org.anggota, tahun=tahun, predikat=Predikat.BAIK)
            HukumanDisiplin.objects.create(
                pegawai=org.anggota,
                tingkat="RINGAN",
                jenis="Teguran",
                mulai=date(tahun, 1, 1),
                selesai=date(tahun, 2, 1),
            )
            RiwayatJabatanFactory(
                pegawai=org.anggota, unit=org.lain, mulai=date(tahun - 10, 1, 1), sampai=date(tahun - 10, 12, 31)
            )
            CatatanAudit.objects.create(
                oleh=org.hr.akun, aksi="x", objek_tipe="pegawai.pegawai", objek_id=str(org.anggota.pk), ringkasan="x"
            )
        org.anggota.kompetensi.set([Kompetensi.objects.create(nama=f"K{i}", jenis="TEKNIS") for i in range(5)])
        assert hitung() == sedikit


class TestProfilSaya:
    url = reverse("pegawai:profil_saya")

    def test_anonymous_goes_to_login(self, clients):
        _anon_ke_login(clients, self.url)

    def test_account_without_employee_gets_404(self, client, org):
        client.force_login(UserFactory())
        assert client.get(self.url).status_code == 404

    @pytest.mark.parametrize("peran", ["anggota", "kepala", "hr"])
    def test_shows_the_signed_in_employee(self, clients, org, peran):
        r = clients[peran].get(self.url)
        assert r.status_code == 200
        assert r.context["pegawai"].pk == getattr(org, peran).pk
        assert r.context["sendiri"] is True

    def test_profile_link_in_the_menu(self, clients):
        assert self.url in clients["anggota"].get(reverse("beranda")).content.decode()


# --- Create and edit ----------------------------------------------------------------------


def _data_baru(org, **ubah):
    lahir = date(1990, 2, 17)
    data = {
        "nip": nip_untuk(lahir, "L", date(2015, 3, 1), urut=4),
        "status": "PNS",
        "gelar_depan": "",
        "nama": "Ahmad Fauzi",
        "gelar_belakang": "S.AP.",
        "jenis_kelamin": "L",
        "tempat_lahir": "Surabaya",
        "tanggal_lahir": lahir.isoformat(),
        "golongan": "III/b",
        "pendidikan": "S1 Administrasi Publik",
        "email": "ahmad@example.org",
        "telepon": "0812",
        "unit": org.subunit.pk,
        "jabatan": JabatanFactory(nama="Pengolah Data").pk,
        "tmt": "2022-01-03",
        "nomor_sk": "800/1/436.7.2/2022",
    }
    data.update(ubah)
    return data


class TestBuat:
    url = reverse("pegawai:buat")

    def test_anonymous_goes_to_login(self, clients):
        _anon_ke_login(clients, self.url)

    @pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota"])
    def test_only_hr(self, clients, org, peran):
        assert _status(clients, peran, self.url) == 403
        assert _status(clients, peran, self.url, "post", _data_baru(org)) == 403
        assert not Pegawai.objects.filter(nama="Ahmad Fauzi").exists()

    def test_hr_opens_the_form(self, clients):
        assert _status(clients, "hr", self.url) == 200

    def test_hr_creates_with_first_post_and_audit(self, clients, org):
        kompetensi = Kompetensi.objects.create(nama="Pelayanan publik", jenis="TEKNIS")
        data = _data_baru(org, kompetensi=[kompetensi.pk], nip="19900217 201503 1 004")
        r = clients["hr"].post(self.url, data)
        p = Pegawai.objects.get(nama="Ahmad Fauzi")
        assert r.status_code == 302
        assert r["Location"] == reverse("pegawai:detail", args=[p.pk])
        assert p.nip == "199002172015031004"  # grouped input is normalised
        assert list(p.kompetensi.all()) == [kompetensi]
        posisi = p.posisi_sekarang
        assert (posisi.unit, posisi.mulai, posisi.nomor_sk) == (org.subunit, date(2022, 1, 3), "800/1/436.7.2/2022")
        assert CatatanAudit.objects.filter(aksi="pegawai.buat", objek_id=str(p.pk), oleh=org.hr.akun).exists()

    def test_pppk_number_is_accepted(self, clients, org):
        data = _data_baru(
            org, nip="199009132025242014", status="PPPK", jenis_kelamin="P", tanggal_lahir="1990-09-13", golongan="IX"
        )
        r = clients["hr"].post(self.url, data)
        assert r.status_code == 302, r.context["form"].errors
        assert Pegawai.objects.get(nip="199009132025242014").status == "PPPK"

    @pytest.mark.parametrize(
        ("ubah", "kolom", "pesan"),
        [
            ({"nip": "19900217201503100"}, "nip", "18 angka"),
            ({"nip": "19901317201503 1004"}, "nip", "bukan tanggal yang sah"),
            ({"nip": "199002172015131004"}, "nip", "bukan bulan yang sah"),
            ({"nip": "199002172015033004"}, "nip", "jenis kelamin"),
            ({"nip": "199002172005031004"}, "nip", "kurang dari 18 tahun"),
            ({"tanggal_lahir": "1990-02-18"}, "tanggal_lahir", "tidak sama dengan tanggal lahir di NIP"),
            ({"jenis_kelamin": "P"}, "jenis_kelamin", "digit ke-15"),
            ({"golongan": "IX"}, "golongan", "Golongan PNS"),
            ({"status": "PPPK", "nip": "199002172015241004"}, "golongan", "Golongan PPPK"),
            ({"tmt": "1980-01-01"}, "tmt", "sesudah tanggal lahir"),
            ({"nama": ""}, "nama", "tidak boleh kosong"),
        ],
    )
    def test_each_error_lands_on_its_field_and_nothing_is_saved(self, clients, org, ubah, kolom, pesan):
        data = _data_baru(org, **ubah)
        sebelum = (Pegawai.objects.count(), RiwayatJabatan.objects.count(), CatatanAudit.objects.count())
        r = clients["hr"].post(self.url, data)
        assert r.status_code == 200
        errors = r.context["form"].errors
        assert kolom in errors, errors
        assert pesan.lower() in " ".join(errors[kolom]).lower()
        assert (Pegawai.objects.count(), RiwayatJabatan.objects.count(), CatatanAudit.objects.count()) == sebelum
        html = r.content.decode()
        assert 'value="Surabaya"' in html  # what was typed is kept

    def test_duplicate_nip_is_refused(self, clients, org):
        data = _data_baru(org, nip=org.anggota.nip, tanggal_lahir=org.anggota.tanggal_lahir.isoformat())
        r = clients["hr"].post(self.url, data)
        assert "nip" in r.context["form"].errors
        assert Pegawai.objects.filter(nip=org.anggota.nip).count() == 1


class TestUbah:
    def url(self, p):
        return reverse("pegawai:ubah", args=[p.pk])

    def _data(self, p, **ubah):
        data = {
            "nip": p.nip,
            "status": p.status,
            "nama": p.nama,
            "gelar_depan": "",
            "gelar_belakang": "",
            "jenis_kelamin": p.jenis_kelamin,
            "tempat_lahir": "",
            "tanggal_lahir": p.tanggal_lahir.isoformat(),
            "golongan": p.golongan,
            "pendidikan": "",
            "email": "",
            "telepon": "",
        }
        data.update(ubah)
        return data

    def test_anonymous_goes_to_login(self, clients, org):
        _anon_ke_login(clients, self.url(org.anggota))

    @pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota"])
    def test_only_hr(self, clients, org, peran):
        assert _status(clients, peran, self.url(org.anggota)) == 403
        assert _status(clients, peran, self.url(org.anggota), "post", self._data(org.anggota, nama="X")) == 403
        org.anggota.refresh_from_db()
        assert org.anggota.nama != "X"

    def test_hr_edits_and_the_change_is_audited(self, clients, org):
        p = org.anggota
        posisi = p.posisi_sekarang
        r = clients["hr"].get(self.url(p))
        assert r.status_code == 200
        r = clients["hr"].post(self.url(p), self._data(p, golongan="III/c", gelar_belakang="S.Kom."))
        assert r.status_code == 302
        p.refresh_from_db()
        assert (p.golongan, p.nama_lengkap.endswith("S.Kom.")) == ("III/c", True)
        assert p.posisi_sekarang == posisi  # the post does not change here
        audit = CatatanAudit.objects.get(aksi="pegawai.ubah", objek_id=str(p.pk))
        assert audit.perubahan["golongan"] == ["III/a", "III/c"]

    def test_invalid_edit_keeps_input_and_changes_nothing(self, clients, org):
        p = org.anggota
        r = clients["hr"].post(self.url(p), self._data(p, golongan="XII", nama="Nama Baru"))
        assert r.status_code == 200
        assert "golongan" in r.context["form"].errors
        assert 'value="Nama Baru"' in r.content.decode()
        p.refresh_from_db()
        assert p.nama != "Nama Baru"

    def test_no_change_means_no_audit(self, clients, org):
        p = org.anggota
        clients["hr"].post(self.url(p), self._data(p))
        assert not CatatanAudit.objects.filter(aksi="pegawai.ubah").exists()


# --- Move, deactivate ------------------------------------------------------------------------


class TestPindahJabatan:
    def url(self, p):
        return reverse("pegawai:pindah_jabatan", args=[p.pk])

    def test_anonymous_goes_to_login(self, clients, org):
        _anon_ke_login(clients, self.url(org.anggota))

    @pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota"])
    def test_only_hr(self, clients, org, peran):
        assert _status(clients, peran, self.url(org.anggota)) == 403
        data = {"unit": org.lain.pk, "jabatan": JabatanFactory().pk, "tmt": "2024-01-01"}
        assert _status(clients, peran, self.url(org.anggota), "post", data) == 403
        assert org.anggota.posisi_sekarang.unit == org.subunit

    def test_hr_opens_the_form(self, clients, org):
        assert _status(clients, "hr", self.url(org.anggota)) == 200

    def test_closes_the_old_post_opens_the_new_and_moves_the_headship(self, clients, org):
        kepala_baru_jabatan = JabatanFactory(nama="Camat", kepala_unit=True, jenis=JenisJabatan.ADMINISTRATOR)
        staf = JabatanFactory(nama="Analis Kebijakan")
        # The current head leaves for an ordinary post elsewhere: the unit loses its head.
        r = clients["hr"].post(
            self.url(org.kepala),
            {"unit": org.lain.pk, "jabatan": staf.pk, "tmt": "2024-07-01", "nomor_sk": "800/9/2024"},
        )
        assert r.status_code == 302
        riwayat = list(RiwayatJabatan.objects.filter(pegawai=org.kepala).order_by("mulai"))
        assert riwayat[0].sampai == date(2024, 6, 30)
        assert (riwayat[1].unit, riwayat[1].jabatan, riwayat[1].sampai) == (org.lain, staf, None)
        org.unit.refresh_from_db()
        assert org.unit.kepala is None
        # The employee takes the head post: they become the head.
        clients["hr"].post(
            self.url(org.anggota), {"unit": org.unit.pk, "jabatan": kepala_baru_jabatan.pk, "tmt": "2024-08-01"}
        )
        org.unit.refresh_from_db()
        assert org.unit.kepala == org.anggota
        assert CatatanAudit.objects.filter(aksi="pegawai.pindah_jabatan").count() == 2

    def test_refusal_is_shown_and_nothing_changes(self, clients, org):
        sebelum = list(RiwayatJabatan.objects.filter(pegawai=org.anggota).values())
        r = clients["hr"].post(
            self.url(org.anggota), {"unit": org.lain.pk, "jabatan": JabatanFactory().pk, "tmt": "2020-01-01"}
        )
        assert r.status_code == 200
        assert "harus sesudah TMT jabatan sekarang" in " ".join(r.context["form"].non_field_errors())
        assert list(RiwayatJabatan.objects.filter(pegawai=org.anggota).values()) == sebelum

    def test_inactive_employee_cannot_be_moved(self, clients, org):
        Pegawai.objects.filter(pk=org.anggota.pk).update(aktif=False)
        r = clients["hr"].get(self.url(org.anggota))
        assert r.status_code == 302


class TestNonaktifkan:
    def url(self, p):
        return reverse("pegawai:nonaktifkan", args=[p.pk])

    def test_anonymous_goes_to_login(self, clients, org):
        _anon_ke_login(clients, self.url(org.anggota))

    @pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota"])
    def test_only_hr(self, clients, org, peran):
        assert _status(clients, peran, self.url(org.anggota)) == 403
        assert _status(clients, peran, self.url(org.anggota), "post", {"alasan": "x", "tanggal": "2024-01-01"}) == 403
        org.anggota.refresh_from_db()
        assert org.anggota.aktif

    def test_get_asks_for_confirmation(self, clients, org):
        html = clients["hr"].get(self.url(org.kepala)).content.decode()
        assert "js-confirm" in html
        assert "tidak lagi memiliki kepala unit" in html  # the head's unit is named

    def test_deactivates_closes_the_post_and_the_headship(self, clients, org):
        r = clients["hr"].post(self.url(org.kepala), {"alasan": "Pensiun (BUP)", "tanggal": "2024-12-31"})
        assert r.status_code == 302
        org.kepala.refresh_from_db()
        org.unit.refresh_from_db()
        assert (org.kepala.aktif, org.kepala.alasan_nonaktif) == (False, "Pensiun (BUP)")
        assert org.kepala.posisi_sekarang is None
        assert RiwayatJabatan.objects.get(pegawai=org.kepala).sampai == date(2024, 12, 31)
        assert org.unit.kepala is None
        assert not org.kepala.akun.__class__.objects.get(pk=org.kepala.akun_id).is_active
        assert CatatanAudit.objects.filter(aksi="pegawai.nonaktif", objek_id=str(org.kepala.pk)).exists()

    def test_date_before_the_current_post_is_refused(self, clients, org):
        r = clients["hr"].post(self.url(org.anggota), {"alasan": "Meninggal dunia", "tanggal": "2020-01-01"})
        assert r.status_code == 200
        assert "tanggal" in r.context["form"].errors
        org.anggota.refresh_from_db()
        assert org.anggota.aktif

    def test_already_inactive_is_refused(self, clients, org):
        Pegawai.objects.filter(pk=org.anggota.pk).update(aktif=False)
        r = clients["hr"].post(self.url(org.anggota), {"alasan": "lagi", "tanggal": "2024-01-01"})
        assert r.status_code == 302
        assert not CatatanAudit.objects.filter(aksi="pegawai.nonaktif").exists()

    def test_two_hr_staff_at_once_deactivate_once(self, clients, org, monkeypatch):
        """The second request read the employee before the first committed: the service (which locks
        the row) refuses it, the refusal lands on the form, the first reason stays."""
        from pegawai.services.pegawai import pegawai_nonaktifkan
        from pegawai.views import pegawai as halaman

        pegawai_nonaktifkan(oleh=org.hr.akun, pegawai=org.anggota, alasan="Pensiun (BUP)", tanggal=date.today())
        monkeypatch.setattr(halaman, "_tolak_bila_nonaktif", lambda request, pegawai: None)
        r = clients["hr"].post(self.url(org.anggota), {"alasan": "Meninggal dunia", "tanggal": date.today()})
        assert r.status_code == 200
        assert "sudah tidak aktif" in " ".join(r.context["form"].non_field_errors())
        org.anggota.refresh_from_db()
        assert org.anggota.alasan_nonaktif == "Pensiun (BUP)"
        assert CatatanAudit.objects.filter(aksi="pegawai.nonaktif").count() == 1


# --- Sanctions and predicates ----------------------------------------------------------------


class TestHukumanDanKinerja:
    @pytest.mark.parametrize("nama", ["pegawai:hukuman_baru", "pegawai:kinerja_baru"])
    def test_anonymous_goes_to_login(self, clients, org, nama):
        _anon_ke_login(clients, reverse(nama, args=[org.anggota.pk]))

    @pytest.mark.parametrize("nama", ["pegawai:hukuman_baru", "pegawai:kinerja_baru"])
    @pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota"])
    def test_only_hr(self, clients, org, nama, peran):
        url = reverse(nama, args=[org.anggota.pk])
        assert _status(clients, peran, url) == 403
        assert _status(clients, peran, url, "post", {"tahun": 2024, "predikat": "BAIK"}) == 403
        assert not KinerjaTahunan.objects.exists()

    @pytest.mark.parametrize("nama", ["pegawai:hukuman_baru", "pegawai:kinerja_baru"])
    def test_hr_opens_the_form(self, clients, org, nama):
        assert _status(clients, "hr", reverse(nama, args=[org.anggota.pk])) == 200

    def test_hr_records_a_sanction(self, clients, org):
        url = reverse("pegawai:hukuman_baru", args=[org.anggota.pk])
        data = {"tingkat": "RINGAN", "jenis": "Teguran lisan", "mulai": "2024-01-01", "selesai": "2024-06-30"}
        r = clients["hr"].post(url, data)
        assert r.status_code == 302
        h = HukumanDisiplin.objects.get(pegawai=org.anggota)
        assert (h.jenis, h.selesai) == ("Teguran lisan", date(2024, 6, 30))
        assert CatatanAudit.objects.filter(aksi="pegawai.hukuman_tambah", objek_id=str(org.anggota.pk)).exists()

    def test_sanction_ending_before_it_starts_is_refused(self, clients, org):
        url = reverse("pegawai:hukuman_baru", args=[org.anggota.pk])
        data = {"tingkat": "RINGAN", "jenis": "Teguran lisan", "mulai": "2024-06-01", "selesai": "2024-01-01"}
        r = clients["hr"].post(url, data)
        assert r.status_code == 200
        assert "selesai" in r.context["form"].errors
        assert not HukumanDisiplin.objects.exists()

    def test_hr_records_and_corrects_a_predicate(self, clients, org):
        url = reverse("pegawai:kinerja_baru", args=[org.anggota.pk])
        assert clients["hr"].post(url, {"tahun": 2023, "predikat": "BAIK"}).status_code == 302
        data = {"tahun": 2023, "predikat": "SANGAT_BAIK", "ganti": "on"}
        assert clients["hr"].post(url, data).status_code == 302
        k = KinerjaTahunan.objects.get(pegawai=org.anggota)
        assert (k.tahun, k.predikat) == (2023, "SANGAT_BAIK")
        ringkasan = list(CatatanAudit.objects.filter(aksi="pegawai.kinerja_ganti").values_list("ringkasan", flat=True))
        assert any("diganti: Baik (dicatat oleh" in r and r.endswith("menjadi Sangat Baik") for r in ringkasan)

    def test_future_year_is_refused(self, clients, org):
        url = reverse("pegawai:kinerja_baru", args=[org.anggota.pk])
        r = clients["hr"].post(url, {"tahun": date.today().year + 1, "predikat": "BAIK"})
        assert r.status_code == 200
        assert "tahun" in r.context["form"].errors


# --- Django admin for reference data ------------------------------------------------------


class TestAdmin:
    @pytest.fixture
    def admin(self, client, org):
        from pegawai.models import User

        client.force_login(User.objects.create_superuser("199001012015011001", "rahasia-123"))
        return client

    def test_every_pegawai_model_page_opens(self, admin, org):
        from django.contrib import admin as django_admin

        HukumanDisiplin.objects.create(
            pegawai=org.anggota, tingkat="RINGAN", jenis="Teguran", mulai=date(2024, 1, 1), selesai=date(2024, 2, 1)
        )
        KinerjaTahunan.objects.create(pegawai=org.anggota, tahun=2024, predikat=Predikat.BAIK)
        CatatanAudit.objects.create(aksi="x", objek_tipe="pegawai.pegawai", objek_id="1", ringkasan="x")
        models = [m for m in django_admin.site._registry if m._meta.app_label in ("pegawai", "inti")]
        assert len(models) >= 12
        for model in models:
            info = (model._meta.app_label, model._meta.model_name)
            assert admin.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, model
            obj = model.objects.first()
            if obj is not None:
                assert admin.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk])).status_code == 200, model

    def test_people_records_are_read_only_and_audit_is_untouchable(self, admin, org):
        assert admin.get(reverse("admin:pegawai_pegawai_add")).status_code == 403
        assert admin.get(reverse("admin:inti_catatanaudit_add")).status_code == 403
        audit = CatatanAudit.objects.create(aksi="x", objek_tipe="t", objek_id="1", ringkasan="asli")
        admin.post(reverse("admin:inti_catatanaudit_change", args=[audit.pk]), {"ringkasan": "palsu"})
        audit.refresh_from_db()
        assert audit.ringkasan == "asli"

    def test_user_admin_creates_an_account_by_nip(self, admin):
        from pegawai.models import User

        r = admin.post(
            reverse("admin:pegawai_user_add"),
            {"nip": "199202022015022002", "email": "", "peran": "PPK", "usable_password": "false"},
        )
        assert r.status_code == 302, r.context["adminform"].form.errors
        user = User.objects.get(nip="199202022015022002")
        assert (user.peran, user.has_usable_password()) == ("PPK", False)

    def test_reference_data_edits_are_audited(self, admin, org):
        r = admin.post(
            reverse("admin:pegawai_unitkerja_change", args=[org.lain.pk]),
            {"kode": org.lain.kode, "nama": "Dinas Sosial Kota", "jenis": "OPD", "alamat": "", "aktif": "on"},
        )
        assert r.status_code == 302
        audit = CatatanAudit.objects.get(aksi="admin.ubah", objek_id=str(org.lain.pk))
        assert audit.perubahan == {"kolom": ["nama"]}
