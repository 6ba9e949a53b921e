"""Small helpers the views share."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.galat import LayananError

from ..selectors import usulan_ambil
from ..services import AlurError
from ..services.dokumen import baca, sha256_hex


def id_aman(teks: str | None) -> int | None:
    """An id from user input: ASCII digits that fit a 64-bit key, else None. (`"²".isdigit()` is
    True but `int("²")` raises; a 20-digit number overflows SQLite.)"""
    teks = (teks or "").strip()
    if teks.isascii() and teks.isdigit() and 0 < len(teks) <= 18:
        return int(teks)
    return None


def _pesan_galat(exc: Exception) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


def jalankan(request: HttpRequest, fungsi: Callable[[], Any], sukses: str = "") -> bool:
    """Run a service; a refusal becomes an error message. True on success."""
    try:
        fungsi()
    except (LayananError, ValidationError) as exc:
        messages.error(request, _pesan_galat(exc))
        return False
    if sukses:
        messages.success(request, sukses)
    return True


def jalankan_form(form: forms.Form, fungsi: Callable[[], Any]) -> bool:
    """Run a service for a form; a refusal becomes the form's error (what was typed is kept)."""
    try:
        fungsi()
    except (LayananError, ValidationError) as exc:
        form.add_error(None, _pesan_galat(exc))
        return False
    return True


def jalankan_dari_form(
    request: HttpRequest,
    form: forms.Form,
    fungsi: Callable[[dict[str, Any]], Any],
    sukses: str = "",
    *,
    galat: str = "",
    awalan: str = "",
) -> bool:
    """Run `fungsi(form.cleaned_data)` for a valid posted form, like `jalankan`. An invalid form
    becomes an error message: `galat`, or the form's own errors after `awalan`."""
    if not form.is_valid():
        messages.error(request, galat or awalan + " ".join(m for e in form.errors.values() for m in e))
        return False
    return jalankan(request, lambda: fungsi(form.cleaned_data), sukses)


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


def pdf_response(isi: bytes, nama: str, *, unduh: bool = False) -> HttpResponse:
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'{"attachment" if unduh else "inline"}; filename="{nama}"'
    return resp


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


def berkas_response(berkas, *, tipe: str, nama: str) -> FileResponse:
    """An uploaded file, or 404 when it is gone from storage (never a 500)."""
    try:
        isi = berkas.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("Berkas tidak ditemukan.")) from exc
    return FileResponse(isi, content_type=tipe, filename=nama)


def unduh_view(ambil: Callable[[Any, int], Any]) -> Callable[..., FileResponse]:
    """The download view of an uploaded file (an attachment or document with `berkas`, `tipe` and
    `nama_asli`); `ambil(user, pk)` gives the one the user may see, or raises 404."""

    @login_required
    def view(request: HttpRequest, pk: int) -> FileResponse:
        obj = ambil(request.user, pk)
        return berkas_response(obj.berkas, tipe=obj.tipe, nama=obj.nama_asli)

    return view
