"""Transfer history on the employee page (`{% riwayat_mutasi pegawai %}` from mutasi_pegawai):
what each viewer may see, and a constant number of queries."""

import re

import pytest
from django.urls import reverse

from mutasi.models import StatusUsulan
from mutasi.services.alur import usulan_transisi

S = StatusUsulan
pytestmark = pytest.mark.django_db


def _nomor_di_riwayat(response) -> list[str]:
    html = response.content.decode()
    awal = html.index('id="riwayat-mutasi"')
    blok = html[awal : html.index("</section>", awal)]
    return re.findall(r"USL-\d{4}-\d{5}", blok)


@pytest.fixture
def riwayat(dunia):
    """Four proposals for org.anggota: decided then cancelled; rejected before a decision;
    decree issued; and a draft (a second idea)."""
    o = dunia.org
    batal = dunia.sampai(S.DIPUTUSKAN)
    usulan_transisi(usulan=batal, aksi="batalkan_keputusan", oleh=o.ppk.akun, catatan="Formasi dibekukan.")
    tolak = dunia.sampai(S.DIAJUKAN)
    usulan_transisi(usulan=tolak, aksi="tolak", oleh=o.kepala.akun, catatan="Masih dibutuhkan.")
    terbit = dunia.sampai(S.SK_TERBIT)
    draf = dunia.usulan(tujuan_unit=o.lain)
    return {"batal": batal, "tolak": tolak, "terbit": terbit, "draf": draf}


def test_hr_melihat_seluruh_riwayat(riwayat, clients, dunia):
    r = clients["hr"].get(reverse("pegawai:detail", args=[dunia.org.anggota.pk]))
    assert r.status_code == 200
    assert set(_nomor_di_riwayat(r)) == {u.nomor for u in riwayat.values()}
    assert riwayat["terbit"].sk.nomor in r.content.decode()


def test_pegawai_hanya_melihat_miliknya_yang_sudah_diputuskan(riwayat, clients, dunia):
    r = clients["anggota"].get(reverse("pegawai:detail", args=[dunia.org.anggota.pk]))
    assert r.status_code == 200
    assert set(_nomor_di_riwayat(r)) == {riwayat["batal"].nomor, riwayat["terbit"].nomor}
    r = clients["anggota"].get(reverse("pegawai:profil_saya"))
    if r.status_code == 302:
        r = clients["anggota"].get(r.url)
    assert set(_nomor_di_riwayat(r)) == {riwayat["batal"].nomor, riwayat["terbit"].nomor}


def test_kepala_melihat_yang_sudah_diajukan(riwayat, clients, dunia):
    r = clients["kepala"].get(reverse("pegawai:detail", args=[dunia.org.anggota.pk]))
    assert set(_nomor_di_riwayat(r)) == {riwayat["batal"].nomor, riwayat["tolak"].nomor, riwayat["terbit"].nomor}


def test_pegawai_lain_tidak_melihat_halaman_itu(riwayat, clients, dunia):
    assert clients["orang_luar"].get(reverse("pegawai:detail", args=[dunia.org.anggota.pk])).status_code == 404


def test_tanpa_riwayat_ada_keterangan(clients, dunia):
    r = clients["hr"].get(reverse("pegawai:detail", args=[dunia.org.orang_luar.pk]))
    assert _nomor_di_riwayat(r) == [] and "Belum ada riwayat mutasi" in r.content.decode()


@pytest.mark.parametrize("peran", ["hr", "anggota"])
def test_jumlah_query_tetap(dunia, clients, peran, django_assert_max_num_queries):
    o = dunia.org
    url = reverse("pegawai:detail", args=[o.anggota.pk])
    u = dunia.sampai(S.DIPUTUSKAN)
    usulan_transisi(usulan=u, aksi="batalkan_keputusan", oleh=o.ppk.akun, catatan="Ditunda.")
    with django_assert_max_num_queries(80) as satu:
        clients[peran].get(url)
    for _i in range(4):
        u = dunia.sampai(S.DIPUTUSKAN)
        usulan_transisi(usulan=u, aksi="batalkan_keputusan", oleh=o.ppk.akun, catatan="Ditunda.")
    with django_assert_max_num_queries(len(satu.captured_queries)) as lima:
        r = clients[peran].get(url)
    assert len(_nomor_di_riwayat(r)) == 5
    assert len(lima.captured_queries) == len(satu.captured_queries)
