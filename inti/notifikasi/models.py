"""The tables of the notice centre: one row per notice per person, each person's channel per kind,
and each WhatsApp message sent (its id at Meta and the last status the webhook reported)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..medan import kolom_status, rujukan_opsional


class Saluran(models.TextChoices):
    """Where a kind of notice reaches a person, besides the notice centre (always on)."""

    APLIKASI = "aplikasi", _("Hanya di aplikasi")
    SUREL = "surel", _("Email")
    WA = "wa", _("WhatsApp")
    SUREL_WA = "surel_wa", _("Email dan WhatsApp")
    RINGKASAN = "ringkasan", _("Ringkasan harian lewat email")


class StatusSurel(models.TextChoices):
    TIDAK = "", _("tidak dikirim")
    MENUNGGU = "menunggu", _("menunggu dikirim")
    RINGKASAN = "ringkasan", _("menunggu ringkasan harian")
    TERKIRIM = "terkirim", _("terkirim")
    GAGAL = "gagal", _("gagal")


class Notifikasi(models.Model):
    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penerima"), on_delete=models.CASCADE, related_name="notifikasi"
    )
    jenis = models.CharField(_("jenis"), max_length=60)
    judul = models.CharField(_("judul"), max_length=200)
    isi = models.CharField(_("isi singkat"), max_length=300, blank=True)
    tautan = models.CharField(_("tautan"), max_length=500, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)
    # The mail: its body rendered when the notice was given (site language), and where it stands.
    badan = models.TextField(_("isi email"), blank=True)
    surel = models.CharField(_("email"), max_length=10, choices=StatusSurel, default=StatusSurel.TIDAK, blank=True)
    wa = models.BooleanField(_("kirim WhatsApp"), default=False)

    class Meta:
        app_label = "inti"
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-dibuat", "-id"]
        indexes = [
            models.Index(fields=["penerima", "dibaca_pada"], name="notifikasi_penerima_baca_idx"),
            models.Index(fields=["surel", "penerima"], name="notifikasi_surel_idx"),
        ]

    def __str__(self):
        return f"{self.jenis} -> {self.penerima_id}: {self.judul}"


class PreferensiNotifikasi(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferensi_notifikasi")
    jenis = models.CharField(_("jenis"), max_length=60)
    saluran = models.CharField(_("saluran"), max_length=10, choices=Saluran)

    class Meta:
        app_label = "inti"
        verbose_name = _("preferensi notifikasi")
        verbose_name_plural = _("preferensi notifikasi")
        constraints = [models.UniqueConstraint(fields=["user", "jenis"], name="preferensi_notifikasi_unik")]

    def __str__(self):
        return f"{self.user_id} {self.jenis}: {self.saluran}"


class StatusWa(models.TextChoices):
    ANTRE = "antre", _("dalam antrean")
    TERKIRIM = "sent", _("terkirim")
    DITERIMA = "delivered", _("diterima")
    DIBACA = "read", _("dibaca")
    GAGAL = "failed", _("gagal")


class PesanWhatsApp(models.Model):
    notifikasi = rujukan_opsional(Notifikasi, related_name="pesan_wa")
    nomor = models.CharField(_("nomor"), max_length=20)
    templat = models.CharField(_("templat"), max_length=100)
    parameter = models.JSONField(_("parameter"), default=list, blank=True)
    wamid = models.CharField(_("id pesan WhatsApp"), max_length=200, blank=True, db_index=True)
    status = kolom_status(StatusWa, StatusWa.ANTRE, max_length=10)
    galat = models.TextField(_("galat"), blank=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    diubah = models.DateTimeField(_("diubah"), default=timezone.now)

    class Meta:
        app_label = "inti"
        verbose_name = _("pesan WhatsApp")
        verbose_name_plural = _("pesan WhatsApp")
        ordering = ["-dibuat", "-id"]

    def __str__(self):
        return f"WA {self.nomor} {self.templat} ({self.status})"
