"""Emails at every step: to the next actor, and from the decision on to the employee.
Sent after commit through Django's mail framework; a mail failure never undoes a step."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pegawai.models import Pegawai, Peran, User

from ..models import StatusUsulan, UsulanMutasi
from .alur import KEPALA_ASAL, KEPALA_TUJUAN, penyetuju_langkah

log = logging.getLogger(__name__)
_AKTIF: ContextVar[bool] = ContextVar("notifikasi_aktif", default=True)


def jadwalkan(kirim) -> None:
    """Send after commit (a rolled-back step sends nothing), unless muted (demo data loading)."""
    if _AKTIF.get():
        transaction.on_commit(lambda: _dalam_bahasa_situs(kirim))


def _dalam_bahasa_situs(kirim) -> None:
    # Mail goes out in the site's language, whatever language the user who triggered it browses in.
    with translation.override(settings.LANGUAGE_CODE):
        kirim()


@contextmanager
def tanpa_notifikasi():
    token = _AKTIF.set(False)
    try:
        yield
    finally:
        _AKTIF.reset(token)


S = StatusUsulan

JUDUL = {
    "ajukan": gettext_lazy("Usulan mutasi menunggu persetujuan pelepasan"),
    "lepas": gettext_lazy("Usulan mutasi menunggu persetujuan penerimaan"),
    "terima": gettext_lazy("Usulan mutasi menunggu verifikasi BKPSDM"),
    "verifikasi": gettext_lazy("Usulan mutasi menunggu keputusan PPK"),
    "putuskan": gettext_lazy("Mutasi telah diputuskan"),
    "terbitkan_sk": gettext_lazy("SK mutasi telah terbit"),
    "laksanakan": gettext_lazy("Mutasi telah dilaksanakan"),
    "revisi_tujuan": gettext_lazy("Tujuan mutasi direvisi: menunggu persetujuan penerimaan"),
    "kembalikan": gettext_lazy("Usulan mutasi dikembalikan untuk perbaikan"),
    "tolak": gettext_lazy("Usulan mutasi ditolak"),
    "tarik": gettext_lazy("Usulan mutasi ditarik pengusul"),
    "batalkan": gettext_lazy("Usulan mutasi dibatalkan"),
}


def _email_pegawai(pegawai_id: int | None) -> list[str]:
    if not pegawai_id:
        return []
    p = Pegawai.objects.select_related("akun").filter(pk=pegawai_id).first()
    if p is None:
        return []
    alamat = p.email or (p.akun.email if p.akun else "")
    return [alamat] if alamat else []


def _email_peran(peran: str) -> list[str]:
    rows = User.objects.filter(peran=peran, is_active=True).select_related("pegawai")
    hasil = []
    for u in rows:
        alamat = u.email or (getattr(u, "pegawai", None) and u.pegawai.email)
        if alamat:
            hasil.append(alamat)
    return hasil


def _email_user(user_id: int | None) -> list[str]:
    if not user_id:
        return []
    u = User.objects.filter(pk=user_id).select_related("pegawai").first()
    if u is None:
        return []
    alamat = u.email or (getattr(u, "pegawai", None) and u.pegawai.email)
    return [alamat] if alamat else []


def _penerima_langkah(u: UsulanMutasi) -> list[str]:
    """Who the proposal waits for now."""
    if u.status in (S.DIAJUKAN, S.DILEPAS):
        p = penyetuju_langkah(u, KEPALA_ASAL if u.status == S.DIAJUKAN else KEPALA_TUJUAN)
        return _email_peran(Peran.HR) if p.oleh_bkpsdm else _email_pegawai(p.kepala_id)
    if u.status in (S.DITERIMA, S.DIPUTUSKAN):
        return _email_peran(Peran.HR)
    if u.status == S.DIVERIFIKASI:
        return _email_peran(Peran.PPK)
    if u.status in (S.DIKEMBALIKAN, S.DITOLAK, S.DIBATALKAN):
        return _email_user(u.diusulkan_oleh_id)
    return []


def notifikasi_transisi(*, usulan_id: int, aksi: str, catatan: str = "") -> int:
    """Send the emails for one step; returns the number of messages sent."""
    u = UsulanMutasi.objects.select_related(
        "pegawai", "asal_unit", "tujuan_unit", "asal_jabatan", "tujuan_jabatan", "sk"
    ).get(pk=usulan_id)
    tautan = settings.SITE_URL.rstrip("/") + reverse("mutasi:detail", args=[u.pk])
    tautan_pegawai = settings.SITE_URL.rstrip("/") + reverse("mutasi:saya")
    judul = f"[SIMUTASI] {JUDUL.get(aksi, _('Perubahan usulan mutasi'))}: {u.pegawai.nama_lengkap}"
    terkirim = 0
    kirim = []
    penerima = set(_penerima_langkah(u))
    if penerima:
        kirim.append((sorted(penerima), "email/mutasi_langkah.txt", tautan))
    # From the decision on, the employee hears of every step too.
    if u.diputuskan_pada and aksi in ("putuskan", "terbitkan_sk", "laksanakan", "batalkan"):
        kirim.append((_email_pegawai(u.pegawai_id), "email/mutasi_pegawai.txt", tautan_pegawai))
    for alamat, template, link in kirim:
        if not alamat:
            continue
        isi = render_to_string(template, {"u": u, "aksi": aksi, "judul": judul, "catatan": catatan, "tautan": link})
        try:
            terkirim += send_mail(judul, isi, None, alamat)
        except Exception:  # a mail server outage must not break the workflow
            log.exception("Gagal mengirim email notifikasi usulan %s", u.pk)
    return terkirim


def notifikasi_kirim(*, alamat: list[str], judul: str, template: str, konteks: dict) -> int:
    alamat = [a for a in alamat if a]
    if not alamat:
        return 0
    try:
        return send_mail(f"[SIMUTASI] {judul}", render_to_string(template, konteks), None, alamat)
    except Exception:
        log.exception("Gagal mengirim email: %s", judul)
        return 0
