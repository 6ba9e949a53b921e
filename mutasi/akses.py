"""Who may see and do what in the transfer workflow, in one place. Views (through `perlu`/`wajib`
and the selectors' `*_ambil` helpers, which answer 404), templates (the `mutasi_akses` tags: a
button shows exactly when the action would be accepted) and services (which refuse with the
reason) all ask the functions below, never the roles directly.

Seeing: the list form of each rule is a selector (`usulan_terlihat`, `batch_terlihat`,
`sk_terlihat`, `keberatan_terlihat`, `permohonan_terlihat`); `boleh_lihat_*` asks whether one
object is in it.

Doing (an `Izin`: true when allowed, with the reason when not):
- a proposal is made by HR, or by the head of the sending or the receiving unit, never for
  oneself; edited while a draft by its proposer or HR; its attachments are added by HR, the
  proposer or whoever the current step waits for, and removed while a draft by the uploader or HR;
  so are the required documents (replaced at any step, removed only while a draft); HR keeps
  their catalogue;
- each workflow step by the actor its transition names (`hak_langkah`, the actor check of
  `mutasi.services.alur`): the sending or receiving head (escalated upward, or HR where no head
  is left), HR, the PPK; nobody on their own transfer; verifier and decider are two people;
  on the days of a delegation (Plh./Plt., `pegawai.selectors.pengganti.bertindak_untuk`, read
  once by `peran_user`) the acting person may do what the head or the PPK may, and the answer
  carries the delegation (`Izin.pengganti`, `Izin.sebagai`) so the history and the audit say
  "Plh. ... a.n. <official>"; the official keeps their own powers meanwhile (both may act: the
  system records who did); an acting PPK never decides the official's own transfer;
- HR overrides failed checks (one per check, until carried out; never on their own transfer),
  records the external decision of a transfer out of or into the city, reviews a changed record,
  notes the Minister's approval, issues decrees, makes batches, answers objections and the
  requests of others; the PPK confirms each override of a hard rule (not one they recorded);
- the employee reads and acknowledges the notice of a decree in force, objects within
  KEBERATAN_BATAS_HARI days of being given it (one open objection at a time), and asks for a transfer.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.transisi import Sebagai
from pegawai.akses import PeranUser, peran_user
from pegawai.models import Pegawai, PenggantiPejabat

from .models import (
    STATUS_BERJALAN,
    STATUS_DRAF,
    STATUS_SELESAI,
    STATUS_SK_BERLAKU,
    BatchUsulan,
    JenisMutasi,
    Keberatan,
    LampiranUsulan,
    PengecualianSyarat,
    PermohonanMutasi,
    StatusKeberatan,
    StatusPermohonan,
    StatusSK,
    StatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from .selectors import batch_terlihat, keberatan_terlihat, permohonan_terlihat, sk_terlihat, usulan_terlihat
from .selectors.penyetuju import (
    HR,
    KEPALA_ASAL,
    KEPALA_TUJUAN,
    MENUNGGU,
    PELAKU_LANGKAH,
    PENGUSUL,
    PPK,
    SISTEM,
    InfoUnit,
    penyetuju_langkah,
)


@dataclass(frozen=True)
class Izin:
    """An answer: true when allowed. `pesan` says why not (for an allowed workflow step: as what).
    `pengganti`: the user is allowed only as an acting official (Plh./Plt.) under this delegation."""

    boleh: bool
    pesan: str = ""
    pengganti: PenggantiPejabat | None = None

    def __bool__(self) -> bool:
        return self.boleh

    @property
    def sebagai(self) -> str:
        """As what, for the history row: with Plh./Plt. and on whose behalf when acting."""
        d = self.pengganti
        if d is None:
            return self.pesan
        official = d.yang_digantikan
        return Sebagai(
            self.pesan,
            jenis=d.jenis,
            atas_nama=official.akun if official.akun_id else None,
            nama=official.nama_lengkap,
        )


def _ya(pesan: str = "") -> Izin:
    return Izin(True, str(pesan))


def _plh(pesan: str, d: PenggantiPejabat) -> Izin:
    """Allowed as the acting official under `d`: "Plh. <as what>"."""
    return Izin(True, f"{d.jenis} {pesan}", pengganti=d)


def _tidak(pesan: str) -> Izin:
    return Izin(False, str(pesan))


def _sendiri(p: PeranUser, pegawai_id: int | None) -> bool:
    return p.pegawai_id is not None and p.pegawai_id == pegawai_id


def wajib(izin: Izin | bool) -> None:
    """For a view, on an object the user sees: 403 unless the action is allowed."""
    if not izin:
        raise PermissionDenied(getattr(izin, "pesan", ""))


# --- Seeing ----------------------------------------------------------------------------------------


def boleh_lihat_usulan(user, u: UsulanMutasi) -> bool:
    return usulan_terlihat(user).filter(pk=u.pk).exists()


def boleh_lihat_batch(user, b: BatchUsulan) -> bool:
    return batch_terlihat(user).filter(pk=b.pk).exists()


def boleh_lihat_sk(user, sk: SuratKeputusan) -> bool:
    return sk_terlihat(user).filter(pk=sk.pk).exists()


def boleh_lihat_keberatan(user, k: Keberatan) -> bool:
    return keberatan_terlihat(user).filter(pk=k.pk).exists()


def boleh_lihat_permohonan(user, p: PermohonanMutasi) -> bool:
    return permohonan_terlihat(user).filter(pk=p.pk).exists()


def mutasi_sendiri(user, u: UsulanMutasi) -> bool:
    """The user is the employee being moved (their pages show the employee's side)."""
    return _sendiri(peran_user(user), u.pegawai_id)


def boleh_daftar_usulan(user) -> bool:
    """The proposal list and its export, the batches: HR, the PPK and unit heads."""
    p = peran_user(user)
    return p.lihat_semua or p.kepala


# --- Proposals -------------------------------------------------------------------------------------


def boleh_buat_usulan(user) -> bool:
    """The new-proposal page: HR and unit heads (whom for: `boleh_usulkan`)."""
    p = peran_user(user)
    return p.hr or p.kepala


def boleh_usulkan(user, pegawai: Pegawai, tujuan_unit_id: int | None = None) -> Izin:
    """Propose moving `pegawai`: HR, or the head of the sending or the receiving unit (with
    sub-units); never oneself."""
    p = peran_user(user)
    if not _sendiri(p, pegawai.pk):
        if p.hr:
            return _ya()
        posisi = pegawai.posisi_sekarang if p.unit_wewenang else None
        if p.unit_wewenang and ((posisi and posisi.unit_id in p.unit_wewenang) or tujuan_unit_id in p.unit_wewenang):
            return _ya()
    return _tidak(_("Anda tidak berwenang mengusulkan mutasi pegawai ini."))


def boleh_ubah_usulan(user, u: UsulanMutasi) -> Izin:
    if u.status in STATUS_DRAF and (u.diusulkan_oleh_id == user.pk or peran_user(user).hr):
        return _ya()
    return _tidak(_("Usulan hanya dapat diubah oleh pengusul atau BKPSDM selama masih draf."))


def hak_langkah(user, u: UsulanMutasi, pelaku: str, *, aksi: str = "", peta: dict[int, InfoUnit] | None = None) -> Izin:
    """May `user` act as `pelaku` (a `Transisi.pelaku`) on `u` now? When allowed, `pesan` says as
    what (it goes into the history row). The state is the workflow's to check."""
    if not getattr(user, "is_authenticated", False):
        return _ya(_("sistem (pelaksanaan otomatis)")) if pelaku == SISTEM else _tidak(_("Tidak berhak."))
    p = peran_user(user)
    if pelaku == PELAKU_LANGKAH:
        pelaku = MENUNGGU.get(u.status, HR)
    if _sendiri(p, u.pegawai_id) and pelaku in (KEPALA_ASAL, KEPALA_TUJUAN, HR, PPK, SISTEM):
        return _tidak(_("Tidak seorang pun boleh menyetujui mutasi dirinya sendiri."))
    if pelaku == PENGUSUL:
        if aksi == "tarik" and u.diputuskan_pada is not None:
            return _tidak(_("Usulan ini sudah pernah diputuskan PPK: hanya BKPSDM yang dapat membatalkannya."))
        if u.diusulkan_oleh_id == user.pk:
            return _ya(_("pengusul"))
        if aksi == "ajukan" and p.hr:
            return _ya(_("staf BKPSDM"))
        return _tidak(_("Hanya pengusul yang dapat melakukan ini."))
    if pelaku in (KEPALA_ASAL, KEPALA_TUJUAN):
        penyetuju = penyetuju_langkah(u, pelaku, peta)
        sisi = _("unit asal") if pelaku == KEPALA_ASAL else _("unit tujuan")
        if penyetuju.oleh_bkpsdm:
            if p.hr:
                return _ya(_("staf BKPSDM atas nama %(sisi)s (%(pesan)s)") % {"sisi": sisi, "pesan": penyetuju.pesan})
            return _tidak(_("Langkah ini dilakukan oleh BKPSDM."))
        if penyetuju.unit_id in p.unit_dipimpin:
            sebagai = _("Kepala %(unit)s (%(sisi)s)") % {"unit": penyetuju.unit_nama, "sisi": sisi}
            sebagai = f"{sebagai}. {penyetuju.pesan}" if penyetuju.diteruskan else sebagai
            d = p.plh_unit(penyetuju.unit_id)
            return _plh(sebagai, d) if d is not None else _ya(sebagai)
        return _tidak(_("Langkah ini menunggu Kepala %(unit)s.") % {"unit": penyetuju.unit_nama})
    if pelaku == HR:
        if not p.hr:
            return _tidak(_("Hanya staf BKPSDM yang dapat melakukan ini."))
        if aksi == "verifikasi" and u.diputuskan_oleh_id == user.pk:
            return _tidak(_("Pemutus usulan ini tidak boleh juga memverifikasinya."))
        return _ya(_("staf BKPSDM"))
    if pelaku == PPK:
        if not p.ppk:
            return _tidak(_("Hanya PPK yang dapat memutuskan."))
        if u.diverifikasi_oleh_id == user.pk:
            return _tidak(_("Anda sudah memverifikasi usulan ini; yang memutuskan harus orang lain."))
        return _sebagai_ppk(p, [u.pegawai_id])
    if pelaku == SISTEM and p.hr:
        return _ya(_("staf BKPSDM"))
    if pelaku == SISTEM:
        return _tidak(_("Hanya staf BKPSDM atau sistem yang dapat melaksanakan mutasi."))
    return _tidak(_("Tidak berhak."))


def boleh_lampir(user, u: UsulanMutasi) -> Izin:
    """Add an attachment: HR, the proposer, or whoever the current step waits for; until the end."""
    if u.status not in STATUS_SELESAI and (
        peran_user(user).hr or u.diusulkan_oleh_id == user.pk or hak_langkah(user, u, PELAKU_LANGKAH)
    ):
        return _ya()
    return _tidak(_("Anda tidak dapat menambah lampiran pada usulan ini."))


def boleh_hapus_lampiran(user, lampiran: LampiranUsulan) -> Izin:
    if lampiran.usulan.status in STATUS_DRAF and (lampiran.diunggah_oleh_id == user.pk or peran_user(user).hr):
        return _ya()
    return _tidak(_("Lampiran hanya dapat dihapus pengunggahnya selama usulan masih draf."))


def boleh_unggah_dokumen(user, u: UsulanMutasi) -> Izin:
    """Upload or replace a required document: HR, the proposer, or whoever the step waits for."""
    if boleh_lampir(user, u):
        return _ya()
    return _tidak(_("Anda tidak dapat mengunggah dokumen syarat pada usulan ini."))


def boleh_hapus_dokumen(user, u: UsulanMutasi) -> Izin:
    """Remove one: while a draft (later a document is replaced, never removed)."""
    if u.status in STATUS_DRAF and boleh_lampir(user, u):
        return _ya()
    return _tidak(_("Dokumen syarat hanya dapat dihapus selama usulan masih draf; setelah itu unggah penggantinya."))


def boleh_kelola_dokumen_syarat(user) -> bool:
    """The catalogue of required documents and its rules (HR)."""
    return peran_user(user).hr


def boleh_kecualikan(user, u: UsulanMutasi) -> Izin:
    """Override a failed check with a written justification: HR, not on their own transfer, until
    the transfer is carried out (a check may fail at any step, the TMT included)."""
    p = peran_user(user)
    if not p.hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat memberi pengecualian syarat."))
    if _sendiri(p, u.pegawai_id):
        return _tidak(_("Pengecualian syarat mutasi Anda sendiri dicatat staf BKPSDM yang lain."))
    if u.status not in STATUS_DRAF + STATUS_BERJALAN:
        return _tidak(_("Usulan sudah selesai: pengecualian tidak dapat dicatat lagi."))
    return _ya()


def boleh_konfirmasi_pengecualian(user, u: UsulanMutasi, pengecualian: PengecualianSyarat | None = None) -> Izin:
    """Confirm an override of a hard rule (KODE_BERAT): the PPK, not on their own transfer, not one
    they recorded themselves, from submission until the transfer is carried out."""
    p = peran_user(user)
    if not p.ppk:
        return _tidak(_("Hanya PPK yang dapat mengonfirmasi pengecualian syarat berat."))
    if _sendiri(p, u.pegawai_id):
        return _tidak(_("Tidak seorang pun boleh menyetujui mutasi dirinya sendiri."))
    if u.status not in STATUS_BERJALAN:
        return _tidak(
            _('Usulan berstatus "%(status)s": pengecualian tidak dapat dikonfirmasi.')
            % {"status": u.get_status_display()}
        )
    if pengecualian is not None:
        if not pengecualian.berat:
            return _tidak(_("Pengecualian ini tidak memerlukan konfirmasi PPK."))
        if pengecualian.dikonfirmasi:
            return _tidak(_("Pengecualian ini sudah dikonfirmasi."))
        if pengecualian.oleh_id == user.pk:
            return _tidak(_("Yang mencatat pengecualian tidak boleh juga mengonfirmasinya."))
    return _sebagai_ppk(p, [u.pegawai_id])


def boleh_catat_keputusan_eksternal(user, u: UsulanMutasi) -> Izin:
    """Record the other side's decision on a transfer out of or into the city (HR, until carried out)."""
    p = peran_user(user)
    if not p.hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat mencatat keputusan instansi lain."))
    if u.jenis not in (JenisMutasi.KELUAR, JenisMutasi.MASUK):
        return _tidak(_("Keputusan instansi lain hanya untuk mutasi keluar atau masuk."))
    if _sendiri(p, u.pegawai_id):
        return _tidak(_("Keputusan atas mutasi Anda sendiri dicatat staf BKPSDM yang lain."))
    if u.status not in STATUS_DRAF + STATUS_BERJALAN:
        return _tidak(_("Usulan sudah selesai."))
    return _ya()


def boleh_tinjau(user, u: UsulanMutasi) -> Izin:
    """Mark a changed record as reviewed (HR, while the proposal is open and before its decree)."""
    if not peran_user(user).hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat meninjau perubahan data."))
    if not u.perlu_tinjauan:
        return _tidak(_("Usulan ini tidak sedang menunggu tinjauan."))
    if u.status not in STATUS_DRAF + STATUS_BERJALAN or u.status == StatusUsulan.SK_TERBIT:
        return _tidak(
            _('Usulan berstatus "%(status)s": tidak dapat ditinjau lagi.') % {"status": u.get_status_display()}
        )
    return _ya()


def boleh_catat_menteri(user, u: UsulanMutasi) -> Izin:
    """Note the Minister's written approval (election blackout): HR, until the end."""
    if not peran_user(user).hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat mencatat persetujuan Menteri."))
    if u.status in STATUS_SELESAI:
        return _tidak(_("Usulan sudah selesai."))
    return _ya()


def boleh_terbitkan_sk(user, u: UsulanMutasi | None = None) -> Izin:
    """Prepare a decree for the PPK to sign (HR); for one proposal, once the PPK decided it and
    while no other draft covers it."""
    if not peran_user(user).hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat menyiapkan SK."))
    if u is not None and u.status != StatusUsulan.DIPUTUSKAN:
        return _tidak(_("SK hanya untuk usulan yang sudah diputuskan PPK: %(daftar)s.") % {"daftar": u.nomor})
    if u is not None and u.sk_cakupan.filter(status=StatusSK.KONSEP).exists():
        return _tidak(_("Konsep SK usulan ini sudah menunggu tanda tangan PPK."))
    return _ya()


def boleh_ubah_sk(user, u: UsulanMutasi, *, pembatalan: bool = False) -> Izin:
    """Prepare an amending (new TMT) or revoking decree for a transfer whose decree is in force
    (HR; the PPK decides it by signing). Revoking also while a revision of the destination runs."""
    if not peran_user(user).hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat menyiapkan SK perubahan atau pembatalan."))
    berlaku = u.sk_id is not None and (
        u.status == StatusUsulan.SK_TERBIT or (pembatalan and u.status not in STATUS_SELESAI)
    )
    if not berlaku:
        return _tidak(_("Hanya untuk mutasi yang SK-nya sudah terbit dan belum dilaksanakan."))
    if u.sk_cakupan.filter(status=StatusSK.KONSEP).exists():
        return _tidak(_("Konsep SK usulan ini sudah menunggu tanda tangan PPK."))
    return _ya()


def boleh_kelola_sk(user) -> bool:
    """The list of draft decrees (HR prepares them, the PPK signs them)."""
    return peran_user(user).lihat_semua


def _sebagai_ppk(p: PeranUser, pegawai_ids: list[int]) -> Izin:
    """The PPK's step (the caller checked `p.ppk`): as the PPK, or as the acting PPK (Plh./Plt.),
    who never decides the transfer of the official they act for."""
    d = p.plh_ppk
    if d is None:
        return _ya(_("Pejabat Pembina Kepegawaian"))
    if d.yang_digantikan_id in pegawai_ids:
        return _tidak(_("Pengganti PPK tidak dapat memutuskan mutasi pejabat yang digantikannya."))
    return _plh(_("Pejabat Pembina Kepegawaian"), d)


def boleh_tandatangani_sk(user, sk: SuratKeputusan) -> Izin:
    """Decide and sign a draft, or return it: the PPK (or whoever acts for them today, Plh./Plt.),
    never a decree covering their own transfer."""
    p = peran_user(user)
    if not p.ppk:
        return _tidak(_("Hanya PPK yang dapat menetapkan dan menandatangani SK."))
    if p.pegawai_id is not None and sk.cakupan.filter(pegawai_id=p.pegawai_id).exists():
        return _tidak(_("Tidak seorang pun boleh menetapkan SK mutasi dirinya sendiri."))
    return _sebagai_ppk(p, list(sk.cakupan.values_list("pegawai_id", flat=True)) if p.plh_ppk else [])


def boleh_tarik_sk(user, sk: SuratKeputusan) -> Izin:
    """Withdraw a draft the PPK has not signed: HR."""
    if not peran_user(user).hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat menarik konsep SK."))
    return _ya(_("staf BKPSDM"))


def boleh_serahkan_pemberitahuan(user, u: UsulanMutasi) -> Izin:
    """Record the day the notice was handed to the employee (HR), while the decree is in force."""
    if not peran_user(user).hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat mencatat penyerahan pemberitahuan."))
    if not u.pemberitahuan_berlaku:
        return _tidak(_("Tidak ada pemberitahuan mutasi yang berlaku."))
    return _ya()


def boleh_buat_batch(user) -> bool:
    return peran_user(user).hr


# --- The employee's side ---------------------------------------------------------------------------


def boleh_konfirmasi(user, u: UsulanMutasi) -> Izin:
    """State that one has read the notice: the employee, while a decree is in force."""
    if not _sendiri(peran_user(user), u.pegawai_id):
        return _tidak(_("Hanya pegawai yang bersangkutan yang dapat mengonfirmasi pemberitahuan."))
    if not u.pemberitahuan_berlaku:
        return _tidak(_("Tidak ada pemberitahuan mutasi yang berlaku untuk dikonfirmasi."))
    return _ya()


def boleh_ajukan_keberatan(user, u: UsulanMutasi, hari_ini: date | None = None) -> Izin:
    """Object to one's transfer: after the decree, within its window, one open objection at a time."""
    if not _sendiri(peran_user(user), u.pegawai_id):
        return _tidak(_("Hanya pegawai yang dimutasi yang dapat mengajukan keberatan."))
    if u.status not in STATUS_SK_BERLAKU:
        return _tidak(_("Keberatan dapat diajukan setelah SK terbit."))
    batas = u.batas_keberatan
    if batas and (hari_ini or timezone.localdate()) > batas:
        return _tidak(_("Batas waktu pengajuan keberatan (%(tgl)s) sudah lewat.") % {"tgl": f"{batas:%d-%m-%Y}"})
    if any(not k.terjawab for k in u.keberatan.all()):  # uses the prefetch when there is one
        return _tidak(_("Keberatan Anda sebelumnya masih menunggu jawaban."))
    return _ya()


def boleh_ajukan_permohonan(user) -> Izin:
    if peran_user(user).pegawai_id is None:
        return _tidak(_("Akun ini tidak terhubung dengan data pegawai."))
    return _ya()


def boleh_tarik_permohonan(user, p: PermohonanMutasi) -> Izin:
    if not _sendiri(peran_user(user), p.pegawai_id):
        return _tidak(_("Hanya pemohon yang dapat menarik permohonan."))
    if p.status != StatusPermohonan.DIAJUKAN:
        return _tidak(_("Permohonan ini sudah ditanggapi."))
    return _ya()


# --- HR's desk: objections and requests --------------------------------------------------------------


def boleh_kelola_keberatan(user) -> bool:
    """The objections list and the answer page (HR)."""
    return peran_user(user).hr


def boleh_jawab_keberatan(user, k: Keberatan) -> Izin:
    if not peran_user(user).hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat menjawab keberatan."))
    if k.status != StatusKeberatan.DIAJUKAN:
        return _tidak(_("Keberatan ini sudah dijawab."))
    return _ya(_("staf BKPSDM"))


def boleh_kelola_permohonan(user) -> bool:
    """The requests list (HR)."""
    return peran_user(user).hr


def boleh_tanggapi_permohonan(user, p: PermohonanMutasi) -> Izin:
    """Decline a request or make a proposal of it: HR, not on their own request, while it waits."""
    pu = peran_user(user)
    if not pu.hr:
        return _tidak(_("Hanya staf BKPSDM yang dapat menanggapi permohonan."))
    if _sendiri(pu, p.pegawai_id):
        return _tidak(_("Permohonan Anda sendiri ditanggapi staf BKPSDM yang lain."))
    if p.status != StatusPermohonan.DIAJUKAN:
        return _tidak(_("Permohonan ini sudah ditanggapi."))
    return _ya()
