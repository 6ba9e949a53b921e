"""Reads of acting officials (Plh./Plt.): who acts for whom today (the one rule every role check
uses, through `pegawai.akses.peran_user`), HR's list, and one delegation for a page."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import F, IntegerField, Q, QuerySet, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.masukan import id_aman

from ..models import Pegawai, PenggantiPejabat, Peran, PeranPejabat, UnitKerja

if TYPE_CHECKING:
    from ..models import User

_RELASI = ("yang_digantikan", "yang_digantikan__akun", "pengganti", "pengganti__akun", "unit", "dibuat_oleh")


def _berlaku_untuk(pegawai_id: int, pada: date) -> QuerySet[PenggantiPejabat]:
    """The rule: recorded, not cancelled, `pada` within mulai..selesai, the acting person active, and
    the delegation still meaning something: for a unit head, the official still heads the (active)
    unit; for the PPK, the official's account is still an active PPK."""
    masih = Q(peran=PeranPejabat.KEPALA, unit__aktif=True, unit__kepala_id=F("yang_digantikan_id")) | Q(
        peran=PeranPejabat.PPK, yang_digantikan__akun__is_active=True, yang_digantikan__akun__peran=Peran.PPK
    )
    return PenggantiPejabat.objects.berlaku(pada).filter(masih, pengganti_id=pegawai_id, pengganti__aktif=True)


def _dengan_relasi(ids: list[int]) -> list[PenggantiPejabat]:
    return list(PenggantiPejabat.objects.filter(pk__in=ids).select_related(*_RELASI).order_by("selesai", "id"))


def bertindak_untuk(user: User | None, pada: date | None = None) -> list[PenggantiPejabat]:
    """The delegations `user` (an active account of an employee) acts under on `pada` (default
    today), by `_berlaku_untuk`."""
    pegawai = getattr(user, "pegawai", None) if getattr(user, "is_authenticated", False) else None
    if pegawai is None or not user.is_active:
        return []
    return _dengan_relasi(list(_berlaku_untuk(pegawai.pk, pada or timezone.localdate()).values_list("id", flat=True)))


def kepala_dan_pengganti(pegawai_id: int, pada: date | None = None) -> tuple[frozenset[int], list[PenggantiPejabat]]:
    """For `peran_user`: the active units this employee heads as the official, and the delegations
    they act under on `pada` (`bertindak_untuk`'s rule). One query (a UNION) for everyone who acts
    for nobody; one more, for the delegations' details, for those who do."""
    unit = UnitKerja.objects.filter(kepala_id=pegawai_id, aktif=True).order_by()
    delegasi = _berlaku_untuk(pegawai_id, pada or timezone.localdate()).order_by()
    baris = list(
        unit.annotate(j=Value(0, output_field=IntegerField()))
        .values_list("id", "j")
        .union(delegasi.annotate(j=Value(1, output_field=IntegerField())).values_list("id", "j"), all=True)
        .order_by()
    )
    ids = [i for i, j in baris if j == 1]
    return frozenset(i for i, j in baris if j == 0), (_dengan_relasi(ids) if ids else [])


def pengganti_daftar(status: str = "aktif", pada: date | None = None) -> QuerySet[PenggantiPejabat]:
    """HR's list. `status`: "aktif" (in force or starting later), "lalu" (ended or cancelled), else all."""
    pada = pada or timezone.localdate()
    qs = PenggantiPejabat.objects.select_related(*_RELASI)
    if status == "aktif":
        return qs.filter(dibatalkan_pada__isnull=True, selesai__gte=pada).order_by("mulai", "id")
    if status == "lalu":
        return qs.filter(Q(dibatalkan_pada__isnull=False) | Q(selesai__lt=pada)).order_by("-selesai", "-id")
    return qs.order_by("-mulai", "-id")


def pengganti_milik(pegawai_id: int | None, pada: date | None = None) -> QuerySet[PenggantiPejabat]:
    """An official's own delegations not ended yet (their "Saya berhalangan" page lists them)."""
    pada = pada or timezone.localdate()
    return (
        PenggantiPejabat.objects.filter(yang_digantikan_id=pegawai_id, dibatalkan_pada__isnull=True, selesai__gte=pada)
        .select_related(*_RELASI)
        .order_by("mulai", "id")
    )


def pengganti_ambil(pk: int) -> PenggantiPejabat:
    return get_object_or_404(PenggantiPejabat.objects.select_related(*_RELASI), pk=pk)


def jabatan_pilihan(pegawai_id: int | None = None) -> list[tuple[str, str]]:
    """The posts someone may act for, as (value, label) for a select: "kepala:<unit id>" for each
    active unit with an active head, "ppk:<employee id>" for each active PPK account. With
    `pegawai_id`: only that official's own posts (their "Saya berhalangan" page)."""
    unit = UnitKerja.objects.filter(aktif=True, kepala__isnull=False, kepala__aktif=True).select_related("kepala")
    ppk = Pegawai.objects.filter(aktif=True, akun__peran=Peran.PPK, akun__is_active=True)
    if pegawai_id is not None:
        unit, ppk = unit.filter(kepala_id=pegawai_id), ppk.filter(pk=pegawai_id)
    hasil = [
        (f"ppk:{p.pk}", _("Pejabat Pembina Kepegawaian: %(nama)s") % {"nama": p.nama_lengkap})
        for p in ppk.order_by("nama")
    ]
    hasil += [
        (f"kepala:{u.pk}", _("Kepala %(unit)s: %(nama)s") % {"unit": u.nama, "nama": u.kepala.nama_lengkap})
        for u in unit.order_by("nama")
    ]
    return hasil


def jabatan_baca(nilai: str) -> tuple[str, UnitKerja | None, Pegawai] | None:
    """A value of `jabatan_pilihan` as (peran, unit, official), or None when it names nothing."""
    jenis, _sep, teks = (nilai or "").partition(":")
    pk = id_aman(teks)
    if pk is None:
        return None
    if jenis == PeranPejabat.KEPALA:
        unit = UnitKerja.objects.filter(pk=pk, kepala__isnull=False).select_related("kepala").first()
        return (PeranPejabat.KEPALA, unit, unit.kepala) if unit else None
    if jenis == PeranPejabat.PPK:
        p = Pegawai.objects.filter(pk=pk).first()
        return (PeranPejabat.PPK, None, p) if p else None
    return None
