"""An acting head in the browser: the head records their own absence ("Saya berhalangan"), the
acting person finds the head's inbox with the notice of acting, releases the proposal, and the
proposal's history says "Plh. <name> a.n. <head>"; HR sees the delegation in its list."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from mutasi.models import StatusUsulan
from mutasi.tests.helpers import Dunia
from pegawai.tests.factories import pegawai_di


@pytest.mark.django_db(transaction=True)
def test_plh_kepala_dari_penunjukan_sampai_pelepasan(live_server, page, masuk, org):
    dunia = Dunia(org)
    o = dunia.org
    plh = pegawai_di(o.unit, akun=True, nama="Sekretaris Camat Uji")
    u = dunia.sampai(StatusUsulan.DIAJUKAN)
    page.on("dialog", lambda d: d.accept())

    def sebagai(pegawai):
        page.context.clear_cookies()
        masuk(pegawai.akun)

    # The head names the acting person for the coming days.
    sebagai(o.kepala)
    page.goto(f"{live_server.url}/pegawai/berhalangan/")
    page.fill("#id_pengganti_nip", plh.nip)
    page.fill("#id_mulai", date.today().isoformat())
    page.fill("#id_selesai", (date.today() + timedelta(days=3)).isoformat())
    page.fill("#id_dasar", "Surat Perintah 800/9/2026")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".alert-success")).to_contain_text("Sekretaris Camat Uji")
    expect(page.locator("#pengganti-saya")).to_contain_text("Surat Perintah 800/9/2026")

    # A second, overlapping one is refused with the reason; the input stays.
    page.fill("#id_pengganti_nip", o.anggota.nip)
    page.fill("#id_mulai", (date.today() + timedelta(days=3)).isoformat())
    page.fill("#id_selesai", (date.today() + timedelta(days=5)).isoformat())
    page.fill("#id_dasar", "Surat Perintah 800/10/2026")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#form-pengganti .alert-danger")).to_contain_text("bertumpang")
    expect(page.locator("#id_dasar")).to_have_value("Surat Perintah 800/10/2026")

    # The acting person: the head's inbox, the notice, the release.
    sebagai(plh)
    page.goto(f"{live_server.url}/mutasi/kotak-masuk/")
    expect(page.locator(".alert-warning")).to_contain_text("Anda bertindak sebagai Plh. Kepala Kecamatan Mulyorejo")
    page.locator("#kotak-lepas").click()  # the inbox's tab for this step
    expect(page.locator("#daftar-menunggu")).to_contain_text(u.nomor)
    page.locator("#daftar-menunggu").get_by_role("link", name="Buka").click()
    page.get_by_role("button", name="Setujui pelepasan").click()
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("#linimasa")).to_contain_text(f"Plh. {plh.nama_lengkap} a.n. {o.kepala.nama_lengkap}")

    # HR's list shows it in force.
    sebagai(o.hr)
    page.goto(f"{live_server.url}/pegawai/pengganti/")
    expect(page.locator("#tabel-pengganti")).to_contain_text("Sekretaris Camat Uji")
    expect(page.locator("#tabel-pengganti")).to_contain_text("berlaku")
