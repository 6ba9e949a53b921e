"""What a decree cites and whom it is copied to, as data HR keeps in the admin, and how the
deciding PPK signs (Permendagri 80/2015 on regional legal products)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inti.medan import pilihan_opsional
from pegawai.models import StatusAsn

from .usulan import JenisMutasi


class BarisNaskah(models.Model):
    """A line of the decree text HR keeps (Mengingat, Tembusan): its place in the order written,
    whether it is used, and the kind of transfer it is limited to (empty: every kind)."""

    urutan = models.PositiveSmallIntegerField(_("urutan"), default=100)
    aktif = models.BooleanField(_("aktif"), default=True)
    jenis_mutasi = pilihan_opsional(
        _("berlaku untuk jenis mutasi"), JenisMutasi, max_length=8, help_text=_("Kosong: semua jenis.")
    )

    class Meta:
        abstract = True
        ordering = ["urutan", "id"]


class DasarHukum(BarisNaskah):
    """One line of "Mengingat": a law or regulation the decree rests on, in the order written
    (higher and older first). Limited to a kind of transfer and/or a status when it applies only
    there (PP 49/2018 for PPPK, PP 11/2017 for PNS)."""

    teks = models.TextField(_("teks"), help_text=_("Ditulis lengkap seperti dalam keputusan, tanpa nomor urut."))
    status_asn = pilihan_opsional(
        _("berlaku untuk status"), StatusAsn, max_length=4, help_text=_("Kosong: PNS dan PPPK.")
    )

    class Meta(BarisNaskah.Meta):
        verbose_name = _("dasar hukum SK")
        verbose_name_plural = _("dasar hukum SK")

    def __str__(self):
        return self.teks[:80]


class TembusanSK(BarisNaskah):
    """One line of "Tembusan Yth.". `{opd_asal}`, `{opd_tujuan}` and `{instansi_lain}` are filled per
    decree (the OPDs the employees leave and join, the other instansi); a line whose placeholder is
    empty for a decree is left out."""

    teks = models.CharField(
        _("teks"),
        max_length=200,
        help_text=_("Boleh memuat {opd_asal}, {opd_tujuan} atau {instansi_lain}."),
    )

    class Meta(BarisNaskah.Meta):
        verbose_name = _("tembusan SK")
        verbose_name_plural = _("tembusan SK")

    def __str__(self):
        return self.teks


class Plh(models.TextChoices):
    DEFINITIF = "", _("Definitif")
    PLH = "Plh.", _("Pelaksana harian (Plh.)")
    PLT = "Plt.", _("Pelaksana tugas (Plt.)")


class PejabatPenandatangan(models.Model):
    """How a PPK account signs decrees: the position written above the name, whether on behalf of
    the regional head (a.n. WALI KOTA SURABAYA: the Sekda as delegate) and whether as Plh./Plt. The
    name, rank and NIP come from the account's employee record, never retyped per decree. Without
    a row the PPK signs on behalf of the regional head with the name of their current post."""

    akun = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pejabat_penandatangan", verbose_name=_("akun")
    )
    jabatan_ttd = models.CharField(
        _("jabatan pada tanda tangan"),
        max_length=200,
        blank=True,
        help_text=_("Mis. SEKRETARIS DAERAH. Kosong: jabatan sekarang."),
    )
    atas_nama = models.BooleanField(
        _("atas nama kepala daerah"), default=True, help_text=_("Menandatangani a.n. kepala daerah (pendelegasian).")
    )
    plh = pilihan_opsional(_("Plh./Plt."), Plh, max_length=5)

    class Meta:
        verbose_name = _("pejabat penanda tangan SK")
        verbose_name_plural = _("pejabat penanda tangan SK")

    def __str__(self):
        return f"{self.plh} {self.jabatan_ttd}".strip()
