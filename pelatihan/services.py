"""Writes of training and adaptation.

Assignment status follows ONE table (`AKSI`) and ONE function (`penugasan_transisi`): it locks the
row, checks the state and the actor, applies the change, and writes the audit row in the same
transaction. Verified completion adds the training's competences to the employee's record.
"""

import calendar
import logging
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mutasi.models import STATUS_TERLIHAT_PEGAWAI, UsulanMutasi
from mutasi.selectors import atasan_baru
from mutasi.services.lampiran import berkas_periksa
from pegawai.akses import peran_user
from pegawai.models import Pegawai, Peran, RiwayatJabatan, UnitKerja, User
from pegawai.services.pegawai import LayananError, audit_catat

from .models import (
    ITEM_BAWAAN,
    STATUS_AKTIF,
    CheckInAdaptasi,
    ItemAdaptasi,
    Pelatihan,
    Pendampingan,
    PenugasanPelatihan,
    StatusPenugasan,
)
from .selectors import checkin_jatuh_tempo, kandidat_mentor, tmt_usulan

log = logging.getLogger(__name__)
SP = StatusPenugasan
EKSTENSI = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


class PelatihanError(LayananError):
    """A training or adaptation request was refused; the message is for the user."""


# --- Dates --------------------------------------------------------------------------------------


def tambah_bulan(d: date, bulan: int) -> date:
    """`d` plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    m = d.month - 1 + bulan
    tahun, bulan_baru = d.year + m // 12, m % 12 + 1
    return date(tahun, bulan_baru, min(d.day, calendar.monthrange(tahun, bulan_baru)[1]))


def tenggat_bawaan(usulan: UsulanMutasi | None = None, *, hari_ini: date | None = None) -> date:
    """Default due date: PELATIHAN_BATAS_BULAN months after the TMT (or after today without a transfer)."""
    dasar = tmt_usulan(usulan) if usulan is not None else (hari_ini or timezone.localdate())
    return tambah_bulan(dasar, settings.PELATIHAN_BATAS_BULAN)


# --- Who may do what ----------------------------------------------------------------------------


def _unit_sekarang(pegawai_id: int) -> int | None:
    return (
        RiwayatJabatan.objects.filter(pegawai_id=pegawai_id, sampai__isnull=True)
        .values_list("unit_id", flat=True)
        .first()
    )


def boleh_kelola_usulan(user, usulan: UsulanMutasi) -> bool:
    """HR staff, or the head of the receiving unit (or of a unit above it), never for their own transfer."""
    p = peran_user(user)
    if p.pegawai_id is not None and p.pegawai_id == usulan.pegawai_id:
        return False
    return p.hr or (usulan.tujuan_unit_id is not None and usulan.tujuan_unit_id in p.unit_wewenang)


def boleh_menugaskan(user, pegawai: Pegawai) -> bool:
    """HR staff, or the head of the employee's current unit; nobody assigns themself."""
    p = peran_user(user)
    if p.pegawai_id is not None and p.pegawai_id == pegawai.pk:
        return False
    return p.hr or (bool(p.unit_wewenang) and _unit_sekarang(pegawai.pk) in p.unit_wewenang)


def boleh_kelola_penugasan(user, t: PenugasanPelatihan) -> bool:
    """Change the due date, mark not completed, cancel: HR, or a head over the employee's current
    unit or over the transfer's receiving unit; never on one's own assignment."""
    p = peran_user(user)
    if p.pegawai_id is not None and p.pegawai_id == t.pegawai_id:
        return False
    if p.hr:
        return True
    if not p.unit_wewenang:
        return False
    if t.usulan_id and t.usulan.tujuan_unit_id in p.unit_wewenang:
        return True
    unit_id = getattr(t, "unit_id_sekarang", None) or _unit_sekarang(t.pegawai_id)
    return unit_id in p.unit_wewenang


# --- Email --------------------------------------------------------------------------------------


def email_pegawai(pegawai: Pegawai | None) -> str:
    if pegawai is None:
        return ""
    if pegawai.email:
        return pegawai.email
    akun = pegawai.akun if pegawai.akun_id else None
    return akun.email if akun is not None else ""


def _email_hr() -> list[str]:
    return sorted(
        e for e in User.objects.filter(peran=Peran.HR, is_active=True).exclude(email="").values_list("email", flat=True)
    )


def _url(nama: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(nama, args=args)


_EMAIL_AKTIF: ContextVar[bool] = ContextVar("pelatihan_email_aktif", default=True)


@contextmanager
def tanpa_email():
    """No emails for changes made inside this block (the demo data uses it)."""
    token = _EMAIL_AKTIF.set(False)
    try:
        yield
    finally:
        _EMAIL_AKTIF.reset(token)


def _setelah_commit(kirim: Callable[[], None]) -> None:
    """Queue an email for after the commit (decided now: `tanpa_email` may have ended by then)."""
    if _EMAIL_AKTIF.get():
        transaction.on_commit(kirim)


def email_kirim(*, alamat: list[str], judul: str, template: str, konteks: dict) -> int:
    """Send one message; a mail failure is logged and never undoes the change that caused it."""
    alamat = sorted({a for a in alamat if a})
    if not alamat:
        return 0
    try:
        return send_mail(f"[SIMUTASI] {judul}", render_to_string(template, konteks), None, alamat)
    except Exception:
        log.exception("Gagal mengirim email: %s", judul)
        return 0


def _kabari_penugasan(ids: list[int]) -> None:
    daftar = list(PenugasanPelatihan.objects.filter(pk__in=ids).select_related("pegawai", "pegawai__akun", "pelatihan"))
    if not daftar:
        return
    pegawai = daftar[0].pegawai
    email_kirim(
        alamat=[email_pegawai(pegawai)],
        judul=_("Penugasan pelatihan baru"),
        template="email/pelatihan_ditugaskan.txt",
        konteks={"pegawai": pegawai, "daftar": daftar, "tautan": _url("pelatihan:saya")},
    )


# --- Catalogue ----------------------------------------------------------------------------------


def _hanya_hr(oleh) -> None:
    if not peran_user(oleh).hr:
        raise PelatihanError(_("Hanya staf BKPSDM yang dapat mengelola katalog pelatihan."))


@transaction.atomic
def pelatihan_simpan(*, oleh, data: dict, pelatihan: Pelatihan | None = None) -> Pelatihan:
    """Create (pelatihan=None) or change a catalogue entry; `data` may hold `kompetensi`."""
    _hanya_hr(oleh)
    data = dict(data)
    kompetensi = data.pop("kompetensi", None)
    baru = pelatihan is None
    obj = pelatihan or Pelatihan()
    perubahan = {} if baru else {k: [str(getattr(obj, k)), str(v)] for k, v in data.items() if getattr(obj, k) != v}
    for k, v in data.items():
        setattr(obj, k, v)
    obj.full_clean()
    obj.save()
    if kompetensi is not None:
        obj.kompetensi.set(kompetensi)
    audit_catat(
        oleh=oleh,
        aksi="pelatihan.buat" if baru else "pelatihan.ubah",
        objek=obj,
        ringkasan=f"Pelatihan {obj.nama} {'ditambahkan' if baru else 'diubah'}",
        perubahan=perubahan,
    )
    return obj


# --- Assignments --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pilihan:
    pelatihan: Pelatihan
    tenggat: date


def _buat_satu(*, oleh, pegawai: Pegawai, pilihan: Pilihan, usulan: UsulanMutasi | None, catatan: str, hari_ini):
    if not pilihan.pelatihan.aktif:
        raise PelatihanError(_('Pelatihan "%(nama)s" tidak aktif.') % {"nama": pilihan.pelatihan.nama})
    if pilihan.tenggat < hari_ini:
        raise PelatihanError(
            _('Tenggat "%(nama)s" sudah lewat: pilih tanggal hari ini atau sesudahnya.') % {"nama": pilihan.pelatihan}
        )
    if PenugasanPelatihan.objects.filter(
        pegawai=pegawai, pelatihan=pilihan.pelatihan, status__in=STATUS_AKTIF
    ).exists():
        raise PelatihanError(
            _('%(pegawai)s sudah ditugaskan pada "%(nama)s" dan belum selesai.')
            % {"pegawai": pegawai.nama_lengkap, "nama": pilihan.pelatihan.nama}
        )
    t = PenugasanPelatihan(
        pegawai=pegawai,
        pelatihan=pilihan.pelatihan,
        usulan=usulan,
        tenggat=pilihan.tenggat,
        ditugaskan_oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
        catatan=catatan.strip(),
    )
    t.full_clean(validate_constraints=False)
    t.save()
    audit_catat(
        oleh=oleh,
        aksi="pelatihan.tugaskan",
        objek=t,
        ringkasan=f"{pegawai.nama} ditugaskan pelatihan {pilihan.pelatihan.nama} (tenggat {pilihan.tenggat:%d-%m-%Y})",
        perubahan={"usulan": usulan.pk if usulan else None},
    )
    return t


def penugasan_buat(
    *,
    oleh,
    pegawai: Pegawai,
    pelatihan: Pelatihan,
    tenggat: date,
    catatan: str = "",
    hari_ini: date | None = None,
) -> PenugasanPelatihan:
    """Assign one training outside a transfer (HR, or the head of the employee's unit)."""
    hari_ini = hari_ini or timezone.localdate()
    if not pegawai.aktif:
        raise PelatihanError(_("Pegawai tidak aktif tidak dapat ditugaskan pelatihan."))
    if not boleh_menugaskan(oleh, pegawai):
        raise PelatihanError(_("Anda tidak berwenang menugaskan pelatihan kepada pegawai ini."))
    try:
        with transaction.atomic():
            Pegawai.objects.select_for_update().filter(pk=pegawai.pk).first()
            t = _buat_satu(
                oleh=oleh,
                pegawai=pegawai,
                pilihan=Pilihan(pelatihan, tenggat),
                usulan=None,
                catatan=catatan,
                hari_ini=hari_ini,
            )
            _setelah_commit(lambda: _kabari_penugasan([t.pk]))
    except IntegrityError as exc:
        raise PelatihanError(_("Pelatihan ini sudah ditugaskan kepada pegawai tersebut.")) from exc
    return t


def penugasan_dari_usulan(
    *, oleh, usulan: UsulanMutasi, pilihan: list[Pilihan], catatan: str = "", hari_ini: date | None = None
) -> list[PenugasanPelatihan]:
    """Assign the confirmed (and added) trainings for a decided transfer, all or nothing."""
    hari_ini = hari_ini or timezone.localdate()
    if not pilihan:
        raise PelatihanError(_("Pilih minimal satu pelatihan."))
    if len({p.pelatihan.pk for p in pilihan}) != len(pilihan):
        raise PelatihanError(_("Pelatihan yang sama dipilih lebih dari sekali."))
    try:
        with transaction.atomic():
            # The proposal row serialises two people confirming at once.
            u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("pegawai").get(pk=usulan.pk)
            if u.status not in STATUS_TERLIHAT_PEGAWAI:
                raise PelatihanError(_("Pelatihan ditugaskan setelah mutasi diputuskan PPK."))
            if not boleh_kelola_usulan(oleh, u):
                raise PelatihanError(
                    _("Hanya staf BKPSDM atau kepala unit tujuan yang dapat menugaskan pelatihan mutasi ini.")
                )
            if not u.pegawai.aktif:
                raise PelatihanError(_("Pegawai tidak aktif tidak dapat ditugaskan pelatihan."))
            hasil = [
                _buat_satu(oleh=oleh, pegawai=u.pegawai, pilihan=p, usulan=u, catatan=catatan, hari_ini=hari_ini)
                for p in pilihan
            ]
            audit_catat(
                oleh=oleh,
                aksi="pelatihan_ditugaskan",
                objek=u,
                ringkasan=f"Usulan {u.nomor}: {len(hasil)} pelatihan ditugaskan",
                perubahan={"pelatihan": [p.pelatihan.nama for p in pilihan]},
            )
            ids = [t.pk for t in hasil]
            _setelah_commit(lambda: _kabari_penugasan(ids))
    except IntegrityError as exc:
        raise PelatihanError(_("Salah satu pelatihan sudah ditugaskan kepada pegawai ini.")) from exc
    return hasil


# Status: who may act. PEGAWAI = the employee themself (HR may act for them), HR = BKPSDM staff,
# PENGELOLA = HR or a head over the employee (see boleh_kelola_penugasan).
PEGAWAI, HR, PENGELOLA = "pegawai", "hr", "pengelola"


@dataclass(frozen=True)
class Aksi:
    nama: str
    dari: tuple[str, ...]
    ke: str
    pelaku: str
    label: str
    wajib_alasan: bool = False


AKSI: dict[str, Aksi] = {
    a.nama: a
    for a in [
        Aksi("mulai", (SP.DITUGASKAN,), SP.BERLANGSUNG, PEGAWAI, gettext_lazy("Tandai sedang berlangsung")),
        Aksi("unggah", STATUS_AKTIF, SP.BERLANGSUNG, PEGAWAI, gettext_lazy("Unggah sertifikat")),
        Aksi("verifikasi", STATUS_AKTIF, SP.SELESAI, HR, gettext_lazy("Verifikasi selesai")),
        Aksi("kembalikan_bukti", (SP.BERLANGSUNG,), SP.BERLANGSUNG, HR, gettext_lazy("Kembalikan bukti"), True),
        Aksi("tidak_selesai", STATUS_AKTIF, SP.TIDAK_SELESAI, PENGELOLA, gettext_lazy("Tidak selesai"), True),
        Aksi("batalkan", STATUS_AKTIF, SP.DIBATALKAN, PENGELOLA, gettext_lazy("Batalkan penugasan"), True),
    ]
}


def hak_periksa(aksi: str, t: PenugasanPelatihan, user) -> tuple[bool, str]:
    """May `user` perform `aksi` on `t` now? (allowed, why not)."""
    a = AKSI.get(aksi)
    if a is None:
        return False, _("Aksi tidak dikenal.")
    if t.status not in a.dari:
        return False, _('Penugasan berstatus "%(s)s": "%(a)s" tidak dapat dilakukan.') % {
            "s": t.get_status_display(),
            "a": a.label,
        }
    p = peran_user(user)
    sendiri = p.pegawai_id is not None and p.pegawai_id == t.pegawai_id
    if a.pelaku == PEGAWAI:
        return (sendiri or p.hr), _("Hanya pegawai yang bersangkutan yang dapat melakukan ini.")
    if a.pelaku == HR:
        if not p.hr:
            return False, _("Hanya staf BKPSDM yang dapat melakukan ini.")
        if sendiri:
            return False, _("Anda tidak dapat memverifikasi pelatihan Anda sendiri.")
        if aksi == "kembalikan_bukti" and not t.bukti:
            return False, _("Belum ada bukti yang diunggah.")
        return True, ""
    return boleh_kelola_penugasan(user, t), _("Anda tidak berwenang mengubah penugasan ini.")


def aksi_tersedia(t: PenugasanPelatihan, user) -> list[str]:
    return [nama for nama in AKSI if hak_periksa(nama, t, user)[0]]


def penugasan_transisi(
    *,
    penugasan: PenugasanPelatihan | int,
    aksi: str,
    oleh,
    alasan: str = "",
    berkas=None,
    tanggal_selesai: date | None = None,
    jp: int | None = None,
    hari_ini: date | None = None,
) -> PenugasanPelatihan:
    """Perform one status step. Raises PelatihanError (a message for the user) when refused.

    - unggah: needs `berkas` (PDF/PNG/JPEG by content, at most UPLOAD_MAX_MB); the assignment
      then waits for HR's verification;
    - verifikasi: needs the evidence when PELATIHAN_WAJIB_BUKTI; sets the completion date (default
      today, not in the future) and the JP earned (default the training's JP); adds the
      training's competences to the employee's record;
    - kembalikan_bukti, tidak_selesai, batalkan: need a reason.
    """
    a = AKSI.get(aksi)
    if a is None:
        raise PelatihanError(_("Aksi tidak dikenal."))
    hari_ini = hari_ini or timezone.localdate()
    alasan = (alasan or "").strip()
    pk = penugasan.pk if isinstance(penugasan, PenugasanPelatihan) else penugasan
    tipe = None
    if aksi == "unggah" and berkas is not None:
        try:
            tipe = berkas_periksa(berkas)  # type by content (PDF/PNG/JPEG), size by UPLOAD_MAX_MB
        except LayananError as exc:
            raise PelatihanError(str(exc)) from exc
    berkas_lama = None
    with transaction.atomic():
        t = (
            PenugasanPelatihan.objects.select_for_update(of=("self",))
            .select_related("pegawai", "pelatihan", "usulan")
            .get(pk=pk)
        )
        boleh, alasan_tolak = hak_periksa(aksi, t, oleh)
        if not boleh:
            raise PelatihanError(alasan_tolak)
        if a.wajib_alasan and not alasan:
            raise PelatihanError(_('"%(a)s" wajib disertai alasan.') % {"a": a.label})
        lama = t.status
        perubahan: dict = {"status": [lama, a.ke]}
        sekarang = timezone.now()
        if aksi == "unggah":
            if berkas is None:
                raise PelatihanError(_("Pilih berkas sertifikat (PDF, PNG atau JPEG)."))
            berkas_lama = t.bukti.name or None
            # Stored under a name of our own; the uploaded name is kept for display only.
            t.bukti.save(f"penugasan-{t.pk}{EKSTENSI[tipe]}", berkas, save=False)
            t.bukti_nama, t.bukti_tipe, t.bukti_diunggah_pada = berkas.name[-255:], tipe, sekarang
            t.alasan = ""
            perubahan["bukti"] = t.bukti_nama
        elif aksi == "verifikasi":
            if settings.PELATIHAN_WAJIB_BUKTI and not t.bukti:
                raise PelatihanError(
                    _("Belum ada sertifikat/bukti: pelatihan tidak dapat dinyatakan selesai tanpa bukti.")
                )
            tanggal_selesai = tanggal_selesai or hari_ini
            if tanggal_selesai > hari_ini:
                raise PelatihanError(_("Tanggal selesai tidak boleh di masa depan."))
            jp = t.pelatihan.jp if jp is None else jp
            if jp < 1:
                raise PelatihanError(_("JP yang diperoleh minimal 1."))
            t.tanggal_selesai, t.jp_diperoleh = tanggal_selesai, jp
            t.diverifikasi_oleh, t.diverifikasi_pada = oleh, sekarang
            perubahan.update(tanggal_selesai=str(tanggal_selesai), jp=jp)
        elif aksi == "kembalikan_bukti":
            berkas_lama = t.bukti.name or None
            t.bukti, t.bukti_nama, t.bukti_tipe, t.bukti_diunggah_pada = "", "", "", None
            t.alasan = alasan
        else:
            t.alasan = alasan
        if alasan:
            perubahan["alasan"] = alasan
        t.status = a.ke
        t.full_clean(validate_constraints=False)
        t.save()
        ringkasan = f"{t.pegawai.nama} - {t.pelatihan.nama}: {SP(lama).label} -> {SP(a.ke).label} ({a.label})"
        audit_catat(oleh=oleh, aksi=f"pelatihan.{aksi}", objek=t, ringkasan=ringkasan, perubahan=perubahan)
        if aksi == "verifikasi":
            _kompetensi_tambah(t, oleh)
        if berkas_lama and berkas_lama != t.bukti.name:
            storage = t.bukti.storage
            transaction.on_commit(lambda: storage.delete(berkas_lama))
        if aksi in ("kembalikan_bukti", "verifikasi", "tidak_selesai", "batalkan"):
            pid = t.pk
            _setelah_commit(lambda: _kabari_status(pid, aksi))
    if isinstance(penugasan, PenugasanPelatihan):
        penugasan.refresh_from_db()
    return t


def _kompetensi_tambah(t: PenugasanPelatihan, oleh) -> None:
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
    judul = {
        "kembalikan_bukti": _("Bukti pelatihan dikembalikan"),
        "verifikasi": _("Pelatihan diverifikasi selesai"),
        "tidak_selesai": _("Pelatihan dinyatakan tidak selesai"),
        "batalkan": _("Penugasan pelatihan dibatalkan"),
    }[aksi]
    email_kirim(
        alamat=[email_pegawai(t.pegawai)],
        judul=f"{judul}: {t.pelatihan.nama}",
        template="email/pelatihan_status.txt",
        konteks={"t": t, "aksi": aksi, "judul": judul, "tautan": _url("pelatihan:saya")},
    )


@transaction.atomic
def penugasan_ubah_tenggat(
    *, penugasan: PenugasanPelatihan, oleh, tenggat: date, alasan: str = "", hari_ini: date | None = None
) -> PenugasanPelatihan:
    hari_ini = hari_ini or timezone.localdate()
    t = (
        PenugasanPelatihan.objects.select_for_update(of=("self",))
        .select_related("pegawai", "usulan")
        .get(pk=penugasan.pk)
    )
    if not boleh_kelola_penugasan(oleh, t):
        raise PelatihanError(_("Anda tidak berwenang mengubah penugasan ini."))
    if t.status not in STATUS_AKTIF:
        raise PelatihanError(_("Tenggat hanya dapat diubah selama pelatihan belum selesai."))
    if tenggat < hari_ini:
        raise PelatihanError(_("Tenggat baru tidak boleh sebelum hari ini."))
    lama = t.tenggat
    if lama == tenggat:
        return t
    t.tenggat = tenggat
    t.full_clean(validate_constraints=False)
    t.save(update_fields=["tenggat"])
    audit_catat(
        oleh=oleh,
        aksi="pelatihan.tenggat",
        objek=t,
        ringkasan=f"Tenggat {t.pegawai.nama}: {lama:%d-%m-%Y} -> {tenggat:%d-%m-%Y}",
        perubahan={"tenggat": [str(lama), str(tenggat)], "alasan": alasan.strip()},
    )
    return t


# --- Reminders ----------------------------------------------------------------------------------


@dataclass
class LaporanPengingat:
    mendekati: int = 0  # assignments reminded before their due date
    terlambat: int = 0  # assignments reminded as overdue
    email: int = 0  # messages sent


def _perlu_diingatkan(t: PenugasanPelatihan, hari_ini: date) -> str | None:
    """'mendekati', 'terlambat' or None. Robust to missed days: the window reminder goes out once
    when the assignment enters the window; overdue ones repeat every PELATIHAN_INGATKAN_TERLAMBAT_HARI."""
    if t.diingatkan_pada == hari_ini:
        return None
    terakhir = t.diingatkan_pada
    if t.tenggat < hari_ini:
        if terakhir is None or terakhir <= t.tenggat:
            return "terlambat"
        if (hari_ini - terakhir).days >= settings.PELATIHAN_INGATKAN_TERLAMBAT_HARI:
            return "terlambat"
        return None
    awal_jendela = t.tenggat - timedelta(days=settings.PELATIHAN_INGATKAN_HARI)
    if hari_ini >= awal_jendela and (terakhir is None or terakhir < awal_jendela):
        return "mendekati"
    return None


def pengingat_kirim(*, hari_ini: date | None = None) -> LaporanPengingat:
    """The daily reminders: one message per employee listing their assignments due soon or overdue,
    and one per unit head listing their staff's overdue ones. Each assignment records the day it was
    reminded, so running the command twice a day sends nothing the second time."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini + timedelta(days=settings.PELATIHAN_INGATKAN_HARI)
    calon = (
        PenugasanPelatihan.objects.filter(status__in=STATUS_AKTIF, tenggat__lte=batas)
        .exclude(diingatkan_pada=hari_ini)
        .select_related("pegawai", "pegawai__akun", "pelatihan")
        .order_by("pegawai_id", "tenggat")
    )
    laporan = LaporanPengingat()
    per_pegawai: dict[int, list[tuple[PenugasanPelatihan, str]]] = {}
    for t in calon:
        jenis = _perlu_diingatkan(t, hari_ini)
        if jenis:
            per_pegawai.setdefault(t.pegawai_id, []).append((t, jenis))
    if not per_pegawai:
        return laporan
    kepala = _kepala_per_pegawai(list(per_pegawai))
    per_kepala: dict[int, list[PenugasanPelatihan]] = {}
    for daftar in per_pegawai.values():
        pegawai = daftar[0][0].pegawai
        mendekati = [t for t, j in daftar if j == "mendekati"]
        terlambat = [t for t, j in daftar if j == "terlambat"]
        alamat = email_pegawai(pegawai)
        terkirim = email_kirim(
            alamat=[alamat],
            judul=_("Pengingat tenggat pelatihan"),
            template="email/pelatihan_pengingat.txt",
            konteks={
                "pegawai": pegawai,
                "mendekati": mendekati,
                "terlambat": terlambat,
                "hari_ini": hari_ini,
                "tautan": _url("pelatihan:saya"),
            },
        )
        if alamat and not terkirim:
            continue  # the mail server failed: not marked, so the next run tries again
        laporan.email += terkirim
        laporan.mendekati += len(mendekati)
        laporan.terlambat += len(terlambat)
        k = kepala.get(pegawai.pk)
        if terlambat and k is not None and k.pk != pegawai.pk:
            per_kepala.setdefault(k.pk, []).extend(terlambat)
        with transaction.atomic():
            PenugasanPelatihan.objects.filter(pk__in=[t.pk for t, _j in daftar]).update(diingatkan_pada=hari_ini)
    kepala_by_id = {k.pk: k for k in kepala.values() if k is not None}
    for kid, daftar in per_kepala.items():
        laporan.email += email_kirim(
            alamat=[email_pegawai(kepala_by_id[kid])],
            judul=_("Pelatihan staf yang melewati tenggat"),
            template="email/pelatihan_terlambat_kepala.txt",
            konteks={"kepala": kepala_by_id[kid], "daftar": daftar, "tautan": _url("pelatihan:penugasan")},
        )
    return laporan


def _kepala_per_pegawai(pegawai_ids: list[int]) -> dict[int, Pegawai | None]:
    """The head of each employee's current unit, escalating upward when a unit has none."""
    unit = dict(
        RiwayatJabatan.objects.filter(pegawai_id__in=pegawai_ids, sampai__isnull=True).values_list(
            "pegawai_id", "unit_id"
        )
    )
    peta = {u["id"]: (u["induk_id"], u["kepala_id"]) for u in UnitKerja.objects.values("id", "induk_id", "kepala_id")}
    kepala_id: dict[int, int | None] = {}
    for pid, uid in unit.items():
        seen, node, hasil = set(), uid, None
        while node is not None and node not in seen:
            seen.add(node)
            induk, kid = peta.get(node, (None, None))
            if kid is not None and kid != pid:
                hasil = kid
                break
            node = induk
        kepala_id[pid] = hasil
    orang = Pegawai.objects.select_related("akun").in_bulk([k for k in kepala_id.values() if k])
    return {pid: orang.get(kid) if kid else None for pid, kid in kepala_id.items()}


# --- Mentoring and adaptation -------------------------------------------------------------------


def _usulan_kunci(usulan: UsulanMutasi) -> UsulanMutasi:
    u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("pegawai", "tujuan_unit").get(pk=usulan.pk)
    if u.status not in STATUS_TERLIHAT_PEGAWAI or u.tujuan_unit_id is None:
        raise PelatihanError(_("Pendampingan disiapkan untuk mutasi ke unit kota yang sudah diputuskan PPK."))
    return u


def pendampingan_tetapkan(*, usulan: UsulanMutasi, mentor: Pegawai, oleh) -> Pendampingan:
    """Name (or change) the mentor. The first time, the plan gets the default checklist, each item
    due a few days after the TMT."""
    with transaction.atomic():
        u = _usulan_kunci(usulan)
        if not boleh_kelola_usulan(oleh, u):
            raise PelatihanError(_("Hanya kepala unit tujuan atau staf BKPSDM yang dapat menunjuk pendamping."))
        if not kandidat_mentor(u).filter(pk=mentor.pk).exists():
            raise PelatihanError(_("Pendamping harus pegawai aktif di unit tujuan, bukan pegawai yang dimutasi."))
        pd = Pendampingan.objects.filter(usulan=u).first()
        lama = pd.mentor if pd else None
        if lama is not None and lama.pk == mentor.pk:
            return pd
        if pd is None:
            pd = Pendampingan(usulan=u, mentor=mentor, ditunjuk_oleh=oleh)
        else:
            pd.mentor, pd.ditunjuk_oleh, pd.ditunjuk_pada = mentor, oleh, timezone.now()
        pd.full_clean(validate_constraints=False)
        pd.save()
        if not pd.item.exists():
            tmt = tmt_usulan(u)
            ItemAdaptasi.objects.bulk_create(
                ItemAdaptasi(pendampingan=pd, judul=str(judul), urutan=i, tenggat=tmt + timedelta(days=hari))
                for i, (judul, hari) in enumerate(ITEM_BAWAAN, 1)
            )
        audit_catat(
            oleh=oleh,
            aksi="mutasi.pendamping",
            objek=u,
            ringkasan=f"Usulan {u.nomor}: pendamping {mentor.nama}" + (f" (menggantikan {lama.nama})" if lama else ""),
            perubahan={"mentor": [lama.nama if lama else None, mentor.nama]},
        )
        pid = pd.pk
        _setelah_commit(lambda: _kabari_mentor(pid))
    return pd


def _kabari_mentor(pk: int) -> None:
    pd = Pendampingan.objects.select_related("mentor", "mentor__akun", "usulan", "usulan__pegawai").get(pk=pk)
    email_kirim(
        alamat=[email_pegawai(pd.mentor)],
        judul=_("Anda ditunjuk sebagai pendamping pegawai baru"),
        template="email/pelatihan_pendamping.txt",
        konteks={"pd": pd, "u": pd.usulan, "tautan": _url("pelatihan:adaptasi", pd.usulan_id)},
    )


def _pendampingan_kelola(pendampingan: Pendampingan, oleh) -> UsulanMutasi:
    u = _usulan_kunci(pendampingan.usulan)
    if not boleh_kelola_usulan(oleh, u):
        raise PelatihanError(_("Hanya kepala unit tujuan atau staf BKPSDM yang dapat mengubah rencana adaptasi."))
    return u


def item_simpan(
    *, pendampingan: Pendampingan, oleh, judul: str, tenggat: date, item: ItemAdaptasi | None = None
) -> ItemAdaptasi:
    """Add an item to the plan, or change one (title, due date)."""
    judul = (judul or "").strip()
    if not judul:
        raise PelatihanError(_("Tulis nama kegiatannya."))
    with transaction.atomic():
        u = _pendampingan_kelola(pendampingan, oleh)
        if pendampingan.item.filter(judul__iexact=judul).exclude(pk=item.pk if item else None).exists():
            raise PelatihanError(_('Kegiatan "%(j)s" sudah ada dalam rencana.') % {"j": judul})
        baru = item is None
        if baru:
            urutan = max(pendampingan.item.values_list("urutan", flat=True), default=0) + 1
            item = ItemAdaptasi(pendampingan=pendampingan, urutan=urutan)
        lama = {"judul": item.judul, "tenggat": str(item.tenggat) if item.tenggat else None}
        item.judul, item.tenggat = judul, tenggat
        item.full_clean(validate_constraints=False)
        item.save()
        audit_catat(
            oleh=oleh,
            aksi="mutasi.adaptasi_item_" + ("tambah" if baru else "ubah"),
            objek=u,
            ringkasan=f"Usulan {u.nomor}: rencana adaptasi {'+' if baru else '~'} {judul}",
            perubahan={"lama": lama, "baru": {"judul": judul, "tenggat": str(tenggat)}},
        )
    return item


def item_hapus(*, item: ItemAdaptasi, oleh) -> None:
    with transaction.atomic():
        u = _pendampingan_kelola(item.pendampingan, oleh)
        judul = item.judul
        item.delete()
        audit_catat(oleh=oleh, aksi="mutasi.adaptasi_item_hapus", objek=u, ringkasan=f"Usulan {u.nomor}: hapus {judul}")


def boleh_centang(user, usulan: UsulanMutasi, pendampingan: Pendampingan | None) -> bool:
    """The employee and the mentor tick the plan's items."""
    p = peran_user(user)
    if p.pegawai_id is None or pendampingan is None:
        return False
    return p.pegawai_id in (usulan.pegawai_id, pendampingan.mentor_id)


def item_centang(*, item: ItemAdaptasi, oleh, selesai: bool) -> ItemAdaptasi:
    with transaction.atomic():
        it = (
            ItemAdaptasi.objects.select_for_update(of=("self",))
            .select_related("pendampingan", "pendampingan__usulan")
            .get(pk=item.pk)
        )
        u = it.pendampingan.usulan
        if u.status not in STATUS_TERLIHAT_PEGAWAI:
            raise PelatihanError(_("Mutasi ini tidak lagi berjalan."))
        if not boleh_centang(oleh, u, it.pendampingan):
            raise PelatihanError(_("Hanya pegawai yang dimutasi dan pendampingnya yang dapat mencentang rencana."))
        if it.selesai == selesai:
            return it
        it.selesai_pada, it.selesai_oleh = (timezone.now(), oleh) if selesai else (None, None)
        it.save(update_fields=["selesai_pada", "selesai_oleh"])
        audit_catat(
            oleh=oleh,
            aksi="mutasi.adaptasi_centang",
            objek=u,
            ringkasan=f"Usulan {u.nomor}: {it.judul} {'selesai' if selesai else 'dibuka lagi'}",
        )
    item.refresh_from_db()
    return it


def checkin_tulis(
    *,
    usulan: UsulanMutasi,
    oleh,
    minggu_ke: int,
    isi: str,
    kesulitan: bool = False,
    kesulitan_isi: str = "",
    hari_ini: date | None = None,
) -> CheckInAdaptasi:
    """The employee's check-in for week 2 or 6 after the TMT. A reported difficulty is emailed to the
    receiving unit head and HR."""
    hari_ini = hari_ini or timezone.localdate()
    isi, kesulitan_isi = (isi or "").strip(), (kesulitan_isi or "").strip()
    if minggu_ke not in CheckInAdaptasi.MINGGU:
        raise PelatihanError(_("Check-in dilakukan pada minggu ke-2 dan ke-6 setelah TMT."))
    if not isi:
        raise PelatihanError(_("Ceritakan secara singkat bagaimana adaptasi Anda berjalan."))
    if kesulitan and not kesulitan_isi:
        raise PelatihanError(_("Uraikan kesulitan yang Anda hadapi."))
    try:
        with transaction.atomic():
            u = _usulan_kunci(usulan)
            if peran_user(oleh).pegawai_id != u.pegawai_id:
                raise PelatihanError(_("Hanya pegawai yang dimutasi yang menulis check-in adaptasi."))
            if minggu_ke not in checkin_jatuh_tempo(u, hari_ini=hari_ini):
                if u.checkin_adaptasi.filter(minggu_ke=minggu_ke).exists():
                    raise PelatihanError(_("Check-in minggu ke-%(m)d sudah ditulis.") % {"m": minggu_ke})
                mulai = tmt_usulan(u) + timedelta(weeks=minggu_ke)
                raise PelatihanError(
                    _("Check-in minggu ke-%(m)d dapat ditulis mulai %(t)s.")
                    % {"m": minggu_ke, "t": mulai.strftime("%d-%m-%Y")}
                )
            c = CheckInAdaptasi(
                usulan=u, minggu_ke=minggu_ke, isi=isi, kesulitan=kesulitan, kesulitan_isi=kesulitan_isi
            )
            c.full_clean(validate_constraints=False)
            c.save()
            audit_catat(
                oleh=oleh,
                aksi="mutasi.adaptasi_checkin",
                objek=u,
                ringkasan=f"Usulan {u.nomor}: check-in minggu ke-{minggu_ke}"
                + (" (ada kesulitan)" if kesulitan else ""),
            )
            if kesulitan:
                cid = c.pk
                _setelah_commit(lambda: _kabari_kesulitan(cid))
    except IntegrityError as exc:
        raise PelatihanError(_("Check-in minggu ke-%(m)d sudah ditulis.") % {"m": minggu_ke}) from exc
    return c


def _kabari_kesulitan(pk: int) -> None:
    c = CheckInAdaptasi.objects.select_related("usulan", "usulan__pegawai", "usulan__tujuan_unit").get(pk=pk)
    atasan = atasan_baru(c.usulan)
    email_kirim(
        alamat=[email_pegawai(atasan), *_email_hr()],
        judul=_("Pegawai baru melaporkan kesulitan adaptasi"),
        template="email/pelatihan_kesulitan.txt",
        konteks={"c": c, "u": c.usulan, "tautan": _url("pelatihan:adaptasi", c.usulan_id)},
    )
