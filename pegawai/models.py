"""People and organisation: units, positions, employees, position history, and the
reference data (competences, retirement ages, sanctions, yearly performance, workload)
that the higher apps (mutasi, evaluasi) read."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import FilteredRelation, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.kalender import bulan_penuh, usia

from . import nip as nip_rules

# --- Reference vocabularies -------------------------------------------------------


class StatusAsn(models.TextChoices):
    PNS = "PNS", "PNS"
    PPPK = "PPPK", "PPPK"


class JenisKelamin(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


PANGKAT_PNS = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_PPPK = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
]
GOLONGAN_CHOICES = [(g, f"{g} - {p}") for g, p in PANGKAT_PNS.items()] + [(g, f"{g} (PPPK)") for g in GOLONGAN_PPPK]


class JenisJabatan(models.TextChoices):
    JPT = "JPT", _("Jabatan Pimpinan Tinggi")
    ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")
    PENGAWAS = "PENGAWAS", _("Pengawas")
    FUNGSIONAL = "FUNGSIONAL", _("Fungsional")
    PELAKSANA = "PELAKSANA", _("Pelaksana")


class JenjangJabatan(models.TextChoices):
    NONE = "", "-"
    JPT_UTAMA = "JPT_UTAMA", _("JPT Utama")
    JPT_MADYA = "JPT_MADYA", _("JPT Madya")
    JPT_PRATAMA = "JPT_PRATAMA", _("JPT Pratama")
    AHLI_UTAMA = "AHLI_UTAMA", _("Ahli Utama")
    AHLI_MADYA = "AHLI_MADYA", _("Ahli Madya")
    AHLI_MUDA = "AHLI_MUDA", _("Ahli Muda")
    AHLI_PERTAMA = "AHLI_PERTAMA", _("Ahli Pertama")
    PENYELIA = "PENYELIA", _("Penyelia")
    MAHIR = "MAHIR", _("Mahir")
    TERAMPIL = "TERAMPIL", _("Terampil")
    PEMULA = "PEMULA", _("Pemula")


class JenisUnit(models.TextChoices):
    OPD = "OPD", _("Perangkat Daerah (OPD)")
    SEKRETARIAT = "SEKRETARIAT", _("Sekretariat")
    BIDANG = "BIDANG", _("Bidang")
    BAGIAN = "BAGIAN", _("Bagian")
    SUBBAGIAN = "SUBBAGIAN", _("Subbagian")
    SEKSI = "SEKSI", _("Seksi")
    KECAMATAN = "KECAMATAN", _("Kecamatan")
    KELURAHAN = "KELURAHAN", _("Kelurahan")
    PUSKESMAS = "PUSKESMAS", _("Puskesmas")
    RSUD = "RSUD", _("Rumah Sakit Daerah")
    SEKOLAH = "SEKOLAH", _("Sekolah")
    UPTD = "UPTD", _("UPTD")


class JenisKompetensi(models.TextChoices):
    TEKNIS = "TEKNIS", _("Teknis")
    MANAJERIAL = "MANAJERIAL", _("Manajerial")
    SOSIAL_KULTURAL = "SOSIAL_KULTURAL", _("Sosial Kultural")


class Predikat(models.TextChoices):
    """Predikat kinerja (PermenPANRB 6/2022), best first."""

    SANGAT_BAIK = "SANGAT_BAIK", _("Sangat Baik")
    BAIK = "BAIK", _("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
    KURANG = "KURANG", _("Kurang/Misconduct")
    SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")

    @classmethod
    def skor(cls, value: str) -> int:
        """5 for Sangat Baik down to 1 for Sangat Kurang: for comparing before and after."""
        order = [cls.SANGAT_KURANG, cls.KURANG, cls.BUTUH_PERBAIKAN, cls.BAIK, cls.SANGAT_BAIK]
        return order.index(value) + 1

    @classmethod
    def baik_atau_lebih(cls, value: str) -> bool:
        return value in (cls.SANGAT_BAIK, cls.BAIK)


# --- Accounts ---------------------------------------------------------------------


class Peran(models.TextChoices):
    PEGAWAI = "PEGAWAI", _("Pegawai")
    HR = "HR", _("Staf BKPSDM")
    PPK = "PPK", _("Pejabat Pembina Kepegawaian")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, nip, password=None, **extra):
        if not nip:
            raise ValueError("NIP wajib diisi")
        user = self.model(nip=nip_rules.normalisasi(nip), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, nip, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, peran=Peran.HR)
        return self.create_user(nip, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A login. Signs in with the NIP; the person behind it is `user.pegawai` (may be absent
    for technical accounts). The unit-head role is not stored: it follows from heading a unit."""

    nip = models.CharField(_("NIP"), max_length=30, unique=True)
    email = models.EmailField(_("email"), blank=True)
    peran = models.CharField(_("peran"), max_length=10, choices=Peran.choices, default=Peran.PEGAWAI)
    is_active = models.BooleanField(_("aktif"), default=True)
    is_staff = models.BooleanField(_("akses admin"), default=False)
    date_joined = models.DateTimeField(_("dibuat"), default=timezone.now)
    diaktifkan = models.DateTimeField(_("diaktifkan"), null=True, blank=True)

    objects = UserManager()
    USERNAME_FIELD = "nip"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("akun")
        verbose_name_plural = _("akun")

    def __str__(self):
        return self.nip

    @property
    def is_hr(self) -> bool:
        return self.is_active and (self.peran == Peran.HR or self.is_superuser)

    @property
    def is_ppk(self) -> bool:
        return self.is_active and self.peran == Peran.PPK

    @property
    def alamat_surel(self) -> str:
        """Where mail to this account goes: its own address, else its employee's (inti.surel reads it)."""
        if self.email:
            return self.email
        pegawai = getattr(self, "pegawai", None)
        return pegawai.email if pegawai is not None else ""

    def get_full_name(self):
        pegawai = getattr(self, "pegawai", None)
        return pegawai.nama_lengkap if pegawai else self.nip

    def get_short_name(self):
        return self.get_full_name()


# --- Organisation -----------------------------------------------------------------


class UnitKerja(models.Model):
    kode = models.CharField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisUnit.choices)
    induk = models.ForeignKey(
        "self", verbose_name=_("unit induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    kepala = models.ForeignKey(
        "Pegawai",
        verbose_name=_("kepala unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="unit_dipimpin",
    )
    alamat = models.CharField(_("alamat"), max_length=250, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)

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
    jenjang = models.CharField(_("jenjang"), max_length=20, choices=JenjangJabatan.choices, blank=True)
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

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["nama"]
        constraints = [
            models.CheckConstraint(condition=Q(kelas__gte=1, kelas__lte=17), name="jabatan_kelas_1_17"),
        ]

    def __str__(self):
        return self.nama


class BatasUsiaPensiun(models.Model):
    """Retirement age per kind of position: data, not code, because the sources disagree."""

    jenis = models.CharField(_("jenis jabatan"), max_length=20, choices=JenisJabatan.choices)
    jenjang = models.CharField(
        _("jenjang"), max_length=20, choices=JenjangJabatan.choices, blank=True, help_text=_("Kosong = semua jenjang")
    )
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


# --- People -----------------------------------------------------------------------


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
    akun = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
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
        return self.riwayat_jabatan.filter(sampai__isnull=True).select_related("unit", "jabatan").first()


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


class TingkatHukuman(models.TextChoices):
    RINGAN = "RINGAN", _("Ringan")
    SEDANG = "SEDANG", _("Sedang")
    BERAT = "BERAT", _("Berat")


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

    class Meta:
        verbose_name = _("predikat kinerja tahunan")
        verbose_name_plural = _("predikat kinerja tahunan")
        ordering = ["pegawai", "-tahun"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "tahun"], name="kinerja_satu_per_tahun")]

    def __str__(self):
        return f"{self.tahun}: {self.get_predikat_display()}"


# --- Needs analysis (Anjab/ABK) -----------------------------------------------------


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


# --- Imports and audit ----------------------------------------------------------------


class RiwayatImpor(models.Model):
    jenis = models.CharField(_("jenis data"), max_length=20)
    nama_file = models.CharField(_("nama file"), max_length=255)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"), default=0)
    dibuat = models.PositiveIntegerField(_("baru"), default=0)
    diubah = models.PositiveIntegerField(_("diubah"), default=0)
    tidak_berubah = models.PositiveIntegerField(_("tidak berubah"), default=0)
    berhasil = models.BooleanField(_("berhasil"), default=True)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("riwayat impor")
        verbose_name_plural = _("riwayat impor")
        ordering = ["-waktu"]

    def __str__(self):
        return f"{self.nama_file} ({self.waktu:%Y-%m-%d %H:%M})"
