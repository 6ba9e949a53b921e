"""Writing: the employee list in the import's own columns (so an export re-imports with no
change), and an empty template per kind of import.

The list goes through inti.lembar, the one spreadsheet writer: rows stream (CSV line by line, XLSX
in write-only mode), text that looks like a formula stays text. The template is written with
openpyxl directly: it pre-formats a thousand empty rows per column (text, date or number, so
Excel keeps an 18-digit NIP as typed) and wraps the notes sheet, which a `Tabel` of values cannot
say; every text in it comes from the code, none from the database."""

from collections.abc import Iterable, Iterator
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from inti.lembar import FORMAT_TANGGAL, Tabel

from ..models import GOLONGAN_PPPK, PANGKAT_PNS, Jabatan, Kompetensi, Pegawai, UnitKerja
from .dasar import JenisImpor, Kolom
from .jenis.pegawai import ImporPegawai, nilai_ekspor
from .jenis.pegawai_nilai import golongan
from .nilai import Bilangan, Desimal, Pilihan, tanggal, ya_tidak

BARIS_TEMPLAT = 1001


def daftar_pilihan(kol: Kolom) -> list[str] | None:
    """The values a coded column offers as an Excel drop-down list (None: free text)."""
    if isinstance(kol.ubah, Pilihan):
        return kol.ubah.tampil
    if kol.ubah is golongan:
        return [*PANGKAT_PNS, *GOLONGAN_PPPK]
    if kol.ubah is ya_tidak:
        return ["Ya", "Tidak"]
    if kol.kunci == "unit":
        return list(UnitKerja.objects.filter(aktif=True).order_by("kode").values_list("kode", flat=True))
    if kol.kunci == "jabatan":
        return list(Jabatan.objects.order_by("nama").values_list("nama", flat=True))
    if kol.kunci == "kompetensi":
        return list(Kompetensi.objects.order_by("nama").values_list("nama", flat=True))
    return None


def _pasang_daftar(wb, ws, spec: type[JenisImpor]) -> None:
    """Drop-down lists for coded columns, from a hidden 'Daftar' sheet (a list longer than
    Excel's 255 characters cannot be written inline). A warning, not a stop: names match
    without regard to case, and `-` clears."""
    daftar, n = None, 0
    for i, kol in enumerate(spec.kolom, start=1):
        nilai = daftar_pilihan(kol)
        if not nilai:
            continue
        if daftar is None:
            daftar = wb.create_sheet("Daftar")
            daftar.sheet_state = "hidden"
        n += 1
        kolom = get_column_letter(n)
        daftar[f"{kolom}1"] = kol.nama
        for r, v in enumerate(nilai, start=2):
            daftar[f"{kolom}{r}"] = v
        dv = DataValidation(
            type="list",
            formula1=f"=Daftar!${kolom}$2:${kolom}${len(nilai) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            error=_("Nilai ini tidak ada di daftar; periksa ejaannya."),
        )
        ws.add_data_validation(dv)
        huruf = get_column_letter(i)
        dv.add(f"{huruf}2:{huruf}{BARIS_TEMPLAT}")


_TEBAL = Font(bold=True, color="FFFFFF")
_LATAR = PatternFill("solid", fgColor="0D4A8F")
_LEBAR_PEGAWAI = [21, 30, 12, 16, 8, 13, 8, 10, 40, 16, 13, 22, 28]


def judul_pegawai() -> list[str]:
    return [k.nama for k in ImporPegawai.kolom]


def baris_pegawai(pegawai: Iterable[Pegawai]) -> Iterator[list[Any]]:
    """One row per employee (from `with_posisi()`), in the import's column order. NIP and codes
    are text; dates are dates."""
    kunci = [k.kunci for k in ImporPegawai.kolom]
    for p in pegawai:
        nilai = nilai_ekspor(p)
        yield [nilai[k] for k in kunci]


def tabel_pegawai(pegawai: Iterable[Pegawai]) -> Tabel:
    return Tabel(judul=_("Pegawai"), kepala=judul_pegawai(), baris=baris_pegawai(pegawai), lebar=_LEBAR_PEGAWAI)


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
                fmt = FORMAT_TANGGAL
            elif isinstance(kol.ubah, Bilangan | Desimal):
                fmt = "General"
            else:
                fmt = "@"
            for r in range(2, BARIS_TEMPLAT + 1):
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
        petunjuk.append(
            [_("Sel kosong: nilai tersimpan tidak diubah. Tulis - untuk mengosongkan kolom yang tidak wajib.")]
        )
        _pasang_daftar(wb, ws, spec)
        wb.save(keluaran)
