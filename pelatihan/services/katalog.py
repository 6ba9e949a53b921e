"""Writes of the training catalogue (HR only)."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from inti.audit import audit_catat, selisih
from pegawai.models import User

from ..akses import boleh_kelola_katalog
from ..models import Pelatihan
from .umum import PelatihanError


@transaction.atomic
def pelatihan_simpan(*, oleh: User, data: dict[str, Any], pelatihan: Pelatihan | None = None) -> Pelatihan:
    """Create (pelatihan=None) or change a catalogue entry; `data` may hold `kompetensi`."""
    if not boleh_kelola_katalog(oleh):
        raise PelatihanError(_("Hanya staf BKPSDM yang dapat mengelola katalog pelatihan."))
    data = dict(data)
    kompetensi = data.pop("kompetensi", None)
    baru = pelatihan is None
    obj = pelatihan or Pelatihan()
    perubahan = {} if baru else selisih(obj, data)
    for k, v in data.items():
        setattr(obj, k, v)
    obj.full_clean()
    obj.save()
    if kompetensi is not None:
        obj.kompetensi.set(kompetensi)
    audit_catat(
        oleh=oleh,
        aksi="pelatihan.buat" if baru else "pelatihan.ubah",
        objek=obj,
        ringkasan=f"Pelatihan {obj.nama} {'ditambahkan' if baru else 'diubah'}",
        perubahan=perubahan,
    )
    return obj
