"""Bulk import in the browser: HR uploads a CSV, reads the preview, confirms; a file with an
error is refused on the preview with its row and column, and nothing is saved."""

import pytest
from playwright.sync_api import expect

from pegawai.models import Pegawai, Peran, RiwayatImpor
from pegawai.tests.factories import pegawai_di
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, sebagai_tabel, tulis_csv


def _bahasa_indonesia(page, live_server) -> None:
    page.context.add_cookies([{"name": "django_language", "value": "id", "url": live_server.url}])


def _unggah(page, live_server, path):
    page.goto(f"{live_server.url}/impor/")
    expect(page.locator("h1")).to_have_text("Impor data")
    page.select_option("select[name=jenis]", "pegawai")
    page.set_input_files("input[name=berkas]", str(path))
    page.get_by_role("button", name="Unggah dan periksa").click()
    expect(page.locator("h1")).to_have_text("Pratinjau impor: Pegawai")


@pytest.mark.django_db(transaction=True)
def test_hr_uploads_previews_and_confirms(live_server, page, masuk, tmp_path):
    ruj = buat_rujukan()
    hr = pegawai_di(ruj.kec, akun=True, peran=Peran.HR)
    rows = [baris_pegawai(i) for i in range(1, 4)]
    path = tulis_csv(tmp_path / "pegawai-baru.csv", sebagai_tabel(rows), pemisah=";")

    page.set_viewport_size({"width": 1280, "height": 900})
    _bahasa_indonesia(page, live_server)
    masuk(hr.akun)
    page.get_by_role("button", name="Kepegawaian").click()
    page.get_by_role("link", name="Impor data").click()
    _unggah(page, live_server, path)

    expect(page.locator(".alert-success")).to_contain_text("File lolos pemeriksaan")
    expect(page.locator(".stat-card").nth(1)).to_contain_text("3")
    expect(page.get_by_text(rows[0]["NIP"])).to_be_visible()
    assert not Pegawai.objects.filter(nip=rows[0]["NIP"]).exists()

    page.once("dialog", lambda d: d.accept())  # "Simpan 3 data baru ...?"
    page.get_by_role("button", name="Simpan ke basis data").click()

    expect(page.locator(".alert-success")).to_contain_text("Impor berhasil disimpan: 3 baris: 3 baru")
    expect(page.locator("h1")).to_contain_text("Berhasil")
    assert Pegawai.objects.filter(nip__in=[r["NIP"] for r in rows]).count() == 3
    assert RiwayatImpor.objects.get().berhasil


@pytest.mark.django_db(transaction=True)
def test_a_file_with_an_error_is_refused_on_the_preview(live_server, page, masuk, tmp_path):
    ruj = buat_rujukan()
    hr = pegawai_di(ruj.kec, akun=True, peran=Peran.HR)
    rows = [baris_pegawai(1), baris_pegawai(2, **{"Unit Kerja": "KEL-TIDAK-ADA"})]
    path = tulis_csv(tmp_path / "pegawai.csv", sebagai_tabel(rows))

    _bahasa_indonesia(page, live_server)
    masuk(hr.akun)
    _unggah(page, live_server, path)

    expect(page.locator(".alert-danger")).to_contain_text("File ditolak; tidak ada yang disimpan.")
    baris = page.locator("table tbody tr").first
    expect(baris).to_contain_text("3")
    expect(baris).to_contain_text("Unit Kerja")
    expect(baris).to_contain_text("unit kerja KEL-TIDAK-ADA tidak ditemukan")
    expect(page.get_by_role("button", name="Simpan ke basis data")).to_have_count(0)
    page.get_by_role("link", name="Unggah file perbaikan").click()
    expect(page.locator("h1")).to_have_text("Impor data")
    assert not Pegawai.objects.filter(nip=rows[0]["NIP"]).exists()
