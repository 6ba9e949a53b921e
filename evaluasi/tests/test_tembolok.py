"""City-wide figures are cached (`inti.tembolok`): the second request costs fewer queries, and a
write that changes a figure shows on the next request (the version key is bumped)."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluasi.services.jadwal import evaluasi_jadwalkan
from evaluasi.tests.factories import usulan_buat
from mutasi.models import StatusUsulan
from pegawai.tests.factories import pegawai_di

pytestmark = pytest.mark.django_db


def _dua_kali(client, url):
    """Queries of a cold and of a warm request."""
    cache.clear()
    client.get(url)  # roles, session: the same on both
    cache.clear()
    with CaptureQueriesContext(connection) as dingin:
        r1 = client.get(url)
    with CaptureQueriesContext(connection) as hangat:
        r2 = client.get(url)
    assert r1.status_code == r2.status_code == 200
    return len(dingin), len(hangat), r2


@pytest.mark.parametrize("peran", ["hr", "ppk"])
def test_dasbor_lebih_murah_kedua_kali_dan_segar_setelah_perubahan(org, clients, hari_ini, peran):
    usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini, status=StatusUsulan.DIAJUKAN)
    dingin, hangat, r = _dua_kali(clients[peran], reverse("beranda"))
    assert hangat < dingin
    assert r.context["pimpinan"].berjalan == 1
    usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini, status=StatusUsulan.DIAJUKAN)
    assert clients[peran].get(reverse("beranda")).context["pimpinan"].berjalan == 2
    # an overdue review appears at once too
    u = usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=100))
    evaluasi_jadwalkan(usulan=u)
    assert clients[peran].get(reverse("beranda")).context["pimpinan"].evaluasi_terlambat_n == 1


def test_laporan_dampak_tembolok_dan_segar(org, clients, hari_ini):
    usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=60))
    url = reverse("evaluasi:laporan")
    dingin, hangat, r = _dua_kali(clients["hr"], url)
    assert hangat < dingin
    assert r.context["laporan"].total.jumlah == 1
    usulan_buat(pegawai_di(org.lain), tujuan_unit=org.unit, tmt=hari_ini - timedelta(days=30))
    assert clients["hr"].get(url).context["laporan"].total.jumlah == 2
    # each filter has its own figures
    r = clients["hr"].get(url, {"opd": org.unit.pk})
    assert r.status_code == 200 and r.context["laporan"].total.jumlah == 2


def test_ikhtisar_abk_tembolok_dan_segar(org, clients):
    url = reverse("abk:ikhtisar")
    dingin, hangat, r = _dua_kali(clients["hr"], url)
    assert hangat < dingin
    sebelum = r.context["total"].bezetting
    pegawai_di(org.unit, mulai=date(2016, 1, 1))
    assert clients["hr"].get(url).context["total"].bezetting == sebelum + 1


@pytest.mark.parametrize("peran", ["hr", "ppk"])
def test_beranda_jumlah_kueri_tetap_saat_hangat(org, clients, hari_ini, peran):
    def tambah(n):
        for _i in range(n):
            usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini, status=StatusUsulan.DIAJUKAN)
            u = usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=200))
            evaluasi_jadwalkan(usulan=u)

    tambah(1)
    dingin1, hangat1, _r = _dua_kali(clients[peran], reverse("beranda"))
    tambah(4)
    dingin2, hangat2, _r = _dua_kali(clients[peran], reverse("beranda"))
    assert (dingin1, hangat1) == (dingin2, hangat2)


def test_laporan_dampak_jumlah_kueri_tetap(org, clients, hari_ini):
    url = reverse("evaluasi:laporan")
    usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=60))
    dingin1, hangat1, _r = _dua_kali(clients["hr"], url)
    for i in range(5):
        u = usulan_buat(pegawai_di(org.lain), tujuan_unit=org.unit, tmt=hari_ini - timedelta(days=30 + i))
        evaluasi_jadwalkan(usulan=u)
    dingin2, hangat2, r = _dua_kali(clients["hr"], url)
    assert r.context["laporan"].total.jumlah == 6
    assert (dingin1, hangat1) == (dingin2, hangat2) and hangat2 < dingin2
