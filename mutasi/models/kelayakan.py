"""Overrides of failed eligibility checks: one per check of a proposal, each with its own written
justification by BKPSDM; an override of a hard rule (sanction, election blackout, under the
minimum years in post) counts from the decision on only once the PPK has confirmed it."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku

from .usulan import UsulanMutasi

# Rules the law states as prohibitions: overriding one needs the PPK's own confirmation.
KODE_BERAT = frozenset({"masa_jabatan", "hukuman", "masa_tenang"})
# A justification shorter than this says nothing an approver can weigh.
ALASAN_MIN = 20


class PengecualianSyarat(models.Model):
    """BKPSDM's written override of one failed check (`kode` of `mutasi.services.kelayakan.Cek`)."""

    usulan = models.ForeignKey(
        UsulanMutasi, on_delete=models.CASCADE, related_name="pengecualian", verbose_name=_("usulan")
    )
    kode = models.CharField(_("kode syarat"), max_length=30)
    judul = models.CharField(_("syarat"), max_length=200)
    pesan_cek = models.CharField(_("hasil pemeriksaan yang dikecualikan"), max_length=500, blank=True)
    alasan = models.TextField(_("justifikasi tertulis"))
    oleh = akun_pelaku(_("dicatat oleh"), blank=False)
    waktu = models.DateTimeField(_("dicatat pada"), default=timezone.now)
    dikonfirmasi_oleh = akun_pelaku(_("dikonfirmasi PPK"))
    dikonfirmasi_pada = models.DateTimeField(_("dikonfirmasi pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("pengecualian syarat")
        verbose_name_plural = _("pengecualian syarat")
        ordering = ["waktu", "id"]
        constraints = [
            models.UniqueConstraint(fields=["usulan", "kode"], name="pengecualian_satu_per_syarat"),
            # who confirmed may later be deleted (SET_NULL); when stays.
            models.CheckConstraint(
                condition=Q(dikonfirmasi_oleh__isnull=True) | Q(dikonfirmasi_pada__isnull=False),
                name="pengecualian_konfirmasi_bertanggal",
            ),
        ]

    def __str__(self):
        return f"{self.usulan_id}: {self.judul}"

    @property
    def berat(self) -> bool:
        return self.kode in KODE_BERAT

    @property
    def dikonfirmasi(self) -> bool:
        return self.dikonfirmasi_pada is not None

    @property
    def berlaku_setelah_putusan(self) -> bool:
        """Counts at the decision and on the TMT: a soft rule's override, or a confirmed hard one."""
        return not self.berat or self.dikonfirmasi
