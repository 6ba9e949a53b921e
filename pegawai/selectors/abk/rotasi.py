"""The rotation watch: current posts by time in post (due for a transfer, too early to move)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from ...akses import peran_user
from ...models import (
    RiwayatJabatan,
    UnitKerja,
)
from ...pohon import unit_turunan_ids


def tahun_lalu(hari: date, tahun: int) -> date:
    """The same day `tahun` years earlier (28 February for a 29 February)."""
    try:
        return hari.replace(year=hari.year - tahun)
    except ValueError:
        return hari.replace(year=hari.year - tahun, day=28)


class KategoriRotasi:
    WAJIB = "wajib"  # at or past MUTASI_MAX_TAHUN years in the post: must be moved
    DINI = "dini"  # under MUTASI_MIN_TAHUN years: may not yet be moved
    SEMUA = "semua"


def _rotasi_dasar(user, *, unit: UnitKerja | None = None) -> QuerySet[RiwayatJabatan]:
    p = peran_user(user)
    qs = RiwayatJabatan.objects.filter(sampai__isnull=True, pegawai__aktif=True)
    if unit is not None:
        ids = unit_turunan_ids([unit.pk])
        if not p.lihat_semua:
            ids &= set(p.unit_wewenang)
        qs = qs.filter(unit_id__in=ids)
    elif not p.lihat_semua:
        qs = qs.filter(unit_id__in=p.unit_wewenang)
    return qs


def abk_rotasi(
    user, *, unit: UnitKerja | None = None, kategori: str = KategoriRotasi.WAJIB, q: str = "", hari: date | None = None
) -> QuerySet[RiwayatJabatan]:
    """Current posts by time in post, for the units the user may see (a unit with its sub-units
    when given). One query (pagination adds a count)."""
    hari = hari or date.today()
    qs = _rotasi_dasar(user, unit=unit)
    if kategori == KategoriRotasi.WAJIB:
        qs = qs.filter(mulai__lte=tahun_lalu(hari, settings.MUTASI_MAX_TAHUN)).order_by("mulai", "pegawai__nama")
    elif kategori == KategoriRotasi.DINI:
        qs = qs.filter(mulai__gt=tahun_lalu(hari, settings.MUTASI_MIN_TAHUN)).order_by("-mulai", "pegawai__nama")
    else:
        qs = qs.order_by("mulai", "pegawai__nama")
    if q.strip():
        q = q.strip()
        cond = Q(pegawai__nama__icontains=q)
        if q.replace(" ", "").isdigit():
            cond |= Q(pegawai__nip__startswith=q.replace(" ", ""))
        qs = qs.filter(cond)
    return qs.select_related("pegawai", "unit", "jabatan")


def abk_rotasi_hitung(user, *, unit: UnitKerja | None = None, hari: date | None = None) -> dict[str, int]:
    """How many employees are in each rotation category. One query."""
    hari = hari or date.today()
    return _rotasi_dasar(user, unit=unit).aggregate(
        wajib=Count("id", filter=Q(mulai__lte=tahun_lalu(hari, settings.MUTASI_MAX_TAHUN))),
        dini=Count("id", filter=Q(mulai__gt=tahun_lalu(hari, settings.MUTASI_MIN_TAHUN))),
        semua=Count("id"),
    )
