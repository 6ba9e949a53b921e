"""The employee's notice (surat pemberitahuan) of a signed decree: made with the decree's
signature, with a number of its own (PEMBERITAHUAN_NOMOR_POLA, a gap-free sequence apart from the
decrees'), the Kepala BKPSDM as named signatory, rendered once, sealed with the installation's
certificate and stored with its hash. The objection window runs from the day the notice was given:
the employee's acknowledgement, or the delivery date HR records (`pemberitahuan_serahkan`)."""

import logging
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat, simpan_tercatat, ubah_tercatat
from inti.jejak import ubah_massal
from inti.ttd import Penanda, TtdError, sertifikat
from pegawai.models import User

from .. import akses
from ..models import JenisNomor, SuratKeputusan, SuratPemberitahuan, UsulanMutasi
from ..selectors.sk import penandatangan_pemberitahuan
from . import AlurError, pastikan
from .dokumen import render_pemberitahuan, simpan, tandatangani_pdf
from .penomoran import kode_verifikasi_baru, nomor_berikut

log = logging.getLogger(__name__)


def pemberitahuan_buat(
    *, usulan: UsulanMutasi, sk: SuratKeputusan, oleh: User | None, tanggal: date, tertulis: list[str] | None = None
) -> SuratPemberitahuan:
    """Make, number, render, seal and store the notice of `sk` for `usulan` (inside the signing
    transaction). Refused when no Kepala BKPSDM is recorded: a notice names who signs it."""
    ttd = penandatangan_pemberitahuan()
    if ttd is None:
        raise AlurError(
            _(
                "Kepala BKPSDM (penanda tangan surat pemberitahuan) belum tercatat: isi kepala unit %(kode)s "
                "atau PEMBERITAHUAN_PENANDATANGAN_NIP."
            )
            % {"kode": settings.UNIT_KEPEGAWAIAN_KODE}
        )
    urut, nomor = nomor_berikut(tanggal.year, JenisNomor.PEMBERITAHUAN)
    s = SuratPemberitahuan(
        usulan=usulan,
        sk=sk,
        nomor=nomor,
        tahun=tanggal.year,
        urut=urut,
        tanggal=tanggal,
        kode_verifikasi=kode_verifikasi_baru(),
        penandatangan_nama=ttd.nama,
        penandatangan_nip=ttd.nip,
        penandatangan_jabatan=ttd.jabatan,
        penandatangan_pangkat=ttd.pangkat,
    )
    # BKPSDM seals its own letter with the installation's certificate, whichever backend signs the
    # decrees (the Kepala BKPSDM does not type a passphrase for every notice); without that
    # certificate (a BSrE-only server) the notice is stored unsealed and says so.
    try:
        sertifikat.pastikan()
        s.ditandatangani_pada = timezone.now()
    except TtdError as exc:
        log.warning("Surat pemberitahuan %s disimpan tanpa segel elektronik: %s", nomor, exc.kode)
    pdf = render_pemberitahuan(s)
    if s.ditandatangani_pada is not None:
        pdf = tandatangani_pdf(
            pdf,
            penanda=Penanda(
                nama=ttd.nama,
                nip=ttd.nip,
                jabatan=ttd.jabatan,
                lokasi=settings.INSTANSI_KOTA,
                alasan=f"Pemberitahuan mutasi atas Keputusan Nomor {sk.nomor}",
            ),
            lokal=True,
        )
    simpan(s, pdf, tertulis=tertulis)
    simpan_tercatat(
        s,
        oleh=oleh,
        aksi="mutasi.pemberitahuan_dibuat",
        ringkasan=f"Pemberitahuan {nomor} untuk {usulan.nomor} (SK {sk.nomor})",
        perubahan={"sha256": s.sha256},
    )
    return s


@transaction.atomic
def pemberitahuan_pastikan(*, usulan: UsulanMutasi) -> SuratPemberitahuan:
    """The notice of the decree in force, made now (once) for a decree signed before notices were
    made with it."""
    u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("sk", "pegawai").get(pk=usulan.pk)
    if not u.pemberitahuan_berlaku:
        raise AlurError(_("Tidak ada SK yang berlaku untuk usulan ini."))
    s = SuratPemberitahuan.objects.filter(usulan=u, sk_id=u.sk_id).first()
    if s is None:
        s = pemberitahuan_buat(usulan=u, sk=u.sk, oleh=None, tanggal=timezone.localdate())
    return s


@transaction.atomic
def pemberitahuan_serahkan(*, oleh: User, usulan: UsulanMutasi, tanggal: date, hari_ini: date | None = None) -> None:
    """HR records the day the notice was handed to the employee: the objection window starts then
    (unless the employee acknowledged it earlier)."""
    hari_ini = hari_ini or timezone.localdate()
    u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("sk").get(pk=usulan.pk)
    pastikan(akses.boleh_serahkan_pemberitahuan(oleh, u))
    s = SuratPemberitahuan.objects.select_for_update().filter(usulan=u, sk_id=u.sk_id).first()
    if s is None:
        raise AlurError(_("Surat pemberitahuan untuk SK ini belum ada."))
    if tanggal > hari_ini:
        raise AlurError(_("Tanggal penyerahan tidak boleh sesudah hari ini."))
    if tanggal < s.tanggal:
        raise AlurError(
            _("Tanggal penyerahan tidak boleh sebelum tanggal surat pemberitahuan (%(t)s).")
            % {"t": f"{s.tanggal:%d-%m-%Y}"}
        )
    if s.diserahkan_pada is not None:
        raise AlurError(_("Penyerahan sudah dicatat pada %(t)s.") % {"t": f"{s.diserahkan_pada:%d-%m-%Y}"})
    ubah_tercatat(
        s,
        {"diserahkan_pada": tanggal, "diserahkan_oleh": oleh},
        oleh=oleh,
        aksi="mutasi.pemberitahuan_diserahkan",
        objek=u,
        ringkasan=f"{u.nomor}: pemberitahuan {s.nomor} diserahkan {tanggal:%d-%m-%Y}",
    )


def pemberitahuan_buka(*, oleh: User, usulan: UsulanMutasi) -> None:
    """Note when the employee first opened their notice (anyone else opening it changes nothing)."""
    if akses.mutasi_sendiri(oleh, usulan) and usulan.pemberitahuan_dibuka is None:
        ubah_massal(
            UsulanMutasi.objects.filter(pk=usulan.pk, pemberitahuan_dibuka__isnull=True),
            oleh=oleh,
            pemberitahuan_dibuka=timezone.now(),
        )


@transaction.atomic
def pemberitahuan_konfirmasi(*, oleh: User, usulan: UsulanMutasi) -> bool:
    """The employee states they have read (been given) the notice; the objection window starts.
    False when they had already done so."""
    pastikan(akses.boleh_konfirmasi(oleh, usulan))
    sekarang = timezone.now()
    n = ubah_massal(
        UsulanMutasi.objects.filter(pk=usulan.pk, pemberitahuan_dikonfirmasi__isnull=True),
        oleh=oleh,
        pemberitahuan_dikonfirmasi=sekarang,
        pemberitahuan_dibuka=usulan.pemberitahuan_dibuka or sekarang,
    )
    if n:
        audit_catat(
            oleh=oleh, aksi="mutasi.pemberitahuan_dibaca", objek=usulan, ringkasan=f"{usulan.nomor}: dibaca pegawai"
        )
    return bool(n)
