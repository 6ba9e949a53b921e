"""Journey: a decided transfer -> trainings suggested on the proposal page -> the receiving head
assigns them -> the employee uploads the certificate -> HR verifies -> the competence appears on
the employee's record. Also the mentor and the adaptation checklist."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pelatihan.models import PenugasanPelatihan, StatusPenugasan
from pelatihan.tests.factories import PDF, DuniaPelatihan, penugasan_buat
from tests.browser.layar import simpan_layar


def _keluar(page):
    page.context.clear_cookies()


_layar = simpan_layar


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "id-ID"}  # Indonesian dates, as the users see them


@pytest.fixture
def halaman(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.on("dialog", lambda d: d.accept())  # the js-confirm questions
    return page


@pytest.mark.django_db(transaction=True)
def test_pelatihan_dari_mutasi_sampai_kompetensi_tercatat(live_server, halaman, masuk, org, tmp_path):
    page = halaman
    dp = DuniaPelatihan(org)
    u = dp.u

    # The receiving head sees the gap and the suggestion on the proposal page, and assigns it.
    masuk(dp.kepala_tujuan.akun)
    page.goto(f"{live_server.url}/mutasi/{u.pk}/")
    panel = page.locator("#pelatihan")
    expect(panel).to_contain_text("Kesehatan Masyarakat")
    expect(panel.locator("#daftar-gap")).to_contain_text("belum dimiliki")
    baris = panel.locator(f'#tabel-saran tr[data-pelatihan="{dp.p_dasar.pk}"]')
    expect(baris).to_contain_text("Layanan Kesehatan Dasar")
    expect(baris.locator("input[type=checkbox]")).to_be_checked()
    panel.locator("#form-tugaskan textarea[name=catatan]").fill("Ikuti angkatan bulan depan.")
    panel.scroll_into_view_if_needed()
    _layar(page, "pelatihan-usulan.png", full_page=True)
    panel.locator("#tombol-tugaskan").click()
    expect(page.locator(".alert-success")).to_contain_text("1 pelatihan ditugaskan")
    expect(page.locator("#tabel-penugasan-usulan")).to_contain_text("Layanan Kesehatan Dasar")
    t = PenugasanPelatihan.objects.get()
    assert t.usulan_id == u.pk and t.status == StatusPenugasan.DITUGASKAN

    # The employee uploads the certificate on "Pelatihan saya" (where an earlier training counts toward 20 JP).
    penugasan_buat(
        org.anggota, dp.p_lain, status=StatusPenugasan.SELESAI, tanggal_selesai=timezone.localdate(), jp_diperoleh=12
    )
    _keluar(page)
    masuk(org.anggota.akun)
    page.goto(f"{live_server.url}/pelatihan/")
    kartu = page.locator(f'#pelatihan-aktif li[data-id="{t.pk}"]')
    expect(kartu).to_contain_text("Layanan Kesehatan Dasar")
    sertifikat = tmp_path / "sertifikat-layanan.pdf"
    sertifikat.write_bytes(PDF)
    kartu.locator("input[type=file]").set_input_files(str(sertifikat))
    kartu.get_by_role("button", name=re.compile("Unggah sertifikat")).click()
    expect(page.locator(".alert-success")).to_contain_text("menunggu verifikasi")
    expect(page.locator(f'#pelatihan-aktif li[data-id="{t.pk}"]')).to_contain_text("Menunggu verifikasi")
    expect(page.locator("#kartu-jp")).to_contain_text("12")
    _layar(page, "pelatihan-saya.png", full_page=True)

    # HR finds it among those waiting for verification and verifies it.
    _keluar(page)
    masuk(org.hr.akun)
    page.goto(f"{live_server.url}/pelatihan/penugasan/?status=menunggu_verifikasi")
    page.locator(f'#tabel-penugasan tr[data-id="{t.pk}"] a').first.click()
    expect(page.locator("#tautan-bukti")).to_contain_text("sertifikat-layanan.pdf")
    page.locator("#form-verifikasi button").click()
    expect(page.locator(".alert-success")).to_contain_text("diverifikasi selesai")
    t.refresh_from_db()
    assert t.status == StatusPenugasan.SELESAI and t.jp_diperoleh == 30

    # The competence is now on the employee's record.
    page.goto(f"{live_server.url}/pegawai/{org.anggota.pk}/")
    expect(page.locator("section[aria-labelledby=judul-kompetensi]")).to_contain_text("Kesehatan Masyarakat")


@pytest.mark.django_db(transaction=True)
def test_pendamping_dan_rencana_adaptasi(live_server, halaman, masuk, org):
    page = halaman
    dp = DuniaPelatihan(org)
    masuk(dp.kepala_tujuan.akun)
    page.goto(f"{live_server.url}/pelatihan/adaptasi/{dp.u.pk}/")
    page.select_option("#form-pendamping select[name=mentor]", str(dp.mentor.pk))
    page.locator("#form-pendamping button").click()
    expect(page.locator("#nama-pendamping")).to_contain_text("Sri Mentor")
    expect(page.locator("#rencana li[data-item]")).to_have_count(4)

    # The mentor ticks the first item; the employee sees the progress.
    _keluar(page)
    masuk(dp.mentor.akun)
    page.goto(f"{live_server.url}/pelatihan/adaptasi/{dp.u.pk}/")
    page.locator("#rencana li[data-item]").first.get_by_role("button").click()
    expect(page.locator("#kemajuan")).to_contain_text("1 dari 4")
    expect(page.locator("#checkin")).to_have_count(0)  # the mentor does not read check-ins
    _keluar(page)
    masuk(org.anggota.akun)
    page.goto(f"{live_server.url}/pelatihan/adaptasi/{dp.u.pk}/")
    expect(page.locator("#kemajuan")).to_contain_text("1 dari 4")
