"""The proposal workflow: ONE transition table, performed by `inti.transisi.Alur` like every
workflow of the project. `usulan_transisi` (= `ALUR.jalankan`) locks the proposal row, checks the
state and the actor (`mutasi.akses.hak_langkah`), applies the step's own rules (`syarat`), writes
the new state, a RiwayatStatusUsulan row and an audit row in one transaction, and queues the
mails (`mutasi.services.notifikasi`) for after the commit. Two people acting at once: the second
waits for the lock, then finds the state changed and gets a clear refusal; nothing is
half-applied.

Revision after an objection (keberatan), as a BKPSDM does it under Perban BKN 5/2019, where
the receiving side's agreement must name the position:

- A new TMT only: the decision and both units' agreements still hold. HR prepares an amending
  decree (SK perubahan, `SuratKeputusan.mengganti`), the PPK signs it; the proposal stays "SK
  terbit" and is not carried out while the draft waits.
- A new destination (unit and/or position): nobody has agreed to it yet. The transition
  `revisi_tujuan` (SK terbit -> Dilepas unit asal) sends the proposal back to the acceptance
  of the NEW receiving head (escalated as usual), then HR verification and a fresh PPK
  decision (verifier and decider are cleared, so the separation of duties applies again);
  only then does HR prepare the amending decree (it names the decree it changes) for the PPK. The
  sending head's release stays valid: the employee still leaves the same post. The first
  decree stays on record but is not carried out (only "SK terbit" proposals are), and the
  employee keeps seeing the proposal (it was decided once) with the state of the revision.
  The eligibility checks run again at each of those steps for the new destination; a failed one
  needs its own override, and the PPK confirms the hard overrides again before the new decision.

Decrees are the PPK's decision (`mutasi.services.sk`): "terbitkan_sk" is performed when he signs
the decree HR prepared; a decided transfer is cancelled by him ("batalkan_keputusan" before its
decree, "batalkan_sk" by signing a revoking decree), never by HR alone; only a decree he signed
electronically is carried out; `usulan_dibatalkan` announces a cancelled decided transfer.

Required documents (Perban BKN 5/2019; the kinds and the step each is needed by are data HR
keeps, `mutasi.models.dokumen`): a step is refused, with the missing ones named, while one it
needs is neither uploaded nor held by the application (`mutasi.selectors.dokumen_syarat`).

Eligibility (`mutasi.services.kelayakan`) is evaluated at submission, release, acceptance,
verification and decision on the day of the step, and on the TMT before the transfer is carried
out; a failed check without an override (or, from the decision on, a hard override the PPK has not
confirmed) stops the step with the rule named (`SyaratError`). The results are stored on the
proposal (`hasil_cek`, `cek_pada`, `cek_langkah`) for every later approver.
"""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.jejak import ubah_massal
from inti.transisi import Alur, Transisi, tabel
from pegawai.models import User

from .. import akses
from ..models import STATUS_BERJALAN, STATUS_DRAF, RiwayatStatusKeberatan, StatusUsulan, UsulanMutasi
from ..selectors.dokumen_syarat import dokumen_kurang
from ..selectors.penyetuju import HR, KEPALA_ASAL, KEPALA_TUJUAN, PELAKU_LANGKAH, PENGUSUL, PPK, SISTEM, STATUS_PROSES
from ..selectors.usulan import perubahan_data_pegawai
from ..signals import usulan_dibatalkan
from . import AlurError
from .kelayakan import (
    LANGKAH_CEK,
    LULUS,
    PelaksanaanTertahan,
    SyaratError,
    kelayakan_nilai,
    keputusan_eksternal_kurang,
    tmt_acuan,
)
from .notifikasi import notifikasi_transisi
from .sk_syarat import sk_belum_dapat_dilaksanakan

S = StatusUsulan
# The steps that carry a proposal towards its destination (refused once that unit is closed).
LANGKAH_MAJU = ("ajukan", "lepas", "terima", "verifikasi", "putuskan", "terbitkan_sk", "laksanakan")

TRANSISI = tabel(
    Transisi("ajukan", STATUS_DRAF, S.DIAJUKAN, gettext_lazy("Ajukan usulan"), PENGUSUL),
    Transisi("lepas", (S.DIAJUKAN,), S.DILEPAS, gettext_lazy("Setujui pelepasan"), KEPALA_ASAL, gaya="success"),
    Transisi("terima", (S.DILEPAS,), S.DITERIMA, gettext_lazy("Setujui penerimaan"), KEPALA_TUJUAN, gaya="success"),
    Transisi("verifikasi", (S.DITERIMA,), S.DIVERIFIKASI, gettext_lazy("Verifikasi berkas"), HR, gaya="success"),
    Transisi(
        "putuskan", (S.DIVERIFIKASI,), S.DIPUTUSKAN, gettext_lazy("Setujui mutasi (putuskan)"), PPK, gaya="success"
    ),
    # The PPK signing the decree HR prepared (services.sk: a decree is the PPK's decision step).
    Transisi("terbitkan_sk", (S.DIPUTUSKAN,), S.SK_TERBIT, gettext_lazy("Tetapkan SK"), PPK, internal=True),
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
        STATUS_DRAF + STATUS_PROSES,
        S.DIBATALKAN,
        gettext_lazy("Batalkan usulan"),
        HR,
        wajib_catatan=True,
        gaya="outline-danger",
    ),
    # Cancelling a decided transfer is the PPK's: before its decree by this step, after it by the
    # revoking decree HR prepares and the PPK signs (services.sk, "batalkan_sk").
    Transisi(
        "batalkan_keputusan",
        (S.DIPUTUSKAN,),
        S.DIBATALKAN,
        gettext_lazy("Batalkan keputusan mutasi"),
        PPK,
        wajib_catatan=True,
        gaya="outline-danger",
        konfirmasi=gettext_lazy("Batalkan keputusan mutasi ini? Mutasi menjadi batal."),
    ),
    Transisi(
        "batalkan_sk",
        STATUS_DRAF + STATUS_PROSES + (S.DIPUTUSKAN, S.SK_TERBIT),  # with a decree (syarat): also mid-revision
        S.DIBATALKAN,
        gettext_lazy("Batalkan dengan SK pembatalan"),
        PPK,
        wajib_catatan=True,
        internal=True,
    ),
)


class AlurUsulan(Alur):
    model = UsulanMutasi
    transisi = TRANSISI
    awalan_audit = "mutasi"
    galat = AlurError
    select_related = ("pegawai", "asal_unit", "tujuan_unit", "tujuan_jabatan")
    pesan_bentrok = gettext_lazy("Pegawai ini sudah ada dalam usulan lain yang sedang berjalan.")
    # Timeline rows that are not a state change (and `buat`, the first row).
    label_lain = {
        "buat": gettext_lazy("Dibuat"),
        "pengecualian": gettext_lazy("Pengecualian syarat"),
        "konfirmasi_pengecualian": gettext_lazy("Pengecualian syarat dikonfirmasi PPK"),
        "keputusan_eksternal": gettext_lazy("Keputusan instansi lain dicatat"),
        "laksanakan_tertahan": gettext_lazy("Tidak dilaksanakan pada TMT"),
        "tinjau": gettext_lazy("Perubahan data ditinjau"),
        "persetujuan_menteri": gettext_lazy("Persetujuan Menteri dicatat"),
        "revisi": gettext_lazy("Revisi TMT: SK perubahan disiapkan"),
        "sk_konsep": gettext_lazy("Konsep SK disiapkan, menunggu keputusan dan tanda tangan PPK"),
        "sk_perubahan": gettext_lazy("SK perubahan ditetapkan PPK"),
    }

    def judul_baris(self, r: Any) -> str:
        """A proposal's timeline is titled by the state each step reached (a note by its name); the
        rows of its objections join it (`selectors.usulan.linimasa`)."""
        if isinstance(r, RiwayatStatusKeberatan):
            if r.aksi == "jawab":
                return _("Jawaban atas keberatan: %(keputusan)s") % {"keputusan": r.keberatan.get_keputusan_display()}
            return str(_("Keberatan pegawai"))
        if r.dari == r.ke:
            return self.label_aksi(r.aksi)
        if r.aksi == "revisi_tujuan":
            return f"{r.get_ke_display()} · {self.label_aksi(r.aksi)}"
        return r.get_ke_display()

    def hak(self, t: Transisi, obj: UsulanMutasi, user: Any, **konteks: Any) -> tuple[bool, str]:
        izin = akses.hak_langkah(user, obj, t.pelaku, aksi=t.aksi, peta=konteks.get("peta"))
        return izin.boleh, izin.sebagai if izin.boleh else izin.pesan

    def pesan_status(self, obj: UsulanMutasi, t: Transisi) -> str:
        return _('Usulan berstatus "%(status)s": aksi "%(aksi)s" tidak dapat dilakukan.') % {
            "status": obj.get_status_display(),
            "aksi": t.label,
        }

    def syarat(self, t: Transisi, u: UsulanMutasi, oleh: Any, catatan: str, **data: Any) -> dict[str, Any]:
        """Rules a step needs beyond state and actor, and the fields it sets."""
        aksi = t.aksi
        tambahan: dict[str, Any] = {}
        if aksi in ("batalkan", "tolak", "batalkan_keputusan") and u.sk_id:
            raise AlurError(
                _(
                    "SK mutasi ini sudah terbit (%(n)s): pembatalannya melalui SK pembatalan yang disiapkan "
                    "BKPSDM dan ditetapkan PPK."
                )
                % {"n": u.sk.nomor}
            )
        if aksi == "batalkan_sk" and not u.sk_id:
            raise AlurError(_("Usulan ini belum punya SK untuk dicabut."))
        if aksi == "laksanakan" and (alasan_sk := sk_belum_dapat_dilaksanakan(u)):
            raise PelaksanaanTertahan(alasan_sk)
        if aksi in LANGKAH_MAJU and u.tujuan_unit_id and not u.tujuan_unit.aktif:
            pesan = _("Unit tujuan %(unit)s sudah ditutup per %(tanggal)s") % {
                "unit": u.tujuan_unit.nama,
                "tanggal": f"{u.tujuan_unit.ditutup_pada:%d-%m-%Y}" if u.tujuan_unit.ditutup_pada else "-",
            }
            if aksi == "laksanakan":
                jalan = _("mutasi ini tidak dapat dilaksanakan; keputusannya dibatalkan melalui SK pembatalan.")
                raise PelaksanaanTertahan(f"{pesan}: {jalan}")
            jalan = _("ubah tujuan usulan atau batalkan.")
            raise AlurError(f"{pesan}: {jalan}")
        if aksi == "laksanakan" and not u.pegawai.aktif:
            # Died, retired or left after the decree: no override moves them; the decree is revoked.
            raise PelaksanaanTertahan(
                _(
                    "%(nama)s sudah tidak aktif (%(alasan)s): mutasi ini tidak dapat dilaksanakan. "
                    "Keputusannya dibatalkan melalui SK pembatalan yang disiapkan BKPSDM dan ditetapkan PPK."
                )
                % {"nama": u.pegawai.nama_lengkap, "alasan": u.pegawai.alasan_nonaktif or _("tanpa keterangan")}
            )
        berjalan_lain = u.pegawai.usulan_mutasi.filter(status__in=STATUS_BERJALAN).exclude(pk=u.pk)
        if aksi == "ajukan" and berjalan_lain.exists():
            raise AlurError(_("Pegawai ini sudah ada dalam usulan lain yang sedang berjalan."))
        if aksi == "laksanakan" and (kurang := keputusan_eksternal_kurang(u)):
            raise PelaksanaanTertahan(
                _("%(jenis)s belum dapat dilaksanakan: keputusan instansi lain belum lengkap (%(kurang)s).")
                % {"jenis": u.get_jenis_display(), "kurang": ", ".join(kurang)}
            )
        if kurang := dokumen_kurang(u, aksi):
            # The documents HR's rules ask for by this step (mutasi.models.dokumen), by name.
            raise AlurError(
                _('"%(aksi)s" belum dapat dilakukan: dokumen wajib belum lengkap (%(kurang)s).')
                % {"aksi": t.label, "kurang": "; ".join(kurang)}
            )
        if aksi == "ajukan" and u.diajukan_pada is None:
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
            u.diputuskan_oleh = oleh
            u.diputuskan_pada = timezone.now()
        if aksi in LANGKAH_CEK:
            # After the record-change gate: a changed record is reviewed before it is judged.
            # Eligibility on the day of the step (carrying out: on the TMT); stored for later approvers.
            pada = tmt_acuan(u) if aksi == "laksanakan" else timezone.localdate()
            penilaian = kelayakan_nilai(u, pada, langkah=aksi)
            u.hasil_cek, u.cek_pada, u.cek_langkah = penilaian.simpan(), pada, aksi
            u.dalam_masa_tenang = any(c.kode == "masa_tenang" and c.hasil != LULUS for c in penilaian.cek)
            if not penilaian.lolos:
                raise SyaratError(penilaian)
            if penilaian.gagal:
                tambahan["syarat_gagal"] = [c.kode for c in penilaian.gagal]
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
        return tambahan

    def sesudah(self, t: Transisi, u: UsulanMutasi, oleh: Any, lama: str, catatan: str, **data: Any) -> None:
        if t.ke == S.DIBATALKAN and u.diputuskan_pada is not None:
            # A decided transfer cancelled or revoked: higher apps react (mutasi/signals.py).
            usulan_dibatalkan.send(sender=UsulanMutasi, usulan=u)
        if t.aksi in ("kembalikan", "revisi_tujuan"):
            # A fresh decision: the PPK confirms the hard overrides again (the history keeps the first).
            ubah_massal(
                u.pengecualian.exclude(dikonfirmasi_pada=None),
                oleh=oleh,
                dikonfirmasi_oleh=None,
                dikonfirmasi_pada=None,
            )

    def ringkasan(self, u: UsulanMutasi, lama: str, t: Transisi) -> str:
        return f"Usulan {u.nomor} ({u.pegawai.nama}): {S(lama).label} -> {S(t.ke).label}"

    def kabari(self, u: UsulanMutasi, t: Transisi, catatan: str) -> Callable[[], Any]:
        return partial(notifikasi_transisi, usulan_id=u.pk, aksi=t.aksi, catatan=catatan)


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
