"""Writes of an employee's records besides the profile and the post: disciplinary sanctions (the
yearly predicates: `pegawai.services.kinerja`). Audited on the employee, so they show in the
employee's trail."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.galat import LayananError

from ..models import HukumanDisiplin, Pegawai, User


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
