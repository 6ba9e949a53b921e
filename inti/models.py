"""The shared layer's tables: the audit trail, and the abstract history row every workflow keeps."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CatatanAudit(models.Model):
    """Append-only audit trail: who did what to which record, when. Services write it through
    `inti.audit.audit_catat`. (The table keeps its first name, `pegawai_catatanaudit`.)"""

    waktu = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
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
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sebagai = models.CharField(_("sebagai"), max_length=300, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.dari} -> {self.ke} ({self.aksi})"


class RiwayatStatusPengganti(RiwayatStatus):
    """A history row that also says when the actor acted for an absent official (Plh./Plt.): the
    official's account, their name as it was, and Plh./Plt. Written by `Alur.catat` from a
    `inti.transisi.Sebagai` that carries them; empty when the actor acted in their own right."""

    atas_nama = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("atas nama"),
    )
    atas_nama_nama = models.CharField(_("nama pejabat yang digantikan"), max_length=200, blank=True)
    jenis_pengganti = models.CharField(_("Plh./Plt."), max_length=5, blank=True)

    class Meta(RiwayatStatus.Meta):
        abstract = True

    @property
    def pengganti(self) -> bool:
        return bool(self.jenis_pengganti)


# Background work's progress rows live beside their helpers (inti/tugas.py); imported here so Django
# registers the model with the app.
from .notifikasi.models import Notifikasi, PesanWhatsApp, PreferensiNotifikasi, RiwayatStatusPesanWa  # noqa: E402, F401
from .tugas import ProgresTugas, RiwayatStatusTugas  # noqa: E402, F401
