"""Where uploads are stored: under a random name, never the name the user gave.

Uploaded files (attachments, requests' letters, training certificates, decrees) are private: they are
served only through views that check permission, never from MEDIA_URL. A stored name taken from the
upload would still give something away (an employee's name in "sk_budi_santoso.pdf", a guessable
"penugasan-12.pdf") to anyone who sees a path in a backup, a log or an error report, and two uploads
with one name would be told apart only by Django's suffix. So the default storage keeps the folder
that `upload_to` asks for and the (lower-case) extension, and replaces the name with a random token.
The name the user gave is kept on the model (`nama_asli`, `bukti_nama`) and used for downloads.
"""

import os
import re
import secrets

from django.core.files.storage import FileSystemStorage

_EKSTENSI = re.compile(r"^\.[a-z0-9]{1,8}$")


def nama_acak(nama: str) -> str:
    """`folder/anything.PDF` -> `folder/<random token>.pdf` (an odd or missing extension is dropped)."""
    folder, dasar = os.path.split(nama)
    ekstensi = os.path.splitext(dasar)[1].lower()
    if not _EKSTENSI.match(ekstensi):
        ekstensi = ""
    return os.path.join(folder, f"{secrets.token_urlsafe(24)}{ekstensi}")


class NamaAcakMixin:
    """Any Django storage that stores every new file under a random name (see the module docstring):
    the file system here, S3-compatible object storage in inti.berkas_s3 (STORAGE_URL)."""

    def generate_filename(self, filename: str) -> str:
        """What a FileField asks for on upload (after `upload_to`); a path saved directly (a backup
        being restored, say) keeps its name."""
        return super().generate_filename(nama_acak(filename))


class PenyimpananPrivat(NamaAcakMixin, FileSystemStorage):
    """FileSystemStorage under MEDIA_ROOT, every new file under a random name (the default storage)."""
