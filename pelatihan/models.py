"""Training and adaptation after a transfer (issue 6): the training catalogue, training
assignments with their evidence, the mentor of a transferred employee, the adaptation
checklist and the employee's check-ins.

The rules (which status may follow which, who may act, when the competences are added to
the record) live in `pelatihan.services` and `pelatihan.akses`; these models hold state and the
invariants the database can hold.

Only an assignment is a workflow (`StatusPenugasan`, moved by `services.alur.AlurPenugasan`, one
`RiwayatStatusPenugasan` row per move). The mentoring (`Pendampingan`) has no state (it only ends, with
a cancelled transfer: `berakhir_pada`), a plan item is
done or not (`ItemAdaptasi.selesai_pada`, ticked back and forth by the employee and the mentor) and a
check-in is written once: none of them is a workflow.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku, kolom_dari_ke, kolom_status, rujukan_opsional
from inti.models import RiwayatStatus
from mutasi.models import UsulanMutasi
from pegawai.models import Kompetensi, Pegawai


class JenisPelatihan(models.TextChoices):
    TEKNIS = "TEKNIS", _("Teknis")
    MANAJERIAL = "MANAJERIAL", _("Manajerial")
    SOSIAL_KULTURAL = "SOSIAL_KULTURAL", _("Sosial kultural")
    FUNGSIONAL = "FUNGSIONAL", _("Fungsional")


class ModePelatihan(models.TextChoices):
    KLASIKAL = "KLASIKAL", _("Klasikal")
    E_LEARNING = "E_LEARNING", _("E-learning")
    ON_THE_JOB = "ON_THE_JOB", _("On-the-job training")


class Pelatihan(models.Model):
    """A training in the catalogue, with the competences it builds."""

    nama = models.CharField(_("nama pelatihan"), max_length=200, unique=True)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisPelatihan.choices)
    jp = models.PositiveSmallIntegerField(
        _("jam pelajaran (JP)"), validators=[MinValueValidator(1)], help_text=_("1 JP = 45 menit.")
    )
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200)
    mode = models.CharField(_("metode"), max_length=12, choices=ModePelatihan.choices)
    kompetensi = models.ManyToManyField(
        Kompetensi, verbose_name=_("kompetensi yang dibangun"), blank=True, related_name="pelatihan"
    )
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    aktif = models.BooleanField(
        _("aktif"), default=True, help_text=_("Pelatihan tidak aktif tidak disarankan dan tidak dapat ditugaskan.")
    )
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        db_table = "mutasi_pelatihan"  # created when training was part of mutasi
        verbose_name = _("pelatihan")
        verbose_name_plural = _("katalog pelatihan")
        ordering = ["nama"]
        constraints = [models.CheckConstraint(condition=Q(jp__gte=1), name="pelatihan_jp_positif")]

    def __str__(self):
        return self.nama


class StatusPenugasan(models.TextChoices):
    DITUGASKAN = "DITUGASKAN", _("Ditugaskan")
    BERLANGSUNG = "BERLANGSUNG", _("Sedang berlangsung")
    SELESAI = "SELESAI", _("Selesai")
    TIDAK_SELESAI = "TIDAK_SELESAI", _("Tidak selesai")
    DIBATALKAN = "DIBATALKAN", _("Dibatalkan")


STATUS_AKTIF = (StatusPenugasan.DITUGASKAN, StatusPenugasan.BERLANGSUNG)
STATUS_AKHIR = (StatusPenugasan.SELESAI, StatusPenugasan.TIDAK_SELESAI, StatusPenugasan.DIBATALKAN)


class PenugasanPelatihan(models.Model):
    """One employee assigned to one training, from a transfer (`usulan`) or on its own."""

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="penugasan_pelatihan", verbose_name=_("pegawai")
    )
    pelatihan = models.ForeignKey(
        Pelatihan, on_delete=models.PROTECT, related_name="penugasan", verbose_name=_("pelatihan")
    )
    usulan = rujukan_opsional(
        UsulanMutasi,
        _("usulan mutasi"),
        related_name="penugasan_pelatihan",
        help_text=_("Kosong bila pelatihan ditugaskan di luar mutasi."),
    )
    tenggat = models.DateField(_("tenggat"))
    status = kolom_status(StatusPenugasan, StatusPenugasan.DITUGASKAN, max_length=14)
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)
    jp_diperoleh = models.PositiveSmallIntegerField(_("JP diperoleh"), default=0)
    bukti = models.FileField(_("sertifikat / bukti"), upload_to="pelatihan/bukti/%Y/%m/", max_length=255, blank=True)
    bukti_nama = models.CharField(_("nama berkas bukti"), max_length=255, blank=True)
    bukti_tipe = models.CharField(_("tipe berkas bukti"), max_length=50, blank=True)
    bukti_diunggah_pada = models.DateTimeField(_("bukti diunggah pada"), null=True, blank=True)
    diverifikasi_oleh = akun_pelaku(_("diverifikasi oleh"))
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    ditugaskan_oleh = akun_pelaku(_("ditugaskan oleh"))
    ditugaskan_pada = models.DateTimeField(_("ditugaskan pada"), default=timezone.now)
    catatan = models.TextField(_("catatan"), blank=True)
    alasan = models.TextField(
        _("alasan"), blank=True, help_text=_("Alasan tidak selesai, dibatalkan, atau bukti dikembalikan.")
    )
    # Last day a reminder went out: the daily command sends at most one per assignment per day.
    diingatkan_pada = models.DateField(_("terakhir diingatkan"), null=True, blank=True)

    class Meta:
        db_table = "mutasi_penugasanpelatihan"  # created when training was part of mutasi
        verbose_name = _("penugasan pelatihan")
        verbose_name_plural = _("penugasan pelatihan")
        ordering = ["tenggat", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "pelatihan"],
                condition=Q(status__in=STATUS_AKTIF),
                name="penugasan_satu_aktif_per_pelatihan",
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusPenugasan.SELESAI)
                | Q(tanggal_selesai__isnull=False, diverifikasi_pada__isnull=False),
                name="penugasan_selesai_bertanggal_terverifikasi",
            ),
            models.CheckConstraint(
                condition=Q(status=StatusPenugasan.SELESAI) | Q(jp_diperoleh=0),
                name="penugasan_jp_hanya_bila_selesai",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[StatusPenugasan.TIDAK_SELESAI, StatusPenugasan.DIBATALKAN]) | ~Q(alasan=""),
                name="penugasan_gagal_beralasan",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "tenggat"], name="penugasan_status_tenggat_idx"),
            models.Index(fields=["pegawai", "status"], name="penugasan_pegawai_status_idx"),
            models.Index(fields=["tenggat", "id"], name="penugasan_tenggat_idx"),  # the list's sort by due date
        ]

    def __str__(self):
        return f"{self.pelatihan} - {self.pegawai.nama_lengkap}"

    @property
    def aktif(self) -> bool:
        return self.status in STATUS_AKTIF

    @property
    def menunggu_verifikasi(self) -> bool:
        return self.status == StatusPenugasan.BERLANGSUNG and bool(self.bukti)

    def terlambat_pada(self, hari_ini) -> bool:
        return self.aktif and self.tenggat < hari_ini

    @property
    def terlambat(self) -> bool:
        return self.terlambat_pada(timezone.localdate())


class RiwayatStatusPenugasan(RiwayatStatus):
    """One row per move of an assignment (its creation included, `dari` empty), and per due-date
    change (`dari` = `ke`): who, when, as what, the reason."""

    penugasan = models.ForeignKey(PenugasanPelatihan, on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(StatusPenugasan)

    class Meta(RiwayatStatus.Meta):
        verbose_name = _("riwayat status penugasan")
        verbose_name_plural = _("riwayat status penugasan")

    def __str__(self):
        return f"{self.penugasan_id}: {self.dari} -> {self.ke} ({self.aksi})"


class Pendampingan(models.Model):
    """The mentor (pendamping) named by the receiving unit head for one transfer."""

    usulan = models.OneToOneField(
        UsulanMutasi, on_delete=models.CASCADE, related_name="pendampingan", verbose_name=_("usulan mutasi")
    )
    mentor = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="pendampingan_mentor", verbose_name=_("pendamping")
    )
    ditunjuk_oleh = akun_pelaku()
    ditunjuk_pada = models.DateTimeField(_("ditunjuk pada"), default=timezone.now)
    # Ended with its transfer (a decided transfer cancelled or revoked): the plan is kept, frozen.
    berakhir_pada = models.DateTimeField(_("berakhir pada"), null=True, blank=True)
    berakhir_alasan = models.CharField(_("alasan berakhir"), max_length=300, blank=True)

    class Meta:
        db_table = "mutasi_pendampingan"  # created when training was part of mutasi
        verbose_name = _("pendampingan")
        verbose_name_plural = _("pendampingan")
        ordering = ["-ditunjuk_pada", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(berakhir_pada__isnull=True) | ~Q(berakhir_alasan=""),
                name="pendampingan_berakhir_beralasan",
            )
        ]

    def __str__(self):
        return f"{self.mentor.nama_lengkap} -> {self.usulan_id}"

    @property
    def berakhir(self) -> bool:
        return self.berakhir_pada is not None


def pendampingan_dari(usulan: UsulanMutasi) -> Pendampingan | None:
    """The transfer's mentoring, or None before a mentor is named."""
    try:
        return usulan.pendampingan
    except Pendampingan.DoesNotExist:
        return None


# The checklist every plan starts with: (title, days after the TMT).
ITEM_BAWAAN = [
    (_("Perkenalan dengan tim"), 3),
    (_("Akses sistem/aplikasi"), 7),
    (_("Prosedur kerja unit"), 14),
    (_("Tugas pertama"), 30),
]


class ItemAdaptasi(models.Model):
    """One item of the adaptation plan; the employee or the mentor ticks it."""

    pendampingan = models.ForeignKey(Pendampingan, on_delete=models.CASCADE, related_name="item")
    judul = models.CharField(_("kegiatan"), max_length=200)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    tenggat = models.DateField(_("tenggat"))
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    selesai_oleh = akun_pelaku()

    class Meta:
        db_table = "mutasi_itemadaptasi"  # created when training was part of mutasi
        verbose_name = _("item rencana adaptasi")
        verbose_name_plural = _("item rencana adaptasi")
        ordering = ["urutan", "tenggat", "id"]
        constraints = [
            models.UniqueConstraint(fields=["pendampingan", "judul"], name="adaptasi_item_judul_unik"),
            models.CheckConstraint(
                condition=Q(selesai_pada__isnull=False) | Q(selesai_oleh__isnull=True),
                name="adaptasi_item_pencentang_hanya_bila_selesai",
            ),
        ]

    def __str__(self):
        return self.judul

    @property
    def selesai(self) -> bool:
        return self.selesai_pada is not None


class CheckInAdaptasi(models.Model):
    """The employee's short account of how the adaptation goes, 2 and 6 weeks after the TMT."""

    MINGGU = (2, 6)

    usulan = models.ForeignKey(UsulanMutasi, on_delete=models.CASCADE, related_name="checkin_adaptasi")
    minggu_ke = models.PositiveSmallIntegerField(_("minggu ke"), choices=[(m, m) for m in MINGGU])
    isi = models.TextField(_("bagaimana adaptasi Anda berjalan"))
    kesulitan = models.BooleanField(_("saya mengalami kesulitan"), default=False)
    kesulitan_isi = models.TextField(_("kesulitan yang dihadapi"), blank=True)
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        db_table = "mutasi_checkinadaptasi"  # created when training was part of mutasi
        verbose_name = _("check-in adaptasi")
        verbose_name_plural = _("check-in adaptasi")
        ordering = ["usulan", "minggu_ke"]
        constraints = [
            models.UniqueConstraint(fields=["usulan", "minggu_ke"], name="checkin_satu_per_minggu"),
            models.CheckConstraint(condition=Q(minggu_ke__in=[2, 6]), name="checkin_minggu_2_atau_6"),
            models.CheckConstraint(
                condition=Q(kesulitan=False) | ~Q(kesulitan_isi=""), name="checkin_kesulitan_diuraikan"
            ),
        ]

    def __str__(self):
        return f"{self.usulan_id} minggu {self.minggu_ke}"
