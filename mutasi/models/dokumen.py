"""The documents a transfer file needs (Perban BKN 5/2019), as data HR keeps: a catalogue of
document kinds, rules saying which kinds a kind of transfer needs and by which step, and per
proposal the uploaded file of each kind. A kind with a `sumber` also counts without an upload when
the application itself holds it: the employee's own request made in the application, the sending
or receiving head's approval given in the application; and a kind with a `jenis_lampiran` counts
when the proposal has an attachment (`LampiranUsulan`) of that kind, so a document attached on the
proposal's form is not uploaded twice (`mutasi.selectors.dokumen_syarat`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku, pilihan_opsional
from inti.models import BerkasUnggahan

from .usulan import DasarMutasi, JenisLampiran, JenisMutasi, UsulanMutasi


class SumberDokumen(models.TextChoices):
    UNGGAH = "", _("Diunggah")
    PERMOHONAN = "PERMOHONAN", _("Permohonan pegawai di aplikasi")
    PELEPASAN = "PELEPASAN", _("Persetujuan pelepasan kepala unit asal di aplikasi")
    PENERIMAAN = "PENERIMAAN", _("Persetujuan penerimaan kepala unit tujuan di aplikasi")


class LangkahDokumen(models.TextChoices):
    """The steps a rule may guard, in the order of the workflow (a document required before a step
    is required before every later one too)."""

    AJUKAN = "ajukan", _("Sebelum usulan diajukan")
    LEPAS = "lepas", _("Sebelum persetujuan pelepasan")
    TERIMA = "terima", _("Sebelum persetujuan penerimaan")
    VERIFIKASI = "verifikasi", _("Sebelum verifikasi BKPSDM")
    PUTUSKAN = "putuskan", _("Sebelum keputusan PPK")


URUTAN_LANGKAH_DOKUMEN = [c.value for c in LangkahDokumen]


class JenisDokumenSyarat(models.Model):
    kode = models.SlugField(_("kode"), max_length=30, unique=True, help_text=_("Huruf, angka, - atau _."))
    nama = models.CharField(_("nama dokumen"), max_length=200)
    keterangan = models.TextField(_("keterangan"), blank=True)
    sumber = pilihan_opsional(
        _("dipenuhi otomatis oleh"),
        SumberDokumen,
        max_length=12,
        help_text=_("Bila ada di aplikasi, dokumen ini terpenuhi tanpa unggahan."),
    )
    jenis_lampiran = pilihan_opsional(
        _("juga dipenuhi lampiran berjenis"),
        JenisLampiran,
        max_length=20,
        help_text=_("Lampiran usulan dengan jenis ini juga memenuhi dokumen ini (tanpa unggah dua kali)."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta:
        verbose_name = _("jenis dokumen syarat")
        verbose_name_plural = _("jenis dokumen syarat")
        ordering = ["urutan", "id"]

    def __str__(self):
        return self.nama


class AturanDokumenSyarat(models.Model):
    """A kind of document is required for a kind of transfer (and, when set, only for one basis,
    e.g. the request letter for transfers at the employee's own request) before a step."""

    jenis_dokumen = models.ForeignKey(
        JenisDokumenSyarat, on_delete=models.CASCADE, related_name="aturan", verbose_name=_("jenis dokumen")
    )
    jenis_mutasi = models.CharField(_("jenis mutasi"), max_length=8, choices=JenisMutasi.choices)
    dasar = pilihan_opsional(
        _("hanya untuk dasar mutasi"), DasarMutasi, max_length=12, help_text=_("Kosong: semua dasar mutasi.")
    )
    langkah = models.CharField(_("wajib ada"), max_length=12, choices=LangkahDokumen.choices)

    class Meta:
        verbose_name = _("aturan dokumen syarat")
        verbose_name_plural = _("aturan dokumen syarat")
        ordering = ["jenis_dokumen", "jenis_mutasi"]
        constraints = [
            models.UniqueConstraint(
                fields=["jenis_dokumen", "jenis_mutasi"], name="aturan_dokumen_satu_per_jenis_mutasi"
            )
        ]

    def __str__(self):
        return f"{self.jenis_dokumen}: {self.get_jenis_mutasi_display()} ({self.get_langkah_display()})"


class DokumenUsulan(BerkasUnggahan):
    """The uploaded file of one kind for one proposal (a new upload replaces it)."""

    usulan = models.ForeignKey(UsulanMutasi, on_delete=models.CASCADE, related_name="dokumen")
    jenis = models.ForeignKey(
        JenisDokumenSyarat, on_delete=models.PROTECT, related_name="dokumen", verbose_name=_("jenis dokumen")
    )
    berkas = models.FileField(_("berkas"), upload_to="mutasi/dokumen/%Y/%m/")
    diunggah_oleh = akun_pelaku(_("diunggah oleh"), blank=False)

    class Meta:
        verbose_name = _("dokumen usulan")
        verbose_name_plural = _("dokumen usulan")
        ordering = ["jenis__urutan", "id"]
        constraints = [models.UniqueConstraint(fields=["usulan", "jenis"], name="dokumen_usulan_satu_per_jenis")]
