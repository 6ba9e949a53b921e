"""pelatihan.akses: the one-object rules agree with the selectors' list rules for every role, and
the pages show a button exactly to whoever may use it."""

import pytest
from django.urls import reverse

from mutasi.models import StatusUsulan
from pelatihan import akses
from pelatihan.models import StatusPenugasan
from pelatihan.selectors import adaptasi_terlihat, penugasan_terlihat
from pelatihan.tests.factories import penugasan_buat

PERAN = ["hr", "ppk", "kepala", "anggota", "orang_luar", "kepala_tujuan", "mentor"]


def _user(dp, peran):
    orang = getattr(dp, peran, None) or getattr(dp.org, peran)
    return orang.akun


@pytest.fixture
def dunia(dp):
    """Assignments of several kinds, and a decided transfer with a mentor (plus one without)."""
    from pelatihan import services

    penugasan = [
        penugasan_buat(dp.org.anggota, dp.p_dasar, usulan=dp.u),
        penugasan_buat(dp.org.anggota, dp.p_data, status=StatusPenugasan.SELESAI),
        penugasan_buat(dp.org.orang_luar, dp.p_prima),
        penugasan_buat(dp.org.kepala, dp.p_lain),
        penugasan_buat(dp.mentor, dp.p_prima),
    ]
    services.pendampingan_tetapkan(usulan=dp.u, mentor=dp.mentor, oleh=dp.org.hr.akun)
    usulan = [dp.u, dp.usulan(pegawai=dp.org.orang_luar, status=StatusUsulan.SK_TERBIT)]
    return penugasan, usulan


@pytest.mark.parametrize("peran", PERAN)
def test_boleh_lihat_penugasan_sama_dengan_daftar(dp, dunia, peran):
    user = _user(dp, peran)
    terlihat = set(penugasan_terlihat(user).values_list("pk", flat=True))
    for t in dunia[0]:
        assert akses.boleh_lihat_penugasan(user, t) is (t.pk in terlihat), (peran, t)


@pytest.mark.parametrize("peran", PERAN)
def test_boleh_lihat_adaptasi_sama_dengan_daftar(dp, dunia, peran):
    user = _user(dp, peran)
    terlihat = set(adaptasi_terlihat(user).values_list("pk", flat=True))
    for u in dunia[1]:
        assert akses.boleh_lihat_adaptasi(user, u) is (u.pk in terlihat), (peran, u)


def test_tak_seorang_pun_mengelola_penugasannya_sendiri(dp):
    sendiri = penugasan_buat(dp.org.hr, dp.p_data)
    assert not akses.boleh_verifikasi_penugasan(dp.org.hr.akun, sendiri)
    assert not akses.boleh_kelola_penugasan(dp.org.hr.akun, sendiri)
    assert akses.boleh_kerjakan_penugasan(dp.org.hr.akun, sendiri)
    assert not akses.boleh_menugaskan(dp.org.hr.akun, dp.org.hr)
    assert not akses.boleh_kelola_adaptasi(dp.kepala_tujuan.akun, dp.usulan(pegawai=dp.kepala_tujuan))


def test_tombol_katalog_hanya_untuk_hr(c, dp):
    for peran, tampil in [("hr", True), ("kepala", False), ("anggota", False)]:
        html = c[peran].get(reverse("pelatihan:katalog_detail", args=[dp.p_prima.pk])).content.decode()
        assert (reverse("pelatihan:katalog_ubah", args=[dp.p_prima.pk]) in html) is tampil, peran
        assert (f"{reverse('pelatihan:penugasan_baru')}?pelatihan=" in html) is (peran != "anggota"), peran


def test_tombol_tugaskan_di_halaman_jp_bukan_untuk_diri_sendiri(c, dp):
    html = c["kepala"].get(reverse("pelatihan:jp")).content.decode()
    assert f"?pegawai={dp.org.anggota.pk}" in html
    assert f"?pegawai={dp.org.kepala.pk}" not in html


def test_tautan_penugasan_di_panel_usulan_hanya_bila_terlihat(c, dp):
    t = penugasan_buat(dp.org.anggota, dp.p_dasar, usulan=dp.u)
    detail = reverse("pelatihan:penugasan_detail", args=[t.pk])
    url = reverse("mutasi:detail", args=[dp.u.pk])
    for peran in ("hr", "kepala_tujuan", "anggota"):
        assert detail in c[peran].get(url).content.decode(), peran
