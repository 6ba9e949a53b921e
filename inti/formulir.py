"""The usual end of a form page: a valid POST is saved through a service, a refusal lands on the
form next to what the user typed, success shows a message and redirects."""

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
