"""The unit field on mutasi's pages (pegawai.forms.unit_cari): the employee's transfer request takes
several units (ticked, or typed without the script); the proposal list's query count is constant
(the same at 2 and at 12 proposals, and exactly the numbers below) and, on PostgreSQL, its default
sort reads the (dibuat, id) index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mutasi.forms import PermohonanForm
from mutasi.tests.helpers import Dunia
from pegawai.tests.factories import JabatanFactory, pegawai_di


def _hitung(client, url, data=None) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url, data or {})
    assert r.status_code == 200
    return len(q.captured_queries)


def test_the_request_form_takes_several_units_by_tick_and_by_name(clients, org):
    """The employee's own transfer request: chosen units are ticked checkboxes; a typed name adds one."""
    form = PermohonanForm(
        {"jenis": "DALAM", "alasan": "x" * 30, "unit_pilihan": [org.unit.pk], "unit_pilihan_cari": "Dinas Sosial"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit_pilihan"] == [org.unit, org.lain]
    form = PermohonanForm(
        {"jenis": "DALAM", "alasan": "x" * 30, "unit_pilihan": [org.unit.pk], "unit_pilihan_cari": "Mars"}
    )
    assert not form.is_valid() and "Tidak ada unit kerja bernama “Mars”." in form.errors["unit_pilihan"][0]
    html = str(form["unit_pilihan"])
    assert f'name="unit_pilihan" value="{org.unit.pk}"' in html and "checked" in html and 'value="Mars"' in html
    for junk in (["abc"], ["99999999999999999999"], [str(org.unit.pk), "999999"]):
        form = PermohonanForm({"jenis": "DALAM", "alasan": "x" * 30, "unit_pilihan": junk})
        assert not form.is_valid() and form.errors["unit_pilihan"] == ["Unit kerja tidak ditemukan."]
    page = clients["anggota"].get(reverse("mutasi:permohonan_baru")).content.decode()
    assert 'data-banyak="unit_pilihan"' in page and "Dinas Sosial" not in page


def test_proposal_list_queries_are_constant(clients, org):
    dunia = Dunia(org)
    jab = JabatanFactory()
    for n in (2, 12):
        while dunia.org.unit.riwayat.count() < n + 2:
            dunia.usulan(pegawai=pegawai_di(org.unit, jab))
        assert _hitung(clients["hr"], reverse("mutasi:daftar")) == 9, n
        assert _hitung(clients["hr"], reverse("mutasi:daftar"), {"unit": org.unit.pk}) == 11, n


@pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes of PostgreSQL only")
def test_the_proposal_list_sort_uses_its_index(org):
    from mutasi.selectors import usulan_cari

    sql, params = usulan_cari(org.hr.akun, urut="-dibuat")[:25].query.sql_with_params()
    with connection.cursor() as c:
        # Tiny test tables: make the planner show what it would do with 20,000 proposals.
        c.execute("SET LOCAL enable_seqscan = off")
        c.execute("SET LOCAL enable_sort = off")
        c.execute("EXPLAIN " + sql, params)
        rencana = "\n".join(r[0] for r in c.fetchall())
    assert "usulan_dibuat_idx" in rencana
