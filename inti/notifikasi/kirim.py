"""The worker's side of a notice: the mail and the WhatsApp message of rows `beri_tahu` wrote, and the
daily digest (`manage.py kirim_ringkasan`). Each may run again after a crash: a row's mail status
says whether its mail went out, a WhatsApp message is made once per notice."""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ..surel import surel_dari_teks, surel_kirim_banyak
from .layanan import jenis_label
from .models import Notifikasi, PesanWhatsApp, StatusSurel
from .whatsapp import nomor_normal, pesan_kirim, templat_untuk

log = logging.getLogger(__name__)


def notifikasi_kirim(
    *, notifikasi_ids: list[int], alamat: list[str], judul: str, badan: str, percobaan: int = 1
) -> dict[str, int]:
    """Send the mail (one per person) and the WhatsApp messages of these notices, and one plain mail to
    `alamat` (employees without an account). Mail the server refused is tried again later (attempt
    `percobaan` of NOTIFIKASI_SUREL_MAKS_PERCOBAAN). Returns counts for the task's result."""
    baris = list(Notifikasi.objects.filter(pk__in=notifikasi_ids).select_related("penerima").order_by("pk"))
    hasil = {"surel": 0, "wa": 0}
    # WhatsApp first: a person who chose only WhatsApp but has no usable number gets the mail instead.
    for n in baris:
        if n.wa and not n.pesan_wa.exists():
            pesan = _wa_buat(n)
            if pesan is not None:
                hasil["wa"] += pesan_kirim(pesan.pk) != "failed"
            elif n.surel == StatusSurel.TIDAK and n.penerima.alamat_surel:
                n.surel = StatusSurel.MENUNGGU
    surel = [n for n in baris if n.surel == StatusSurel.MENUNGGU and n.penerima.alamat_surel]
    pesan = [surel_dari_teks(kepada=[n.penerima.alamat_surel], judul=n.judul, badan=n.badan) for n in surel]
    if alamat:
        pesan.append(surel_dari_teks(kepada=alamat, judul=judul, badan=badan))
    terkirim, gagal = surel_kirim_banyak(pesan)
    hasil["surel"] = terkirim
    lagi = percobaan < settings.NOTIFIKASI_SUREL_MAKS_PERCOBAAN
    for i, n in enumerate(surel):
        if i not in gagal:
            n.surel = StatusSurel.TERKIRIM
        elif not lagi:
            n.surel = StatusSurel.GAGAL
    Notifikasi.objects.bulk_update(surel, ["surel"])
    ulang = [n.pk for i, n in enumerate(surel) if i in gagal and lagi]
    ulang_alamat = alamat if alamat and len(pesan) - 1 in gagal and lagi else []
    if ulang or ulang_alamat:
        _ulangi(notifikasi_ids=ulang, alamat=ulang_alamat, judul=judul, badan=badan, percobaan=percobaan + 1)
    return hasil


def _ulangi(**argumen) -> None:
    """Queue the mail again after NOTIFIKASI_SUREL_JEDA_DETIK x 2^(attempt-2) (the server was down)."""
    tugas = import_string("inti.tasks.notifikasi_kirim_tugas").using(backend=settings.NOTIFIKASI_TUGAS_BACKEND)
    jeda = settings.NOTIFIKASI_SUREL_JEDA_DETIK * 2 ** (argumen["percobaan"] - 2)
    if jeda > 0 and tugas.get_backend().supports_defer:
        tugas = tugas.using(run_after=timezone.now() + timedelta(seconds=jeda))
    try:
        tugas.enqueue(**argumen)
    except Exception:
        log.exception("Email notifikasi tidak dapat diantrekan ulang")


def _wa_buat(n: Notifikasi) -> PesanWhatsApp | None:
    """The message row of a notice, when WhatsApp is on and the person has a number."""
    if not settings.WA_AKTIF:
        return None
    nomor = nomor_normal(getattr(n.penerima, "nomor_wa", "") or "")
    if not nomor:
        return None
    tautan = settings.SITE_URL.rstrip("/") + n.tautan if n.tautan else settings.SITE_URL
    return PesanWhatsApp.objects.create(
        notifikasi=n, nomor=nomor, templat=templat_untuk(n.jenis), parameter=[n.judul, tautan]
    )


@dataclass
class LaporanRingkasan:
    pengguna: int = 0  # digests sent
    notifikasi: int = 0  # notices they listed
    gagal: int = 0  # digests the mail server refused (tried again next run)


def ringkasan_kirim() -> LaporanRingkasan:
    """One mail per user listing the notices waiting for their daily digest (every waiting one, so a
    missed day is caught up); marked sent only when the mail went out."""
    laporan = LaporanRingkasan()
    menunggu = Notifikasi.objects.filter(surel=StatusSurel.RINGKASAN).order_by("dibuat", "pk")
    per_user: dict[int, list[Notifikasi]] = defaultdict(list)
    for n in menunggu:
        per_user[n.penerima_id].append(n)
    if not per_user:
        return laporan
    User = get_user_model()
    users = User.objects.in_bulk(list(per_user))
    situs = settings.SITE_URL.rstrip("/")
    kirim: list[tuple[list[Notifikasi], object]] = []
    with translation.override(settings.LANGUAGE_CODE):
        for uid, daftar in per_user.items():
            u = users.get(uid)
            if u is None or not u.alamat_surel:
                continue
            konteks = {
                "user": u,
                "daftar": [(n, jenis_label(n.jenis), situs + n.tautan if n.tautan else "") for n in daftar],
                "tanggal": timezone.localdate(),
                "tautan": situs + "/notifikasi/",
            }
            judul = _("Ringkasan harian: %(n)s pemberitahuan") % {"n": len(daftar)}
            badan = render_to_string("email/notifikasi_ringkasan.txt", konteks)
            kirim.append((daftar, surel_dari_teks(kepada=[u.alamat_surel], judul=judul, badan=badan)))
    _terkirim, gagal = surel_kirim_banyak([m for _d, m in kirim])
    for i, (daftar, _m) in enumerate(kirim):
        if i in gagal:
            laporan.gagal += 1
            continue
        laporan.pengguna += 1
        laporan.notifikasi += len(daftar)
        with transaction.atomic():
            Notifikasi.objects.filter(pk__in=[n.pk for n in daftar], surel=StatusSurel.RINGKASAN).update(
                surel=StatusSurel.TERKIRIM
            )
    return laporan
