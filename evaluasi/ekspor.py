"""The impact report as an XLSX workbook: one sheet per table of the report, and the detail.

Written through `inti.lembar` (the one spreadsheet writer), so a unit or employee name that starts
with `=` is a text cell, never a formula."""

from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.lembar import Tabel, respons_xlsx
from mutasi.models import DasarMutasi, UsulanMutasi

from .selectors.dampak import Kelompok, LaporanDampak

LEBAR_KELOMPOK = (40, 14, 18, 12, 10, 12, 22, 12, 10, 12)


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


def _tabel_kelompok(judul: str, kolom: str, kelompok: list[Kelompok]) -> Tabel:
    return Tabel(judul, _kepala_kelompok(kolom), [_baris_kelompok(k) for k in kelompok], LEBAR_KELOMPOK)


def _tabel_formasi(laporan: LaporanDampak) -> Tabel:
    return Tabel(
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
        (40, 12, 14, 14, 18, 18, 16, 16, 16, 16),
    )


def _tabel_rincian(laporan: LaporanDampak) -> Tabel:
    dasar = dict(DasarMutasi.choices)
    return Tabel(
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
        (
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
        ),
        (16, 20, 30, 28, 30, 30, 30, 30, 12, 18, 12, 18, 22, 22),
    )


def tabel_laporan(laporan: LaporanDampak, *, keterangan: list[str]) -> list[Tabel]:
    """The workbook's sheets: the summary (title and filters above it), the groupings, the detail."""
    judul_unit = _("OPD penerima") if laporan.per_opd else _("Unit penerima")
    daftar = [
        Tabel(
            _("Ringkasan"),
            _kepala_kelompok(_("Kelompok")),
            [_baris_kelompok(laporan.total)],
            LEBAR_KELOMPOK,
            pengantar=[_("Laporan dampak mutasi"), *keterangan, ""],
        ),
        _tabel_kelompok(_("Per unit penerima"), judul_unit, laporan.per_unit),
        _tabel_kelompok(_("Per dasar mutasi"), _("Dasar mutasi"), laporan.per_dasar),
        _tabel_kelompok(_("Per tahun TMT"), _("Tahun TMT"), laporan.per_tahun),
        _tabel_formasi(laporan),
    ]
    if laporan.pelatihan is not None:
        daftar.append(_tabel_kelompok(_("Pelatihan vs hasil"), _("Penyelesaian pelatihan"), laporan.pelatihan))
    daftar.append(_tabel_rincian(laporan))
    return daftar


def respons_laporan(laporan: LaporanDampak, *, keterangan: list[str]) -> FileResponse:
    """The download: dampak-mutasi-YYYYMMDD.xlsx."""
    nama = f"dampak-mutasi-{timezone.localdate():%Y%m%d}.xlsx"
    return respons_xlsx(nama, tabel_laporan(laporan, keterangan=keterangan))
