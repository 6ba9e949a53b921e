"""Imports of the records kept beside the current post: position history, sanctions,
competences and contact data (SIASN column names accepted)."""

from datetime import date

import pytest

from pegawai.impor.mesin import proses
from pegawai.models import HukumanDisiplin, Kompetensi, RiwayatJabatan
from pegawai.services.impor import impor_jalankan
from pegawai.tests.factories import pegawai_di
from pegawai.tests.fixtures.impor import buat_rujukan, tulis_csv


@pytest.fixture
def ruj(db):
    r = buat_rujukan()
    r.p = pegawai_di(r.kel, r.staf, mulai=date(2020, 1, 2))
    return r


def jalankan(tmp_path, jenis, tabel):
    path = tulis_csv(tmp_path / f"{jenis}.csv", tabel)
    return impor_jalankan(path=path, nama_file=path.name, jenis=jenis, oleh=None)[1]


def pesan(hasil):
    return [str(g) for g in hasil.galat]


def test_position_history_with_siasn_headers(ruj, tmp_path):
    tmt = ruj.p.tmt_cpns
    tabel = [
        ["NIP BARU", "UNOR NAMA", "JABATAN NAMA", "TMT JABATAN", "Selesai", "Nomor SK"],
        [ruj.p.nip, "kelurahan kalisari", "pengadministrasi umum", tmt.isoformat(), "2019-12-31", "SK/1"],
    ]
    hasil = jalankan(tmp_path, "riwayat_jabatan", tabel)
    assert hasil.ok and hasil.baru == 1, pesan(hasil)
    r = RiwayatJabatan.objects.get(pegawai=ruj.p, mulai=tmt)
    assert (r.sampai, r.nomor_sk) == (date(2019, 12, 31), "SK/1")
    # again: unchanged; an empty Nomor SK keeps it
    tabel[1][5] = ""
    assert jalankan(tmp_path, "riwayat_jabatan", tabel).sama == 1
    assert RiwayatJabatan.objects.get(pk=r.pk).nomor_sk == "SK/1"


def test_position_history_errors(ruj, tmp_path):
    tmt = ruj.p.tmt_cpns
    tabel = [
        ["NIP", "Unit Kerja", "Jabatan", "Mulai", "Selesai"],
        [ruj.p.nip, "KEL-MLY-KS", "Pengadministrasi Umum", "1990-01-01", "1991-01-01"],  # before CPNS
        [ruj.p.nip, "KEL-MLY-KS", "Pengadministrasi Umum", tmt.isoformat(), "2021-01-01"],  # overlaps the post
        [ruj.p.nip, "KEL-MLY-KS", "Pengadministrsi Umum", "2019-01-01", "2019-02-01"],  # typo
        ["199001012015031001", "KEL-MLY-KS", "Pengadministrasi Umum", "2016-01-01", "2016-02-01"],
    ]
    hasil = proses(tulis_csv(tmp_path / "r.csv", tabel), "r.csv", "riwayat_jabatan")
    assert pesan(hasil) == [
        "baris 4, kolom Jabatan: jabatan Pengadministrsi Umum tidak ada di daftar jabatan; "
        "maksud Anda Pengadministrasi Umum?",
        "baris 5, kolom NIP: pegawai dengan NIP 199001012015031001 tidak terdaftar",
        "baris 2, kolom Mulai: TMT 01-01-1990 sebelum TMT CPNS di NIP (" + ruj.p.tmt_cpns.strftime("%m-%Y") + ")",
        "baris 3, kolom Mulai: tumpang tindih dengan jabatan yang tercatat mulai 02-01-2020",
    ]


def test_sanctions(ruj, tmp_path):
    tabel = [
        ["NIP", "Tingkat Hukuman", "Jenis Hukuman", "TMT Hukuman", "Akhir Hukuman", "No SK"],
        [ruj.p.nip, "ringan", "Teguran lisan", "2024-03-01", "2024-08-31", "800/1"],
    ]
    hasil = jalankan(tmp_path, "hukuman", tabel)
    assert hasil.ok and hasil.baru == 1, pesan(hasil)
    assert HukumanDisiplin.objects.get().tingkat == "RINGAN"
    masa_depan = date.today().replace(year=date.today().year + 1).isoformat()
    tabel.append([ruj.p.nip, "Berat", "Penurunan jabatan", masa_depan, masa_depan, ""])
    tabel.append([ruj.p.nip, "Sedang", "Penundaan", "2024-05-01", "2024-04-01", ""])
    hasil = proses(tulis_csv(tmp_path / "h.csv", tabel), "h.csv", "hukuman")
    assert [(g.baris, g.kolom) for g in hasil.galat] == [(3, "Mulai"), (4, "Selesai")]
    assert "masa depan" in hasil.galat[0].pesan


def test_competences_by_name_without_case(ruj, tmp_path):
    k = Kompetensi.objects.create(nama="Analisis Kebijakan", jenis="TEKNIS")
    tabel = [["NIP", "Kompetensi"], [ruj.p.nip, "analisis  kebijakan"], [ruj.p.nip, "Analisa Kebijakan"]]
    hasil = proses(tulis_csv(tmp_path / "k.csv", tabel), "k.csv", "kompetensi")
    assert pesan(hasil) == [
        "baris 3, kolom Kompetensi: kompetensi Analisa Kebijakan tidak ada di daftar kompetensi; "
        "maksud Anda Analisis Kebijakan?"
    ]
    hasil = jalankan(tmp_path, "kompetensi", tabel[:2])
    assert hasil.ok and hasil.baru == 1
    assert list(ruj.p.kompetensi.all()) == [k]
    assert jalankan(tmp_path, "kompetensi", tabel[:2]).sama == 1


def test_contacts_empty_keeps_dash_clears(ruj, tmp_path):
    ruj.p.email, ruj.p.telepon = "lama@surabaya.go.id", "0311"
    ruj.p.save()
    hasil = jalankan(tmp_path, "kontak", [["nipBaru", "Email", "NOMOR HP"], [ruj.p.nip, "", "0812 3456"]])
    assert hasil.ok and hasil.ubah == 1, pesan(hasil)
    ruj.p.refresh_from_db()
    assert (ruj.p.email, ruj.p.telepon) == ("lama@surabaya.go.id", "0812 3456")
    hasil = jalankan(tmp_path, "kontak", [["NIP", "Email", "Telepon"], [ruj.p.nip, "-", "abc"]])
    assert pesan(hasil) == ["baris 2, kolom Telepon: nomor telepon abc berisi huruf"]
    hasil = jalankan(tmp_path, "kontak", [["NIP", "Email"], [ruj.p.nip, "-"]])
    ruj.p.refresh_from_db()
    assert hasil.ok and ruj.p.email == "" and ruj.p.telepon == "0812 3456"


@pytest.mark.parametrize(
    ("jenis", "kolom", "isi"),
    [
        ("pegawai", "Golongan", "IV/e"),
        ("hukuman", "Tingkat", "Ringan"),
        ("riwayat_jabatan", "Unit Kerja", "KEL-MLY-KS"),
    ],
)
def test_templates_have_drop_down_lists(ruj, tmp_path, jenis, kolom, isi):
    import openpyxl

    from pegawai.impor.ekspor import xlsx_templat
    from pegawai.impor.jenis import JENIS

    path = tmp_path / "t.xlsx"
    with open(path, "wb") as f:
        xlsx_templat(JENIS[jenis], f)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    huruf = next(c.column_letter for c in ws[1] if c.value == kolom)
    dv = next(d for d in ws.data_validations.dataValidation if f"{huruf}2" in d.sqref)
    daftar = wb["Daftar"]
    ref = dv.formula1.split("!")[1].replace("$", "")
    assert isi in [c.value for row in daftar[ref] for c in row]
    assert wb["Daftar"].sheet_state == "hidden"
