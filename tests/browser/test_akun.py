"""Accounts in the browser: HR gives an employee an account, the employee activates it from the
emailed link, sets a password and signs in; HR invites several at once with "select all"."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from pegawai.models import Pegawai
from pegawai.tests.factories import pegawai_di
from tests.browser.layar import simpan_layar

SANDI_BARU = "Kalisari#Mulyorejo-2025"


def _bahasa_indonesia(page, live_server) -> None:
    # Headless Chromium asks for English; the users of this system read Indonesian.
    page.context.add_cookies([{"name": "django_language", "value": "id", "url": live_server.url}])


def _tautan_aktivasi(live_server_url: str) -> str:
    assert mail.outbox, "no invitation was sent"
    cocok = re.search(r"https?://[^/\s]+(/akun/aktivasi/\S+/)", mail.outbox[-1].body)
    assert cocok, mail.outbox[-1].body
    return live_server_url + cocok.group(1)


@pytest.mark.django_db(transaction=True)
def test_hr_membuat_akun_pegawai_mengaktifkan_dan_masuk(live_server, page, masuk, org):
    calon = pegawai_di(org.subunit, nama="Dewi Lestari", gelar_belakang="S.AP.", email="dewi.lestari@surabaya.go.id")
    page.set_viewport_size({"width": 1280, "height": 900})
    _bahasa_indonesia(page, live_server)

    # HR finds the employee on the accounts page and creates the account.
    masuk(org.hr.akun)
    page.goto(f"{live_server.url}/akun/pegawai/?q=Dewi")
    baris = page.locator(f"tr[data-pegawai='{calon.pk}']")
    expect(baris).to_contain_text("Belum ada akun")
    baris.get_by_role("button", name="Buat akun & kirim undangan").click()
    expect(page.locator(".alert-success")).to_contain_text("undangan aktivasi dikirim ke dewi.lestari@surabaya.go.id")
    expect(page.locator(f"tr[data-pegawai='{calon.pk}']")).to_contain_text("Diundang")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dewi.lestari@surabaya.go.id"]
    tautan = _tautan_aktivasi(live_server.url)

    # HR signs out (POST from the user menu).
    page.locator("#nav-utama .navbar-nav").last.locator(".dropdown-toggle").click()
    page.get_by_role("button", name="Keluar").click()
    expect(page.locator("#form-masuk")).to_be_visible()

    # The employee opens the link, sets a password, and is sent to the sign-in page with the NIP filled in.
    page.goto(tautan)
    expect(page.get_by_role("heading", name="Aktivasi akun")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Dewi Lestari, S.AP.")
    page.fill("input[name=new_password1]", SANDI_BARU)
    page.fill("input[name=new_password2]", SANDI_BARU)
    page.get_by_role("button", name="Aktifkan akun").click()
    expect(page.locator(".alert-success")).to_contain_text("Akun Anda sudah aktif")
    expect(page.locator("input[name=username]")).to_have_value(calon.nip_tampil)
    simpan_layar(page, "akun-masuk.png", full_page=True)

    page.fill("input[name=password]", SANDI_BARU)
    page.locator("#form-masuk button[type=submit]").click()
    expect(page.locator("nav.navbar")).to_contain_text("Dewi Lestari, S.AP.")

    # The link cannot be used twice: it says the account is already active.
    page.goto(tautan)
    expect(page.get_by_role("heading", name="Akun Anda sudah aktif")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_hr_mengundang_banyak_sekaligus(live_server, page, masuk, org):
    calon = [pegawai_di(org.subunit, email=f"massal{i}@surabaya.go.id") for i in range(3)]
    page.set_viewport_size({"width": 1280, "height": 900})
    _bahasa_indonesia(page, live_server)
    masuk(org.hr.akun)
    page.goto(f"{live_server.url}/akun/pegawai/?status=BELUM")
    tombol = page.locator("#tombol-terpilih")
    expect(tombol).to_be_disabled()
    page.locator("input.js-check-all").check()
    expect(page.locator("#jumlah-dipilih")).to_have_text("3")
    expect(tombol).to_be_enabled()
    simpan_layar(page, "akun-pegawai.png", full_page=True)
    page.once("dialog", lambda dialog: dialog.accept())
    tombol.click()
    expect(page.locator(".alert-success")).to_contain_text("3 akun dibuat; 3 undangan aktivasi terkirim")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in calon)
    assert Pegawai.objects.filter(pk__in=[p.pk for p in calon], akun__isnull=False).count() == 3
