"""inti.ttd with the embedded backend: signing, verification (pyHanko and poppler's pdfsig), tampering,
the installation certificate (created by the command or on first use) and the backend switch."""

import datetime as dt
import io
import os
import shutil
import stat
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from django.core.management import CommandError, call_command
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from inti import ttd
from inti.pdf import pdf_dari_html
from inti.tests.palsu_bsre import pdf_kecil
from inti.ttd import HasilVerifikasi, Penanda, Tampilan, TtdError, tandatangani, verifikasi

PPK = Penanda(
    nama="Drs. Budi Santoso, M.Si.",
    nip="196801011990031001",
    jabatan="Sekretaris Daerah",
    lokasi="Surabaya",
)


@pytest.fixture(autouse=True)
def _ttd(settings, tmp_path):
    """Every test gets its own key folder; nothing is ever written under var/ttd/."""
    settings.TTD_BACKEND = "inti.ttd.lokal.PenandaLokal"
    settings.TTD_SERTIFIKAT = tmp_path / "ttd" / "sertifikat.pem"
    settings.TTD_KUNCI = tmp_path / "ttd" / "kunci.pem"
    settings.TTD_BUAT_OTOMATIS = False
    settings.TTD_AKAR_TEPERCAYA = []
    settings.INSTANSI_NAMA = "PEMERINTAH KOTA SURABAYA"


@pytest.fixture
def sertifikat(settings):
    call_command("buat_sertifikat_ttd", stdout=io.StringIO())
    return settings.TTD_SERTIFIKAT


def _muat_sert(path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


PDFSIG = shutil.which("pdfsig")


def _pdfsig(berkas) -> str:
    return subprocess.run([PDFSIG, str(berkas)], capture_output=True, text=True, check=False).stdout  # noqa: S603 - fixed arguments


def _pdf_weasyprint() -> bytes:
    return pdf_dari_html("<h1>KEPUTUSAN WALI KOTA SURABAYA</h1><p>tentang mutasi pegawai</p>")


# --- signing and verifying ----------------------------------------------------------------------


def test_tanpa_sertifikat_dan_tanpa_buat_otomatis_galatnya_jelas(settings):
    with pytest.raises(TtdError) as e:
        tandatangani(pdf_kecil(), penanda=PPK)
    assert e.value.kode == "sertifikat_tidak_ada"
    assert "buat_sertifikat_ttd" in str(e.value)
    assert not settings.TTD_SERTIFIKAT.exists()
    assert not settings.TTD_KUNCI.exists()


def test_buat_otomatis_membuat_sertifikat_pada_tanda_tangan_pertama(settings):
    settings.TTD_BUAT_OTOMATIS = True
    hasil = verifikasi(tandatangani(pdf_kecil(), penanda=PPK))
    assert hasil.lulus
    assert stat.S_IMODE(os.stat(settings.TTD_KUNCI).st_mode) == 0o600
    cn = _muat_sert(settings.TTD_SERTIFIKAT).subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert cn == "PEMERINTAH KOTA SURABAYA"


def test_tanda_tangan_lokal_utuh_sah_dan_tepercaya(sertifikat):
    asli = pdf_kecil()
    sebelum = dt.datetime.now(dt.UTC)
    ditandatangani = tandatangani(asli, penanda=PPK)

    assert ditandatangani.startswith(asli)  # an incremental update: the original bytes are untouched
    hasil = verifikasi(ditandatangani)
    assert (hasil.jumlah, hasil.utuh, hasil.sah, hasil.tepercaya, hasil.seluruh_dokumen) == (1, True, True, True, True)
    assert hasil.lulus
    assert hasil.nama_penanda == PPK.nama
    assert "PEMERINTAH KOTA SURABAYA" in hasil.subjek
    assert hasil.waktu is not None
    assert abs(hasil.waktu - sebelum) < dt.timedelta(minutes=1)
    assert "sah" in hasil.pesan

    sig = PdfFileReader(io.BytesIO(ditandatangani)).embedded_signatures[0]
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert sig.sig_object["/Reason"] == PPK.alasan
    assert sig.sig_object["/Location"] == "Surabaya"
    assert "196801011990031001" in str(sig.sig_object["/ContactInfo"])


def test_tanpa_akar_tepercaya_tanda_tangan_sah_tetapi_tidak_tepercaya(sertifikat, tmp_path):
    ditandatangani = tandatangani(pdf_kecil(), penanda=PPK)
    shutil.move(sertifikat, tmp_path / "disimpan.pem")  # the installation certificate is no longer there

    hasil = verifikasi(ditandatangani)
    assert hasil.utuh and hasil.sah and hasil.seluruh_dokumen
    assert not hasil.tepercaya
    assert not hasil.lulus
    assert "tidak tepercaya" in hasil.pesan


@pytest.mark.skipif(PDFSIG is None, reason="pdfsig (poppler-utils) is not installed")
def test_pdfsig_menyatakan_tanda_tangan_sah(sertifikat, tmp_path):
    berkas = tmp_path / "sk.pdf"
    berkas.write_bytes(tandatangani(_pdf_weasyprint(), penanda=PPK, tampilan=Tampilan()))
    keluaran = _pdfsig(berkas)
    assert "Signature is Valid" in keluaran
    assert "ETSI.CAdES.detached" in keluaran
    assert "Total document signed" in keluaran


@pytest.mark.skipif(PDFSIG is None, reason="pdfsig (poppler-utils) is not installed")
def test_pdfsig_menolak_dokumen_yang_diubah(sertifikat, tmp_path):
    ditandatangani = tandatangani(pdf_kecil("SURAT KEPUTUSAN"), penanda=PPK)
    berkas = tmp_path / "diubah.pdf"
    berkas.write_bytes(ditandatangani.replace(b"SURAT KEPUTUSAN", b"SURAT KEPUTUSAX", 1))
    keluaran = _pdfsig(berkas)
    assert "Signature is Valid" not in keluaran
    assert "Digest Mismatch" in keluaran or "Invalid" in keluaran


def test_satu_bait_diubah_setelah_ditandatangani_gagal_verifikasi(sertifikat):
    ditandatangani = tandatangani(pdf_kecil("SURAT KEPUTUSAN"), penanda=PPK)
    assert verifikasi(ditandatangani).lulus

    diubah = ditandatangani.replace(b"SURAT KEPUTUSAN", b"SURAT KEPUTUSAX", 1)
    assert len(diubah) == len(ditandatangani) and diubah != ditandatangani
    hasil = verifikasi(diubah)
    assert hasil.jumlah == 1
    assert not hasil.utuh
    assert not hasil.lulus
    assert "tidak sah" in hasil.pesan


def test_tambahan_setelah_ditandatangani_terdeteksi(sertifikat):
    ditandatangani = tandatangani(pdf_kecil(), penanda=PPK)
    penulis = IncrementalPdfFileWriter(io.BytesIO(ditandatangani))
    halaman = penulis.root["/Pages"]["/Kids"][0].get_object()
    halaman["/Rotate"] = generic.NumberObject(90)  # a change to the signed page, appended as an update
    penulis.update_container(halaman)
    keluar = io.BytesIO()
    penulis.write(keluar)

    hasil = verifikasi(keluar.getvalue())
    assert hasil.utuh and hasil.sah  # the signed bytes themselves are intact ...
    assert not hasil.seluruh_dokumen  # ... but something was added after the signature
    assert not hasil.lulus
    assert "setelah ditandatangani" in hasil.pesan


def test_tanda_tangan_kedua_tetap_lulus(sertifikat):
    sekali = tandatangani(pdf_kecil(), penanda=PPK)
    kedua = Penanda(nama="Ir. Siti Aminah", nip="197002021995032002", jabatan="Wali Kota")
    dua_kali = tandatangani(sekali, penanda=kedua)
    hasil = verifikasi(dua_kali)
    assert hasil.jumlah == 2
    assert hasil.lulus
    assert hasil.nama_penanda == "Ir. Siti Aminah"


def test_tampilan_terlihat_memberi_kotak_di_halaman_terakhir(sertifikat):
    tampilan = Tampilan(x=300, y=50, lebar=250, tinggi=90)
    ditandatangani = tandatangani(pdf_kecil(), penanda=PPK, tampilan=tampilan)
    assert verifikasi(ditandatangani).lulus

    reader = PdfFileReader(io.BytesIO(ditandatangani))
    halaman = reader.root["/Pages"]["/Kids"][0].get_object()
    widget = [a.get_object() for a in halaman["/Annots"] if a.get_object().get("/T") == "TTD1"]
    assert len(widget) == 1
    assert [int(v) for v in widget[0]["/Rect"]] == [300, 50, 550, 140]
    assert "/N" in widget[0]["/AP"]  # an appearance stream: the stamp is drawn


def test_tanpa_tampilan_tanda_tangan_tidak_terlihat(sertifikat):
    reader = PdfFileReader(io.BytesIO(tandatangani(pdf_kecil(), penanda=PPK)))
    halaman = reader.root["/Pages"]["/Kids"][0].get_object()
    widget = [a.get_object() for a in halaman.get("/Annots", []) if a.get_object().get("/T") == "TTD1"]
    assert [int(v) for v in widget[0]["/Rect"]] == [0, 0, 0, 0]


def test_pdf_belum_ditandatangani():
    hasil = verifikasi(pdf_kecil())
    assert hasil == HasilVerifikasi(jumlah=0)
    assert not hasil.lulus
    assert hasil.pesan == "Dokumen belum ditandatangani secara elektronik."


@pytest.mark.parametrize("isi", [b"", b"bukan pdf", b"%PDF-1.7\nrusak"])
def test_bukan_pdf_ditolak_dengan_pesan(sertifikat, isi):
    with pytest.raises(TtdError) as e:
        tandatangani(isi, penanda=PPK)
    assert e.value.kode == "pdf_rusak"
    with pytest.raises(TtdError):
        verifikasi(isi)


def test_kunci_tidak_cocok_dengan_sertifikat(sertifikat, settings, tmp_path):
    lain_sert, lain_kunci = tmp_path / "lain" / "s.pem", tmp_path / "lain" / "k.pem"
    ttd.sertifikat.buat(lain_sert, lain_kunci, nama="LAIN")
    shutil.copy(lain_kunci, settings.TTD_KUNCI)
    with pytest.raises(TtdError) as e:
        tandatangani(pdf_kecil(), penanda=PPK)
    assert e.value.kode == "sertifikat_rusak"


def test_akar_tepercaya_yang_tidak_terbaca_adalah_galat_konfigurasi(settings, tmp_path):
    settings.TTD_AKAR_TEPERCAYA = [str(tmp_path / "tidak-ada.pem")]
    with pytest.raises(TtdError) as e:
        verifikasi(pdf_kecil())
    assert e.value.kode == "konfigurasi"


# --- the management command -----------------------------------------------------------------------


def test_perintah_membuat_kunci_ec_dan_sertifikat_lima_tahun(settings):
    keluaran = io.StringIO()
    call_command("buat_sertifikat_ttd", stdout=keluaran)

    sert = _muat_sert(settings.TTD_SERTIFIKAT)
    assert sert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "PEMERINTAH KOTA SURABAYA"
    assert sert.issuer == sert.subject  # self-signed
    assert isinstance(sert.public_key(), ec.EllipticCurvePublicKey)
    assert sert.public_key().curve.name == "secp256r1"
    masa = sert.not_valid_after_utc - sert.not_valid_before_utc
    assert dt.timedelta(days=5 * 365) <= masa <= dt.timedelta(days=5 * 366 + 1)
    assert sert.extensions.get_extension_for_class(x509.KeyUsage).value.content_commitment
    assert stat.S_IMODE(os.stat(settings.TTD_KUNCI).st_mode) == 0o600
    assert b"PRIVATE KEY" in settings.TTD_KUNCI.read_bytes()
    assert "SHA-256" in keluaran.getvalue()


def test_perintah_menolak_menimpa_tanpa_paksa(settings):
    call_command("buat_sertifikat_ttd", stdout=io.StringIO())
    kunci_lama = settings.TTD_KUNCI.read_bytes()
    with pytest.raises(CommandError, match="--paksa"):
        call_command("buat_sertifikat_ttd", stdout=io.StringIO())
    assert settings.TTD_KUNCI.read_bytes() == kunci_lama


def test_perintah_paksa_mengganti_dan_menyimpan_sertifikat_lama(settings):
    call_command("buat_sertifikat_ttd", stdout=io.StringIO())
    sk_lama = tandatangani(pdf_kecil(), penanda=PPK)
    kunci_lama = settings.TTD_KUNCI.read_bytes()

    keluaran = io.StringIO()
    call_command("buat_sertifikat_ttd", "--paksa", "--nama", "BKPSDM KOTA SURABAYA", stdout=keluaran)
    assert settings.TTD_KUNCI.read_bytes() != kunci_lama
    cn = _muat_sert(settings.TTD_SERTIFIKAT).subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert cn == "BKPSDM KOTA SURABAYA"
    (lama,) = settings.TTD_SERTIFIKAT.parent.glob("sertifikat.*.lama.pem")
    assert "TTD_AKAR_TEPERCAYA" in keluaran.getvalue()

    # the decree signed before is no longer trusted ... until the kept certificate is listed as a root
    assert not verifikasi(sk_lama).tepercaya
    settings.TTD_AKAR_TEPERCAYA = [str(lama)]
    assert verifikasi(sk_lama).lulus
    assert verifikasi(tandatangani(pdf_kecil(), penanda=PPK)).lulus


def test_perintah_rsa_3072(settings):
    call_command("buat_sertifikat_ttd", "--rsa", "--tahun", "2", stdout=io.StringIO())
    sert = _muat_sert(settings.TTD_SERTIFIKAT)
    assert isinstance(sert.public_key(), rsa.RSAPublicKey)
    assert sert.public_key().key_size == 3072
    assert verifikasi(tandatangani(pdf_kecil(), penanda=PPK)).lulus


# --- the backend switch ---------------------------------------------------------------------------


class PenandaUji(ttd.BackendTtd):
    """A backend for the switch test: records the call and returns a marker."""

    panggilan = []

    def tandatangani(self, pdf, *, penanda, rahasia=None, tampilan=None):
        self.panggilan.append((pdf, penanda, rahasia, tampilan))
        return b"%PDF-ditandatangani"


def test_backend_dipilih_dari_pengaturan(settings):
    settings.TTD_BACKEND = "inti.tests.test_ttd_lokal.PenandaUji"
    PenandaUji.panggilan.clear()
    assert isinstance(ttd.backend(), PenandaUji)
    assert tandatangani(b"%PDF-x", penanda=PPK, rahasia={"passphrase": "p"}) == b"%PDF-ditandatangani"
    assert PenandaUji.panggilan == [(b"%PDF-x", PPK, {"passphrase": "p"}, None)]


def test_ttd_adalah_layanan_error():
    from inti.galat import LayananError

    assert issubclass(TtdError, LayananError)
    assert TtdError("x", kode="passphrase_salah").kode == "passphrase_salah"
