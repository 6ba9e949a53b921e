"""Decrees (SK) and the employee's notices: drafts HR prepares, decrees the PPK signs (numbered
without gaps per year, rendered once, signed, stored with their hash), their history, and the notice
each employee gets, with a number of its own."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku, kolom_dari_ke, kolom_status, rujukan_opsional
from inti.models import RiwayatStatus, RiwayatStatusPengganti

from .usulan import BatchUsulan


def lokasi_dokumen(instance, filename: str) -> str:
    """A random, unguessable name: the files are served only through views that check permission,
    never through a public media URL, and a name must not give one document away from another."""
    return f"mutasi/dokumen/{timezone.now():%Y}/{secrets.token_urlsafe(24)}.pdf"


class JenisNomor(models.TextChoices):
    SK = "SK", _("Surat keputusan")
    PEMBERITAHUAN = "PEMBERITAHUAN", _("Surat pemberitahuan")
    PERMOHONAN = "PERMOHONAN", _("Permohonan mutasi pegawai")


class NomorUrutSK(models.Model):
    """The last sequence number used in a year, one sequence per kind of document (decrees,
    notices). Taking a number locks this row (select_for_update) so numbers have no gaps and no
    duplicates under concurrency; a rolled-back signature gives its number back."""

    jenis = models.CharField(_("jenis nomor"), max_length=14, choices=JenisNomor.choices, default=JenisNomor.SK)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    terakhir = models.PositiveIntegerField(_("nomor urut terakhir"), default=0)

    class Meta:
        verbose_name = _("nomor urut surat")
        verbose_name_plural = _("nomor urut surat")
        constraints = [models.UniqueConstraint(fields=["jenis", "tahun"], name="nomorurut_unik_jenis_tahun")]

    def __str__(self):
        return f"{self.jenis} {self.tahun}: {self.terakhir}"


class JenisSK(models.TextChoices):
    PENETAPAN = "PENETAPAN", _("Penetapan mutasi")
    PERUBAHAN = "PERUBAHAN", _("Perubahan keputusan")
    PEMBATALAN = "PEMBATALAN", _("Pembatalan (pencabutan) keputusan")


class StatusSK(models.TextChoices):
    KONSEP = "KONSEP", _("Konsep: menunggu tanda tangan PPK")
    DITETAPKAN = "DITETAPKAN", _("Ditetapkan")
    DIKEMBALIKAN = "DIKEMBALIKAN", _("Dikembalikan PPK")
    DITARIK = "DITARIK", _("Ditarik BKPSDM")


class SuratKeputusan(models.Model):
    """A decree: HR prepares it (a draft, KONSEP, covering one proposal or the decided part of a
    batch), the PPK decides and signs it (DITETAPKAN: number, date, signatory, the signed PDF and its
    SHA-256). An amending (PERUBAHAN) or revoking (PEMBATALAN) decree names the decree it changes."""

    jenis = models.CharField(_("jenis SK"), max_length=10, choices=JenisSK.choices, default=JenisSK.PENETAPAN)
    status = kolom_status(StatusSK, StatusSK.DITETAPKAN, max_length=12, db_index=True)
    nomor = models.CharField(_("nomor SK"), max_length=100, unique=True, null=True, blank=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True)
    urut = models.PositiveIntegerField(_("nomor urut"), null=True, blank=True)
    tanggal = models.DateField(_("tanggal SK"), null=True, blank=True)
    tmt = models.DateField(_("TMT"))
    tentang = models.CharField(_("tentang"), max_length=300)
    alasan = models.TextField(
        _("alasan perubahan/pembatalan"), blank=True, help_text=_("Dimuat dalam konsiderans (menimbang).")
    )
    cakupan = models.ManyToManyField(
        "UsulanMutasi", related_name="sk_cakupan", blank=True, verbose_name=_("usulan yang dicakup")
    )
    penandatangan = rujukan_opsional(settings.AUTH_USER_MODEL, _("PPK penanda tangan"), on_delete=models.PROTECT)
    # What the signature block says, taken from the signing PPK's account when signed.
    penandatangan_nama = models.CharField(_("nama penandatangan"), max_length=150, blank=True)
    penandatangan_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)
    penandatangan_jabatan = models.CharField(_("jabatan penandatangan"), max_length=200, blank=True)
    penandatangan_pangkat = models.CharField(_("pangkat penandatangan"), max_length=100, blank=True)
    penandatangan_atas_nama = models.CharField(_("atas nama"), max_length=200, blank=True)
    penandatangan_plh = models.CharField(_("Plh./Plt."), max_length=5, blank=True)
    kode_verifikasi = models.CharField(_("kode verifikasi"), max_length=32, unique=True)
    batch = rujukan_opsional(BatchUsulan, _("batch"), on_delete=models.PROTECT, related_name="sk")
    mengganti = rujukan_opsional(
        "self",
        _("mengubah/mencabut SK"),
        on_delete=models.PROTECT,
        related_name="pengganti",
        help_text=_("SK yang diubah atau dicabut oleh SK ini."),
    )
    diterbitkan_oleh = akun_pelaku(_("disiapkan oleh"), blank=False)
    diterbitkan_pada = models.DateTimeField(_("disiapkan pada"), default=timezone.now)
    ditandatangani_pada = models.DateTimeField(_("ditandatangani pada"), null=True, blank=True)
    berkas = models.FileField(_("berkas PDF"), upload_to=lokasi_dokumen, blank=True, max_length=200)
    sha256 = models.CharField(_("SHA-256 berkas"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("surat keputusan")
        verbose_name_plural = _("surat keputusan")
        ordering = ["-tahun", "-urut", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "urut"], name="sk_urut_unik_per_tahun"),
            models.CheckConstraint(condition=Q(urut__gte=1), name="sk_urut_positif"),
            models.CheckConstraint(
                condition=~Q(status=StatusSK.DITETAPKAN)
                | Q(nomor__isnull=False, tanggal__isnull=False, tahun__isnull=False, urut__isnull=False),
                name="sk_ditetapkan_bernomor",
            ),
            models.CheckConstraint(
                condition=Q(jenis=JenisSK.PENETAPAN) | Q(mengganti__isnull=False), name="sk_perubahan_menyebut_asal"
            ),
            models.CheckConstraint(
                condition=Q(ditandatangani_pada__isnull=True) | Q(status=StatusSK.DITETAPKAN),
                name="sk_ditandatangani_ditetapkan",
            ),
        ]

    def __str__(self):
        return self.nomor or str(_("Konsep SK #%(pk)s") % {"pk": self.pk})

    @property
    def konsep(self) -> bool:
        return self.status == StatusSK.KONSEP

    @property
    def ditandatangani(self) -> bool:
        """Signed electronically (PAdES) through this system."""
        return self.ditandatangani_pada is not None


class RiwayatStatusSK(RiwayatStatusPengganti):
    """A decree's history: prepared (`dari` empty), signed, returned or withdrawn."""

    sk = models.ForeignKey(SuratKeputusan, on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(StatusSK)

    class Meta(RiwayatStatus.Meta):
        verbose_name = _("riwayat status SK")
        verbose_name_plural = _("riwayat status SK")

    def __str__(self):
        return f"{self.sk_id}: {self.dari} -> {self.ke}"


class SuratPemberitahuan(models.Model):
    """The employee's notice of a signed decree: its own number (a gap-free sequence of its own),
    the Kepala BKPSDM as named signatory, rendered once and stored with its hash. The objection
    window runs from the day it was given: the employee's acknowledgement or the delivery HR
    records (`diserahkan_pada`), whichever came first."""

    usulan = models.ForeignKey(
        "UsulanMutasi", on_delete=models.CASCADE, related_name="surat_pemberitahuan", verbose_name=_("usulan")
    )
    sk = models.ForeignKey(SuratKeputusan, on_delete=models.PROTECT, related_name="pemberitahuan")
    nomor = models.CharField(_("nomor surat"), max_length=100, unique=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    tanggal = models.DateField(_("tanggal surat"))
    kode_verifikasi = models.CharField(_("kode verifikasi"), max_length=32, unique=True)
    penandatangan_nama = models.CharField(_("nama penandatangan"), max_length=150)
    penandatangan_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)
    penandatangan_jabatan = models.CharField(_("jabatan penandatangan"), max_length=200)
    penandatangan_pangkat = models.CharField(_("pangkat penandatangan"), max_length=100, blank=True)
    berkas = models.FileField(_("berkas PDF"), upload_to=lokasi_dokumen, blank=True, max_length=200)
    sha256 = models.CharField(_("SHA-256 berkas"), max_length=64, blank=True)
    ditandatangani_pada = models.DateTimeField(_("ditandatangani pada"), null=True, blank=True)
    diserahkan_pada = models.DateField(_("diserahkan kepada pegawai pada"), null=True, blank=True)
    diserahkan_oleh = akun_pelaku()
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        verbose_name = _("surat pemberitahuan")
        verbose_name_plural = _("surat pemberitahuan")
        ordering = ["-tahun", "-urut"]
        constraints = [
            models.UniqueConstraint(fields=["usulan", "sk"], name="pemberitahuan_satu_per_sk"),
            models.UniqueConstraint(fields=["tahun", "urut"], name="pemberitahuan_urut_unik_per_tahun"),
            models.CheckConstraint(condition=Q(urut__gte=1), name="pemberitahuan_urut_positif"),
        ]

    def __str__(self):
        return self.nomor
