"""A report of a job over many objects (`inti.laporan`) and how the daily commands print it and read
their reference day (`inti.management.harian`)."""

from dataclasses import dataclass
from datetime import date
from io import StringIO

import pytest
from django.core.management.base import BaseCommand, CommandError

from inti.laporan import GALAT, PERINGATAN, Laporan, hasil
from inti.management.harian import tanggal_acuan, tulis_laporan


@dataclass
class LaporanContoh(Laporan):
    diterapkan: list[str] = hasil("Diterapkan")
    ditahan: list[str] = hasil("Perlu ditinjau", PERINGATAN)
    gagal: list[str] = hasil("Gagal", GALAT)


def test_setiap_laporan_punya_daftarnya_sendiri():
    a, b = LaporanContoh(), LaporanContoh()
    a.diterapkan.append("x")
    assert b.diterapkan == []


def test_ringkasan_menghitung_setiap_hasil_berurutan():
    lap = LaporanContoh(diterapkan=["a", "b"], gagal=["c"])
    assert str(lap) == "2 diterapkan, 0 perlu ditinjau, 1 gagal"


def test_tulis_laporan_baris_per_objek_dengan_gaya_hasilnya():
    out = StringIO()
    cmd = BaseCommand(stdout=out, no_color=True)
    gaya = []
    cmd.style.SUCCESS = lambda t: gaya.append("ok") or t
    cmd.style.WARNING = lambda t: gaya.append("warn") or t
    cmd.style.ERROR = lambda t: gaya.append("err") or t
    tulis_laporan(cmd, LaporanContoh(diterapkan=["A"], ditahan=["B: berubah"], gagal=["C: ditolak"]))
    assert out.getvalue().splitlines() == [
        "Diterapkan: A",
        "Perlu ditinjau: B: berubah",
        "Gagal: C: ditolak",
        "Selesai: 1 diterapkan, 1 perlu ditinjau, 1 gagal.",
    ]
    assert gaya == ["ok", "warn", "err"]


@pytest.mark.parametrize("teks, hari", [("2024-02-29", date(2024, 2, 29)), ("2026-12-31", date(2026, 12, 31))])
def test_tanggal_acuan(teks, hari):
    assert tanggal_acuan(teks) == hari


@pytest.mark.parametrize("teks", ["2025-02-29", "31-12-2026", "besok"])
def test_tanggal_acuan_yang_tidak_ada_ditolak_dengan_namanya(teks):
    with pytest.raises(CommandError, match=f"Tanggal {teks} tidak dikenal"):
        tanggal_acuan(teks)
