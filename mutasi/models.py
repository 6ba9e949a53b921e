"""Transfers (mutasi): proposals and their batches, the approval trail, the employee's own
requests, decrees (SK) with gap-free numbering, objections, and election blackout periods.

The workflow itself (which state may follow which, and who may move it) lives in
`mutasi.services.alur`; these models only hold state and the invariants the database can hold.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pegawai.models import Jabatan, Pegawai, RiwayatJabatan, UnitKerja


class JenisMutasi(models.TextChoices):
    DALAM = "DALAM", _("Dalam instansi (antar unit/OPD)")
    KELUAR = "KELUAR", _("Keluar antar instansi")
    MASUK = "MASUK", _("Masuk antar instansi")


class DasarMutasi(models.TextChoices):
    ANALISIS = "ANALISIS", _("Analisis kebutuhan (Anjab/ABK)")
    ROTASI = "ROTASI", _("Rotasi")
    PERMINTAAN = "PERMINTAAN", _("Permintaan sendiri")
    PENATAAN = "PENATAAN", _("Penataan organisasi")


class StatusUsulan(models.TextChoices):
    DRAFT = "DRAFT", _("Draf")
    DIAJUKAN = "DIAJUKAN", _("Diajukan")
    DILEPAS = "DILEPAS", _("Dilepas unit asal")
    DITERIMA = "DITERIMA", _("Diterima unit tujuan")
    DIVERIFIKASI = "DIVERIFIKASI", _("Diverifikasi BKPSDM")
    DIPUTUSKAN = "DIPUTUSKAN", _("Diputuskan PPK")
    SK_TERBIT = "SK_TERBIT", _("SK terbit")
    DILAKSANAKAN = "DILAKSANAKAN", _("Dilaksanakan")
    DIKEMBALIKAN = "DIKEMBALIKAN", _("Dikembalikan untuk perbaikan")
    DITOLAK = "DITOLAK", _("Ditolak")
    DIBATALKAN = "DIBATALKAN", _("Dibatalkan")


# States a proposal can still be edited in (a returned one is a draft with a comment).
STATUS_DRAF = (StatusUsulan.DRAFT, StatusUsulan.DIKEMBALIKAN)
# Submitted and not yet finished: at most one per employee (the database holds it).
STATUS_BERJALAN = (
    StatusUsulan.DIAJUKAN,
    StatusUsulan.DILEPAS,
    StatusUsulan.DITERIMA,
    StatusUsulan.DIVERIFIKASI,
    StatusUsulan.DIPUTUSKAN,
    StatusUsulan.SK_TERBIT,
)
STATUS_TERBUKA = STATUS_DRAF + STATUS_BERJALAN
STATUS_SELESAI = (StatusUsulan.DILAKSANAKAN, StatusUsulan.DITOLAK, StatusUsulan.DIBATALKAN)
# From the decision on, the employee sees the proposal.
STATUS_TERLIHAT_PEGAWAI = (StatusUsulan.DIPUTUSKAN, StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN)


class BatchUsulan(models.Model):
    """Many proposals that end in one decree (a rotation round)."""

    nama = models.CharField(_("nama batch"), max_length=200)
    keterangan = models.TextField(_("keterangan"), blank=True)
    dasar = models.CharField(_("dasar mutasi"), max_length=12, choices=DasarMutasi.choices, default=DasarMutasi.ROTASI)
    tmt_usulan = models.DateField(_("TMT yang diusulkan"))
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("dibuat oleh")
    )
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        verbose_name = _("batch usulan mutasi")
        verbose_name_plural = _("batch usulan mutasi")
        ordering = ["-dibuat"]

    def __str__(self):
        return self.nama


class NomorUrutSK(models.Model):
    """The last decree sequence number used in a year. Issuing locks this row
    (select_for_update) so numbers have no gaps and no duplicates under concurrency."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    terakhir = models.PositiveIntegerField(_("nomor urut terakhir"), default=0)

    class Meta:
        verbose_name = _("nomor urut SK")
        verbose_name_plural = _("nomor urut SK")

    def __str__(self):
        return f"{self.tahun}: {self.terakhir}"


class SuratKeputusan(models.Model):
    """A transfer decree. Covers one proposal or the decided part of a batch."""

    nomor = models.CharField(_("nomor SK"), max_length=100, unique=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    tanggal = models.DateField(_("tanggal SK"))
    tmt = models.DateField(_("TMT"))
    tentang = models.CharField(_("tentang"), max_length=300)
    penandatangan_nama = models.CharField(_("nama penandatangan"), max_length=150)
    penandatangan_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)
    penandatangan_jabatan = models.CharField(_("jabatan penandatangan"), max_length=200)
    kode_verifikasi = models.CharField(_("kode verifikasi"), max_length=32, unique=True)
    batch = models.ForeignKey(
        BatchUsulan, null=True, blank=True, on_delete=models.PROTECT, related_name="sk", verbose_name=_("batch")
    )
    mengganti = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengganti",
        verbose_name=_("mengubah SK"),
        help_text=_("SK yang diubah oleh SK ini (revisi setelah keberatan)."),
    )
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diterbitkan oleh"),
    )
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"), default=timezone.now)

    class Meta:
        verbose_name = _("surat keputusan")
        verbose_name_plural = _("surat keputusan")
        ordering = ["-tahun", "-urut"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "urut"], name="sk_urut_unik_per_tahun"),
            models.CheckConstraint(condition=Q(urut__gte=1), name="sk_urut_positif"),
        ]

    def __str__(self):
        return self.nomor


class UsulanMutasi(models.Model):
    """One person's transfer, from proposal to the day it is carried out.

    The from-post is captured from the record at creation (`asal_riwayat` is the open
    position-history row then); if the record moves on while the proposal is open, the
    proposal is flagged (`perlu_tinjauan`) and cannot be decided until HR has reviewed it.
    """

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="usulan_mutasi", verbose_name=_("pegawai")
    )
    jenis = models.CharField(_("jenis mutasi"), max_length=8, choices=JenisMutasi.choices, default=JenisMutasi.DALAM)
    dasar = models.CharField(_("dasar mutasi"), max_length=12, choices=DasarMutasi.choices)
    status = models.CharField(
        _("status"), max_length=14, choices=StatusUsulan.choices, default=StatusUsulan.DRAFT, db_index=True
    )
    batch = models.ForeignKey(
        BatchUsulan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="usulan",
        verbose_name=_("batch"),
    )

    # From (captured from the record when the proposal is made).
    asal_riwayat = models.ForeignKey(
        RiwayatJabatan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("posisi asal"),
    )
    asal_unit = models.ForeignKey(
        UnitKerja,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="usulan_keluar",
        verbose_name=_("unit asal"),
    )
    asal_jabatan = models.ForeignKey(
        Jabatan, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("jabatan asal")
    )
    asal_mulai = models.DateField(_("TMT jabatan asal"), null=True, blank=True)

    # To.
    tujuan_unit = models.ForeignKey(
        UnitKerja,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="usulan_masuk",
        verbose_name=_("unit tujuan"),
    )
    tujuan_jabatan = models.ForeignKey(
        Jabatan, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("jabatan tujuan")
    )

    # Inter-instansi moves: the other side and its decision.
    instansi_eksternal = models.CharField(_("instansi asal/tujuan"), max_length=200, blank=True)
    jabatan_eksternal = models.CharField(_("jabatan di instansi lain"), max_length=200, blank=True)
    nomor_keputusan_eksternal = models.CharField(_("nomor keputusan/persetujuan eksternal"), max_length=100, blank=True)
    tanggal_keputusan_eksternal = models.DateField(_("tanggal keputusan eksternal"), null=True, blank=True)

    # Why, and what for: both shown to the employee.
    alasan = models.TextField(_("alasan mutasi"))
    manfaat_organisasi = models.TextField(_("manfaat bagi organisasi"))
    manfaat_pegawai = models.TextField(_("manfaat bagi pegawai"))
    alasan_tanpa_kekurangan = models.TextField(
        _("alasan bila unit tujuan tidak kekurangan pegawai"),
        blank=True,
        help_text=_("Wajib bila menurut analisis kebutuhan unit tujuan tidak kekurangan pegawai pada jabatan ini."),
    )
    tmt_usulan = models.DateField(_("TMT yang diusulkan"))

    # Eligibility: the checks as seen at submission, and HR's override of failed ones.
    hasil_cek = models.JSONField(_("hasil pemeriksaan syarat"), default=list, blank=True)
    override_alasan = models.TextField(_("justifikasi pengecualian syarat"), blank=True)
    override_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_pada = models.DateTimeField(null=True, blank=True)

    # Election blackout: the Minister's written approval, noted.
    dalam_masa_tenang = models.BooleanField(_("dalam masa tenang pilkada"), default=False)
    persetujuan_menteri = models.CharField(
        _("persetujuan tertulis Menteri Dalam Negeri"), max_length=200, blank=True, help_text=_("Nomor dan tanggal.")
    )

    # The record changed while the proposal was open.
    perlu_tinjauan = models.BooleanField(_("perlu ditinjau BKPSDM"), default=False)
    tinjauan_alasan = models.CharField(_("perubahan data pegawai"), max_length=300, blank=True)
    ditinjau_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditinjau_pada = models.DateTimeField(null=True, blank=True)

    # Who did the steps that must not be done by one person.
    diusulkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="usulan_mutasi_dibuat",
        verbose_name=_("pengusul"),
    )
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diajukan_pada = models.DateTimeField(_("pertama diajukan"), null=True, blank=True)
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)

    # Decree and carrying out.
    sk = models.ForeignKey(
        SuratKeputusan, null=True, blank=True, on_delete=models.PROTECT, related_name="usulan", verbose_name=_("SK")
    )
    tmt = models.DateField(_("TMT"), null=True, blank=True)
    dilaksanakan_pada = models.DateTimeField(_("dilaksanakan pada"), null=True, blank=True)
    riwayat_baru = models.ForeignKey(RiwayatJabatan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    # The employee's notice.
    pemberitahuan_dibuka = models.DateTimeField(_("pemberitahuan pertama dibuka"), null=True, blank=True)
    pemberitahuan_dikonfirmasi = models.DateTimeField(_("pegawai menyatakan telah membaca"), null=True, blank=True)

    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("usulan mutasi")
        verbose_name_plural = _("usulan mutasi")
        ordering = ["-dibuat", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"],
                condition=Q(status__in=STATUS_BERJALAN),
                name="usulan_satu_berjalan_per_pegawai",
            ),
            models.CheckConstraint(
                condition=Q(jenis=JenisMutasi.KELUAR) | Q(tujuan_unit__isnull=False, tujuan_jabatan__isnull=False),
                name="usulan_tujuan_wajib_kecuali_keluar",
            ),
            models.CheckConstraint(
                condition=Q(jenis=JenisMutasi.MASUK) | Q(asal_unit__isnull=False, asal_jabatan__isnull=False),
                name="usulan_asal_wajib_kecuali_masuk",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN]) | Q(sk__isnull=False),
                name="usulan_sk_terbit_punya_sk",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "asal_unit"], name="usulan_status_asal_idx"),
            models.Index(fields=["status", "tujuan_unit"], name="usulan_status_tujuan_idx"),
        ]

    def __str__(self):
        return f"{self.nomor} {self.pegawai.nama_lengkap}"

    @property
    def nomor(self) -> str:
        """A short reference people can say on the phone."""
        return f"USL-{self.dibuat:%Y}-{self.pk:05d}" if self.pk else "USL-baru"

    @property
    def tujuan_tampil(self) -> str:
        if self.jenis == JenisMutasi.KELUAR:
            return f"{self.jabatan_eksternal or '-'} - {self.instansi_eksternal}"
        return f"{self.tujuan_jabatan} - {self.tujuan_unit}"

    @property
    def asal_tampil(self) -> str:
        if self.jenis == JenisMutasi.MASUK and not self.asal_unit_id:
            return f"{self.jabatan_eksternal or '-'} - {self.instansi_eksternal}"
        return f"{self.asal_jabatan} - {self.asal_unit}"


class RiwayatStatusUsulan(models.Model):
    """One row per transition: who, when, from, to, as what, and the comment."""

    usulan = models.ForeignKey(UsulanMutasi, on_delete=models.CASCADE, related_name="riwayat_status")
    aksi = models.CharField(_("aksi"), max_length=30)
    dari = models.CharField(_("dari status"), max_length=14, choices=StatusUsulan.choices, blank=True)
    ke = models.CharField(_("ke status"), max_length=14, choices=StatusUsulan.choices)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sebagai = models.CharField(_("sebagai"), max_length=300, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        verbose_name = _("riwayat status usulan")
        verbose_name_plural = _("riwayat status usulan")
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.usulan_id}: {self.dari} -> {self.ke}"


class JenisLampiran(models.TextChoices):
    PERMOHONAN = "PERMOHONAN", _("Surat permohonan pegawai")
    ANJAB_ABK = "ANJAB_ABK", _("Anjab/ABK jabatan tujuan")
    PERSETUJUAN_ASAL = "PERSETUJUAN_ASAL", _("Persetujuan pelepasan unit/instansi asal")
    PERSETUJUAN_TUJUAN = "PERSETUJUAN_TUJUAN", _("Persetujuan penerimaan unit/instansi tujuan")
    PERNYATAAN_DISIPLIN = "PERNYATAAN_DISIPLIN", _("Surat pernyataan tidak sedang dijatuhi hukuman disiplin")
    SK_TERAKHIR = "SK_TERAKHIR", _("SK pangkat/jabatan terakhir")
    KINERJA = "KINERJA", _("Penilaian kinerja 2 tahun terakhir")
    KEPUTUSAN_EKSTERNAL = "KEPUTUSAN_EKSTERNAL", _("Keputusan instansi lain")
    LAINNYA = "LAINNYA", _("Lainnya")


class LampiranUsulan(models.Model):
    usulan = models.ForeignKey(UsulanMutasi, on_delete=models.CASCADE, related_name="lampiran")
    jenis = models.CharField(_("jenis dokumen"), max_length=20, choices=JenisLampiran.choices)
    berkas = models.FileField(_("berkas"), upload_to="mutasi/lampiran/%Y/%m/")
    nama_asli = models.CharField(_("nama berkas"), max_length=255)
    tipe = models.CharField(_("tipe"), max_length=50)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    diunggah_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lampiran usulan")
        verbose_name_plural = _("lampiran usulan")
        ordering = ["diunggah_pada", "id"]

    def __str__(self):
        return self.nama_asli


class StatusPermohonan(models.TextChoices):
    DIAJUKAN = "DIAJUKAN", _("Menunggu tanggapan BKPSDM")
    DIPROSES = "DIPROSES", _("Dibuatkan usulan mutasi")
    DITOLAK = "DITOLAK", _("Ditolak")
    DITARIK = "DITARIK", _("Ditarik pemohon")


class PermohonanMutasi(models.Model):
    """The employee's own request for a transfer (atas permintaan sendiri)."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="permohonan_mutasi")
    jenis = models.CharField(_("jenis mutasi"), max_length=8, choices=JenisMutasi.choices, default=JenisMutasi.DALAM)
    alasan = models.TextField(_("alasan permohonan"))
    unit_pilihan = models.ManyToManyField(
        UnitKerja, blank=True, related_name="+", verbose_name=_("unit kerja yang diinginkan")
    )
    instansi_tujuan = models.CharField(_("instansi tujuan (mutasi keluar)"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusPermohonan.choices, default=StatusPermohonan.DIAJUKAN, db_index=True
    )
    alasan_tolak = models.TextField(_("alasan penolakan"), blank=True)
    ditangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditangani_pada = models.DateTimeField(null=True, blank=True)
    usulan = models.OneToOneField(
        UsulanMutasi, null=True, blank=True, on_delete=models.SET_NULL, related_name="permohonan"
    )
    dibuat = models.DateTimeField(_("diajukan pada"), default=timezone.now)

    class Meta:
        verbose_name = _("permohonan mutasi")
        verbose_name_plural = _("permohonan mutasi")
        ordering = ["-dibuat", "-id"]

    def __str__(self):
        return f"Permohonan {self.pegawai.nama_lengkap} ({self.dibuat:%d-%m-%Y})"


class LampiranPermohonan(models.Model):
    permohonan = models.ForeignKey(PermohonanMutasi, on_delete=models.CASCADE, related_name="lampiran")
    berkas = models.FileField(_("berkas"), upload_to="mutasi/permohonan/%Y/%m/")
    nama_asli = models.CharField(_("nama berkas"), max_length=255)
    tipe = models.CharField(_("tipe"), max_length=50)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    diunggah_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lampiran permohonan")
        verbose_name_plural = _("lampiran permohonan")
        ordering = ["diunggah_pada", "id"]

    def __str__(self):
        return self.nama_asli


class KeputusanKeberatan(models.TextChoices):
    TETAP = "TETAP", _("Mutasi tetap dilaksanakan")
    REVISI = "REVISI", _("Mutasi direvisi")
    BATAL = "BATAL", _("Mutasi dibatalkan")


class Keberatan(models.Model):
    """An objection or concern the employee raises about a decided transfer. It does not stop
    the move by itself: HR answers and decides to uphold, revise or cancel it."""

    usulan = models.ForeignKey(UsulanMutasi, on_delete=models.CASCADE, related_name="keberatan")
    isi = models.TextField(_("isi keberatan"))
    diajukan_pada = models.DateTimeField(_("diajukan pada"), default=timezone.now)
    jawaban = models.TextField(_("jawaban BKPSDM"), blank=True)
    keputusan = models.CharField(_("keputusan"), max_length=6, choices=KeputusanKeberatan.choices, blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    perubahan = models.JSONField(_("perubahan (bila direvisi)"), default=dict, blank=True)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-diajukan_pada", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dijawab_pada__isnull=True) | ~Q(keputusan=""), name="keberatan_dijawab_punya_keputusan"
            ),
        ]

    def __str__(self):
        return f"Keberatan atas {self.usulan_id} ({self.diajukan_pada:%d-%m-%Y})"

    @property
    def terjawab(self) -> bool:
        return self.dijawab_pada is not None


class MasaTenang(models.Model):
    """An election blackout period (UU 10/2016 art. 71): replacing officials needs the Minister's
    written approval. Proposals whose TMT falls inside one are flagged."""

    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    keterangan = models.CharField(_("keterangan"), max_length=200)

    class Meta:
        verbose_name = _("masa tenang pilkada")
        verbose_name_plural = _("masa tenang pilkada")
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(condition=Q(selesai__gte=models.F("mulai")), name="masatenang_selesai_setelah_mulai")
        ]

    def __str__(self):
        return f"{self.keterangan} ({self.mulai:%d-%m-%Y} s.d. {self.selesai:%d-%m-%Y})"
