"""The employee's own request for a transfer: made from their page, answered by HR (turned
into a proposal with basis "own request", or declined with a reason the employee reads)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from pegawai.akses import peran_user
from pegawai.models import Pegawai

from ..models import JenisMutasi, LampiranPermohonan, PermohonanMutasi, StatusPermohonan, UsulanMutasi
from . import AlurError
from .kelayakan import cek_sepuluh_tahun
from .lampiran import berkas_periksa
from .notifikasi import _email_pegawai, _email_peran, jadwalkan, notifikasi_kirim


@transaction.atomic
def permohonan_buat(
    *, oleh, jenis: str, alasan: str, unit_pilihan, instansi_tujuan: str = "", berkas=()
) -> PermohonanMutasi:
    p = peran_user(oleh)
    if p.pegawai_id is None:
        raise AlurError(_("Akun ini tidak terhubung dengan data pegawai."))
    pegawai = Pegawai.objects.get(pk=p.pegawai_id)
    if PermohonanMutasi.objects.filter(pegawai=pegawai, status=StatusPermohonan.DIAJUKAN).exists():
        raise AlurError(_("Anda masih punya permohonan yang menunggu tanggapan."))
    if jenis == JenisMutasi.KELUAR:
        if not instansi_tujuan.strip():
            raise AlurError(_("Isi instansi tujuan."))
        cek = cek_sepuluh_tahun(pegawai, timezone.localdate())
        if cek.gagal:
            raise AlurError(cek.pesan)
    elif jenis != JenisMutasi.DALAM:
        raise AlurError(_("Jenis permohonan tidak dikenal."))
    periksa = [(f, berkas_periksa(f)) for f in berkas]
    obj = PermohonanMutasi(pegawai=pegawai, jenis=jenis, alasan=alasan.strip(), instansi_tujuan=instansi_tujuan.strip())
    obj.full_clean()
    obj.save()
    if jenis == JenisMutasi.DALAM:
        obj.unit_pilihan.set(unit_pilihan)
    for f, tipe in periksa:
        LampiranPermohonan.objects.create(permohonan=obj, berkas=f, nama_asli=f.name[:255], tipe=tipe, ukuran=f.size)
    audit_catat(oleh=oleh, aksi="mutasi.permohonan", objek=obj, ringkasan=f"Permohonan mutasi {pegawai.nama}")
    from pegawai.models import Peran

    jadwalkan(
        lambda: notifikasi_kirim(
            alamat=_email_peran(Peran.HR),
            judul=_("Permohonan mutasi baru: %(nama)s") % {"nama": pegawai.nama_lengkap},
            template="email/mutasi_permohonan.txt",
            konteks={"p": obj},
        )
    )
    return obj


def _kunci(permohonan: PermohonanMutasi) -> PermohonanMutasi:
    obj = PermohonanMutasi.objects.select_for_update().get(pk=permohonan.pk)
    if obj.status != StatusPermohonan.DIAJUKAN:
        raise AlurError(_("Permohonan ini sudah ditanggapi."))
    return obj


@transaction.atomic
def permohonan_tolak(*, oleh, permohonan: PermohonanMutasi, alasan: str) -> PermohonanMutasi:
    if not peran_user(oleh).hr:
        raise AlurError(_("Hanya staf BKPSDM yang dapat menanggapi permohonan."))
    obj = _kunci(permohonan)
    if len(alasan.strip()) < 10:
        raise AlurError(_("Tulis alasan penolakan untuk pegawai (minimal 10 karakter)."))
    obj.status, obj.alasan_tolak = StatusPermohonan.DITOLAK, alasan.strip()
    obj.ditangani_oleh, obj.ditangani_pada = oleh, timezone.now()
    obj.save()
    audit_catat(oleh=oleh, aksi="mutasi.permohonan_tolak", objek=obj, ringkasan=f"Permohonan ditolak: {alasan}")
    jadwalkan(
        lambda: notifikasi_kirim(
            alamat=_email_pegawai(obj.pegawai_id),
            judul=_("Tanggapan atas permohonan mutasi Anda"),
            template="email/mutasi_permohonan_tolak.txt",
            konteks={"p": obj},
        )
    )
    return obj


@transaction.atomic
def permohonan_tautkan(*, oleh, permohonan: PermohonanMutasi, usulan: UsulanMutasi) -> PermohonanMutasi:
    """The request became a proposal."""
    obj = _kunci(permohonan)
    obj.status, obj.usulan = StatusPermohonan.DIPROSES, usulan
    obj.ditangani_oleh, obj.ditangani_pada = oleh, timezone.now()
    obj.save()
    audit_catat(oleh=oleh, aksi="mutasi.permohonan_proses", objek=obj, ringkasan=f"Dibuatkan usulan {usulan.nomor}")
    return obj


@transaction.atomic
def permohonan_tarik(*, oleh, permohonan: PermohonanMutasi) -> PermohonanMutasi:
    obj = _kunci(permohonan)
    if peran_user(oleh).pegawai_id != obj.pegawai_id:
        raise AlurError(_("Hanya pemohon yang dapat menarik permohonan."))
    obj.status = StatusPermohonan.DITARIK
    obj.save()
    audit_catat(oleh=oleh, aksi="mutasi.permohonan_tarik", objek=obj, ringkasan="Permohonan ditarik pemohon")
    return obj
