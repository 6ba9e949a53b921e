"""HR's field-level trail page and the "Riwayat perubahan data" section of the employee's and the
unit's pages: HR only, the filters, nothing for other roles."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from inti.jejak import ubah_massal
from pegawai.models import Formasi, HukumanDisiplin, Pegawai, UnitKerja

URL = reverse("pegawai:jejak")


@pytest.fixture
def perubahan(clients, org):
    """Three changes: HR edits an employee's phone and records a sanction (through the pages), and
    a unit's address changes in bulk."""
    p = org.anggota
    data = {f: getattr(p, f) for f in Pegawai.FIELD_PROFIL if f != "kompetensi"}
    data.update(tanggal_lahir=p.tanggal_lahir.isoformat(), telepon="0811-111-222")
    assert clients["hr"].post(reverse("pegawai:ubah", args=[p.pk]), data, REMOTE_ADDR="10.4.4.4").status_code == 302
    r = clients["hr"].post(
        reverse("pegawai:hukuman_baru", args=[p.pk]),
        {"tingkat": "RINGAN", "jenis": "Teguran tertulis", "mulai": "2024-01-01", "selesai": "2024-06-30"},
    )
    assert r.status_code == 302
    ubah_massal(UnitKerja.objects.filter(pk=org.unit.pk), alamat="Jl. Kalijudan 9")
    return p


@pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota", "orang_luar"])
def test_only_hr_opens_the_page(clients, org, peran):
    assert clients[peran].get(URL).status_code == 403


def test_anonymous_goes_to_sign_in(clients):
    r = clients["anon"].get(URL)
    assert r.status_code == 302 and reverse("login") in r["Location"]


def test_hr_sees_old_new_actor_address(clients, org, perubahan):
    r = clients["hr"].get(URL)
    assert r.status_code == 200
    html = r.content.decode()
    assert "0811-111-222" in html and "10.4.4.4" in html
    assert "Telepon" in html  # the field's verbose name
    assert org.hr.nama_lengkap in html
    assert "Teguran tertulis" in html and "Jl. Kalijudan 9" in html


def _jumlah(client, **q) -> int:
    r = client.get(URL, q)
    assert r.status_code == 200
    return r.context["page_obj"].paginator.count


def test_filters(clients, org, perubahan):
    hr = clients["hr"]
    semua = _jumlah(hr)
    ct_hukuman = ContentType.objects.get_for_model(HukumanDisiplin)
    assert _jumlah(hr, model=ct_hukuman.pk) == 1
    ct_pegawai = ContentType.objects.get_for_model(Pegawai)
    assert _jumlah(hr, model=ct_pegawai.pk, objek=perubahan.pk) >= 1
    assert _jumlah(hr, teks="0811-111-222") == 1
    assert _jumlah(hr, teks="kalijudan") == 1
    assert _jumlah(hr, pelaku=org.hr.nip[:8]) == _jumlah(hr, pelaku=org.hr.nama[:6]) == 2
    besok = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert _jumlah(hr, dari=besok) == 0
    assert _jumlah(hr, sampai=timezone.localdate().isoformat()) == semua
    # The employee's full list: their own record and the records filed under them.
    assert (
        _jumlah(hr, induk=f"pegawai:{perubahan.pk}")
        == LogEntry.objects.filter(additional_data__pegawai=perubahan.pk).count()
    )
    # Junk is ignored, never an error.
    assert _jumlah(hr, model="x", dari="kemarin", induk="pegawai:x; drop", impor="-1") == semua


def test_employee_page_section_for_hr_only(clients, org, perubahan):
    url = reverse("pegawai:detail", args=[perubahan.pk])
    html = clients["hr"].get(url).content.decode()
    assert 'id="riwayat-perubahan"' in html
    assert "0811-111-222" in html and "Teguran tertulis" in html
    assert f"?induk=pegawai%3A{perubahan.pk}" in html
    for peran in ("ppk", "kepala", "anggota"):
        assert 'id="riwayat-perubahan"' not in clients[peran].get(url).content.decode(), peran


def test_unit_page_lists_the_unit_and_its_workload(clients, org, perubahan, db):
    from pegawai.tests.factories import JabatanFactory

    Formasi.objects.create(unit=org.unit, jabatan=JabatanFactory(nama="Analis Data"), jumlah=3)
    html = clients["hr"].get(reverse("pegawai:unit_detail", args=[org.unit.pk])).content.decode()
    assert 'id="riwayat-perubahan"' in html
    assert "Jl. Kalijudan 9" in html and "Analis Data" in html
    kepala = clients["kepala"].get(reverse("pegawai:unit_detail", args=[org.unit.pk])).content.decode()
    assert 'id="riwayat-perubahan"' not in kepala


def test_nav_links_the_page_for_hr(clients):
    assert URL in clients["hr"].get(reverse("pegawai:daftar")).content.decode()
    assert URL not in clients["ppk"].get(reverse("pegawai:daftar")).content.decode()


def test_page_queries_do_not_grow_with_entries(clients, org, perubahan, django_assert_max_num_queries):
    for i in range(30):
        ubah_massal(UnitKerja.objects.filter(pk=org.lain.pk), alamat=f"Jl. {i}")
    with django_assert_max_num_queries(20):
        assert clients["hr"].get(URL).status_code == 200
