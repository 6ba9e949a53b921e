"""The decree a Surabaya official signs (Permendagri 80/2015): title, Menimbang, Mengingat from data,
MEMUTUSKAN, Menetapkan, KESATU..KEEMPAT with the TMT stated, the signature block from the PPK's
account, copies from data, the text following the kind of transfer and the status, a lampiran for
batches; and the notice with its own number, a named signatory, on one A4 page."""

import logging
import re
import shutil
import subprocess
from datetime import date

import pytest
from django.template.loader import render_to_string

from inti.pdf import pdf_dari_html
from inti.ttd.pdf import jumlah_halaman
from mutasi.models import DasarHukum, JenisMutasi, PejabatPenandatangan, StatusUsulan, SuratPemberitahuan, TembusanSK
from mutasi.services.dokumen import TEMPLATE_SK, konteks_sk
from mutasi.tests.helpers import TMT
from pegawai.models import StatusAsn
from pegawai.tests.factories import pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
PDFTOTEXT = shutil.which("pdftotext")


def _teks(html: str) -> str:
    """The visible text of the rendered decree, whitespace folded."""
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",").replace(" .", ".")


def _naskah(sk) -> str:
    return _teks(render_to_string(TEMPLATE_SK, konteks_sk(sk, cetak=True)))


def _pdf_teks(isi: bytes, tmp_path) -> str:
    berkas = tmp_path / "dok.pdf"
    berkas.write_bytes(isi)
    keluar = subprocess.run([PDFTOTEXT, "-layout", str(berkas), "-"], capture_output=True, text=True, check=True)  # noqa: S603
    return re.sub(r"\s+", " ", keluar.stdout)


def test_bentuk_keputusan_wali_kota(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    sk = u.sk
    t = _naskah(sk)
    for bagian in [
        "WALI KOTA SURABAYA PROVINSI JAWA TIMUR",
        f"KEPUTUSAN WALI KOTA SURABAYA NOMOR {sk.nomor} TENTANG",
        "MUTASI PEGAWAI NEGERI SIPIL DI LINGKUNGAN PEMERINTAH KOTA SURABAYA",
        "WALI KOTA SURABAYA, Menimbang",
        "Mengingat",
        "MEMUTUSKAN:",
        "Menetapkan : KEPUTUSAN WALI KOTA TENTANG MUTASI PEGAWAI NEGERI SIPIL",
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
        f"Keputusan ini mulai berlaku pada tanggal {TMT.day} ",  # the TMT, never the signing day
        "Ditetapkan di Surabaya pada tanggal",
        "Tembusan Yth.:",
    ]:
        assert bagian in t, bagian
    assert "berlaku pada tanggal ditetapkan" not in t
    assert t.index("Menimbang") < t.index("Mengingat") < t.index("MEMUTUSKAN") < t.index("KESATU") < t.index("KEDUA")
    assert "KEPUTUSAN KOTA SURABAYA" not in t and "a.n. Kepala BKPSDM" not in t
    # the person, from what to what
    assert u.pegawai.nama_lengkap in t and u.pegawai.nip_tampil in t
    assert f"{u.asal_jabatan} pada {u.asal_unit}" in t and f"{u.tujuan_jabatan} pada {u.tujuan_unit}" in t


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) tidak terpasang")
def test_pdf_tersimpan_memuat_naskah(dunia, tmp_path):
    u = dunia.sampai(S.SK_TERBIT)
    t = _pdf_teks(u.sk.berkas.read(), tmp_path)
    assert "KEPUTUSAN WALI KOTA SURABAYA" in t and u.sk.nomor in t and "MEMUTUSKAN" in t
    assert "Ditandatangani secara elektronik" in t and "KONSEP" not in t


def test_mengingat_dari_data_yang_dikelola_hr(dunia):
    teks_baru = "Peraturan Wali Kota Surabaya Nomor 99 Tahun 2099 tentang Uji Pendelegasian"
    DasarHukum.objects.create(teks=teks_baru, urutan=60)
    DasarHukum.objects.filter(teks__startswith="Undang-Undang Nomor 23 Tahun 2014").update(aktif=False)
    u = dunia.sampai(S.SK_TERBIT)
    t = _naskah(u.sk)
    mengingat = t[t.index("Mengingat") : t.index("MEMUTUSKAN")]
    assert teks_baru in mengingat
    assert "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara" in mengingat
    assert "Peraturan Badan Kepegawaian Negara Nomor 5 Tahun 2019" in mengingat
    assert "Nomor 23 Tahun 2014" not in mengingat
    assert "Peraturan Pemerintah Nomor 11 Tahun 2017" in mengingat  # PNS
    assert "Nomor 49 Tahun 2018" not in mengingat  # PPPK only


def test_pppk_disebut_sesuai_statusnya(dunia):
    o = dunia.org
    pppk = pegawai_di(o.subunit, mulai=date(2019, 1, 1), status=StatusAsn.PPPK, golongan="IX", nip="199009132019242014")
    u = dunia.sampai(S.SK_TERBIT, pegawai=pppk)
    t = _naskah(u.sk)
    assert "Pegawai Pemerintah dengan Perjanjian Kerja" in t and "Pegawai Negeri Sipil" not in t
    mengingat = t[t.index("Mengingat") : t.index("MEMUTUSKAN")]
    assert "Nomor 49 Tahun 2018" in mengingat and "Nomor 11 Tahun 2017" not in mengingat
    assert "NI PPPK" in t


def test_mutasi_keluar_pemberhentian_karena_pindah(dunia):
    o = dunia.org
    u = dunia.usulan(
        pegawai=o.orang_luar,
        jenis=JenisMutasi.KELUAR,
        tujuan_unit=None,
        tujuan_jabatan=None,
        instansi_eksternal="Pemerintah Kabupaten Sidoarjo",
        jabatan_eksternal="Analis SDM Aparatur",
    )
    u = dunia.sampai(S.DIPUTUSKAN, usulan=u)
    sk = dunia.sk_tetapkan([u])
    t = _naskah(sk)
    assert "PEMBERHENTIAN PEGAWAI NEGERI SIPIL" in t and "KARENA PINDAH KE PEMERINTAH KABUPATEN SIDOARJO" in t
    assert "Memberhentikan dengan hormat" in t and "karena pindah ke instansi lain" in t
    assert "Pemerintah Kabupaten Sidoarjo" in t
    assert "Lingkungan Pemerintah Kota Surabaya" not in t and "LINGKUNGAN PEMERINTAH KOTA SURABAYA" not in t
    assert "lingkungan Pemerintah Kota Surabaya" not in t
    assert "Pimpinan Pemerintah Kabupaten Sidoarjo" in t  # copy to the other instansi


def test_mutasi_masuk_penerimaan_pindahan(dunia):
    u = dunia.usulan(jenis=JenisMutasi.MASUK, instansi_eksternal="Pemerintah Kota Malang")
    u = dunia.sampai(S.DIPUTUSKAN, usulan=u)
    t = _naskah(dunia.sk_tetapkan([u]))
    assert "PENERIMAAN PEGAWAI NEGERI SIPIL PINDAHAN DARI PEMERINTAH KOTA MALANG" in t
    assert "Menerima perpindahan" in t and "Instansi asal" in t


def test_penanda_tangan_dari_akun_ppk(dunia):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    t = _naskah(u.sk)
    nama = o.ppk.nama.upper()
    assert nama in t and "a.n. WALI KOTA SURABAYA" in t
    assert re.search(r"NIP \d{8} \d{6} \d \d{3}", t.split("Ditetapkan di")[1])
    assert o.ppk.nip == u.sk.penandatangan_nip and u.sk.penandatangan == o.ppk.akun


def test_penanda_tangan_plh_dan_tanpa_atas_nama(dunia):
    o = dunia.org
    PejabatPenandatangan.objects.create(akun=o.ppk.akun, jabatan_ttd="Sekretaris Daerah", atas_nama=True, plh="Plh.")
    t = _naskah(dunia.sampai(S.SK_TERBIT).sk)
    assert "a.n. WALI KOTA SURABAYA Plh. SEKRETARIS DAERAH," in t
    PejabatPenandatangan.objects.filter(akun=o.ppk.akun).update(jabatan_ttd="Wali Kota Surabaya", plh="")
    t = _naskah(dunia.sampai(S.SK_TERBIT, pegawai=o.orang_luar).sk)
    blok = t.split("Ditetapkan di")[1]
    assert "a.n." not in blok and "WALI KOTA SURABAYA," in blok


def test_tembusan_dari_data(dunia):
    TembusanSK.objects.create(teks="Kepala Dinas Komunikasi dan Informatika Kota Surabaya", urutan=55)
    TembusanSK.objects.filter(teks="Inspektur Kota Surabaya").update(aktif=False)
    t = _naskah(dunia.sampai(S.SK_TERBIT).sk)
    tembusan = t[t.index("Tembusan Yth.:") :]
    assert "Gubernur Jawa Timur" in tembusan and "Kepala Badan Kepegawaian Negara" not in tembusan  # within the city
    assert "Kantor Regional II Badan Kepegawaian Negara" in tembusan
    assert "Kepala Dinas Komunikasi dan Informatika Kota Surabaya" in tembusan
    assert "Inspektur" not in tembusan
    assert "Kepala Kecamatan Mulyorejo" in tembusan and "Kepala Dinas Kesehatan" in tembusan  # OPD from, to
    assert "Yang bersangkutan." in tembusan and "{" not in tembusan


def test_batch_dengan_lampiran(dunia):
    o = dunia.org
    usulan = [dunia.sampai(S.DIPUTUSKAN, pegawai=pegawai_di(o.subunit, mulai=date(2019, 1, 1))) for _ in range(3)]
    sk = dunia.sk_tetapkan(usulan)
    t = _naskah(sk)
    assert "sebagaimana tercantum dalam Lampiran" in t and "LAMPIRAN KEPUTUSAN WALI KOTA SURABAYA" in t
    lampiran = t[t.index("LAMPIRAN KEPUTUSAN") :]
    assert "DAFTAR PEGAWAI NEGERI SIPIL YANG DIMUTASI" in lampiran
    for kolom in ["No.", "Nama / NIP", "Pangkat/Gol.", "Jabatan lama", "Jabatan baru", "Unit kerja baru"]:
        assert kolom in lampiran
    for u in usulan:
        assert u.pegawai.nama_lengkap in lampiran and u.pegawai.nip_tampil in lampiran
    assert jumlah_halaman(sk.berkas.read()) >= 2


def test_judul_dari_pengaturan(dunia, settings):
    settings.KEPALA_DAERAH_JABATAN = "BUPATI SIDOARJO"
    settings.INSTANSI_KOTA = "Sidoarjo"
    t = _naskah(dunia.sampai(S.SK_TERBIT).sk)
    assert "KEPUTUSAN BUPATI SIDOARJO" in t and "KEPUTUSAN BUPATI TENTANG" in t and "a.n. BUPATI SIDOARJO" in t


# --- The notice ---------------------------------------------------------------------------------------


def test_pemberitahuan_bernomor_sendiri_dan_penanda_tangan_bernama(dunia, tmp_path):
    u = dunia.sampai(S.SK_TERBIT)
    s = SuratPemberitahuan.objects.get(usulan=u)
    kepala = dunia.kepala_bkpsdm
    assert s.nomor != u.sk.nomor and s.nomor.startswith("800.1.6/")
    assert s.penandatangan_nip == kepala.nip and kepala.nama.upper() in s.penandatangan_nama
    assert "KEPALA" in s.penandatangan_jabatan or kepala.posisi_sekarang.jabatan.nama.upper() in s.penandatangan_jabatan
    isi = s.berkas.read()
    assert jumlah_halaman(isi) == 1
    if PDFTOTEXT:
        t = _pdf_teks(isi, tmp_path)
        assert s.nomor in t and u.sk.nomor in t and kepala.nama.upper() in t
        assert "a.n." not in t


def test_pemberitahuan_tetap_satu_halaman_dengan_teks_panjang(dunia):
    panjang = "Penguatan layanan administrasi kependudukan di wilayah dengan beban kerja tinggi. " * 40
    u = dunia.usulan(alasan=panjang, manfaat_organisasi=panjang, manfaat_pegawai=panjang)
    u = dunia.sampai(S.SK_TERBIT, usulan=u)
    s = SuratPemberitahuan.objects.get(usulan=u)
    assert jumlah_halaman(s.berkas.read()) == 1


def test_tanpa_kepala_bkpsdm_penandatanganan_ditolak(dunia):
    from mutasi.services import AlurError
    from pegawai.models import UnitKerja

    UnitKerja.objects.filter(kode="BKPSDM").update(kepala=None)
    u = dunia.sampai(S.DIPUTUSKAN)
    with pytest.raises(AlurError, match="Kepala BKPSDM"):
        dunia.sk_tetapkan([u])
    u.refresh_from_db()
    assert u.status == S.DIPUTUSKAN and not u.sk_cakupan.filter(status="DITETAPKAN").exists()


def test_membuat_pdf_tidak_mengisi_log_dengan_langkah_weasyprint(caplog):
    """WeasyPrint logs five progress steps per PDF and fontTools every font it subsets, at INFO (the
    server's level): a day of decrees would bury the log. Their warnings still show."""
    with caplog.at_level(logging.INFO):
        pdf = pdf_dari_html("<p>Keputusan Wali Kota Surabaya</p>")
    assert pdf.startswith(b"%PDF")
    assert [r.name for r in caplog.records if r.name.split(".")[0] in ("weasyprint", "fontTools")] == []
    assert logging.getLogger("weasyprint.progress").isEnabledFor(logging.WARNING)
