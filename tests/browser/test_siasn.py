"""SIASN in the browser: HR opens "Bandingkan dengan SIASN" from an employee's page, sees the
differences highlighted, ticks one, confirms, and the employee's record carries SIASN's value; then
resends a refused row from the outbox."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from pegawai.models import KirimanSiasn, StatusKiriman
from pegawai.tests.palsu_siasn import SiasnPalsu

from .layar import simpan_layar


@pytest.fixture
def siasn(settings):
    palsu = SiasnPalsu().mulai()
    for k, v in palsu.pengaturan().items():
        setattr(settings, k, v)
    settings.SIASN_ULANG_JEDA = 0
    cache.clear()
    yield palsu
    palsu.berhenti()
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_hr_compares_with_siasn_and_takes_a_value_over(live_server, page, masuk, org, siasn):
    p = org.anggota
    siasn.daftar(p.nip, nama=p.nama.upper(), tglLahir=f"{p.tanggal_lahir:%d-%m-%Y}", golRuangAkhir="III/b")
    page.context.add_cookies([{"name": "django_language", "value": "id", "url": live_server.url}])
    page.set_viewport_size({"width": 1280, "height": 900})
    masuk(org.hr.akun)
    page.goto(f"{live_server.url}/pegawai/{p.pk}/")
    page.get_by_role("link", name="Bandingkan dengan SIASN").click()
    expect(page.get_by_role("heading", name="Bandingkan dengan SIASN")).to_be_visible()
    baris = page.locator("#tabel-banding tr.table-warning", has_text="Golongan")
    expect(baris).to_contain_text("III/a")
    expect(baris).to_contain_text("III/b")
    expect(page.locator("#tabel-banding tr", has_text="Nama").first).not_to_have_class("table-warning")
    page.get_by_label("Ambil Golongan dari SIASN").check()
    simpan_layar(page, "siasn-banding-uji.png", full_page=True)
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Ambil data yang dicentang").click()
    expect(page.get_by_text("Data dari SIASN diambil")).to_be_visible()
    expect(page.locator("#tabel-banding tr.table-warning", has_text="Golongan")).to_have_count(0)
    p.refresh_from_db()
    assert p.golongan == "III/b"

    k = KirimanSiasn.objects.create(pegawai=p, status=StatusKiriman.GAGAL, galat_terakhir="Unor tidak ditemukan")
    page.goto(f"{live_server.url}/pegawai/siasn/kiriman/?status=GAGAL")
    expect(page.get_by_text("Unor tidak ditemukan")).to_be_visible()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Kirim ulang").click()
    expect(page.get_by_text(f"Kiriman #{k.pk} dijadwalkan dikirim ulang")).to_be_visible()
    k.refresh_from_db()
    assert k.status == StatusKiriman.MENUNGGU
