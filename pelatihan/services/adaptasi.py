"""Writes of mentoring and adaptation for a decided transfer: naming the mentor (the plan starts
with the default checklist), editing and ticking the plan, and the employee's check-ins. The mentor
is mailed when named; a reported difficulty goes to the new superior and HR, after the commit.

None of these objects is a workflow: a plan item is done or not, and a check-in is written once."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat, simpan_tercatat, ubah_tercatat
from inti.notifikasi import beri_tahu
from inti.surel import bahasa_situs
from mutasi.models import STATUS_TERLIHAT_PEGAWAI, UsulanMutasi
from mutasi.selectors import atasan_baru
from pegawai.models import Pegawai, Peran, User

from ..akses import boleh_centang, boleh_kelola_adaptasi, boleh_tulis_checkin
from ..models import ITEM_BAWAAN, CheckInAdaptasi, ItemAdaptasi, Pendampingan
from ..selectors import checkin_jatuh_tempo, kandidat_mentor, tmt_usulan
from .umum import PelatihanError, tautan


def _usulan_kunci(usulan: UsulanMutasi) -> UsulanMutasi:
    u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("pegawai", "tujuan_unit").get(pk=usulan.pk)
    if u.status not in STATUS_TERLIHAT_PEGAWAI or u.tujuan_unit_id is None:
        raise PelatihanError(_("Pendampingan disiapkan untuk mutasi ke unit kota yang sudah diputuskan PPK."))
    return u


def pendampingan_tetapkan(*, usulan: UsulanMutasi, mentor: Pegawai, oleh: User) -> Pendampingan:
    """Name (or change) the mentor. The first time, the plan gets the default checklist, each item
    due a few days after the TMT."""
    with transaction.atomic():
        u = _usulan_kunci(usulan)
        if not boleh_kelola_adaptasi(oleh, u):
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
        _kabari_mentor(pid)
    usulan.pendampingan = pd  # the caller's instance may hold an earlier "no mentor yet" in its cache
    return pd


@bahasa_situs()
def _kabari_mentor(pk: int) -> None:
    pd = Pendampingan.objects.select_related("mentor", "mentor__akun", "usulan", "usulan__pegawai").get(pk=pk)
    beri_tahu(
        penerima=pd.mentor,
        jenis="pelatihan.pendamping",
        judul=_("Anda ditunjuk sebagai pendamping pegawai baru"),
        isi=pd.usulan.pegawai.nama_lengkap,
        template="email/pelatihan_pendamping.txt",
        konteks={"pd": pd, "u": pd.usulan, "tautan": tautan("pelatihan:adaptasi", pd.usulan_id)},
        tautan=tautan("pelatihan:adaptasi", pd.usulan_id),
    )


def _pendampingan_kelola(pendampingan: Pendampingan, oleh: User) -> UsulanMutasi:
    u = _usulan_kunci(pendampingan.usulan)
    if not boleh_kelola_adaptasi(oleh, u):
        raise PelatihanError(_("Hanya kepala unit tujuan atau staf BKPSDM yang dapat mengubah rencana adaptasi."))
    return u


def item_simpan(
    *, pendampingan: Pendampingan, oleh: User, judul: str, tenggat: date, item: ItemAdaptasi | None = None
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
        simpan_tercatat(
            item,
            oleh=oleh,
            aksi="mutasi.adaptasi_item_" + ("tambah" if baru else "ubah"),
            objek=u,
            ringkasan=f"Usulan {u.nomor}: rencana adaptasi {'+' if baru else '~'} {judul}",
            perubahan={"lama": lama, "baru": {"judul": judul, "tenggat": str(tenggat)}},
            validate_constraints=False,
        )
    return item


def item_hapus(*, item: ItemAdaptasi, oleh: User) -> None:
    """Remove an item from the plan."""
    with transaction.atomic():
        u = _pendampingan_kelola(item.pendampingan, oleh)
        judul = item.judul
        item.delete()
        audit_catat(oleh=oleh, aksi="mutasi.adaptasi_item_hapus", objek=u, ringkasan=f"Usulan {u.nomor}: hapus {judul}")


def item_centang(*, item: ItemAdaptasi, oleh: User, selesai: bool) -> ItemAdaptasi:
    """Tick an item done, or open it again (the employee and the mentor)."""
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
        pada, siapa = (timezone.now(), oleh) if selesai else (None, None)
        ubah_tercatat(
            it,
            {"selesai_pada": pada, "selesai_oleh": siapa},
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
    oleh: User,
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
            if not boleh_tulis_checkin(oleh, u):
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
            simpan_tercatat(
                c,
                oleh=oleh,
                aksi="mutasi.adaptasi_checkin",
                objek=u,
                ringkasan=f"Usulan {u.nomor}: check-in minggu ke-{minggu_ke}"
                + (" (ada kesulitan)" if kesulitan else ""),
                validate_constraints=False,
            )
            if kesulitan:
                cid = c.pk
                _kabari_kesulitan(cid)
    except IntegrityError as exc:
        raise PelatihanError(_("Check-in minggu ke-%(m)d sudah ditulis.") % {"m": minggu_ke}) from exc
    return c


@bahasa_situs()
def _kabari_kesulitan(pk: int) -> None:
    c = CheckInAdaptasi.objects.select_related("usulan", "usulan__pegawai", "usulan__tujuan_unit").get(pk=pk)
    atasan = atasan_baru(c.usulan)
    hr = User.objects.filter(peran=Peran.HR, is_active=True).select_related("pegawai")
    beri_tahu(
        penerima=[atasan, hr],
        jenis="pelatihan.kesulitan",
        judul=_("Pegawai baru melaporkan kesulitan adaptasi"),
        isi=c.usulan.pegawai.nama_lengkap,
        template="email/pelatihan_kesulitan.txt",
        konteks={"c": c, "u": c.usulan, "tautan": tautan("pelatihan:adaptasi", c.usulan_id)},
        tautan=tautan("pelatihan:adaptasi", c.usulan_id),
    )
