"""Training pages: who may open each one (anonymous -> login, no right -> 403/404, right -> 200),
what they change, lists with constant queries, the export, the panel on the proposal page and
the part of the employee's notice."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mutasi.models import StatusUsulan
from pelatihan.models import Pelatihan, PenugasanPelatihan, StatusPenugasan
from pelatihan.tests.factories import PDF, PelatihanFactory, hari, penugasan_buat

SP = StatusPenugasan


def _status(klien, url, method="get", data=None):
    r = getattr(klien, method)(url, data or {})
    return r.status_code


def _cek(c, url, boleh, dilarang, method="get", data=None):
    assert _status(c["anon"], url, method, data) == 302
    for peran, kode in dilarang.items():
        assert _status(c[peran], url, method, data) == kode, peran
    for peran in boleh:
        assert _status(c[peran], url, method, data) == 200, peran


def _lembar(r):
    """The first sheet of a downloaded workbook (the download streams)."""
    return load_workbook(io.BytesIO(b"".join(r.streaming_content))).active


@pytest.fixture
def tugas(dp):
    return penugasan_buat(dp.org.anggota, dp.p_dasar, usulan=dp.u)


# --- Catalogue ----------------------------------------------------------------------------------


def test_katalog_terbuka_untuk_semua_yang_masuk(c, dp):
    _cek(c, reverse("pelatihan:katalog"), ["hr", "ppk", "kepala", "anggota", "orang_luar"], {})
    _cek(c, reverse("pelatihan:katalog_detail", args=[dp.p_prima.pk]), ["hr", "anggota"], {})


def test_katalog_nonaktif_hanya_untuk_hr(c, dp):
    dp.p_lain.aktif = False
    dp.p_lain.save()
    url = reverse("pelatihan:katalog_detail", args=[dp.p_lain.pk])
    _cek(c, url, ["hr"], {"anggota": 404, "kepala": 404})
    assert "Wawasan Kebangsaan" not in c["anggota"].get(reverse("pelatihan:katalog")).content.decode()
    assert "Wawasan Kebangsaan" in c["hr"].get(reverse("pelatihan:katalog") + "?aktif=semua").content.decode()


def test_katalog_cari_dan_saring(c, dp):
    r = c["hr"].get(reverse("pelatihan:katalog"), {"q": "prima"})
    assert list(r.context["page_obj"]) == [dp.p_prima]
    r = c["hr"].get(reverse("pelatihan:katalog"), {"kompetensi": dp.k_kesmas.pk})
    assert {p.nama for p in r.context["page_obj"]} == {"Manajemen Puskesmas", "Layanan Kesehatan Dasar"}
    r = c["hr"].get(reverse("pelatihan:katalog"), {"jenis": "MANAJERIAL"})
    assert list(r.context["page_obj"]) == [dp.p_puskesmas]


def test_katalog_query_tetap(c, dp, django_assert_max_num_queries):
    for i in range(30):
        PelatihanFactory(nama=f"Tambahan {i}", kompetensi=[dp.k_data])
    with django_assert_max_num_queries(10):
        c["anggota"].get(reverse("pelatihan:katalog"))


@pytest.mark.parametrize("nama", ["katalog_baru", "katalog_ubah"])
def test_kelola_katalog_hanya_hr(c, dp, nama):
    url = reverse(f"pelatihan:{nama}", args=[dp.p_prima.pk] if nama == "katalog_ubah" else [])
    _cek(c, url, ["hr"], {"ppk": 403, "kepala": 403, "anggota": 403, "orang_luar": 403})


def test_hr_menambah_dan_mengubah_pelatihan(c, dp):
    data = {
        "nama": "Pelayanan Kesehatan Tradisional",
        "jenis": "TEKNIS",
        "jp": 20,
        "penyelenggara": "Dinas Kesehatan",
        "mode": "E_LEARNING",
        "kompetensi": [dp.k_kesmas.pk],
        "aktif": "on",
    }
    r = c["hr"].post(reverse("pelatihan:katalog_baru"), data)
    p = Pelatihan.objects.get(nama="Pelayanan Kesehatan Tradisional")
    assert r.status_code == 302 and list(p.kompetensi.all()) == [dp.k_kesmas]
    r = c["hr"].post(reverse("pelatihan:katalog_ubah", args=[p.pk]), {**data, "jp": 0})
    assert r.status_code == 200 and r.context["form"].errors["jp"]
    assert 'value="Pelayanan Kesehatan Tradisional"' in r.content.decode()  # nothing typed is lost
    r = c["hr"].post(reverse("pelatihan:katalog_ubah", args=[p.pk]), {**data, "jp": 24})
    p.refresh_from_db()
    assert p.jp == 24
    r = c["kepala"].post(reverse("pelatihan:katalog_ubah", args=[p.pk]), {**data, "jp": 99})
    assert r.status_code == 403


# --- Assignment list and export -------------------------------------------------------------------


@pytest.mark.parametrize("nama", ["penugasan", "penugasan_ekspor"])
def test_daftar_penugasan_untuk_hr_ppk_dan_kepala(c, dp, tugas, nama):
    _cek(c, reverse(f"pelatihan:{nama}"), ["hr", "ppk", "kepala", "kepala_tujuan"], {"anggota": 403, "orang_luar": 403})


def test_daftar_penugasan_lingkup_dan_baris_terlambat(c, dp, tugas):
    lewat = penugasan_buat(dp.org.orang_luar, dp.p_data, tenggat=hari(-2))
    r = c["hr"].get(reverse("pelatihan:penugasan"))
    html = r.content.decode()
    assert f'class="row-overdue table-danger" data-id="{lewat.pk}"' in html
    assert f'class="" data-id="{tugas.pk}"' in html
    assert r.context["ringkasan"]["terlambat"] == 1
    r = c["kepala"].get(reverse("pelatihan:penugasan"))
    assert list(r.context["page_obj"]) == [tugas]
    r = c["hr"].get(reverse("pelatihan:penugasan"), {"terlambat": "on"})
    assert list(r.context["page_obj"]) == [lewat]
    r = c["hr"].get(reverse("pelatihan:penugasan"), {"pelatihan": dp.p_dasar.pk, "unit": dp.org.unit.pk})
    assert list(r.context["page_obj"]) == [tugas]
    r = c["hr"].get(reverse("pelatihan:penugasan"), {"sumber": "lain", "status": "aktif"})
    assert list(r.context["page_obj"]) == [lewat]
    r = c["hr"].get(reverse("pelatihan:penugasan"), {"status": "bukan-status", "unit": "x"})
    assert r.status_code == 200  # invalid filters are ignored


def test_daftar_penugasan_query_tetap(c, dp, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def hitung():
        with CaptureQueriesContext(connection) as ctx:
            assert c["hr"].get(reverse("pelatihan:penugasan")).status_code == 200
        return len(ctx.captured_queries)

    penugasan_buat(dp.org.anggota, dp.p_data)
    sedikit = hitung()
    for i in range(20):
        penugasan_buat(dp.org.orang_luar, PelatihanFactory(nama=f"P{i}"), usulan=dp.u if i % 2 else None)
    assert hitung() == sedikit


def test_ekspor_xlsx_menandai_yang_terlambat(c, dp, tugas):
    penugasan_buat(dp.org.orang_luar, dp.p_data, tenggat=hari(-2))
    r = c["hr"].get(reverse("pelatihan:penugasan_ekspor"), {"status": "aktif"})
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = _lembar(r)
    baris = list(ws.iter_rows(values_only=True))
    assert baris[0][:4] == ("NIP", "Nama", "Unit kerja", "Pelatihan")
    data = {b[3]: b for b in baris[1:]}
    assert set(data) == {"Layanan Kesehatan Dasar", "Analisis Data"}
    assert data["Analisis Data"][10] == "ya" and data["Layanan Kesehatan Dasar"][10] is None
    assert data["Layanan Kesehatan Dasar"][6] == dp.u.nomor
    # The head's export holds only their staff.
    ws = _lembar(c["kepala"].get(reverse("pelatihan:penugasan_ekspor")))
    assert [b[3] for b in ws.iter_rows(min_row=2, values_only=True)] == ["Layanan Kesehatan Dasar"]


# --- One assignment ---------------------------------------------------------------------------------


def test_detail_penugasan_per_peran(c, dp, tugas):
    url = reverse("pelatihan:penugasan_detail", args=[tugas.pk])
    _cek(c, url, ["hr", "ppk", "kepala", "kepala_tujuan", "anggota"], {"orang_luar": 404, "mentor": 404})


def test_penugasan_baru_per_peran(c, dp):
    url = reverse("pelatihan:penugasan_baru")
    _cek(c, url, ["hr", "kepala"], {"ppk": 403, "anggota": 403, "orang_luar": 403})


def test_kepala_menugaskan_stafnya_dan_tidak_orang_luar(c, dp):
    url = reverse("pelatihan:penugasan_baru")
    data = {"nip": dp.org.orang_luar.nip, "pelatihan": dp.p_data.pk, "tenggat": hari(30).isoformat()}
    r = c["kepala"].post(url, data)
    assert r.status_code == 200 and "di luar wewenang" in r.content.decode()
    r = c["kepala"].post(url, {**data, "nip": dp.org.anggota.nip_tampil, "catatan": "Untuk laporan bulanan."})
    t = PenugasanPelatihan.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("pelatihan:penugasan_detail", args=[t.pk])
    assert (t.pegawai, t.usulan, t.catatan) == (dp.org.anggota, None, "Untuk laporan bulanan.")
    r = c["kepala"].post(url, {**data, "nip": dp.org.anggota.nip})
    assert r.status_code == 200 and "sudah ditugaskan" in r.content.decode()
    assert PenugasanPelatihan.objects.count() == 1


def test_pegawai_mengunggah_lalu_hr_memverifikasi(c, dp, tugas):
    url = reverse("pelatihan:penugasan_aksi", args=[tugas.pk, "unggah"])
    berkas = SimpleUploadedFile("sertifikat saya.pdf", PDF, content_type="application/pdf")
    r = c["anggota"].post(url, {"berkas": berkas, "lanjut": reverse("pelatihan:saya")})
    assert r.status_code == 302 and r["Location"] == reverse("pelatihan:saya")
    tugas.refresh_from_db()
    assert tugas.menunggu_verifikasi
    # Evidence download: the employee and HR yes, an outsider no.
    bukti = reverse("pelatihan:penugasan_bukti", args=[tugas.pk])
    _cek(c, bukti, ["anggota", "hr", "kepala"], {"orang_luar": 404})
    assert b"".join(c["anggota"].get(bukti).streaming_content).startswith(b"%PDF")
    # The employee may not verify their own.
    url_v = reverse("pelatihan:penugasan_aksi", args=[tugas.pk, "verifikasi"])
    r = c["anggota"].post(url_v, {"tanggal_selesai": hari().isoformat(), "jp": 30}, follow=True)
    assert "Hanya staf BKPSDM" in r.content.decode()
    tugas.refresh_from_db()
    assert tugas.status == SP.BERLANGSUNG
    r = c["hr"].post(url_v, {"tanggal_selesai": hari(-1).isoformat(), "jp": 30})
    tugas.refresh_from_db()
    assert tugas.status == SP.SELESAI and tugas.jp_diperoleh == 30
    assert dp.org.anggota.kompetensi.filter(pk=dp.k_kesmas.pk).exists()
    # The record shows it.
    r = c["hr"].get(reverse("pegawai:detail", args=[dp.org.anggota.pk]))
    assert "Kesehatan Masyarakat" in r.content.decode()


def test_unggah_berkas_palsu_ditolak_dengan_pesan(c, dp, tugas):
    url = reverse("pelatihan:penugasan_aksi", args=[tugas.pk, "unggah"])
    berkas = SimpleUploadedFile("sertifikat.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
    r = c["anggota"].post(url, {"berkas": berkas}, follow=True)
    assert "bukan PDF" in r.content.decode()
    r = c["anggota"].post(url, {}, follow=True)
    assert "Pilih berkas" in r.content.decode()
    tugas.refresh_from_db()
    assert tugas.status == SP.DITUGASKAN


@pytest.mark.parametrize("peran", ["anggota", "orang_luar", "ppk"])
def test_aksi_orang_tanpa_hak_tidak_mengubah(c, dp, tugas, peran):
    url = reverse("pelatihan:penugasan_aksi", args=[tugas.pk, "batalkan"])
    r = c[peran].post(url, {"alasan": "coba"})
    assert r.status_code in (302, 404)
    tugas.refresh_from_db()
    assert tugas.status == SP.DITUGASKAN


def test_aksi_tidak_dikenal_dan_get_ditolak(c, dp, tugas):
    assert c["hr"].post(reverse("pelatihan:penugasan_aksi", args=[tugas.pk, "hapus"])).status_code == 404
    assert c["hr"].get(reverse("pelatihan:penugasan_aksi", args=[tugas.pk, "batalkan"])).status_code == 405
    assert c["anon"].post(reverse("pelatihan:penugasan_aksi", args=[tugas.pk, "batalkan"])).status_code == 302


def test_ubah_tenggat_oleh_kepala_bukan_pegawai(c, dp, tugas):
    url = reverse("pelatihan:penugasan_tenggat", args=[tugas.pk])
    c["anggota"].post(url, {"tenggat": hari(200).isoformat()})
    tugas.refresh_from_db()
    assert tugas.tenggat != hari(200)
    assert c["orang_luar"].post(url, {"tenggat": hari(200).isoformat()}).status_code == 404
    c["kepala_tujuan"].post(url, {"tenggat": hari(200).isoformat(), "alasan": "Jadwal angkatan berubah"})
    tugas.refresh_from_db()
    assert tugas.tenggat == hari(200)


def test_lanjut_tidak_dapat_diarahkan_keluar(c, dp, tugas):
    url = reverse("pelatihan:penugasan_aksi", args=[tugas.pk, "mulai"])
    r = c["anggota"].post(url, {"lanjut": "https://jahat.example/pelatihan/"})
    assert r["Location"] == reverse("pelatihan:penugasan_detail", args=[tugas.pk])


# --- Pelatihan saya -----------------------------------------------------------------------------------


def test_pelatihan_saya_hanya_milik_sendiri(c, dp, tugas):
    penugasan_buat(dp.org.orang_luar, dp.p_data)
    _cek(c, reverse("pelatihan:saya"), ["hr", "ppk", "kepala", "anggota", "orang_luar"], {})
    r = c["anggota"].get(reverse("pelatihan:saya"))
    assert [t.pk for t in r.context["aktif"]] == [tugas.pk]
    r = c["orang_luar"].get(reverse("pelatihan:saya"))
    assert [t.pelatihan.nama for t in r.context["aktif"]] == ["Analisis Data"]


def test_pelatihan_saya_menghitung_jp_tahun_ini(c, dp):
    ini = timezone.localdate().year
    penugasan_buat(dp.org.anggota, dp.p_data, status=SP.SELESAI, tanggal_selesai=date(ini, 1, 3), jp_diperoleh=16)
    r = c["anggota"].get(reverse("pelatihan:saya"))
    assert r.context["jp"] == 16 and r.context["jp_persen"] == 80
    assert "Analisis Data" in r.content.decode()


# --- 20 JP page -----------------------------------------------------------------------------------------


def test_halaman_jp_per_peran(c, dp):
    _cek(c, reverse("pelatihan:jp"), ["hr", "ppk", "kepala"], {"anggota": 403, "orang_luar": 403, "mentor": 403})


def test_halaman_jp_lingkup_saringan_dan_ekspor(c, dp):
    ini = timezone.localdate().year
    penugasan_buat(dp.org.anggota, dp.p_prima, status=SP.SELESAI, tanggal_selesai=date(ini, 2, 1), jp_diperoleh=24)
    r = c["kepala"].get(reverse("pelatihan:jp"))
    assert {p.pk for p in r.context["page_obj"]} == {dp.org.kepala.pk, dp.org.anggota.pk}
    assert (r.context["total"], r.context["memenuhi"], r.context["kurang"]) == (2, 1, 1)
    r = c["hr"].get(reverse("pelatihan:jp"), {"kurang": "on", "unit": dp.org.unit.pk})
    assert [p.pk for p in r.context["page_obj"]] == [dp.org.kepala.pk]
    r = c["hr"].get(reverse("pelatihan:jp"), {"tahun": ini - 1, "format": "xlsx"})
    ws = _lembar(r)
    assert ws.cell(1, 5).value == f"JP {ini - 1}"
    assert all(row[4] == 0 for row in ws.iter_rows(min_row=2, values_only=True))


def test_halaman_jp_query_tetap(c, dp):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pegawai.tests.factories import pegawai_di

    def hitung():
        with CaptureQueriesContext(connection) as ctx:
            assert c["hr"].get(reverse("pelatihan:jp")).status_code == 200
        return len(ctx.captured_queries)

    awal = hitung()
    for _ in range(15):
        p = pegawai_di(dp.org.subunit)
        penugasan_buat(p, dp.p_data, status=SP.SELESAI, jp_diperoleh=16)
    assert hitung() == awal


# --- Assigning from the proposal ---------------------------------------------------------------------


def test_tugaskan_dari_usulan_per_peran(c, dp):
    # Only those who manage the transfer's training reach the page; to anyone else it does not exist.
    url = reverse("pelatihan:usulan_tugaskan", args=[dp.u.pk])
    _cek(
        c,
        url,
        ["hr", "kepala_tujuan"],
        {"ppk": 404, "kepala": 404, "anggota": 404, "orang_luar": 404, "mentor": 404},
    )


def test_tugaskan_dari_usulan_konfirmasi_ubah_dan_tambah(c, dp):
    url = reverse("pelatihan:usulan_tugaskan", args=[dp.u.pk])
    r = c["kepala_tujuan"].get(url)
    form = r.context["form"]
    pk = dp.p_dasar.pk
    assert [s.pelatihan for s, _p, _t in form.baris] == [dp.p_dasar]
    # Bad input: the page comes back with the error and what was typed.
    r = c["kepala_tujuan"].post(url, {f"pilih_{pk}": "on", f"tenggat_{pk}": "", "tambahan": [dp.p_lain.pk]})
    assert r.status_code == 200 and "Isi tenggatnya" in r.content.decode()
    assert not PenugasanPelatihan.objects.exists()
    r = c["kepala_tujuan"].post(
        url,
        {
            f"pilih_{pk}": "on",
            f"tenggat_{pk}": hari(45).isoformat(),
            "tambahan": [dp.p_lain.pk],
            "tenggat_tambahan": hari(60).isoformat(),
            "catatan": "Ikuti angkatan Januari.",
        },
    )
    assert r.status_code == 302 and r["Location"].endswith("#pelatihan")
    tenggat = dict(PenugasanPelatihan.objects.values_list("pelatihan__nama", "tenggat"))
    assert tenggat == {"Layanan Kesehatan Dasar": hari(45), "Wawasan Kebangsaan": hari(60)}


def test_tugaskan_tanpa_pilihan_ditolak(c, dp):
    r = c["hr"].post(reverse("pelatihan:usulan_tugaskan", args=[dp.u.pk]), {})
    assert r.status_code == 200 and "Pilih minimal satu" in r.content.decode()


def test_tugaskan_usulan_belum_diputuskan_dialihkan(c, dp):
    u = dp.usulan(pegawai=dp.org.orang_luar, status=StatusUsulan.DIVERIFIKASI)
    r = c["hr"].get(reverse("pelatihan:usulan_tugaskan", args=[u.pk]))
    assert r.status_code == 302 and r["Location"] == reverse("mutasi:detail", args=[u.pk])


def test_panel_di_halaman_usulan(c, dp, tugas):
    url = reverse("mutasi:detail", args=[dp.u.pk])
    html = c["kepala_tujuan"].get(url).content.decode()
    assert 'id="pelatihan"' in html and 'id="form-tugaskan"' in html
    assert "Layanan Kesehatan Dasar" in html and 'id="tabel-penugasan-usulan"' in html
    # The sending head sees the panel without the form; the employee too.
    for peran in ("kepala", "anggota", "ppk"):
        html = c[peran].get(url).content.decode()
        assert 'id="pelatihan"' in html and 'id="form-tugaskan"' not in html, peran


def test_panel_tidak_tampil_sebelum_diputuskan(c, dp):
    u = dp.usulan(pegawai=dp.org.orang_luar, status=StatusUsulan.DITERIMA)
    html = c["hr"].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
    assert 'id="pelatihan"' not in html


def test_pemberitahuan_memuat_pelatihan_dan_pendamping(c, dp):
    from pelatihan.services import pendampingan_tetapkan

    u = dp.usulan(pegawai=dp.org.orang_luar, status=StatusUsulan.SK_TERBIT)
    penugasan_buat(dp.org.orang_luar, dp.p_prima, usulan=u, tenggat=date(2027, 3, 1))
    penugasan_buat(dp.org.orang_luar, dp.p_data, usulan=u, status=SP.DIBATALKAN)
    dp.mentor.telepon = "0812-3456-7890"
    dp.mentor.save()
    pendampingan_tetapkan(usulan=u, mentor=dp.mentor, oleh=dp.kepala_tujuan.akun)
    html = c["orang_luar"].get(reverse("mutasi:pemberitahuan", args=[u.pk])).content.decode()
    assert 'id="pemberitahuan-pelatihan"' in html and "Pelayanan Prima" in html and "1 Maret 2027" in html
    assert "Analisis Data" not in html  # cancelled
    assert "Sri Mentor" in html and "0812-3456-7890" in html
    # the stored notice (signed by the Kepala BKPSDM) is made on its first download
    from pegawai.tests.factories import UnitKerjaFactory, kepala_dari

    kepala_dari(UnitKerjaFactory(kode="BKPSDM"))
    r = c["orang_luar"].get(reverse("mutasi:pemberitahuan_pdf", args=[u.pk]))
    assert r.status_code == 200 and r.content[:4] == b"%PDF"


def test_navigasi_pelatihan(c, dp):
    assert 'id="nav-pelatihan-saya"' in c["anggota"].get(reverse("pelatihan:saya")).content.decode()
    html = c["hr"].get(reverse("pelatihan:saya")).content.decode()
    assert 'id="nav-pelatihan"' in html and reverse("pelatihan:jp") in html


def test_tambahan_tidak_menawarkan_pelatihan_yang_sedang_berjalan(c, dp):
    penugasan_buat(dp.org.anggota, dp.p_lain)
    penugasan_buat(dp.org.anggota, dp.p_data, status=SP.SELESAI)
    r = c["hr"].get(reverse("pelatihan:usulan_tugaskan", args=[dp.u.pk]))
    tawaran = set(r.context["form"].fields["tambahan"].queryset.values_list("nama", flat=True))
    # Not the suggested one, not the one already open; a finished one may be taken again.
    assert tawaran == {"Pelayanan Prima", "Manajemen Puskesmas", "Analisis Data"}


def test_alasan_dengan_karakter_nul_ditolak_sebagai_masukan(db):
    """A NUL byte in the reason is a form error, not a database error (PostgreSQL refuses it)."""
    from pelatihan.forms import AlasanOpsionalForm

    form = AlasanOpsionalForm({"alasan": "tidak hadir\x00"})
    assert not form.is_valid()
    assert AlasanOpsionalForm({"alasan": "tidak hadir"}).is_valid()
