"""Error pages are the app's own, in Indonesian, not Django's bare ones."""

from django.test import Client


def test_404_page_is_ours(clients):
    response = clients["hr"].get("/pegawai/999999/")
    assert response.status_code == 404
    assert "Halaman atau data tidak ditemukan" in response.content.decode()


def test_403_page_is_ours(clients):
    response = clients["anggota"].get("/pegawai/")
    assert response.status_code == 403
    assert "Anda tidak berwenang" in response.content.decode()


def test_500_page_needs_no_context(db):
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Terjadi kesalahan pada server" in html


def test_unknown_url_for_anonymous_is_a_404_page():
    response = Client().get("/tidak-ada/")
    assert response.status_code == 404
    assert "tidak ditemukan" in response.content.decode()
