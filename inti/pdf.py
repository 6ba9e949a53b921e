"""HTML to PDF (WeasyPrint), the one way the project renders a document: the decree, the notice, the
DUK.

The documents carry everything they show: the styles are inline, the QR code is a `data:` URI and the
fonts are the system's. So the fetcher reads `data:` URIs and nothing else: a template, or a value
someone typed that reached one, can never make the server open a connection or read a local file
while it renders. It is also cheaper: WeasyPrint's default fetcher loads the system's certificate
store for every document (about 40 ms each), for HTTPS requests a document here never makes."""

from __future__ import annotations

import ssl
from functools import cache

from django.conf import settings

SKEMA_BOLEH = frozenset({"data"})


@cache
def _konteks_ssl() -> ssl.SSLContext:
    # Never used for a request (only data: is allowed); given so the fetcher does not build one per document.
    return ssl.create_default_context()


def pdf_dari_html(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=SKEMA_BOLEH, ssl_context=_konteks_ssl(), allow_redirects=False)
    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher).write_pdf()
