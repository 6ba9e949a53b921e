"""Small helpers the views share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse

from pegawai.services.pegawai import LayananError


def jalankan(request, fungsi, sukses: str = "") -> bool:
    """Run a service; a refusal becomes an error message. True on success."""
    try:
        fungsi()
    except LayananError as exc:
        messages.error(request, str(exc))
        return False
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    if sukses:
        messages.success(request, sukses)
    return True


def pdf_response(isi: bytes, nama: str, *, unduh: bool = False) -> HttpResponse:
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'{"attachment" if unduh else "inline"}; filename="{nama}"'
    return resp
