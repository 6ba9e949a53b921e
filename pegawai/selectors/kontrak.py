"""Reads of PPPK contract periods: an employee's current contract and the watch list of contracts
ending soon (those not yet renewed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet

from inti.kalender import bulan_penuh, tambah_bulan

from ..models import KontrakPPPK, Pegawai, StatusAsn


def pantau_bulan() -> int:
    """How far ahead the watch list looks (months): settings.KONTRAK_PPPK_PANTAU_BULAN, 6 by default."""
    return int(getattr(settings, "KONTRAK_PPPK_PANTAU_BULAN", 6))


def kontrak_pegawai(pegawai: Pegawai) -> list[KontrakPPPK]:
    """Every contract of the employee, newest first."""
    return list(pegawai.kontrak_pppk.select_related("diperpanjang_dari").order_by("-mulai"))


def kontrak_sekarang(daftar: list[KontrakPPPK], hari: date) -> KontrakPPPK | None:
    """The contract in force on `hari` (the latest started one), else the next to start."""
    berjalan = [k for k in daftar if k.mulai <= hari]
    if berjalan:
        return max(berjalan, key=lambda k: k.mulai)
    nanti = [k for k in daftar if k.mulai > hari]
    return min(nanti, key=lambda k: k.mulai) if nanti else None


@dataclass(frozen=True)
class KontrakBerakhir:
    kontrak: KontrakPPPK
    sisa_hari: int  # negative: already ended, not renewed
    sisa_bulan: int


def kontrak_berakhir(hari: date, *, bulan: int | None = None) -> QuerySet[KontrakPPPK]:
    """Contracts of active PPPK employees ending on or before `hari` + `bulan` months that have
    not been renewed, the earliest end first (ended ones not renewed come first)."""
    batas = tambah_bulan(hari, bulan if bulan is not None else pantau_bulan())
    return (
        KontrakPPPK.objects.filter(
            pegawai__aktif=True,
            pegawai__status=StatusAsn.PPPK,
            selesai__lte=batas,
            perpanjangan__isnull=True,
        )
        .select_related("pegawai")
        .order_by("selesai", "pegawai__nama")
    )


def kontrak_berakhir_baris(hari: date, *, bulan: int | None = None) -> list[KontrakBerakhir]:
    return [
        KontrakBerakhir(
            kontrak=k,
            sisa_hari=(k.selesai - hari).days,
            sisa_bulan=bulan_penuh(hari, k.selesai) if k.selesai >= hari else 0,
        )
        for k in kontrak_berakhir(hari, bulan=bulan)
    ]
