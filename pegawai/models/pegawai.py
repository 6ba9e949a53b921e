"""People: employees, their position history (the open row is the current post), disciplinary
sanctions and yearly performance predicates."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import FilteredRelation, Q, Value
from django.utils.translation import gettext_lazy as _

from inti.kalender import bulan_penuh, usia
from inti.medan import akun_pelaku, rujukan_opsional

from .. import nip as nip_rules
from .organisasi import Jabatan, Kompetensi, UnitKerja
from .pilihan import GOLONGAN_CHOICES, GOLONGAN_PPPK, PANGKAT_PNS, JenisKelamin, Predikat, StatusAsn, TingkatHukuman


class PegawaiQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(aktif=True)

    def with_posisi(self):
        """Join the open position-history row as `posisi` (at most one: a constraint holds it),
        with its unit and position, in the same query."""
        return self.annotate(
            posisi=FilteredRelation("riwayat_jabatan", condition=Q(riwayat_jabatan__sampai__isnull=True)),
            posisi_dimuat=Value(True),
        ).select_related("posisi", "posisi__unit", "posisi__jabatan")


class Pegawai(models.Model):
    # The profile HR edits on the employee form, in the form's order (the admin shows the same).
    FIELD_PROFIL = (
        "nip",
        "status",
        "gelar_depan",
        "nama",
        "gelar_belakang",
        "jenis_kelamin",
        "tempat_lahir",
        "tanggal_lahir",
        "golongan",
        "pendidikan",
        "email",
        "telepon",
        "kompetensi",
    )

    nip = models.CharField(_("NIP / NI PPPK"), max_length=18, unique=True)
    status = models.CharField(_("status"), max_length=4, choices=StatusAsn.choices, default=StatusAsn.PNS)
    nama = models.CharField(_("nama"), max_length=150)
    gelar_depan = models.CharField(_("gelar depan"), max_length=30, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=50, blank=True)
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=1, choices=JenisKelamin.choices)
    tempat_lahir = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    tanggal_lahir = models.DateField(_("tanggal lahir"))
    golongan = models.CharField(_("golongan"), max_length=6, choices=GOLONGAN_CHOICES)
    pendidikan = models.CharField(_("pendidikan terakhir"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    kompetensi = models.ManyToManyField(Kompetensi, verbose_name=_("kompetensi"), blank=True, related_name="pegawai")
    aktif = models.BooleanField(_("aktif"), default=True)
    alasan_nonaktif = models.CharField(_("alasan tidak aktif"), max_length=100, blank=True)
    akun = rujukan_opsional(settings.AUTH_USER_MODEL, _("akun"), related_name="pegawai", satu=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]
        indexes = [models.Index(fields=["nama"], name="pegawai_nama_idx")]

    def __str__(self):
        return f"{self.nama_lengkap} ({self.nip})"

    def clean(self):
        errors = nip_rules.periksa(
            self.nip, status=self.status, tanggal_lahir=self.tanggal_lahir, jenis_kelamin=self.jenis_kelamin
        )
        if self.golongan:
            pppk_gol = self.golongan in GOLONGAN_PPPK
            if self.status == StatusAsn.PPPK and not pppk_gol:
                errors["golongan"] = _("Golongan PPPK adalah I sampai XVII.")
            elif self.status == StatusAsn.PNS and pppk_gol:
                errors["golongan"] = _("Golongan PNS adalah I/a sampai IV/e.")
        if errors:
            raise ValidationError(errors)
        self.nip = nip_rules.normalisasi(self.nip)

    @property
    def nama_lengkap(self) -> str:
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    @property
    def alamat_surel(self) -> str:
        """Where mail to this employee goes: their address, else their account's (inti.surel reads it)."""
        if self.email:
            return self.email
        return self.akun.email if self.akun_id and self.akun is not None else ""

    @property
    def nip_tampil(self) -> str:
        return nip_rules.tampil(self.nip, self.status)

    @property
    def pangkat(self) -> str:
        return PANGKAT_PNS.get(self.golongan, "")

    @property
    def pangkat_golongan(self) -> str:
        return f"{self.pangkat}, {self.golongan}" if self.pangkat else self.golongan

    @property
    def tmt_cpns(self) -> date | None:
        try:
            info = nip_rules.parse(self.nip, self.status)
        except ValidationError:
            return None
        return date(info.tahun_masuk, info.bulan_masuk or 1, 1)

    def usia_pada(self, tanggal: date) -> int:
        """Age in whole years by the calendar (a 29 February birthday counts on 28 February)."""
        return usia(self.tanggal_lahir, tanggal)

    @property
    def posisi_sekarang(self) -> "RiwayatJabatan | None":
        """The open position-history row, from the `with_posisi()` join when the queryset made it."""
        if getattr(self, "posisi_dimuat", False):
            return self.__dict__.get("posisi")
        return self.riwayat_jabatan.sekarang().select_related("unit", "jabatan").first()


class RiwayatJabatanQuerySet(models.QuerySet):
    def sekarang(self) -> "RiwayatJabatanQuerySet":
        """The current posts: the open rows (no end date), one per employee at most."""
        return self.filter(sampai__isnull=True)

    def staf(self, unit_ids) -> models.QuerySet:
        """The ids of the employees whose current post is in one of `unit_ids` (a subquery)."""
        return self.sekarang().filter(unit_id__in=unit_ids).values("pegawai_id")


class RiwayatJabatan(models.Model):
    """Position history. The open row (sampai is empty) is the current post: the unit and
    position of an employee are never stored anywhere else."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_jabatan")
    unit = models.ForeignKey(UnitKerja, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="riwayat")
    jabatan = models.ForeignKey(Jabatan, verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="riwayat")
    mulai = models.DateField(_("TMT"))
    sampai = models.DateField(_("sampai"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)

    objects = RiwayatJabatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("riwayat jabatan")
        verbose_name_plural = _("riwayat jabatan")
        ordering = ["pegawai", "-mulai"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"], condition=Q(sampai__isnull=True), name="riwayat_satu_jabatan_aktif"
            ),
            models.CheckConstraint(
                condition=Q(sampai__isnull=True) | Q(sampai__gte=models.F("mulai")), name="riwayat_sampai_setelah_mulai"
            ),
        ]
        indexes = [models.Index(fields=["unit", "jabatan"], condition=Q(sampai__isnull=True), name="riwayat_aktif_idx")]

    def __str__(self):
        return f"{self.jabatan} - {self.unit} ({self.mulai:%d-%m-%Y})"

    def lama_tahun(self, pada: date | None = None) -> float:
        """Time in the post for display, in years to one decimal, from whole calendar months
        (23 months is 1.9: it never shows 2 before the second anniversary). The rotation rule
        itself counts whole years: see pegawai.selectors.abk.rotasi."""
        akhir = self.sampai or pada or date.today()
        return round(bulan_penuh(self.mulai, akhir) / 12, 1)


class HukumanDisiplin(models.Model):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="hukuman_disiplin")
    tingkat = models.CharField(_("tingkat"), max_length=10, choices=TingkatHukuman.choices)
    jenis = models.CharField(_("jenis hukuman"), max_length=200)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    mulai = models.DateField(_("berlaku mulai"))
    selesai = models.DateField(_("berakhir"))
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("hukuman disiplin")
        verbose_name_plural = _("hukuman disiplin")
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(condition=Q(selesai__gte=models.F("mulai")), name="hukuman_selesai_setelah_mulai")
        ]

    def __str__(self):
        return f"{self.get_tingkat_display()}: {self.jenis}"

    def berlaku_pada(self, tanggal: date) -> bool:
        return self.mulai <= tanggal <= self.selesai


class KinerjaTahunan(models.Model):
    """The yearly performance predicate (from SKP), recorded for before/after comparisons."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="kinerja_tahunan")
    tahun = models.PositiveSmallIntegerField(_("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    predikat = models.CharField(_("predikat kinerja"), max_length=20, choices=Predikat.choices)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)
    dicatat_oleh = akun_pelaku(_("dicatat oleh"))
    dicatat_pada = models.DateTimeField(_("dicatat pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("predikat kinerja tahunan")
        verbose_name_plural = _("predikat kinerja tahunan")
        ordering = ["pegawai", "-tahun"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "tahun"], name="kinerja_satu_per_tahun")]

    def __str__(self):
        return f"{self.tahun}: {self.get_predikat_display()}"


class KontrakPPPK(models.Model):
    """One contract period of a PPPK employee (perjanjian kerja). A renewal is a new row pointing
    to the one it extends; the current contract is the latest that has started."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="kontrak_pppk")
    nomor = models.CharField(_("nomor perjanjian kerja"), max_length=100, blank=True)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("berakhir"))
    diperpanjang_dari = rujukan_opsional(
        "self", _("perpanjangan dari"), on_delete=models.PROTECT, related_name="perpanjangan", satu=True
    )
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kontrak PPPK")
        verbose_name_plural = _("kontrak PPPK")
        ordering = ["pegawai", "-mulai"]
        constraints = [
            models.CheckConstraint(condition=Q(selesai__gt=models.F("mulai")), name="kontrak_selesai_setelah_mulai"),
            models.UniqueConstraint(fields=["pegawai", "mulai"], name="kontrak_satu_per_mulai"),
        ]
        indexes = [models.Index(fields=["selesai"], name="kontrak_selesai_idx")]

    def __str__(self):
        return f"{self.nomor or _('Kontrak')} ({self.mulai:%d-%m-%Y} s.d. {self.selesai:%d-%m-%Y})"
