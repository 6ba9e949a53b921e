"""A second predicate for the same year asks before replacing, and the audit says what it replaced.
Audit rows are shown in plain words."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inti.audit import label_aksi, label_daftarkan
from inti.models import CatatanAudit
from pegawai.models import KinerjaTahunan
from pegawai.services.kinerja import KinerjaSudahAda, kinerja_catat

pytestmark = pytest.mark.django_db


@pytest.fixture
def tercatat(org):
    k = kinerja_catat(oleh=org.hr.akun, pegawai=org.anggota, tahun=2025, predikat="BAIK")
    KinerjaTahunan.objects.filter(pk=k.pk).update(dicatat_pada=timezone.make_aware(datetime(2026, 1, 15, 9, 30)))
    return k


def test_service_refuses_a_silent_overwrite(org, tercatat):
    with pytest.raises(KinerjaSudahAda) as e:
        kinerja_catat(oleh=org.hr.akun, pegawai=org.anggota, tahun=2025, predikat="SANGAT_BAIK")
    nama = org.hr.akun.get_full_name()
    assert str(e.value) == f"Tahun 2025 sudah bernilai Baik (dicatat oleh {nama} pada 15-01-2026 09:30). Ganti?"
    assert KinerjaTahunan.objects.get(pk=tercatat.pk).predikat == "BAIK"
    assert CatatanAudit.objects.filter(aksi="pegawai.kinerja_ganti").count() == 0


def test_form_asks_then_replaces_with_confirmation(clients, org, tercatat):
    url = reverse("pegawai:kinerja_baru", args=[org.anggota.pk])
    r = clients["hr"].post(url, {"tahun": 2025, "predikat": "SANGAT_BAIK"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "Tahun 2025 sudah bernilai Baik (dicatat oleh" in html
    assert 'name="ganti"' in html and 'type="checkbox"' in html
    assert KinerjaTahunan.objects.get(pk=tercatat.pk).predikat == "BAIK"

    r = clients["hr"].post(url, {"tahun": 2025, "predikat": "SANGAT_BAIK", "ganti": "on"})
    assert r.status_code == 302
    k = KinerjaTahunan.objects.get(pk=tercatat.pk)
    assert (k.predikat, k.dicatat_oleh_id) == ("SANGAT_BAIK", org.hr.akun.pk)
    a = CatatanAudit.objects.get(aksi="pegawai.kinerja_ganti")
    assert a.perubahan["predikat"] == ["Baik", "Sangat Baik"]
    assert "15-01-2026 09:30" in a.ringkasan


def test_a_new_year_needs_no_confirmation(clients, org, tercatat):
    url = reverse("pegawai:kinerja_baru", args=[org.anggota.pk])
    assert clients["hr"].post(url, {"tahun": 2024, "predikat": "BAIK"}).status_code == 302
    assert KinerjaTahunan.objects.filter(pegawai=org.anggota).count() == 2


@pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota"])
def test_only_hr_records(clients, org, peran):
    url = reverse("pegawai:kinerja_baru", args=[org.anggota.pk])
    assert clients[peran].post(url, {"tahun": 2024, "predikat": "BAIK"}).status_code == 403
    assert not KinerjaTahunan.objects.exists()


def test_anonymous_goes_to_login(clients, org):
    r = clients["anon"].get(reverse("pegawai:kinerja_baru", args=[org.anggota.pk]))
    assert r.status_code == 302 and "/akun/" in r["Location"]


def test_audit_rows_on_the_employee_page_are_in_plain_words(clients, org, tercatat):
    r = clients["hr"].get(reverse("pegawai:detail", args=[org.anggota.pk]))
    html = r.content.decode()
    assert "Predikat kinerja dicatat" in html
    assert "pegawai.kinerja_catat" not in html


def test_labels_registry():
    assert label_aksi("pegawai.ubah") == "Data pegawai diubah"
    assert label_aksi("kode.tak_dikenal") == "kode.tak_dikenal"
    label_daftarkan({"pegawai.ubah": "X"}, ganti=False)  # a later default never overrides
    assert label_aksi("pegawai.ubah") == "Data pegawai diubah"


def test_workflow_steps_register_their_labels():
    from inti.transisi import Alur, Transisi, tabel

    class AlurUji(Alur):
        awalan_audit = "uji_alur"
        transisi = tabel(Transisi("setujui", ("A",), "B", "Setujui usulan", "HR"))

    assert label_aksi("uji_alur.setujui") == "Setujui usulan"
