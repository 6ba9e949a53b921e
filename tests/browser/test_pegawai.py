"""Employee records in the browser: HR finds an employee by unit and reads their history; HR adds an
employee, is told exactly which NIP digit is wrong, fixes it, moves them and deactivates them."""

from datetime import date
from importlib import import_module

import pytest
from playwright.sync_api import expect

from pegawai.models import BatasUsiaPensiun, JenisJabatan, Pegawai, UnitKerja
from pegawai.tests.factories import JabatanFactory, RiwayatJabatanFactory, pegawai_di
from tests.browser.layar import pilih_unit


def _bahasa_indonesia(page, live_server) -> None:
    # Headless Chromium asks for English; the users of this system read Indonesian.
    page.context.add_cookies([{"name": "django_language", "value": "id", "url": live_server.url}])


def _isi_bup() -> None:
    # Migration 0002 seeds the retirement ages, but an earlier transactional test flushes them.
    for jenis, jenjang, usia in import_module("pegawai.migrations.0002_bup_awal").BUP:
        BatasUsiaPensiun.objects.update_or_create(jenis=jenis, jenjang=jenjang, defaults={"usia": usia})


def _simpan_gambar(page, tmp_path, nama: str) -> None:
    """Screenshots to look at when a run fails (docs/screenshots/ has the curated ones)."""
    page.screenshot(path=str(tmp_path / f"{nama}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_hr_filters_by_unit_and_opens_an_employee_with_history(live_server, page, masuk, org, tmp_path):
    _isi_bup()
    lama = JabatanFactory(nama="Pengadministrasi Umum")
    RiwayatJabatanFactory(
        pegawai=org.anggota,
        unit=org.lain,
        jabatan=lama,
        mulai=date(2016, 3, 1),
        sampai=date(2020, 12, 31),
        nomor_sk="821.2/123/436.7.2/2016",
    )
    for _ in range(3):
        pegawai_di(org.lain)
    page.set_viewport_size({"width": 1280, "height": 900})
    _bahasa_indonesia(page, live_server)

    masuk(org.hr.akun)
    page.get_by_role("button", name="Kepegawaian").click()
    page.get_by_role("link", name="Daftar pegawai").click()
    expect(page.get_by_role("heading", name="Daftar pegawai")).to_be_visible()
    expect(page.locator("#jumlah-hasil")).to_contain_text("8 pegawai")

    # Choosing a unit (typed, picked from the matches) applies the filter at once (static/js/unit-cari.js,
    # attached when the page has loaded); the kelurahan under the kecamatan is included.
    page.wait_for_load_state("load")
    pilih_unit(page, "unit", org.unit)
    page.wait_for_url("**unit=*")
    expect(page.locator("#jumlah-hasil")).to_contain_text("2 pegawai")
    tabel = page.locator("#tabel-pegawai")
    expect(tabel).to_contain_text(org.kepala.nama_lengkap)
    expect(tabel).to_contain_text(org.anggota.nama_lengkap)
    expect(tabel).not_to_contain_text(org.orang_luar.nama_lengkap)
    _simpan_gambar(page, tmp_path, "pegawai-daftar")

    tabel.get_by_role("link", name=org.anggota.nama_lengkap).click()
    expect(page.get_by_role("heading", name=org.anggota.nama_lengkap)).to_be_visible()
    expect(page.locator("body")).to_contain_text(org.anggota.nip_tampil)
    riwayat = page.locator("#tabel-riwayat tbody tr")
    expect(riwayat).to_have_count(2)
    expect(riwayat.first).to_contain_text("sekarang")
    expect(riwayat.first).to_contain_text("Kelurahan Kalisari")
    expect(riwayat.nth(1)).to_contain_text("Pengadministrasi Umum")
    expect(riwayat.nth(1)).to_contain_text("31-12-2020")
    expect(page.locator("#pensiun")).to_contain_text("TMT pensiun")
    _simpan_gambar(page, tmp_path, "pegawai-detail")


@pytest.mark.django_db(transaction=True)
def test_hr_adds_moves_and_deactivates_an_employee(live_server, page, masuk, org, tmp_path):
    pengolah = JabatanFactory(nama="Pengolah Data")
    lurah = JabatanFactory(nama="Lurah Kalisari", jenis=JenisJabatan.PENGAWAS, kepala_unit=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    _bahasa_indonesia(page, live_server)
    masuk(org.hr.akun)
    page.goto(f"{live_server.url}/pegawai/baru/")

    # PPPK golongan are hidden while the status is PNS.
    expect(page.locator("select[name=golongan] optgroup[label=PPPK]")).to_be_hidden()
    page.fill("input[name=nip]", "19900217 201503 1 004")
    page.fill("input[name=nama]", "Ahmad Fauzi")
    page.fill("input[name=gelar_belakang]", "S.AP.")
    page.select_option("select[name=jenis_kelamin]", "L")
    page.fill("input[name=tempat_lahir]", "Surabaya")
    page.fill("input[name=tanggal_lahir]", "1990-02-18")  # one day off the NIP
    page.select_option("select[name=golongan]", "III/a")
    pilih_unit(page, "unit", org.subunit)
    page.select_option("select[name=jabatan]", str(pengolah.pk))
    page.fill("input[name=tmt]", "2023-03-01")
    page.get_by_role("button", name="Simpan").click()

    # The mismatch is shown on the birth-date field; what was typed is still there.
    expect(page.locator("#id_tanggal_lahir.is-invalid")).to_be_visible()
    expect(page.locator("body")).to_contain_text("tidak sama dengan tanggal lahir di NIP (1990-02-17)")
    expect(page.locator("input[name=nama]")).to_have_value("Ahmad Fauzi")
    assert not Pegawai.objects.filter(nama="Ahmad Fauzi").exists()
    _simpan_gambar(page, tmp_path, "pegawai-form-salah")

    page.fill("input[name=tanggal_lahir]", "1990-02-17")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".alert-success")).to_contain_text("Ahmad Fauzi, S.AP. ditambahkan")
    expect(page.locator("#tabel-riwayat tbody tr")).to_have_count(1)
    pegawai = Pegawai.objects.get(nip="199002172015031004")

    # Moving into the lurah post makes them head of the kelurahan.
    page.get_by_role("link", name="Pindah jabatan").click()
    pilih_unit(page, "unit", org.subunit)
    page.select_option("select[name=jabatan]", str(lurah.pk))
    page.fill("input[name=tmt]", "2024-07-01")
    page.fill("input[name=nomor_sk]", "821.2/77/436.7.2/2024")
    page.get_by_role("button", name="Simpan perpindahan").click()
    expect(page.locator(".alert-success")).to_contain_text("kini Lurah Kalisari")
    expect(page.locator("#tabel-riwayat tbody tr")).to_have_count(2)
    expect(page.locator("#tabel-riwayat tbody tr").nth(1)).to_contain_text("30-06-2024")
    assert UnitKerja.objects.get(pk=org.subunit.pk).kepala_id == pegawai.pk

    # Deactivating asks first; dismissing the question changes nothing.
    page.get_by_role("link", name="Nonaktifkan").click()
    page.wait_for_load_state("load")  # the confirmation is attached by static/js/app.js
    page.fill("input[name=alasan]", "Pindah ke instansi lain")
    page.fill("input[name=tanggal]", "2025-01-31")
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Nonaktifkan").click()
    expect(page.get_by_role("heading", name="Nonaktifkan pegawai")).to_be_visible()
    assert Pegawai.objects.get(pk=pegawai.pk).aktif
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Nonaktifkan").click()
    expect(page.locator(".alert-success")).to_contain_text("dinonaktifkan")
    expect(page.locator("body")).to_contain_text("Tidak aktif: Pindah ke instansi lain")
    assert UnitKerja.objects.get(pk=org.subunit.pk).kepala_id is None
