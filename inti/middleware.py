"""The database is out of reach: answer 503 with our own page, log one line, recover by itself.

`GangguanBasisDataMiddleware` sits in MIDDLEWARE after WhiteNoise and before the session
middleware. A database error that means "cannot reach the database now" (`adalah_gangguan_basis_data`)
raised while a request is handled becomes:

- HTTP 503 with `Retry-After` (settings.GANGGUAN_RETRY_AFTER_DETIK, 30 s by default) and
  `templates/503.html`, rendered without a request context (no context processor, no query);
- ONE warning line on the `inti.gangguan` logger, without a traceback (an outage is an operations
  event, not a bug; a hundred tracebacks per minute would hide the one line that matters).

Two paths lead here:

1. the view, the templates it renders and their context processors, and the lazy `request.user`
   and `request.session` they touch: Django hands the exception to `process_exception`;
2. a middleware inside this one (the session saved after the view, the message storage, a lockout
   middleware): Django has already turned the exception into a 500 response before it reaches us.
   A `got_request_exception` receiver marks the request with the exception, and `__call__` turns
   that 500 into the 503 in place (the headers the inner middleware set, CSP included, are kept);
   `inti.logging.AbaikanGangguanBasisData` drops Django's own 500 record for a marked request.

Nothing is kept between requests: Django opens a new connection on the next request (the old one is
closed by `close_old_connections` once it failed), so the site is back as soon as the database is.
"""

import logging
import sqlite3
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import utils as db_utils
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP, build_policy

from .logging import PENANDA_GANGGUAN as PENANDA

logger = logging.getLogger("inti.gangguan")

RETRY_AFTER_BAWAAN = 30

try:  # the driver's own classes, in case one escapes Django's wrapper (e.g. from a pool)
    import psycopg

    _KELAS_DRIVER: tuple[type[BaseException], ...] = (psycopg.OperationalError, psycopg.InterfaceError)
except ImportError:  # pragma: no cover - psycopg is in requirements.txt
    _KELAS_DRIVER = ()

_KELAS = (db_utils.OperationalError, db_utils.InterfaceError, *_KELAS_DRIVER)

# SQLite reports some programming errors as OperationalError too: those are bugs, not outages.
_SQLITE_BUKAN_GANGGUAN = ("no such table", "no such column", "syntax error", "has no column")


def adalah_gangguan_basis_data(exc: BaseException | None) -> bool:
    """Whether `exc` means the database cannot be used right now (connection refused or lost,
    server shutting down, pool exhausted, a lock or statement timeout): worth a retry later."""
    if not isinstance(exc, _KELAS):
        return False
    asal = exc.__cause__ if exc.__cause__ is not None else exc
    if isinstance(asal, sqlite3.OperationalError):
        pesan = str(asal).lower()
        return not any(p in pesan for p in _SQLITE_BUKAN_GANGGUAN)
    return True


def retry_after_detik() -> int:
    return int(getattr(settings, "GANGGUAN_RETRY_AFTER_DETIK", RETRY_AFTER_BAWAAN))


def _ringkas(exc: BaseException) -> str:
    baris = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {baris[0] if baris else ''}"[:300]


def _aman(teks: str) -> str:
    # No line breaks from a URL or an error message in the log (one event, one line).
    return teks.encode("unicode_escape").decode("ascii")


def _catat(request, exc: BaseException) -> None:
    logger.warning(
        "Basis data tidak terjangkau: %s %s dijawab 503 (%s)",
        request.method,
        _aman(request.path),
        _aman(_ringkas(exc)),
        extra={"status_code": 503, "request": request},
    )


def _isi_halaman() -> str:
    # A plain render: no request, so no context processor (they query the database).
    return loader.get_template("503.html").render({"retry_after": retry_after_detik()})


def _jadikan_503(response, request, exc: BaseException):
    if getattr(response, "streaming", False):
        response = HttpResponse()
    response.status_code = 503
    response.content = _isi_halaman()
    if response.has_header("Content-Length"):  # set by CommonMiddleware for the 500 page
        response["Content-Length"] = str(len(response.content))
    response["Content-Type"] = "text/html; charset=utf-8"
    response["Retry-After"] = str(retry_after_detik())
    add_never_cache_headers(response)
    # On path 2 the 500 was made outside the CSP and clickjacking middleware: add their headers.
    if settings.SECURE_CSP and CSP.HEADER_ENFORCE not in response:
        response[CSP.HEADER_ENFORCE] = build_policy(settings.SECURE_CSP)
    response.headers.setdefault("X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS", "DENY"))
    _catat(request, exc)
    # Django's handler logs every response >= 400 once more ("Service Unavailable: /path"): the
    # warning above is the one line.
    response._has_been_logged = True
    return response


def _tandai(sender, request=None, **kwargs) -> None:
    """Receiver of `got_request_exception` (sent while the exception is being handled)."""
    exc = sys.exc_info()[1]
    if request is not None and adalah_gangguan_basis_data(exc):
        setattr(request, PENANDA, exc)


got_request_exception.connect(_tandai, dispatch_uid="inti.middleware.tandai_gangguan_basis_data")


class GangguanBasisDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        exc = getattr(request, PENANDA, None)
        if exc is not None and response.status_code >= 500 and response.status_code != 503:
            # An inner middleware failed (path 2): Django answered 500 and logged it; make it the 503.
            return _jadikan_503(response, request, exc)
        return response

    def process_exception(self, request, exception):
        if not adalah_gangguan_basis_data(exception):
            return None
        return _jadikan_503(HttpResponse(), request, exception)
