"""Files refused as a whole, with a clear message and nothing written; and the cell parsers."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from pegawai.impor.berkas import BerkasDitolak, buka_tabel
from pegawai.impor.mesin import proses
from pegawai.impor.nilai import Bilangan, Desimal, NilaiSalah, tanggal
from pegawai.models import Pegawai
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, bytes_xlsx, sebagai_tabel, teks_csv

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


@pytest.fixture
def ruj(db):
    return buat_rujukan()


def tolak(tmp_path, nama: str, isi: bytes) -> str:
    path = tmp_path / nama
    path.write_bytes(isi)
    hasil = proses(path, nama, "pegawai")
    assert hasil.ditolak and len(hasil.galat) == 1
    assert hasil.galat[0].baris is None
    return str(hasil.galat[0])


def test_wrong_type_by_extension(ruj, tmp_path):
    assert tolak(tmp_path, "data.txt", b"NIP\n1") == "Jenis file .txt tidak didukung. Unggah file .xlsx atau .csv."
    assert tolak(tmp_path, "data.xls", b"x") == (
        "Format .xls (Excel 97-2003) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx atau CSV."
    )
    assert tolak(tmp_path, "data", b"x").startswith("Jenis file (tanpa ekstensi) tidak didukung")


def test_png_renamed_to_xlsx_or_csv(ruj, tmp_path):
    assert tolak(tmp_path, "foto.xlsx", PNG) == (
        "File foto.xlsx bukan XLSX yang sah: isinya gambar PNG. Simpan ulang dari Excel sebagai .xlsx."
    )
    assert tolak(tmp_path, "foto.csv", PNG) == "File foto.csv bukan CSV: isinya gambar PNG."


def test_csv_renamed_to_xlsx_and_xlsx_renamed_to_csv(ruj, tmp_path):
    assert tolak(tmp_path, "data.xlsx", b"NIP,Nama\n1,2\n") == (
        "File data.xlsx bukan XLSX yang sah: isinya teks biasa (mungkin CSV). Simpan ulang dari Excel sebagai .xlsx."
    )
    xlsx = bytes_xlsx(sebagai_tabel([baris_pegawai(1)]))
    assert tolak(tmp_path, "data.csv", xlsx) == (
        "File data.csv bukan CSV: isinya arsip ZIP (misalnya XLSX atau DOCX). "
        "Jika ini file Excel, ubah ekstensinya menjadi .xlsx."
    )


def test_zip_that_is_not_a_workbook(ruj, tmp_path):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    assert tolak(tmp_path, "surat.xlsx", buf.getvalue()) == (
        "File surat.xlsx adalah arsip ZIP tetapi bukan buku kerja Excel (misalnya dokumen Word)."
    )


def test_binary_garbage_named_csv(ruj, tmp_path):
    assert tolak(tmp_path, "x.csv", b"abc\x00\x01\x02def") == "File x.csv bukan file teks CSV (berisi data biner)."


def test_empty_files(ruj, tmp_path):
    assert tolak(tmp_path, "kosong.csv", b"") == "File kosong.csv kosong (0 byte)."
    assert tolak(tmp_path, "spasi.csv", b"\xef\xbb\xbf\r\n  \r\n") == (
        "File spasi.csv kosong: tidak ada baris judul maupun data."
    )
    assert (
        tolak(tmp_path, "kosong.xlsx", bytes_xlsx([])) == "File kosong.xlsx kosong: tidak ada baris judul maupun data."
    )
    judul_saja = teks_csv(sebagai_tabel([baris_pegawai(1)])[:1]).encode()
    assert tolak(tmp_path, "judul.csv", judul_saja) == "File tidak berisi baris data: hanya judul kolom."


def test_over_the_size_limit(ruj, tmp_path, settings):
    settings.IMPORT_MAX_MB = 1
    isi = teks_csv(sebagai_tabel([baris_pegawai(1)])).encode() + b"x" * (1024 * 1024)
    assert tolak(tmp_path, "besar.csv", isi) == (
        "File besar.csv terlalu besar (1.0 MB); batasnya 1 MB. Pecah file menjadi beberapa bagian."
    )


def test_an_encoding_that_is_neither_utf8_nor_windows_1252(ruj, tmp_path):
    # 0x81 and 0x8D are undefined in Windows-1252 and invalid as UTF-8 here.
    # The file is read line by line now (issue 13): the unreadable line is refused by its number,
    # never stored with replacement characters.
    isi = teks_csv(sebagai_tabel([baris_pegawai(1)])).encode() + b"\x81\x8d\r\n"
    path = tmp_path / "aneh.csv"
    path.write_bytes(isi)
    hasil = proses(path, "aneh.csv", "pegawai")
    assert hasil.ditolak
    assert any(g.baris == 3 and "tidak mungkin benar" in g.pesan for g in hasil.galat)
    assert not Pegawai.objects.exists()


def test_utf16_from_excel_unicode_text_is_read(ruj, tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes(teks_csv(sebagai_tabel([baris_pegawai(1, Nama="Ayu Ōtsuka")]), pemisah="\t").encode("utf-16"))
    hasil = proses(path, "unicode.csv", "pegawai")
    assert hasil.ok, [str(g) for g in hasil.galat]
    assert (hasil.encoding, hasil.pemisah) == ("UTF-16", "\t")


def test_excel_sep_hint_line_sets_the_delimiter_and_is_not_a_row(ruj, tmp_path):
    path = tmp_path / "sep.csv"
    path.write_text(
        "sep=;\r\n" + teks_csv(sebagai_tabel([baris_pegawai(1), baris_pegawai(2, Golongan="Z")]), pemisah=";")
    )
    hasil = proses(path, "sep.csv", "pegawai")
    assert hasil.pemisah == ";"
    assert [str(g) for g in hasil.galat] == [
        "baris 3, kolom Golongan: golongan Z tidak dikenal; PNS: I/a sampai IV/e, PPPK: I sampai XVII"
    ]


def test_a_header_given_twice_is_refused(ruj, tmp_path):
    tabel = sebagai_tabel([baris_pegawai(1)])
    tabel[0].append("nip")
    tabel[1].append("1")
    path = tmp_path / "dua.csv"
    path.write_text(teks_csv(tabel))
    hasil = proses(path, "dua.csv", "pegawai")
    assert [str(g) for g in hasil.galat] == ["kolom NIP: muncul dua kali di baris judul (kolom ke-1 dan ke-14)"]


def test_nothing_is_written_on_refusal(ruj, tmp_path):
    tolak(tmp_path, "foto.xlsx", PNG)
    assert not Pegawai.objects.exists()


def test_xlsx_reads_only_the_first_sheet_and_says_so(ruj, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    for row in sebagai_tabel([baris_pegawai(1)]):
        wb.active.append(row)
    wb.create_sheet("Catatan").append(["apa saja"])
    wb.save(tmp_path / "dua.xlsx")
    hasil = proses(tmp_path / "dua.xlsx", "dua.xlsx", "pegawai")
    assert hasil.ok
    assert hasil.catatan == ["Hanya lembar pertama (Sheet) yang dibaca; 1 lembar lain diabaikan."]


def test_rows_are_numbered_as_the_spreadsheet_shows_them(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('NIP,Nama\n\n1,"dua\nbaris"\n3,x\n')
    with buka_tabel(path, "a.csv") as tabel:
        assert [n for n, _ in tabel.baris()] == [2, 3, 4]


def test_a_broken_csv_quote_is_refused_with_its_row(tmp_path, settings):
    import csv

    path = tmp_path / "a.csv"
    path.write_text("NIP,Nama\n1," + "x" * (csv.field_size_limit() + 1) + "\n")
    with pytest.raises(BerkasDitolak, match="Baris 2 bukan CSV yang sah"), buka_tabel(path, "a.csv") as tabel:
        list(tabel.baris())


# --- cell parsers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [
        ("2020-01-02", date(2020, 1, 2)),
        ("02-01-2020", date(2020, 1, 2)),
        ("02/01/2020", date(2020, 1, 2)),
        ("2020/01/02", date(2020, 1, 2)),
        ("1986-09-26 00:00:00", date(1986, 9, 26)),
        (datetime(2020, 1, 2, 10, 30), date(2020, 1, 2)),
        (date(2020, 1, 2), date(2020, 1, 2)),
        (43832, date(2020, 1, 2)),  # an Excel serial in a cell without date format
        ("", None),
    ],
)
def test_dates(nilai, hasil):
    assert tanggal(nilai) == hasil


@pytest.mark.parametrize("nilai", ["2020-13-01", "31/04/2020", "kemarin", "2020.01.02"])
def test_bad_dates(nilai):
    with pytest.raises(NilaiSalah):
        tanggal(nilai)


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [
        ("0,25", Decimal("0.25")),
        ("0.250", Decimal("0.25")),
        ("2,5", Decimal("2.50")),
        ("2.5", Decimal("2.50")),
        ("1.250,5", Decimal("1250.50")),
        ("1,250.5", Decimal("1250.50")),
        ("1.250.000", Decimal("1250000.00")),
        (0.1 + 0.2, Decimal("0.30")),
        (12, Decimal("12.00")),
    ],
)
def test_decimals_with_comma_or_point(nilai, hasil):
    assert Desimal(digit=12, tempat=2, minimum=Decimal(0))(nilai) == hasil


def test_decimal_limits():
    d = Desimal(digit=8, tempat=2, lebih_dari=Decimal(0))
    for nilai, pesan in [
        ("0", "harus lebih dari 0"),
        ("0,125", "paling banyak 2 angka di belakang koma"),
        ("1000000", "terlalu besar"),
        ("abc", "bukan angka"),
        ("1,2,3", "bukan angka"),
        ("2.400", "bisa berarti ribuan atau desimal"),
        ("2,400", "bisa berarti ribuan atau desimal"),
    ]:
        with pytest.raises(NilaiSalah, match=pesan):
            d(nilai)


def test_whole_numbers():
    b = Bilangan(1, 17)
    assert b("9") == 9 and b(9.0) == 9
    with pytest.raises(NilaiSalah, match="harus antara 1 dan 17"):
        b("18")
    with pytest.raises(NilaiSalah, match="harus bilangan bulat"):
        b("9,5")
