"""Writes of the workload (uraian tugas) of the needs analysis. Every write is audited."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from inti.audit import audit_catat, selisih, simpan_tercatat
from inti.galat import LayananError
from inti.jejak import jejak_buat

from .. import aturan
from ..models import Jabatan, TugasJabatan, UnitKerja, User

FIELD_TUGAS = ("uraian", "satuan_hasil", "volume", "norma_waktu")


def _ringkas(tugas: TugasJabatan) -> str:
    return f"{tugas.uraian} ({tugas.jabatan} - {tugas.unit}): {tugas.volume} x {tugas.norma_waktu} jam"


def _periksa_beban(tugas: TugasJabatan) -> None:
    """The shared rule (pegawai.aturan): volume and time norm above zero. Refused before any
    write, so re-entering the task with the real volume is not a duplicate."""
    pesan = aturan.periksa("tugas_positif", volume=tugas.volume, norma_waktu=tugas.norma_waktu)
    if pesan:
        raise LayananError(pesan[:1].upper() + pesan[1:] + ".")


@transaction.atomic
def tugas_buat(*, oleh: User, unit: UnitKerja, jabatan: Jabatan, data: dict[str, Any]) -> TugasJabatan:
    """Add a task to a unit x position. A duplicate description in the same unit x position is
    refused by `full_clean()` (ValidationError)."""
    tugas = TugasJabatan(unit=unit, jabatan=jabatan, **{k: data[k] for k in FIELD_TUGAS if k in data})
    _periksa_beban(tugas)
    simpan_tercatat(
        tugas,
        oleh=oleh,
        aksi="abk.tugas_buat",
        ringkasan=f"Uraian tugas ditambahkan: {_ringkas(tugas)}",
        perubahan={k: str(getattr(tugas, k)) for k in FIELD_TUGAS},
    )
    return tugas


@transaction.atomic
def tugas_ubah(*, oleh: User, tugas: TugasJabatan, data: dict[str, Any]) -> TugasJabatan:
    data = {k: data[k] for k in FIELD_TUGAS if k in data}
    # Compare with the stored row: a bound ModelForm has already written the new values on `tugas`.
    lama = TugasJabatan.objects.select_for_update().filter(pk=tugas.pk).first()
    if lama is None:
        raise LayananError(_("Uraian tugas sudah dihapus."))
    perubahan = selisih(lama, data)
    for k, v in data.items():
        setattr(tugas, k, v)
    _periksa_beban(tugas)
    tugas.full_clean()
    tugas.save()
    if perubahan:
        audit_catat(
            oleh=oleh,
            aksi="abk.tugas_ubah",
            objek=tugas,
            ringkasan=f"Uraian tugas diubah: {_ringkas(tugas)}",
            perubahan=perubahan,
        )
    return tugas


@transaction.atomic
def tugas_hapus(*, oleh: User, tugas: TugasJabatan) -> None:
    tugas = (
        TugasJabatan.objects.select_for_update(of=("self",))
        .select_related("unit", "jabatan")
        .filter(pk=tugas.pk)
        .first()
    )
    if tugas is None:
        raise LayananError(_("Uraian tugas sudah dihapus."))
    # Audit first: after delete() the object has no primary key to point at.
    audit_catat(
        oleh=oleh,
        aksi="abk.tugas_hapus",
        objek=tugas,
        ringkasan=f"Uraian tugas dihapus: {_ringkas(tugas)}",
        perubahan={k: str(getattr(tugas, k)) for k in FIELD_TUGAS},
    )
    tugas.delete()


@transaction.atomic
def tugas_salin(*, oleh: User, dari_unit: UnitKerja, ke_unit: UnitKerja, jabatan: Jabatan) -> int:
    """Copy the tasks of a position from another unit (e.g. one kelurahan to the next); tasks whose
    description already exists in the target are left as they are. Returns how many were added."""
    if dari_unit.pk == ke_unit.pk:
        raise LayananError(_("Unit asal dan unit tujuan sama."))
    ada = set(TugasJabatan.objects.filter(unit=ke_unit, jabatan=jabatan).values_list("uraian", flat=True))
    baru = []
    for t in TugasJabatan.objects.filter(unit=dari_unit, jabatan=jabatan).order_by("uraian"):
        if t.uraian in ada:
            continue
        salinan = TugasJabatan(
            unit=ke_unit,
            jabatan=jabatan,
            uraian=t.uraian,
            satuan_hasil=t.satuan_hasil,
            volume=t.volume,
            norma_waktu=t.norma_waktu,
        )
        salinan.full_clean()
        baru.append(salinan)
    if not baru:
        raise LayananError(_("Tidak ada uraian tugas baru untuk disalin dari unit itu."))
    TugasJabatan.objects.bulk_create(baru)
    jejak_buat(TugasJabatan, baru, oleh=oleh)
    audit_catat(
        oleh=oleh,
        aksi="abk.tugas_salin",
        objek=ke_unit,
        ringkasan=f"{len(baru)} uraian tugas {jabatan} disalin dari {dari_unit} ke {ke_unit}",
        perubahan={"jabatan": jabatan.pk, "dari_unit": dari_unit.pk, "jumlah": len(baru)},
    )
    return len(baru)
