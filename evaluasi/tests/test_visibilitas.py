"""Who sees which review: drafts only to their reviewer (HR and the PPK see that one exists and its
status, never its content), the employee only their own sent/final reviews, unit heads their staff's."""

from datetime import timedelta

import pytest
from django.urls import reverse

from evaluasi.akses import boleh_baca_isi
from evaluasi.selectors.evaluasi import evaluasi_terlihat
from evaluasi.services.alur import evaluasi_simpan
from evaluasi.services.jadwal import evaluasi_jadwalkan
from evaluasi.tests.factories import LENGKAP, usulan_buat
from pegawai.tests.factories import UnitKerjaFactory, kepala_dari, pegawai_di

pytestmark = pytest.mark.django_db

RAHASIA = "Catatan draf yang masih rahasia"


@pytest.fixture
def draf(org, ev):
    return evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={**LENGKAP, "umpan_balik": RAHASIA})


@pytest.fixture
def terkirim(org, ev):
    return evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={**LENGKAP, "umpan_balik": RAHASIA}, kirim=True)


def test_draf_isi_hanya_untuk_penilai(org, draf, clients):
    url = reverse("evaluasi:detail", args=[draf.pk])
    r = clients["kepala"].get(url)
    assert r.status_code == 200 and RAHASIA in r.text
    for peran in ("hr", "ppk"):
        r = clients[peran].get(url)
        assert r.status_code == 200
        assert RAHASIA not in r.text
        assert 'id="isi-tertutup"' in r.text and 'data-status="DRAF"' in r.text
    assert clients["orang_luar"].get(url).status_code == 404  # the employee: not before it is sent
    assert clients["anggota"].get(url).status_code == 404


def test_draf_di_daftar_tanpa_predikat_bagi_hr(org, draf, clients):
    r = clients["hr"].get(reverse("evaluasi:daftar"))
    assert r.status_code == 200
    assert f'data-evaluasi="{draf.pk}"' in r.text
    assert 'data-predikat="SANGAT_BAIK"' not in r.text
    r = clients["kepala"].get(reverse("evaluasi:daftar"))
    assert 'data-predikat="SANGAT_BAIK"' in r.text


def test_draf_tidak_bocor_di_halaman_lain(org, draf, clients):
    for peran in ("hr", "ppk"):
        for url in (
            reverse("pegawai:detail", args=[org.orang_luar.pk]),
            reverse("mutasi:detail", args=[draf.usulan_id]),
        ):
            r = clients[peran].get(url)
            assert r.status_code == 200, url
            assert RAHASIA not in r.text
            assert 'data-predikat="SANGAT_BAIK"' not in r.text


def test_pegawai_melihat_miliknya_setelah_dikirim(org, terkirim, clients):
    url = reverse("evaluasi:detail", args=[terkirim.pk])
    r = clients["orang_luar"].get(url)
    assert r.status_code == 200 and RAHASIA in r.text
    assert clients["anggota"].get(url).status_code == 404
    r = clients["orang_luar"].get(reverse("evaluasi:saya"))
    assert reverse("evaluasi:detail", args=[terkirim.pk]) in r.text
    r = clients["anggota"].get(reverse("evaluasi:saya"))
    assert reverse("evaluasi:detail", args=[terkirim.pk]) not in r.text


def test_hr_dan_ppk_membaca_setelah_dikirim(org, terkirim, clients):
    for peran in ("hr", "ppk"):
        assert RAHASIA in clients[peran].get(reverse("evaluasi:detail", args=[terkirim.pk])).text


def test_kepala_unit_hanya_stafnya(org, hari_ini, clients):
    """A head of another unit does not see reviews of the Camat's staff, and vice versa."""
    dinkes = UnitKerjaFactory(nama="Dinas Kesehatan")
    kadinkes = kepala_dari(dinkes)
    a = usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=100))
    b = usulan_buat(pegawai_di(org.lain), tujuan_unit=dinkes, tmt=hari_ini - timedelta(days=100))
    ev_a = evaluasi_jadwalkan(usulan=a)[0]
    ev_b = evaluasi_jadwalkan(usulan=b)[0]
    kepala = org.kepala.akun
    assert set(evaluasi_terlihat(kepala).values_list("usulan_id", flat=True)) == {a.pk}
    assert set(evaluasi_terlihat(kadinkes.akun).values_list("usulan_id", flat=True)) == {b.pk}
    assert clients["kepala"].get(reverse("evaluasi:detail", args=[ev_b.pk])).status_code == 404
    assert clients["kepala"].get(reverse("evaluasi:detail", args=[ev_a.pk])).status_code == 200


def test_kepala_bukan_penilai_tidak_membaca_draf_stafnya(org, hari_ini):
    """The Camat sees a review in the Kelurahan whose head (the Lurah) reviews it, but not its draft."""
    lurah = kepala_dari(org.subunit)
    u = usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=100))
    ev = evaluasi_jadwalkan(usulan=u)[0]
    assert ev.penilai == lurah
    ev = evaluasi_simpan(evaluasi=ev, oleh=lurah.akun, data={"umpan_balik": RAHASIA})
    assert evaluasi_terlihat(org.kepala.akun).filter(pk=ev.pk).exists()
    assert not boleh_baca_isi(org.kepala.akun, ev)
    assert boleh_baca_isi(lurah.akun, ev)


def test_kepala_tidak_melihat_evaluasinya_sendiri_sebelum_dikirim(org, hari_ini):
    """A head transferred inside their own unit tree: their own review is not theirs to read early."""
    kasi = kepala_dari(org.subunit)
    u = usulan_buat(kasi, tujuan_unit=org.unit, tmt=hari_ini - timedelta(days=100))
    evaluasi_jadwalkan(usulan=u)
    assert not evaluasi_terlihat(kasi.akun).filter(usulan=u).exists()


def test_linimasa_di_halaman_tanpa_isi_draf(org, draf, clients):
    """The review's page shows its history (who did what, when) to whoever sees the review; a
    draft's rows carry no content."""
    url = reverse("evaluasi:detail", args=[draf.pk])
    for peran in ("hr", "ppk", "kepala"):
        r = clients[peran].get(url)
        linimasa = r.text.split('id="linimasa"', 1)[1].split("</section>", 1)[0]
        assert 'data-aksi="jadwalkan"' in linimasa and 'data-aksi="simpan"' in linimasa, peran
        assert org.kepala.nama_lengkap in linimasa
        assert RAHASIA not in linimasa


def test_linimasa_tanggapan_pegawai(org, terkirim, clients):
    from evaluasi.services.alur import evaluasi_tanggapi

    evaluasi_tanggapi(evaluasi=terkirim, oleh=org.orang_luar.akun, tanggapan="Saya setuju.")
    r = clients["orang_luar"].get(reverse("evaluasi:detail", args=[terkirim.pk]))
    linimasa = r.text.split('id="linimasa"', 1)[1].split("</section>", 1)[0]
    assert [a.split('"', 1)[0] for a in linimasa.split('data-aksi="')[1:]] == ["jadwalkan", "kirim", "tanggapi"]
    assert "Saya setuju." in linimasa
