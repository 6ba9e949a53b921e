"""Logging filters (wired in settings.LOGGING): one event, one line.

- `RingkasGalatKlien`: a refused request (4xx: 403 PermissionDenied from `django.request`, 400
  SuspiciousOperation from `django.security.*`) is logged by Django with the exception's traceback;
  a refusal is not a bug, so the record keeps its one line ("Forbidden (Permission denied): /path")
  and loses the traceback. 5xx records keep theirs.
- `AbaikanGangguanBasisData`: drops Django's own "Internal Server Error" record for a request that
  `inti.middleware.GangguanBasisDataMiddleware` answers with 503 (it logs the one warning line).

Stdlib only: settings load this module before the apps are ready.
"""

import logging

# Attribute the middleware sets on a request whose database was out of reach (see inti.middleware).
PENANDA_GANGGUAN = "_inti_gangguan_basis_data"


class RingkasGalatKlien(logging.Filter):
    """Strip the traceback from records about a 4xx response (they carry `status_code`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500 and record.exc_info:
            record.exc_info = None
            record.exc_text = None
        return True


class AbaikanGangguanBasisData(logging.Filter):
    """Drop `django.request` records about a request marked as a database outage (the middleware
    logs that request once, on its own logger)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("django.request"):
            return True
        request = getattr(record, "request", None)
        return getattr(request, PENANDA_GANGGUAN, None) is None
