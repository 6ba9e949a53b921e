from django.urls import reverse


def test_a_post_with_a_nul_character_is_refused_before_any_view(clients, org):
    response = clients["hr"].post(reverse("pegawai:ubah", args=[org.anggota.pk]), {"nama": "Budi\x00"})
    assert response.status_code == 400
    org.anggota.refresh_from_db()
    assert "\x00" not in org.anggota.nama


def test_ordinary_posts_pass(clients):
    response = clients["hr"].post(reverse("logout"))
    assert response.status_code == 302
