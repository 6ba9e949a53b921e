"""Small helpers the views share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.utils.translation import gettext as _

from inti.galat import LayananError


def id_aman(teks: str | None) -> int | None:
    """An id from user input: ASCII digits that fit a 64-bit key, else None. (`"²".isdigit()` is
    True but `int("²")` raises; a 20-digit number overflows SQLite.)"""
    teks = (teks or "").strip()
    if teks.isascii() and teks.isdigit() and 0 < len(teks) <= 18:
        return int(teks)
    return None


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


def berkas_response(berkas, *, tipe: str, nama: str) -> FileResponse:
    """An uploaded file, or 404 when it is gone from storage (never a 500)."""
    try:
        isi = berkas.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("Berkas tidak ditemukan.")) from exc
    return FileResponse(isi, content_type=tipe, filename=nama)
