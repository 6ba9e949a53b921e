"""The workflow of a scheduled manual move (`PindahTerjadwal`): ONE transition table, performed by
`inti.transisi.Alur` like every workflow of the project.

    dijadwalkan --terapkan (the daily job, on the TMT)--> diterapkan
    dijadwalkan --batalkan (HR with a reason; or the system when the move can no longer apply)--> dibatalkan

Scheduling, applying and the daily job are in `pegawai.services.pindah`; this module only holds the
workflow and the cancellations, so that `pegawai.services.pegawai` (whose moves and deactivation
make a waiting move stale) can cancel without an import circle."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.transisi import Alur, Transisi, tabel

from ..akses import boleh_kelola_pegawai
from ..models import Pegawai, PindahTerjadwal, StatusPindah, User

SP = StatusPindah
HR, SISTEM = "hr", "sistem"


class AlurPindahTerjadwal(Alur):
    model = PindahTerjadwal
    awalan_audit = "pegawai.pindah_terjadwal"
    select_related = ("pegawai", "unit", "jabatan")
    transisi = tabel(
        Transisi(
            "terapkan",
            (SP.TERJADWAL,),
            SP.DITERAPKAN,
            gettext_lazy("Diterapkan pada TMT"),
            SISTEM,
            internal=True,  # the daily job `terapkan_pindah_terjadwal`, never a button
        ),
        Transisi(
            "batalkan",
            (SP.TERJADWAL,),
            SP.DIBATALKAN,
            gettext_lazy("Batalkan perpindahan terjadwal"),
            HR,
            wajib_catatan=True,
            gaya="outline-danger",
            konfirmasi=gettext_lazy("Batalkan perpindahan jabatan terjadwal ini?"),
        ),
    )

    def hak(self, t: Transisi, obj: PindahTerjadwal, user: User | None, **konteks: Any) -> tuple[bool, str]:
        if user is None:  # the system: the daily job, or a move/deactivation that makes this one stale
            return True, _("sistem")
        if t.pelaku == SISTEM:
            return False, _("Perpindahan terjadwal diterapkan otomatis oleh sistem pada hari TMT.")
        if not boleh_kelola_pegawai(user):
            return False, _("Hanya staf BKPSDM yang dapat membatalkan perpindahan terjadwal.")
        return True, _("staf BKPSDM")

    def pesan_status(self, obj: PindahTerjadwal, t: Transisi) -> str:
        return _("Perpindahan ini sudah %(status)s.") % {"status": obj.get_status_display().lower()}

    def syarat(self, t: Transisi, obj: PindahTerjadwal, oleh: Any, catatan: str, **data: Any) -> dict[str, Any] | None:
        if t.aksi == "batalkan":
            obj.alasan_batal = catatan[:300]
        elif t.aksi == "terapkan":
            obj.diterapkan_pada = timezone.now()
        return None

    def ringkasan(self, obj: PindahTerjadwal, lama: str, t: Transisi) -> str:
        if t.aksi == "batalkan":
            return f"{obj.pegawai.nama}: perpindahan ke {obj} dibatalkan ({obj.alasan_batal})"
        return f"{obj.pegawai.nama}: perpindahan ke {obj} diterapkan"


ALUR = AlurPindahTerjadwal()


def pindah_terjadwal_batalkan(*, oleh: User, pindah: PindahTerjadwal | int, alasan: str) -> PindahTerjadwal:
    """HR cancels a move waiting for its TMT (a reason is required). The current post never changed,
    so nothing else moves back."""
    return ALUR.jalankan(objek=pindah, aksi="batalkan", oleh=oleh, catatan=alasan)


def pindah_terjadwal_gugurkan(*, pegawai: Pegawai, alasan: str, kecuali: PindahTerjadwal | None = None) -> list[int]:
    """The system cancels the employee's waiting move (other than `kecuali`, the one being applied)
    because the post it was planned from is gone: another move was applied or the employee left.
    In the caller's transaction; returns the ids cancelled."""
    qs = PindahTerjadwal.objects.filter(pegawai=pegawai, status=SP.TERJADWAL)
    if kecuali is not None:
        qs = qs.exclude(pk=kecuali.pk)
    ids = list(qs.values_list("pk", flat=True))
    for pk in ids:
        ALUR.jalankan(objek=pk, aksi="batalkan", oleh=None, catatan=alasan)
    return ids
