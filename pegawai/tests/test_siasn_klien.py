"""The SIASN client against a local fake SIASN (pegawai/tests/palsu_siasn.py): both tokens, their
caching and one re-fetch on 401, reads, the push, errors, outages, timeouts, recorded answers, and
nothing at all when SIASN is off."""

import pytest

from pegawai.siasn import bentuk
from pegawai.siasn.klien import (
    SiasnDitolak,
    SiasnKonfigurasi,
    SiasnNonaktif,
    SiasnOtentikasi,
    SiasnTakTerjangkau,
    SiasnTidakDitemukan,
    klien_siasn,
)
from pegawai.tests.palsu_siasn import rekaman_muat

NIP = "198703122010012004"


def test_off_by_default_nothing_is_built_or_sent(settings):
    assert settings.SIASN_AKTIF is False
    with pytest.raises(SiasnNonaktif, match="tidak aktif"):
        klien_siasn()


def test_missing_settings_are_named(siasn, settings):
    settings.SIASN_CONSUMER_SECRET = ""
    settings.SIASN_SSO_PASSWORD = ""
    with pytest.raises(SiasnKonfigurasi, match="SIASN_CONSUMER_SECRET, SIASN_SSO_PASSWORD"):
        klien_siasn()


def test_both_tokens_are_sent_on_each_call_and_cached(siasn):
    siasn.daftar(NIP, nama="RATNA KUSUMAWATI")
    k = klien_siasn()
    assert k.data_utama(NIP)["nama"] == "RATNA KUSUMAWATI"
    assert k.rw_jabatan(NIP) == [] and k.rw_golongan(NIP) == []
    assert len(siasn.jalur("/oauth2/token")) == 1
    sso = siasn.jalur("/auth/realms/")
    assert len(sso) == 1
    assert sso[0]["form"] == {"grant_type": "password", "client_id": "surabayaws", "username": "199001012015011001"}
    assert len(siasn.jalur("/apisiasn/")) == 3
    # another client (another request) uses the cached tokens; other credentials get their own
    klien_siasn().data_utama(NIP)
    assert len(siasn.jalur("/oauth2/token")) == 1


def test_new_credentials_never_reuse_a_cached_token(siasn, settings):
    siasn.daftar(NIP)
    klien_siasn().data_utama(NIP)
    settings.SIASN_CONSUMER_KEY = "kunci-lain"
    with pytest.raises(SiasnOtentikasi):
        klien_siasn().data_utama(NIP)


def test_an_expired_token_is_fetched_again_once(siasn):
    siasn.daftar(NIP, nama="A")
    k = klien_siasn()
    k.data_utama(NIP)
    siasn.mode = "token_kedaluwarsa"
    assert k.data_utama(NIP)["nama"] == "A"
    assert len(siasn.jalur("/oauth2/token")) == 2 and len(siasn.jalur("/auth/realms/")) == 2
    assert len(siasn.jalur("/apisiasn/")) == 3  # one refused, then the retry


def test_a_401_that_fresh_tokens_do_not_cure_is_an_authentication_error(siasn):
    siasn.rekaman["/apisiasn/1.0/pns/data-utama/" + NIP] = rekaman_muat("token_salah")
    with pytest.raises(SiasnOtentikasi, match="HTTP 401"):
        klien_siasn().data_utama(NIP)
    assert len(siasn.jalur("/apisiasn/")) == 2


def test_wrong_consumer_secret_is_refused_clearly(siasn, settings):
    settings.SIASN_CONSUMER_SECRET = "salah"
    with pytest.raises(SiasnOtentikasi, match="Token APIM SIASN ditolak"):
        klien_siasn().data_utama(NIP)


def test_unknown_nip_is_not_found(siasn):
    with pytest.raises(SiasnTidakDitemukan, match="tidak ditemukan"):
        klien_siasn().data_utama("199001012015011999")


def test_an_outage_is_retried_then_reported(siasn, settings):
    settings.SIASN_ULANG = 2
    klien = klien_siasn()
    klien.token_apim(), klien.token_sso()
    siasn.mode = "sibuk_503"
    with pytest.raises(SiasnTakTerjangkau, match="gangguan") as e:
        klien.data_utama(NIP)
    assert e.value.sementara is True
    assert len(siasn.jalur("/apisiasn/")) == 3  # the call and two retries


def test_a_short_outage_is_ridden_out_by_the_retries(siasn):
    siasn.daftar(NIP, nama="B")
    klien = klien_siasn()
    klien.token_apim(), klien.token_sso()
    siasn.gangguan_sisa = 2
    assert klien.data_utama(NIP)["nama"] == "B"


def test_500_on_a_token_service(siasn):
    siasn.mode = "galat_500"
    with pytest.raises(SiasnTakTerjangkau, match="Layanan token APIM"):
        klien_siasn().data_utama(NIP)


def test_a_slow_answer_times_out(siasn, settings):
    settings.SIASN_TIMEOUT_BACA_DETIK = 0.3
    settings.SIASN_ULANG = 0
    siasn.mode, siasn.jeda = "lambat", 2
    with pytest.raises(SiasnTakTerjangkau, match="batas waktu"):
        klien_siasn().data_utama(NIP)


def test_a_dropped_connection(siasn, settings):
    settings.SIASN_ULANG = 0
    siasn.mode = "putus"
    with pytest.raises(SiasnTakTerjangkau, match="tidak dapat dihubungi"):
        klien_siasn().data_utama(NIP)


def test_nobody_listening(settings, siasn):
    settings.SIASN_APIM_TOKEN_URL = "http://127.0.0.1:9/oauth2/token"
    settings.SIASN_ULANG = 0
    with pytest.raises(SiasnTakTerjangkau):
        klien_siasn().data_utama(NIP)


def test_push_a_position_and_its_refusals(siasn):
    siasn.daftar(NIP)
    k = klien_siasn()
    badan = {"pnsId": f"PNS-{NIP}", "unorId": "U1", "jenisJabatan": "4", "nomorSk": "1", "tanggalSk": "01-12-2026"}
    badan["tmtJabatan"] = "06-12-2026"
    rid = k.jabatan_simpan(badan)
    assert rid.startswith("RW-") and k.rw_jabatan(NIP)[0]["id"] == rid
    with pytest.raises(SiasnDitolak, match="tidak lengkap"):
        k.jabatan_simpan({**badan, "unorId": ""})
    siasn.mode = "tolak_simpan"
    with pytest.raises(SiasnDitolak, match="Unor tidak ditemukan") as e:
        k.jabatan_simpan(badan)
    assert e.value.sementara is False


def test_a_push_is_not_retried_on_a_5xx(siasn):
    k = klien_siasn()
    k.token_apim(), k.token_sso()
    siasn.mode = "sibuk_503"
    with pytest.raises(SiasnTakTerjangkau):
        k.jabatan_simpan({"pnsId": "x"})
    assert len(siasn.jalur("/apisiasn/1.0/jabatan/save")) == 1


def test_recorded_answers_are_read_as_documented(siasn):
    for jalur, nama in (("data-utama", "data_utama"), ("rw-jabatan", "rw_jabatan"), ("rw-golongan", "rw_golongan")):
        siasn.rekaman[f"/apisiasn/1.0/pns/{jalur}/{NIP}"] = rekaman_muat(nama)
    siasn.rekaman["/apisiasn/1.0/jabatan/save"] = rekaman_muat("jabatan_save")
    k = klien_siasn()
    utama = k.data_utama(NIP)
    assert bentuk.tanggal(utama["tglLahir"]).isoformat() == "1987-03-12"
    assert bentuk.jenis_kelamin(utama["jenisKelamin"]) == "P" and bentuk.golongan(utama["golRuangAkhir"]) == "III/c"
    assert [r["nomorSk"] for r in k.rw_jabatan(NIP)] == ["800/123/436.7.2/2021", "821/45/436.7.2/2010"]
    assert k.rw_golongan(NIP)[0]["golongan"] == "III/c"
    assert k.jabatan_simpan({"pnsId": "x"}) == "RW-JAB-REKAMAN"
    siasn.rekaman["/apisiasn/1.0/jabatan/save"] = rekaman_muat("jabatan_save_ditolak")
    with pytest.raises(SiasnDitolak, match="Nomor SK sudah digunakan"):
        k.jabatan_simpan({"pnsId": "x"})
    siasn.rekaman[f"/apisiasn/1.0/pns/data-utama/{NIP}"] = rekaman_muat("tidak_ditemukan")
    with pytest.raises(SiasnTidakDitemukan, match=f"NIP {NIP} tidak ditemukan"):
        k.data_utama(NIP)
    siasn.rekaman[f"/apisiasn/1.0/pns/rw-jabatan/{NIP}"] = rekaman_muat("tidak_ditemukan")
    assert k.rw_jabatan(NIP) == []  # "no data" is an empty history


@pytest.mark.parametrize(
    ("mentah", "harap"),
    [("M", "L"), ("F", "P"), ("Pria", "L"), ("Wanita", "P"), ("?", "")],
)
def test_gender_words(mentah, harap):
    assert bentuk.jenis_kelamin(mentah) == harap


@pytest.mark.parametrize(
    ("mentah", "harap"), [("III/a", "III/a"), ("iii/A", "III/a"), ("IV / e", "IV/e"), ("IX", "IX"), ("V/z", "")]
)
def test_rank_words(mentah, harap):
    assert bentuk.golongan(mentah) == harap
