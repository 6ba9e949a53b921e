"""Post-transfer review in the browser: a carried-out transfer -> its 3-month review falls due ->
the head of the receiving unit fills it (draft, then send) -> the employee reads the feedback and
answers (the review's timeline shows each step) -> the impact report shows the change."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evaluasi.models import Evaluasi, StatusEvaluasi
from evaluasi.services.jadwal import evaluasi_jadwalkan_semua
from evaluasi.tests.factories import kinerja, usulan_buat
from pegawai.models import Predikat


def _keluar(page):
    page.context.clear_cookies()


@pytest.mark.django_db(transaction=True)
def test_evaluasi_dari_jatuh_tempo_sampai_laporan(live_server, page, masuk, org):
    hari_ini = timezone.localdate()
    pegawai = org.orang_luar
    u = usulan_buat(pegawai, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=100))
    kinerja(pegawai, u.tmt.year - 1, Predikat.BAIK)
    evaluasi_jadwalkan_semua()  # the daily command
    ev = Evaluasi.objects.get(usulan=u, bulan_ke=3)
    assert ev.terlambat and ev.penilai == org.kepala

    page.set_viewport_size({"width": 1280, "height": 900})
    page.context.add_cookies([{"name": "django_language", "value": "id", "url": live_server.url}])
    page.on("dialog", lambda d: d.accept())

    # The Camat (head above the receiving Kelurahan) sees the review on the front page.
    masuk(org.kepala.akun)
    tugas = page.locator("#dasbor-tugas-penilai")
    expect(tugas).to_contain_text(pegawai.nama_lengkap)
    expect(tugas).to_contain_text("terlambat")
    tugas.get_by_role("link", name="Isi").click()
    expect(page.locator("h1")).to_contain_text("Evaluasi 3 bulan")

    # Ratings: the predikat preview follows the matrix as they are picked.
    page.check("#id_hasil_kerja_0")  # di atas
    for nama in ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"):
        page.check(f"#id_perilaku_{nama}_0")
    page.check("#id_perilaku_1")  # sesuai
    expect(page.locator("#predikat-hasil")).to_have_text("Baik")
    page.check("#id_perilaku_0")  # di atas
    expect(page.locator("#predikat-hasil")).to_have_text("Sangat Baik")
    page.fill("#id_hasil_kerja_bukti", "Pemutakhiran 640 data kependudukan selesai sebelum tenggat.")
    page.click("#simpan-draf")
    expect(page.locator(".alert-success")).to_contain_text("Draf disimpan")
    assert Evaluasi.objects.get(pk=ev.pk).status == StatusEvaluasi.DRAF

    # Sending an incomplete review is refused field by field, nothing lost.
    page.click("#kirim-evaluasi")
    expect(page.locator(".alert-danger").first).to_contain_text("belum lengkap")
    expect(page.locator("#id_hasil_kerja_bukti")).to_have_value(re.compile("640 data"))
    page.check("#id_adaptasi_1")
    page.fill("#id_kekuatan", "Teliti dan cepat belajar.")
    page.fill("#id_perbaikan", "Perlu menguasai aplikasi SIAK.")
    page.fill("#id_tindak_lanjut", "Pelatihan administrasi kependudukan.")
    page.fill("#id_umpan_balik", "Terima kasih, Anda cepat beradaptasi di kelurahan.")
    page.click("#kirim-evaluasi")
    expect(page.locator(".alert-success")).to_contain_text("Evaluasi dikirim")
    expect(page.locator("[data-status]").first).to_have_attribute("data-status", "DIKIRIM")
    expect(page.locator("#predikat")).to_contain_text("Sangat Baik")

    # The employee reads the feedback and answers.
    _keluar(page)
    masuk(pegawai.akun)
    expect(page.locator("#dasbor-umpan-balik")).to_be_visible()
    page.click("#dasbor-umpan-balik >> text=Baca sekarang")
    expect(page.locator("#umpan-balik")).to_contain_text("cepat beradaptasi")
    assert Evaluasi.objects.get(pk=ev.pk).dibaca_pada is not None
    page.fill("#id_tanggapan", "Terima kasih, saya akan mengikuti pelatihan SIAK.")
    page.click("#kirim-tanggapan")
    expect(page.locator(".alert-success")).to_contain_text("final")
    expect(page.locator("#tanggapan")).to_contain_text("pelatihan SIAK")
    assert Evaluasi.objects.get(pk=ev.pk).status == StatusEvaluasi.FINAL
    # The timeline: scheduled, the draft saved, sent, answered, each with who did it.
    langkah = page.locator("#linimasa [data-aksi]")
    expect(langkah).to_have_count(4)
    assert [langkah.nth(i).get_attribute("data-aksi") for i in range(4)] == ["jadwalkan", "simpan", "kirim", "tanggapi"]
    expect(langkah.nth(2)).to_contain_text(org.kepala.nama_lengkap)
    expect(langkah.nth(3)).to_contain_text("pelatihan SIAK")

    # HR's report: one transfer, improved (Baik -> Sangat Baik).
    _keluar(page)
    masuk(org.hr.akun)
    page.goto(f"{live_server.url}/evaluasi/laporan/")
    expect(page.locator("#angka-mutasi")).to_have_text("1")
    expect(page.locator("#persen-naik")).to_contain_text("100")
    expect(page.locator("#tabel-rincian [data-hasil]")).to_have_attribute("data-hasil", "naik")
    expect(page.locator("#grafik-unit")).to_be_visible()
    page.goto(f"{live_server.url}/mutasi/{u.pk}/")
    expect(page.locator("#evaluasi-dampak [data-hasil]").first).to_have_attribute("data-hasil", "naik")
