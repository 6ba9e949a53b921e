"""Every page, for every role: anonymous -> login, no right -> 403/404, right -> 200."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from evaluasi.models import Evaluasi, StatusEvaluasi
from evaluasi.services.alur import evaluasi_simpan
from evaluasi.services.jadwal import evaluasi_jadwalkan
from evaluasi.tests.factories import LENGKAP, kinerja, usulan_buat
from pegawai.tests.factories import UserFactory, pegawai_di

pytestmark = pytest.mark.django_db
SEMUA = ("anon", "hr", "ppk", "kepala", "anggota", "orang_luar")


def _harap(clients, url, harapan: dict, metode="get", data=None):
    for peran in SEMUA:
        c = clients[peran]
        r = getattr(c, metode)(url, data or {})
        want = harapan[peran]
        if want == 302 and peran == "anon":
            assert r.status_code == 302 and "/akun/" in r["Location"], (peran, url, r.status_code)
        else:
            assert r.status_code == want, (peran, url, r.status_code)


def test_daftar(clients, ev):
    _harap(
        clients,
        reverse("evaluasi:daftar"),
        {"anon": 302, "hr": 200, "ppk": 200, "kepala": 200, "anggota": 403, "orang_luar": 403},
    )


def test_daftar_untuk_penilai_yang_bukan_kepala(org, ev):
    """HR named a reviewer who heads no unit: they may open the list of what they review."""
    Evaluasi.objects.filter(pk=ev.pk).update(penilai=org.anggota, penilai_ditetapkan=True)
    c = Client()
    c.force_login(org.anggota.akun)
    r = c.get(reverse("evaluasi:daftar"))
    assert r.status_code == 200 and f'data-evaluasi="{ev.pk}"' in r.text


def test_daftar_jumlah_kueri_tetap(org, clients, hari_ini, django_assert_max_num_queries):
    for _i in range(3):
        evaluasi_jadwalkan(usulan=usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini))
    with django_assert_max_num_queries(12):
        r = clients["hr"].get(reverse("evaluasi:daftar"))
    n = r.context["page_obj"].paginator.count
    for _i in range(8):
        evaluasi_jadwalkan(usulan=usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini))
    with django_assert_max_num_queries(12):
        r = clients["hr"].get(reverse("evaluasi:daftar"))
    assert r.context["page_obj"].paginator.count == n + 24


def test_daftar_saringan(org, clients, hari_ini):
    telat = usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=100))
    evaluasi_jadwalkan(usulan=telat)
    r = clients["hr"].get(reverse("evaluasi:daftar"), {"tempo": "terlambat"})
    assert r.context["page_obj"].paginator.count == 1
    assert "terlambat" in r.text
    r = clients["kepala"].get(reverse("evaluasi:daftar"), {"peran": "penilai"})
    assert r.context["page_obj"].paginator.count == 3
    r = clients["hr"].get(reverse("evaluasi:daftar"), {"q": telat.pegawai.nama[:5], "bulan_ke": 6})
    assert r.context["page_obj"].paginator.count == 1


def test_saya(clients, org):
    _harap(
        clients,
        reverse("evaluasi:saya"),
        {"anon": 302, "hr": 200, "ppk": 200, "kepala": 200, "anggota": 200, "orang_luar": 200},
    )
    tanpa_pegawai = Client()
    tanpa_pegawai.force_login(UserFactory())
    assert tanpa_pegawai.get(reverse("evaluasi:saya")).status_code == 404


def test_detail_terjadwal(clients, ev):
    # Scheduled: the employee does not see it yet; the unit head (reviewer), HR and PPK do.
    _harap(
        clients,
        reverse("evaluasi:detail", args=[ev.pk]),
        {"anon": 302, "hr": 200, "ppk": 200, "kepala": 200, "anggota": 404, "orang_luar": 404},
    )


def test_detail_terkirim_dan_dibaca(org, clients, ev):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
    _harap(
        clients,
        reverse("evaluasi:detail", args=[ev.pk]),
        {"anon": 302, "hr": 200, "ppk": 200, "kepala": 200, "anggota": 404, "orang_luar": 200},
    )
    ev.refresh_from_db()
    assert ev.dibaca_pada is not None  # the employee's visit recorded it, nobody else's


def test_dibaca_hanya_oleh_pegawai(org, clients, ev):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
    for peran in ("hr", "ppk", "kepala"):
        clients[peran].get(reverse("evaluasi:detail", args=[ev.pk]))
    ev.refresh_from_db()
    assert ev.dibaca_pada is None


def test_isi(clients, ev):
    _harap(
        clients,
        reverse("evaluasi:isi", args=[ev.pk]),
        {"anon": 302, "hr": 403, "ppk": 403, "kepala": 200, "anggota": 404, "orang_luar": 404},
    )


def test_isi_simpan_dan_kirim(org, clients, ev):
    c = clients["kepala"]
    url = reverse("evaluasi:isi", args=[ev.pk])
    r = c.post(url, {"hasil_kerja": "SESUAI", "kekuatan": "Tekun", "aksi": "simpan"})
    assert r.status_code == 302 and r["Location"] == url
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DRAF and ev.kekuatan == "Tekun"
    # Sending an incomplete review: errors next to the fields, what was typed kept, nothing sent.
    r = c.post(url, {"hasil_kerja": "SESUAI", "kekuatan": "Tekun sekali", "aksi": "kirim"})
    assert r.status_code == 200
    assert "Wajib diisi sebelum evaluasi dikirim." in r.text
    assert "Tekun sekali" in r.text
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DRAF and ev.kekuatan == "Tekun"
    r = c.post(url, {**LENGKAP, "aksi": "kirim"})
    assert r.status_code == 302
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DIKIRIM and ev.predikat == "SANGAT_BAIK"
    # Sent: the form is closed.
    r = c.get(url)
    assert r.status_code == 302 and r["Location"] == reverse("evaluasi:detail", args=[ev.pk])


def test_isi_menolak_nilai_tak_dikenal(org, clients, ev):
    r = clients["kepala"].post(reverse("evaluasi:isi", args=[ev.pk]), {"hasil_kerja": "LUAR_BIASA", "aksi": "simpan"})
    assert r.status_code == 200
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.TERJADWAL


def test_tanggapi(org, clients, ev):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
    url = reverse("evaluasi:tanggapi", args=[ev.pk])
    assert clients["orang_luar"].get(url).status_code == 405
    r = clients["anon"].post(url, {"tanggapan": "x"})
    assert r.status_code == 302 and "/akun/" in r["Location"]
    assert clients["anggota"].post(url, {"tanggapan": "x"}).status_code == 404
    for peran in ("hr", "ppk", "kepala"):
        assert clients[peran].post(url, {"tanggapan": "x"}).status_code == 403
    r = clients["orang_luar"].post(url, {"tanggapan": "Saya akan belajar SIAK.", "aksi": "tanggapi"})
    assert r.status_code == 302
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.FINAL and ev.tanggapan_pegawai == "Saya akan belajar SIAK."
    # The final review shows the answer to the reviewer.
    assert "Saya akan belajar SIAK." in clients["kepala"].get(reverse("evaluasi:detail", args=[ev.pk])).text


def test_tanggapi_tanpa_komentar(org, clients, ev):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
    r = clients["orang_luar"].post(
        reverse("evaluasi:tanggapi", args=[ev.pk]), {"tanggapan": "diabaikan", "aksi": "tanpa_tanggapan"}
    )
    assert r.status_code == 302
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.FINAL and ev.tanggapan_pegawai == ""


def test_tutup(org, clients, ev):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
    Evaluasi.objects.filter(pk=ev.pk).update(dikirim_pada=timezone.now() - timedelta(days=30))
    url = reverse("evaluasi:tutup", args=[ev.pk])
    r = clients["anon"].post(url, {"catatan": "x"})
    assert r.status_code == 302 and "/akun/" in r["Location"]
    for peran in ("ppk", "kepala", "anggota", "orang_luar"):
        assert clients[peran].post(url, {"catatan": "x"}).status_code == 403
    assert clients["hr"].get(url).status_code == 405
    r = clients["hr"].post(url, {"catatan": "Tidak menanggapi"})
    assert r.status_code == 302
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.FINAL


def test_penilai(org, clients, ev):
    url = reverse("evaluasi:penilai", args=[ev.pk])
    _harap(clients, url, {"anon": 302, "hr": 200, "ppk": 403, "kepala": 403, "anggota": 403, "orang_luar": 403})
    r = clients["hr"].post(url, {"penilai": org.anggota.pk, "alasan": "Camat cuti"})
    assert r.status_code == 302
    ev.refresh_from_db()
    assert ev.penilai == org.anggota and ev.penilai_ditetapkan
    # The employee themself is not offered.
    r = clients["hr"].post(url, {"penilai": org.orang_luar.pk, "alasan": "x"})
    assert r.status_code == 200 and r.context["form"].errors


@pytest.mark.parametrize("nama", ["evaluasi:laporan", "evaluasi:laporan_cetak", "evaluasi:laporan_ekspor"])
def test_laporan(clients, ev, nama):
    _harap(
        clients,
        reverse(nama),
        {"anon": 302, "hr": 200, "ppk": 200, "kepala": 403, "anggota": 403, "orang_luar": 403},
    )


def test_kinerja(clients, ev, org):
    _harap(
        clients,
        reverse("evaluasi:kinerja"),
        {"anon": 302, "hr": 200, "ppk": 403, "kepala": 403, "anggota": 403, "orang_luar": 403},
    )
    r = clients["hr"].get(reverse("evaluasi:kinerja"))
    assert org.orang_luar.nama in r.text
    assert reverse("pegawai:kinerja_baru", args=[org.orang_luar.pk]) in r.text
    kinerja(org.orang_luar, ev.usulan.tmt.year - 1, "BAIK")
    kinerja(org.orang_luar, ev.usulan.tmt.year - 2, "BAIK")
    assert org.orang_luar.nama not in clients["hr"].get(reverse("evaluasi:kinerja")).text


# --- Blocks on other apps' pages ---------------------------------------------------------------------


def test_beranda_per_peran(org, clients, ev, hari_ini):
    telat = usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=100))
    ev_telat = {e.bulan_ke: e for e in evaluasi_jadwalkan(usulan=telat)}
    for peran in ("hr", "ppk"):
        r = clients[peran].get(reverse("beranda"))
        assert r.status_code == 200
        assert 'id="dasbor-pimpinan"' in r.text and 'id="dasbor-grafik"' in r.text
        assert 'id="angka-evaluasi-terlambat">1<' in r.text
    r = clients["kepala"].get(reverse("beranda"))
    assert 'id="dasbor-tugas-penilai"' in r.text and 'id="dasbor-pimpinan"' not in r.text
    assert 'id="dasbor-terlambat-staf"' in r.text
    # Overdue and due soon are listed; a review due in a year is not yet a task.
    assert reverse("evaluasi:isi", args=[ev_telat[3].pk]) in r.text
    assert reverse("evaluasi:isi", args=[ev_telat[12].pk]) not in r.text
    r = clients["anggota"].get(reverse("beranda"))
    assert r.status_code == 200 and "dasbor-" not in r.text
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
    r = clients["orang_luar"].get(reverse("beranda"))
    assert 'id="dasbor-umpan-balik"' in r.text


def test_beranda_jumlah_kueri_tetap(org, clients, hari_ini, django_assert_max_num_queries):
    def tambah(n):
        for _i in range(n):
            u = usulan_buat(pegawai_di(org.lain), tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=200))
            for e in evaluasi_jadwalkan(usulan=u)[:1]:
                evaluasi_simpan(evaluasi=e, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
                Evaluasi.objects.filter(pk=e.pk).update(status="FINAL", final_pada=timezone.now())

    tambah(2)
    clients["hr"].get(reverse("beranda"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # the dashboard is cached (inti.tembolok): count its computation
    with CaptureQueriesContext(connection) as awal:
        clients["hr"].get(reverse("beranda"))
    tambah(5)  # these writes make the cached dashboard stale
    with django_assert_max_num_queries(len(awal)):
        clients["hr"].get(reverse("beranda"))


def test_blok_di_halaman_mutasi_dan_pegawai(org, clients, ev):
    kinerja(org.orang_luar, ev.usulan.tmt.year - 1, "BAIK")
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
    from evaluasi.services.alur import evaluasi_tanggapi

    evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="")
    for peran in ("hr", "ppk", "orang_luar"):
        r = clients[peran].get(reverse("mutasi:detail", args=[ev.usulan_id]))
        assert r.status_code == 200, peran
        assert 'id="evaluasi-dampak"' in r.text and 'data-hasil="naik"' in r.text, peran
    for peran, url in (
        ("hr", reverse("pegawai:detail", args=[org.orang_luar.pk])),
        ("orang_luar", reverse("pegawai:profil_saya")),
    ):
        r = clients[peran].get(url)
        assert 'id="tabel-dampak-pegawai"' in r.text and 'data-hasil="naik"' in r.text
