"""The import log: one row per import run, refused ones included."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku


class RiwayatImpor(models.Model):
    jenis = models.CharField(_("jenis data"), max_length=20)
    nama_file = models.CharField(_("nama file"), max_length=255)
    oleh = akun_pelaku(blank=False)
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"), default=0)
    dibuat = models.PositiveIntegerField(_("baru"), default=0)
    diubah = models.PositiveIntegerField(_("diubah"), default=0)
    tidak_berubah = models.PositiveIntegerField(_("tidak berubah"), default=0)
    berhasil = models.BooleanField(_("berhasil"), default=True)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("riwayat impor")
        verbose_name_plural = _("riwayat impor")
        ordering = ["-waktu"]

    def __str__(self):
        return f"{self.nama_file} ({self.waktu:%Y-%m-%d %H:%M})"
