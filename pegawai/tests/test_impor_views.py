"""Web import (upload -> preview -> confirm), the run log, and the employee export with its
round trip. Permission tests: only HR imports; HR, PPK and unit heads export what they see."""

import csv
import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from inti.models import CatatanAudit
from pegawai.impor.ekspor import judul_pegawai
from pegawai.impor.mesin import proses
from pegawai.models import GOLONGAN_PPPK, Pegawai, RiwayatImpor, StatusAsn
from pegawai.services.impor import folder_impor
from pegawai.tests.factories import JabatanFactory, PegawaiFactory, RiwayatJabatanFactory, pegawai_di
from pegawai.tests.fixtures.impor import JUDUL_PEGAWAI, baris_pegawai, buat_rujukan, sebagai_tabel, teks_csv

BUKAN_HR = ["ppk", "kepala", "anggota", "orang_luar"]


@pytest.fixture
def ruj(org):
    return buat_rujukan()


def unggah(client, isi: bytes, nama="pegawai.csv", jenis="pegawai"):
    return client.post(reverse("impor:index"), {"jenis": jenis, "berkas": SimpleUploadedFile(nama, isi)})


def csv_bagus(*urut) -> bytes:
    return teks_csv(sebagai_tabel([baris_pegawai(i) for i in urut])).encode()


def token_dari(response) -> str:
    assert response.status_code == 302, getattr(response, "context", None) and response.context["form"].errors
    return response.url.rstrip("/").split("/")[-1]


# --- permissions ----------------------------------------------------------------------------


def _url_impor(token="0" * 32):
    return [
        reverse("impor:index"),
        reverse("impor:pratinjau", args=[token]),
        reverse("impor:galat_csv", args=[token]),
        reverse("impor:templat", args=["pegawai"]),
        reverse("impor:riwayat"),
    ]


@pytest.mark.parametrize("i", range(5))
def test_import_pages_send_anonymous_users_to_login(clients, i):
    r = clients["anon"].get(_url_impor()[i])
    assert r.status_code == 302 and r.url.startswith(reverse("login"))


@pytest.mark.parametrize("peran", BUKAN_HR)
def test_import_pages_are_forbidden_to_everyone_but_hr(clients, peran, org):
    riwayat = RiwayatImpor.objects.create(jenis="pegawai", nama_file="x.csv", oleh=org.hr.akun)
    c = clients[peran]
    for url in [*_url_impor(), reverse("impor:riwayat_detail", args=[riwayat.pk])]:
        assert c.get(url).status_code == 403, url
    for nama in ("konfirmasi", "batal"):
        assert c.post(reverse(f"impor:{nama}", args=["0" * 32])).status_code == 403
    assert unggah(c, csv_bagus(1)).status_code == 403
    assert not RiwayatImpor.objects.exclude(pk=riwayat.pk).exists()


def test_hr_sees_the_import_pages(clients, org):
    riwayat = RiwayatImpor.objects.create(jenis="pegawai", nama_file="x.csv", oleh=org.hr.akun)
    for url in [reverse("impor:index"), reverse("impor:riwayat"), reverse("impor:riwayat_detail", args=[riwayat.pk])]:
        assert clients["hr"].get(url).status_code == 200, url


def test_the_nav_entry_shows_for_hr_only(clients):
    assert "Impor data" in clients["hr"].get(reverse("beranda")).content.decode()
    assert "Impor data" not in clients["kepala"].get(reverse("beranda")).content.decode()


# --- upload -> preview -> confirm ----------------------------------------------------------


def test_upload_preview_confirm(clients, ruj, org):
    hr = clients["hr"]
    token = token_dari(unggah(hr, csv_bagus(1, 2, 3)))
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Impor").exists()  # nothing before confirming

    r = hr.get(reverse("impor:pratinjau", args=[token]))
    assert r.status_code == 200
    hasil = r.context["hasil"]
    assert (hasil.jumlah_baris, hasil.baru, hasil.ubah, hasil.sama) == (3, 3, 0, 0)
    html = r.content.decode()
    assert "Simpan ke basis data" in html and "File lolos pemeriksaan" in html
    assert (folder_impor() / f"{token}.csv").exists()

    r = hr.post(reverse("impor:konfirmasi", args=[token]))
    riwayat = RiwayatImpor.objects.get(berhasil=True)
    assert r.status_code == 302 and r.url == reverse("impor:riwayat_detail", args=[riwayat.pk])
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 3
    assert (riwayat.oleh, riwayat.nama_file, riwayat.dibuat) == (org.hr.akun, "pegawai.csv", 3)
    assert not list(folder_impor().iterdir())  # the kept upload is gone
    assert "Impor berhasil disimpan" in hr.get(r.url).content.decode()
    assert hr.post(reverse("impor:konfirmasi", args=[token])).status_code == 404  # not twice


def test_a_file_with_errors_shows_every_error_and_cannot_be_confirmed(clients, ruj, org):
    rows = [baris_pegawai(1), baris_pegawai(2, Golongan="IX"), baris_pegawai(3, NIP="198609312015051001")]
    token = token_dari(unggah(clients["hr"], teks_csv(sebagai_tabel(rows)).encode()))

    r = clients["hr"].get(reverse("impor:pratinjau", args=[token]))
    html = r.content.decode()
    assert "File ditolak; tidak ada yang disimpan." in html
    assert "golongan PNS adalah I/a sampai IV/e, bukan IX" in html
    assert "tanggal lahir di NIP (1986-09-31) bukan tanggal yang sah" in html
    assert "Simpan ke basis data" not in html
    assert clients["hr"].post(reverse("impor:konfirmasi", args=[token])).status_code == 302
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Impor").exists()
    ditolak = RiwayatImpor.objects.get()
    assert (ditolak.berhasil, ditolak.oleh, ditolak.jumlah_baris) == (False, org.hr.akun, 3)
    assert "baris 3, kolom Golongan: golongan PNS adalah I/a sampai IV/e, bukan IX" in ditolak.catatan

    r = clients["hr"].get(reverse("impor:galat_csv", args=[token]))
    baris = list(csv.reader(io.StringIO(b"".join(r.streaming_content).decode("utf-8-sig"))))
    assert baris[0] == ["Baris", "Kolom", "Kesalahan"]
    assert ["3", "Golongan", "golongan PNS adalah I/a sampai IV/e, bukan IX"] in baris


def test_confirm_checks_again_and_refuses_what_changed_since_the_preview(clients, ruj):
    token = token_dari(unggah(clients["hr"], csv_bagus(1, 2)))
    ruj.staf.delete()  # the position the file names is gone now

    r = clients["hr"].post(reverse("impor:konfirmasi", args=[token]))

    assert r.status_code == 302 and r.url == reverse("impor:pratinjau", args=[token])
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Impor").exists()
    r = clients["hr"].get(r.url)
    assert "Pemeriksaan ulang menemukan kesalahan" in r.content.decode()
    assert "jabatan Pengadministrasi Umum tidak ada di daftar jabatan" in r.content.decode()
    assert RiwayatImpor.objects.filter(berhasil=False).count() == 1


def test_another_hr_user_cannot_open_or_confirm_my_upload(clients, ruj, org):
    from django.test import Client

    token = token_dari(unggah(clients["hr"], csv_bagus(1)))
    lain = pegawai_di(org.bkpsdm, akun=True, peran="HR")
    c = Client()
    c.force_login(lain.akun)
    assert c.get(reverse("impor:pratinjau", args=[token])).status_code == 404
    assert c.post(reverse("impor:konfirmasi", args=[token])).status_code == 404
    assert c.get(reverse("impor:pratinjau", args=["..%2F" * 8])).status_code == 404
    assert c.get(reverse("impor:pratinjau", args=["Z" * 32])).status_code == 404


def test_cancel_removes_the_kept_file(clients, ruj):
    token = token_dari(unggah(clients["hr"], csv_bagus(1)))
    r = clients["hr"].post(reverse("impor:batal", args=[token]))
    assert r.status_code == 302
    assert not list(folder_impor().iterdir())
    assert clients["hr"].get(reverse("impor:pratinjau", args=[token])).status_code == 404


def test_a_refused_file_type_stays_on_the_form_and_is_logged(clients, ruj, org):
    r = unggah(clients["hr"], b"\x89PNG\r\n\x1a\nxxxx", nama="foto.png")
    assert r.status_code == 200
    assert "Jenis file .png tidak didukung. Unggah file .xlsx atau .csv." in r.content.decode()
    riwayat = RiwayatImpor.objects.get()
    assert (riwayat.berhasil, riwayat.nama_file, riwayat.oleh) == (False, "foto.png", org.hr.akun)


def test_an_oversized_upload_is_refused_by_the_form(clients, ruj, settings):
    settings.IMPORT_MAX_MB = 1
    r = unggah(clients["hr"], csv_bagus(1) + b" " * (1024 * 1024 + 1))
    assert "File terlalu besar (1.0 MB); batasnya 1 MB." in r.content.decode()
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Impor").exists()


def test_png_renamed_xlsx_is_refused_on_the_preview(clients, ruj):
    token = token_dari(unggah(clients["hr"], b"\x89PNG\r\n\x1a\n" + b"\0" * 40, nama="data.xlsx"))
    html = clients["hr"].get(reverse("impor:pratinjau", args=[token])).content.decode()
    assert "File data.xlsx bukan XLSX yang sah: isinya gambar PNG." in html
    assert not (folder_impor() / f"{token}.xlsx").exists()


def test_the_index_preselects_a_kind_and_offers_templates(clients):
    r = clients["hr"].get(reverse("impor:index") + "?jenis=tugas")
    assert r.context["form"]["jenis"].value() == "tugas"
    r = clients["hr"].get(reverse("impor:templat", args=["tugas"]))
    wb = openpyxl.load_workbook(io.BytesIO(b"".join(r.streaming_content)))
    assert [c.value for c in wb.worksheets[0][1]] == [
        "Kode Unit",
        "Jabatan",
        "Uraian Tugas",
        "Satuan Hasil",
        "Volume",
        "Norma Waktu",
    ]
    assert wb.sheetnames[1] == "Petunjuk"
    assert clients["hr"].get(reverse("impor:templat", args=["lain"])).status_code == 404


def test_an_empty_template_is_refused_as_having_no_rows(clients, tmp_path):
    r = clients["hr"].get(reverse("impor:templat", args=["pegawai"]))
    path = tmp_path / "templat.xlsx"
    path.write_bytes(b"".join(r.streaming_content))
    hasil = proses(path, "templat.xlsx", "pegawai")
    assert [str(g) for g in hasil.galat] == ["File tidak berisi baris data: hanya judul kolom."]


def test_run_log_lists_filters_and_runs_constant_queries(clients, org, django_assert_max_num_queries):
    for i in range(30):
        RiwayatImpor.objects.create(jenis="unit" if i % 2 else "pegawai", nama_file=f"f{i}.csv", oleh=org.hr.akun)
    RiwayatImpor.objects.create(jenis="pegawai", nama_file="gagal.csv", oleh=org.hr.akun, berhasil=False)
    with django_assert_max_num_queries(9):  # 8 + the notice bell's unread COUNT
        r = clients["hr"].get(reverse("impor:riwayat"))
    assert r.status_code == 200 and len(r.context["page_obj"]) == 25
    r = clients["hr"].get(reverse("impor:riwayat") + "?hasil=ditolak")
    assert [x.nama_file for x in r.context["page_obj"]] == ["gagal.csv"]
    r = clients["hr"].get(reverse("impor:riwayat") + "?jenis=unit&q=f1")
    assert {x.nama_file for x in r.context["page_obj"]} == {
        "f1.csv",
        "f11.csv",
        "f13.csv",
        "f15.csv",
        "f17.csv",
        "f19.csv",
    }
    assert "Tidak ada impor yang cocok" in clients["hr"].get(reverse("impor:riwayat") + "?q=zzz").content.decode()


# --- export ----------------------------------------------------------------------------------


def ekspor(client, fmt="csv", query=""):
    return client.get(reverse("impor:ekspor_pegawai", kwargs={"format": fmt}) + query)


def baca_csv(response, pemisah: str = ",") -> list[list[str]]:
    isi = b"".join(response.streaming_content)
    assert isi.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(isi.decode("utf-8-sig")), delimiter=pemisah))


def test_export_permissions(clients):
    assert ekspor(clients["anon"]).status_code == 302
    for peran in ("anggota", "orang_luar"):
        assert ekspor(clients[peran]).status_code == 403
    for peran in ("hr", "ppk", "kepala"):
        assert ekspor(clients[peran]).status_code == 200


def test_csv_export_has_the_import_columns_and_follows_the_filters(clients, org):
    baris = baca_csv(ekspor(clients["hr"], query=f"?unit={org.unit.pk}&page=3"))
    assert baris[0] == JUDUL_PEGAWAI == judul_pegawai()
    assert {b[0] for b in baris[1:]} == {org.kepala.nip, org.anggota.nip}
    semua = baca_csv(ekspor(clients["hr"]))
    assert len(semua) == 1 + 5
    assert CatatanAudit.objects.filter(aksi="pegawai.ekspor").count() == 2


def test_export_follows_the_activity_and_time_in_post_filters(clients, org):
    baru = pegawai_di(org.subunit, mulai=timezone.localdate() - timedelta(days=30))
    nonaktif = pegawai_di(org.subunit)
    Pegawai.objects.filter(pk=nonaktif.pk).update(aktif=False)

    def nips(query):
        return {b[0] for b in baca_csv(ekspor(clients["hr"], query=query))[1:]}

    assert nips("?masa=baru") == {baru.nip}
    assert org.anggota.nip in nips("?masa=jatuh_tempo") and baru.nip not in nips("?masa=jatuh_tempo")
    assert nonaktif.nip not in nips("") and nonaktif.nip in nips("?aktif=semua")
    assert nips("?aktif=0") == {nonaktif.nip}
    assert nips("?unit=abc&golongan=zz") == nips("")  # invalid filter values are ignored, as on the list


def test_a_unit_head_exports_only_what_they_see(clients, org):
    baris = baca_csv(ekspor(clients["kepala"]))
    assert {b[0] for b in baris[1:]} == {org.kepala.nip, org.anggota.nip}


def test_csv_export_with_semicolons_for_indonesian_excel(clients, org):
    isi = b"".join(ekspor(clients["hr"], query="?pemisah=%3B").streaming_content).decode("utf-8-sig")
    assert isi.splitlines()[0] == ";".join(JUDUL_PEGAWAI)


def test_xlsx_export_uses_text_nip_and_date_cells(clients, org):
    r = ekspor(clients["hr"], "xlsx", f"?q={org.anggota.nip}")
    assert r["Content-Disposition"].startswith('attachment; filename="pegawai-')
    ws = openpyxl.load_workbook(io.BytesIO(b"".join(r.streaming_content))).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == JUDUL_PEGAWAI
    assert rows[1][0] == org.anggota.nip  # text, all 18 digits
    assert rows[1][5].date() == org.anggota.tanggal_lahir


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_runs_a_constant_number_of_queries(clients, org, fmt):
    def hitung():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as q:
            r = ekspor(clients["hr"], fmt)
            b"".join(r.streaming_content)
        return len(q)

    sedikit = hitung()
    for _ in range(40):
        pegawai_di(org.subunit)
    assert hitung() == sedikit


def test_empty_export_still_has_the_header(clients, org):
    baris = baca_csv(ekspor(clients["hr"], query="?q=tidak-ada-yang-bernama-ini"))
    assert baris == [JUDUL_PEGAWAI]


# --- round trip ------------------------------------------------------------------------------


@pytest.fixture
def ragam(org):
    """Employees with titles, PPPK status and odd characters, to make the round trip honest."""
    jab = JabatanFactory(nama='Analis "SDM", Ahli Muda')
    a = PegawaiFactory(gelar_depan="Dr.", gelar_belakang="S.Psi., M.Si.", nama="Ayu Çahyani; Putri", email="ayu@x.id")
    RiwayatJabatanFactory(pegawai=a, unit=org.subunit, jabatan=jab, mulai=date(2018, 4, 2))
    p = PegawaiFactory(
        nip="199009132025242014",
        tanggal_lahir=date(1990, 9, 13),
        jenis_kelamin="P",
        status=StatusAsn.PPPK,
        golongan=GOLONGAN_PPPK[8],
        pendidikan="D3 Keperawatan",
    )
    RiwayatJabatanFactory(pegawai=p, unit=org.lain, jabatan=jab, mulai=date(2025, 3, 1))
    return org


@pytest.mark.parametrize(("fmt", "query"), [("csv", ""), ("csv", "?pemisah=%3B"), ("xlsx", "")])
def test_export_then_import_changes_nothing(clients, ragam, tmp_path, fmt, query):
    r = ekspor(clients["hr"], fmt, query)
    path = tmp_path / f"ekspor.{fmt}"
    path.write_bytes(b"".join(r.streaming_content))
    jumlah = Pegawai.objects.count()

    hasil = proses(path, path.name, "pegawai")

    assert hasil.ok, [str(g) for g in hasil.galat]
    assert (hasil.jumlah_baris, hasil.baru, hasil.ubah, hasil.sama) == (jumlah, 0, 0, jumlah)


# --- formula guard: text that looks like a formula stays text ------------------------------------

RUMUS = ['=HYPERLINK("http://x")', "+1", "-1", "@A1"]


@pytest.fixture
def berbahaya(org):
    """Employees whose name, title, education and position name look like formulas."""
    orang = []
    for i, teks in enumerate(RUMUS):
        jab = JabatanFactory(nama=teks)
        p = PegawaiFactory(nama=teks, gelar_depan=teks, pendidikan=teks)
        RiwayatJabatanFactory(pegawai=p, unit=org.subunit, jabatan=jab, mulai=date(2020, 1, 2 + i))
        orang.append(p)
    return orang


def _kolom(nama: str) -> int:
    return JUDUL_PEGAWAI.index(nama)


def test_xlsx_export_keeps_formula_like_text_as_text(clients, berbahaya):
    r = ekspor(clients["hr"], "xlsx")
    ws = openpyxl.load_workbook(io.BytesIO(b"".join(r.streaming_content))).worksheets[0]
    per_nip = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    for p in berbahaya:
        row = per_nip[p.nip]
        for kolom in ("Nama", "Gelar Depan", "Jabatan", "Pendidikan"):
            sel = row[_kolom(kolom)]
            assert sel.data_type == "s", (kolom, sel.value)
            assert sel.value == p.nama  # exactly as stored, no apostrophe, no formula


@pytest.mark.parametrize("pemisah", [",", ";"])
def test_csv_export_puts_an_apostrophe_before_formula_like_text(clients, berbahaya, pemisah):
    r = ekspor(clients["hr"], query="?pemisah=%3B" if pemisah == ";" else "")
    per_nip = {b[0]: b for b in baca_csv(r, pemisah)[1:]}
    for p in berbahaya:
        b = per_nip[p.nip]
        for kolom in ("Nama", "Gelar Depan", "Jabatan", "Pendidikan"):
            assert b[_kolom(kolom)] == "'" + p.nama, kolom


@pytest.mark.parametrize(("fmt", "query"), [("csv", ""), ("csv", "?pemisah=%3B"), ("xlsx", "")])
def test_formula_like_text_round_trips_unchanged(clients, berbahaya, tmp_path, fmt, query):
    path = tmp_path / f"ekspor.{fmt}"
    path.write_bytes(b"".join(ekspor(clients["hr"], fmt, query).streaming_content))
    jumlah = Pegawai.objects.count()
    hasil = proses(path, path.name, "pegawai")
    assert hasil.ok, [str(g) for g in hasil.galat]
    assert (hasil.baru, hasil.ubah, hasil.sama) == (0, 0, jumlah)


def test_only_the_guard_apostrophe_is_removed_on_import(tmp_path, ruj):
    """An apostrophe before ordinary text is data (a name like 'Ain), and stays."""
    from pegawai.impor.berkas import tanpa_pelindung

    assert [tanpa_pelindung(v) for v in ["'=1", "'+62", "'-", "'@x", "'Ain", "'", "=1", 5]] == [
        "=1",
        "+62",
        "-",
        "@x",
        "'Ain",
        "'",
        "=1",
        5,
    ]


def test_error_csv_puts_an_apostrophe_before_formula_like_text(clients, ruj):
    baris = [baris_pegawai(i) for i in range(4)]
    for b, teks in zip(baris, RUMUS, strict=True):
        b["Jenis Kelamin"] = teks  # "<value> tidak dikenal; pilihan: ..." starts with the value
    token = token_dari(unggah(clients["hr"], teks_csv(sebagai_tabel(baris)).encode()))
    r = clients["hr"].get(reverse("impor:galat_csv", args=[token]))
    assert r["Content-Disposition"] == 'attachment; filename="kesalahan-pegawai.csv"'
    pesan = [b[2] for b in baca_csv(r)[1:]]
    for teks in RUMUS:
        assert any(p.startswith("'" + teks + " tidak dikenal") for p in pesan), (teks, pesan)
