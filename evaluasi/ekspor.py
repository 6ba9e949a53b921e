"""The impact report as an XLSX workbook: one sheet per table of the report, and the detail."""

from typing import IO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from mutasi.models import DasarMutasi, UsulanMutasi

from .selectors.dampak import Kelompok, LaporanDampak


def _lembar(wb: Workbook, judul: str, kepala: list[str], baris: list[list], lebar: list[int] | None = None):
    ws = wb.create_sheet(judul[:31])
    ws.append(kepala)
    for c in ws[1]:
        c.font = Font(bold=True)
    for b in baris:
        ws.append(b)
    ws.freeze_panes = "A2"
    for i, w in enumerate(lebar or [], start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    return ws


def _kepala_kelompok(nama: str) -> list[str]:
    return [
        nama,
        _("Jumlah mutasi"),
        _("Dapat dibandingkan"),
        _("Meningkat"),
        _("Tetap"),
        _("Menurun"),
        _("Belum dapat dibandingkan"),
        _("% meningkat"),
        _("% tetap"),
        _("% menurun"),
    ]


def _baris_kelompok(k: Kelompok) -> list:
    return [
        k.label,
        k.jumlah,
        k.dibandingkan,
        k.naik,
        k.tetap,
        k.turun,
        k.belum,
        k.persen_naik,
        k.persen_tetap,
        k.persen_turun,
    ]


def xlsx_laporan(laporan: LaporanDampak, keluaran: IO[bytes], *, keterangan: list[str]) -> None:
    wb = Workbook()
    ringkas = wb.active
    ringkas.title = _("Ringkasan")[:31]
    ringkas.append([_("Laporan dampak mutasi")])
    ringkas["A1"].font = Font(bold=True, size=13)
    for k in keterangan:
        ringkas.append([k])
    ringkas.append([])
    ringkas.append(_kepala_kelompok(_("Kelompok")))
    for c in ringkas[ringkas.max_row]:
        c.font = Font(bold=True)
    ringkas.append(_baris_kelompok(laporan.total))
    ringkas.column_dimensions["A"].width = 40
    lebar = [40, 14, 18, 12, 10, 12, 22, 12, 10, 12]
    judul_unit = _("OPD penerima") if laporan.per_opd else _("Unit penerima")
    _lembar(
        wb, _("Per unit penerima"), _kepala_kelompok(judul_unit), [_baris_kelompok(k) for k in laporan.per_unit], lebar
    )
    _lembar(
        wb,
        _("Per dasar mutasi"),
        _kepala_kelompok(_("Dasar mutasi")),
        [_baris_kelompok(k) for k in laporan.per_dasar],
        lebar,
    )
    _lembar(
        wb, _("Per tahun TMT"), _kepala_kelompok(_("Tahun TMT")), [_baris_kelompok(k) for k in laporan.per_tahun], lebar
    )
    _lembar(
        wb,
        _("Formasi unit penerima"),
        [
            _("Unit penerima"),
            _("Mutasi masuk"),
            _("Acuan sebelum"),
            _("Dianalisis (ABK)"),
            _("Kekurangan jabatan tujuan sebelum"),
            _("Kekurangan jabatan tujuan sekarang"),
            _("Kekurangan unit sebelum"),
            _("Kekurangan unit sekarang"),
            _("Kelebihan unit sebelum"),
            _("Kelebihan unit sekarang"),
        ],
        [
            [
                f.nama,
                f.masuk,
                f.acuan,
                _("ya") if f.dianalisis else _("belum"),
                f.tujuan_kurang_sebelum,
                f.tujuan_kurang_sesudah,
                f.kekurangan_sebelum,
                f.kekurangan_sesudah,
                f.kelebihan_sebelum,
                f.kelebihan_sesudah,
            ]
            for f in laporan.formasi
        ],
        [40, 12, 14, 14, 18, 18, 16, 16, 16, 16],
    )
    if laporan.pelatihan is not None:
        _lembar(
            wb,
            _("Pelatihan vs hasil"),
            _kepala_kelompok(_("Penyelesaian pelatihan")),
            [_baris_kelompok(k) for k in laporan.pelatihan],
            lebar,
        )
    dasar = dict(DasarMutasi.choices)
    _lembar(
        wb,
        _("Rincian"),
        [
            _("Nomor usulan"),
            _("NIP"),
            _("Nama"),
            _("Dasar"),
            _("Unit asal"),
            _("Jabatan asal"),
            _("Unit tujuan"),
            _("Jabatan tujuan"),
            _("TMT"),
            _("Predikat sebelum"),
            _("Tahun predikat sebelum"),
            _("Predikat sesudah"),
            _("Sumber predikat sesudah"),
            _("Hasil"),
        ],
        [
            [
                UsulanMutasi(pk=b["id"], dibuat=b["dibuat"]).nomor,
                b["pegawai__nip"],
                b["pegawai__nama"],
                str(dasar.get(b["dasar"], b["dasar"])),
                b["asal_unit__nama"] or "",
                b["asal_jabatan__nama"] or "",
                b["tujuan_unit__nama"],
                b["tujuan_jabatan__nama"],
                b["tmt"],
                str(b["dampak"].sebelum_label),
                b["dampak"].sebelum_tahun,
                str(b["dampak"].sesudah_label),
                b["dampak"].sesudah_keterangan,
                b["dampak"].hasil_label,
            ]
            for b in laporan.rincian
        ],
        [16, 20, 30, 28, 30, 30, 30, 30, 12, 18, 12, 18, 22, 22],
    )
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if hasattr(c.value, "year") and not isinstance(c.value, int):
                    c.number_format = "DD-MM-YYYY"
    wb.save(keluaran)
