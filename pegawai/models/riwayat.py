"""An employee's rank history (riwayat golongan/pangkat) and education history. The latest rank
row whose TMT has come sets `Pegawai.golongan`; the highest education sets `Pegawai.pendidikan`
(kept in step by `pegawai.services.pangkat`, in the same transaction as the write)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inti.medan import pilihan_opsional

from .pegawai import Pegawai
from .pilihan import (
    GOLONGAN_CHOICES,
    GOLONGAN_PPPK,
    PANGKAT_PNS,
    JenisKenaikanPangkat,
    StatusAsn,
    SumberData,
    TingkatPendidikan,
)


class RiwayatGolongan(models.Model):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_golongan")
    golongan = models.CharField(_("golongan"), max_length=6, choices=GOLONGAN_CHOICES)
    tmt = models.DateField(_("TMT golongan"))
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)
    jenis_kenaikan = pilihan_opsional(_("jenis kenaikan pangkat"), JenisKenaikanPangkat, max_length=20)
    sumber = models.CharField(_("sumber data"), max_length=10, choices=SumberData.choices, default=SumberData.MANUAL)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat golongan")
        verbose_name_plural = _("riwayat golongan")
        ordering = ["pegawai", "-tmt"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "golongan", "tmt"], name="riwayat_golongan_unik"),
        ]
        indexes = [models.Index(fields=["pegawai", "tmt"], name="riwayat_golongan_tmt_idx")]

    def __str__(self):
        return f"{self.golongan} ({self.tmt:%d-%m-%Y})"

    @property
    def pangkat(self) -> str:
        return PANGKAT_PNS.get(self.golongan, "")

    def clean(self):
        if not self.pegawai_id or not self.golongan:
            return
        status = self.pegawai.status
        if status == StatusAsn.PPPK and self.golongan not in GOLONGAN_PPPK:
            raise ValidationError({"golongan": _("Golongan PPPK adalah I sampai XVII.")})
        if status == StatusAsn.PNS and self.golongan in GOLONGAN_PPPK:
            raise ValidationError({"golongan": _("Golongan PNS adalah I/a sampai IV/e.")})


class RiwayatPendidikan(models.Model):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_pendidikan")
    tingkat = models.CharField(_("tingkat pendidikan"), max_length=3, choices=TingkatPendidikan.choices)
    jurusan = models.CharField(_("jurusan / program studi"), max_length=150, blank=True)
    institusi = models.CharField(_("nama sekolah / perguruan tinggi"), max_length=200)
    tahun_lulus = models.PositiveSmallIntegerField(
        _("tahun lulus"), validators=[MinValueValidator(1940), MaxValueValidator(2100)]
    )
    nomor_ijazah = models.CharField(_("nomor ijazah"), max_length=100, blank=True)
    tanggal_lulus = models.DateField(_("tanggal lulus"), null=True, blank=True)
    sumber = models.CharField(_("sumber data"), max_length=10, choices=SumberData.choices, default=SumberData.MANUAL)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat pendidikan")
        verbose_name_plural = _("riwayat pendidikan")
        ordering = ["pegawai", "-tahun_lulus"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tingkat", "jurusan"], name="riwayat_pendidikan_unik"),
        ]

    def __str__(self):
        return self.teks

    @property
    def teks(self) -> str:
        """How Pegawai.pendidikan writes it: 'S-1 Psikologi', 'SMA/SMK'."""
        return " ".join(x for x in (self.get_tingkat_display(), self.jurusan) if x)

    def clean(self):
        if self.tanggal_lulus and self.tahun_lulus and self.tanggal_lulus.year != self.tahun_lulus:
            raise ValidationError({"tanggal_lulus": _("Tanggal lulus tidak di tahun lulus.")})
