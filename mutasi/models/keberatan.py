"""Objections (keberatan) to a decided transfer, and their history."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku, kolom_dari_ke, kolom_status, pilihan_opsional
from inti.models import RiwayatStatus

from .usulan import UsulanMutasi


class KeputusanKeberatan(models.TextChoices):
    TETAP = "TETAP", _("Mutasi tetap dilaksanakan")
    REVISI = "REVISI", _("Mutasi direvisi")
    BATAL = "BATAL", _("Mutasi dibatalkan")


class StatusKeberatan(models.TextChoices):
    DIAJUKAN = "DIAJUKAN", _("Menunggu jawaban BKPSDM")
    DIJAWAB = "DIJAWAB", _("Dijawab")


class Keberatan(models.Model):
    """An objection or concern the employee raises about a decided transfer. It does not stop
    the move by itself: HR answers and decides to uphold, revise or cancel it (the answer is the
    move DIAJUKAN -> DIJAWAB, with its own history)."""

    usulan = models.ForeignKey(UsulanMutasi, on_delete=models.CASCADE, related_name="keberatan")
    isi = models.TextField(_("isi keberatan"))
    status = kolom_status(StatusKeberatan, StatusKeberatan.DIAJUKAN, max_length=8, db_index=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), default=timezone.now)
    jawaban = models.TextField(_("jawaban BKPSDM"), blank=True)
    keputusan = pilihan_opsional(_("keputusan"), KeputusanKeberatan, max_length=6)
    dijawab_oleh = akun_pelaku()
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    perubahan = models.JSONField(_("perubahan (bila direvisi)"), default=dict, blank=True)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-diajukan_pada", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dijawab_pada__isnull=True) | ~Q(keputusan=""), name="keberatan_dijawab_punya_keputusan"
            ),
            models.CheckConstraint(
                condition=Q(status=StatusKeberatan.DIAJUKAN, dijawab_pada__isnull=True)
                | Q(status=StatusKeberatan.DIJAWAB, dijawab_pada__isnull=False),
                name="keberatan_status_sesuai_jawaban",
            ),
        ]

    def __str__(self):
        return f"Keberatan atas {self.usulan_id} ({self.diajukan_pada:%d-%m-%Y})"

    @property
    def terjawab(self) -> bool:
        return self.status == StatusKeberatan.DIJAWAB


class RiwayatStatusKeberatan(RiwayatStatus):
    """The objection's history: raised (`dari` empty), answered."""

    keberatan = models.ForeignKey(Keberatan, on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(StatusKeberatan)

    class Meta(RiwayatStatus.Meta):
        verbose_name = _("riwayat status keberatan")
        verbose_name_plural = _("riwayat status keberatan")

    def __str__(self):
        return f"{self.keberatan_id}: {self.dari} -> {self.ke}"
