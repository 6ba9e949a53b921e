"""The whole journey of a transfer in the browser: HR proposes, the sending head releases, the
receiving head accepts, HR uploads the required documents and verifies, the PPK decides, HR
prepares the decree and the PPK signs it, the employee reads and acknowledges the notice, and the
daily job carries it out."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from mutasi.demo import PDF_CONTOH
from mutasi.models import StatusUsulan, UsulanMutasi
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo
from mutasi.tests.helpers import Dunia
from tests.browser.layar import simpan_layar


@pytest.mark.django_db(transaction=True)
def test_perjalanan_mutasi_lengkap(live_server, page, masuk, org, tmp_path):
    dunia = Dunia(org)
    o = dunia.org
    o.anggota.nama = "Ahmad Fauzi"
    o.anggota.gelar_belakang = "S.AP."
    o.anggota.save()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.on("dialog", lambda d: d.accept())
    tmt = date.today() + timedelta(days=20)

    def sebagai(pegawai):
        page.context.clear_cookies()
        masuk(pegawai.akun)

    def tindakan(pegawai, label):
        sebagai(pegawai)
        page.goto(f"{live_server.url}/mutasi/kotak-masuk/")
        page.get_by_role("link", name="Buka").first.click()
        page.get_by_role("button", name=label).click()
        expect(page.locator(".alert-success")).to_contain_text("berhasil")

    # HR proposes from a needs-analysis candidate link (pre-filled form).
    sebagai(o.hr)
    page.goto(
        f"{live_server.url}/mutasi/baru/?pegawai={o.anggota.pk}&unit={dunia.tujuan.pk}"
        f"&jabatan={dunia.jabatan_tujuan.pk}&dasar=analisis"
    )
    expect(page.locator("input[name=tujuan_unit]")).to_have_value(str(dunia.tujuan.pk))
    page.fill("#id_tmt_usulan", tmt.isoformat())
    page.fill("#id_alasan", "Dinas Kesehatan kekurangan pengelola data menurut ABK.")
    page.fill("#id_manfaat_organisasi", "Pelaporan data kesehatan tepat waktu.")
    page.fill("#id_manfaat_pegawai", "Pengalaman mengelola data kesehatan; jalur ke jabatan fungsional statistisi.")
    page.fill("#id_alasan_tanpa_kekurangan", "ABK unit tujuan sedang diperbarui.")
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(page.locator("#syarat")).to_contain_text("Masa jabatan sekarang")
    page.get_by_role("button", name="Ajukan usulan").click()
    expect(page.locator("h1")).to_contain_text("Diajukan")
    u = UsulanMutasi.objects.get(pegawai=o.anggota)

    # The sending head: the kelurahan head post is vacant, so the Camat releases; the page says why.
    sebagai(o.kepala)
    page.goto(f"{live_server.url}/mutasi/kotak-masuk/")
    page.locator("#kotak-lepas").click()  # the inbox's tab for this step
    expect(page.locator("#daftar-menunggu")).to_contain_text("Ahmad Fauzi")
    expect(page.locator("#badge-menunggu")).to_have_text("1")
    simpan_layar(page, "mutasi-kotak-masuk.png", full_page=True)
    page.get_by_role("link", name="Buka").first.click()
    expect(page.locator("#diteruskan")).to_contain_text("kosong")
    page.get_by_role("button", name="Setujui pelepasan").click()
    expect(page.locator(".alert-success")).to_contain_text("berhasil")

    tindakan(dunia.kepala_tujuan, "Setujui penerimaan")
    # HR: the verify button names the missing documents; HR uploads each through the checklist.
    sebagai(o.hr)
    page.goto(f"{live_server.url}/mutasi/{u.pk}/")
    expect(page.locator('.dokumen-kurang[data-aksi="verifikasi"]')).to_contain_text("SK pangkat terakhir")
    expect(page.get_by_role("button", name="Verifikasi berkas")).to_be_disabled()
    expect(page.locator('.dokumen-baris[data-kode="surat-pelepasan"]')).to_contain_text("Disetujui di aplikasi")
    surat = tmp_path / "surat.pdf"
    surat.write_bytes(PDF_CONTOH)
    kurang = page.locator('.dokumen-baris[data-terpenuhi="tidak"] .form-dokumen')
    for _ in range(kurang.count()):
        kurang.first.locator("input[type=file]").set_input_files(surat)
        kurang.first.get_by_role("button", name="Unggah").click()
        expect(page.locator(".alert-success")).to_contain_text("Dokumen diunggah")
    expect(page.locator(".dokumen-kurang")).to_have_count(0)
    tindakan(o.hr, "Verifikasi berkas")
    tindakan(o.ppk, "Setujui mutasi (putuskan)")

    # HR prepares the decree; the PPK reads it, decides and signs it (the installation certificate).
    sebagai(o.hr)
    page.goto(f"{live_server.url}/mutasi/{u.pk}/")
    page.fill("#form-sk #id_tmt", tmt.isoformat())
    page.get_by_role("button", name="Siapkan SK").click()
    expect(page.locator(".alert-success")).to_contain_text("PPK")
    expect(page.locator("#status-sk")).to_contain_text("Konsep")
    sebagai(o.ppk)
    page.goto(f"{live_server.url}/mutasi/kotak-masuk/")
    page.locator("#kotak-tandatangani").click()
    expect(page.locator("#daftar-menunggu")).to_contain_text("Ahmad Fauzi")
    page.goto(f"{live_server.url}/mutasi/sk/konsep/")
    page.get_by_role("link", name="Buka").first.click()
    expect(page.locator("#naskah-sk")).to_contain_text("KEPUTUSAN WALI KOTA SURABAYA")
    page.check("#id_setuju")
    page.get_by_role("button", name="Tetapkan dan tandatangani").click()
    expect(page.locator(".alert-success")).to_contain_text("ditandatangani secara elektronik")
    expect(page.locator("#keabsahan")).to_contain_text("Tanda tangan sah")
    simpan_layar(page, "mutasi-sk-halaman.png", full_page=True)
    u.refresh_from_db()
    assert u.status == StatusUsulan.SK_TERBIT

    # The employee reads the notice and acknowledges it.
    sebagai(o.anggota)
    page.goto(f"{live_server.url}/mutasi/saya/")
    page.get_by_role("link", name="Baca pemberitahuan").click()
    expect(page.locator("#pemberitahuan")).to_contain_text("Dinas Kesehatan")
    expect(page.locator("#pemberitahuan")).to_contain_text("jalur ke jabatan fungsional statistisi")
    expect(page.locator("#pemberitahuan")).to_contain_text(dunia.kepala_tujuan.nama)
    simpan_layar(page, "mutasi-pemberitahuan.png", full_page=True)
    page.locator("#tombol-konfirmasi").click()
    expect(page.locator(".alert-success")).to_contain_text("Terima kasih")
    u.refresh_from_db()
    assert u.pemberitahuan_dikonfirmasi is not None

    # The daily job carries it out on the TMT (the command refuses a day after today, so the test runs
    # the job's service as it runs on that day).
    mutasi_laksanakan_jatuh_tempo(hari_ini=tmt)
    page.reload()
    expect(page.locator(f"#mutasi-{u.pk}")).to_contain_text("Dilaksanakan")
    o.anggota.refresh_from_db()
    assert o.anggota.posisi_sekarang.unit == dunia.tujuan
    assert re.match(r"800/\d+/", u.sk.nomor)
