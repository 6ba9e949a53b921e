"""Writes of an employee's records besides the profile and the post: disciplinary sanctions and
yearly performance predicates. Audited on the employee, so they show in the employee's trail."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.galat import LayananError

from ..models import HukumanDisiplin, KinerjaTahunan, Pegawai, User


@transaction.atomic
def hukuman_tambah(
    *,
    oleh: User,
    pegawai: Pegawai,
    tingkat: str,
    jenis: str,
    mulai: date,
    selesai: date,
    nomor_sk: str = "",
    keterangan: str = "",
) -> HukumanDisiplin:
    """Record a disciplinary sanction (ringan/sedang/berat) with its period."""
    if selesai < mulai:
        raise LayananError(_("Tanggal berakhir hukuman tidak boleh sebelum tanggal mulai."))
    hukuman = HukumanDisiplin(
        pegawai=pegawai,
        tingkat=tingkat,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        nomor_sk=nomor_sk,
        keterangan=keterangan,
    )
    hukuman.full_clean()
    hukuman.save()
    audit_catat(
        oleh=oleh,
        aksi="pegawai.hukuman_tambah",
        objek=pegawai,
        ringkasan=f"Hukuman disiplin {hukuman.get_tingkat_display().lower()} dicatat: {jenis} "
        f"({mulai:%d-%m-%Y} s.d. {selesai:%d-%m-%Y})",
        perubahan={"hukuman_id": hukuman.pk, "nomor_sk": nomor_sk},
    )
    return hukuman


@transaction.atomic
def kinerja_catat(*, oleh: User, pegawai: Pegawai, tahun: int, predikat: str, keterangan: str = "") -> KinerjaTahunan:
    """Record the yearly performance predicate; a year already recorded is corrected in place
    (one predicate per year), and the audit trail keeps the old value."""
    kinerja = KinerjaTahunan.objects.select_for_update().filter(pegawai=pegawai, tahun=tahun).first()
    lama = None
    if kinerja is None:
        kinerja = KinerjaTahunan(pegawai=pegawai, tahun=tahun)
    else:
        lama = kinerja.get_predikat_display()
        if kinerja.predikat == predikat and kinerja.keterangan == keterangan:
            return kinerja
    kinerja.predikat = predikat
    kinerja.keterangan = keterangan
    kinerja.full_clean()
    kinerja.save()
    baru = kinerja.get_predikat_display()
    if lama is None:
        ringkasan, perubahan = f"Predikat kinerja {tahun} dicatat: {baru}", {"predikat": ["", predikat]}
    else:
        ringkasan = f"Predikat kinerja {tahun} diubah dari {lama} menjadi {baru}"
        perubahan = {"predikat": [lama, baru]}
    audit_catat(oleh=oleh, aksi="pegawai.kinerja_catat", objek=pegawai, ringkasan=ringkasan, perubahan=perubahan)
    return kinerja
