"""Reading an uploaded CSV or XLSX file as a stream of rows, with the checks that refuse a
whole file: type, content versus extension, size, emptiness, encoding.

Memory stays bounded: XLSX is read with openpyxl's read-only mode, CSV with the csv module
over a text stream; neither loads the whole sheet."""

import codecs
import csv
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula

from inti.lembar import AWALAN_RUMUS

EKSTENSI = (".xlsx", ".csv")
# Known file signatures, to say what a misnamed file really is.
_TANDA = (
    (b"\x89PNG\r\n\x1a\n", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"GIF8", "gambar GIF"),
    (b"%PDF", "dokumen PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "file Excel 97-2003 (.xls) atau file yang dilindungi kata sandi"),
    (b"PK\x03\x04", "arsip ZIP (misalnya XLSX atau DOCX)"),
    (b"Rar!", "arsip RAR"),
    (b"\x1f\x8b", "arsip GZIP"),
    (b"{\\rtf", "dokumen RTF"),
)
_BLOK = 1 << 16


class BerkasDitolak(Exception):
    """The whole file is refused; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Rumus:
    """A cell that holds a formula instead of a value (reported, never evaluated)."""

    sel: str
    teks: str

    def __str__(self):
        return self.teks


@dataclass
class Tabel:
    """An opened file: the header row, then data rows as (row number, cell values)."""

    format: str
    judul: list[Any]
    baris_judul: int
    _baris: Iterator[tuple[int, list[Any]]]
    encoding: str = ""
    pemisah: str = ""
    catatan: list[str] = field(default_factory=list)

    def baris(self) -> Iterator[tuple[int, list[Any]]]:
        return self._baris


def batas_byte() -> int:
    return settings.IMPORT_MAX_MB * 1024 * 1024


def _jenis_isi(awal: bytes) -> str | None:
    for tanda, nama in _TANDA:
        if awal.startswith(tanda):
            return nama
    return None


def periksa_nama(nama_file: str) -> str:
    """The lower-case extension, or refuse."""
    ext = os.path.splitext(nama_file or "")[1].lower()
    if ext == ".xls":
        raise BerkasDitolak(
            _("Format .xls (Excel 97-2003) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx atau CSV.")
        )
    if ext not in EKSTENSI:
        raise BerkasDitolak(
            _("Jenis file %(e)s tidak didukung. Unggah file .xlsx atau .csv.") % {"e": ext or _("(tanpa ekstensi)")}
        )
    return ext


@contextmanager
def buka_tabel(path: str | Path, nama_file: str):
    """Open `path` (uploaded as `nama_file`) for reading; raise BerkasDitolak when the file
    as a whole cannot be imported."""
    ext = periksa_nama(nama_file)
    ukuran = os.path.getsize(path)
    if ukuran == 0:
        raise BerkasDitolak(_("File %(f)s kosong (0 byte).") % {"f": nama_file})
    if ukuran > batas_byte():
        raise BerkasDitolak(
            _("File %(f)s terlalu besar (%(u).1f MB); batasnya %(m)s MB. Pecah file menjadi beberapa bagian.")
            % {"f": nama_file, "u": ukuran / 1024 / 1024, "m": settings.IMPORT_MAX_MB}
        )
    with open(path, "rb") as f:
        awal = f.read(_BLOK)
    if ext == ".xlsx":
        with _buka_xlsx(path, nama_file, awal) as tabel:
            yield tabel
    else:
        with _buka_csv(path, nama_file, awal) as tabel:
            yield tabel


# --- XLSX -------------------------------------------------------------------------


@contextmanager
def _buka_xlsx(path, nama_file: str, awal: bytes):
    import openpyxl

    if not awal.startswith(b"PK\x03\x04"):
        isi = _jenis_isi(awal) or (_("teks biasa (mungkin CSV)") if _tampak_teks(awal) else _("bukan buku kerja Excel"))
        raise BerkasDitolak(
            _("File %(f)s bukan XLSX yang sah: isinya %(i)s. Simpan ulang dari Excel sebagai .xlsx.")
            % {"f": nama_file, "i": isi}
        )
    try:
        with zipfile.ZipFile(path) as z:
            if "xl/workbook.xml" not in z.namelist():
                raise BerkasDitolak(
                    _("File %(f)s adalah arsip ZIP tetapi bukan buku kerja Excel (misalnya dokumen Word).")
                    % {"f": nama_file}
                )
    except zipfile.BadZipFile:
        raise BerkasDitolak(_("File %(f)s rusak: arsip XLSX tidak dapat dibuka.") % {"f": nama_file}) from None
    try:
        # data_only=False: a formula cell gives its formula, so it can be refused (we never evaluate).
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as e:  # openpyxl raises many kinds for a broken workbook
        raise BerkasDitolak(
            _("File %(f)s tidak dapat dibaca sebagai buku kerja Excel (%(e)s).")
            % {"f": nama_file, "e": type(e).__name__}
        ) from None
    try:
        if not wb.worksheets:
            raise BerkasDitolak(_("File %(f)s tidak berisi lembar kerja.") % {"f": nama_file})
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # some writers declare a wrong sheet size; read what is there
        rows = _baris_xlsx(ws)
        judul_no, judul = _judul(rows, nama_file)
        for sel in judul:
            if isinstance(sel, Rumus):
                raise BerkasDitolak(
                    _("Sel %(s)s di baris judul berisi rumus (%(r)s); judul kolom harus teks.")
                    % {"s": sel.sel, "r": sel.teks}
                )
        catatan = []
        if len(wb.sheetnames) > 1:
            catatan.append(
                _("Hanya lembar pertama (%(s)s) yang dibaca; %(n)s lembar lain diabaikan.")
                % {"s": ws.title, "n": len(wb.sheetnames) - 1}
            )
        yield Tabel(format="xlsx", judul=judul, baris_judul=judul_no, _baris=rows, catatan=catatan)
    finally:
        wb.close()


def tanpa_pelindung(nilai: Any) -> Any:
    """Undo the export's formula guard (inti.lembar): the apostrophe in front of text starting
    with = + - @ (tab, CR) goes, so an exported file re-imports unchanged. Any other apostrophe stays."""
    if nilai.__class__ is str and len(nilai) > 1 and nilai[0] == "'" and nilai[1] in AWALAN_RUMUS:
        return nilai[1:]
    return nilai


def _baris_xlsx(ws) -> Iterator[tuple[int, list[Any]]]:
    for nomor, row in enumerate(ws.iter_rows(), start=1):
        nilai = []
        for kolom, cell in enumerate(row, start=1):
            v = cell.value
            if getattr(cell, "data_type", None) == "f" or isinstance(v, ArrayFormula):
                teks = v.text if isinstance(v, ArrayFormula) else str(v)
                v = Rumus(sel=f"{get_column_letter(kolom)}{nomor}", teks=teks)
            else:
                # A CSV export opened in Excel and saved as XLSX keeps the apostrophe as text.
                v = tanpa_pelindung(v)
            nilai.append(v)
        # read-only mode yields every row, empty ones included, so the count is the sheet's row number
        yield nomor, nilai


def _judul(rows: Iterator[tuple[int, list[Any]]], nama_file: str) -> tuple[int, list[Any]]:
    """The first non-blank row is the header."""
    for nomor, nilai in rows:
        if any(v is not None and str(v).strip() for v in nilai):
            return nomor, nilai
    raise BerkasDitolak(_("File %(f)s kosong: tidak ada baris judul maupun data.") % {"f": nama_file})


# --- CSV ----------------------------------------------------------------------------


def _tampak_teks(awal: bytes) -> bool:
    return b"\x00" not in awal


def _encoding(path, awal: bytes, nama_file: str) -> str:
    """UTF-8 (with or without BOM) if the whole file decodes as such; UTF-16 with a BOM
    (Excel's "Unicode Text"); else Windows-1252, which Excel uses for "CSV" in Indonesia."""
    if awal.startswith(codecs.BOM_UTF8):
        kandidat = ["utf-8-sig"]
    elif awal.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    else:
        kandidat = ["utf-8", _CAMPUR]
    for enc in kandidat:
        if enc == _CAMPUR:
            return enc
        decoder = codecs.getincrementaldecoder(enc)()
        try:
            with open(path, "rb") as f:
                while blok := f.read(1 << 20):
                    decoder.decode(blok)
            decoder.decode(b"", final=True)
            return enc
        except UnicodeDecodeError:
            continue
    raise BerkasDitolak(
        _(
            "Encoding file %(f)s tidak dikenali (bukan UTF-8 maupun Windows-1252). "
            "Di Excel pilih Simpan Sebagai > CSV UTF-8."
        )
        % {"f": nama_file}
    )


_CAMPUR = "campur"  # not UTF-8 as a whole: each line is tried as UTF-8, then as Windows-1252


class _BarisCampur:
    """A text view of a CSV file whose lines may differ in encoding (sheets from two offices
    pasted together): each line is decoded as UTF-8 when it is valid UTF-8, else as
    Windows-1252. A line neither can decode refuses the file, naming it."""

    def __init__(self, f, nama_file: str):
        self.f, self.nama_file = f, nama_file
        self.nomor = 0
        self.utf8: list[int] = []  # lines with non-ASCII text read as UTF-8
        self.cp1252: list[int] = []  # ... read as Windows-1252
        self.gagal: list[int] = []

    def seek(self, pos: int) -> None:
        self.f.seek(pos)
        self.nomor = 0
        self.utf8, self.cp1252 = [], []

    def readline(self) -> str:
        return self._decode(self.f.readline())

    def __iter__(self):
        return self

    def __next__(self) -> str:
        mentah = self.f.readline()
        if not mentah:
            if self.gagal:
                raise BerkasDitolak(
                    _(
                        "File %(f)s tidak dapat dibaca: baris %(b)s bukan UTF-8 maupun Windows-1252. "
                        "Simpan ulang sebagai CSV UTF-8."
                    )
                    % {"f": self.nama_file, "b": ", ".join(map(str, self.gagal[:20]))}
                )
            raise StopIteration
        return self._decode(mentah)

    def _decode(self, mentah: bytes) -> str:
        if not mentah:
            return ""
        self.nomor += 1
        if mentah.isascii():
            return mentah.decode("ascii")
        try:
            teks = mentah.decode("utf-8")
            self.utf8.append(self.nomor)
            return teks
        except UnicodeDecodeError:
            pass
        try:
            teks = mentah.decode("cp1252")
            self.cp1252.append(self.nomor)
            return teks
        except UnicodeDecodeError:
            self.gagal.append(self.nomor)
            return mentah.decode("cp1252", errors="replace")

    def catatan(self) -> list[str]:
        if not (self.utf8 and self.cp1252):
            return []

        def daftar(xs: list[int]) -> str:
            lebih = _(" dan %(n)s lainnya") % {"n": len(xs) - 20} if len(xs) > 20 else ""
            return ", ".join(map(str, xs[:20])) + lebih

        return [
            _(
                "Encoding campuran: baris %(a)s dibaca sebagai UTF-8 dan baris %(b)s sebagai Windows-1252 "
                "(mis. lembar dari dua kantor yang digabung). Periksa ejaan huruf beraksen di pratinjau."
            )
            % {"a": daftar(self.utf8), "b": daftar(self.cp1252)}
        ]


def _pemisah(baris_pertama: str) -> str:
    """Excel writes ';' where the decimal mark is a comma (Indonesian settings), ',' elsewhere."""
    hitung = dict.fromkeys((",", ";", "\t", "|"), 0)
    dalam_kutip = False
    for ch in baris_pertama:
        if ch == '"':
            dalam_kutip = not dalam_kutip
        elif not dalam_kutip and ch in hitung:
            hitung[ch] += 1
    terbaik = max(hitung, key=lambda p: hitung[p])
    return terbaik if hitung[terbaik] else ","


@contextmanager
def _buka_csv(path, nama_file: str, awal: bytes):
    isi = _jenis_isi(awal)
    if isi:
        raise BerkasDitolak(
            _("File %(f)s bukan CSV: isinya %(i)s.") % {"f": nama_file, "i": isi}
            + (" " + _("Jika ini file Excel, ubah ekstensinya menjadi .xlsx.") if awal.startswith(b"PK") else "")
        )
    if not awal.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not _tampak_teks(awal):
        raise BerkasDitolak(_("File %(f)s bukan file teks CSV (berisi data biner).") % {"f": nama_file})
    enc = _encoding(path, awal, nama_file)
    with _buka_teks(path, enc, nama_file) as f:
        pertama = ""
        for line in f:
            if line.strip():
                pertama = line
                break
        if not pertama:
            raise BerkasDitolak(_("File %(f)s kosong: tidak ada baris judul maupun data.") % {"f": nama_file})
        f.seek(0)
        if pertama.strip().lower().startswith("sep=") and len(pertama.strip()) == 5:
            # Excel's "sep=;" hint line: not data, and Excel does not show it as a row.
            pemisah = pertama.strip()[4]
            while not f.readline().strip():
                pass
        else:
            pemisah = _pemisah(pertama)
        reader = csv.reader(f, delimiter=pemisah)
        rows = _baris_csv(reader)
        judul_no, judul = _judul(rows, nama_file)
        tabel = Tabel(
            format="csv",
            judul=judul,
            baris_judul=judul_no,
            _baris=rows,
            encoding={"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", _CAMPUR: "Windows-1252", "utf-16": "UTF-16"}[enc],
            pemisah=pemisah,
        )
        if isinstance(f, _BarisCampur):
            tabel._baris = _dengan_catatan(rows, f, tabel)
        yield tabel


def _dengan_catatan(rows, f: "_BarisCampur", tabel: Tabel):
    """Pass rows through; once read, note a mixed encoding (the engine copies notes at the end)."""
    yield from rows
    tabel.catatan.extend(f.catatan())
    if f.utf8 and f.cp1252:
        tabel.encoding = _("campuran (UTF-8 dan Windows-1252, per baris)")


@contextmanager
def _buka_teks(path, enc: str, nama_file: str):
    if enc != _CAMPUR:
        with open(path, encoding=enc, newline="") as f:
            yield f
        return
    with open(path, "rb") as f:
        yield _BarisCampur(f, nama_file)


def _baris_csv(reader) -> Iterator[tuple[int, list[Any]]]:
    # Row numbers count records (what a spreadsheet shows), not physical lines.
    nomor = 0
    try:
        for nomor, row in enumerate(reader, start=1):
            if any(sel[:1] == "'" for sel in row):
                row = [tanpa_pelindung(sel) for sel in row]
            yield nomor, row
    except csv.Error as e:
        raise BerkasDitolak(_("Baris %(n)s bukan CSV yang sah (%(e)s).") % {"n": nomor + 1, "e": e}) from None
