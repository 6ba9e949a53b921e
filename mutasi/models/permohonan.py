"""The employee's own request for a transfer (atas permintaan sendiri)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku, kolom_dari_ke, kolom_status, rujukan_opsional
from inti.models import BerkasUnggahan, RiwayatStatus
from pegawai.models import Pegawai, UnitKerja

from .usulan import JenisMutasi, UsulanMutasi


class StatusPermohonan(models.TextChoices):
    DIAJUKAN = "DIAJUKAN", _("Menunggu tanggapan BKPSDM")
    DIPROSES = "DIPROSES", _("Dibuatkan usulan mutasi")
    DITOLAK = "DITOLAK", _("Ditolak")
    DITARIK = "DITARIK", _("Ditarik pemohon")


# A request waiting for HR's answer: at most one per employee (the database holds it).
STATUS_PERMOHONAN_TERBUKA = (StatusPermohonan.DIAJUKAN,)


class PermohonanMutasi(models.Model):
    """The employee's own request for a transfer (atas permintaan sendiri)."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="permohonan_mutasi")
    # The registration number the employee quotes (PMH-2026-00001): gap-free per year, taken in the
    # creating transaction under the counter's row lock (`mutasi.services.penomoran`).
    nomor = models.CharField(_("nomor registrasi"), max_length=20, unique=True, null=True, blank=True, editable=False)
    jenis = models.CharField(_("jenis mutasi"), max_length=8, choices=JenisMutasi.choices, default=JenisMutasi.DALAM)
    alasan = models.TextField(_("alasan permohonan"))
    unit_pilihan = models.ManyToManyField(
        UnitKerja, blank=True, related_name="+", verbose_name=_("unit kerja yang diinginkan")
    )
    instansi_tujuan = models.CharField(_("instansi tujuan (mutasi keluar)"), max_length=200, blank=True)
    status = kolom_status(StatusPermohonan, StatusPermohonan.DIAJUKAN, max_length=10, db_index=True)
    alasan_tolak = models.TextField(_("alasan penolakan"), blank=True)
    ditangani_oleh = akun_pelaku()
    ditangani_pada = models.DateTimeField(null=True, blank=True)
    usulan = rujukan_opsional(UsulanMutasi, related_name="permohonan", satu=True)
    dibuat = models.DateTimeField(_("diajukan pada"), default=timezone.now)

    class Meta:
        verbose_name = _("permohonan mutasi")
        verbose_name_plural = _("permohonan mutasi")
        ordering = ["-dibuat", "-id"]
        indexes = [models.Index(fields=["dibuat", "id"], name="permohonan_dibuat_idx")]  # the list's sort
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"],
                condition=Q(status__in=STATUS_PERMOHONAN_TERBUKA),
                name="permohonan_satu_terbuka_per_pegawai",
                violation_error_message=_("Pegawai ini masih punya permohonan yang menunggu tanggapan."),
            )
        ]

    def __str__(self):
        nomor = f"{self.nomor} " if self.nomor else ""
        return f"Permohonan {nomor}{self.pegawai.nama_lengkap} ({self.dibuat:%d-%m-%Y})"


class RiwayatStatusPermohonan(RiwayatStatus):
    """The request's history: submitted (`dari` empty), withdrawn, declined, made a proposal of
    (`mutasi.services.permohonan.AlurPermohonan` is its one writer)."""

    permohonan = models.ForeignKey(PermohonanMutasi, on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(StatusPermohonan)

    class Meta(RiwayatStatus.Meta):
        verbose_name = _("riwayat status permohonan")
        verbose_name_plural = _("riwayat status permohonan")

    def __str__(self):
        return f"{self.permohonan_id}: {self.dari} -> {self.ke}"


class LampiranPermohonan(BerkasUnggahan):
    """A file the employee attached to their own request (they are its uploader)."""

    permohonan = models.ForeignKey(PermohonanMutasi, on_delete=models.CASCADE, related_name="lampiran")
    berkas = models.FileField(_("berkas"), upload_to="mutasi/permohonan/%Y/%m/")

    class Meta:
        verbose_name = _("lampiran permohonan")
        verbose_name_plural = _("lampiran permohonan")
        ordering = ["diunggah_pada", "id"]
