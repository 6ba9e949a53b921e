"""Proposals: their kinds and states, batches, the proposal itself with its history and
attachments, and election blackout periods."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import akun_pelaku, kolom_dari_ke, kolom_status, pilihan_opsional, rujukan_opsional
from inti.models import BerkasUnggahan, RiwayatStatus, RiwayatStatusPengganti
from pegawai.models import Jabatan, Pegawai, RiwayatJabatan, UnitKerja


class JenisMutasi(models.TextChoices):
    DALAM = "DALAM", _("Dalam instansi (antar unit/OPD)")
    KELUAR = "KELUAR", _("Keluar antar instansi")
    MASUK = "MASUK", _("Masuk antar instansi")


class LingkupEksternal(models.TextChoices):
    """Who decides a transfer across instansi (PP 11/2017 art. 192-194 as amended, Perban BKN 5/2019)."""

    SEPROVINSI = "SEPROVINSI", _("Antar kabupaten/kota dalam satu provinsi (Gubernur, dengan pertimbangan teknis BKN)")
    ANTAR_PROVINSI = (
        "ANTAR_PROVINSI",
        _("Antar provinsi atau ke kab/kota provinsi lain (Menteri Dalam Negeri, dengan pertimbangan teknis BKN)"),
    )
    PUSAT = "PUSAT", _("Dengan instansi pusat (Kepala BKN)")


# Where the law asks for BKN's technical consideration (pertimbangan teknis) before the decision.
LINGKUP_PERLU_PERTEK = (LingkupEksternal.SEPROVINSI, LingkupEksternal.ANTAR_PROVINSI)
# The usual issuing body of each scope: suggested on the form, the record keeps what HR types.
PENERBIT_LAZIM = {
    LingkupEksternal.SEPROVINSI: _("Gubernur Jawa Timur"),
    LingkupEksternal.ANTAR_PROVINSI: _("Menteri Dalam Negeri"),
    LingkupEksternal.PUSAT: _("Kepala Badan Kepegawaian Negara"),
}


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
# The stages of a proposal in order (the employee's timeline; MUTASI_PEGAWAI_LIHAT_SEJAK names one).
TAHAPAN_USULAN = (*STATUS_BERJALAN, StatusUsulan.DILAKSANAKAN)
# From the decision on, a transfer is the employee's (training, adaptation; its full page).
STATUS_TERLIHAT_PEGAWAI = (StatusUsulan.DIPUTUSKAN, StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN)
# A decree in force: the employee's notice, objections, carrying out.
STATUS_SK_BERLAKU = (StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN)

# What the proposer fills in (the form and the create/edit services share this list).
FIELD_USULAN = [
    "jenis",
    "dasar",
    "tujuan_unit",
    "tujuan_jabatan",
    "instansi_eksternal",
    "jabatan_eksternal",
    "tmt_usulan",
    "alasan",
    "manfaat_organisasi",
    "manfaat_pegawai",
    "alasan_tanpa_kekurangan",
]


class BatchUsulan(models.Model):
    """Many proposals that end in one decree (a rotation round)."""

    nama = models.CharField(_("nama batch"), max_length=200)
    keterangan = models.TextField(_("keterangan"), blank=True)
    dasar = models.CharField(_("dasar mutasi"), max_length=12, choices=DasarMutasi.choices, default=DasarMutasi.ROTASI)
    tmt_usulan = models.DateField(_("TMT yang diusulkan"))
    dibuat_oleh = akun_pelaku(_("dibuat oleh"), blank=False)
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        verbose_name = _("batch usulan mutasi")
        verbose_name_plural = _("batch usulan mutasi")
        ordering = ["-dibuat"]

    def __str__(self):
        return self.nama


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
    status = kolom_status(StatusUsulan, StatusUsulan.DRAFT, max_length=14, db_index=True)
    batch = rujukan_opsional(BatchUsulan, _("batch"), related_name="usulan")

    # From (captured from the record when the proposal is made).
    asal_riwayat = rujukan_opsional(RiwayatJabatan, _("posisi asal"))
    asal_unit = rujukan_opsional(UnitKerja, _("unit asal"), on_delete=models.PROTECT, related_name="usulan_keluar")
    asal_jabatan = rujukan_opsional(Jabatan, _("jabatan asal"), on_delete=models.PROTECT)
    asal_mulai = models.DateField(_("TMT jabatan asal"), null=True, blank=True)

    # To.
    tujuan_unit = rujukan_opsional(UnitKerja, _("unit tujuan"), on_delete=models.PROTECT, related_name="usulan_masuk")
    tujuan_jabatan = rujukan_opsional(Jabatan, _("jabatan tujuan"), on_delete=models.PROTECT)

    # Inter-instansi moves: the other side and its decision.
    instansi_eksternal = models.CharField(_("instansi asal/tujuan"), max_length=200, blank=True)
    jabatan_eksternal = models.CharField(_("jabatan di instansi lain"), max_length=200, blank=True)
    # ... recorded by BKPSDM (`keputusan_eksternal_catat`) before the transfer can be carried out.
    lingkup_eksternal = pilihan_opsional(_("lingkup mutasi antar instansi"), LingkupEksternal, max_length=16)
    penerbit_keputusan_eksternal = models.CharField(_("pejabat yang menetapkan"), max_length=200, blank=True)
    nomor_keputusan_eksternal = models.CharField(_("nomor keputusan/persetujuan eksternal"), max_length=100, blank=True)
    tanggal_keputusan_eksternal = models.DateField(_("tanggal keputusan eksternal"), null=True, blank=True)
    nomor_pertimbangan_teknis = models.CharField(_("nomor pertimbangan teknis BKN"), max_length=100, blank=True)
    tanggal_pertimbangan_teknis = models.DateField(_("tanggal pertimbangan teknis BKN"), null=True, blank=True)
    keputusan_eksternal_oleh = akun_pelaku()
    keputusan_eksternal_pada = models.DateTimeField(_("keputusan eksternal dicatat pada"), null=True, blank=True)

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

    # Eligibility: the checks as evaluated at the last step that passed (`cek_langkah` on `cek_pada`);
    # HR's overrides of failed ones are PengecualianSyarat rows (`pengecualian`).
    hasil_cek = models.JSONField(_("hasil pemeriksaan syarat"), default=list, blank=True)
    cek_pada = models.DateField(_("syarat diperiksa per tanggal"), null=True, blank=True)
    cek_langkah = models.CharField(_("syarat diperiksa pada langkah"), max_length=20, blank=True)

    # Election blackout: the Minister's written approval, noted.
    dalam_masa_tenang = models.BooleanField(_("dalam masa tenang pilkada"), default=False)
    persetujuan_menteri = models.CharField(
        _("persetujuan tertulis Menteri Dalam Negeri"), max_length=200, blank=True, help_text=_("Nomor dan tanggal.")
    )

    # The record changed while the proposal was open.
    perlu_tinjauan = models.BooleanField(_("perlu ditinjau BKPSDM"), default=False)
    tinjauan_alasan = models.CharField(_("perubahan data pegawai"), max_length=300, blank=True)
    ditinjau_oleh = akun_pelaku()
    ditinjau_pada = models.DateTimeField(null=True, blank=True)

    # Who did the steps that must not be done by one person.
    diusulkan_oleh = akun_pelaku(_("pengusul"), blank=False, related_name="usulan_mutasi_dibuat")
    diverifikasi_oleh = akun_pelaku()
    diputuskan_oleh = akun_pelaku()
    diajukan_pada = models.DateTimeField(_("pertama diajukan"), null=True, blank=True)
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)

    # Decree and carrying out.
    sk = rujukan_opsional("SuratKeputusan", _("SK"), on_delete=models.PROTECT, related_name="usulan")
    tmt = models.DateField(_("TMT"), null=True, blank=True)
    dilaksanakan_pada = models.DateTimeField(_("dilaksanakan pada"), null=True, blank=True)
    riwayat_baru = rujukan_opsional(RiwayatJabatan)

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
            # The proposal list's default sort (newest first), read backwards.
            models.Index(fields=["dibuat", "id"], name="usulan_dibuat_idx"),
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

    @property
    def pemberitahuan_berlaku(self) -> bool:
        """A decree in force: the employee has a notice to read and may object."""
        return self.sk_id is not None and self.status in STATUS_SK_BERLAKU

    @property
    def pemberitahuan_diterima(self) -> date | None:
        """The day the employee was given the notice of the decree in force: their acknowledgement
        or the delivery HR recorded on the notice, whichever came first; None while neither."""
        if not self.sk_id:
            return None
        hari = [timezone.localdate(self.pemberitahuan_dikonfirmasi)] if self.pemberitahuan_dikonfirmasi else []
        hari += [
            s.diserahkan_pada for s in self.surat_pemberitahuan.all() if s.sk_id == self.sk_id and s.diserahkan_pada
        ]
        return min(hari) if hari else None

    @property
    def batas_keberatan(self) -> date | None:
        """The last day for an objection: KEBERATAN_BATAS_HARI days after the notice was given (not
        after the decree's date). None while the notice has not been given: no window runs yet."""
        diterima = self.pemberitahuan_diterima
        return diterima + timedelta(days=settings.KEBERATAN_BATAS_HARI) if diterima else None


class RiwayatStatusUsulan(RiwayatStatusPengganti):
    """One row per transition (the creation included, `dari` empty), and per note that is not one
    (an override, a review, the Minister's approval: `dari` = `ke`)."""

    usulan = models.ForeignKey(UsulanMutasi, on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(StatusUsulan)

    class Meta(RiwayatStatus.Meta):
        verbose_name = _("riwayat status usulan")
        verbose_name_plural = _("riwayat status usulan")

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


class LampiranUsulan(BerkasUnggahan):
    usulan = models.ForeignKey(UsulanMutasi, on_delete=models.CASCADE, related_name="lampiran")
    jenis = models.CharField(_("jenis dokumen"), max_length=20, choices=JenisLampiran.choices)
    berkas = models.FileField(_("berkas"), upload_to="mutasi/lampiran/%Y/%m/")
    diunggah_oleh = akun_pelaku(_("diunggah oleh"), blank=False)

    class Meta:
        verbose_name = _("lampiran usulan")
        verbose_name_plural = _("lampiran usulan")
        ordering = ["diunggah_pada", "id"]


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
