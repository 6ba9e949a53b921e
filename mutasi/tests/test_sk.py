"""Decrees: gap-free numbering (also under concurrency), PDFs, verification page."""

import threading
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from mutasi.models import NomorUrutSK, StatusUsulan, SuratKeputusan
from mutasi.services import AlurError
from mutasi.services.sk import sk_nomor_berikut, sk_terbitkan
from mutasi.tests.helpers import data_sk
from pegawai.tests.factories import pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db


def test_nomor_dari_pola_dan_berurutan(dunia, settings):
    settings.SK_NOMOR_POLA = "800/{seq}/436.7.2/{year}"
    a = dunia.sampai(S.SK_TERBIT)
    b = dunia.sampai(S.SK_TERBIT, pegawai=dunia.org.orang_luar)
    tahun = date.today().year
    assert (a.sk.nomor, b.sk.nomor) == (f"800/1/436.7.2/{tahun}", f"800/2/436.7.2/{tahun}")
    assert NomorUrutSK.objects.get(tahun=tahun).terakhir == 2
    assert a.sk.kode_verifikasi != b.sk.kode_verifikasi


def test_sk_hanya_untuk_yang_diputuskan_dan_tanpa_celah_bila_gagal(dunia):
    u = dunia.sampai(S.DIVERIFIKASI)
    with pytest.raises(AlurError, match="diputuskan"):
        sk_terbitkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk], data=data_sk())
    assert not NomorUrutSK.objects.filter(terakhir__gt=0).exists()  # the refused issue used no number
    with pytest.raises(AlurError):
        sk_terbitkan(oleh=dunia.org.ppk.akun, usulan_ids=[u.pk], data=data_sk())
    assert SuratKeputusan.objects.count() == 0


def test_tahun_baru_mulai_dari_satu():
    with __import__("django").db.transaction.atomic():
        assert sk_nomor_berikut(2030)[0] == 1
        assert sk_nomor_berikut(2030)[0] == 2
        assert sk_nomor_berikut(2031)[0] == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_penomoran_bersamaan_tanpa_celah_dan_ganda(dunia):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL")
    usulan = [dunia.sampai(S.DIPUTUSKAN)]
    for _ in range(5):
        usulan.append(dunia.sampai(S.DIPUTUSKAN, pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1))))
    mulai, galat = threading.Barrier(len(usulan)), []

    def terbit(u):
        from django.db import connections

        try:
            mulai.wait()
            sk_terbitkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk], data=data_sk(), laksanakan_segera=False)
        except Exception as exc:
            galat.append(exc)
        finally:
            connections.close_all()

    ts = [threading.Thread(target=terbit, args=(u,)) for u in usulan]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert not galat, galat
    urut = sorted(SuratKeputusan.objects.values_list("urut", flat=True))
    assert urut == list(range(1, len(usulan) + 1))
    assert NomorUrutSK.objects.get(tahun=date.today().year).terakhir == len(usulan)


def test_pdf_sk_dan_pemberitahuan(dunia, clients):
    u = dunia.sampai(S.SK_TERBIT)
    r = clients["hr"].get(reverse("mutasi:sk_pdf", args=[u.sk_id]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")
    r = clients["anggota"].get(reverse("mutasi:pemberitahuan_pdf", args=[u.pk]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_halaman_pemberitahuan_berisi_alasan_manfaat_atasan(dunia, clients):
    u = dunia.sampai(S.SK_TERBIT)
    r = clients["anggota"].get(reverse("mutasi:pemberitahuan", args=[u.pk]))
    html = r.content.decode()
    for teks in [
        u.alasan,
        u.manfaat_pegawai,
        u.manfaat_organisasi,
        dunia.tujuan.nama,
        dunia.kepala_tujuan.nama,
        u.sk.nomor,
    ]:
        assert teks in html
    assert "data:image/svg+xml" in html  # QR code
    u.refresh_from_db()
    assert u.pemberitahuan_dibuka is not None


def test_verifikasi_publik(dunia, client):
    u = dunia.sampai(S.SK_TERBIT)
    r = client.get(reverse("mutasi:verifikasi", args=[u.sk.kode_verifikasi.lower()]))
    assert r.status_code == 200
    html = r.content.decode()
    assert u.sk.nomor in html and "asli" in html
    assert u.pegawai.nip not in html  # NIP masked
    assert client.get(reverse("mutasi:verifikasi", args=["PALSU123"])).status_code == 404
