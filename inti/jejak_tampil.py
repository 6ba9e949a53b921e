"""The field-level trail in plain words, for HR's pages: each entry's fields by their verbose names,
choice labels instead of codes, the name of a linked record instead of its id, dates as dd-mm-yyyy.

auditlog's own `LogEntry.changes_display_dict` looks each linked record up one by one (a query per
value); here a page of entries costs one query per linked model."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

KOSONG = "None"


@dataclass
class Perubahan:
    """One field of one entry: its label, the old and the new value as shown."""

    label: str
    lama: str
    baru: str


@dataclass
class BarisJejak:
    entri: LogEntry
    model_label: str
    aksi_label: str
    perubahan: list[Perubahan] = field(default_factory=list)


def _model(entri: LogEntry) -> type[models.Model] | None:
    return entri.content_type.model_class() if entri.content_type_id else None


def _field(model, nama: str) -> models.Field | None:
    try:
        return model._meta.get_field(nama) if model is not None else None
    except FieldDoesNotExist:
        return None


def _nama_terkait(baris: list[LogEntry]) -> dict[tuple[type, str], str]:
    """(related model, pk text) -> the record's text, one query per related model."""
    perlu: dict[type, set[Any]] = defaultdict(set)
    for e in baris:
        model = _model(e)
        for nama, nilai in (e.changes or {}).items():
            f = _field(model, nama)
            if f is None or not (f.many_to_one or f.one_to_one) or not isinstance(nilai, list):
                continue
            for v in nilai:
                if v not in (KOSONG, "", None):
                    try:
                        perlu[f.related_model].add(f.related_model._meta.pk.to_python(v))
                    except ValidationError:
                        continue
    hasil = {}
    for model, pks in perlu.items():
        for obj in model._default_manager.filter(pk__in=pks):
            hasil[(model, str(obj.pk))] = str(obj)
    return hasil


def _nilai(f: models.Field | None, v: Any, terkait: dict) -> str:
    if v in (KOSONG, None, ""):
        return "-"
    v = str(v)
    if f is None:
        return v
    if f.many_to_one or f.one_to_one:
        return terkait.get(
            (f.related_model, v),
            _("%(model)s #%(id)s (sudah dihapus)") % {"model": f.related_model._meta.verbose_name, "id": v},
        )
    if f.choices:
        return str(dict(f.flatchoices).get(_pilihan(f, v), v))
    if isinstance(f, models.BooleanField):
        return _("Ya") if v == "True" else _("Tidak") if v == "False" else v
    if isinstance(f, models.DateTimeField):
        try:
            waktu = datetime.fromisoformat(v)
        except ValueError:
            return v
        if timezone.is_naive(waktu):  # auditlog keeps them naive, in UTC
            waktu = waktu.replace(tzinfo=UTC)
        return timezone.localtime(waktu).strftime("%d-%m-%Y %H:%M")
    if isinstance(f, models.DateField):
        try:
            return date.fromisoformat(v).strftime("%d-%m-%Y")
        except ValueError:
            return v
    return v


def _pilihan(f: models.Field, v: str) -> Any:
    """A stored choice back to its type (integer choices are stored as text)."""
    try:
        return f.to_python(v)
    except ValidationError:
        return v


def aksi_label(aksi: int) -> str:
    return {
        LogEntry.Action.CREATE: _("dibuat"),
        LogEntry.Action.UPDATE: _("diubah"),
        LogEntry.Action.DELETE: _("dihapus"),
        LogEntry.Action.ACCESS: _("dibuka"),
    }.get(aksi, str(aksi))


def tampilkan(entri: list[LogEntry]) -> list[BarisJejak]:
    """The entries (with content_type and actor loaded) as rows for a table."""
    terkait = _nama_terkait(entri)
    hasil = []
    for e in entri:
        model = _model(e)
        baris = BarisJejak(
            entri=e,
            model_label=str(model._meta.verbose_name) if model else e.content_type.model,
            aksi_label=aksi_label(e.action),
        )
        for nama, nilai in (e.changes or {}).items():
            f = _field(model, nama)
            if f is not None and ((f.auto_created and not f.concrete) or getattr(f, "primary_key", False)):
                continue  # the id, or a reverse relation auditlog lists on create and delete
            label = str(getattr(f, "verbose_name", nama)) if f is not None else nama
            if isinstance(nilai, dict) and nilai.get("type") == "m2m":
                teks = ", ".join(str(o) for o in nilai.get("objects", []))
                tambah = nilai.get("operation") == "add"
                baris.perubahan.append(Perubahan(label, "-" if tambah else teks, teks if tambah else "-"))
            elif isinstance(nilai, list) and len(nilai) == 2:
                p = Perubahan(label, _nilai(f, nilai[0], terkait), _nilai(f, nilai[1], terkait))
                if p.lama != p.baru:  # an empty field of a new or deleted record says nothing
                    baris.perubahan.append(p)
        hasil.append(baris)
    return hasil
