"""Reads from a PostgreSQL read replica, with read-your-writes (DATABASE_REPLICA_URL, docs/DEPLOY.md).

With `DATABASE_REPLICA_URL` set, settings add the database alias `replika` and this router; without it
neither the router nor the middleware does anything (every query on `default`, as before).

What is read from the replica: the queries of a GET (or HEAD) request for a report or list page, those
whose URL name is in `REPLIKA_HALAMAN`, and of code inside `dari_replika()`. Everything else reads
`default`: forms, detail pages, sign-in, background workers, management commands. Writes always go to
`default`. A replica lags the primary by a moment, so **read-your-writes**:

- a request that wrote (any POST, PUT, PATCH or DELETE answered below 400, or any write through the ORM,
  even in a GET) gets a cookie that sends its user's reads to `default` for `REPLIKA_JEDA_DETIK`
  seconds (5): the list they return to after saving shows what they saved;
- within a request, once it wrote, its later reads go to `default`;
- inside `transaction.atomic()` every read goes to `default` (a row read to be changed, a check before
  a write: they must see the primary's latest state and the transaction's own writes);
- sessions are always read from `default`.

`REPLIKA_TANDA=true` adds the header `X-Simutasi-Basis-Data` (the aliases the request read from), so a
setup can be checked from outside (scripts/scaleout_demo.sh).
"""

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections
from django.http import HttpRequest, HttpResponse

ALIAS = "replika"
UTAMA = "default"
COOKIE = "simutasi_primer"
HEADER = "X-Simutasi-Basis-Data"
_METODE_BACA = ("GET", "HEAD")
# Sessions are read from the primary always: one just written at sign-in must be found at once.
_SELALU_UTAMA = frozenset({"sessions"})

logger = logging.getLogger(__name__)


@dataclass
class _Keadaan:
    """One request's (or one `dari_replika()` block's) state."""

    boleh_replika: bool = False  # a report or list page (or dari_replika())
    primer: bool = False  # this user wrote a moment ago, or the request is not a read
    ditulis: bool = False  # the request wrote through the ORM
    dibaca: set[str] = field(default_factory=set)


_keadaan: ContextVar[_Keadaan | None] = ContextVar("simutasi_replika", default=None)


def ada_replika() -> bool:
    return ALIAS in settings.DATABASES


@contextmanager
def dari_replika() -> Iterator[None]:
    """Reads inside go to the replica (when there is one), with the rules above: a write inside, or an
    atomic block, sends them to `default`. For a report built outside a request (a command)."""
    token = _keadaan.set(_Keadaan(boleh_replika=True))
    try:
        yield
    finally:
        _keadaan.reset(token)


class RuterReplika:
    """Database router (DATABASE_ROUTERS, set by settings only with a replica)."""

    def db_for_read(self, model, **hints) -> str:
        k = _keadaan.get()
        alias = UTAMA
        if (
            k is not None
            and k.boleh_replika
            and not k.primer
            and not k.ditulis
            and ada_replika()
            and model._meta.app_label not in _SELALU_UTAMA
            and not connections[UTAMA].in_atomic_block
        ):
            alias = ALIAS
        if k is not None:
            k.dibaca.add(alias)
        return alias

    def db_for_write(self, model, **hints) -> str:
        k = _keadaan.get()
        if k is not None:
            k.ditulis = True
        return UTAMA

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, **hints) -> bool | None:
        return False if db == ALIAS else None  # a replica is changed only by streaming from the primary


def _baru_menulis(request: HttpRequest) -> bool:
    """Did this user write less than REPLIKA_JEDA_DETIK seconds ago (the cookie holds until when)?"""
    try:
        return float(request.COOKIES.get(COOKIE, "0")) > time.time()
    except ValueError:
        return False


class ReplikaMiddleware:
    """Marks report and list GETs as replica reads and carries read-your-writes between requests.
    After AuthenticationMiddleware; raises MiddlewareNotUsed without a replica."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        if not ada_replika():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        k = _Keadaan(primer=request.method not in _METODE_BACA or _baru_menulis(request))
        token = _keadaan.set(k)
        try:
            response = self.get_response(request)
        finally:
            _keadaan.reset(token)
        berhasil_tulis = request.method not in _METODE_BACA and response.status_code < 400
        if k.ditulis or berhasil_tulis:
            jeda = settings.REPLIKA_JEDA_DETIK
            response.set_cookie(
                COOKIE,
                str(int(time.time()) + jeda),
                max_age=jeda,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        if ALIAS in k.dibaca:
            logger.debug("%s %s dibaca dari replika", request.method, request.path)
        if settings.REPLIKA_TANDA:
            response.headers[HEADER] = ",".join(sorted(k.dibaca)) or "-"
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        k = _keadaan.get()
        match = request.resolver_match
        if k is not None and match is not None and request.method in _METODE_BACA:
            k.boleh_replika = match.view_name in settings.REPLIKA_HALAMAN
