"""Acting officials (Plh./Plt.): someone carries out the duties of a unit head or of the PPK for a
date range while the official is absent (Plh., pelaksana harian) or cannot act for longer (Plt.,
pelaksana tugas). HR records it, or the official for their own absence. The roles (`peran_user`)
read the delegations in force today, so whatever the official may do, the acting person may do on
those days, and every step says so ("Plh. <name> a.n. <official>")."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku, rujukan_opsional


class PeranPejabat(models.TextChoices):
    KEPALA = "kepala", _("Kepala unit")
    PPK = "ppk", _("Pejabat Pembina Kepegawaian")


class JenisPengganti(models.TextChoices):
    # Same values as the decree's signatory block (`mutasi.models.Plh`), written before the position.
    PLH = "Plh.", _("Pelaksana harian (Plh.)")
    PLT = "Plt.", _("Pelaksana tugas (Plt.)")


class PenggantiPejabatQuerySet(models.QuerySet):
    def berlaku(self, pada):
        """Not cancelled and `pada` within mulai..selesai (both inclusive)."""
        return self.filter(dibatalkan_pada__isnull=True, mulai__lte=pada, selesai__gte=pada)


class PenggantiPejabat(models.Model):
    yang_digantikan = models.ForeignKey(
        "Pegawai", verbose_name=_("pejabat yang digantikan"), on_delete=models.PROTECT, related_name="digantikan"
    )
    pengganti = models.ForeignKey(
        "Pegawai", verbose_name=_("pengganti"), on_delete=models.PROTECT, related_name="menggantikan"
    )
    peran = models.CharField(_("peran"), max_length=10, choices=PeranPejabat.choices)
    unit = rujukan_opsional(
        "UnitKerja",
        _("unit"),
        on_delete=models.PROTECT,
        related_name="pengganti_kepala",
        help_text=_("Unit yang dipimpin pejabat (untuk Kepala unit)."),
    )
    jenis = models.CharField(_("jenis"), max_length=5, choices=JenisPengganti.choices, default=JenisPengganti.PLH)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    dasar = models.CharField(_("dasar (nomor surat perintah)"), max_length=150)
    dibuat_oleh = akun_pelaku(_("dibuat oleh"), blank=False)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    dibatalkan_pada = models.DateTimeField(_("dibatalkan pada"), null=True, blank=True)
    dibatalkan_oleh = akun_pelaku()
    alasan_batal = models.CharField(_("alasan pembatalan"), max_length=300, blank=True)

    objects = PenggantiPejabatQuerySet.as_manager()

    class Meta:
        verbose_name = _("pejabat pengganti (Plh./Plt.)")
        verbose_name_plural = _("pejabat pengganti (Plh./Plt.)")
        ordering = ["-mulai", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(selesai__gte=F("mulai")), name="pengganti_selesai_sesudah_mulai"),
            models.CheckConstraint(condition=~Q(pengganti=F("yang_digantikan")), name="pengganti_bukan_diri_sendiri"),
            models.CheckConstraint(
                condition=Q(peran=PeranPejabat.KEPALA, unit__isnull=False)
                | Q(peran=PeranPejabat.PPK, unit__isnull=True),
                name="pengganti_unit_untuk_kepala",
            ),
            models.CheckConstraint(
                condition=Q(dibatalkan_pada__isnull=True) | ~Q(alasan_batal=""), name="pengganti_batal_beralasan"
            ),
        ]
        indexes = [models.Index(fields=["pengganti", "selesai"], name="pengganti_aktif_idx")]

    def __str__(self):
        return f"{self.jenis} {self.jabatan_teks} ({self.mulai:%d-%m-%Y} s.d. {self.selesai:%d-%m-%Y})"

    @property
    def jabatan_teks(self) -> str:
        """What the acting person acts as, without Plh./Plt.: "Kepala <unit>" or "PPK"."""
        if self.peran == PeranPejabat.KEPALA and self.unit_id:
            return str(_("Kepala %(unit)s") % {"unit": self.unit.nama})
        return str(PeranPejabat.PPK.label)

    @property
    def dibatalkan(self) -> bool:
        return self.dibatalkan_pada is not None
