"""Writes of an employee's records besides the profile and the post: disciplinary sanctions (the
yearly predicates: `pegawai.services.kinerja`). Audited on the employee, so they show in the
employee's trail."""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.galat import LayananError

from ..models import HukumanDisiplin, Pegawai, User


def riwayat_simpan[R: Model](
    obj: R, *, oleh: User | None, aksi: str, ringkasan: str, kunci_id: str, **perubahan: Any
) -> R:
    """Validate and save a new record of an employee's history (`obj.pegawai`) and audit it on the
    employee, so it shows in the employee's trail: `perubahan` holds the record's id (as `kunci_id`)
    and the given values."""
    obj.full_clean()
    obj.save()
    audit_catat(oleh=oleh, aksi=aksi, objek=obj.pegawai, ringkasan=ringkasan, perubahan={kunci_id: obj.pk, **perubahan})
    return obj


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
    return riwayat_simpan(
        hukuman,
        oleh=oleh,
        aksi="pegawai.hukuman_tambah",
        ringkasan=f"Hukuman disiplin {hukuman.get_tingkat_display().lower()} dicatat: {jenis} "
        f"({mulai:%d-%m-%Y} s.d. {selesai:%d-%m-%Y})",
        kunci_id="hukuman_id",
        nomor_sk=nomor_sk,
    )
