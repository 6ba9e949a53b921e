"""The rotation watch: current posts by time in post (due for a transfer, too early to move).

The rule (PP 11/2017 art. 190) counts whole years in the post by the calendar (inti.kalender):
a post held since 2024-03-01 has lasted 2 years on 2026-03-01 and 1 year the day before; one
started on 29 February completes its year on 28 February of a common year. Every page that
sorts people by time in post (the list and its export, the home page, the rotation watch, the
candidates) asks `rotasi_wajib`/`rotasi_dini` for one post, or `q_wajib`/`q_dini` for a query."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from inti.kalender import tahun_penuh, tambah_tahun

from ...akses import peran_user
from ...models import (
    RiwayatJabatan,
    UnitKerja,
)
from ...pohon import unit_turunan_ids
from ..cari import q_cari

if TYPE_CHECKING:
    from ...akses import Pengguna


def mulai_paling_lambat(hari: date, tahun: int) -> date:
    """The latest start of a post that has lasted `tahun` whole calendar years on `hari`: a post
    started on `d` has, exactly when `d <= mulai_paling_lambat(hari, tahun)` (the rule as a
    filter on a date column)."""
    batas = tambah_tahun(hari, -tahun)
    # tambah_tahun clamps 29 February: on 2025-02-28 one year back is 2024-02-28, yet a post
    # started 2024-02-29 also completes its year on 2025-02-28 (its anniversary in a common year).
    esok = batas + timedelta(days=1)
    return esok if tahun_penuh(esok, hari) >= tahun else batas


def rotasi_wajib(mulai: date, hari: date) -> bool:
    """At or past MUTASI_MAX_TAHUN whole years in the post: due for a transfer."""
    return tahun_penuh(mulai, hari) >= settings.MUTASI_MAX_TAHUN


def rotasi_dini(mulai: date, hari: date) -> bool:
    """Under MUTASI_MIN_TAHUN whole years in the post: too early to move."""
    return tahun_penuh(mulai, hari) < settings.MUTASI_MIN_TAHUN


def q_wajib(hari: date, kolom: str = "mulai") -> Q:
    """`rotasi_wajib` as a filter on the post's start-date column."""
    return Q(**{f"{kolom}__lte": mulai_paling_lambat(hari, settings.MUTASI_MAX_TAHUN)})


def q_dini(hari: date, kolom: str = "mulai") -> Q:
    """`rotasi_dini` as a filter on the post's start-date column."""
    return Q(**{f"{kolom}__gt": mulai_paling_lambat(hari, settings.MUTASI_MIN_TAHUN)})


class KategoriRotasi:
    """The bands of the rotation watch, by whole years in the post (MUTASI_MIN_TAHUN = 2 and
    MUTASI_MAX_TAHUN = 5 by default): under 2, 2 to 4, 4 to 5 ("due soon": the last year before
    the latest point), 5 and over."""

    DINI = "dini"  # under MUTASI_MIN_TAHUN years: may not yet be moved
    BOLEH = "boleh"  # MUTASI_MIN_TAHUN to a year before MUTASI_MAX_TAHUN: may be moved
    SEGERA = "segera"  # the last year before MUTASI_MAX_TAHUN: due soon
    WAJIB = "wajib"  # at or past MUTASI_MAX_TAHUN years in the post: must be moved
    SEMUA = "semua"
    PITA = (DINI, BOLEH, SEGERA, WAJIB)


def q_pita(pita: str, hari: date, kolom: str = "mulai") -> Q:
    """The filter of one band on the post's start-date column (years by the calendar)."""
    maks, minimum = settings.MUTASI_MAX_TAHUN, settings.MUTASI_MIN_TAHUN
    segera = max(minimum, maks - 1)
    if pita == KategoriRotasi.WAJIB:
        return q_wajib(hari, kolom)
    if pita == KategoriRotasi.DINI:
        return q_dini(hari, kolom)
    if pita == KategoriRotasi.SEGERA:  # segera <= years < maks
        return Q(**{f"{kolom}__lte": mulai_paling_lambat(hari, segera)}) & ~q_wajib(hari, kolom)
    if pita == KategoriRotasi.BOLEH:  # minimum <= years < segera
        return ~q_dini(hari, kolom) & Q(**{f"{kolom}__gt": mulai_paling_lambat(hari, segera)})
    return Q()


def pita_rotasi(mulai: date, hari: date) -> str:
    """The band of one post (the same rule as `q_pita`)."""
    tahun = tahun_penuh(mulai, hari)
    if tahun >= settings.MUTASI_MAX_TAHUN:
        return KategoriRotasi.WAJIB
    if tahun < settings.MUTASI_MIN_TAHUN:
        return KategoriRotasi.DINI
    if tahun >= max(settings.MUTASI_MIN_TAHUN, settings.MUTASI_MAX_TAHUN - 1):
        return KategoriRotasi.SEGERA
    return KategoriRotasi.BOLEH


def _rotasi_dasar(user: Pengguna, *, unit: UnitKerja | None = None) -> QuerySet[RiwayatJabatan]:
    p = peran_user(user)
    qs = RiwayatJabatan.objects.sekarang().filter(pegawai__aktif=True)
    if unit is not None:
        ids = unit_turunan_ids([unit.pk])
        if not p.lihat_semua:
            ids &= set(p.unit_wewenang)
        qs = qs.filter(unit_id__in=ids)
    elif not p.lihat_semua:
        qs = qs.filter(unit_id__in=p.unit_wewenang)
    return qs


def abk_rotasi(
    user: Pengguna,
    *,
    unit: UnitKerja | None = None,
    kategori: str = KategoriRotasi.WAJIB,
    q: str = "",
    hari: date | None = None,
) -> QuerySet[RiwayatJabatan]:
    """Current posts by time in post, for the units the user may see (a unit with its sub-units
    when given). One query (pagination adds a count)."""
    hari = hari or date.today()
    qs = _rotasi_dasar(user, unit=unit)
    if kategori == KategoriRotasi.DINI:
        qs = qs.filter(q_pita(kategori, hari)).order_by("-mulai", "pegawai__nama")
    elif kategori in KategoriRotasi.PITA:
        qs = qs.filter(q_pita(kategori, hari)).order_by("mulai", "pegawai__nama")
    else:
        qs = qs.order_by("mulai", "pegawai__nama")
    if q.strip():
        cond = q_cari(q, awalan="pegawai__")  # the employee list's search: titles, NIP fragments
        qs = qs.filter(cond) if cond is not None else qs.none()
    return qs.select_related("pegawai", "unit", "jabatan")


def abk_rotasi_hitung(user: Pengguna, *, unit: UnitKerja | None = None, hari: date | None = None) -> dict[str, int]:
    """How many employees are in each band (and in all). One query."""
    hari = hari or date.today()
    return _rotasi_dasar(user, unit=unit).aggregate(
        **{pita: Count("id", filter=q_pita(pita, hari)) for pita in KategoriRotasi.PITA},
        semua=Count("id"),
    )
