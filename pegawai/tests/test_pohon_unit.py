"""The unit tree opened level by level: the page renders the top units with their counts; a unit's
sub-units come from a fragment URL (static/js/pohon-unit.js) or, without JavaScript, from the unit's
page; a search finds a unit by name or code. Permissions as before (HR/PPK all, a head their subtree)."""

from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from pegawai.models import JenisUnit
from pegawai.tests.factories import UnitKerjaFactory, pegawai_di

pytestmark = pytest.mark.django_db
URL = "pegawai:unit_daftar"


def test_hanya_tingkat_atas_dengan_jumlah(org, clients):
    r = clients["hr"].get(reverse(URL))
    html = r.content.decode()
    assert r.status_code == 200
    assert f'id="unit-{org.unit.pk}"' in html and f'id="unit-{org.subunit.pk}"' not in html
    assert reverse("pegawai:unit_anak", args=[org.unit.pk]) in html  # the caret's fragment
    assert reverse("pegawai:unit_detail", args=[org.unit.pk]) + "#judul-subunit" in html  # without JS
    assert "1 sub-unit" in html
    simpul = {s.unit.pk: s for s in r.context["akar"]}
    assert simpul[org.unit.pk].jumlah_total == 2 and simpul[org.unit.pk].anak_n == 1  # Camat + anggota
    assert r.context["jumlah_unit"] == 4 and r.context["jumlah_pegawai"] == 5
    assert "pohon-unit.js" in html and "<script>" not in html


def test_anak_dimuat_sebagai_potongan(org, clients):
    url = reverse("pegawai:unit_anak", args=[org.unit.pk])
    r = clients["hr"].get(url)
    assert r.status_code == 200 and f'id="unit-{org.subunit.pk}"' in r.content.decode()
    assert "<html" not in r.content.decode()
    r = clients["hr"].get(reverse("pegawai:unit_anak", args=[org.subunit.pk]))
    assert "tidak memiliki sub-unit" in r.content.decode()
    # a head: their subtree only
    assert clients["kepala"].get(url).status_code == 200
    assert clients["kepala"].get(reverse("pegawai:unit_anak", args=[org.lain.pk])).status_code == 404
    assert clients["anggota"].get(url).status_code == 403
    assert clients["anon"].get(url).status_code == 302


def test_kepala_melihat_unitnya_sebagai_akar(org, clients):
    r = clients["kepala"].get(reverse(URL))
    assert [s.unit.pk for s in r.context["akar"]] == [org.unit.pk]
    assert r.context["jumlah_unit"] == 2 and r.context["jumlah_pegawai"] == 2


def test_cari_unit(org, clients):
    r = clients["hr"].get(reverse(URL), {"q": "kalisari"})
    assert [u.pk for u in r.context["page_obj"]] == [org.subunit.pk]
    assert "di bawah Kecamatan Mulyorejo" in r.content.decode()
    r = clients["kepala"].get(reverse(URL), {"q": "dinas sosial"})
    assert list(r.context["page_obj"]) == []
    assert "Tidak ada unit yang cocok" in r.content.decode()
    r = clients["hr"].get(reverse(URL), {"q": "\x00%"})
    assert r.status_code == 200


def test_jumlah_kueri_tetap(org, clients, django_assert_max_num_queries):
    clients["hr"].get(reverse(URL))
    cache.clear()  # the counts are cached (inti.tembolok): compare cold requests
    with django_assert_max_num_queries(30) as awal:
        clients["hr"].get(reverse(URL))
    for i in range(10):
        opd = UnitKerjaFactory(jenis=JenisUnit.OPD)
        anak = UnitKerjaFactory(induk=opd, nama=f"Bidang {i}")
        pegawai_di(anak, mulai=date(2018, 1, 1))
        UnitKerjaFactory(induk=org.unit)
    cache.clear()
    with django_assert_max_num_queries(len(awal.captured_queries)) as akhir:
        r = clients["hr"].get(reverse(URL))
    assert len(r.context["akar"]) == 13 and len(akhir.captured_queries) == len(awal.captured_queries)
    with django_assert_max_num_queries(len(awal.captured_queries)):
        clients["hr"].get(reverse("pegawai:unit_anak", args=[org.unit.pk]))


def test_tulis_massal_membuat_angka_tembolok_basi(org, clients):
    """A bulk write through inti.jejak (no signals) still makes the cached counts stale."""
    from inti.jejak import ubah_massal
    from pegawai.models import RiwayatJabatan

    r = clients["hr"].get(reverse(URL))
    assert {s.unit.pk: s.jumlah_total for s in r.context["akar"]}[org.unit.pk] == 2
    ubah_massal(RiwayatJabatan.objects.filter(pegawai=org.anggota, sampai__isnull=True), sampai=date(2024, 1, 1))
    r = clients["hr"].get(reverse(URL))
    assert {s.unit.pk: s.jumlah_total for s in r.context["akar"]}[org.unit.pk] == 1
