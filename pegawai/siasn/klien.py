"""The SIASN web-service client (BKN). Off by default: `klien_siasn()` raises `SiasnNonaktif` unless
`SIASN_AKTIF`, so nothing is ever sent from an installation that did not switch it on.

BKN publishes its web-service reference only to registered instansi; the shapes below follow two
public PHP SDKs that call it, and where they are silent, public applications that consume it:

- black-coffee04/ws-siasn-php: src/Config.php (the three URLs: APIM token
  https://apimws.bkn.go.id/oauth2/token, SSO token
  https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token, API base
  https://apimws.bkn.go.id:8243/apisiasn/1.0); src/Resources/Authentication.php (the APIM token:
  POST grant_type=client_credentials with HTTP Basic consumerKey:consumerSecret; the SSO token: POST
  grant_type=password, client_id, username, password; both answer {access_token, expires_in, ...},
  cached for expires_in - 10 s); src/Services/PnsService.php (GET pns/data-utama/{nip}, the answer's
  `data`; headers `Authorization: Bearer <apim>`, `Auth: bearer <sso>`, `Accept: application/json`);
  src/Services/JabatanService.php (POST jabatan/save with a JSON body; the answer carries
  mapData.rwJabatanId, the new history row's id in SIASN); README.md (riwayat: rw-jabatan,
  rw-golongan and the other rw-* reads by NIP).
- abedeha/siasn-client: src/TokenManager.php (the same client_credentials grant, cached until
  expires_in - 60 s); src/Url.php (pns/data-utama/{nip}, pns/rw-jabatan/{nip}, pns/rw-golongan/{nip});
  src/HttpRequest.php (the envelope: a read succeeded when the JSON has "code": 1, the record in "data").
- Field names of data-utama (id, nipBaru, nama, gelarDepan, gelarBelakang, tempatLahir, tglLahir
  dd-mm-yyyy, jenisKelamin, golRuangAkhir, tmtGolAkhir, jabatanNama, unorId, unorNama, tmtJabatan,
  pendidikanTerakhirNama, email, noHp, kedudukanPnsId ...), of rw-golongan (golongan, tmtGolongan,
  skNomor, skTanggal) and of the jabatan/save body (id, pnsId, instansiId, satuanKerjaId, unorId,
  jenisJabatan 1 struktural / 2 fungsional / 4 pelaksana, eselonId, jabatanFungsionalId,
  jabatanFungsionalUmumId, nomorSk, tanggalSk, tmtJabatan, tmtPelantikan, dates dd-mm-yyyy) come from
  applications that store or send them (Yii/Laravel models of `siasn_data_utama`, a React form
  posting to jabatan/save); see pegawai/siasn/bentuk.py for how each maps to ours.

Behaviour: one `requests.Session` with connect/read timeouts and urllib3 `Retry` (reads are retried on
502/503/504 and dropped connections with backoff; a push only when the connection never opened, so
SIASN certainly never saw it). Both tokens are cached (Django's cache) until shortly before they
expire; a 401 drops them and the call is made once more with fresh ones. Every failure is a
`SiasnError` subclass whose message is for the user, in Indonesian, and never carries a secret.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from inti.galat import LayananError

log = logging.getLogger(__name__)

KUNCI_CACHE = "siasn:token:{jenis}:{akun}"  # per account: new credentials never reuse an old token
SISA_DETIK = 30  # a token is renewed this long before it expires


class SiasnError(LayananError):
    """Any failure talking to SIASN."""

    sementara = False  # worth trying again later (outage, timeout), as opposed to a refusal


class SiasnNonaktif(SiasnError):
    def __init__(self, pesan: str | None = None):
        super().__init__(pesan or _("Integrasi SIASN tidak aktif (SIASN_AKTIF=false): tidak ada data yang dikirim."))


class SiasnKonfigurasi(SiasnError):
    """A setting is missing."""


class SiasnTakTerjangkau(SiasnError):
    """No answer: connection refused, timeout, dropped connection, or 5xx."""

    sementara = True


class SiasnOtentikasi(SiasnError):
    """A token was refused (wrong consumer key/secret, SSO account, or a 401 that a new token did not cure)."""


class SiasnTidakDitemukan(SiasnError):
    """SIASN has no such employee."""


class SiasnDitolak(SiasnError):
    """SIASN answered, and refused the request (validation, unknown ids)."""


class SiasnJawabanAneh(SiasnError):
    """An answer that is not the documented JSON."""

    sementara = True


@dataclass(frozen=True)
class Konfigurasi:
    apim_token_url: str
    sso_token_url: str
    api_url: str
    consumer_key: str
    consumer_secret: str
    sso_client_id: str
    sso_username: str
    sso_password: str
    timeout_sambung: float = 5.0
    timeout_baca: float = 30.0
    ulang: int = 2
    ulang_jeda: float = 0.5

    @classmethod
    def dari_settings(cls) -> Konfigurasi:
        return cls(
            apim_token_url=settings.SIASN_APIM_TOKEN_URL,
            sso_token_url=settings.SIASN_SSO_TOKEN_URL,
            api_url=settings.SIASN_API_URL.rstrip("/"),
            consumer_key=settings.SIASN_CONSUMER_KEY,
            consumer_secret=settings.SIASN_CONSUMER_SECRET,
            sso_client_id=settings.SIASN_SSO_CLIENT_ID,
            sso_username=settings.SIASN_SSO_USERNAME,
            sso_password=settings.SIASN_SSO_PASSWORD,
            timeout_sambung=settings.SIASN_TIMEOUT_SAMBUNG_DETIK,
            timeout_baca=settings.SIASN_TIMEOUT_BACA_DETIK,
            ulang=settings.SIASN_ULANG,
            ulang_jeda=settings.SIASN_ULANG_JEDA,
        )

    def kurang(self) -> list[str]:
        nama = {
            "SIASN_APIM_TOKEN_URL": self.apim_token_url,
            "SIASN_SSO_TOKEN_URL": self.sso_token_url,
            "SIASN_API_URL": self.api_url,
            "SIASN_CONSUMER_KEY": self.consumer_key,
            "SIASN_CONSUMER_SECRET": self.consumer_secret,
            "SIASN_SSO_CLIENT_ID": self.sso_client_id,
            "SIASN_SSO_USERNAME": self.sso_username,
            "SIASN_SSO_PASSWORD": self.sso_password,
        }
        return [k for k, v in nama.items() if not v]


def siasn_aktif() -> bool:
    return bool(settings.SIASN_AKTIF)


def klien_siasn() -> KlienSiasn:
    """The client as the settings configure it; `SiasnNonaktif` when SIASN is off."""
    if not siasn_aktif():
        raise SiasnNonaktif()
    return KlienSiasn(Konfigurasi.dari_settings())


def _sesi(k: Konfigurasi) -> requests.Session:
    sesi = requests.Session()
    retry = Retry(
        total=k.ulang,
        connect=k.ulang,
        read=k.ulang,
        status=k.ulang,
        backoff_factor=k.ulang_jeda,
        status_forcelist=(502, 503, 504),
        allowed_methods=frozenset({"GET"}),  # a POST is retried only when it never connected
        raise_on_status=False,
        respect_retry_after_header=False,
    )
    adaptor = HTTPAdapter(max_retries=retry)
    sesi.mount("http://", adaptor)
    sesi.mount("https://", adaptor)
    sesi.headers["Accept"] = "application/json"
    return sesi


class KlienSiasn:
    def __init__(self, konfigurasi: Konfigurasi):
        kurang = konfigurasi.kurang()
        if kurang:
            raise SiasnKonfigurasi(
                _("Pengaturan SIASN belum lengkap: %(nama)s. Lihat docs/INTEGRASI.md.") % {"nama": ", ".join(kurang)}
            )
        self.k = konfigurasi
        self.sesi = _sesi(konfigurasi)

    # --- Tokens ---------------------------------------------------------------------------

    def _token(self, kunci: str, url: str, data: dict[str, str], auth: tuple[str, str] | None, nama: str) -> str:
        token = cache.get(kunci)
        if token:
            return token
        try:
            r = self.sesi.post(url, data=data, auth=auth, timeout=(self.k.timeout_sambung, self.k.timeout_baca))
        except requests.RequestException as e:
            raise self._tak_terjangkau(e) from e
        if r.status_code >= 500:
            raise SiasnTakTerjangkau(
                _("Layanan token %(nama)s SIASN sedang gangguan (HTTP %(s)d).") % {"nama": nama, "s": r.status_code}
            )
        isi = self._json(r)
        if r.status_code in (400, 401, 403) or not isinstance(isi, dict) or not isi.get("access_token"):
            log.warning("SIASN token %s refused: HTTP %s", nama, r.status_code)
            raise SiasnOtentikasi(
                _("Token %(nama)s SIASN ditolak (HTTP %(s)d): periksa kredensial di pengaturan.")
                % {"nama": nama, "s": r.status_code}
            )
        try:
            umur = int(isi.get("expires_in") or 3600)
        except (TypeError, ValueError):
            umur = 3600
        cache.set(kunci, isi["access_token"], max(umur - SISA_DETIK, 1))
        return isi["access_token"]

    def _kunci(self, jenis: str, akun: str) -> str:
        return KUNCI_CACHE.format(jenis=jenis, akun=hashlib.sha256(akun.encode()).hexdigest()[:16])

    def token_apim(self) -> str:
        return self._token(
            self._kunci("apim", self.k.consumer_key),
            self.k.apim_token_url,
            {"grant_type": "client_credentials"},
            (self.k.consumer_key, self.k.consumer_secret),
            "APIM",
        )

    def token_sso(self) -> str:
        return self._token(
            self._kunci("sso", f"{self.k.sso_client_id}:{self.k.sso_username}"),
            self.k.sso_token_url,
            {
                "grant_type": "password",
                "client_id": self.k.sso_client_id,
                "username": self.k.sso_username,
                "password": self.k.sso_password,
            },
            None,
            "SSO",
        )

    def lupakan_token(self) -> None:
        cache.delete_many(
            [
                self._kunci("apim", self.k.consumer_key),
                self._kunci("sso", f"{self.k.sso_client_id}:{self.k.sso_username}"),
            ]
        )

    # --- Calls ----------------------------------------------------------------------------

    def _tak_terjangkau(self, e: Exception) -> SiasnTakTerjangkau:
        if isinstance(e, requests.Timeout):
            return SiasnTakTerjangkau(_("SIASN tidak menjawab dalam batas waktu. Coba lagi nanti."))
        return SiasnTakTerjangkau(_("SIASN tidak dapat dihubungi. Coba lagi nanti."))

    @staticmethod
    def _json(r: requests.Response) -> Any:
        try:
            return r.json()
        except ValueError:
            return None

    def _panggil(self, metode: str, jalur: str, *, json_badan: dict | None = None) -> Any:
        url = f"{self.k.api_url}/{jalur.lstrip('/')}"
        for ke in (1, 2):
            header = {"Authorization": f"Bearer {self.token_apim()}", "Auth": f"bearer {self.token_sso()}"}
            try:
                r = self.sesi.request(
                    metode, url, json=json_badan, headers=header, timeout=(self.k.timeout_sambung, self.k.timeout_baca)
                )
            except requests.RequestException as e:
                raise self._tak_terjangkau(e) from e
            if r.status_code == 401 and ke == 1:  # an expired or revoked token: fetch both again, once
                self.lupakan_token()
                continue
            break
        if r.status_code == 401:
            raise SiasnOtentikasi(
                _("SIASN menolak token yang baru diambil (HTTP 401): periksa hak akun SSO dan aplikasi.")
            )
        if r.status_code >= 500:
            raise SiasnTakTerjangkau(_("SIASN sedang gangguan (HTTP %(s)d). Coba lagi nanti.") % {"s": r.status_code})
        isi = self._json(r)
        if r.status_code == 404:
            raise SiasnTidakDitemukan(_("Data tidak ditemukan di SIASN."))
        if r.status_code >= 400:
            raise SiasnDitolak(
                _("SIASN menolak permintaan (HTTP %(s)d): %(p)s") % {"s": r.status_code, "p": _pesan(isi) or "-"}
            )
        if not isinstance(isi, dict):
            raise SiasnJawabanAneh(_("Jawaban SIASN bukan JSON yang dikenal."))
        return isi

    def _baca(self, jalur: str) -> Any:
        """A read: the envelope {"code": 1, "data": ...}; code 0 or empty data is 'not found'."""
        isi = self._panggil("GET", jalur)
        data = isi.get("data")
        if str(isi.get("code", "1")) != "1" or isinstance(data, str):  # "not found" text may sit in data
            raise SiasnTidakDitemukan(_("Data tidak ditemukan di SIASN."))
        return data

    def data_utama(self, nip: str) -> dict[str, Any]:
        tidak_ada = _("Pegawai dengan NIP %(nip)s tidak ditemukan di SIASN.") % {"nip": nip}
        try:
            data = self._baca(f"pns/data-utama/{nip}")
        except SiasnTidakDitemukan as e:
            raise SiasnTidakDitemukan(tidak_ada) from e
        if not isinstance(data, dict) or not data:
            raise SiasnTidakDitemukan(tidak_ada)
        return data

    def _riwayat(self, jalur: str) -> list[dict[str, Any]]:
        """A history; "no data" is an empty history, not an error."""
        try:
            data = self._baca(jalur)
        except SiasnTidakDitemukan:
            return []
        return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []

    def rw_jabatan(self, nip: str) -> list[dict[str, Any]]:
        return self._riwayat(f"pns/rw-jabatan/{nip}")

    def rw_golongan(self, nip: str) -> list[dict[str, Any]]:
        return self._riwayat(f"pns/rw-golongan/{nip}")

    def jabatan_simpan(self, badan: dict[str, Any]) -> str:
        """Push one position-history row; returns SIASN's id of the row (mapData.rwJabatanId)."""
        isi = self._panggil("POST", "jabatan/save", json_badan=badan)
        sukses = isi.get("success")
        if sukses is False or str(sukses).lower() == "false":
            raise SiasnDitolak(_("SIASN menolak riwayat jabatan: %(p)s") % {"p": _pesan(isi) or "-"})
        peta = isi.get("mapData") if isinstance(isi.get("mapData"), dict) else {}
        return str(peta.get("rwJabatanId") or isi.get("id") or "")


def _pesan(isi: Any) -> str:
    """SIASN's own words from an answer (message / error / fault), cut short."""
    if not isinstance(isi, dict):
        return ""
    for k in ("message", "error_description", "error", "data"):
        v = isi.get(k)
        if isinstance(v, str) and v:
            return v[:300]
    fault = isi.get("fault")
    if isinstance(fault, dict):
        return str(fault.get("message") or fault.get("description") or "")[:300]
    return ""
