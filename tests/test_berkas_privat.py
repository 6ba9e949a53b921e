"""Uploads are never served without the permission check, whatever DEBUG says (issue 14, item 6)."""

import importlib

import pytest
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, resolve


@pytest.mark.parametrize("debug", [False, True])
def test_media_url_is_not_served_by_any_route(debug, settings):
    import config.urls

    with override_settings(DEBUG=debug):
        importlib.reload(config.urls)
        clear_url_caches()
        try:
            with pytest.raises(Resolver404):
                resolve("/" + settings.MEDIA_URL.lstrip("/") + "pelatihan/bukti/2026/12/penugasan-110.pdf")
        finally:
            importlib.reload(config.urls)
            clear_url_caches()


@override_settings(DEBUG=True)
def test_anonymous_request_for_an_upload_gets_nothing(client, settings, tmp_path):
    berkas = tmp_path / "media" / "pelatihan" / "bukti" / "2026" / "12" / "penugasan-110.pdf"
    berkas.parent.mkdir(parents=True)
    berkas.write_bytes(b"%PDF-1.4 rahasia")
    r = client.get("/" + settings.MEDIA_URL.lstrip("/") + "pelatihan/bukti/2026/12/penugasan-110.pdf")
    assert r.status_code in (302, 404)
    assert b"rahasia" not in b"".join(getattr(r, "streaming_content", [r.content]))


def test_attachment_is_stored_under_a_random_name_and_downloads_under_its_own(org, clients, settings, tmp_path):
    """The stored path of an attachment gives nothing away; the download keeps the name the user gave."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from mutasi.models import StatusUsulan
    from mutasi.services.usulan import lampiran_tambah
    from mutasi.tests.helpers import Dunia

    settings.MEDIA_ROOT = tmp_path
    u = Dunia(org).sampai(StatusUsulan.DIAJUKAN)
    berkas = SimpleUploadedFile("Anjab Budi Santoso.PDF", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    lampiran = lampiran_tambah(oleh=org.hr.akun, usulan=u, berkas=berkas, jenis="ANJAB_ABK")
    assert "Budi" not in lampiran.berkas.name and "Anjab" not in lampiran.berkas.name
    assert lampiran.berkas.name.startswith("mutasi/lampiran/") and lampiran.berkas.name.endswith(".pdf")
    r = clients["hr"].get(reverse("mutasi:lampiran_unduh", args=[lampiran.pk]))
    assert r.status_code == 200
    assert "Anjab Budi Santoso.PDF" in r["Content-Disposition"]
