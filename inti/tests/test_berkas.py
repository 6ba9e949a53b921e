"""Uploads are stored under random names that keep only the folder and a plain extension."""

import re

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from inti.berkas import PenyimpananPrivat, nama_acak

ACAK = r"[A-Za-z0-9_-]{32}"


def test_nama_acak_keeps_folder_and_lower_case_extension():
    assert re.fullmatch(
        rf"mutasi/lampiran/2026/12/{ACAK}\.pdf", nama_acak("mutasi/lampiran/2026/12/SK Budi Santoso.PDF")
    )


def test_nama_acak_drops_an_odd_or_missing_extension():
    assert re.fullmatch(rf"a/{ACAK}", nama_acak("a/surat"))
    assert re.fullmatch(rf"a/{ACAK}", nama_acak("a/surat.p d f"))
    assert re.fullmatch(rf"a/{ACAK}", nama_acak("a/x.<script>"))


def test_two_uploads_with_one_name_get_different_unrelated_names():
    assert nama_acak("a/b.pdf") != nama_acak("a/b.pdf")


def test_default_storage_stores_under_a_random_name(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert isinstance(default_storage, PenyimpananPrivat)
    nama = default_storage.save(
        default_storage.generate_filename("pelatihan/bukti/penugasan-12.pdf"), ContentFile(b"%PDF-1.4")
    )
    assert re.fullmatch(rf"pelatihan/bukti/{ACAK}\.pdf", nama)
    assert "penugasan" not in nama
    assert (tmp_path / nama).read_bytes() == b"%PDF-1.4"
