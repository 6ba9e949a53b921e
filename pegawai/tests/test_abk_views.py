"""Needs-analysis pages: who may open them, the task form (add, edit, delete, copy) with its audit
trail, and constant query counts."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse

from inti.models import CatatanAudit
from pegawai.models import RiwayatJabatan, TugasJabatan
from pegawai.selectors.abk import mulai_paling_lambat
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, pegawai_di
from pegawai.tests.test_abk_hitung import tugas

pytestmark = pytest.mark.django_db


@pytest.fixture
def abk(org):
    """Workload in the kepala's unit (Kecamatan) and sub-unit (Kelurahan), and in Dinas Sosial (outside)."""
    staf = JabatanFactory(nama="Pengadministrasi Umum")
    t_unit = tugas(org.unit, staf, 3750, 1, "Mengagendakan surat")  # 3 needed, 0 held: short
    tugas(org.subunit, staf, 1250, 1, "Melayani warga")
    for _ in range(3):
        pegawai_di(org.subunit, staf, mulai=date(2015, 1, 1))  # 1 needed, 3 held: surplus 2, due for rotation
    tugas(org.lain, staf, 1250, 1, "Mendata bansos")
    return {"staf": staf, "tugas": t_unit}


def _urls(org, abk):
    j = abk["staf"].pk
    return {
        "ikhtisar": reverse("abk:ikhtisar"),
        "rincian": reverse("abk:rincian", args=[org.unit.pk]),
        "unit": reverse("abk:unit", args=[org.subunit.pk]),
        "tugas": reverse("abk:tugas", args=[org.unit.pk, j]),
        "rotasi": reverse("abk:rotasi"),
        "rotasi_unit": reverse("abk:rotasi") + f"?unit={org.subunit.pk}",
    }


# --- Permissions --------------------------------------------------------------------------


@pytest.mark.parametrize("nama", ["ikhtisar", "rincian", "unit", "tugas", "rotasi", "rotasi_unit"])
def test_read_pages_by_role(clients, org, abk, nama):
    url = _urls(org, abk)[nama]
    assert clients["anon"].get(url).status_code == 302
    assert clients["anggota"].get(url).status_code == 403
    assert clients["orang_luar"].get(url).status_code == 403
    for peran in ("hr", "ppk", "kepala"):
        assert clients[peran].get(url).status_code == 200, peran


@pytest.mark.parametrize(
    "url",
    [
        lambda o, j: reverse("abk:rincian", args=[o.lain.pk]),
        lambda o, j: reverse("abk:unit", args=[o.lain.pk]),
        lambda o, j: reverse("abk:tugas", args=[o.lain.pk, j]),
        lambda o, j: reverse("abk:rotasi") + f"?unit={o.lain.pk}",
        lambda o, j: reverse("abk:rincian", args=[o.bkpsdm.pk]),
    ],
)
def test_unit_head_gets_404_outside_their_units(clients, org, abk, url):
    u = url(org, abk["staf"].pk)
    assert clients["kepala"].get(u).status_code == 404
    assert clients["hr"].get(u).status_code == 200
    assert clients["ppk"].get(u).status_code == 200


@pytest.mark.parametrize("nama", ["kandidat", "tujuan"])
def test_candidates_and_destinations_are_for_hr_and_ppk(clients, org, abk, nama):
    url = reverse(f"abk:{nama}", args=[org.unit.pk, abk["staf"].pk])
    assert clients["anon"].get(url).status_code == 302
    assert clients["anggota"].get(url).status_code == 403
    # They list other units' employees with sanctions and predicates: not for a unit head.
    assert clients["kepala"].get(url).status_code == 403
    assert clients["hr"].get(url).status_code == 200
    assert clients["ppk"].get(url).status_code == 200


def test_unit_head_overview_lists_only_their_units(clients, org, abk):
    r = clients["kepala"].get(reverse("abk:ikhtisar"))
    assert [b.unit for b in r.context["baris"]] == [org.unit]
    assert r.context["total"].kekurangan == 3 and r.context["total"].kelebihan == 2
    assert "Dinas Sosial" not in r.content.decode()
    r = clients["hr"].get(reverse("abk:ikhtisar"))
    assert {b.unit for b in r.context["baris"]} == {org.unit, org.lain, org.bkpsdm}


def test_nav_entry_for_hr_ppk_and_heads_only(clients):
    label = "Analisis Kebutuhan"
    for peran in ("hr", "ppk", "kepala"):
        assert label in clients[peran].get(reverse("beranda")).content.decode(), peran
    assert label not in clients["anggota"].get(reverse("beranda")).content.decode()


# --- Pages show the figures ---------------------------------------------------------------------


def test_overview_page_has_chart_data_and_totals(clients, org, abk):
    r = clients["hr"].get(reverse("abk:ikhtisar"))
    html = r.content.decode()
    assert 'id="abk-grafik-data" type="application/json"' in html
    assert "<script>" not in html  # CSP: nothing inline
    assert r.context["grafik"]["label"][0] == org.unit.nama
    assert r.context["grafik"]["url"][0] == reverse("abk:rincian", args=[org.unit.pk])
    total = r.context["total"]
    assert (total.kebutuhan_orang, total.bezetting, total.kekurangan, total.kelebihan) == (
        5,
        3 + 5,
        3 + 1,
        2,
    )  # Dinas Sosial is short of 1 too


def test_overview_filter_by_position_kind(clients, org, abk):
    r = clients["hr"].get(reverse("abk:ikhtisar") + "?jenis=FUNGSIONAL")
    assert r.context["total"].kebutuhan_orang == 0
    r = clients["hr"].get(reverse("abk:ikhtisar") + "?jenis=TIDAK_ADA")  # ignored, not an error
    assert r.status_code == 200 and r.context["jenis"] == ""


def test_unit_page_links_candidates_for_shortage_and_destinations_for_surplus(clients, org, abk):
    j = abk["staf"].pk
    html = clients["hr"].get(reverse("abk:unit", args=[org.unit.pk])).content.decode()
    assert reverse("abk:kandidat", args=[org.unit.pk, j]) in html
    html = clients["hr"].get(reverse("abk:unit", args=[org.subunit.pk])).content.decode()
    assert reverse("abk:tujuan", args=[org.subunit.pk, j]) in html
    # A unit head sees the figures but no candidate links.
    html = clients["kepala"].get(reverse("abk:unit", args=[org.unit.pk])).content.decode()
    assert reverse("abk:kandidat", args=[org.unit.pk, j]) not in html
    assert "+3 kurang" in html


def test_unit_page_marks_positions_not_analysed(clients, org, abk):
    pegawai_di(org.unit, JabatanFactory(nama="Analis Kebijakan"))
    r = clients["hr"].get(reverse("abk:unit", args=[org.unit.pk]))
    assert "belum dianalisis" in r.content.decode()
    assert r.context["total"].bezetting_belum == 2  # the analis and the kepala's own head post


def test_candidate_page_ranks_candidates(clients, org, abk):
    r = clients["hr"].get(reverse("abk:kandidat", args=[org.unit.pk, abk["staf"].pk]))
    hasil = r.context["hasil"]
    assert len(hasil.kandidat) == 3
    html = r.content.decode()
    assert html.count('class="baris-kandidat"') == 3
    assert "Cara skor dihitung" in html


def test_destination_page_lists_short_units(clients, org, abk):
    r = clients["hr"].get(reverse("abk:tujuan", args=[org.subunit.pk, abk["staf"].pk]))
    assert [t.unit for t in r.context["hasil"].tujuan] == [org.unit, org.lain]  # short by 3, by 1


# --- Task entry ------------------------------------------------------------------------------------


def _data(**kw):
    return {"uraian": "Menyusun laporan bulanan", "satuan_hasil": "laporan", "volume": "12", "norma_waktu": "6", **kw}


def test_hr_adds_a_task_with_audit(clients, org, abk):
    url = reverse("abk:tugas_tambah", args=[org.unit.pk, abk["staf"].pk])
    r = clients["hr"].post(url, _data())
    assert r.status_code == 302
    t = TugasJabatan.objects.get(unit=org.unit, uraian="Menyusun laporan bulanan")
    assert t.volume == 12 and t.norma_waktu == 6
    audit = CatatanAudit.objects.get(aksi="abk.tugas_buat")
    assert audit.objek_id == str(t.pk) and audit.oleh == org.hr.akun
    r = clients["hr"].get(r.url)
    assert "ditambahkan" in r.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_data(norma_waktu="0"), "norma_waktu"),
        (_data(volume="-1"), "volume"),
        (_data(volume="banyak"), "volume"),
        (_data(uraian=""), "uraian"),
        (_data(uraian="  mengagendakan   SURAT "), "uraian"),  # duplicate, whatever the case and spacing
    ],
)
def test_bad_task_input_keeps_what_was_typed(clients, org, abk, data, field):
    url = reverse("abk:tugas_tambah", args=[org.unit.pk, abk["staf"].pk])
    before = TugasJabatan.objects.count()
    r = clients["hr"].post(url, data)
    assert r.status_code == 400
    assert field in r.context["form"].errors
    assert TugasJabatan.objects.count() == before
    assert r.context["form"].data["satuan_hasil"] == "laporan"


def test_only_hr_changes_tasks(clients, org, abk):
    t = abk["tugas"]
    urls = [
        reverse("abk:tugas_tambah", args=[org.unit.pk, abk["staf"].pk]),
        reverse("abk:tugas_ubah", args=[t.pk]),
        reverse("abk:tugas_hapus", args=[t.pk]),
        reverse("abk:tugas_salin", args=[org.unit.pk, abk["staf"].pk]),
    ]
    for url in urls:
        assert clients["anon"].post(url, _data()).status_code == 302
        for peran in ("ppk", "kepala", "anggota"):
            assert clients[peran].post(url, _data()).status_code == 403, (peran, url)
    assert TugasJabatan.objects.filter(pk=t.pk, uraian="Mengagendakan surat").exists()
    # Read-only users see the tasks without the form.
    r = clients["kepala"].get(reverse("abk:tugas", args=[org.unit.pk, abk["staf"].pk]))
    assert r.context["form"] is None and "Mengagendakan surat" in r.content.decode()


def test_hr_edits_a_task(clients, org, abk):
    t = abk["tugas"]
    url = reverse("abk:tugas_ubah", args=[t.pk])
    assert clients["hr"].get(url).status_code == 200
    r = clients["hr"].post(url, _data(uraian="Mengagendakan surat", volume="5000", norma_waktu="1"))
    assert r.status_code == 302
    t.refresh_from_db()
    assert t.volume == 5000
    audit = CatatanAudit.objects.get(aksi="abk.tugas_ubah")
    assert audit.perubahan["volume"] == ["3750.00", "5000"]
    r = clients["hr"].post(url, _data(uraian="Mengagendakan surat", norma_waktu="0"))
    assert r.status_code == 400
    t.refresh_from_db()
    assert t.norma_waktu == 1


def test_hr_deletes_a_task_after_confirmation(clients, org, abk):
    t = abk["tugas"]
    page = clients["hr"].get(reverse("abk:tugas", args=[org.unit.pk, abk["staf"].pk])).content.decode()
    assert "js-confirm" in page and "data-confirm=" in page
    url = reverse("abk:tugas_hapus", args=[t.pk])
    assert clients["hr"].get(url).status_code == 405
    r = clients["hr"].post(url)
    assert r.status_code == 302
    assert not TugasJabatan.objects.filter(pk=t.pk).exists()
    audit = CatatanAudit.objects.get(aksi="abk.tugas_hapus")
    assert audit.objek_id == str(t.pk) and "Mengagendakan surat" in audit.ringkasan
    assert clients["hr"].post(url).status_code == 404


def test_hr_copies_tasks_from_another_unit(clients, org, abk):
    kel2 = UnitKerjaFactory(induk=org.unit)
    url = reverse("abk:tugas_salin", args=[kel2.pk, abk["staf"].pk])
    r = clients["hr"].post(url, {"dari_unit": org.subunit.pk})
    assert r.status_code == 302
    assert list(TugasJabatan.objects.filter(unit=kel2).values_list("uraian", flat=True)) == ["Melayani warga"]
    assert CatatanAudit.objects.filter(aksi="abk.tugas_salin").count() == 1
    # Again: nothing new to copy, refused with a message and nothing changes.
    r = clients["hr"].post(url, {"dari_unit": org.subunit.pk}, follow=True)
    assert "Tidak ada uraian tugas baru" in r.content.decode()
    assert TugasJabatan.objects.filter(unit=kel2).count() == 1


def test_position_picker_goes_to_the_task_page(clients, org, abk):
    j = JabatanFactory()
    r = clients["hr"].get(reverse("abk:jabatan_pilih", args=[org.unit.pk]) + f"?jabatan={j.pk}")
    assert r.url == reverse("abk:tugas", args=[org.unit.pk, j.pk])
    r = clients["hr"].get(reverse("abk:jabatan_pilih", args=[org.unit.pk]) + "?jabatan=")
    assert r.url == reverse("abk:unit", args=[org.unit.pk])


# --- Rotation watch ------------------------------------------------------------------------------


def test_rotation_watch_categories(clients, org, abk):
    baru = pegawai_di(org.subunit, abk["staf"], mulai=date.today() - timedelta(days=100))
    r = clients["kepala"].get(reverse("abk:rotasi"))
    assert r.context["kategori"] == "wajib"
    wajib = {x.pegawai for x in r.context["page_obj"]}
    batas = mulai_paling_lambat(date.today(), 5)
    harapan = {x.pegawai for x in RiwayatJabatan.objects.filter(sampai__isnull=True, mulai__lte=batas)}
    harapan -= {org.hr, org.ppk, org.orang_luar}  # outside the head's units
    assert wajib == harapan and len(wajib) >= 3 and baru not in wajib
    r = clients["kepala"].get(reverse("abk:rotasi") + "?kategori=dini")
    assert [x.pegawai for x in r.context["page_obj"]] == [baru]
    assert r.context["hitung"]["dini"] == 1
    # HR sees the whole city, incl. Dinas Sosial's staff.
    r = clients["hr"].get(reverse("abk:rotasi") + "?kategori=semua")
    assert org.orang_luar in {x.pegawai for x in r.context["page_obj"]}
    r = clients["kepala"].get(reverse("abk:rotasi") + "?kategori=semua")
    assert org.orang_luar not in {x.pegawai for x in r.context["page_obj"]}


def test_rotation_search(clients, org, abk):
    target = pegawai_di(org.subunit, abk["staf"], mulai=date(2010, 1, 1), nama="Xaverius Qowiyyu")
    r = clients["hr"].get(reverse("abk:rotasi") + "?q=xaverius qow")
    assert [x.pegawai for x in r.context["page_obj"]] == [target]


def test_rotation_watch_queries_are_constant(clients, org, abk, django_assert_max_num_queries):
    url = reverse("abk:rotasi") + "?kategori=semua"
    clients["hr"].get(url)
    with django_assert_max_num_queries(10) as ctx:  # 9 + the notice bell's unread COUNT
        clients["hr"].get(url)
    n = len(ctx.captured_queries)
    for _ in range(60):
        pegawai_di(org.subunit, abk["staf"], mulai=date(2012, 1, 1))
    with django_assert_max_num_queries(n):
        r = clients["hr"].get(url)
    assert len(r.context["page_obj"].object_list) == 50  # paginated


# --- Constant queries on the pages ---------------------------------------------------------------------


@pytest.mark.parametrize("nama", ["ikhtisar", "rincian", "unit", "tugas"])
def test_pages_have_constant_query_counts(clients, org, abk, nama, django_assert_max_num_queries):
    url = _urls(org, abk)[nama]
    clients["hr"].get(url)
    cache.clear()  # the city-wide figures are cached (inti.tembolok): count the computation
    with django_assert_max_num_queries(30) as ctx:
        clients["hr"].get(url)
    n = len(ctx.captured_queries)
    for i in range(8):
        j = JabatanFactory()
        sub = UnitKerjaFactory(induk=org.unit)
        for u in (org.unit, org.subunit, sub):
            tugas(u, j, 100 * (i + 1), 2, f"Tugas {i}")
            pegawai_di(u, j, mulai=date(2016, 1, 1))
    with django_assert_max_num_queries(n):
        assert clients["hr"].get(url).status_code == 200


def test_candidate_page_queries_are_constant(clients, org, abk, django_assert_max_num_queries):
    url = reverse("abk:kandidat", args=[org.unit.pk, abk["staf"].pk])
    clients["hr"].get(url)
    with django_assert_max_num_queries(30) as ctx:
        clients["hr"].get(url)
    n = len(ctx.captured_queries)
    for _ in range(5):
        s = UnitKerjaFactory()
        tugas(s, abk["staf"], 0, 1, "x")
        pegawai_di(s, abk["staf"], mulai=date(2016, 1, 1))
    with django_assert_max_num_queries(n):
        r = clients["hr"].get(url)
    assert len(r.context["hasil"].kandidat) == 8


def test_task_pages_link_the_spreadsheet_import_for_hr(clients, org, abk):
    from pegawai.views.abk import _url_impor

    url = _url_impor()
    if url is None:
        pytest.skip("the import engine has no upload page yet")
    assert url.endswith("?jenis=tugas")
    assert url in clients["hr"].get(reverse("abk:tugas", args=[org.unit.pk, abk["staf"].pk])).content.decode()
    assert url in clients["hr"].get(reverse("abk:unit", args=[org.unit.pk])).content.decode()
    assert url not in clients["kepala"].get(reverse("abk:unit", args=[org.unit.pk])).content.decode()
