"""The organisation: units, positions with their competences, and retirement ages per kind of position."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inti.medan import pilihan_opsional, rujukan_opsional

from .pilihan import JenisJabatan, JenisKompetensi, JenisUnit, JenjangJabatan


class UnitKerja(models.Model):
    kode = models.CharField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisUnit.choices)
    induk = rujukan_opsional("self", _("unit induk"), on_delete=models.PROTECT, related_name="anak")
    kepala = rujukan_opsional("Pegawai", _("kepala unit"), related_name="unit_dipimpin")
    alamat = models.CharField(_("alamat"), max_length=250, blank=True)
    id_siasn = models.CharField(
        _("ID unor SIASN"), max_length=64, blank=True, help_text=_("ID unit organisasi (unorId) di SIASN BKN.")
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    ditutup_pada = models.DateField(
        _("ditutup pada"), null=True, blank=True, help_text=_("Unit yang ditutup tetap ada di riwayat.")
    )

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(condition=~Q(induk=models.F("pk")), name="unit_bukan_induk_sendiri"),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        # No cycles: the new parent must not be this unit or one of its descendants.
        seen, node = set(), self.induk
        while node is not None:
            if self.pk and node.pk == self.pk:
                raise ValidationError({"induk": _("Unit induk tidak boleh unit ini sendiri atau sub-unitnya.")})
            if node.pk in seen:
                break
            seen.add(node.pk)
            node = node.induk


class Kompetensi(models.Model):
    nama = models.CharField(_("nama"), max_length=150, unique=True)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisKompetensi.choices)
    deskripsi = models.TextField(_("deskripsi"), blank=True)

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        ordering = ["jenis", "nama"]

    def __str__(self):
        return self.nama


class Jabatan(models.Model):
    nama = models.CharField(_("nama jabatan"), max_length=200, unique=True)
    jenis = models.CharField(_("jenis jabatan"), max_length=20, choices=JenisJabatan.choices)
    jenjang = pilihan_opsional(_("jenjang"), JenjangJabatan, max_length=20)
    kelas = models.PositiveSmallIntegerField(
        _("kelas jabatan"), validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    kepala_unit = models.BooleanField(
        _("jabatan kepala unit"), default=False, help_text=_("Pemegang jabatan ini menjadi kepala unitnya.")
    )
    kompetensi = models.ManyToManyField(
        Kompetensi, verbose_name=_("persyaratan kompetensi"), blank=True, related_name="jabatan"
    )
    setara = models.ManyToManyField(
        "self",
        verbose_name=_("jabatan setara"),
        blank=True,
        help_text=_("Jabatan yang dianggap setara untuk pencarian kandidat mutasi."),
    )
    deskripsi = models.TextField(_("ikhtisar jabatan"), blank=True)
    bup_tahun = models.PositiveSmallIntegerField(
        _("batas usia pensiun khusus"),
        null=True,
        blank=True,
        validators=[MinValueValidator(50), MaxValueValidator(75)],
        help_text=_("Kosong = mengikuti tabel batas usia pensiun per jenis jabatan."),
    )
    id_siasn = models.CharField(
        _("ID jabatan SIASN"),
        max_length=64,
        blank=True,
        help_text=_("ID jabatan fungsional / pelaksana di SIASN BKN (jabatan struktural memakai ID unor unitnya)."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    ditutup_pada = models.DateField(
        _("ditutup pada"), null=True, blank=True, help_text=_("Jabatan yang ditutup tetap ada di riwayat.")
    )

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["nama"]
        constraints = [
            models.CheckConstraint(condition=Q(kelas__gte=1, kelas__lte=17), name="jabatan_kelas_1_17"),
            models.CheckConstraint(
                condition=Q(bup_tahun__isnull=True) | Q(bup_tahun__gte=50, bup_tahun__lte=75), name="jabatan_bup_50_75"
            ),
        ]

    def __str__(self):
        return self.nama


class BatasUsiaPensiun(models.Model):
    """Retirement age per kind of position: data, not code, because the sources disagree."""

    jenis = models.CharField(_("jenis jabatan"), max_length=20, choices=JenisJabatan.choices)
    jenjang = pilihan_opsional(_("jenjang"), JenjangJabatan, max_length=20, help_text=_("Kosong = semua jenjang"))
    usia = models.PositiveSmallIntegerField(
        _("usia pensiun"), validators=[MinValueValidator(50), MaxValueValidator(75)]
    )

    class Meta:
        verbose_name = _("batas usia pensiun")
        verbose_name_plural = _("batas usia pensiun")
        ordering = ["jenis", "jenjang"]
        constraints = [models.UniqueConstraint(fields=["jenis", "jenjang"], name="bup_unik_per_jenis_jenjang")]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.get_jenjang_display() if self.jenjang else ''}: {self.usia}"

    @classmethod
    def peta(cls, jenis: str | None = None) -> dict[tuple[str, str], int]:
        """{(jenis, jenjang): age}, for `bup_jabatan`. One query."""
        qs = cls.objects.all() if jenis is None else cls.objects.filter(jenis=jenis)
        return {(j, jj): u for j, jj, u in qs.values_list("jenis", "jenjang", "usia")}


def bup_jabatan(jabatan: Jabatan, peta: dict[tuple[str, str], int]) -> int | None:
    """The retirement age (BUP) of a position, the one rule every page and check uses: the
    position's own age (`Jabatan.bup_tahun`, e.g. guru 60) first, then the table row for its jenis
    and jenjang, then the row for its jenis with an empty jenjang. None when nothing says."""
    if jabatan.bup_tahun:
        return jabatan.bup_tahun
    return peta.get((jabatan.jenis, jabatan.jenjang)) or peta.get((jabatan.jenis, ""))


def bup_bawaan_jabatan(nama: str) -> int | None:
    """A position whose BUP differs from its kind's by its own law: teachers (guru, and a school
    head, who is a guru with an extra task) retire at 60 (UU 14/2005 art. 40), not at the 58 of
    JF ahli pertama/muda. Used by the data migration and the demo data."""
    nama = " ".join(nama.lower().split())
    return 60 if nama.startswith("guru") or nama.startswith("kepala sekolah") else None


class Formasi(models.Model):
    """How many holders of a position a unit may have (formasi): data HR edits on the unit page;
    the needs analysis and the imports read it."""

    unit = models.ForeignKey(UnitKerja, verbose_name=_("unit kerja"), on_delete=models.CASCADE, related_name="formasi")
    jabatan = models.ForeignKey(Jabatan, verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="formasi")
    jumlah = models.PositiveSmallIntegerField(_("jumlah formasi"), validators=[MaxValueValidator(9999)])

    class Meta:
        verbose_name = _("formasi")
        verbose_name_plural = _("formasi")
        ordering = ["unit", "jabatan__nama"]
        constraints = [models.UniqueConstraint(fields=["unit", "jabatan"], name="formasi_unik_unit_jabatan")]

    def __str__(self):
        return f"{self.jabatan} - {self.unit}: {self.jumlah}"
