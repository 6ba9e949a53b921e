"""The workflow: ONE transition table and ONE function that performs every transition.

`usulan_transisi` locks the proposal row, checks the state and the actor's right, writes the
new state, a RiwayatStatusUsulan row and an audit row, and queues the notifications, all in one
transaction. Two people acting at once: the second waits for the lock, then finds the state
changed and gets a clear refusal; nothing is half-applied.

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
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.audit import audit_catat
from pegawai.akses import peran_user

from ..models import STATUS_BERJALAN, STATUS_DRAF, JenisMutasi, RiwayatStatusUsulan, StatusUsulan, UsulanMutasi
from . import AlurError
from .penyetuju import InfoUnit, Penyetuju, penyetuju_cari, unit_peta

S = StatusUsulan
STATUS_PROSES = (S.DIAJUKAN, S.DILEPAS, S.DITERIMA, S.DIVERIFIKASI)
CATATAN_MAKS = 4000

# Who may perform a transition.
PENGUSUL = "pengusul"  # the proposer (HR staff may also submit any draft)
KEPALA_ASAL = "kepala_asal"  # head of the sending unit, escalated upward
KEPALA_TUJUAN = "kepala_tujuan"  # head of the receiving unit, escalated upward
HR = "hr"
PPK = "ppk"
PELAKU_LANGKAH = "pelaku_langkah"  # whoever the current step waits for
SISTEM = "sistem"  # carried out by the daily command (or HR)


@dataclass(frozen=True)
class Transisi:
    aksi: str
    dari: tuple[str, ...]
    ke: str
    label: str
    pelaku: str
    wajib_catatan: bool = False
    internal: bool = False  # performed by its own service (decree, carrying out), not by a button
    gaya: str = "primary"
    konfirmasi: str = ""


TRANSISI: dict[str, Transisi] = {
    t.aksi: t
    for t in [
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
    ]
}

# Which actor a state waits for (for inboxes, the page, and "return/reject").
MENUNGGU = {S.DIAJUKAN: KEPALA_ASAL, S.DILEPAS: KEPALA_TUJUAN, S.DITERIMA: HR, S.DIVERIFIKASI: PPK, S.DIPUTUSKAN: HR}


def penyetuju_langkah(usulan: UsulanMutasi, pelaku: str, peta: dict[int, InfoUnit] | None = None) -> Penyetuju | None:
    """The approver for a head's step. An inter-instansi side has no unit here: BKPSDM records
    the other instansi's agreement instead."""
    if pelaku == KEPALA_ASAL:
        if usulan.jenis == JenisMutasi.MASUK and not usulan.asal_unit_id:
            return Penyetuju(None, _("BKPSDM"), None, None, (_("instansi asal berada di luar Pemerintah Kota"),))
        return penyetuju_cari(usulan.asal_unit_id, usulan.pegawai_id, peta)
    if pelaku == KEPALA_TUJUAN:
        if usulan.jenis == JenisMutasi.KELUAR:
            return Penyetuju(None, _("BKPSDM"), None, None, (_("instansi tujuan berada di luar Pemerintah Kota"),))
        # Into a head post: the head being replaced does not accept their successor; the head
        # above does (and becomes the new superior).
        kepala_unit = usulan.tujuan_jabatan_id is not None and usulan.tujuan_jabatan.kepala_unit
        return penyetuju_cari(usulan.tujuan_unit_id, usulan.pegawai_id, peta, mulai_induk=kepala_unit)
    return None


def _pelaku_nyata(t: Transisi, usulan: UsulanMutasi) -> str:
    if t.pelaku == PELAKU_LANGKAH:
        return MENUNGGU.get(usulan.status, HR)
    return t.pelaku


def hak_periksa(aksi: str, usulan: UsulanMutasi, user, peta: dict[int, InfoUnit] | None = None) -> tuple[bool, str]:
    """May `user` perform `aksi` on `usulan` now? (allowed, as-what or why-not)."""
    t = TRANSISI.get(aksi)
    if t is None:
        return False, _("Aksi tidak dikenal.")
    if usulan.status not in t.dari:
        return False, _('Usulan berstatus "%(status)s": aksi "%(aksi)s" tidak dapat dilakukan.') % {
            "status": usulan.get_status_display(),
            "aksi": t.label,
        }
    p = peran_user(user)
    if not getattr(user, "is_authenticated", False):
        return (t.pelaku == SISTEM), _("sistem (pelaksanaan otomatis)")
    pelaku = _pelaku_nyata(t, usulan)
    sendiri = p.pegawai_id is not None and p.pegawai_id == usulan.pegawai_id
    if sendiri and pelaku in (KEPALA_ASAL, KEPALA_TUJUAN, HR, PPK, SISTEM):
        return False, _("Tidak seorang pun boleh menyetujui mutasi dirinya sendiri.")
    if pelaku == PENGUSUL:
        if aksi == "tarik" and usulan.diputuskan_pada is not None:
            return False, _("Usulan ini sudah pernah diputuskan PPK: hanya BKPSDM yang dapat membatalkannya.")
        if usulan.diusulkan_oleh_id == user.pk:
            return True, _("pengusul")
        if aksi == "ajukan" and p.hr:
            return True, _("staf BKPSDM")
        return False, _("Hanya pengusul yang dapat melakukan ini.")
    if pelaku in (KEPALA_ASAL, KEPALA_TUJUAN):
        penyetuju = penyetuju_langkah(usulan, pelaku, peta)
        sisi = _("unit asal") if pelaku == KEPALA_ASAL else _("unit tujuan")
        if penyetuju.oleh_bkpsdm:
            if p.hr:
                return True, _("staf BKPSDM atas nama %(sisi)s (%(pesan)s)") % {"sisi": sisi, "pesan": penyetuju.pesan}
            return False, _("Langkah ini dilakukan oleh BKPSDM.")
        if penyetuju.unit_id in p.unit_dipimpin:
            sebagai = _("Kepala %(unit)s (%(sisi)s)") % {"unit": penyetuju.unit_nama, "sisi": sisi}
            if penyetuju.diteruskan:
                sebagai = f"{sebagai}. {penyetuju.pesan}"
            return True, sebagai
        return False, _("Langkah ini menunggu Kepala %(unit)s.") % {"unit": penyetuju.unit_nama}
    if pelaku == HR:
        if not p.hr:
            return False, _("Hanya staf BKPSDM yang dapat melakukan ini.")
        if aksi == "verifikasi" and usulan.diputuskan_oleh_id == user.pk:
            return False, _("Pemutus usulan ini tidak boleh juga memverifikasinya.")
        return True, _("staf BKPSDM")
    if pelaku == PPK:
        if not p.ppk:
            return False, _("Hanya PPK yang dapat memutuskan.")
        if usulan.diverifikasi_oleh_id == user.pk:
            return False, _("Anda sudah memverifikasi usulan ini; yang memutuskan harus orang lain.")
        return True, _("Pejabat Pembina Kepegawaian")
    if pelaku == SISTEM:
        return (p.hr, _("staf BKPSDM") if p.hr else _("Hanya staf BKPSDM atau sistem yang dapat melaksanakan mutasi."))
    return False, _("Tidak berhak.")


def aksi_tersedia(usulan: UsulanMutasi, user, peta: dict[int, InfoUnit] | None = None) -> list[Transisi]:
    """The buttons this user gets on this proposal."""
    return [
        t
        for t in TRANSISI.values()
        if not t.internal and usulan.status in t.dari and hak_periksa(t.aksi, usulan, user, peta)[0]
    ]


def _syarat_khusus(aksi: str, u: UsulanMutasi, oleh) -> None:
    """Rules a step needs beyond state and right."""
    from .kelayakan import kelayakan_usulan
    from .usulan import perubahan_data_pegawai

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
                _("Data pegawai berubah sejak usulan dibuat (%(alasan)s): BKPSDM harus meninjaunya sebelum diputuskan.")
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


def usulan_transisi(
    *,
    usulan: UsulanMutasi | int,
    aksi: str,
    oleh,
    catatan: str = "",
    sebelum_simpan: Callable[[UsulanMutasi], None] | None = None,
    hari_ini: date | None = None,
) -> UsulanMutasi:
    """Perform one workflow step. Raises AlurError (message for the user) when refused."""
    t = TRANSISI.get(aksi)
    if t is None:
        raise AlurError(_("Aksi tidak dikenal."))
    pk = usulan.pk if isinstance(usulan, UsulanMutasi) else usulan
    catatan = (catatan or "").strip()
    if len(catatan) > CATATAN_MAKS:
        raise AlurError(_("Catatan terlalu panjang (maksimal %(n)d karakter).") % {"n": CATATAN_MAKS})
    try:
        with transaction.atomic():
            u = (
                UsulanMutasi.objects.select_for_update(of=("self",))
                .select_related("pegawai", "asal_unit", "tujuan_unit", "tujuan_jabatan")
                .get(pk=pk)
            )
            boleh, sebagai = hak_periksa(aksi, u, oleh, unit_peta())
            if not boleh:
                raise AlurError(sebagai)
            if t.wajib_catatan and not catatan:
                raise AlurError(_('Aksi "%(aksi)s" wajib disertai catatan/alasan.') % {"aksi": t.label})
            _syarat_khusus(aksi, u, oleh)
            lama = u.status
            u.status = t.ke
            if sebelum_simpan is not None:
                sebelum_simpan(u)
            u.full_clean(validate_constraints=False)
            u.save()
            RiwayatStatusUsulan.objects.create(
                usulan=u,
                aksi=aksi,
                dari=lama,
                ke=t.ke,
                oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
                sebagai=str(sebagai)[:300],
                catatan=catatan,
            )
            audit_catat(
                oleh=oleh,
                aksi=f"mutasi.{aksi}",
                objek=u,
                ringkasan=f"Usulan {u.nomor} ({u.pegawai.nama}): {S(lama).label} -> {S(t.ke).label}",
                perubahan={"status": [lama, t.ke], "catatan": catatan},
            )
            from .notifikasi import jadwalkan, notifikasi_transisi

            jadwalkan(lambda: notifikasi_transisi(usulan_id=u.pk, aksi=aksi, catatan=catatan))
    except IntegrityError as exc:
        raise AlurError(_("Pegawai ini sudah ada dalam usulan lain yang sedang berjalan.")) from exc
    if isinstance(usulan, UsulanMutasi):
        usulan.refresh_from_db()
    return u
