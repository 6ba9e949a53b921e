"""Signing in that resists guessing (issue 14): the pieces django-axes and Django's password
validation call by setting, and the sign-in events written to the audit trail.

- `nip_dari_permintaan`: the account a sign-in attempt is for, as axes counts it (AXES_USERNAME_CALLABLE):
  the NIP normalised exactly as the form does, so `19860926 201505 1 001` and `198609262015051001`
  are one account and spaces cannot be used to dodge the per-account lockout.
- `SandiDataPribadiValidator`: refuses a password built from the user's own name, NIP or birth date.
- the signal receivers: every sign-in, failed sign-in and sign-out is an audit row (with the address).
"""

import re
import unicodedata
from datetime import date

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext as _

from inti.models import CatatanAudit

from . import nip as nip_rules

PANJANG_BAGIAN_NAMA = 4  # shorter name parts ("Ali", "Nur") are too common to refuse on their own


def nip_dari_permintaan(request, credentials: dict | None) -> str:
    """The NIP a sign-in attempt names (form field `username`), normalised like the form does."""
    mentah = ""
    if credentials:
        mentah = credentials.get("username") or credentials.get("nip") or ""
    if not mentah and request is not None:
        mentah = request.POST.get("username", "")
    return nip_rules.normalisasi(str(mentah))[:40]


def alamat_ip(request) -> str:
    if request is None:
        return ""
    return (request.META.get("REMOTE_ADDR") or "")[:45]


def _huruf(teks: str) -> str:
    """Lower case letters and digits only, accents folded: "Fauzi, S.AP." -> "fauzisap"."""
    teks = unicodedata.normalize("NFKD", teks or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", teks.lower())


def _bentuk_tanggal(t: date) -> set[str]:
    return {t.strftime(f) for f in ("%Y%m%d", "%d%m%Y", "%d%m%y", "%y%m%d", "%m%d%Y")}


class SandiDataPribadiValidator:
    """A password may not contain the user's name (or a part of it of 4+ letters), their NIP or
    their birth date in any common order. Runs after Django's own validators (AUTH_PASSWORD_VALIDATORS)."""

    def validate(self, password: str, user=None) -> None:
        if user is None:
            return
        sandi = _huruf(password)
        pegawai = getattr(user, "pegawai", None) if getattr(user, "pk", None) else None
        nama = getattr(pegawai, "nama", "") if pegawai is not None else ""
        bagian = [b for b in (_huruf(x) for x in re.split(r"[\s,.'-]+", nama)) if len(b) >= PANJANG_BAGIAN_NAMA]
        if nama and (_huruf(nama) in sandi or any(b in sandi for b in bagian)):
            raise ValidationError(_("Kata sandi tidak boleh memuat nama Anda."), code="sandi_nama")
        nip = nip_rules.normalisasi(getattr(user, "nip", "") or "")
        if nip and (nip in sandi or (len(nip) >= 8 and nip[:8] in sandi and nip[8:14] in sandi)):
            raise ValidationError(_("Kata sandi tidak boleh memuat NIP Anda."), code="sandi_nip")
        lahir = getattr(pegawai, "tanggal_lahir", None) if pegawai is not None else None
        if lahir and any(b in sandi for b in _bentuk_tanggal(lahir)):
            raise ValidationError(_("Kata sandi tidak boleh memuat tanggal lahir Anda."), code="sandi_lahir")

    def get_help_text(self) -> str:
        return _("Kata sandi tidak boleh memuat nama, NIP, atau tanggal lahir Anda.")


def _catat(aksi: str, objek_id: str, ringkasan: str, request, oleh=None) -> None:
    CatatanAudit.objects.create(
        oleh=oleh,
        aksi=aksi,
        objek_tipe="pegawai.user",
        objek_id=objek_id[:40],
        ringkasan=ringkasan[:500],
        perubahan={"alamat": alamat_ip(request)},
    )


@receiver(user_logged_in, dispatch_uid="audit_masuk")
def _masuk(sender, request, user, **kwargs) -> None:
    _catat("akun.masuk", str(user.pk), f"Masuk: {user.nip}", request, oleh=user)


@receiver(user_logged_out, dispatch_uid="audit_keluar")
def _keluar(sender, request, user, **kwargs) -> None:
    if user is not None:
        _catat("akun.keluar", str(user.pk), f"Keluar: {user.nip}", request, oleh=user)


@receiver(user_login_failed, dispatch_uid="audit_masuk_gagal")
def _gagal(sender, credentials, request=None, **kwargs) -> None:
    nip = nip_dari_permintaan(request, credentials)
    _catat("akun.masuk_gagal", nip, f"Gagal masuk untuk NIP {nip or '(kosong)'}", request)


def respons_terkunci(request, original_response=None, credentials=None):
    """The lockout page (AXES_LOCKOUT_CALLABLE): HTTP 429, says until when and what to do."""
    from axes.helpers import get_cool_off
    from django.shortcuts import render
    from django.utils import timezone

    jeda = get_cool_off(request)
    menit = int(jeda.total_seconds() // 60) if jeda else 0
    konteks = {"menit": menit, "sampai": timezone.localtime(timezone.now() + jeda) if jeda else None}
    respons = render(request, "akun/terkunci.html", konteks, status=429)
    if jeda:
        respons["Retry-After"] = str(int(jeda.total_seconds()))
    return respons
