"""Attachment checks shared by proposals and requests: the type is read from the file's first
bytes (not its name or the browser's claim), the name's extension must agree with it (no
`laporan.pdf.exe`, no executable renamed `.pdf`), and the size is capped by UPLOAD_MAX_MB."""

import os

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from . import AlurError

TANDA = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
]
EKSTENSI = {"application/pdf": {".pdf"}, "image/png": {".png"}, "image/jpeg": {".jpg", ".jpeg"}}


def berkas_periksa(berkas: UploadedFile) -> str:
    """The file's real content type; AlurError if it is not a PDF/PNG/JPEG or too large."""
    batas = settings.UPLOAD_MAX_MB * 1024 * 1024
    if berkas.size > batas:
        raise AlurError(
            _('Berkas "%(nama)s" terlalu besar (%(mb).1f MB); maksimal %(max)d MB.')
            % {"nama": berkas.name, "mb": berkas.size / 1024 / 1024, "max": settings.UPLOAD_MAX_MB}
        )
    berkas.seek(0)
    kepala = berkas.read(16)
    berkas.seek(0)
    for tanda, tipe in TANDA:
        if kepala.startswith(tanda):
            ekstensi = os.path.splitext(berkas.name or "")[1].lower()
            if ekstensi not in EKSTENSI[tipe]:
                raise AlurError(
                    _('Nama berkas "%(nama)s" tidak sesuai isinya (%(tipe)s).') % {"nama": berkas.name, "tipe": tipe}
                )
            return tipe
    raise AlurError(_('Berkas "%(nama)s" bukan PDF, PNG atau JPEG.') % {"nama": berkas.name})
