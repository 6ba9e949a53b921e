"""Writing: the employee list in the import's own columns (so an export re-imports with no
change), and an empty template per kind of import. Rows stream: CSV line by line, XLSX
through openpyxl's write-only mode into a temporary file."""

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from ..models import Pegawai
from .dasar import JenisImpor
from .jenis.pegawai import ImporPegawai, nilai_ekspor
from .nilai import Bilangan, Desimal, tanggal

FORMAT_TANGGAL_XLSX = "yyyy-mm-dd"
_TEBAL = Font(bold=True, color="FFFFFF")
_LATAR = PatternFill("solid", fgColor="0D4A8F")


def judul_pegawai() -> list[str]:
    return [k.nama for k in ImporPegawai.kolom]


def _baris_pegawai(p: Pegawai) -> list[Any]:
    nilai = nilai_ekspor(p)
    return [nilai[k.kunci] for k in ImporPegawai.kolom]


class _Gema:
    """A file-like object whose write returns the text, for streaming csv.writer output."""

    def write(self, teks: str) -> str:
        return teks


def csv_pegawai(pegawai: Iterable[Pegawai], *, pemisah: str = ",") -> Iterator[str]:
    """UTF-8 with a BOM so Excel opens it with the right characters; dates as YYYY-MM-DD."""
    writer = csv.writer(_Gema(), delimiter=pemisah, lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(judul_pegawai())
    for p in pegawai:
        yield writer.writerow([v.isoformat() if isinstance(v, date) else v for v in _baris_pegawai(p)])


def _lebar(ws, lebar: Iterable[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


_LEBAR_PEGAWAI = [21, 30, 12, 16, 8, 13, 8, 10, 40, 16, 13, 22, 28]


def xlsx_pegawai(pegawai: Iterable[Pegawai], keluaran: IO[bytes]) -> None:
    """Write-only workbook: memory stays flat whatever the row count. NIP is a text cell
    (a number would lose its last digits); dates are real date cells."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Pegawai"))
    _lebar(ws, _LEBAR_PEGAWAI)
    ws.freeze_panes = "A2"
    judul = []
    for teks in judul_pegawai():
        c = WriteOnlyCell(ws, value=teks)
        c.font, c.fill = _TEBAL, _LATAR
        judul.append(c)
    ws.append(judul)
    for p in pegawai:
        baris = []
        for v in _baris_pegawai(p):
            c = WriteOnlyCell(ws, value=v)
            if isinstance(v, date):
                c.number_format = FORMAT_TANGGAL_XLSX
            elif isinstance(v, str):
                c.number_format = "@"
            baris.append(c)
        ws.append(baris)
    wb.save(keluaran)


def xlsx_templat(spec: type[JenisImpor], keluaran: IO[bytes]) -> None:
    """An empty sheet with the kind's headers (text-formatted cells) and a notes sheet."""
    with override("id"):
        wb = Workbook()
        ws = wb.active
        ws.title = str(spec.label)[:31]
        ws.freeze_panes = "A2"
        for i, kol in enumerate(spec.kolom, start=1):
            c = ws.cell(row=1, column=i, value=kol.nama)
            c.font, c.fill = _TEBAL, _LATAR
            letter = c.column_letter
            ws.column_dimensions[letter].width = max(14, len(kol.nama) + 4, len(kol.contoh) + 2)
            # Text format stops Excel turning an 18-digit NIP into 1.98609E+17 or codes into dates.
            if kol.ubah is tanggal:
                fmt = FORMAT_TANGGAL_XLSX
            elif isinstance(kol.ubah, Bilangan | Desimal):
                fmt = "General"
            else:
                fmt = "@"
            for r in range(2, 1002):
                ws.cell(row=r, column=i).number_format = fmt
        petunjuk = wb.create_sheet(_("Petunjuk"))
        petunjuk.append([_("Kolom"), _("Wajib"), _("Nama lain yang diterima"), _("Keterangan"), _("Contoh")])
        for c in petunjuk[1]:
            c.font, c.fill = _TEBAL, _LATAR
        for kol in spec.kolom:
            wajib = (
                _("Ya")
                if kol.wajib and not kol.boleh_kosong
                else (_("Ya, untuk data baru") if kol.wajib else _("Tidak"))
            )
            petunjuk.append([kol.nama, wajib, ", ".join(kol.alias), str(kol.keterangan), kol.contoh])
        for kolom, w in zip("ABCDE", (18, 20, 45, 80, 30), strict=True):
            petunjuk.column_dimensions[kolom].width = w
            for c in petunjuk[kolom]:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        petunjuk.append([])
        petunjuk.append([_("Baca lembar pertama saja. Tanggal: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY atau sel tanggal.")])
        petunjuk.append([_("Isi nilai, bukan rumus. Judul kolom tidak membedakan huruf besar/kecil dan spasi.")])
        wb.save(keluaran)
