"""What a cancelled transfer leaves open in pelatihan is closed with it.

mutasi sends `mutasi.signals.usulan_dibatalkan` from inside the transaction that cancels or revokes a
DECIDED transfer; `usulan_dibatalkan_terima` (connected in `pelatihan.apps`) then, in that same
transaction (a cancellation rolled back leaves everything open):
- cancels each open training assignment of the transfer through the assignment workflow (the
  system's "batalkan", note "Mutasi dibatalkan (<number>)"): a history row and an audit row each,
  and the employee's notice after the commit; completed, failed and cancelled ones stay as they are;
- ends the mentoring (`Pendampingan.berakhir_pada` and the reason; the plan is kept, frozen), with
  an audit row on the transfer and a notice to the mentor after the commit.

The receiver never raises: it works inside a savepoint and logs what it could not close, so a
problem here never undoes the cancellation. The daily `ingatkan_pelatihan` closes, first, whatever
the signal missed (`mutasi_batal_susulan`), so no reminder goes out for a cancelled transfer."""

import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import ubah_tercatat
from inti.surel import alamat, setelah_commit, surel_kirim
from mutasi.models import StatusUsulan, UsulanMutasi

from ..models import STATUS_AKTIF, Pendampingan, PenugasanPelatihan
from .alur import ALUR
from .umum import tautan

logger = logging.getLogger(__name__)


@dataclass
class HasilPenutupan:
    penugasan: list[int] = field(default_factory=list)  # assignments cancelled
    pendampingan: int | None = None  # the mentoring ended
    gagal: list[int] = field(default_factory=list)  # assignments that could not be cancelled (logged)


def catatan_batal(usulan: UsulanMutasi) -> str:
    return _("Mutasi dibatalkan (%(nomor)s)") % {"nomor": usulan.nomor}


def mutasi_batal_tutup(*, usulan: UsulanMutasi) -> HasilPenutupan:
    """Close the open assignments and the mentoring of a cancelled transfer, in the caller's
    transaction; each assignment in its own savepoint (one that cannot be closed is logged and left
    open, the others go on)."""
    hasil = HasilPenutupan()
    catatan = catatan_batal(usulan)
    terbuka = PenugasanPelatihan.objects.filter(usulan=usulan, status__in=STATUS_AKTIF).order_by("pk")
    for pk in terbuka.values_list("pk", flat=True):
        try:
            with transaction.atomic():
                ALUR.jalankan(objek=pk, aksi="batalkan", oleh=None, catatan=catatan)
        except Exception:
            logger.exception("Penugasan pelatihan %s tidak dapat ditutup bersama mutasi %s", pk, usulan.nomor)
            hasil.gagal.append(pk)
        else:
            hasil.penugasan.append(pk)
    pd = (
        Pendampingan.objects.select_for_update(of=("self",))
        .select_related("mentor")
        .filter(usulan=usulan, berakhir_pada__isnull=True)
        .first()
    )
    if pd is not None:
        ubah_tercatat(
            pd,
            {"berakhir_pada": timezone.now(), "berakhir_alasan": catatan[:300]},
            oleh=None,
            aksi="pelatihan.pendampingan_berakhir",
            objek=usulan,
            ringkasan=f"Usulan {usulan.nomor}: pendampingan oleh {pd.mentor.nama} berakhir ({catatan})",
            perubahan={"pendampingan": pd.pk, "mentor": pd.mentor.nama, "alasan": catatan},
        )
        hasil.pendampingan = pd.pk
        pid = pd.pk
        setelah_commit(lambda: _kabari_mentor_berakhir(pid))
    return hasil


def usulan_dibatalkan_terima(sender: Any, usulan: UsulanMutasi, **kwargs: Any) -> None:
    """Receiver of `mutasi.signals.usulan_dibatalkan`. Never raises (see the module's docstring)."""
    try:
        with transaction.atomic():
            mutasi_batal_tutup(usulan=usulan)
    except Exception:
        logger.exception("Pelatihan mutasi %s tidak dapat ditutup saat mutasi dibatalkan", usulan.nomor)


def mutasi_batal_susulan() -> int:
    """Close what the signal missed: open assignments and mentoring of decided transfers that are
    cancelled. Returns how many transfers were closed now. Idempotent."""
    batal = UsulanMutasi.objects.filter(status=StatusUsulan.DIBATALKAN, diputuskan_pada__isnull=False)
    penugasan = PenugasanPelatihan.objects.filter(usulan__in=batal, status__in=STATUS_AKTIF)
    pendampingan = Pendampingan.objects.filter(usulan__in=batal, berakhir_pada__isnull=True)
    ids = set(penugasan.values_list("usulan_id", flat=True)) | set(pendampingan.values_list("usulan_id", flat=True))
    for u in UsulanMutasi.objects.filter(pk__in=ids).order_by("pk"):
        with transaction.atomic():
            mutasi_batal_tutup(usulan=u)
    return len(ids)


def _kabari_mentor_berakhir(pk: int) -> None:
    pd = Pendampingan.objects.select_related("mentor", "mentor__akun", "usulan", "usulan__pegawai").get(pk=pk)
    surel_kirim(
        kepada=alamat(pd.mentor),
        judul=_("Pendampingan pegawai berakhir: mutasi dibatalkan"),
        template="email/pelatihan_pendamping_berakhir.txt",
        konteks={"pd": pd, "u": pd.usulan, "tautan": tautan("pelatihan:saya")},
    )
