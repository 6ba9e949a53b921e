"""Reads for login accounts: the HR page that lists employees with their account status.

An account's status is derived, never stored:
- BELUM: the employee has no account;
- DIUNDANG: invited (no usable password yet, never activated);
- AKTIF: can sign in;
- NONAKTIF: switched off (is_active is false).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import models
from django.db.models import Case, CharField, Count, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from inti.models import CatatanAudit

from ..akses import boleh_kelola_akun
from ..models import Pegawai, User
from .pegawai import pegawai_cari

if TYPE_CHECKING:
    from ..akses import Pengguna

# Audit actions that send an invitation; the latest one tells HR when the link went out.
AKSI_UNDANGAN = ("akun.buat", "akun.undang_ulang")


class StatusAkun(models.TextChoices):
    BELUM = "BELUM", _("Belum ada akun")
    DIUNDANG = "DIUNDANG", _("Diundang")
    AKTIF = "AKTIF", _("Aktif")
    NONAKTIF = "NONAKTIF", _("Dinonaktifkan")


def _belum_diaktifkan(prefix: str = "") -> Q:
    """Invited and not yet activated: no usable password and no activation time. Accounts made
    with a password (demo data, admin) count as active even though `diaktifkan` is empty."""
    return Q(**{f"{prefix}diaktifkan__isnull": True, f"{prefix}password__startswith": UNUSABLE_PASSWORD_PREFIX})


def status_akun(user: User | None) -> str:
    """The status of one account, in Python (the list computes it in SQL with the same rule)."""
    if user is None:
        return StatusAkun.BELUM
    if not user.is_active:
        return StatusAkun.NONAKTIF
    if user.diaktifkan is None and not user.has_usable_password():
        return StatusAkun.DIUNDANG
    return StatusAkun.AKTIF


def _anotasi_status(qs: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
    audit_terakhir = (
        CatatanAudit.objects.filter(
            objek_tipe=User._meta.label_lower,
            objek_id=Cast(OuterRef("akun_id"), output_field=CharField()),
            aksi__in=AKSI_UNDANGAN,
        )
        .order_by("-waktu", "-id")
        .values("waktu")[:1]
    )
    return qs.select_related("akun").annotate(
        status_akun=Case(
            When(akun__isnull=True, then=Value(StatusAkun.BELUM.value)),
            When(akun__is_active=False, then=Value(StatusAkun.NONAKTIF.value)),
            When(_belum_diaktifkan("akun__"), then=Value(StatusAkun.DIUNDANG.value)),
            default=Value(StatusAkun.AKTIF.value),
            output_field=CharField(),
        ),
        undangan_terakhir=Subquery(audit_terakhir),
    )


# Sorts of the accounts page beyond the employee list's own (?urut=).
URUTAN_AKUN = {
    "status": ("status_akun", "nama"),
    "masuk": ("akun__last_login", "nama"),
    "email": ("email", "nama"),
}


def akun_pegawai_cari(
    user: Pengguna,
    *,
    q: str = "",
    unit: int | None = None,
    email: str = "",
    peran: str = "",
    aktif: bool | None = True,
    urut: str = "nama",
) -> QuerySet[Pegawai]:
    """Employees with their account status (`status_akun`) and last invitation time
    (`undangan_terakhir`), searched and filtered; one query. Filter by status with `.filter(status_akun=...)`.
    HR only: others get an empty list (the views refuse them before this)."""
    if not boleh_kelola_akun(user):
        return Pegawai.objects.none()
    kunci = urut.lstrip("-")
    qs = _anotasi_status(pegawai_cari(user, q=q, unit=unit, aktif=aktif, urut=urut if kunci not in URUTAN_AKUN else ""))
    if email == "ada":
        qs = qs.exclude(email="")
    elif email == "kosong":
        qs = qs.filter(email="")
    if peran:
        qs = qs.filter(akun__peran=peran)
    if kunci in URUTAN_AKUN:
        desc = urut.startswith("-")
        qs = qs.order_by(*[f"-{f}" if desc else f for f in URUTAN_AKUN[kunci]])
    return qs


def siap_diundang(qs: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
    """Who can get an account now: active, has an email address, has no account."""
    return qs.filter(aktif=True, akun__isnull=True).exclude(email="")


def akun_ringkasan(qs: QuerySet[Pegawai]) -> dict[str, int]:
    """Counts per status (plus 'SIAP': can be invited now) over an annotated list; one query."""
    siap = Q(status_akun=StatusAkun.BELUM, aktif=True) & ~Q(email="")
    hasil = qs.order_by().aggregate(
        SEMUA=Count("pk"),
        SIAP=Count("pk", filter=siap),
        **{s.value: Count("pk", filter=Q(status_akun=s.value)) for s in StatusAkun},
    )
    return hasil


def akun_pegawai_ambil(user: Pengguna, pk: int) -> Pegawai:
    """One employee with their account, for the HR account page; 404 for anyone else."""
    if not boleh_kelola_akun(user):
        raise Http404
    try:
        return _anotasi_status(Pegawai.objects.with_posisi()).get(pk=pk)
    except Pegawai.DoesNotExist:
        raise Http404 from None


def akun_riwayat(pegawai: Pegawai, *, batas: int = 50) -> QuerySet[CatatanAudit]:
    """Audit rows about the employee's account, newest first."""
    if not pegawai.akun_id:
        return CatatanAudit.objects.none()
    return CatatanAudit.objects.filter(objek_tipe=User._meta.label_lower, objek_id=str(pegawai.akun_id)).select_related(
        "oleh__pegawai"
    )[:batas]
