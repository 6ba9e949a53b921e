"""The shared layer's tables: the audit trail, the abstract history row every workflow keeps, the
abstract uploaded file, background work's progress (helpers in inti/tugas.py), and the status history
of background work and WhatsApp messages. This module imports nothing of the project but the field
helpers (inti/medan.py) and the notice centre's tables, so any module of `inti` may import it without
a circle."""

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .medan import akun_pelaku, kolom_dari_ke, kolom_status


class CatatanAudit(models.Model):
    """Append-only audit trail: who did what to which record, when. Services write it through
    `inti.audit.audit_catat`. (The table keeps its first name, `pegawai_catatanaudit`.)"""

    waktu = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    oleh = akun_pelaku()
    aksi = models.CharField(_("aksi"), max_length=60)
    objek_tipe = models.CharField(_("jenis objek"), max_length=60)
    objek_id = models.CharField(_("id objek"), max_length=40)
    ringkasan = models.CharField(_("ringkasan"), max_length=500)
    perubahan = models.JSONField(_("perubahan"), default=dict, blank=True)

    class Meta:
        db_table = "pegawai_catatanaudit"
        verbose_name = _("catatan audit")
        verbose_name_plural = _("catatan audit")
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["objek_tipe", "objek_id"], name="audit_objek_idx")]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.aksi} {self.objek_tipe}#{self.objek_id}"


class RiwayatStatus(models.Model):
    """One row per transition of a status-bearing object: who, when, from, to, as what, the note.

    Each workflow has its own concrete table: subclass this and add the foreign key to the object
    (named as the workflow's `Alur.riwayat_fk` says, with related_name="riwayat_status")."""

    aksi = models.CharField(_("aksi"), max_length=30)
    dari = models.CharField(_("dari status"), max_length=20, blank=True)
    ke = models.CharField(_("ke status"), max_length=20)
    oleh = akun_pelaku()
    sebagai = models.CharField(_("sebagai"), max_length=300, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.dari} -> {self.ke} ({self.aksi})"


class BerkasUnggahan(models.Model):
    """An uploaded file kept with the name the user gave it (the stored name is random:
    `inti.berkas.PenyimpananPrivat`), its checked type and its size. Subclasses declare `berkas`
    (their own `upload_to` folder) and, where someone else than the owner uploads, `diunggah_oleh`."""

    nama_asli = models.CharField(_("nama berkas"), max_length=255)
    tipe = models.CharField(_("tipe"), max_length=50)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    diunggah_pada = models.DateTimeField(_("diunggah pada"), default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self):
        return self.nama_asli

    def pasang(self, berkas: Any, tipe: str) -> None:
        """Take `berkas` (an upload whose content `tipe` was checked, e.g. by `berkas_periksa`)."""
        self.berkas, self.nama_asli, self.tipe, self.ukuran = berkas, berkas.name[:255], tipe, berkas.size
        self.diunggah_pada = timezone.now()


class RiwayatStatusPengganti(RiwayatStatus):
    """A history row that also says when the actor acted for an absent official (Plh./Plt.): the
    official's account, their name as it was, and Plh./Plt. Written by `Alur.catat` from a
    `inti.transisi.Sebagai` that carries them; empty when the actor acted in their own right."""

    atas_nama = akun_pelaku(_("atas nama"))
    atas_nama_nama = models.CharField(_("nama pejabat yang digantikan"), max_length=200, blank=True)
    jenis_pengganti = models.CharField(_("Plh./Plt."), max_length=5, blank=True)

    class Meta(RiwayatStatus.Meta):
        abstract = True

    @property
    def pengganti(self) -> bool:
        return bool(self.jenis_pengganti)


class ProgresTugas(models.Model):
    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu giliran")
        BERJALAN = "berjalan", _("Berjalan")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    jenis = models.CharField(_("jenis"), max_length=40)
    kunci = models.CharField(_("kunci"), max_length=100, blank=True, db_index=True)
    status = kolom_status(Status, Status.MENUNGGU, max_length=10)
    tahap = models.CharField(_("tahap"), max_length=100, blank=True)
    total = models.PositiveIntegerField(_("total"), default=0)
    selesai = models.PositiveIntegerField(_("selesai"), default=0)
    pesan = models.TextField(_("pesan"), blank=True)
    hasil = models.JSONField(_("hasil"), default=dict, blank=True)
    dibuat_oleh = akun_pelaku()
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    dimulai = models.DateTimeField(_("dimulai"), null=True, blank=True)
    berakhir = models.DateTimeField(_("berakhir"), null=True, blank=True)
    detak = models.DateTimeField(_("detak terakhir"), null=True, blank=True)
    tugas_path = models.CharField(_("fungsi tugas"), max_length=200, blank=True)  # blank: run inline
    argumen = models.JSONField(_("argumen"), default=dict, blank=True)
    tugas_id = models.CharField(_("id antrean"), max_length=64, blank=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)

    class Meta:
        app_label = "inti"
        verbose_name = _("progres tugas")
        verbose_name_plural = _("progres tugas")
        ordering = ["-dibuat", "-id"]
        indexes = [models.Index(fields=["status", "detak"], name="progres_status_detak_idx")]

    def __str__(self):
        return f"{self.jenis} #{self.pk} ({self.status})"

    @property
    def berakhir_sudah(self) -> bool:
        return self.status in (self.Status.SELESAI, self.Status.GAGAL)

    @property
    def persen(self) -> int:
        if self.status == self.Status.SELESAI:
            return 100
        return min(100, int(self.selesai * 100 / self.total)) if self.total else 0

    def ke_json(self) -> dict[str, Any]:
        """What the polling page needs (no personal data beyond what its owner already sees)."""
        return {
            "id": self.pk,
            "status": self.status,
            "status_label": str(self.get_status_display()),
            "tahap": self.tahap,
            "total": self.total,
            "selesai": self.selesai,
            "persen": self.persen,
            "pesan": self.pesan,
            "berakhir": self.berakhir_sudah,
            "url": self.hasil.get("url", "") if isinstance(self.hasil, dict) else "",
        }


class RiwayatStatusTugas(RiwayatStatus):
    """Each status a piece of background work went through (queued, running, done, failed, queued
    again after a dead worker), written by `ALUR`."""

    progres = models.ForeignKey(ProgresTugas, on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(ProgresTugas.Status)

    class Meta(RiwayatStatus.Meta):
        app_label = "inti"
        verbose_name = _("riwayat status tugas")
        verbose_name_plural = _("riwayat status tugas")


# The notice centre's tables live beside their helpers (inti/notifikasi/); imported here so Django
# registers them with the app. They import nothing of this module (no import circle).
from .notifikasi.models import Notifikasi, PesanWhatsApp, PreferensiNotifikasi, StatusWa  # noqa: E402, F401


class RiwayatStatusPesanWa(RiwayatStatus):
    """Each status a message went through (sent by the worker, delivered/read/failed by the webhook),
    written by `inti.notifikasi.whatsapp.ALUR`."""

    pesan = models.ForeignKey("inti.PesanWhatsApp", on_delete=models.CASCADE, related_name="riwayat_status")
    dari, ke = kolom_dari_ke(StatusWa)

    class Meta(RiwayatStatus.Meta):
        app_label = "inti"
        verbose_name = _("riwayat status pesan WhatsApp")
        verbose_name_plural = _("riwayat status pesan WhatsApp")
