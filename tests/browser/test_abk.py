"""Needs analysis in the browser: HR opens the city overview, drills down to a short-staffed
Puskesmas and sees the ranked candidates from an over-staffed hospital, each with its score parts."""

from datetime import date

import pytest
from playwright.sync_api import expect

from pegawai.models import JenisJabatan, JenisUnit, KinerjaTahunan, Predikat
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, pegawai_di
from pegawai.tests.test_abk_hitung import tugas


def _bahasa_indonesia(page, live_server) -> None:
    page.context.add_cookies([{"name": "django_language", "value": "id", "url": live_server.url}])


@pytest.mark.django_db(transaction=True)
def test_hr_drills_down_to_a_shortage_and_sees_ranked_candidates(live_server, page, masuk, org):
    dinkes = UnitKerjaFactory(nama="Dinas Kesehatan", jenis=JenisUnit.OPD)
    pkm = UnitKerjaFactory(nama="Puskesmas Mulyorejo", jenis=JenisUnit.PUSKESMAS, induk=dinkes)
    rsud = UnitKerjaFactory(nama="RSUD Surabaya Timur", jenis=JenisUnit.RSUD, induk=dinkes)
    perawat = JabatanFactory(nama="Perawat Terampil", jenis=JenisJabatan.FUNGSIONAL)
    tugas(pkm, perawat, 3750, 1, "Asuhan keperawatan")  # 3 needed
    pegawai_di(pkm, perawat, mulai=date(2022, 1, 1))  # 1 held: short by 2
    tugas(rsud, perawat, 1250, 1, "Asuhan keperawatan")  # 1 needed, 3 held: surplus 2
    lama = pegawai_di(rsud, perawat, mulai=date(2018, 1, 1), nama="Sri Wulandari")
    bagus = pegawai_di(rsud, perawat, mulai=date(2022, 6, 1), nama="Budi Santoso")
    KinerjaTahunan.objects.create(pegawai=bagus, tahun=2025, predikat=Predikat.SANGAT_BAIK)
    pegawai_di(rsud, perawat, mulai=date.today().replace(day=1), nama="Dewi Baru")  # too early

    page.set_viewport_size({"width": 1280, "height": 900})
    _bahasa_indonesia(page, live_server)
    masuk(org.hr.akun)
    page.goto(f"{live_server.url}/abk/")
    expect(page.locator("h1")).to_have_text("Analisis kebutuhan pegawai (ABK)")
    baris = page.locator("#tabel-ikhtisar tbody tr").first
    expect(baris).to_contain_text("Dinas Kesehatan")  # the largest shortage comes first
    expect(page.locator("#rekap-kekurangan")).to_have_text("2")
    expect(page.locator("#abk-grafik")).to_be_visible()

    baris.get_by_role("link", name="Dinas Kesehatan").click()
    expect(page.locator("h1")).to_have_text("Dinas Kesehatan")
    expect(page.locator("#baris-total")).to_contain_text("2")
    page.locator("#tabel-rincian").get_by_role("link", name="Puskesmas Mulyorejo").click()

    expect(page.locator("h1")).to_have_text("Puskesmas Mulyorejo")
    jabatan = page.locator(f"#jabatan-{perawat.pk}")
    expect(jabatan).to_contain_text("+2 kurang")
    jabatan.get_by_role("link", name="Kandidat").click()

    expect(page.locator("h1")).to_have_text("Kandidat pengisi kekurangan")
    kandidat = page.locator("#tabel-kandidat tbody tr")
    expect(kandidat).to_have_count(2)
    # Five years or more in the post outweighs a better predicate: Sri first, then Budi.
    expect(kandidat.nth(0).locator(".nama-kandidat")).to_have_text(lama.nama_lengkap)
    expect(kandidat.nth(0)).to_contain_text("wajib dimutasi")
    expect(kandidat.nth(1).locator(".nama-kandidat")).to_have_text(bagus.nama_lengkap)
    expect(kandidat.nth(1)).to_contain_text("Sangat Baik")
    expect(page.locator("#tabel-dikecualikan")).to_contain_text("Dewi Baru")
    expect(page.locator("#tabel-dikecualikan")).to_contain_text("Terlalu dini")
    page.get_by_text("Cara skor dihitung").click()
    expect(page.locator("#penjelasan-skor")).to_contain_text("Kelebihan di unit asal")
