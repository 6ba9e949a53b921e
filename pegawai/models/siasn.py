"""The SIASN outbox: one row per change to push to BKN's SIASN (a position taken up), written in the
same transaction as the change itself, so a change is never lost and never pushed without having
happened. A worker (`pegawai.tasks.siasn_kirim_tugas`, or `manage.py kirim_siasn` from cron) sends
the due rows; a failure that may pass (SIASN down, a timeout) leaves the row waiting with a longer
wait each time; a refusal by SIASN marks it failed for HR to correct and send again.

Status moves go through `pegawai.services.siasn.AlurKiriman` (history rows + audit)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import kolom_dari_ke, kolom_status
from inti.models import RiwayatStatus

from .pegawai import Pegawai


class StatusKiriman(models.TextChoices):
    MENUNGGU = "MENUNGGU", _("Menunggu dikirim")
    TERKIRIM = "TERKIRIM", _("Terkirim")
    GAGAL = "GAGAL", _("Gagal (ditolak SIASN)")


class JenisKiriman(models.TextChoices):
    JABATAN = "jabatan", _("Riwayat jabatan")


class KirimanSiasn(models.Model):
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisKiriman.choices, default=JenisKiriman.JABATAN)
    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="kiriman_siasn", verbose_name=_("pegawai")
    )
    payload = models.JSONField(_("isi"), default=dict, blank=True)
    sumber = models.CharField(_("sumber"), max_length=100, blank=True)
    status = kolom_status(StatusKiriman, StatusKiriman.MENUNGGU, max_length=10, db_index=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    coba_lagi_pada = models.DateTimeField(_("dicoba pada"), default=timezone.now)
    galat_terakhir = models.TextField(_("galat terakhir"), blank=True)
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    terkirim_pada = models.DateTimeField(_("terkirim pada"), null=True, blank=True)
    id_siasn = models.CharField(_("ID di SIASN"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("kiriman SIASN")
        verbose_name_plural = _("kiriman SIASN")
        ordering = ["-dibuat", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="TERKIRIM") | Q(terkirim_pada__isnull=False), name="kiriman_terkirim_bertanggal"
            ),
        ]
        indexes = [models.Index(fields=["status", "coba_lagi_pada"], name="kiriman_jatuh_tempo_idx")]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.pegawai_id} #{self.pk} ({self.status})"


class RiwayatStatusKiriman(RiwayatStatus):
    kiriman = models.ForeignKey(KirimanSiasn, on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(StatusKiriman)

    class Meta(RiwayatStatus.Meta):
        verbose_name = _("riwayat status kiriman SIASN")
        verbose_name_plural = _("riwayat status kiriman SIASN")
