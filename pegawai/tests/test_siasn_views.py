"""The SIASN pages: HR only (403 for the PPK, unit heads and employees, the login page for anon),
what HR sees with SIASN off and on, taking values over, the unit comparison and the outbox."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from inti.models import CatatanAudit
from inti.tugas import ProgresTugas
from pegawai.models import KirimanSiasn, StatusKiriman
from pegawai.services.siasn import siasn_antrekan_jabatan
from pegawai.tests.factories import JabatanFactory

pytestmark = pytest.mark.django_db
BUKAN_HR = ["ppk", "kepala", "anggota", "orang_luar"]


def _kiriman(org, status=StatusKiriman.GAGAL):
    k = KirimanSiasn.objects.create(
        terkirim_pada=timezone.now() if status == StatusKiriman.TERKIRIM else None,
        pegawai=org.anggota,
        payload={"jabatan": "Pengelola Data", "unit": "Dinas Sosial", "tmt": "2026-12-06", "nomor_sk": "1"},
        status=status,
        galat_terakhir="Unor tidak ditemukan",
    )
    return k


def _url(org, k, p):
    return {
        "banding": ("get", reverse("pegawai:siasn_banding", args=[org.anggota.pk])),
        "ambil": ("post", reverse("pegawai:siasn_ambil", args=[org.anggota.pk])),
        "unit": ("get", reverse("pegawai:siasn_unit")),
        "unit_post": ("post", reverse("pegawai:siasn_unit")),
        "hasil": ("get", reverse("pegawai:siasn_unit_hasil", args=[p.pk])),
        "xlsx": ("get", reverse("pegawai:siasn_unit_xlsx", args=[p.pk])),
        "kiriman": ("get", reverse("pegawai:siasn_kiriman")),
        "ulang": ("post", reverse("pegawai:siasn_kiriman_ulang", args=[k.pk])),
    }


@pytest.mark.parametrize("peran", BUKAN_HR)
def test_no_role_but_hr_may_use_any_siasn_page(org, clients, peran):
    k = _kiriman(org)
    p = ProgresTugas.objects.create(jenis="siasn.banding", status="selesai", hasil={"baris": []})
    for nama, (metode, url) in _url(org, k, p).items():
        r = getattr(clients[peran], metode)(url, {"bidang": "nama", "unit": org.unit.pk})
        assert r.status_code == 403, (peran, nama)
    k.refresh_from_db()
    assert k.status == StatusKiriman.GAGAL
    assert not CatatanAudit.objects.filter(aksi__startswith="pegawai.siasn").exists()


def test_anon_is_sent_to_login(org, clients):
    k = _kiriman(org)
    p = ProgresTugas.objects.create(jenis="siasn.banding", status="selesai", hasil={"baris": []})
    for metode, url in _url(org, k, p).values():
        r = getattr(clients["anon"], metode)(url)
        assert r.status_code == 302
        assert reverse("login") in r.url


def test_only_hr_sees_the_button_on_the_employee_page(org, clients):
    url = reverse("pegawai:siasn_banding", args=[org.anggota.pk])
    assert url in clients["hr"].get(reverse("pegawai:detail", args=[org.anggota.pk])).content.decode()
    for peran in ("ppk", "kepala", "anggota"):
        assert url not in clients[peran].get(reverse("pegawai:detail", args=[org.anggota.pk])).content.decode()


def test_hr_pages_say_when_siasn_is_off(org, clients):
    for url in (
        reverse("pegawai:siasn_banding", args=[org.anggota.pk]),
        reverse("pegawai:siasn_unit"),
        reverse("pegawai:siasn_kiriman"),
    ):
        r = clients["hr"].get(url)
        assert r.status_code == 200 and "Integrasi SIASN tidak aktif" in r.content.decode()
    r = clients["hr"].post(reverse("pegawai:siasn_unit"), {"unit": org.unit.pk}, follow=True)
    assert "tidak aktif" in r.content.decode() and not ProgresTugas.objects.exists()


def test_wrong_methods_and_unknown_ids(org, clients):
    assert clients["hr"].get(reverse("pegawai:siasn_ambil", args=[org.anggota.pk])).status_code == 405
    assert clients["hr"].get(reverse("pegawai:siasn_banding", args=[999999])).status_code == 404
    assert clients["hr"].post(reverse("pegawai:siasn_kiriman_ulang", args=[999999])).status_code == 404
    lain = ProgresTugas.objects.create(jenis="akun.undang", status="selesai")
    assert clients["hr"].get(reverse("pegawai:siasn_unit_hasil", args=[lain.pk])).status_code == 404


def test_hr_compares_and_takes_over(org, clients, siasn):
    p = org.anggota
    siasn.daftar(p.nip, nama=p.nama, tglLahir=f"{p.tanggal_lahir:%d-%m-%Y}", golRuangAkhir="III/d")
    url = reverse("pegawai:siasn_banding", args=[p.pk])
    isi = clients["hr"].get(url).content.decode()
    assert 'class="table-warning"' in isi and 'value="golongan"' in isi and 'value="nama"' not in isi
    r = clients["hr"].post(reverse("pegawai:siasn_ambil", args=[p.pk]), {"bidang": ["golongan"]})
    assert r.status_code == 302 and r.url == url
    p.refresh_from_db()
    assert p.golongan == "III/d"
    assert CatatanAudit.objects.get(aksi="pegawai.siasn_ambil").perubahan == {"golongan": ["III/a", "III/d"]}
    # a field that no longer differs (or never could be taken) is refused, nothing written
    r = clients["hr"].post(reverse("pegawai:siasn_ambil", args=[p.pk]), {"bidang": ["golongan"]})
    assert "tidak (lagi) dapat diambil" in str(list(get_messages(r.wsgi_request))[-1])
    assert CatatanAudit.objects.filter(aksi="pegawai.siasn_ambil").count() == 1


def test_hr_sees_siasn_trouble_as_a_message(org, clients, siasn):
    siasn.mode = "sibuk_503"
    r = clients["hr"].get(reverse("pegawai:siasn_banding", args=[org.anggota.pk]))
    assert r.status_code == 200 and "gangguan" in r.content.decode()


def test_hr_unit_comparison_small_and_large(org, clients, siasn, settings):
    r = clients["hr"].post(reverse("pegawai:siasn_unit"), {"unit": org.subunit.pk})
    p = ProgresTugas.objects.get()
    assert r.url == reverse("pegawai:siasn_unit_hasil", args=[p.pk])
    isi = clients["hr"].get(r.url).content.decode()
    assert org.anggota.nama in isi and "tidak ditemukan" in isi
    settings.SIASN_BANDING_LATAR_JUMLAH = 0
    r = clients["hr"].post(reverse("pegawai:siasn_unit"), {"unit": org.unit.pk})
    p = ProgresTugas.objects.latest("pk")
    assert p.tugas_path == "pegawai.tasks.siasn_banding_tugas" and r.url == reverse("impor:tugas", args=[p.pk])
    assert clients["hr"].post(reverse("pegawai:siasn_unit"), {"unit": "x"}).status_code == 200


def test_hr_outbox_list_filter_and_resend(org, clients, siasn, django_capture_on_commit_callbacks):
    gagal = _kiriman(org)
    tujuan = JabatanFactory()
    siasn_antrekan_jabatan(
        pegawai=org.anggota,
        unit=org.lain,
        jabatan=tujuan,
        nomor_sk="9",
        tanggal_sk=None,
        tmt=org.anggota.posisi_sekarang.mulai,
        sumber="x",
    )
    url = reverse("pegawai:siasn_kiriman")
    isi = clients["hr"].get(url).content.decode()
    assert "Unor tidak ditemukan" in isi and "Kirim ulang" in isi
    isi = clients["hr"].get(url, {"status": "GAGAL"}).content.decode()
    assert isi.count('action="/pegawai/siasn/kiriman/') == 1
    assert clients["hr"].get(url, {"status": "??", "page": "x", "per": "7"}).status_code == 200
    with django_capture_on_commit_callbacks():
        r = clients["hr"].post(reverse("pegawai:siasn_kiriman_ulang", args=[gagal.pk]), {"status": "GAGAL"})
    assert r.url == f"{url}?status=GAGAL"
    gagal.refresh_from_db()
    assert gagal.status == StatusKiriman.MENUNGGU
    assert CatatanAudit.objects.filter(aksi="pegawai.siasn_kiriman.kirim_ulang").count() == 1
    _kiriman(org, StatusKiriman.TERKIRIM)
    assert 'data-confirm="Kirim ulang kiriman ini ke SIASN sekarang?"' in clients["hr"].get(url).content.decode()
