"""The field-level trail (django-auditlog): *what* changed, field by field, beside `audit_catat`'s *why*.

django-auditlog writes one `auditlog.LogEntry` per `save()` and `delete()` of a registered model (a
queryset's `.delete()` too, row by row), with the old and new value of each changed field, the
actor and the address (`JejakMiddleware`). It cannot see `QuerySet.update()`, `bulk_update()`,
`bulk_create()` or a raw INSERT: code that writes audited rows that way records them here, in
bulk, in the same transaction:

- `ubah_massal(qs, **nilai)`: `qs.update(**nilai)` plus one entry per row it changed;
- `perbarui_massal(model, objs, fields)`: `bulk_update` plus one entry per row it changed;
- `jejak_massal(model, entri)`: entries built by the caller (an import knows old and new already).

Each app registers its own models in its `AppConfig.ready()` with `daftarkan` (inti knows none).
Entries are append-only: nothing in the application edits or deletes them (docs/SECURITY.md).
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextvars import copy_context
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from auditlog.cid import get_cid
from auditlog.context import auditlog_value
from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, models
from django.utils import timezone
from django.utils.encoding import smart_str

from . import tembolok
from .audit import Pelaku

BUAT, UBAH, HAPUS = LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE

# model -> {key in additional_data: attname}: the parent an entry is also filed under (an employee's
# sanction under {"pegawai": id}), so the parent's page lists its records' changes, deleted ones too.
_INDUK: dict[type[models.Model], dict[str, str]] = {}


class JejakMiddleware(AuditlogMiddleware):
    """auditlog's middleware (actor and address for every entry of the request), with two changes:

    - the address is REMOTE_ADDR, as everywhere else in the project (sign-in audit, lockout):
      auditlog would take the first X-Forwarded-For entry, which any client can write;
    - the request runs in a copy of the context, so its actor never outlives it (auditlog sets a
      context variable and does not reset it)."""

    @staticmethod
    def _get_remote_addr(request):
        if settings.AUDITLOG_DISABLE_REMOTE_ADDR:
            return None
        return request.META.get("REMOTE_ADDR") or None

    @staticmethod
    def _get_remote_port(request):
        return None

    @staticmethod
    def _get_actor(request):
        """The signed-in user, or None. A database out of reach while the session is read is not
        this middleware's to answer: the view meets it again and inti.middleware answers 503."""
        try:
            return AuditlogMiddleware._get_actor(request)
        except DatabaseError:
            return None

    def __call__(self, request):
        return copy_context().run(super().__call__, request)


def daftarkan(
    model: type[models.Model],
    *,
    kecuali: Sequence[str] = (),
    hanya: Sequence[str] = (),
    m2m: Sequence[str] = (),
    induk: Mapping[str, str] | None = None,
) -> None:
    """Register `model` with auditlog. `kecuali`: fields never recorded (timestamps, counters,
    secrets); `hanya`: record only these; `m2m`: many-to-many fields to record; `induk`: parents the
    entry is filed under, {"pegawai": "pegawai_id"} (read through `get_additional_data`)."""
    if induk:
        _INDUK[model] = dict(induk)
        if not hasattr(model, "get_additional_data"):
            model.get_additional_data = _data_induk  # type: ignore[attr-defined]
    auditlog.register(model, include_fields=list(hanya), exclude_fields=list(kecuali), m2m_fields=set(m2m))


def _data_induk(self) -> dict[str, Any] | None:
    data = {k: getattr(self, a) for k, a in _INDUK.get(type(self), {}).items()}
    return {k: v for k, v in data.items() if v is not None} or None


def model_induk(kunci: str) -> list[type[models.Model]]:
    """The registered models filed under parent key `kunci` ("pegawai", "unit", "usulan")."""
    return [m for m, k in _INDUK.items() if kunci in k]


def terdaftar(model: type[models.Model]) -> bool:
    return auditlog.contains(model)


def _field_dicatat(model: type[models.Model]) -> list[models.Field]:
    """The concrete fields auditlog records for `model` (its include/exclude lists applied)."""
    aturan = auditlog.get_model_fields(model)
    hasil = []
    for f in model._meta.concrete_fields:
        if aturan["include_fields"] and f.name not in aturan["include_fields"]:
            continue
        if f.name in aturan["exclude_fields"]:
            continue
        hasil.append(f)
    return hasil


def teks(f: models.Field, nilai: Any) -> str:
    """A value as auditlog writes it (so hand-written entries read like its own): a foreign key's
    id, an aware datetime in naive UTC, everything through `smart_str` ("None" for None)."""
    if isinstance(f, models.DateTimeField) and isinstance(nilai, datetime) and timezone.is_aware(nilai):
        nilai = timezone.make_naive(nilai, UTC)
    return smart_str(nilai)


def selisih(
    model: type[models.Model], lama: Mapping[str, Any] | None, baru: Mapping[str, Any] | None
) -> dict[str, list[str]]:
    """{field name: [old, new]} for the recorded fields of `model` whose value differs. `lama` /
    `baru` are {attname or name: value}; None is a row that did not exist (create / delete). A
    field absent from both is left out; absent from one side only, it counts as None there."""
    hasil: dict[str, list[str]] = {}
    for f in _field_dicatat(model):
        ada_lama = lama is not None and (f.attname in lama or f.name in lama)
        ada_baru = baru is not None and (f.attname in baru or f.name in baru)
        if not (ada_lama or ada_baru):
            continue
        a = teks(f, _ambil(lama, f)) if ada_lama else "None"
        b = teks(f, _ambil(baru, f)) if ada_baru else "None"
        if a != b:
            hasil[f.name] = [a, b]
    return hasil


def _ambil(d: Mapping[str, Any], f: models.Field) -> Any:
    return d[f.attname] if f.attname in d else d[f.name]


@dataclass
class Entri:
    """One entry for `jejak_massal`: the object's pk, its text, the changes, the action."""

    pk: Any
    perubahan: dict[str, list[str]]
    teks: str = ""
    aksi: int = UBAH
    induk: dict[str, Any] = field(default_factory=dict)


def _pelaku(oleh: Pelaku) -> tuple[Any, str | None]:
    """The actor and address: `oleh` when given, else the request's (JejakMiddleware)."""
    try:
        konteks = auditlog_value.get() or {}
    except LookupError:
        konteks = {}
    if oleh is None or not getattr(oleh, "is_authenticated", False):
        oleh = konteks.get("actor")
    alamat = konteks.get("remote_addr")
    return (oleh if getattr(oleh, "is_authenticated", False) else None), alamat


def jejak_baris(
    model: type[models.Model],
    entri: Iterable[Entri],
    *,
    oleh: Pelaku = None,
    tambahan: Mapping[str, Any] | None = None,
    cid: str | None = None,
    waktu: datetime | None = None,
) -> Iterator[dict[str, Any]]:
    """The LogEntry rows for `entri` as {attname: value} (an update without changes is skipped), for
    `jejak_massal` or a faster INSERT of the caller's (the import's `sisip_massal`). A bulk write
    records its trail here, so this is also where its cached aggregates go stale (`inti.tembolok`).

    Not a generator itself: what needs the database (the content type) is read now, before the
    caller starts a COPY on the connection; a query from inside the COPY's row iterator would wait
    for the connection the COPY holds while the server waits for rows (a deadlock)."""
    tembolok.berubah(model)
    ct = ContentType.objects.get_for_model(model)
    aktor, alamat = _pelaku(oleh)
    umum = {
        "content_type_id": ct.pk,
        "actor_id": aktor.pk if aktor else None,
        "actor_email": getattr(aktor, "email", None) or None,
        "remote_addr": alamat,
        "cid": cid or get_cid(),
        "timestamp": waktu or timezone.now(),
        "serialized_data": None,
        "changes_text": "",
        "remote_port": None,
    }
    return _baris_jejak(umum, str(model._meta.verbose_name), entri, tambahan)


def _baris_jejak(
    umum: dict[str, Any], nama: str, entri: Iterable[Entri], tambahan: Mapping[str, Any] | None
) -> Iterator[dict[str, Any]]:
    for e in entri:
        if e.aksi == UBAH and not e.perubahan:
            continue
        yield {
            **umum,
            "object_pk": str(e.pk),
            "object_id": e.pk if isinstance(e.pk, int) else None,
            "object_repr": e.teks or f"{nama} #{e.pk}",
            "action": e.aksi,
            "changes": e.perubahan,
            "additional_data": {**(tambahan or {}), **e.induk} or None,
        }


def jejak_massal(model: type[models.Model], entri: Iterable[Entri], **opsi: Any) -> int:
    """Write the entries in bulk (one INSERT per 1,000); an update without changes is skipped.
    `opsi` are `jejak_baris`'s (`oleh`, `tambahan`: into every entry's additional_data, e.g.
    {"impor": run id}, `cid`, `waktu`). Returns the count."""
    if not auditlog.contains(model):
        return 0
    baris = [LogEntry(**b) for b in jejak_baris(model, entri, **opsi)]
    LogEntry.objects.bulk_create(baris, batch_size=1000)
    return len(baris)


def _induk_dari(model: type[models.Model], baris: Mapping[str, Any]) -> dict[str, Any]:
    return {k: baris[a] for k, a in _INDUK.get(model, {}).items() if baris.get(a) is not None}


def ubah_massal(qs: models.QuerySet, *, oleh: Pelaku = None, tambahan: Mapping[str, Any] | None = None, **nilai) -> int:
    """`qs.update(**nilai)` with one entry per row whose recorded fields changed. Old values are read
    before and new ones after (expressions such as F() or Now() welcome); returns update()'s count."""
    model = qs.model
    tembolok.berubah(model)
    if not auditlog.contains(model):
        return qs.update(**nilai)
    fields = [model._meta.get_field(k) for k in nilai]
    kolom = list({f.attname for f in fields} | set(_INDUK.get(model, {}).values()))
    lama = {r["pk"]: r for r in qs.values("pk", *kolom)}
    n = qs.update(**nilai)
    if n and lama:
        baru = {r["pk"]: r for r in model._default_manager.filter(pk__in=list(lama)).values("pk", *kolom)}
        _tulis_selisih(model, lama, baru, [f.attname for f in fields], oleh=oleh, tambahan=tambahan)
    return n


def perbarui_massal(
    model: type[models.Model],
    objs: Sequence[models.Model],
    fields: Sequence[str],
    *,
    oleh: Pelaku = None,
    tambahan: Mapping[str, Any] | None = None,
    cid: str | None = None,
    batch_size: int = 500,
) -> int:
    """`model.objects.bulk_update(objs, fields)` with one entry per row whose recorded fields
    changed (old values read in one query per 2,000 rows)."""
    if not objs:
        return 0
    tembolok.berubah(model)
    if not auditlog.contains(model):
        return model._default_manager.bulk_update(objs, fields, batch_size=batch_size)
    attnames = [model._meta.get_field(k).attname for k in fields]
    kolom = list(set(attnames) | set(_INDUK.get(model, {}).values()))
    lama: dict[Any, dict[str, Any]] = {}
    pks = [o.pk for o in objs]
    for i in range(0, len(pks), 2000):
        lama.update({r["pk"]: r for r in model._default_manager.filter(pk__in=pks[i : i + 2000]).values("pk", *kolom)})
    n = model._default_manager.bulk_update(objs, fields, batch_size=batch_size)
    baru = {o.pk: {a: getattr(o, a) for a in attnames} for o in objs}
    _tulis_selisih(model, lama, baru, attnames, oleh=oleh, tambahan=tambahan, cid=cid)
    return n


def _tulis_selisih(model, lama, baru, attnames, *, oleh: Pelaku, tambahan, cid=None) -> int:
    entri = []
    for pk, a in lama.items():
        b = baru.get(pk)
        if b is None:
            continue
        perubahan = selisih(model, {k: a[k] for k in attnames}, {k: b[k] for k in attnames})
        if perubahan:
            entri.append(Entri(pk=pk, perubahan=perubahan, induk=_induk_dari(model, a)))
    return jejak_massal(model, entri, oleh=oleh, tambahan=tambahan, cid=cid)


def jejak_buat(
    model: type[models.Model],
    objs: Iterable[models.Model],
    *,
    oleh: Pelaku = None,
    tambahan: Mapping[str, Any] | None = None,
    cid: str | None = None,
) -> int:
    """One create entry per object `bulk_create` saved (their pk set): what auditlog's own create
    entry holds, every recorded field against "None"."""
    fields = _field_dicatat(model)
    entri = []
    for o in objs:
        nilai = {f.attname: getattr(o, f.attname) for f in fields}
        induk = {k: getattr(o, a) for k, a in _INDUK.get(model, {}).items() if getattr(o, a, None) is not None}
        entri.append(Entri(pk=o.pk, perubahan=selisih(model, None, nilai), teks=str(o), aksi=BUAT, induk=induk))
    return jejak_massal(model, entri, oleh=oleh, tambahan=tambahan, cid=cid)
