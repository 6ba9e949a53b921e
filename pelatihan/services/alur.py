"""The assignment workflow: ONE transition table, performed by `inti.transisi.Alur` like every
workflow of the project. A move locks the row, checks the state and the actor (`pelatihan.akses`),
does the move's own work, saves, and writes a `RiwayatStatusPenugasan` row and an audit row in the
same transaction; the mail to the employee goes out after the commit, in the site's language.

The moves' own work:
- unggah: needs `berkas` (PDF/PNG/JPEG by content, at most UPLOAD_MAX_MB), stored under a name
  of ours; the assignment then waits for HR's verification (a returned evidence's reason is cleared);
- verifikasi: needs the evidence when PELATIHAN_WAJIB_BUKTI; sets the completion date (default
  today, never in the future) and the JP earned (default the training's JP); the training's
  competences join the employee's record (and the record's audit);
- kembalikan_bukti, tidak_selesai, batalkan: need a reason, kept on the assignment; returning the
  evidence deletes the file after the commit, as does replacing it;
- batalkan is also the system's (`oleh` None, "sistem" in the history): a decided transfer cancelled
  or revoked takes its open assignments with it (`services.pembatalan`).
"""

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.audit import audit_catat
from inti.galat import LayananError
from inti.notifikasi import beri_tahu
from inti.transisi import Alur, Transisi, tabel
from mutasi.services.lampiran import berkas_periksa
from pegawai.akses import peran_user
from pegawai.models import User

from ..akses import boleh_kelola_penugasan, boleh_kerjakan_penugasan, boleh_verifikasi_penugasan
from ..models import STATUS_AKTIF, PenugasanPelatihan, StatusPenugasan
from .umum import PelatihanError, tautan

SP = StatusPenugasan
EKSTENSI = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}

# Who may act. PEGAWAI = the employee themself (HR may act for them), HR = BKPSDM staff other than
# the employee, PENGELOLA = HR or a head over the employee (see akses.boleh_kelola_penugasan).
PEGAWAI, HR, PENGELOLA = "pegawai", "hr", "pengelola"

# The mail to the employee after these moves, and its subject.
JUDUL_STATUS = {
    "kembalikan_bukti": gettext_lazy("Bukti pelatihan dikembalikan"),
    "verifikasi": gettext_lazy("Pelatihan diverifikasi selesai"),
    "tidak_selesai": gettext_lazy("Pelatihan dinyatakan tidak selesai"),
    "batalkan": gettext_lazy("Penugasan pelatihan dibatalkan"),
}


class AlurPenugasan(Alur):
    model = PenugasanPelatihan
    awalan_audit = "pelatihan"
    galat = PelatihanError
    select_related = ("pegawai", "pelatihan", "usulan")
    label_lain = {"tugaskan": gettext_lazy("Ditugaskan"), "ubah_tenggat": gettext_lazy("Tenggat diubah")}
    transisi = tabel(
        Transisi("mulai", (SP.DITUGASKAN,), SP.BERLANGSUNG, gettext_lazy("Tandai sedang berlangsung"), PEGAWAI),
        Transisi("unggah", STATUS_AKTIF, SP.BERLANGSUNG, gettext_lazy("Unggah sertifikat"), PEGAWAI),
        Transisi("verifikasi", STATUS_AKTIF, SP.SELESAI, gettext_lazy("Verifikasi selesai"), HR, gaya="success"),
        Transisi(
            "kembalikan_bukti",
            (SP.BERLANGSUNG,),
            SP.BERLANGSUNG,
            gettext_lazy("Kembalikan bukti"),
            HR,
            wajib_catatan=True,
            gaya="outline-warning",
        ),
        Transisi(
            "tidak_selesai",
            STATUS_AKTIF,
            SP.TIDAK_SELESAI,
            gettext_lazy("Tidak selesai"),
            PENGELOLA,
            wajib_catatan=True,
            gaya="outline-secondary",
            konfirmasi=gettext_lazy("Nyatakan pelatihan ini tidak selesai?"),
        ),
        Transisi(
            "batalkan",
            STATUS_AKTIF,
            SP.DIBATALKAN,
            gettext_lazy("Batalkan penugasan"),
            PENGELOLA,
            wajib_catatan=True,
            gaya="outline-danger",
            konfirmasi=gettext_lazy("Batalkan penugasan ini?"),
        ),
    )

    def hak(self, t: Transisi, obj: PenugasanPelatihan, user: Any, **konteks: Any) -> tuple[bool, str]:
        if user is None:  # the system (never a request's user): only when a transfer is cancelled
            if t.aksi == "batalkan":
                return True, _("sistem")
            return False, _("Langkah ini tidak dilakukan oleh sistem.")
        p = peran_user(user)
        if t.pelaku == PEGAWAI:
            if not boleh_kerjakan_penugasan(user, obj):
                return False, _("Hanya pegawai yang bersangkutan yang dapat melakukan ini.")
            return True, _("pegawai yang bersangkutan") if p.pegawai_id == obj.pegawai_id else _("staf BKPSDM")
        if t.pelaku == HR:
            if not boleh_verifikasi_penugasan(user, obj):
                if p.hr:
                    return False, _("Anda tidak dapat memverifikasi pelatihan Anda sendiri.")
                return False, _("Hanya staf BKPSDM yang dapat melakukan ini.")
            if t.aksi == "kembalikan_bukti" and not obj.bukti:
                return False, _("Belum ada bukti yang diunggah.")
            return True, _("staf BKPSDM")
        if not boleh_kelola_penugasan(user, obj):
            return False, _("Anda tidak berwenang mengubah penugasan ini.")
        return True, _("staf BKPSDM") if p.hr else _("kepala unit")

    def pesan_status(self, obj: PenugasanPelatihan, t: Transisi) -> str:
        return _('Penugasan berstatus "%(s)s": "%(a)s" tidak dapat dilakukan.') % {
            "s": obj.get_status_display(),
            "a": t.label,
        }

    def syarat(
        self,
        t: Transisi,
        obj: PenugasanPelatihan,
        oleh: Any,
        catatan: str,
        *,
        berkas: File | None = None,
        tipe: str | None = None,
        tanggal_selesai: date | None = None,
        jp: int | None = None,
        hari_ini: date | None = None,
        **data: Any,
    ) -> dict[str, Any] | None:
        if t.aksi == "unggah":
            if berkas is None or tipe is None:
                raise PelatihanError(_("Pilih berkas sertifikat (PDF, PNG atau JPEG)."))
            lama = obj.bukti.name
            # Stored under a name of our own; the uploaded name is kept for display only.
            obj.bukti.save(f"bukti{EKSTENSI[tipe]}", berkas, save=False)  # stored under a random name
            obj.bukti_nama, obj.bukti_tipe, obj.bukti_diunggah_pada = berkas.name[-255:], tipe, timezone.now()
            obj.alasan = ""
            _hapus_setelah_commit(obj, lama)
            return {"bukti": obj.bukti_nama}
        if t.aksi == "verifikasi":
            hari_ini = hari_ini or timezone.localdate()
            if settings.PELATIHAN_WAJIB_BUKTI and not obj.bukti:
                raise PelatihanError(
                    _("Belum ada sertifikat/bukti: pelatihan tidak dapat dinyatakan selesai tanpa bukti.")
                )
            tanggal_selesai = tanggal_selesai or hari_ini
            if tanggal_selesai > hari_ini:
                raise PelatihanError(_("Tanggal selesai tidak boleh di masa depan."))
            jp = obj.pelatihan.jp if jp is None else jp
            if jp < 1:
                raise PelatihanError(_("JP yang diperoleh minimal 1."))
            obj.tanggal_selesai, obj.jp_diperoleh = tanggal_selesai, jp
            obj.diverifikasi_oleh, obj.diverifikasi_pada = oleh, timezone.now()
            return {"tanggal_selesai": str(tanggal_selesai), "jp": jp}
        if t.aksi == "kembalikan_bukti":
            lama = obj.bukti.name
            obj.bukti, obj.bukti_nama, obj.bukti_tipe, obj.bukti_diunggah_pada = "", "", "", None
            _hapus_setelah_commit(obj, lama)
        if t.wajib_catatan:
            obj.alasan = catatan
        return None

    def sesudah(self, t: Transisi, obj: PenugasanPelatihan, oleh: Any, lama: str, catatan: str, **data: Any) -> None:
        if t.aksi == "verifikasi":
            _kompetensi_tambah(obj, oleh)

    def ringkasan(self, obj: PenugasanPelatihan, lama: str, t: Transisi) -> str:
        return f"{obj.pegawai.nama} - {obj.pelatihan.nama}: {SP(lama).label} -> {SP(t.ke).label} ({t.label})"

    def kabari(self, obj: PenugasanPelatihan, t: Transisi, catatan: str) -> Callable[[], Any] | None:
        if t.aksi not in JUDUL_STATUS:
            return None
        return partial(_kabari_status, obj.pk, t.aksi)


ALUR = AlurPenugasan()
AKSI = ALUR.transisi  # the moves by name


def penugasan_transisi(
    *,
    penugasan: PenugasanPelatihan | int,
    aksi: str,
    oleh: User,
    alasan: str = "",
    berkas: File | None = None,
    tanggal_selesai: date | None = None,
    jp: int | None = None,
    hari_ini: date | None = None,
) -> PenugasanPelatihan:
    """Perform one move (see the module's docstring). Raises PelatihanError when refused."""
    tipe = None
    if aksi == "unggah" and berkas is not None:
        try:
            tipe = berkas_periksa(berkas)  # type by content (PDF/PNG/JPEG), size by UPLOAD_MAX_MB
        except LayananError as exc:
            raise PelatihanError(str(exc)) from exc
    return ALUR.jalankan(
        objek=penugasan,
        aksi=aksi,
        oleh=oleh,
        catatan=alasan,
        berkas=berkas,
        tipe=tipe,
        tanggal_selesai=tanggal_selesai,
        jp=jp,
        hari_ini=hari_ini,
    )


def aksi_tersedia(t: PenugasanPelatihan, user: User) -> list[str]:
    """The moves this user may make on this assignment now (the page's buttons)."""
    return [tr.aksi for tr in ALUR.tersedia(t, user)]


def _hapus_setelah_commit(t: PenugasanPelatihan, lama: str) -> None:
    """The replaced or returned evidence file goes once the change is committed (never before)."""
    if lama and lama != t.bukti.name:
        storage = t.bukti.storage
        transaction.on_commit(lambda: storage.delete(lama))


def _kompetensi_tambah(t: PenugasanPelatihan, oleh: User) -> None:
    """The competences the training builds join the employee's record (and the record's audit)."""
    dimiliki = set(t.pegawai.kompetensi.values_list("pk", flat=True))
    baru = [k for k in t.pelatihan.kompetensi.all() if k.pk not in dimiliki]
    if not baru:
        return
    t.pegawai.kompetensi.add(*baru)
    audit_catat(
        oleh=oleh,
        aksi="pegawai.kompetensi_tambah",
        objek=t.pegawai,
        ringkasan=f"Kompetensi dari pelatihan {t.pelatihan.nama}: {', '.join(k.nama for k in baru)}",
        perubahan={"kompetensi": [k.nama for k in baru], "penugasan": t.pk},
    )


def _kabari_status(pk: int, aksi: str) -> None:
    t = PenugasanPelatihan.objects.select_related("pegawai", "pegawai__akun", "pelatihan").get(pk=pk)
    judul = str(JUDUL_STATUS[aksi])
    beri_tahu(
        penerima=t.pegawai,
        jenis="pelatihan.status",
        judul=f"{judul}: {t.pelatihan.nama}",
        template="email/pelatihan_status.txt",
        konteks={"t": t, "aksi": aksi, "judul": judul, "tautan": tautan("pelatihan:saya")},
        tautan=tautan("pelatihan:penugasan_detail", t.pk),
    )
