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
