"""Journey: a unit head assigns a training -> the employee sees the bell's count, opens the notice
centre, follows the notice to the training page (the count drops), then chooses "only in the app"
for that kind on the notice settings."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from inti.notifikasi.models import PreferensiNotifikasi, Saluran
from pelatihan import services
from pelatihan.tests.factories import DuniaPelatihan, hari


@pytest.mark.django_db(transaction=True)
def test_lonceng_sampai_pengaturan(live_server, page, masuk, org):
    page.set_viewport_size({"width": 1280, "height": 900})
    dp = DuniaPelatihan(org)
    services.penugasan_buat(oleh=org.kepala.akun, pegawai=org.anggota, pelatihan=dp.p_data, tenggat=hari(30))
    assert [m.to for m in mail.outbox] == [[org.anggota.alamat_surel]]  # email by default

    masuk(org.anggota.akun)
    expect(page.locator("#badge-notifikasi")).to_have_text(re.compile(r"^\s*1\b"))
    page.locator("#lonceng").click()
    expect(page.get_by_role("heading", name="Pemberitahuan")).to_be_visible()
    page.get_by_role("link", name=re.compile("Penugasan pelatihan baru")).click()
    expect(page).to_have_url(re.compile(r"/pelatihan/$"))  # "Pelatihan saya"
    expect(page.locator("#badge-notifikasi")).to_have_count(0)

    page.goto(f"{live_server.url}/notifikasi/?tampil=semua")
    expect(page.locator(".list-group")).to_contain_text("Penugasan pelatihan baru")
    expect(page.locator("body")).not_to_contain_text("Tidak ada pemberitahuan yang belum dibaca")

    page.get_by_role("link", name="Pengaturan").click()
    page.get_by_label("Penugasan pelatihan baru").select_option(Saluran.APLIKASI)
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".alert-success")).to_contain_text("Pengaturan pemberitahuan disimpan")
    assert PreferensiNotifikasi.objects.get(user=org.anggota.akun, jenis="pelatihan.ditugaskan").saluran == "aplikasi"

    mail.outbox.clear()
    services.penugasan_buat(oleh=org.kepala.akun, pegawai=org.anggota, pelatihan=dp.p_prima, tenggat=hari(30))
    assert mail.outbox == []  # only the bell now
    page.reload()
    expect(page.locator("#badge-notifikasi")).to_have_text(re.compile(r"^\s*1\b"))
