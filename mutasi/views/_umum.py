"""Small helpers the views share."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from inti.respons import berkas_response, pdf_response

from ..selectors import usulan_ambil
from ..services import AlurError
from ..services.dokumen import baca, sha256_hex


def aksi_usulan(fungsi: Callable[..., HttpResponse | None]) -> Callable[..., HttpResponse]:
    """A POST action on one proposal: signed-in users only; `fungsi(request, usulan, **url_kwargs)` gets
    the proposal through `usulan_ambil` (404 for whoever may not see it) and may return a response;
    by default the user is sent back to the proposal's page."""

    @require_POST
    @login_required
    @wraps(fungsi)
    def view(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        u = usulan_ambil(request.user, pk)
        return fungsi(request, u, **kwargs) or redirect("mutasi:detail", u.pk)

    return view


def aksi_berkas(ambil: Callable[[Any, int], Any]) -> Callable[..., Callable[..., HttpResponse]]:
    """A POST action on one file of a proposal (an attachment or a required document), like
    `aksi_usulan`: `ambil(user, pk)` gives the file the user may see (or 404), `fungsi(request, obj)`
    acts on it, and the user goes back to its proposal's page."""

    def hias(fungsi: Callable[[HttpRequest, Any], None]) -> Callable[..., HttpResponse]:
        @require_POST
        @login_required
        @wraps(fungsi)
        def view(request: HttpRequest, pk: int) -> HttpResponse:
            obj = ambil(request.user, pk)
            fungsi(request, obj)
            return redirect("mutasi:detail", obj.usulan_id)

        return view

    return hias


def pdf_tersimpan_response(dokumen: Any, nama: str) -> HttpResponse:
    """A signed decree or notice: exactly its stored file (checked by `baca`), with its SHA-256 in
    a header; 404 when the file is gone or no longer matches."""
    try:
        isi = baca(dokumen)
    except AlurError as exc:
        raise Http404(str(exc)) from exc
    resp = pdf_response(isi, nama)
    resp["X-Content-SHA256"] = sha256_hex(isi)
    return resp


def unduh_view(ambil: Callable[[Any, int], Any]) -> Callable[..., FileResponse]:
    """The download view of an uploaded file (an attachment or document with `berkas`, `tipe` and
    `nama_asli`); `ambil(user, pk)` gives the one the user may see, or raises 404."""

    @login_required
    def view(request: HttpRequest, pk: int) -> FileResponse:
        obj = ambil(request.user, pk)
        return berkas_response(obj.berkas, tipe=obj.tipe, nama=obj.nama_asli)

    return view
