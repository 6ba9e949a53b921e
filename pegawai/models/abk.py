"""Needs analysis (Anjab/ABK): the tasks of a position in a unit, with their yearly volume and time norm."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .organisasi import Jabatan, UnitKerja


class TugasJabatan(models.Model):
    """One task (uraian tugas) of a position in a unit, with its yearly volume and time norm."""

    unit = models.ForeignKey(UnitKerja, verbose_name=_("unit kerja"), on_delete=models.CASCADE, related_name="tugas")
    jabatan = models.ForeignKey(Jabatan, verbose_name=_("jabatan"), on_delete=models.CASCADE, related_name="tugas")
    uraian = models.CharField(_("uraian tugas"), max_length=300)
    satuan_hasil = models.CharField(_("satuan hasil"), max_length=60, blank=True)
    volume = models.DecimalField(
        _("beban kerja per tahun"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    norma_waktu = models.DecimalField(
        _("norma waktu (jam)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )

    class Meta:
        verbose_name = _("uraian tugas")
        verbose_name_plural = _("uraian tugas")
        ordering = ["unit", "jabatan", "uraian"]
        constraints = [
            models.CheckConstraint(condition=Q(volume__gte=0), name="tugas_volume_tidak_negatif"),
            models.CheckConstraint(condition=Q(norma_waktu__gt=0), name="tugas_norma_positif"),
            models.UniqueConstraint(fields=["unit", "jabatan", "uraian"], name="tugas_unik"),
        ]

    def __str__(self):
        return self.uraian
