"""Writes of training assignments that are not status moves: assigning (outside a transfer, or
the confirmed trainings of a decided transfer, all or nothing) and changing the due date. Each
writes the assignment's history row and an audit row; a new assignment is mailed to the employee
after the commit."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.kalender import tambah_bulan
from inti.notifikasi import beri_tahu
from inti.surel import bahasa_situs
from mutasi.models import STATUS_TERLIHAT_PEGAWAI, UsulanMutasi
from pegawai.models import Pegawai, User

from ..akses import boleh_kelola_adaptasi, boleh_kelola_penugasan, boleh_menugaskan
from ..models import STATUS_AKTIF, Pelatihan, PenugasanPelatihan
from ..selectors import tmt_usulan
from .alur import ALUR
from .umum import PelatihanError, tautan


def tenggat_bawaan(usulan: UsulanMutasi | None = None, *, hari_ini: date | None = None) -> date:
    """Default due date: PELATIHAN_BATAS_BULAN months after the TMT (or after today without a transfer)."""
    dasar = tmt_usulan(usulan) if usulan is not None else (hari_ini or timezone.localdate())
    return tambah_bulan(dasar, settings.PELATIHAN_BATAS_BULAN)


@dataclass(frozen=True)
class Pilihan:
    pelatihan: Pelatihan
    tenggat: date


def _buat_satu(
    *, oleh: User, pegawai: Pegawai, pilihan: Pilihan, usulan: UsulanMutasi | None, catatan: str, hari_ini: date
) -> PenugasanPelatihan:
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
    ALUR.catat(objek=t, aksi="tugaskan", oleh=oleh, catatan=t.catatan, dari="")
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
    oleh: User,
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
            _kabari_penugasan([t.pk])
    except IntegrityError as exc:
        raise PelatihanError(_("Pelatihan ini sudah ditugaskan kepada pegawai tersebut.")) from exc
    return t


def penugasan_dari_usulan(
    *, oleh: User, usulan: UsulanMutasi, pilihan: list[Pilihan], catatan: str = "", hari_ini: date | None = None
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
            if not boleh_kelola_adaptasi(oleh, u):
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
            _kabari_penugasan(ids)
    except IntegrityError as exc:
        raise PelatihanError(_("Salah satu pelatihan sudah ditugaskan kepada pegawai ini.")) from exc
    return hasil


@transaction.atomic
def penugasan_ubah_tenggat(
    *, penugasan: PenugasanPelatihan, oleh: User, tenggat: date, alasan: str = "", hari_ini: date | None = None
) -> PenugasanPelatihan:
    """A new due date for an open assignment (HR, or a head over the employee); not a status move,
    but it appears in the assignment's history with its reason."""
    hari_ini = hari_ini or timezone.localdate()
    alasan = (alasan or "").strip()
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
    perubahan = f"{lama:%d-%m-%Y} -> {tenggat:%d-%m-%Y}"
    ALUR.catat(objek=t, aksi="ubah_tenggat", oleh=oleh, catatan=perubahan + (f". {alasan}" if alasan else ""))
    audit_catat(
        oleh=oleh,
        aksi="pelatihan.tenggat",
        objek=t,
        ringkasan=f"Tenggat {t.pegawai.nama}: {perubahan}",
        perubahan={"tenggat": [str(lama), str(tenggat)], "alasan": alasan},
    )
    return t


@bahasa_situs()
def _kabari_penugasan(ids: list[int]) -> None:
    daftar = list(PenugasanPelatihan.objects.filter(pk__in=ids).select_related("pegawai", "pegawai__akun", "pelatihan"))
    if not daftar:
        return
    pegawai = daftar[0].pegawai
    beri_tahu(
        penerima=pegawai,
        jenis="pelatihan.ditugaskan",
        judul=_("Penugasan pelatihan baru"),
        isi=", ".join(t.pelatihan.nama for t in daftar),
        template="email/pelatihan_ditugaskan.txt",
        konteks={"pegawai": pegawai, "daftar": daftar, "tautan": tautan("pelatihan:saya")},
        tautan=tautan("pelatihan:saya"),
    )
