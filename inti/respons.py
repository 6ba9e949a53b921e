"""The responses that send a file: a PDF the app made or read, an uploaded file from storage."""

from django.http import FileResponse, Http404, HttpResponse
from django.utils.translation import gettext as _


def pdf_response(isi: bytes, nama: str, *, unduh: bool = False) -> HttpResponse:
    """A PDF made or read by the app, shown in the browser (`unduh`: saved as a file)."""
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
