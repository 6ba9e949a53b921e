"""Post-transfer performance reviews (evaluasi pasca mutasi).

Every carried-out transfer gets reviews at settings.EVALUASI_INTERVAL_BULAN months after its TMT.
The reviewer (penilai) is the head of the receiving unit, by the same "walk up to the parent head
when the post is vacant" rule the approvals use. A review goes terjadwal -> draf (only the reviewer
reads it) -> dikirim (the employee reads the feedback and may answer) -> final. Every status
change goes through `evaluasi.services.alur` (one table, one locked transition) and leaves a
`RiwayatStatusEvaluasi` row.

The predikat is computed from the two ratings by `evaluasi.services.matriks.predikat_kinerja`
(PermenPANRB 6/2022) and stored by the service for querying; it is never typed.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.medan import kolom_dari_ke, kolom_status, pilihan_opsional, rujukan_opsional
from inti.models import RiwayatStatus
from mutasi.models import UsulanMutasi
from pegawai.models import Pegawai, Predikat


class Ekspektasi(models.TextChoices):
    """The rating of work results and of behaviour (PermenPANRB 6/2022)."""

    DI_ATAS = "DI_ATAS", _("Di atas ekspektasi")
    SESUAI = "SESUAI", _("Sesuai ekspektasi")
    DI_BAWAH = "DI_BAWAH", _("Di bawah ekspektasi")


class StatusEvaluasi(models.TextChoices):
    TERJADWAL = "TERJADWAL", _("Terjadwal")
    DRAF = "DRAF", _("Draf")
    DIKIRIM = "DIKIRIM", _("Dikirim ke pegawai")
    FINAL = "FINAL", _("Final")
    DIBATALKAN = "DIBATALKAN", _("Dibatalkan")


# Still to be written by the reviewer (these count as overdue after the due date).
STATUS_BELUM_DIKIRIM = (StatusEvaluasi.TERJADWAL, StatusEvaluasi.DRAF)
# The employee reads these; everyone allowed to see the review reads their content.
STATUS_TERBUKA = (StatusEvaluasi.DIKIRIM, StatusEvaluasi.FINAL)


class TingkatAdaptasi(models.TextChoices):
    SANGAT_BAIK = "SANGAT_BAIK", _("Sangat baik: mandiri dan sudah berkontribusi penuh")
    BAIK = "BAIK", _("Baik: menyesuaikan diri sesuai harapan")
    CUKUP = "CUKUP", _("Cukup: masih memerlukan pendampingan")
    KURANG = "KURANG", _("Kurang: mengalami kesulitan berarti")


# The 7 BerAKHLAK core values (SE MenPANRB 20/2021), in their official order: field suffix and label.
BERAKHLAK = [
    ("berorientasi_pelayanan", _("Berorientasi Pelayanan")),
    ("akuntabel", _("Akuntabel")),
    ("kompeten", _("Kompeten")),
    ("harmonis", _("Harmonis")),
    ("loyal", _("Loyal")),
    ("adaptif", _("Adaptif")),
    ("kolaboratif", _("Kolaboratif")),
]
FIELD_PERILAKU = [f"perilaku_{kode}" for kode, _label in BERAKHLAK]
# What the reviewer writes (the form's fields; nothing else is taken from the request).
FIELD_ISI = [
    "hasil_kerja",
    "hasil_kerja_bukti",
    *FIELD_PERILAKU,
    "perilaku",
    "adaptasi",
    "adaptasi_catatan",
    "kekuatan",
    "perbaikan",
    "tindak_lanjut",
    "umpan_balik",
]


def _nilai(label):
    return pilihan_opsional(label, Ekspektasi, max_length=8)


class Evaluasi(models.Model):
    usulan = models.ForeignKey(
        UsulanMutasi, on_delete=models.PROTECT, related_name="evaluasi", verbose_name=_("usulan mutasi")
    )
    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="evaluasi_mutasi", verbose_name=_("pegawai")
    )
    penilai = rujukan_opsional(Pegawai, _("penilai"), related_name="evaluasi_menilai")
    # HR chose this reviewer by hand: the daily command no longer follows the unit's head.
    penilai_ditetapkan = models.BooleanField(_("penilai ditetapkan BKPSDM"), default=False)
    bulan_ke = models.PositiveSmallIntegerField(_("bulan ke-"))
    jatuh_tempo = models.DateField(_("jatuh tempo"), db_index=True)
    status = kolom_status(StatusEvaluasi, StatusEvaluasi.TERJADWAL, max_length=10)

    # Work results and behaviour.
    hasil_kerja = _nilai(_("hasil kerja"))
    hasil_kerja_bukti = models.TextField(_("bukti / capaian hasil kerja"), blank=True)
    perilaku_berorientasi_pelayanan = _nilai(_("Berorientasi Pelayanan"))
    perilaku_akuntabel = _nilai(_("Akuntabel"))
    perilaku_kompeten = _nilai(_("Kompeten"))
    perilaku_harmonis = _nilai(_("Harmonis"))
    perilaku_loyal = _nilai(_("Loyal"))
    perilaku_adaptif = _nilai(_("Adaptif"))
    perilaku_kolaboratif = _nilai(_("Kolaboratif"))
    perilaku = _nilai(_("perilaku kerja (keseluruhan)"))
    predikat = pilihan_opsional(_("predikat kinerja"), Predikat, max_length=20, db_index=True)

    # The transition to the new unit, and what comes next.
    adaptasi = pilihan_opsional(_("adaptasi di unit baru"), TingkatAdaptasi, max_length=12)
    adaptasi_catatan = models.TextField(_("catatan adaptasi"), blank=True)
    kekuatan = models.TextField(_("kekuatan"), blank=True)
    perbaikan = models.TextField(_("yang perlu diperbaiki"), blank=True)
    tindak_lanjut = models.TextField(_("tindak lanjut yang disepakati"), blank=True)
    umpan_balik = models.TextField(_("umpan balik untuk pegawai"), blank=True)

    # The employee's side.
    dikirim_pada = models.DateTimeField(_("dikirim pada"), null=True, blank=True)
    dibaca_pada = models.DateTimeField(_("dibaca pegawai pada"), null=True, blank=True)
    tanggapan_pegawai = models.TextField(_("tanggapan pegawai"), blank=True)
    tanggapan_pada = models.DateTimeField(_("ditanggapi pada"), null=True, blank=True)
    final_pada = models.DateTimeField(_("final pada"), null=True, blank=True)
    final_catatan = models.CharField(_("catatan penutupan"), max_length=300, blank=True)
    dibatalkan_alasan = models.CharField(_("alasan pembatalan"), max_length=300, blank=True)

    diingatkan_pada = models.DateField(_("pengingat terakhir"), null=True, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("evaluasi pasca mutasi")
        verbose_name_plural = _("evaluasi pasca mutasi")
        ordering = ["jatuh_tempo", "id"]
        constraints = [
            models.UniqueConstraint(fields=["usulan", "bulan_ke"], name="evaluasi_satu_per_usulan_bulan"),
            models.CheckConstraint(condition=Q(bulan_ke__gte=1), name="evaluasi_bulan_positif"),
            # Sent and final reviews always carry their computed predikat and the send time.
            models.CheckConstraint(
                condition=~Q(status__in=["DIKIRIM", "FINAL"]) | (~Q(predikat="") & Q(dikirim_pada__isnull=False)),
                name="evaluasi_terkirim_lengkap",
            ),
            models.CheckConstraint(
                condition=~Q(status="FINAL") | Q(final_pada__isnull=False), name="evaluasi_final_bertanggal"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "jatuh_tempo"], name="evaluasi_status_tempo_idx"),
            models.Index(fields=["penilai", "status"], name="evaluasi_penilai_idx"),
            models.Index(fields=["jatuh_tempo", "id"], name="evaluasi_tempo_idx"),  # the list's default sort
        ]

    def __str__(self):
        return f"Evaluasi {self.bulan_ke} bulan: {self.pegawai.nama_lengkap}"

    @property
    def judul(self) -> str:
        return _("Evaluasi %(n)s bulan") % {"n": self.bulan_ke}

    def terlambat_pada(self, hari) -> bool:
        return self.status in STATUS_BELUM_DIKIRIM and self.jatuh_tempo < hari

    @property
    def terlambat(self) -> bool:
        return self.terlambat_pada(timezone.localdate())

    @property
    def perilaku_nilai(self) -> list[tuple[str, str, str]]:
        """[(field, label, value)] for the 7 values, in order."""
        return [(f"perilaku_{kode}", label, getattr(self, f"perilaku_{kode}")) for kode, label in BERAKHLAK]


class RiwayatStatusEvaluasi(RiwayatStatus):
    """One row per move of a review (scheduled, draft saved, sent, answered, closed, cancelled):
    who, when, from, to, as what, the note. Written by the workflow only; shown on the review's page.
    A draft save leaves a row but never the draft's content."""

    evaluasi = models.ForeignKey(
        Evaluasi, on_delete=models.CASCADE, related_name="riwayat_status", verbose_name=_("evaluasi")
    )
    dari, ke = kolom_dari_ke(StatusEvaluasi, max_length=10)

    class Meta(RiwayatStatus.Meta):
        verbose_name = _("riwayat status evaluasi")
        verbose_name_plural = _("riwayat status evaluasi")

    def __str__(self):
        return f"{self.evaluasi_id}: {self.dari} -> {self.ke} ({self.aksi})"
