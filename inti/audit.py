"""The audit helper every service calls: one row per business action, in the caller's transaction."""

from typing import Any

from django.db.models import Model

from .models import CatatanAudit


def audit_catat(*, oleh, aksi: str, objek: Model, ringkasan: str, perubahan: dict[str, Any] | None = None) -> None:
    """Record that `oleh` (a user, or None/anonymous for the system) did `aksi` to `objek`."""
    CatatanAudit.objects.create(
        oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
        aksi=aksi,
        objek_tipe=objek._meta.label_lower,
        objek_id=str(objek.pk),
        ringkasan=ringkasan[:500],
        perubahan=perubahan or {},
    )


def selisih(obj: Model, data: dict[str, Any]) -> dict[str, list]:
    """{field: [old, new]} for the fields of `data` whose value differs on `obj` (for `perubahan`)."""
    return {k: [str(getattr(obj, k)), str(v)] for k, v in data.items() if getattr(obj, k) != v}
