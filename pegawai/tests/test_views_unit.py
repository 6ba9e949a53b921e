"""Unit pages: the tree and one unit with its staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pegawai.models import JenisUnit, Pegawai
from pegawai.tests.factories import UnitKerjaFactory, kepala_dari, pegawai_di

LOGIN = reverse("login")


def _jumlah_query(client, url, data=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, data or {}).status_code == 200
    return len(ctx)


class TestUnitDaftar:
    url = reverse("pegawai:unit_daftar")

    def test_anonymous_goes_to_login(self, clients):
        r = clients["anon"].get(self.url)
        assert r.status_code == 302
        assert r["Location"].startswith(LOGIN)

    @pytest.mark.parametrize("peran", ["anggota", "orang_luar"])
    def test_plain_employees_are_refused(self, clients, peran):
        assert clients[peran].get(self.url).status_code == 403

    @pytest.mark.parametrize("peran", ["hr", "ppk"])
    def test_hr_and_ppk_see_the_whole_tree(self, clients, org, peran):
        """The top level on the page; each unit's sub-units from its fragment (opened on demand)."""
        r = clients[peran].get(self.url)
        assert r.status_code == 200
        akar = {s.unit.pk: s for s in r.context["akar"]}
        assert set(akar) == {org.bkpsdm.pk, org.unit.pk, org.lain.pk}
        anak = clients[peran].get(reverse("pegawai:unit_anak", args=[org.unit.pk]))
        assert [a.unit.pk for a in anak.context["anak"]] == [org.subunit.pk]

    def test_unit_head_sees_their_subtree(self, clients, org):
        r = clients["kepala"].get(self.url)
        assert r.status_code == 200
        assert [s.unit.pk for s in r.context["akar"]] == [org.unit.pk]
        assert "Dinas Sosial" not in r.content.decode()
        anak = clients["kepala"].get(reverse("pegawai:unit_anak", args=[org.unit.pk]))
        assert "Kelurahan Kalisari" in anak.content.decode()
        assert clients["kepala"].get(reverse("pegawai:unit_anak", args=[org.lain.pk])).status_code == 404

    def test_head_counts_and_heads_are_shown(self, clients, org):
        pegawai_di(org.subunit)
        Pegawai.objects.filter(pk=pegawai_di(org.subunit).pk).update(aktif=False)  # inactive: not counted
        r = clients["hr"].get(self.url)
        kec = next(s for s in r.context["akar"] if s.unit.pk == org.unit.pk)
        assert (kec.jumlah, kec.jumlah_total) == (1, 3)  # camat; camat + anggota + new one
        assert org.kepala.nama_lengkap in r.content.decode()
        anak = clients["hr"].get(reverse("pegawai:unit_anak", args=[org.unit.pk]))
        kel = anak.context["anak"][0]
        assert (kel.jumlah, kel.jumlah_total) == (2, 2)
        assert "kepala belum ditetapkan" in anak.content.decode()  # the kelurahan has no head

    def test_query_count_does_not_grow_with_units(self, clients, org):
        sedikit = _jumlah_query(clients["hr"], self.url)
        for i in range(30):
            induk = UnitKerjaFactory(jenis=JenisUnit.OPD)
            anak = UnitKerjaFactory(jenis=JenisUnit.BIDANG, induk=induk)
            if i % 3 == 0:
                kepala_dari(anak)
        assert _jumlah_query(clients["hr"], self.url) == sedikit

    def test_query_count_for_unit_head_does_not_grow(self, clients, org):
        sedikit = _jumlah_query(clients["kepala"], self.url)
        for _ in range(20):
            kepala_dari(UnitKerjaFactory(jenis=JenisUnit.KELURAHAN, induk=org.unit))
        assert _jumlah_query(clients["kepala"], self.url) == sedikit


class TestUnitDetail:
    def url(self, unit):
        return reverse("pegawai:unit_detail", args=[unit.pk])

    def test_anonymous_goes_to_login(self, clients, org):
        r = clients["anon"].get(self.url(org.unit))
        assert r.status_code == 302
        assert r["Location"].startswith(LOGIN)

    @pytest.mark.parametrize("peran", ["anggota", "orang_luar"])
    def test_plain_employees_are_refused(self, clients, org, peran):
        assert clients[peran].get(self.url(org.subunit)).status_code == 403

    def test_unit_outside_a_heads_reach_is_404(self, clients, org):
        assert clients["kepala"].get(self.url(org.lain)).status_code == 404
        assert clients["kepala"].get(self.url(org.bkpsdm)).status_code == 404

    @pytest.mark.parametrize("peran", ["hr", "ppk", "kepala"])
    def test_allowed(self, clients, org, peran):
        assert clients[peran].get(self.url(org.subunit)).status_code == 200

    def test_shows_data_head_sub_units_and_staff(self, clients, org):
        r = clients["hr"].get(self.url(org.unit), {"turunan": "0"})
        assert [s.unit.pk for s in r.context["anak"]] == [org.subunit.pk]
        assert [x.pegawai.pk for x in r.context["page_obj"]] == [org.kepala.pk]
        assert (r.context["jumlah_sendiri"], r.context["jumlah_total"]) == (1, 2)
        assert org.kepala.nama_lengkap in r.content.decode()

    def test_staff_of_sub_units_are_included_by_default(self, clients, org):
        r = clients["hr"].get(self.url(org.unit))
        assert r.context["turunan"] is True
        assert {x.pegawai.pk for x in r.context["page_obj"]} == {org.kepala.pk, org.anggota.pk}
        r = clients["hr"].get(self.url(org.subunit))  # no sub-units: nothing to include
        assert r.context["turunan"] is False

    def test_parent_of_a_heads_subtree_is_shown_not_linked(self, clients, org):
        induk = UnitKerjaFactory(nama="Pemerintah Kota")
        org.unit.induk = induk
        org.unit.save()
        html = clients["kepala"].get(self.url(org.subunit)).content.decode()
        assert "Pemerintah Kota" in html
        assert self.url(induk) not in html
        assert self.url(org.unit) in html

    def test_staff_list_query_count_does_not_grow(self, clients, org):
        sedikit = _jumlah_query(clients["hr"], self.url(org.unit), {"turunan": "1"})
        for _ in range(30):
            pegawai_di(org.subunit)
        banyak = _jumlah_query(clients["hr"], self.url(org.unit), {"turunan": "1"})
        assert banyak == sedikit
