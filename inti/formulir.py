"""How a view runs a service and shows its refusal (a `LayananError` or `ValidationError`):
- a form page, `simpan_form`: a valid POST is saved through a service, a refusal lands on the form
  next to what the user typed, success shows a message and redirects;
- a button on an object's page, `jalankan`: a refusal becomes an error message, success a message;
  `jalankan_dari_form` the same for a small form posted from that page, `jalankan_form` for a form
  shown again with the refusal as its error."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .galat import LayananError


def tambah_galat(form: forms.BaseForm, error: Exception) -> None:
    """A refusal from a service lands on the form: a ValidationError per field (when the form has
    the field), anything else as the form's own error."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errs in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))


def simpan_form(
    request: HttpRequest,
    form: forms.BaseForm,
    simpan: Callable[[dict[str, Any]], Any],
    sukses: str | Callable[[Any], str],
    ke: str | Callable[[Any], str],
) -> HttpResponse | None:
    """For a valid POST, `simpan(form.cleaned_data)`: a refusal goes onto the form (`tambah_galat`);
    success shows `sukses` and redirects to `ke` (a URL or URL name). Either may be a function of what
    `simpan` returned. None when the form page is to be shown (again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        hasil = simpan(form.cleaned_data)
    except (ValidationError, LayananError) as e:
        tambah_galat(form, e)
        return None
    messages.success(request, sukses(hasil) if callable(sukses) else sukses)
    return redirect(ke(hasil) if callable(ke) else ke)


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
