"""Search people find with (titles, punctuation, NIP fragments, ranking) and the shared pager
(page numbers, page size kept in the query string), on the employee list."""

import re
from datetime import date

import pytest
from django.urls import reverse

from inti.halaman import nomor_halaman
from pegawai.selectors.cari import kata_nama, q_cari
from pegawai.selectors.pegawai import pegawai_cari
from pegawai.tests.factories import JabatanFactory, pegawai_di

URL = reverse("pegawai:daftar")


@pytest.mark.parametrize(
    ("ketik", "kata"),
    [
        ("Ahmad Fauzi, S.AP.", ["Ahmad", "Fauzi"]),
        ("dr. Siti", ["Siti"]),
        ("Dr. H. Moch. Yusuf, M.Si.", ["Moch", "Yusuf"]),
        ("Drs. Bambang S.E.", ["Bambang"]),
        ("Hj. Siti Aminah, S.Pd", ["Siti", "Aminah"]),
        ("  ", []),
    ],
)
def test_titles_and_punctuation_are_dropped(ketik, kata):
    assert kata_nama(ketik) == kata


def test_a_full_nip_is_the_exact_lookup_only():
    assert str(q_cari("19860926 201505 1 001")) == str(q_cari("198609262015051001"))
    assert "contains" not in str(q_cari("198609262015051001"))
    assert "nama" not in str(q_cari("198609262015051001"))
    assert "nip__contains" in str(q_cari("201503"))
    assert q_cari("dr.") is None


@pytest.fixture
def orang(org):
    jab = JabatanFactory()
    return {
        "fauzi": pegawai_di(org.unit, jab, nama="Ahmad Fauzi", gelar_belakang="S.AP."),
        "fauzia": pegawai_di(org.unit, jab, nama="Fauziah Rahma"),
        "rafauzi": pegawai_di(org.unit, jab, nama="Rahmat Fauzi"),
        "siti": pegawai_di(
            org.unit,
            jab,
            nama="Siti Aminah",
            gelar_depan="dr.",
            nip="198001012015031002",
            tanggal_lahir=date(1980, 1, 1),
        ),
    }


def _hasil(clients, q, **extra):
    r = clients["hr"].get(URL, {"q": q, **extra})
    assert r.status_code == 200
    return [p.pk for p in r.context["page_obj"]]


def test_a_name_copied_with_titles_is_found(clients, orang):
    assert _hasil(clients, "Ahmad Fauzi, S.AP.") == [orang["fauzi"].pk]
    assert _hasil(clients, "dr. Siti") == [orang["siti"].pk]
    assert _hasil(clients, "dr.") == []  # nothing left to look for: no hit, not everyone


def test_a_middle_nip_block_is_found(clients, orang):
    assert orang["siti"].pk in _hasil(clients, "201503")
    assert _hasil(clients, "1980 0101 2015") == [orang["siti"].pk]
    assert _hasil(clients, "198001012015031002") == [orang["siti"].pk]
    assert _hasil(clients, "198001012015031009") == []


def test_hits_are_ranked_exact_then_starts_with_then_contains(clients, orang):
    # "Fauzi": nobody is exactly "Fauzi"; "Fauziah Rahma" starts with it; the other two contain it.
    hasil = _hasil(clients, "Fauzi")
    assert hasil[0] == orang["fauzia"].pk
    assert set(hasil[1:]) == {orang["fauzi"].pk, orang["rafauzi"].pk}
    assert _hasil(clients, "Rahmat Fauzi")[0] == orang["rafauzi"].pk


def test_search_respects_what_a_unit_head_may_see(clients, org, orang):
    r = clients["kepala"].get(URL, {"q": org.orang_luar.nama})
    assert org.orang_luar.pk not in [p.pk for p in r.context["page_obj"]]


def test_search_query_is_one_query(org, orang, django_assert_num_queries):
    qs = pegawai_cari(org.hr.akun, q="Ahmad Fauzi, S.AP.")
    with django_assert_num_queries(1):
        assert len(list(qs)) == 1


# --- The pager -------------------------------------------------------------------------------


class _Hal:
    def __init__(self, nomor, jumlah):
        self.number = nomor
        self.paginator = type("P", (), {"num_pages": jumlah})()


@pytest.mark.parametrize(
    ("kini", "jumlah", "harap"),
    [
        (1, 1, [1]),
        (3, 5, [1, 2, 3, 4, 5]),
        (1, 20, [1, 2, 3, None, 20]),
        (10, 20, [1, None, 8, 9, 10, 11, 12, None, 20]),
        (20, 20, [1, None, 18, 19, 20]),
        (4, 20, [1, 2, 3, 4, 5, 6, None, 20]),
    ],
)
def test_page_numbers_window(kini, jumlah, harap):
    assert nomor_halaman(_Hal(kini, jumlah)) == harap


@pytest.fixture
def banyak(org):
    jab = JabatanFactory()
    return [pegawai_di(org.unit, jab, nama=f"Pegawai {i:03d}") for i in range(60)]


def test_page_numbers_and_size_choice(clients, banyak):
    r = clients["hr"].get(URL, {"page": 2, "q": "Pegawai"})
    assert r.context["page_obj"].paginator.per_page == 25
    html = r.content.decode()
    assert 'aria-current="page"><span class="page-link">2</span>' in html
    assert "page=3" in html and "page=1" in html
    assert "per=50" in html and "per=100" in html
    assert "q=Pegawai" in html  # the search rides along in the page links
    r = clients["hr"].get(URL, {"per": 50, "q": "Pegawai"})
    assert len(r.context["page_obj"]) == 50
    tautan = re.findall(r'href="\?([^"]*page=2[^"]*)"', r.content.decode())
    assert tautan and all("per=50" in t for t in tautan)  # the chosen size is kept from page to page
    r = clients["hr"].get(URL, {"per": 7})  # not on offer: the list's own size
    assert r.context["page_obj"].paginator.per_page == 25


def test_the_list_query_count_does_not_grow_with_rows(clients, org, django_assert_max_num_queries):
    jab = JabatanFactory()
    for i in range(5):
        pegawai_di(org.unit, jab, nama=f"Sedikit {i}")
    with django_assert_max_num_queries(20) as sedikit:
        clients["hr"].get(URL, {"per": 100})
    for i in range(60):
        pegawai_di(org.unit, jab, nama=f"Banyak {i}")
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        r = clients["hr"].get(URL, {"per": 100})
    assert len(r.context["page_obj"]) == 70


def test_filter_panel_folds_on_phones(clients, org):
    html = clients["hr"].get(URL).content.decode()
    assert 'data-bs-target="#saringan-lanjut"' in html
    assert 'class="col-12 col-xl-8 collapse d-md-block" id="saringan-lanjut"' in html


@pytest.mark.parametrize("nama", ["anggota", "orang_luar"])
def test_employees_may_not_search_the_list(clients, nama):
    assert clients[nama].get(URL, {"q": "201503"}).status_code == 403
