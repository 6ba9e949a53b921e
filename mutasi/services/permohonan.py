"""The employee's own request for a transfer: made from their page, answered by HR (turned
into a proposal with basis "own request", or declined with a reason the employee reads)."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.audit import audit_catat
from inti.surel import setelah_commit
from pegawai.akses import peran_user
from pegawai.models import Pegawai, UnitKerja, User

from .. import akses
from ..models import (
    STATUS_PERMOHONAN_TERBUKA,
    JenisMutasi,
    LampiranPermohonan,
    PermohonanMutasi,
    StatusPermohonan,
    UsulanMutasi,
)
from . import AlurError, pastikan
from .kelayakan import cek_sepuluh_tahun
from .lampiran import berkas_periksa
from .notifikasi import permohonan_diajukan, permohonan_ditolak

PESAN_MASIH_TERBUKA = gettext_lazy("Anda masih punya permohonan yang menunggu tanggapan.")


@transaction.atomic
def permohonan_buat(
    *,
    oleh: User,
    jenis: str,
    alasan: str,
    unit_pilihan: Iterable[UnitKerja],
    instansi_tujuan: str = "",
    berkas: Iterable[UploadedFile] = (),
) -> PermohonanMutasi:
    pastikan(akses.boleh_ajukan_permohonan(oleh))
    pegawai = Pegawai.objects.get(pk=peran_user(oleh).pegawai_id)
    if PermohonanMutasi.objects.filter(pegawai=pegawai, status__in=STATUS_PERMOHONAN_TERBUKA).exists():
        raise AlurError(str(PESAN_MASIH_TERBUKA))
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
    obj.full_clean(validate_constraints=False)
    try:
        # Exactly once: the database allows one open request per employee; of simultaneous
        # identical submissions one is saved and the others get the message.
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise AlurError(str(PESAN_MASIH_TERBUKA)) from exc
    if jenis == JenisMutasi.DALAM:
        obj.unit_pilihan.set(unit_pilihan)
    for f, tipe in periksa:
        LampiranPermohonan.objects.create(permohonan=obj, berkas=f, nama_asli=f.name[:255], tipe=tipe, ukuran=f.size)
    audit_catat(oleh=oleh, aksi="mutasi.permohonan", objek=obj, ringkasan=f"Permohonan mutasi {pegawai.nama}")
    setelah_commit(lambda: permohonan_diajukan(permohonan_id=obj.pk))
    return obj


def _kunci(permohonan: PermohonanMutasi) -> PermohonanMutasi:
    return PermohonanMutasi.objects.select_for_update().get(pk=permohonan.pk)


@transaction.atomic
def permohonan_tolak(*, oleh: User, permohonan: PermohonanMutasi, alasan: str) -> PermohonanMutasi:
    obj = _kunci(permohonan)
    pastikan(akses.boleh_tanggapi_permohonan(oleh, obj))
    if len(alasan.strip()) < 10:
        raise AlurError(_("Tulis alasan penolakan untuk pegawai (minimal 10 karakter)."))
    obj.status, obj.alasan_tolak = StatusPermohonan.DITOLAK, alasan.strip()
    obj.ditangani_oleh, obj.ditangani_pada = oleh, timezone.now()
    obj.save()
    audit_catat(oleh=oleh, aksi="mutasi.permohonan_tolak", objek=obj, ringkasan=f"Permohonan ditolak: {alasan}")
    setelah_commit(lambda: permohonan_ditolak(permohonan_id=obj.pk))
    return obj


@transaction.atomic
def permohonan_tautkan(*, oleh: User, permohonan: PermohonanMutasi, usulan: UsulanMutasi) -> PermohonanMutasi:
    """The request became a proposal."""
    obj = _kunci(permohonan)
    pastikan(akses.boleh_tanggapi_permohonan(oleh, obj))
    obj.status, obj.usulan = StatusPermohonan.DIPROSES, usulan
    obj.ditangani_oleh, obj.ditangani_pada = oleh, timezone.now()
    obj.save()
    audit_catat(oleh=oleh, aksi="mutasi.permohonan_proses", objek=obj, ringkasan=f"Dibuatkan usulan {usulan.nomor}")
    return obj


@transaction.atomic
def permohonan_tarik(*, oleh: User, permohonan: PermohonanMutasi) -> PermohonanMutasi:
    obj = _kunci(permohonan)
    pastikan(akses.boleh_tarik_permohonan(oleh, obj))
    obj.status = StatusPermohonan.DITARIK
    obj.save()
    audit_catat(oleh=oleh, aksi="mutasi.permohonan_tarik", objek=obj, ringkasan="Permohonan ditarik pemohon")
    return obj
