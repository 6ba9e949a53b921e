"""Decrees: HR prepares, the PPK decides and signs; gap-free numbering (also under concurrency and
when a signature fails); the PDF rendered once, signed (PAdES), stored with its hash and served as
stored; only signed decrees are carried out."""

import hashlib
import re
import shutil
import subprocess
import threading
from datetime import date, timedelta

import pytest
from django.db import connection
from django.urls import reverse

from inti.ttd import TtdError, verifikasi
from mutasi.models import (
    JenisSK,
    NomorUrutSK,
    StatusSK,
    StatusUsulan,
    SuratKeputusan,
    SuratPemberitahuan,
)
from mutasi.services import AlurError
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo
from mutasi.services.penomoran import sk_nomor_berikut
from mutasi.services.sk import sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan
from mutasi.tests.helpers import TMT
from pegawai.tests.factories import pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
PDFSIG = shutil.which("pdfsig")


def test_hr_menyiapkan_ppk_menetapkan_dan_menandatangani(dunia):
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    u.refresh_from_db()
    # a draft: no number, no date, no decree on the proposal, nothing carried out
    assert (sk.status, sk.nomor, sk.tanggal, u.status, u.sk_id) == (StatusSK.KONSEP, None, None, S.DIPUTUSKAN, None)
    with pytest.raises(AlurError, match="PPK"):
        sk_tandatangani(oleh=o.hr.akun, sk=sk)  # HR alone cannot issue it in the PPK's name
    sk = sk_tandatangani(oleh=o.ppk.akun, sk=sk)
    u.refresh_from_db()
    assert sk.status == StatusSK.DITETAPKAN and sk.nomor and sk.tanggal == date.today()
    assert (u.status, u.sk_id, u.tmt) == (S.SK_TERBIT, sk.pk, TMT)
    assert sk.penandatangan == o.ppk.akun and sk.penandatangan_nip == o.ppk.nip
    assert list(sk.riwayat_status.values_list("aksi", "dari", "ke")) == [
        ("siapkan", "", StatusSK.KONSEP),
        ("tandatangani", StatusSK.KONSEP, StatusSK.DITETAPKAN),
    ]
    assert u.riwayat_status.filter(aksi="terbitkan_sk", oleh=o.ppk.akun).exists()
    s = SuratPemberitahuan.objects.get(usulan=u, sk=sk)
    assert s.nomor != sk.nomor and s.berkas and s.sha256


def test_nomor_dari_pola_dan_berurutan(dunia, settings):
    settings.SK_NOMOR_POLA = "800/{seq}/436.7.2/{year}"
    settings.PEMBERITAHUAN_NOMOR_POLA = "800.1.6/{seq}/436.7.2/{year}"
    a = dunia.sampai(S.SK_TERBIT)
    b = dunia.sampai(S.SK_TERBIT, pegawai=dunia.org.orang_luar)
    tahun = date.today().year
    assert (a.sk.nomor, b.sk.nomor) == (f"800/1/436.7.2/{tahun}", f"800/2/436.7.2/{tahun}")
    assert NomorUrutSK.objects.get(jenis="SK", tahun=tahun).terakhir == 2
    # the notices have a sequence of their own
    nomor = sorted(SuratPemberitahuan.objects.values_list("nomor", flat=True))
    assert nomor == [f"800.1.6/1/436.7.2/{tahun}", f"800.1.6/2/436.7.2/{tahun}"]
    assert a.sk.kode_verifikasi != b.sk.kode_verifikasi


def test_konsep_hanya_untuk_yang_diputuskan_dan_tanpa_celah_bila_gagal(dunia, monkeypatch):
    o = dunia.org
    u = dunia.sampai(S.DIVERIFIKASI)
    with pytest.raises(AlurError, match="diputuskan"):
        sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    with pytest.raises(AlurError):
        sk_siapkan(oleh=o.ppk.akun, usulan_ids=[u.pk], tmt=TMT)  # preparing is HR's
    assert SuratKeputusan.objects.count() == 0
    u = dunia.sampai(S.DIPUTUSKAN, usulan=u)
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)

    def gagal(*a, **k):
        raise TtdError("Passphrase anda salah", kode="passphrase_salah")

    monkeypatch.setattr("mutasi.services.sk.tandatangani_pdf", gagal)
    with pytest.raises(TtdError):
        sk_tandatangani(oleh=o.ppk.akun, sk=sk)
    sk.refresh_from_db()
    assert sk.status == StatusSK.KONSEP and sk.nomor is None
    assert not NomorUrutSK.objects.filter(terakhir__gt=0).exists()  # the failed signature used no number
    monkeypatch.undo()
    assert sk_tandatangani(oleh=o.ppk.akun, sk=sk).urut == 1


def test_satu_konsep_per_usulan(dunia):
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    with pytest.raises(AlurError, match="menunggu tanda tangan"):
        sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)


def test_tahun_baru_mulai_dari_satu():
    with __import__("django").db.transaction.atomic():
        assert sk_nomor_berikut(2030)[0] == 1
        assert sk_nomor_berikut(2030)[0] == 2
        assert sk_nomor_berikut(2031)[0] == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_penandatanganan_bersamaan_tanpa_celah_dan_ganda(dunia):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL")
    o = dunia.org
    usulan = [dunia.sampai(S.DIPUTUSKAN)]
    for _ in range(4):
        usulan.append(dunia.sampai(S.DIPUTUSKAN, pegawai=pegawai_di(o.subunit, mulai=date(2019, 1, 1))))
    konsep = [sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT) for u in usulan]
    mulai, galat = threading.Barrier(len(konsep)), []

    def ttd(sk):
        from django.db import connections

        try:
            mulai.wait()
            sk_tandatangani(oleh=o.ppk.akun, sk=sk, laksanakan_segera=False)
        except Exception as exc:
            galat.append(exc)
        finally:
            connections.close_all()

    ts = [threading.Thread(target=ttd, args=(sk,)) for sk in konsep]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert not galat, galat
    urut = sorted(SuratKeputusan.objects.values_list("urut", flat=True))
    assert urut == list(range(1, len(konsep) + 1))
    assert NomorUrutSK.objects.get(jenis="SK", tahun=date.today().year).terakhir == len(konsep)


# --- Signed once, stored, served as stored ----------------------------------------------------------


def test_pdf_ditandatangani_sah_menurut_pyhanko(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    isi = u.sk.berkas.read()
    assert isi.startswith(b"%PDF") and hashlib.sha256(isi).hexdigest() == u.sk.sha256
    hasil = verifikasi(isi)
    assert hasil.jumlah == 1 and hasil.lulus, hasil.pesan
    assert hasil.nama_penanda == u.sk.penandatangan_nama
    # and the notice is sealed too
    s = SuratPemberitahuan.objects.get(usulan=u)
    assert verifikasi(s.berkas.read()).lulus


@pytest.mark.skipif(PDFSIG is None, reason="pdfsig (poppler-utils) tidak terpasang")
def test_pdfsig_menyatakan_tanda_tangan_sah(dunia, tmp_path):
    u = dunia.sampai(S.SK_TERBIT)
    berkas = tmp_path / "sk.pdf"
    berkas.write_bytes(u.sk.berkas.read())
    keluar = subprocess.run([PDFSIG, str(berkas)], capture_output=True, text=True, check=False).stdout  # noqa: S603
    assert "Signature is Valid." in keluar, keluar
    assert "Total document signed" in keluar or "The signature form field is not signed" not in keluar


def test_unduhan_selalu_berkas_tersimpan_tidak_dirender_ulang(dunia, clients, settings, tmp_path):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    url = reverse("mutasi:sk_pdf", args=[u.sk_id])
    pertama = clients["hr"].get(url).content
    assert pertama == u.sk.berkas.read()
    # the employee's name and the template change: the decree stays what was signed
    o.anggota.nama = "Nama Yang Diganti"
    o.anggota.save()
    templat = tmp_path / "templat" / "mutasi" / "cetak"
    templat.mkdir(parents=True)
    (templat / "sk.html").write_text("<html><body>TEMPLAT BARU</body></html>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templat", *settings.TEMPLATES[0]["DIRS"]]}]
    kedua = clients["hr"].get(url).content
    assert kedua == pertama
    assert clients["anggota"].get(url).content == pertama
    s = SuratPemberitahuan.objects.get(usulan=u)
    url_p = reverse("mutasi:pemberitahuan_pdf", args=[u.pk])
    assert clients["anggota"].get(url_p).content == s.berkas.read() == clients["hr"].get(url_p).content


def test_konsep_dipratinjau_tanpa_disimpan(dunia, clients):
    u = dunia.sampai(S.DIPUTUSKAN)
    sk = sk_siapkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    r = clients["ppk"].get(reverse("mutasi:sk_pdf", args=[sk.pk]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    sk.refresh_from_db()
    assert not sk.berkas and not sk.sha256 and verifikasi(r.content).jumlah == 0


def test_berkas_tanpa_nama_yang_dapat_ditebak(dunia):
    a = dunia.sampai(S.SK_TERBIT)
    b = dunia.sampai(S.SK_TERBIT, pegawai=dunia.org.orang_luar)
    nama = [a.sk.berkas.name, b.sk.berkas.name, *SuratPemberitahuan.objects.values_list("berkas", flat=True)]
    # 24 random bytes (url-safe base64), nothing taken from the number, the employee or the row id
    assert all(re.fullmatch(r"mutasi/dokumen/\d{4}/[A-Za-z0-9_-]{32}\.pdf", n) for n in nama), nama
    assert len(set(nama)) == 4 and not any(a.pegawai.nip in n for n in nama)


# --- Carrying out: only signed decrees ------------------------------------------------------------------


def test_pelaksanaan_hanya_sk_yang_ditandatangani(dunia):
    u = dunia.sampai(S.SK_TERBIT, tmt_sk=date.today())
    lain = dunia.sampai(S.SK_TERBIT, pegawai=dunia.org.orang_luar, tmt_sk=date.today())
    SuratKeputusan.objects.filter(pk=lain.sk_id).update(ditandatangani_pada=None)  # a decree not signed here
    laporan = mutasi_laksanakan_jatuh_tempo()
    u.refresh_from_db()
    lain.refresh_from_db()
    assert u.status == S.DILAKSANAKAN
    assert lain.status == S.SK_TERBIT
    assert any("ditandatangani" in baris for baris in laporan.tertahan + laporan.ditunda + laporan.gagal)


def test_sk_yang_tmtnya_hari_ini_dilaksanakan_setelah_ditandatangani(dunia, django_capture_on_commit_callbacks):
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=date.today())
    with django_capture_on_commit_callbacks(execute=True):
        sk_tandatangani(oleh=o.ppk.akun, sk=sk)
    u.refresh_from_db()
    assert u.status == S.DILAKSANAKAN and o.anggota.posisi_sekarang.nomor_sk == sk.nomor


def test_jenis_sk_penetapan_dan_kode_verifikasi_unik(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    assert u.sk.jenis == JenisSK.PENETAPAN
    s = SuratPemberitahuan.objects.get(usulan=u)
    assert s.kode_verifikasi != u.sk.kode_verifikasi


def test_konsep_yang_ditarik_tidak_memakai_nomor(dunia):
    from mutasi.services.sk import sk_kembalikan, sk_tarik

    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    with pytest.raises(AlurError):
        sk_tarik(oleh=o.ppk.akun, sk=sk, catatan="Bukan wewenang PPK.")
    sk_kembalikan(oleh=o.ppk.akun, sk=sk, catatan="TMT disesuaikan dengan awal bulan.")
    sk.refresh_from_db()
    assert sk.status == StatusSK.DIKEMBALIKAN and sk.nomor is None
    sk2 = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT + timedelta(days=1))
    sk_tarik(oleh=o.hr.akun, sk=sk2, catatan="Diganti konsep lain.")
    sk3 = sk_tandatangani(oleh=o.ppk.akun, sk=sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT))
    assert sk3.urut == 1
