"""The public verification page (reached by the QR code): recomputes the stored file's hash, checks
its signature with pyHanko's validator, and shows number, date, name and new post only (the NIP
masked to its last four digits, no birth date); an unknown code is a 404 page that says so."""

import pytest
from django.urls import reverse

from mutasi.models import StatusUsulan, SuratKeputusan, SuratPemberitahuan
from mutasi.selectors.sk import nip_samar
from mutasi.services.sk_konsep import sk_siapkan
from mutasi.tests.helpers import TMT

S = StatusUsulan
pytestmark = pytest.mark.django_db


def test_nip_samar_empat_digit_terakhir():
    assert nip_samar("199002172015031004") == "**************1004"
    assert nip_samar("19900217 201503 1 004") == "**************1004"
    assert nip_samar("") == ""


def test_sk_asli_utuh_dan_bertanda_tangan(dunia, client):
    u = dunia.sampai(S.SK_TERBIT)
    r = client.get(reverse("mutasi:verifikasi", args=[u.sk.kode_verifikasi.lower()]))
    assert r.status_code == 200
    html = r.content.decode()
    assert u.sk.nomor in html and u.pegawai.nama_lengkap in html and str(u.tujuan_jabatan) in html
    assert nip_samar(u.pegawai.nip) in html and u.pegawai.nip_tampil not in html and u.pegawai.nip not in html
    assert u.pegawai.nip[:8] not in html  # no birth date
    assert u.sk.tanggal.strftime("%Y") in html
    assert "Berkas tersimpan utuh" in html and "Tanda tangan sah" in html
    # what the page does not show: the TMT line, the reasons, the old post
    assert u.alasan not in html and str(u.asal_unit) not in html


def test_pemberitahuan_diverifikasi_dengan_kodenya_sendiri(dunia, client):
    u = dunia.sampai(S.SK_TERBIT)
    s = SuratPemberitahuan.objects.get(usulan=u)
    html = client.get(reverse("mutasi:verifikasi", args=[s.kode_verifikasi])).content.decode()
    assert s.nomor in html and u.sk.nomor in html and "Berkas tersimpan utuh" in html


def test_berkas_yang_diubah_terdeteksi(dunia, client):
    u = dunia.sampai(S.SK_TERBIT)
    isi = bytearray(u.sk.berkas.read())
    letak = isi.index(b"/Type /Catalog") if b"/Type /Catalog" in isi else 200
    isi[letak + 1] ^= 0x01
    with open(u.sk.berkas.path, "wb") as f:
        f.write(bytes(isi))
    html = client.get(reverse("mutasi:verifikasi", args=[u.sk.kode_verifikasi])).content.decode()
    assert "tidak cocok dengan sidik" in html and "Berkas tersimpan utuh" not in html


def test_kode_tidak_dikenal_404_dengan_penjelasan(client):
    r = client.get(reverse("mutasi:verifikasi", args=["PALSU123"]))
    assert r.status_code == 404
    html = r.content.decode()
    assert 'id="verifikasi-tidak-dikenal"' in html and "tidak dikenal" in html.lower() and "PALSU123" in html
    assert "tidak diterbitkan oleh sistem ini" in html


def test_konsep_bukan_dokumen(dunia, client):
    u = dunia.sampai(S.DIPUTUSKAN)
    sk = sk_siapkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    assert client.get(reverse("mutasi:verifikasi", args=[sk.kode_verifikasi])).status_code == 404


def test_sk_yang_dicabut_diberi_tanda(dunia, client):
    from mutasi.services.sk import sk_tandatangani
    from mutasi.services.sk_konsep import sk_siapkan_pembatalan

    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    lama = u.sk
    baru = sk_tandatangani(
        oleh=o.ppk.akun, sk=sk_siapkan_pembatalan(oleh=o.hr.akun, usulan=u, alasan="Pegawai ditugaskan belajar.")
    )
    html = client.get(reverse("mutasi:verifikasi", args=[lama.kode_verifikasi])).content.decode()
    assert f"dicabut sebagian dengan SK {baru.nomor}" in html and "dibatalkan" in html
    assert SuratKeputusan.objects.get(pk=baru.pk).berkas
