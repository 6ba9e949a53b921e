"""The audit helper every service calls: one row per business action, in the caller's transaction."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Model

from .models import CatatanAudit

# Who performed a write: a signed-in account, or None for the system (a job, the worker, a webhook).
type Pelaku = AbstractBaseUser | None

# Plain words for the action codes (`pegawai.ubah` -> "Data pegawai diubah"). Each app registers its
# own in its AppConfig.ready() with `label_daftarkan`; inti knows no app. A workflow's steps
# (`inti.transisi.Alur`) register their transition labels themselves.
_LABEL: dict[str, Any] = {}


def audit_catat(
    *, oleh: Pelaku, aksi: str, objek: Model, ringkasan: str, perubahan: dict[str, Any] | None = None
) -> None:
    """Record that `oleh` (a user, or None/anonymous for the system) did `aksi` to `objek`."""
    CatatanAudit.objects.create(
        oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
        aksi=aksi,
        objek_tipe=objek._meta.label_lower,
        objek_id=str(objek.pk),
        ringkasan=ringkasan[:500],
        perubahan=perubahan or {},
    )


def simpan_tercatat(
    baris: Model,
    *,
    oleh: Pelaku,
    aksi: str,
    ringkasan: str,
    perubahan: dict[str, Any] | None = None,
    objek: Model | None = None,
    validate_constraints: bool = True,
) -> None:
    """Validate and save `baris`, then write the audit row, on `baris` or on `objek` (the record it
    belongs to, e.g. a proposal's attachment audited on the proposal)."""
    baris.full_clean(validate_constraints=validate_constraints)
    baris.save()
    audit_catat(oleh=oleh, aksi=aksi, objek=baris if objek is None else objek, ringkasan=ringkasan, perubahan=perubahan)


def ubah_tercatat(
    baris: Model,
    ubah: Mapping[str, Any],
    *,
    oleh: Pelaku,
    aksi: str,
    ringkasan: str,
    perubahan: dict[str, Any] | None = None,
    objek: Model | None = None,
) -> None:
    """Set the fields of `ubah` on `baris`, save only those, then write the audit row (on `baris` or
    on `objek`): the one way a service records a change of a few fields of a row it holds."""
    for nama, nilai in ubah.items():
        setattr(baris, nama, nilai)
    baris.save(update_fields=list(ubah))
    audit_catat(oleh=oleh, aksi=aksi, objek=baris if objek is None else objek, ringkasan=ringkasan, perubahan=perubahan)


def selisih(obj: Model, data: dict[str, Any]) -> dict[str, list]:
    """{field: [old, new]} for the fields of `data` whose value differs on `obj` (for `perubahan`)."""
    return {k: [str(getattr(obj, k)), str(v)] for k, v in data.items() if getattr(obj, k) != v}


def label_daftarkan(label: Mapping[str, Any], *, ganti: bool = True) -> None:
    """Register plain words (lazy translations welcome) for audit action codes. `ganti=False`
    keeps a label already registered (a workflow's step label never overrides an app's own)."""
    for kode, teks in label.items():
        if ganti or kode not in _LABEL:
            _LABEL[kode] = teks


def label_aksi(kode: str) -> str:
    """The plain words for an audit action code; the code itself when nobody registered it."""
    teks = _LABEL.get(kode)
    return str(teks) if teks is not None else kode
