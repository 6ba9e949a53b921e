"""Reads around a manual move: the employee's move waiting for its TMT, the moves due on a day, and
the decided transfer that blocks a manual move (asked of mutasi through a hook)."""

from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.utils.module_loading import import_string

from ..models import Pegawai, PindahTerjadwal, StatusPindah


def pindah_terjadwal_pegawai(pegawai: Pegawai | int) -> PindahTerjadwal | None:
    """The employee's move waiting for its TMT (at most one), with its unit and position."""
    pk = pegawai.pk if isinstance(pegawai, Pegawai) else pegawai
    return (
        PindahTerjadwal.objects.filter(pegawai_id=pk, status=StatusPindah.TERJADWAL)
        .select_related("unit", "jabatan", "dibuat_oleh")
        .first()
    )


def pindah_jatuh_tempo(hari: date) -> QuerySet[PindahTerjadwal]:
    """Scheduled moves whose TMT is `hari` or earlier, oldest TMT first."""
    return (
        PindahTerjadwal.objects.filter(status=StatusPindah.TERJADWAL, tmt__lte=hari)
        .select_related("pegawai", "unit", "jabatan")
        .order_by("tmt", "pk")
    )


def mutasi_tertunda(pegawai_id: int) -> tuple[str, str] | None:
    """(number, URL) of a decided transfer of this employee that has not been carried out yet, or
    None. pegawai may not import mutasi: the setting PEGAWAI_MUTASI_TERTUNDA names mutasi's function
    (empty = no transfer ever blocks a manual move)."""
    jalur = getattr(settings, "PEGAWAI_MUTASI_TERTUNDA", None)
    if not jalur:
        return None
    hasil = import_string(jalur)(pegawai_id)
    return tuple(hasil) if hasil else None


def mutasi_ke_unit(unit_id: int) -> list[tuple[str, str]]:
    """(number, URL) of every transfer in progress into this unit (the setting PEGAWAI_MUTASI_KE_UNIT
    names mutasi's function; empty = none)."""
    jalur = getattr(settings, "PEGAWAI_MUTASI_KE_UNIT", None)
    return [tuple(x) for x in import_string(jalur)(unit_id)] if jalur else []
