"""The import preview with plausibility errors: every error by row and column, a relaxable
rule relaxed with a reason, then saved."""

import pytest
from playwright.sync_api import expect

from pegawai.models import Pegawai, Peran
from pegawai.tests.factories import nip_untuk, pegawai_di
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, sebagai_tabel, tulis_csv
from tests.browser.layar import simpan_layar

from .test_impor import _bahasa_indonesia, _unggah


@pytest.mark.django_db(transaction=True)
def test_preview_lists_rule_errors_and_hr_relaxes_one(live_server, page, masuk, tmp_path):
    from datetime import date

    ruj = buat_rujukan()
    hr = pegawai_di(ruj.kec, akun=True, peran=Peran.HR)
    pegawai_di(ruj.kel, ruj.staf)
    lahir = date(date.today().year - 26, 1, 15)
    tidak_wajar = baris_pegawai(3, lahir=lahir, jk="L", NIP=nip_untuk(lahir, "L", tmt=date(2022, 1, 1), urut=3))
    tidak_wajar.update({"Golongan": "IV/e", "TMT Jabatan": "2010-01-04"})
    rows = [
        baris_pegawai(1, Nama="AndrÃ©s"),
        baris_pegawai(2, Jabatan="Pengadminstrasi Umun"),
        tidak_wajar,
        baris_pegawai(4, **{"Unit Kerja": "KEC-MLY"}),
    ]
    _bahasa_indonesia(page, live_server)
    page.set_viewport_size({"width": 1280, "height": 1100})
    masuk(hr.akun)
    _unggah(page, live_server, tulis_csv(tmp_path / "pegawai.csv", sebagai_tabel(rows)))
    tabel = page.locator("table tbody").first
    expect(tabel).to_contain_text("encoding rusak")
    expect(tabel).to_contain_text("maksud Anda Pengadministrasi Umum?")
    expect(tabel).to_contain_text("sebelum TMT CPNS di NIP (01-2022)")
    expect(tabel).to_contain_text("hanya ada di unit berjenis KELURAHAN")
    expect(page.locator("#aturan-sel-kosong")).to_contain_text("tulis - (tanda minus saja)")
    expect(page.locator("#aturan-kewajaran")).to_contain_text("hanya dapat dilonggarkan bila tidak ada kesalahan lain")
    simpan_layar(page, "impor-pratinjau-kesalahan.png", full_page=True)

    # only the formasi rule left: HR relaxes it with a reason, then saves
    _unggah(page, live_server, tulis_csv(tmp_path / "p2.csv", sebagai_tabel([rows[3]])))
    page.check("#aturan_formasi_unit_jabatan")
    page.fill("input[name=alasan_formasi_unit_jabatan]", "penugasan khusus SK Wali Kota")
    page.get_by_role("button", name="Longgarkan dan periksa ulang").click()
    expect(page.locator(".alert-success")).to_contain_text("File lolos pemeriksaan")
    expect(page.locator("body")).to_contain_text("penugasan khusus SK Wali Kota")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Simpan ke basis data").click()
    expect(page.locator(".alert-success")).to_contain_text("Impor berhasil disimpan")
    assert Pegawai.objects.filter(nip=rows[3]["NIP"]).exists()
