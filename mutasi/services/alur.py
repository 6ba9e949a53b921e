"""The proposal workflow: ONE transition table, performed by `inti.transisi.Alur` like every
workflow of the project. `usulan_transisi` (= `ALUR.jalankan`) locks the proposal row, checks the
state and the actor (`mutasi.akses.hak_langkah`), applies the step's own rules (`syarat`), writes
the new state, a RiwayatStatusUsulan row and an audit row in one transaction, and queues the
mails (`mutasi.services.notifikasi`) for after the commit. Two people acting at once: the second
waits for the lock, then finds the state changed and gets a clear refusal; nothing is
half-applied.

Revision after an objection (keberatan), as a BKPSDM does it under Perban BKN 5/2019, where
the receiving side's agreement must name the position:

- A new TMT only: the decision and both units' agreements still hold. HR issues an amending
  decree (SK perubahan, `SuratKeputusan.mengganti`) at once; the proposal stays "SK terbit".
- A new destination (unit and/or position): nobody has agreed to it yet. The transition
  `revisi_tujuan` (SK terbit -> Dilepas unit asal) sends the proposal back to the acceptance
  of the NEW receiving head (escalated as usual), then HR verification and a fresh PPK
  decision (verifier and decider are cleared, so the separation of duties applies again);
  only then does HR issue the amending decree, which names the decree it changes. The
  sending head's release stays valid: the employee still leaves the same post. The first
  decree stays on record but is not carried out (only "SK terbit" proposals are), and the
  employee keeps seeing the proposal (it was decided once) with the state of the revision.
  The eligibility checks are run again for the new destination and stored; a failed one is
  covered by HR's written answer, recorded as the override every later approver sees.
"""

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.transisi import Alur, Transisi, tabel
from pegawai.models import User

from .. import akses
from ..models import STATUS_BERJALAN, STATUS_DRAF, RiwayatStatusUsulan, StatusUsulan, UsulanMutasi
from ..selectors.penyetuju import HR, KEPALA_ASAL, KEPALA_TUJUAN, PELAKU_LANGKAH, PENGUSUL, PPK, SISTEM, STATUS_PROSES
from ..selectors.usulan import perubahan_data_pegawai
from . import AlurError
from .kelayakan import kelayakan_usulan
from .notifikasi import notifikasi_transisi

S = StatusUsulan

TRANSISI = tabel(
    Transisi("ajukan", STATUS_DRAF, S.DIAJUKAN, gettext_lazy("Ajukan usulan"), PENGUSUL),
    Transisi("lepas", (S.DIAJUKAN,), S.DILEPAS, gettext_lazy("Setujui pelepasan"), KEPALA_ASAL, gaya="success"),
    Transisi("terima", (S.DILEPAS,), S.DITERIMA, gettext_lazy("Setujui penerimaan"), KEPALA_TUJUAN, gaya="success"),
    Transisi("verifikasi", (S.DITERIMA,), S.DIVERIFIKASI, gettext_lazy("Verifikasi berkas"), HR, gaya="success"),
    Transisi(
        "putuskan", (S.DIVERIFIKASI,), S.DIPUTUSKAN, gettext_lazy("Setujui mutasi (putuskan)"), PPK, gaya="success"
    ),
    Transisi("terbitkan_sk", (S.DIPUTUSKAN,), S.SK_TERBIT, gettext_lazy("Terbitkan SK"), HR, internal=True),
    Transisi("laksanakan", (S.SK_TERBIT,), S.DILAKSANAKAN, gettext_lazy("Laksanakan"), SISTEM, internal=True),
    Transisi(
        "revisi_tujuan",
        (S.SK_TERBIT,),
        S.DILEPAS,
        gettext_lazy("Revisi tujuan atas keberatan"),
        HR,
        wajib_catatan=True,
        internal=True,  # performed by the objection answer (services.keberatan), not a button
    ),
    Transisi(
        "kembalikan",
        STATUS_PROSES,
        S.DIKEMBALIKAN,
        gettext_lazy("Kembalikan untuk perbaikan"),
        PELAKU_LANGKAH,
        wajib_catatan=True,
        gaya="warning",
    ),
    Transisi(
        "tolak", STATUS_PROSES, S.DITOLAK, gettext_lazy("Tolak"), PELAKU_LANGKAH, wajib_catatan=True, gaya="danger"
    ),
    Transisi(
        "tarik",
        STATUS_DRAF + STATUS_PROSES,
        S.DIBATALKAN,
        gettext_lazy("Tarik usulan"),
        PENGUSUL,
        gaya="outline-danger",
        konfirmasi=gettext_lazy("Tarik usulan ini? Usulan menjadi batal dan tidak dapat diajukan lagi."),
    ),
    Transisi(
        "batalkan",
        STATUS_DRAF + STATUS_PROSES + (S.DIPUTUSKAN, S.SK_TERBIT),
        S.DIBATALKAN,
        gettext_lazy("Batalkan usulan"),
        HR,
        wajib_catatan=True,
        gaya="outline-danger",
    ),
)


class AlurUsulan(Alur):
    model = UsulanMutasi
    riwayat = RiwayatStatusUsulan
    riwayat_fk = "usulan"
    transisi = TRANSISI
    awalan_audit = "mutasi"
    galat = AlurError
    select_related = ("pegawai", "asal_unit", "tujuan_unit", "tujuan_jabatan")
    pesan_bentrok = gettext_lazy("Pegawai ini sudah ada dalam usulan lain yang sedang berjalan.")

    def hak(self, t: Transisi, obj: UsulanMutasi, user: Any, **konteks: Any) -> tuple[bool, str]:
        izin = akses.hak_langkah(user, obj, t.pelaku, aksi=t.aksi, peta=konteks.get("peta"))
        return izin.boleh, izin.pesan

    def pesan_status(self, obj: UsulanMutasi, t: Transisi) -> str:
        return _('Usulan berstatus "%(status)s": aksi "%(aksi)s" tidak dapat dilakukan.') % {
            "status": obj.get_status_display(),
            "aksi": t.label,
        }

    def syarat(self, t: Transisi, u: UsulanMutasi, oleh: Any, catatan: str, **data: Any) -> None:
        """Rules a step needs beyond state and actor, and the fields it sets."""
        aksi = t.aksi
        if aksi == "ajukan":
            cek = kelayakan_usulan(u)
            u.hasil_cek = [c.as_dict() for c in cek]
            gagal = [c for c in cek if c.gagal]
            if u.pegawai.usulan_mutasi.filter(status__in=STATUS_BERJALAN).exclude(pk=u.pk).exists():
                raise AlurError(_("Pegawai ini sudah ada dalam usulan lain yang sedang berjalan."))
            if gagal and not u.override_alasan:
                raise AlurError(
                    _(
                        "Belum memenuhi syarat: %(daftar)s. "
                        "Perbaiki usulan, atau minta staf BKPSDM memberi pengecualian tertulis."
                    )
                    % {"daftar": "; ".join(f"{c.judul} ({c.pesan})" for c in gagal)}
                )
            u.dalam_masa_tenang = any(c.kode == "masa_tenang" and c.hasil != "lulus" for c in cek)
            if u.diajukan_pada is None:
                u.diajukan_pada = timezone.now()
        if aksi in ("lepas", "terima", "verifikasi", "putuskan"):
            alasan = perubahan_data_pegawai(u)
            if alasan and not u.perlu_tinjauan:
                u.perlu_tinjauan, u.tinjauan_alasan = True, alasan[:300]
        if aksi == "putuskan":
            if u.perlu_tinjauan:
                raise AlurError(
                    _(
                        "Data pegawai berubah sejak usulan dibuat (%(alasan)s): "
                        "BKPSDM harus meninjaunya sebelum diputuskan."
                    )
                    % {"alasan": u.tinjauan_alasan}
                )
            if u.dalam_masa_tenang and not u.persetujuan_menteri.strip():
                raise AlurError(
                    _("Usulan dalam masa tenang pilkada: catat dulu persetujuan tertulis Menteri Dalam Negeri.")
                )
            u.diputuskan_oleh = oleh
            u.diputuskan_pada = timezone.now()
        if aksi == "verifikasi":
            u.diverifikasi_oleh = oleh
        if aksi == "terbitkan_sk":
            alasan = perubahan_data_pegawai(u)
            if alasan or u.perlu_tinjauan:
                raise AlurError(
                    _("Data pegawai %(nama)s berubah (%(alasan)s): BKPSDM harus meninjaunya sebelum SK diterbitkan.")
                    % {"nama": u.pegawai.nama, "alasan": alasan or u.tinjauan_alasan}
                )
        if aksi in ("kembalikan", "revisi_tujuan"):
            # Checked, verified and decided again; the old override stays visible.
            u.diverifikasi_oleh = None
        if aksi == "revisi_tujuan":
            u.diputuskan_oleh = None  # diputuskan_pada stays: the employee keeps seeing their transfer

    def ringkasan(self, u: UsulanMutasi, lama: str, t: Transisi) -> str:
        return f"Usulan {u.nomor} ({u.pegawai.nama}): {S(lama).label} -> {S(t.ke).label}"

    def kabari(self, u: UsulanMutasi, t: Transisi, catatan: str) -> Callable[[], Any]:
        pk, aksi = u.pk, t.aksi
        return lambda: notifikasi_transisi(usulan_id=pk, aksi=aksi, catatan=catatan)


ALUR = AlurUsulan()


def usulan_transisi(
    *,
    usulan: UsulanMutasi | int,
    aksi: str,
    oleh: User | None,
    catatan: str = "",
    ubah: Callable[[UsulanMutasi], None] | None = None,
) -> UsulanMutasi:
    """Perform one workflow step (`oleh` None: the system). Raises AlurError (a message for the
    user) when refused. `ubah` may change the locked proposal just before it is saved."""
    return ALUR.jalankan(objek=usulan, aksi=aksi, oleh=oleh, catatan=catatan, ubah=ubah)


def aksi_tersedia(usulan: UsulanMutasi, user: User, peta: dict | None = None) -> list[Transisi]:
    """The buttons this user gets on this proposal (exactly the steps `usulan_transisi` accepts)."""
    return ALUR.tersedia(usulan, user, peta=peta)
