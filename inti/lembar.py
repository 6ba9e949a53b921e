"""The one spreadsheet writer: every export of every app (XLSX and CSV) goes through here.

Formula guard: a text value starting with `=`, `+`, `-`, `@`, tab or CR is never a live formula.
In XLSX it is stored as a text cell with its exact value (so an export re-imports unchanged);
in CSV, which has no cell types, it gets a leading apostrophe (the OWASP advice), which the
importer strips again. Numbers and dates stay numbers and dates.

XLSX is written in openpyxl's write-only mode (memory stays flat whatever the row count); CSV
streams line by line, UTF-8 with a BOM so Excel opens it with the right characters.
"""

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
FORMAT_TANGGAL = "yyyy-mm-dd"
JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_TEBAL = Font(bold=True, color="FFFFFF")
_LATAR = PatternFill("solid", fgColor="0D4A8F")
_JUDUL = Font(bold=True, size=13)


def tampak_rumus(nilai: Any) -> bool:
    return isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS)


def teks_csv(nilai: Any) -> Any:
    """A CSV cell: dates as YYYY-MM-DD, formula-looking text behind an apostrophe."""
    if isinstance(nilai, datetime):
        return nilai.strftime("%Y-%m-%d %H:%M")
    if isinstance(nilai, date):
        return nilai.isoformat()
    if nilai is None:
        return ""
    if tampak_rumus(nilai):
        return "'" + nilai
    return nilai


@dataclass
class Tabel:
    """One sheet: optional lines above the header (a title, notes), the header, the rows."""

    judul: str
    kepala: Sequence[str]
    baris: Iterable[Sequence[Any]]
    lebar: Sequence[int] = ()
    pengantar: Sequence[str] = field(default_factory=tuple)


def _sel(ws, nilai: Any) -> WriteOnlyCell:
    if isinstance(nilai, datetime) and nilai.tzinfo is not None:
        nilai = nilai.replace(tzinfo=None)  # Excel has no time zones; values are local already
    c = WriteOnlyCell(ws, value=nilai)
    if isinstance(nilai, str):
        c.data_type = "s"  # text, never a formula, whatever it starts with
        c.number_format = "@"
    elif isinstance(nilai, datetime):
        c.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(nilai, date):
        c.number_format = FORMAT_TANGGAL
    return c


def xlsx_tulis(tabel: Tabel | Sequence[Tabel], keluaran: IO[bytes]) -> None:
    """Write one workbook, a sheet per table, the header bold on blue and frozen."""
    daftar = [tabel] if isinstance(tabel, Tabel) else list(tabel)
    wb = Workbook(write_only=True)
    for t in daftar:
        ws = wb.create_sheet(str(t.judul)[:31])
        for i, w in enumerate(t.lebar, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = f"A{len(t.pengantar) + 2}"
        for j, teks in enumerate(t.pengantar):
            c = _sel(ws, str(teks))
            if j == 0:
                c.font = _JUDUL
            ws.append([c])
        kepala = []
        for teks in t.kepala:
            c = _sel(ws, str(teks))
            c.font, c.fill = _TEBAL, _LATAR
            kepala.append(c)
        ws.append(kepala)
        for b in t.baris:
            ws.append([_sel(ws, v) for v in b])
    wb.save(keluaran)


class _Gema:
    """A file-like object whose write returns the text, for streaming csv.writer output."""

    def write(self, teks: str) -> str:
        return teks


def csv_baris(kepala: Sequence[str], baris: Iterable[Sequence[Any]], *, pemisah: str = ",") -> Iterator[str]:
    """The CSV lines (the first with a BOM), for streaming."""
    writer = csv.writer(_Gema(), delimiter=pemisah, lineterminator="\r\n")
    yield "\ufeff" + writer.writerow([teks_csv(str(k)) for k in kepala])
    for b in baris:
        yield writer.writerow([teks_csv(v) for v in b])


def respons_xlsx(nama_berkas: str, tabel: Tabel | Sequence[Tabel]) -> FileResponse:
    """A download of the workbook, spooled through a temporary file (large exports stay off the heap)."""
    berkas = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (closed by the response)
    xlsx_tulis(tabel, berkas)
    berkas.seek(0)
    return FileResponse(berkas, as_attachment=True, filename=nama_berkas, content_type=JENIS_XLSX)


def respons_csv(
    nama_berkas: str, kepala: Sequence[str], baris: Iterable[Sequence[Any]], *, pemisah: str = ","
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_baris(kepala, baris, pemisah=pemisah), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{nama_berkas}"'
    return response
