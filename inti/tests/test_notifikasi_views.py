"""The notice centre's pages: the bell, the list, following a notice, "mark all read", the settings."""

import pytest
from django.urls import reverse
from django.utils import timezone

from inti.notifikasi import jenis_daftarkan
from inti.notifikasi.models import Notifikasi, PreferensiNotifikasi, Saluran

pytestmark = pytest.mark.django_db
LOGIN = reverse("login")
DAFTAR = reverse("notifikasi:daftar")


@pytest.fixture(autouse=True)
def _jenis():
    jenis_daftarkan("uji.contoh", "Contoh pemberitahuan")


def _n(pegawai, judul="Usulan menunggu Anda", tautan="/mutasi/", dibaca=False):
    return Notifikasi.objects.create(
        penerima=pegawai.akun,
        jenis="uji.contoh",
        judul=judul,
        tautan=tautan,
        dibaca_pada=timezone.now() if dibaca else None,
    )


@pytest.mark.parametrize(
    "url",
    [
        DAFTAR,
        reverse("notifikasi:preferensi"),
        reverse("notifikasi:tandai_semua"),
        reverse("notifikasi:buka", args=[1]),
    ],
)
def test_anonymous_goes_to_login(clients, url):
    r = clients["anon"].get(url)
    assert r.status_code == 302 and r["Location"].startswith(LOGIN)


@pytest.mark.parametrize("peran", ["hr", "ppk", "kepala", "anggota"])
def test_bell_shows_the_unread_count_for_every_role(clients, org, peran):
    p = getattr(org, peran)
    _n(p)
    _n(p, judul="Kedua")
    _n(p, dibaca=True)
    _n(org.orang_luar)
    html = clients[peran].get(reverse("beranda")).content.decode()
    assert 'id="lonceng"' in html
    assert 'id="badge-notifikasi">2<' in html


def test_bell_costs_one_query(clients, org, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        clients["anggota"].get(reverse("pegawai:profil_saya"))
    hitung = [q["sql"] for q in ctx.captured_queries if "inti_notifikasi" in q["sql"]]
    assert len(hitung) == 1 and "COUNT" in hitung[0].upper()


def test_list_shows_unread_then_all_only_ones_own(clients, org):
    _n(org.anggota, judul="Belum dibaca")
    _n(org.anggota, judul="Sudah dibaca", dibaca=True)
    _n(org.orang_luar, judul="Milik orang lain")
    html = clients["anggota"].get(DAFTAR).content.decode()
    assert "Belum dibaca" in html and "Sudah dibaca" not in html and "Milik orang lain" not in html
    html = clients["anggota"].get(DAFTAR, {"tampil": "semua"}).content.decode()
    assert "Belum dibaca" in html and "Sudah dibaca" in html and "Milik orang lain" not in html


def test_list_empty_state_and_paging(clients, org):
    html = clients["anggota"].get(DAFTAR).content.decode()
    assert "Tidak ada pemberitahuan yang belum dibaca." in html
    for i in range(30):
        _n(org.anggota, judul=f"Pemberitahuan {i}")
    r = clients["anggota"].get(DAFTAR)
    assert len(r.context["page"].object_list) == 25
    assert len(clients["anggota"].get(DAFTAR, {"page": 2}).context["page"].object_list) == 5


def test_following_marks_read_and_goes_to_the_page(clients, org):
    n = _n(org.anggota, tautan="/pelatihan/saya/")
    r = clients["anggota"].get(reverse("notifikasi:buka", args=[n.pk]))
    assert r.status_code == 302 and r["Location"] == "/pelatihan/saya/"
    n.refresh_from_db()
    assert n.dibaca_pada is not None


def test_other_users_notice_is_404_and_stays_unread(clients, org):
    n = _n(org.orang_luar)
    assert clients["anggota"].get(reverse("notifikasi:buka", args=[n.pk])).status_code == 404
    n.refresh_from_db()
    assert n.dibaca_pada is None


@pytest.mark.parametrize(
    "tautan", ["https://jahat.example.com/", "//jahat.example.com/", "/\\jahat.example.com", "javascript:alert(1)"]
)
def test_no_open_redirect(clients, org, tautan):
    n = _n(org.anggota, tautan=tautan)  # written straight to the table, past beri_tahu's own check
    r = clients["anggota"].get(reverse("notifikasi:buka", args=[n.pk]))
    assert r.status_code == 302 and r["Location"] == DAFTAR


def test_mark_all_read_is_post_only_and_only_ones_own(clients, org):
    _n(org.anggota)
    _n(org.anggota)
    lain = _n(org.orang_luar)
    assert clients["anggota"].get(reverse("notifikasi:tandai_semua")).status_code == 405
    r = clients["anggota"].post(reverse("notifikasi:tandai_semua"))
    assert r.status_code == 302
    assert not Notifikasi.objects.filter(penerima=org.anggota.akun, dibaca_pada__isnull=True).exists()
    lain.refresh_from_db()
    assert lain.dibaca_pada is None


def test_settings_page_saves_each_kind(clients, org, settings):
    settings.WA_AKTIF = False
    url = reverse("notifikasi:preferensi")
    html = clients["anggota"].get(url).content.decode()
    assert "Contoh pemberitahuan" in html and 'value="wa"' not in html
    r = clients["anggota"].post(url, {"uji.contoh": Saluran.RINGKASAN})
    assert r.status_code == 302
    assert PreferensiNotifikasi.objects.get(user=org.anggota.akun, jenis="uji.contoh").saluran == Saluran.RINGKASAN
    # WhatsApp is offered only when it is switched on.
    assert clients["anggota"].post(url, {"uji.contoh": Saluran.WA}).status_code == 200
    settings.WA_AKTIF = True
    assert 'value="wa"' in clients["anggota"].get(url).content.decode()
    assert clients["anggota"].post(url, {"uji.contoh": Saluran.WA}).status_code == 302
    assert PreferensiNotifikasi.objects.get(user=org.anggota.akun, jenis="uji.contoh").saluran == Saluran.WA
