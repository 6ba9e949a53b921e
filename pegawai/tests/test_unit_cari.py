"""The unit field that loads its matches on demand (pegawai.forms.unit_cari) and its JSON endpoint,
the no-script fallback (a plain text field), the employee list's query counts (constant: the same
at 2 and at 12 employees, and exactly the numbers below) and, on PostgreSQL, the search indexes.
The proposal list and the request form: mutasi/tests/test_unit_cari.py."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pegawai.models import UnitKerja
from pegawai.selectors.unit_cari import unit_cari, unit_jalur
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, pegawai_di

CARI = reverse("pegawai:unit_cari")
DAFTAR = reverse("pegawai:daftar")


def _json(r) -> list[dict]:
    assert r.status_code == 200
    return json.loads(r.content)["hasil"]


# --- The endpoint --------------------------------------------------------------------------------


def test_the_endpoint_needs_sign_in_and_the_organisation_view(clients, org):
    r = clients["anon"].get(CARI, {"q": "Kal"})
    assert r.status_code == 302 and reverse("login") in r["Location"]
    assert clients["anggota"].get(CARI, {"q": "Kal"}).status_code == 403
    assert clients["orang_luar"].get(CARI, {"q": "Kal", "cakupan": "semua"}).status_code == 403
    # Every employee may list the open units (their transfer request offers them), nothing more.
    org.lain.aktif = False
    org.lain.save()
    hasil = _json(clients["anggota"].get(CARI, {"q": "", "cakupan": "semua", "aktif": "1"}))
    assert org.subunit.pk in {h["id"] for h in hasil} and org.lain.pk not in {h["id"] for h in hasil}


def test_the_endpoint_matches_by_name_with_the_path(clients, org):
    hasil = _json(clients["hr"].get(CARI, {"q": "kalis"}))
    assert hasil == [{"id": org.subunit.pk, "text": "Kecamatan Mulyorejo › Kelurahan Kalisari", "aktif": True}]
    # Every word must occur; the path as shown may be typed back.
    assert [h["id"] for h in _json(clients["hr"].get(CARI, {"q": "Kelurahan Kalisari"}))] == [org.subunit.pk]
    assert [h["id"] for h in _json(clients["hr"].get(CARI, {"q": "Mulyorejo › Kalisari"}))] == [org.subunit.pk]
    assert _json(clients["hr"].get(CARI, {"q": "tidak ada"})) == []


def test_a_unit_head_is_offered_only_the_units_they_may_see(clients, org):
    ids = {h["id"] for h in _json(clients["kepala"].get(CARI, {"q": ""}))}
    assert ids == {org.unit.pk, org.subunit.pk}
    assert _json(clients["kepala"].get(CARI, {"q": "Dinas Sosial"})) == []
    # A transfer's target may be any open unit.
    assert [h["id"] for h in _json(clients["kepala"].get(CARI, {"q": "Dinas Sosial", "cakupan": "semua"}))] == [
        org.lain.pk
    ]


def test_the_endpoint_gives_at_most_20_exact_name_first(clients, org):
    for i in range(25):
        UnitKerjaFactory(nama=f"Seksi Umum {i:02d}", induk=org.lain)
    tepat = UnitKerjaFactory(nama="Seksi Umum", aktif=False)
    isi = json.loads(clients["hr"].get(CARI, {"q": "seksi umum"}).content)
    assert len(isi["hasil"]) == 20 and isi["lebih"] is True
    assert isi["hasil"][0]["id"] == tepat.pk and isi["hasil"][0]["aktif"] is False
    assert tepat.pk not in {h["id"] for h in _json(clients["hr"].get(CARI, {"q": "seksi umum", "aktif": "1"}))}


def test_the_path_is_read_with_the_unit_in_one_query(org, django_assert_num_queries):
    a = UnitKerjaFactory(nama="A")
    b = UnitKerjaFactory(nama="B", induk=a)
    c = UnitKerjaFactory(nama="C", induk=b)
    d = UnitKerjaFactory(nama="D", induk=c)
    UnitKerjaFactory(nama="E", induk=d)
    with django_assert_num_queries(1):
        jalur = {u.nama: unit_jalur(u) for u in unit_cari(UnitKerja.objects.all(), "")}
    assert jalur["D"] == "A › B › C › D"
    assert jalur["E"] == "… › B › C › D › E"


# --- The page and the no-script fallback ----------------------------------------------------------


def test_the_list_page_does_not_render_the_units(clients, org):
    for i in range(50):
        UnitKerjaFactory(nama=f"Unit Uji {i:02d}", induk=org.lain)
    html = clients["hr"].get(DAFTAR).content.decode()
    assert "Unit Uji" not in html
    assert len(re.findall(r"<option", html)) < 60  # the other filters' few choices only
    assert 'data-unit-cari="/pegawai/unit/cari/"' in html
    assert "js/unit-cari" in html


def test_without_the_script_a_typed_unit_name_filters(clients, org):
    r = clients["hr"].get(DAFTAR, {"unit": "", "unit_cari": "kalisari"})
    assert {p.pk for p in r.context["page_obj"]} == {org.anggota.pk}
    assert 'value="Kecamatan Mulyorejo › Kelurahan Kalisari"' in r.content.decode()
    # The parent includes its sub-units.
    r = clients["hr"].get(DAFTAR, {"unit": "", "unit_cari": "Kecamatan Mulyorejo"})
    assert {p.pk for p in r.context["page_obj"]} == {org.kepala.pk, org.anggota.pk}


def test_a_typed_name_that_names_none_or_several_is_said_and_the_rest_applies(clients, org):
    r = clients["hr"].get(DAFTAR, {"unit": "", "unit_cari": "Planet Mars", "q": org.anggota.nama})
    html = r.content.decode()
    assert "Tidak ada unit kerja bernama “Planet Mars”." in html
    assert org.anggota.pk in {p.pk for p in r.context["page_obj"]}
    UnitKerjaFactory(nama="Kelurahan Kalijudan", induk=org.unit)
    r = clients["hr"].get(DAFTAR, {"unit": "", "unit_cari": "Kelurahan Kali"})
    assert "cocok dengan 2 unit kerja" in r.content.decode()


def test_the_picked_id_wins_until_the_text_is_edited(clients, org):
    jalur = "Kecamatan Mulyorejo › Kelurahan Kalisari"
    r = clients["hr"].get(DAFTAR, {"unit": org.subunit.pk, "unit_cari": jalur})
    assert {p.pk for p in r.context["page_obj"]} == {org.anggota.pk}
    # Edited without the script (the old id still in the hidden input): the text decides.
    r = clients["hr"].get(DAFTAR, {"unit": org.subunit.pk, "unit_cari": "Dinas Sosial"})
    assert {p.pk for p in r.context["page_obj"]} == {org.ppk.pk, org.orang_luar.pk}
    # Cleared: no unit filter.
    r = clients["hr"].get(DAFTAR, {"unit": org.subunit.pk, "unit_cari": ""})
    assert r.context["page_obj"].paginator.count >= 5


def test_a_unit_the_user_may_not_see_is_refused(clients, org):
    r = clients["kepala"].get(DAFTAR, {"unit": org.lain.pk})
    assert "Unit kerja tidak ditemukan." in r.content.decode()
    r = clients["kepala"].get(DAFTAR, {"unit": "", "unit_cari": "Dinas Sosial"})
    assert "Tidak ada unit kerja bernama" in r.content.decode()


def test_forms_validate_the_unit_server_side(clients, org):
    """Moving an employee: a closed unit (not in the field's queryset) is refused, by id or by name."""
    tutup = UnitKerjaFactory(nama="Unit Tutup", aktif=False)
    url = reverse("pegawai:pindah_jabatan", args=[org.anggota.pk])
    data = {"jabatan": JabatanFactory().pk, "tmt": "2024-01-01"}
    r = clients["hr"].post(url, {**data, "unit": tutup.pk})
    assert r.status_code == 200 and "Unit kerja tidak ditemukan." in r.content.decode()
    r = clients["hr"].post(url, {**data, "unit": "", "unit_cari": "Unit Tutup"})
    assert "Tidak ada unit kerja bernama “Unit Tutup”." in r.content.decode()
    r = clients["hr"].post(url, {**data, "unit": "", "unit_cari": ""})
    assert r.status_code == 200 and r.context["form"].errors["unit"]


# --- Query counts of the list pages ----------------------------------------------------------------


def _hitung(client, url, data=None) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url, data or {})
    assert r.status_code == 200
    return len(q.captured_queries)


@pytest.mark.parametrize(
    ("nama", "data", "harap"),
    [
        ("daftar", {}, 9),
        ("nama", {"q": "Pegawai"}, 9),
        ("nip", {"q": "NIP"}, 9),
        ("unit", {"unit": "UNIT"}, 11),
    ],
)
def test_employee_list_queries_are_constant(clients, org, nama, data, harap):
    jab = JabatanFactory()
    for n in (2, 12):
        while org.unit.riwayat.count() < n:
            pegawai_di(org.unit, jab, nama=f"Pegawai Uji {org.unit.riwayat.count()}")
        isi = dict(data)
        if isi.get("q") == "NIP":
            isi["q"] = org.anggota.nip
        if isi.get("unit") == "UNIT":
            isi["unit"] = org.unit.pk
        assert _hitung(clients["hr"], DAFTAR, isi) == harap, n


# --- PostgreSQL: the searches and the sorted page can use their indexes -----------------------------


def _rencana(qs) -> str:
    """The plan of the pegawai table's filter as PostgreSQL reads it when a scan of the (here tiny)
    table or a walk of the name-sorted index is not an option: what it can do with 100,000 rows."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as c:
        for cara in ("seqscan", "indexscan", "indexonlyscan"):
            c.execute(f"SET LOCAL enable_{cara} = off")
        c.execute("EXPLAIN " + sql, params)
        return "\n".join(r[0] for r in c.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes of PostgreSQL only")
def test_searches_use_their_indexes(org):
    from pegawai.selectors.pegawai import pegawai_cari

    hr = org.hr.akun
    assert "pegawai_nama_trgm" in _rencana(pegawai_cari(hr, q="Fauzi")[:25])
    assert "pegawai_nip_trgm" in _rencana(pegawai_cari(hr, q="201503")[:25])
    rencana = _rencana(pegawai_cari(hr, q=org.anggota.nip)[:25])
    assert "nip" in rencana and "pegawai_nama_trgm" not in rencana  # the exact NIP, never OR-ed with the name
