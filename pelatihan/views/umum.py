"""Small helpers the training views share."""

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect

PER_HALAMAN = 25


def urut_dari(request: HttpRequest, bawaan: str, kunci) -> str:
    """The `urut` parameter when it names a known key (optionally reversed with "-"), else `bawaan`."""
    urut = request.GET.get("urut") or bawaan
    return urut if urut.lstrip("-") in kunci else bawaan


def galat_form(form) -> str:
    return " ".join(str(m) for e in form.errors.values() for m in e)


def kembali(request: HttpRequest, bawaan: str) -> HttpResponseRedirect:
    """Back to where the user came from when it is one of our pages, else `bawaan`."""
    lanjut = request.POST.get("lanjut", "")
    if lanjut.startswith("/pelatihan/") and "//" not in lanjut:
        return redirect(lanjut)
    return redirect(bawaan)
