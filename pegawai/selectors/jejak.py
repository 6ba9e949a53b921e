"""Reads of the field-level trail (django-auditlog's LogEntry, inti/jejak.py) for HR's pages: the
searchable list, and the latest changes of one object and the records filed under it."""

from dataclasses import dataclass
from datetime import date, datetime, time

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from inti.jejak import model_induk, terdaftar


@dataclass
class SaringJejak:
    """The list's filters, all optional."""

    model: ContentType | None = None
    objek: str = ""
    pelaku: str = ""  # the actor's NIP (digits, spaces allowed) or part of their name
    dari: date | None = None
    sampai: date | None = None
    teks: str = ""  # in the changed values or the record's name
    impor: int | None = None  # entries written by one import run
    induk: tuple[str, int] | None = None  # ("pegawai", id): an object's page's full list (see jejak_objek)


def model_tercatat() -> list[ContentType]:
    """The content types of the registered models, by their verbose name (the model filter's choices)."""
    cts = ContentType.objects.get_for_models(*[m for m in _semua_model() if terdaftar(m)])
    return sorted(cts.values(), key=lambda ct: str(ct.model_class()._meta.verbose_name).lower())


def _semua_model() -> list[type[Model]]:
    from django.apps import apps

    return list(apps.get_models())


def _awal_hari(hari: date) -> datetime:
    return timezone.make_aware(datetime.combine(hari, time.min))


def jejak_saring(s: SaringJejak) -> QuerySet[LogEntry]:
    """Entries matching the filters, newest first, with what the table shows loaded."""
    qs = LogEntry.objects.select_related("content_type", "actor", "actor__pegawai").order_by("-timestamp", "-id")
    if s.model is not None:
        qs = qs.filter(content_type=s.model)
    if s.objek:
        qs = qs.filter(object_pk=s.objek)
    if s.pelaku:
        nip = "".join(s.pelaku.split())
        q = Q(actor__pegawai__nama__icontains=s.pelaku.strip())
        if nip.isdigit():
            q |= Q(actor__nip__startswith=nip)
        qs = qs.filter(q)
    if s.dari:
        qs = qs.filter(timestamp__gte=_awal_hari(s.dari))
    if s.sampai:
        qs = qs.filter(timestamp__lt=_awal_hari(s.sampai) + timezone.timedelta(days=1))
    if s.teks:
        qs = qs.annotate(_teks=Cast("changes", TextField())).filter(
            Q(_teks__icontains=s.teks) | Q(object_repr__icontains=s.teks)
        )
    if s.impor:
        qs = qs.filter(additional_data__impor=s.impor)
    if s.induk:
        kunci, pk = s.induk
        qs = qs.filter(_q_induk(kunci, pk))
    return qs


KUNCI_INDUK = ("pegawai", "unit", "usulan")


def _q_induk(kunci: str, pk: int) -> Q:
    """Entries filed under parent `kunci` #pk (the parent's own entries carry the key too)."""
    anak = ContentType.objects.get_for_models(*model_induk(kunci)).values()
    return Q(content_type__in=list(anak), **{f"additional_data__{kunci}": pk})


def jejak_objek(objek: Model, kunci: str) -> QuerySet[LogEntry]:
    """The entries of `objek` itself and of the records filed under it as `kunci` ("pegawai", "unit",
    "usulan": an employee's sanctions, a unit's workload, a proposal's attachments), deleted ones
    included, newest first."""
    ct = ContentType.objects.get_for_model(objek)
    return (
        LogEntry.objects.filter(Q(content_type=ct, object_pk=str(objek.pk)) | _q_induk(kunci, objek.pk))
        .select_related("content_type", "actor", "actor__pegawai")
        .order_by("-timestamp", "-id")
    )
