"""inti.ttd.bsre.PenandaBsre against the fake BSrE service (inti/tests/palsu_bsre.py) on 127.0.0.1:
success, the documented errors, a service that is down, slow, dropping the connection or answering
something that is not a signed PDF; and the passphrase never in logs, messages or the backend."""

import logging
import socket
import time

import pytest
import requests

from inti.tests.palsu_bsre import PENGGUNA, SANDI, BsrePalsu, pdf_kecil
from inti.ttd import Penanda, Tampilan, TtdError, tandatangani, verifikasi
from inti.ttd.bsre import PenandaBsre, samarkan_nik

NIK = "3578010101800001"
PASSPHRASE = "Rahasia#Benar-2024"
PPK = Penanda(nama="Drs. Budi Santoso, M.Si.", nip="196801011990031001", jabatan="Sekretaris Daerah", lokasi="Surabaya")


@pytest.fixture
def bsre(settings, tmp_path):
    palsu = BsrePalsu()
    palsu.daftar(NIK, "BUDI SANTOSO", PASSPHRASE)
    palsu.mulai()
    akar = tmp_path / "bsre-root.pem"
    akar.write_bytes(palsu.ca.pem())
    settings.TTD_BACKEND = "inti.ttd.bsre.PenandaBsre"
    settings.TTD_SERTIFIKAT = tmp_path / "ttd" / "sertifikat.pem"  # no installation certificate here
    settings.TTD_KUNCI = tmp_path / "ttd" / "kunci.pem"
    settings.TTD_AKAR_TEPERCAYA = [str(akar)]
    settings.BSRE_URL = palsu.url + "/"
    settings.BSRE_PENGGUNA = PENGGUNA
    settings.BSRE_SANDI = SANDI
    settings.BSRE_TIMEOUT_DETIK = 10.0
    settings.BSRE_TIMEOUT_SAMBUNG_DETIK = 2.0
    yield palsu
    palsu.berhenti()


@pytest.fixture(autouse=True)
def _tanpa_jeda(monkeypatch):
    monkeypatch.setattr(PenandaBsre, "jeda_detik", 0.0)


def _tanda_tangan(passphrase=PASSPHRASE, nik=NIK, **kw):
    return tandatangani(pdf_kecil(), penanda=PPK, rahasia={"nik": nik, "passphrase": passphrase}, **kw)


def _port_tertutup() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_berhasil_pdf_ditandatangani_dengan_sertifikat_bsre(bsre):
    hasil = _tanda_tangan()

    assert hasil.startswith(b"%PDF-")
    periksa = verifikasi(hasil)
    assert periksa.lulus
    assert periksa.nama_penanda == "BUDI SANTOSO"
    assert "BUDI SANTOSO" in periksa.subjek
    assert "BSrE Uji Root CA" in periksa.penerbit

    (minta,) = bsre.permintaan
    assert minta["jalur"] == "/api/sign/pdf"
    assert minta["field"]["nik"] == NIK
    assert minta["field"]["tampilan"] == "invisible"
    assert minta["field"]["reason"] == PPK.alasan
    assert minta["field"]["location"] == "Surabaya"
    assert minta["ada_passphrase"]
    assert minta["berkas"] == {"file": len(pdf_kecil())}


def test_tanpa_akar_bsre_tanda_tangan_tidak_tepercaya(bsre, settings):
    hasil = _tanda_tangan()
    settings.TTD_AKAR_TEPERCAYA = []
    periksa = verifikasi(hasil)
    assert periksa.utuh and periksa.sah
    assert not periksa.tepercaya


def test_nik_dari_penanda_bila_tidak_diketik(bsre):
    penanda = Penanda(nama="Budi", nip="1", jabatan="PPK", nik=NIK)
    hasil = tandatangani(pdf_kecil(), penanda=penanda, rahasia={"passphrase": PASSPHRASE})
    assert verifikasi(hasil).lulus
    assert bsre.permintaan[0]["field"]["nik"] == NIK


def test_tampilan_terlihat_dengan_qr(bsre):
    _tanda_tangan(tampilan=Tampilan(x=340, y=40, lebar=100, tinggi=100, tautan_qr="https://simutasi.example/sk/1"))
    field = bsre.permintaan[0]["field"]
    assert field["tampilan"] == "visible"
    assert (field["page"], field["xAxis"], field["yAxis"], field["width"], field["height"]) == (
        "1",
        "340",
        "40",
        "100",
        "100",
    )
    assert field["image"] == "false"
    assert field["linkQR"] == "https://simutasi.example/sk/1"


def test_tampilan_terlihat_dengan_gambar(bsre):
    _tanda_tangan(tampilan=Tampilan(halaman=1, gambar=b"\x89PNG\r\n\x1a\nuji"))
    minta = bsre.permintaan[0]
    assert minta["field"]["image"] == "true"
    assert minta["berkas"]["imageTTD"] == len(b"\x89PNG\r\n\x1a\nuji")


def test_passphrase_salah_pesan_jelas_dan_tidak_tercatat(bsre, caplog):
    caplog.set_level(logging.DEBUG)
    salah = "Passphrase-Keliru-98765"
    backend = PenandaBsre()
    with pytest.raises(TtdError) as e:
        backend.tandatangani(pdf_kecil(), penanda=PPK, rahasia={"nik": NIK, "passphrase": salah})

    assert e.value.kode == "passphrase_salah"
    assert str(e.value) == "Passphrase salah. Periksa kembali passphrase tanda tangan elektronik Anda."
    assert len(bsre.permintaan) == 1  # the service was asked, once
    assert "2031" in caplog.text  # the refusal is logged ...
    assert salah not in caplog.text  # ... without the passphrase
    assert NIK not in caplog.text  # and with the NIK masked
    assert samarkan_nik(NIK) in caplog.text
    assert salah not in repr(e.value) and salah not in str(e.value.__cause__) and salah not in str(e.value.__context__)
    assert salah not in repr(vars(backend))  # not kept on the backend


def test_berhasil_juga_tidak_mencatat_passphrase(bsre, caplog):
    caplog.set_level(logging.DEBUG)
    _tanda_tangan()
    assert caplog.records  # something was logged (urllib3, and the backend)
    assert PASSPHRASE not in caplog.text
    assert NIK not in caplog.text


@pytest.mark.parametrize("status", [400, 404])
def test_nik_tidak_terdaftar(bsre, status):
    bsre.status_nik_asing = status
    with pytest.raises(TtdError) as e:
        _tanda_tangan(nik="3578999999999999")
    assert e.value.kode == "nik_tidak_terdaftar"
    assert "3578999999999999" in str(e.value)
    assert "tidak terdaftar" in str(e.value)


def test_passphrase_kosong_tidak_dikirim(bsre):
    with pytest.raises(TtdError) as e:
        _tanda_tangan(passphrase="")
    assert e.value.kode == "data_kurang"
    assert bsre.permintaan == []


def test_akun_aplikasi_salah(bsre, settings):
    settings.BSRE_SANDI = "bukan-sandinya"
    with pytest.raises(TtdError) as e:
        _tanda_tangan()
    assert e.value.kode == "konfigurasi"
    assert "BSRE_PENGGUNA" in str(e.value)


def test_belum_dikonfigurasi(bsre, settings):
    settings.BSRE_URL = ""
    with pytest.raises(TtdError) as e:
        _tanda_tangan()
    assert e.value.kode == "konfigurasi"
    assert bsre.permintaan == []


def test_layanan_mati_dicoba_ulang_lalu_galat(bsre, settings, monkeypatch):
    settings.BSRE_URL = f"http://127.0.0.1:{_port_tertutup()}"
    percobaan = []
    asli = requests.post

    def hitung(*args, **kwargs):
        percobaan.append(args[0])
        return asli(*args, **kwargs)

    monkeypatch.setattr("inti.ttd.bsre.requests.post", hitung)
    with pytest.raises(TtdError) as e:
        _tanda_tangan()
    assert e.value.kode == "tidak_terhubung"
    assert "tidak dapat dihubungi" in str(e.value)
    assert len(percobaan) == PenandaBsre.percobaan == 3  # connection refused: safe to try again


def test_gagal_sambung_sekali_lalu_berhasil(bsre, monkeypatch):
    from urllib3.exceptions import MaxRetryError, NewConnectionError

    percobaan = []
    asli = requests.post

    def sekali_gagal(*args, **kwargs):
        percobaan.append(1)
        if len(percobaan) == 1:
            alasan = NewConnectionError(None, "Connection refused")
            raise requests.ConnectionError(MaxRetryError(None, args[0], reason=alasan))
        return asli(*args, **kwargs)

    monkeypatch.setattr("inti.ttd.bsre.requests.post", sekali_gagal)
    assert verifikasi(_tanda_tangan()).lulus
    assert len(percobaan) == 2
    assert len(bsre.permintaan) == 1  # the service saw exactly one request


def test_waktu_habis_tidak_dicoba_ulang(bsre, settings):
    bsre.mode = "lambat"
    bsre.jeda = 5.0
    settings.BSRE_TIMEOUT_DETIK = 0.5
    mulai = time.monotonic()
    with pytest.raises(TtdError) as e:
        _tanda_tangan()
    assert e.value.kode == "waktu_habis"
    assert "0.5 detik" in str(e.value)
    assert time.monotonic() - mulai < 3
    assert len(bsre.permintaan) == 1  # the request reached the service: never sent twice


def test_sambungan_putus_tidak_dicoba_ulang(bsre):
    bsre.mode = "putus"
    with pytest.raises(TtdError) as e:
        _tanda_tangan()
    assert e.value.kode == "tidak_terhubung"
    assert "terputus" in str(e.value)
    assert len(bsre.permintaan) == 1


@pytest.mark.parametrize(("mode", "status"), [("galat_500", 500), ("sibuk_503", 503)])
def test_galat_server(bsre, mode, status):
    bsre.mode = mode
    with pytest.raises(TtdError) as e:
        _tanda_tangan()
    assert e.value.kode == "layanan_galat"
    assert f"HTTP {status}" in str(e.value)
    assert len(bsre.permintaan) == 1  # a 503 is not retried either: signing is not idempotent


@pytest.mark.parametrize("mode", ["bukan_pdf", "pdf_tanpa_ttd"])
def test_jawaban_200_yang_bukan_pdf_bertanda_tangan_ditolak(bsre, mode):
    bsre.mode = mode
    with pytest.raises(TtdError) as e:
        _tanda_tangan()
    assert e.value.kode == "jawaban_salah"
    assert "tidak ditandatangani" in str(e.value)


def test_verifikasi_oleh_bsre(bsre):
    backend = PenandaBsre()
    ditandatangani = _tanda_tangan()
    hasil = backend.periksa_di_bsre(ditandatangani)
    assert hasil["jumlah_signature"] == 1
    assert hasil["summary"] == "VALID"
    assert hasil["details"][0]["info_signer"]["signer_name"] == "BUDI SANTOSO"
    assert hasil["details"][0]["signature_document"]["document_integrity"] is True
    assert bsre.permintaan[-1]["jalur"] == "/api/sign/verify"
    assert bsre.permintaan[-1]["berkas"] == {"signed_file": len(ditandatangani)}

    belum = backend.periksa_di_bsre(pdf_kecil())
    assert belum["jumlah_signature"] == 0


def test_samarkan_nik():
    assert samarkan_nik("3578010101800001") == "************0001"
    assert samarkan_nik("") == ""


def test_teks_galat_dari_bsre_dibersihkan_dari_passphrase():
    jawaban = requests.Response()
    jawaban.status_code = 400
    jawaban._content = b'{"error": "Proses signing gagal : passphrase Rahasia#Benar-2024 ditolak", "status_code": 2099}'
    teks, kode = PenandaBsre._galat_dari(jawaban, (PASSPHRASE,))
    assert PASSPHRASE not in teks
    assert "***" in teks
    assert kode == 2099
