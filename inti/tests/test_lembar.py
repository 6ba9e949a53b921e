"""The one spreadsheet writer: formula-looking text is never a live formula."""

import csv
import io

import pytest
from openpyxl import load_workbook

from inti.lembar import Tabel, csv_baris, respons_csv, respons_xlsx, teks_csv, xlsx_tulis

BERBAHAYA = ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _buka(isi: bytes):
    return load_workbook(io.BytesIO(isi)).worksheets


@pytest.mark.parametrize("nilai", BERBAHAYA)
def test_xlsx_writes_formula_looking_text_as_text(nilai):
    keluaran = io.BytesIO()
    xlsx_tulis(Tabel("Uji", ["Nama", "Angka"], [[nilai, 5]]), keluaran)
    ws = _buka(keluaran.getvalue())[0]
    sel = ws["A2"]
    assert sel.data_type == "s"
    assert sel.value == nilai  # exact: an export re-imports unchanged
    assert ws["B2"].value == 5 and ws["B2"].data_type == "n"
    assert b"<f>" not in keluaran.getvalue()


@pytest.mark.parametrize("nilai", BERBAHAYA)
def test_csv_puts_an_apostrophe_before_formula_looking_text(nilai):
    assert teks_csv(nilai) == "'" + nilai
    teks = "".join(csv_baris(["Nama"], [[nilai]]))
    assert teks.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(teks[1:], newline="")))[1] == ["'" + nilai]


def test_plain_values_are_untouched():
    from datetime import date

    assert teks_csv("Ahmad") == "Ahmad"
    assert teks_csv(date(2026, 3, 1)) == "2026-03-01"
    assert teks_csv(None) == ""
    assert teks_csv(-5) == -5


def test_several_sheets_with_a_title_above_the_header():
    keluaran = io.BytesIO()
    xlsx_tulis(
        [Tabel("Satu", ["A"], [[1]], pengantar=["Laporan", "catatan"]), Tabel("Dua", ["B"], [["x"], ["y"]])], keluaran
    )
    satu, dua = _buka(keluaran.getvalue())
    assert [c.value for c in satu["A"]] == ["Laporan", "catatan", "A", 1]
    assert [c.value for c in dua["A"]] == ["B", "x", "y"]


def test_responses_are_downloads():
    r = respons_xlsx("uji.xlsx", Tabel("Uji", ["A"], [["=1"]]))
    assert r["Content-Disposition"].startswith('attachment; filename="uji.xlsx"')
    assert _buka(b"".join(r.streaming_content))[0]["A2"].data_type == "s"
    c = respons_csv("uji.csv", ["A"], [["=1"]])
    assert b"".join(c.streaming_content).decode("utf-8").endswith("'=1\r\n")
