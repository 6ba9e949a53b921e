"""Manual moves with a future TMT: recorded when HR enters them, applied to the position history on
the day by the daily `manage.py terapkan_pindah_terjadwal`. Until then the current post stays the
open `RiwayatJabatan` row (the one indexed truth), so head counts, the needs analysis, candidates
and the lists do not change before the TMT.

A scheduled move is a small workflow (`pegawai.services.pindah_terjadwal.AlurPindahTerjadwal`):
dijadwalkan -> diterapkan (the daily job) or dibatalkan (HR, or the system when the move can no
longer be applied), one `RiwayatStatusPindah` row per move."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku, kolom_dari_ke, kolom_status, rujukan_opsional
from inti.models import RiwayatStatus

from .organisasi import Jabatan, UnitKerja
from .pegawai import Pegawai, RiwayatJabatan


class StatusPindah(models.TextChoices):
    TERJADWAL = "TERJADWAL", _("Dijadwalkan")
    DITERAPKAN = "DITERAPKAN", _("Diterapkan")
    DIBATALKAN = "DIBATALKAN", _("Dibatalkan")


class PindahTerjadwal(models.Model):
    """One manual move waiting for its TMT. At most one per employee is waiting (the database holds
    it); `asal` is the current post when it was scheduled, and the move is applied only while that
    is still the current post."""

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.CASCADE, related_name="pindah_terjadwal", verbose_name=_("pegawai")
    )
    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit kerja baru"))
    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="+", verbose_name=_("jabatan baru"))
    tmt = models.DateField(_("TMT"))
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)
    status = kolom_status(StatusPindah, StatusPindah.TERJADWAL, max_length=12, db_index=True)
    asal = rujukan_opsional(RiwayatJabatan, _("jabatan saat dijadwalkan"))
    riwayat = rujukan_opsional(RiwayatJabatan, _("riwayat jabatan yang dibuka"))
    dibuat_oleh = akun_pelaku()
    dibuat = models.DateTimeField(_("dicatat"), default=timezone.now)
    diterapkan_pada = models.DateTimeField(_("diterapkan pada"), null=True, blank=True)
    alasan_batal = models.CharField(_("alasan pembatalan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("perpindahan jabatan terjadwal")
        verbose_name_plural = _("perpindahan jabatan terjadwal")
        ordering = ["tmt", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"],
                condition=Q(status=StatusPindah.TERJADWAL),
                name="pindah_satu_terjadwal_per_pegawai",
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusPindah.DITERAPKAN) | Q(diterapkan_pada__isnull=False),
                name="pindah_diterapkan_bertanggal",
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusPindah.DIBATALKAN) | ~Q(alasan_batal=""),
                name="pindah_batal_beralasan",
            ),
        ]
        indexes = [models.Index(fields=["status", "tmt"], name="pindah_status_tmt_idx")]

    def __str__(self):
        return f"{self.jabatan} - {self.unit} (TMT {self.tmt:%d-%m-%Y})"


class RiwayatStatusPindah(RiwayatStatus):
    """One row per move of a scheduled move (its scheduling included, `dari` empty)."""

    pindah = models.ForeignKey(PindahTerjadwal, on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(StatusPindah)

    class Meta(RiwayatStatus.Meta):
        verbose_name = _("riwayat status perpindahan terjadwal")
        verbose_name_plural = _("riwayat status perpindahan terjadwal")
