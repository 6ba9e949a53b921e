"""Decrees (SK): one per proposal or per decided part of a batch, numbered without gaps per year."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .usulan import BatchUsulan


class NomorUrutSK(models.Model):
    """The last decree sequence number used in a year. Issuing locks this row
    (select_for_update) so numbers have no gaps and no duplicates under concurrency."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    terakhir = models.PositiveIntegerField(_("nomor urut terakhir"), default=0)

    class Meta:
        verbose_name = _("nomor urut SK")
        verbose_name_plural = _("nomor urut SK")

    def __str__(self):
        return f"{self.tahun}: {self.terakhir}"


class SuratKeputusan(models.Model):
    """A transfer decree. Covers one proposal or the decided part of a batch."""

    nomor = models.CharField(_("nomor SK"), max_length=100, unique=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    tanggal = models.DateField(_("tanggal SK"))
    tmt = models.DateField(_("TMT"))
    tentang = models.CharField(_("tentang"), max_length=300)
    penandatangan_nama = models.CharField(_("nama penandatangan"), max_length=150)
    penandatangan_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)
    penandatangan_jabatan = models.CharField(_("jabatan penandatangan"), max_length=200)
    kode_verifikasi = models.CharField(_("kode verifikasi"), max_length=32, unique=True)
    batch = models.ForeignKey(
        BatchUsulan, null=True, blank=True, on_delete=models.PROTECT, related_name="sk", verbose_name=_("batch")
    )
    mengganti = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengganti",
        verbose_name=_("mengubah SK"),
        help_text=_("SK yang diubah oleh SK ini (revisi setelah keberatan)."),
    )
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diterbitkan oleh"),
    )
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"), default=timezone.now)

    class Meta:
        verbose_name = _("surat keputusan")
        verbose_name_plural = _("surat keputusan")
        ordering = ["-tahun", "-urut"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "urut"], name="sk_urut_unik_per_tahun"),
            models.CheckConstraint(condition=Q(urut__gte=1), name="sk_urut_positif"),
        ]

    def __str__(self):
        return self.nomor
