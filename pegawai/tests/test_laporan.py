"""The reports HR prints: the rotation watch in bands (with counts, filter and XLSX), the DUK
(order, scope, XLSX, PDF) and the readable employee report beside the re-importable export."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from inti.kalender import tahun_penuh, tambah_tahun
from pegawai.models import BatasUsiaPensiun, JenisJabatan, RiwayatGolongan, RiwayatJabatan, StatusAsn
from pegawai.selectors.abk.rotasi import KategoriRotasi, pita_rotasi, q_pita
from pegawai.selectors.laporan import duk, jenjang_pendidikan, pangkat_teks
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, nip_untuk, pegawai_di

HARI = date(2026, 3, 1)


def _baca(respons) -> list[tuple]:
    isi = b"".join(respons.streaming_content) if respons.streaming else respons.content
    return list(load_workbook(io.BytesIO(isi), read_only=True).active.iter_rows(values_only=True))


# --- Rotation bands --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mulai", "pita"),
    [
        (date(2024, 3, 2), "dini"),  # 1 year 11 months: under 2
        (date(2024, 3, 1), "boleh"),  # 2 years exactly on the anniversary
        (date(2022, 3, 2), "boleh"),  # a day short of 4
        (date(2022, 3, 1), "segera"),  # 4 years: due soon
        (date(2021, 3, 2), "segera"),  # a day short of 5
        (date(2021, 3, 1), "wajib"),  # 5 years
    ],
)
def test_bands_by_calendar_years(mulai, pita):
    assert pita_rotasi(mulai, HARI) == pita


@pytest.mark.django_db
def test_band_filters_agree_with_the_band_of_each_post_every_day():
    """The database filter of each band puts every post in exactly the band `pita_rotasi` says,
    on the anniversaries and the days around them (29 February included)."""
    unit, jab = UnitKerjaFactory(), JabatanFactory()
    awal = date(2019, 2, 26)
    for i in range(0, 8 * 366, 61):
        for geser in (0, 1, 2, 3):
            pegawai_di(unit, jab, mulai=awal + timedelta(days=i + geser))
    pegawai_di(unit, jab, mulai=date(2022, 2, 28))
    posts = list(RiwayatJabatan.objects.all())
    for hari in (date(2026, 2, 28), date(2026, 3, 1), date(2027, 2, 28), HARI):
        for pita in KategoriRotasi.PITA:
            ids = set(RiwayatJabatan.objects.filter(q_pita(pita, hari)).values_list("pk", flat=True))
            assert ids == {r.pk for r in posts if pita_rotasi(r.mulai, hari) == pita}, (hari, pita)


@pytest.fixture
def pita_org(org):
    jab = JabatanFactory()
    hari = date.today()
    return {
        "dini": pegawai_di(org.unit, jab, mulai=tambah_tahun(hari, -1), nama="Satu Tahun"),
        "boleh": pegawai_di(org.unit, jab, mulai=tambah_tahun(hari, -3), nama="Tiga Tahun"),
        "segera": pegawai_di(org.subunit, jab, mulai=tambah_tahun(hari, -4) - timedelta(days=300), nama="Empat Koma"),
        "wajib": pegawai_di(org.lain, jab, mulai=tambah_tahun(hari, -6), nama="Enam Tahun"),
    }


def test_rotation_watch_counts_and_filters_by_band(clients, org, pita_org):
    url = reverse("abk:rotasi")
    r = clients["hr"].get(url, {"kategori": "segera"})
    assert [x.pegawai.pk for x in r.context["page_obj"]] == [pita_org["segera"].pk]
    hitung = r.context["hitung"]
    assert hitung["segera"] >= 1 and hitung["semua"] == 9  # the organisation's 5 and these 4
    assert sum(hitung[p] for p in KategoriRotasi.PITA) == hitung["semua"]
    assert 'id="hitung-segera"' in r.content.decode()
    r = clients["kepala"].get(url, {"kategori": "wajib"})
    assert pita_org["wajib"].pk not in [x.pegawai.pk for x in r.context["page_obj"]]  # another OPD


def test_rotation_export_is_the_band_on_screen(clients, org, pita_org):
    r = clients["hr"].get(reverse("abk:rotasi_ekspor"), {"kategori": "segera"})
    assert r.status_code == 200
    baris = _baca(r)
    assert baris[2][:3] == ("No.", "NIP", "Nama")
    data = baris[3:]
    assert [b[2] for b in data] == [pita_org["segera"].nama_lengkap]
    assert "4 tahun" in data[0][6] and "segera" in data[0][7]
    r = clients["kepala"].get(reverse("abk:rotasi_ekspor"), {"kategori": "wajib", "unit": org.lain.pk})
    assert r.status_code == 404


@pytest.mark.parametrize("nama", ["anggota", "orang_luar"])
def test_employees_may_not_export_the_rotation_watch(clients, nama):
    assert clients[nama].get(reverse("abk:rotasi_ekspor")).status_code == 403


# --- DUK ------------------------------------------------------------------------------------


def test_rank_names_and_education_levels():
    assert pangkat_teks("III/a") == "Penata Muda / III/a"
    assert pangkat_teks("IV/e") == "Pembina Utama / IV/e"
    assert pangkat_teks("VII") == "VII"
    assert jenjang_pendidikan("S-2 Manajemen") > jenjang_pendidikan("S1 Hukum") > jenjang_pendidikan("D-III Akuntansi")
    assert jenjang_pendidikan("D-III Akuntansi") > jenjang_pendidikan("SMA") > jenjang_pendidikan("")


def _pns(unit, *, golongan, lahir=date(1980, 1, 1), tmt=date(2005, 3, 1), kelas=7, pendidikan="S1", **kw):
    return pegawai_di(
        unit,
        JabatanFactory(kelas=kelas),
        golongan=golongan,
        tanggal_lahir=lahir,
        nip=nip_untuk(lahir, "L", tmt),
        pendidikan=pendidikan,
        **kw,
    )


@pytest.fixture
def duk_org(org):
    u = org.subunit
    return {
        "iva": _pns(u, golongan="IV/a", nama="Golongan Empat"),
        "kelas9": _pns(u, golongan="III/d", kelas=9, nama="Kelas Sembilan"),
        "lama": _pns(u, golongan="III/d", tmt=date(2001, 3, 1), nama="Masa Lama"),
        "baru_s2": _pns(u, golongan="III/d", pendidikan="S-2 Manajemen", nama="Baru S Dua"),
        "baru_tua": _pns(u, golongan="III/d", lahir=date(1979, 1, 1), tmt=date(2005, 3, 1), nama="Baru Tua"),
        "baru": _pns(u, golongan="III/d", nama="Baru Biasa"),
        "pppk": pegawai_di(u, golongan="IX", status=StatusAsn.PPPK, nama="Kontrak"),
    }


def test_duk_order_golongan_level_service_education_age(org, duk_org):
    baris = duk(org.hr.akun, opd=org.unit, hari=HARI)
    nama = [b.pegawai.nama for b in baris]
    harap = ["Golongan Empat", "Kelas Sembilan", "Masa Lama", "Baru S Dua", "Baru Tua", "Baru Biasa"]
    assert [n for n in nama if n in harap] == harap
    assert "Kontrak" not in nama  # PPPK have no pangkat: not in the DUK
    assert [b.no for b in baris] == list(range(1, len(baris) + 1))
    lama = next(b for b in baris if b.pegawai.nama == "Masa Lama")
    assert lama.masa_kerja == (25, 0)  # 2001-03-01 to 2026-03-01 by the calendar
    assert lama.usia == tahun_penuh(date(1980, 1, 1), HARI)


def test_duk_tmt_golongan_from_the_rank_history_and_its_order(org, duk_org):
    """TMT golongan: the latest row of the current golongan on or before the DUK's date; an earlier
    TMT ranks first among one golongan, before the position level; no row sorts last."""
    gol = RiwayatGolongan.objects.create
    gol(pegawai=duk_org["baru"], golongan="III/c", tmt=date(2012, 4, 1))
    gol(pegawai=duk_org["baru"], golongan="III/d", tmt=date(2016, 4, 1))
    gol(pegawai=duk_org["baru"], golongan="IV/a", tmt=HARI + timedelta(days=1))  # after the DUK's date
    gol(pegawai=duk_org["kelas9"], golongan="III/d", tmt=date(2020, 10, 1))
    gol(pegawai=duk_org["lama"], golongan="III/c", tmt=date(2010, 4, 1))  # not the current golongan
    baris = {b.pegawai.nama: b for b in duk(org.hr.akun, opd=org.unit, hari=HARI)}
    assert baris["Baru Biasa"].tmt_golongan == date(2016, 4, 1)
    assert baris["Kelas Sembilan"].tmt_golongan == date(2020, 10, 1)
    assert baris["Masa Lama"].tmt_golongan is None
    urut = [n for n in baris if n in ("Golongan Empat", "Baru Biasa", "Kelas Sembilan", "Masa Lama", "Baru S Dua")]
    assert urut == ["Golongan Empat", "Baru Biasa", "Kelas Sembilan", "Masa Lama", "Baru S Dua"]
    # on the page and in the spreadsheet
    from django.test import Client

    c = Client()
    c.force_login(org.hr.akun)
    html = c.get(reverse("pegawai:duk"), {"opd": org.unit.pk}).content.decode()
    assert "TMT 01-04-2016" in html and "TMT 01-10-2020" in html


def test_duk_of_an_opd_includes_its_sub_units_only(org, duk_org):
    ids = {b.pegawai.pk for b in duk(org.hr.akun, opd=org.unit, hari=HARI)}
    assert duk_org["iva"].pk in ids and org.kepala.pk in ids
    assert org.orang_luar.pk not in ids
    kota = {b.pegawai.pk for b in duk(org.hr.akun, hari=HARI)}
    assert org.orang_luar.pk in kota and ids <= kota


def test_duk_counts_training_through_the_hook(org, duk_org, settings):
    settings.LAPORAN_DIKLAT_PEGAWAI = "pegawai.tests.test_laporan.diklat_palsu"
    baris = {b.pegawai.nama: b for b in duk(org.hr.akun, opd=org.unit, hari=HARI)}
    assert baris["Baru Biasa"].diklat_jumlah == 3
    assert baris["Baru Biasa"].diklat_terakhir == "Latsar"
    # more training ranks higher among otherwise equal people
    nama = [n for n in baris if n in ("Baru Tua", "Baru Biasa")]
    assert nama == ["Baru Biasa", "Baru Tua"]


def diklat_palsu(ids):
    from pegawai.models import Pegawai

    return {p.pk: (3, "Latsar", date(2020, 1, 1)) for p in Pegawai.objects.filter(pk__in=ids, nama="Baru Biasa")}


def test_duk_page_xlsx_and_pdf(clients, org, duk_org):
    r = clients["hr"].get(reverse("pegawai:duk"), {"opd": org.unit.pk})
    assert r.status_code == 200
    assert "Golongan Empat" in r.content.decode()
    r = clients["hr"].get(reverse("pegawai:duk_xlsx"), {"opd": org.unit.pk})
    baris = _baca(r)
    assert baris[0][0].startswith("Daftar Urut Kepangkatan")
    assert "Kecamatan Mulyorejo" in baris[1][0]
    assert baris[2][:5] == ("No.", "Nama", "NIP", "Tempat, tanggal lahir", "Pangkat / Gol.")
    assert baris[3][1] == "Golongan Empat" and baris[3][4] == "Pembina / IV/a"
    r = clients["hr"].get(reverse("pegawai:duk_pdf"), {"opd": org.unit.pk})
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")


def test_unit_head_gets_their_units_only(clients, org, duk_org):
    assert clients["kepala"].get(reverse("pegawai:duk"), {"opd": org.lain.pk}).status_code == 404
    assert clients["kepala"].get(reverse("pegawai:duk_pdf"), {"opd": org.lain.pk}).status_code == 404
    r = clients["kepala"].get(reverse("pegawai:duk"))
    assert org.orang_luar.pk not in {b.pegawai.pk for b in r.context["page_obj"]}


@pytest.mark.parametrize("nama", ["anggota", "orang_luar"])
@pytest.mark.parametrize("url", ["pegawai:duk", "pegawai:duk_xlsx", "pegawai:duk_pdf", "pegawai:laporan_xlsx"])
def test_employees_are_refused_the_reports(clients, nama, url):
    assert clients[nama].get(reverse(url)).status_code == 403


def test_duk_query_count_does_not_grow_with_rows(clients, org, django_assert_max_num_queries):
    for i in range(3):
        _pns(org.unit, golongan="III/a", nama=f"Sedikit {i}")
    with django_assert_max_num_queries(30) as sedikit:
        clients["hr"].get(reverse("pegawai:duk_xlsx"))
    for i in range(40):
        _pns(org.unit, golongan="III/b", nama=f"Banyak {i}")
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        clients["hr"].get(reverse("pegawai:duk_xlsx"))


def test_duk_page_query_count_with_rank_history(clients, org, django_assert_max_num_queries):
    def tambah(n, gol):
        for i in range(n):
            p = _pns(org.unit, golongan=gol, nama=f"{gol} {i}")
            RiwayatGolongan.objects.create(pegawai=p, golongan="III/a", tmt=date(2009, 4, 1))
            RiwayatGolongan.objects.create(pegawai=p, golongan=gol, tmt=date(2013 + i % 5, 4, 1))

    tambah(3, "III/b")
    with django_assert_max_num_queries(30) as sedikit:
        assert clients["hr"].get(reverse("pegawai:duk")).status_code == 200
    tambah(40, "III/c")
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        r = clients["hr"].get(reverse("pegawai:duk"))
    assert "TMT 01-04-2013" in r.content.decode()


# --- The readable employee report ----------------------------------------------------------------


def test_readable_report_beside_the_reimportable_export(clients, org):
    BatasUsiaPensiun.objects.update_or_create(jenis=JenisJabatan.PELAKSANA, jenjang="", defaults={"usia": 58})
    p = _pns(org.subunit, golongan="III/a", nama="Dewi Lestari", gelar_belakang="S.E.", lahir=date(1980, 5, 17))
    RiwayatGolongan.objects.create(pegawai=p, golongan="III/a", tmt=date(2009, 4, 1))
    r = clients["hr"].get(reverse("pegawai:laporan_xlsx"), {"q": "Dewi Lestari, S.E."})
    assert r.status_code == 200
    baris = _baca(r)
    kepala, data = baris[2], baris[3:]
    assert len(data) == 1
    rec = dict(zip(kepala, data[0], strict=True))
    assert rec["Nama"] == "Dewi Lestari, S.E."
    assert rec["Pangkat / Gol."] == "Penata Muda / III/a"
    assert rec["TMT golongan"].date() == date(2009, 4, 1)
    assert rec["OPD"] == "Kecamatan Mulyorejo" and rec["Unit kerja"] == "Kelurahan Kalisari"
    assert rec["BUP (usia)"] == 58
    assert rec["Tanggal pensiun (BUP)"].date() == date(2038, 6, 1)
    assert rec["Masa kerja"].endswith("tahun") or "bulan" in rec["Masa kerja"]
    assert p.nip_tampil == rec["NIP"]
    # the re-importable export is unchanged: its own header, unit codes, no report columns
    from pegawai.impor.ekspor import judul_pegawai

    impor = _baca(clients["hr"].get(reverse("impor:ekspor_pegawai", kwargs={"format": "xlsx"})))
    assert list(impor[0]) == list(judul_pegawai())
