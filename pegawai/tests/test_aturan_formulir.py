"""The shared plausibility rules in the forms and services (the same the imports use), and the
import preview's relax step."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inti.galat import LayananError
from pegawai.forms.abk import TugasForm
from pegawai.models import Pegawai, TugasJabatan
from pegawai.services.abk import tugas_buat
from pegawai.services.impor import impor_unggah, unggahan_ambil
from pegawai.tests.factories import JabatanFactory, pegawai_di
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, sebagai_tabel, teks_csv

pytestmark = pytest.mark.django_db


def _tugas(**kw):
    return {"uraian": "Mengagendakan surat", "satuan_hasil": "surat", "volume": "0", "norma_waktu": "0.25", **kw}


def test_a_task_with_volume_zero_is_refused_and_can_be_entered_again(org):
    staf = JabatanFactory(nama="Pengadministrasi Umum")
    form = TugasForm(_tugas(), unit=org.unit, jabatan=staf)
    assert not form.is_valid()
    assert form.errors["volume"] == ["Volume harus lebih dari 0 (tugas tanpa beban kerja tidak dicatat)."]
    assert not TugasJabatan.objects.exists()
    # re-entering with the real volume is not a duplicate
    form = TugasForm(_tugas(volume="2400"), unit=org.unit, jabatan=staf)
    assert form.is_valid(), form.errors
    tugas_buat(oleh=org.hr.akun, unit=org.unit, jabatan=staf, data=form.cleaned_data)
    assert TugasJabatan.objects.get().volume == 2400


def test_the_service_refuses_volume_zero_too(org):
    staf = JabatanFactory()
    with pytest.raises(LayananError, match="Volume harus lebih dari 0"):
        tugas_buat(oleh=org.hr.akun, unit=org.unit, jabatan=staf, data={"uraian": "X", "volume": 0, "norma_waktu": 1})


def test_employee_form_refuses_an_impossible_golongan(org):
    from pegawai.forms.pegawai import PegawaiForm
    from pegawai.tests.factories import nip_untuk

    lahir = date(date.today().year - 26, 1, 15)
    data = {
        "nip": nip_untuk(lahir, "L", tmt=date(2022, 1, 1)),
        "status": "PNS",
        "nama": "Uji",
        "jenis_kelamin": "L",
        "tanggal_lahir": lahir.isoformat(),
        "golongan": "IV/e",
        "pendidikan": "S1 Hukum",
    }
    form = PegawaiForm(data)
    assert not form.is_valid()
    assert "Golongan IV/e tidak mungkin" in form.errors["golongan"][0]
    form = PegawaiForm({**data, "golongan": "III/a"})
    assert form.is_valid(), form.errors


def test_hr_relaxes_a_rule_in_the_preview(org, clients):
    ruj = buat_rujukan()
    pegawai_di(ruj.kel, ruj.staf)
    isi = teks_csv(sebagai_tabel([baris_pegawai(1, **{"Unit Kerja": "KEC-MLY"})])).encode()
    u = impor_unggah(berkas=SimpleUploadedFile("p.csv", isi), jenis="pegawai", oleh=org.hr.akun)
    assert not u.hasil.ok and u.bisa_dilonggarkan
    c = clients["hr"]
    r = c.get(reverse("impor:pratinjau", args=[u.token]))
    assert "Longgarkan dan periksa ulang" in r.content.decode()
    url = reverse("impor:longgarkan", args=[u.token])
    # a reason is required
    c.post(url, {"aturan_formasi_unit_jabatan": "1", "alasan_formasi_unit_jabatan": ""})
    assert not unggahan_ambil(token=u.token, oleh=org.hr.akun).hasil.ok
    c.post(url, {"aturan_formasi_unit_jabatan": "1", "alasan_formasi_unit_jabatan": "penugasan khusus"})
    u2 = unggahan_ambil(token=u.token, oleh=org.hr.akun)
    assert u2.hasil.ok and u2.longgar == {"formasi_unit_jabatan": "penugasan khusus"}
    r = c.post(reverse("impor:konfirmasi", args=[u.token]))
    assert r.status_code == 302
    assert Pegawai.objects.filter(nama="Pegawai Impor 1").exists()


def test_only_hr_may_relax(org, clients):
    r = clients["anggota"].post(reverse("impor:longgarkan", args=["0" * 32]), {})
    assert r.status_code in (403, 404)
