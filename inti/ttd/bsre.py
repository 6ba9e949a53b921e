"""The BSrE backend: the instansi's BSrE "esign-client-service" signs with the PPK's own certificate.

BSrE (Balai Sertifikasi Elektronik, BSSN) publishes no open API reference; the request and answer
shapes below follow the public clients that call the same service, taking what most of them agree on:

- OpenSID/E-Sign-BSrE, src/ESignBsre.php and src/ESignBsreResponse.php (PHP, Guzzle);
- Diskominfotik-Banda-Aceh/E-Sign-BSrE-PHP, src/ESignBsre.php (the same client, adds user status);
- pemkotbekasi/node-esign-BSrE, EsignBsre.js and README.md (Node; visible fields, sample answers);
- OpenSID/OpenSID issue #10760 (the error body `{"error":"Passphrase anda salah","status_code":2031}`)
  and issue #7116 (a 400 `{"error":"Proses signing gagal : ..."}` for a PDF the service cannot read);
- several applications calling it (PHP/Laravel controllers) that map status_code 2011 to
  "User tidak terdaftar" / "Penandatangan tidak terdaftar" and 2031 to "Passphrase anda salah".

Signing: POST {BSRE_URL}/api/sign/pdf, HTTP Basic auth (the application's account), multipart form:
  file (the PDF, with a file name), nik, passphrase, tampilan = "invisible" | "visible";
  visible adds page (1-based), xAxis, yAxis, width, height and either image=false + linkQR (a QR code)
  or image=true + imageTTD (a PNG/JPG file); optional reason, location.
  200 -> the signed PDF bytes (application/pdf; some versions add a header id_dokumen).
  4xx/5xx -> JSON {"error": "...", "status_code": <BSrE code>}: 400 + 2031 "Passphrase anda salah";
  an unknown NIK / no certificate: 400 or 404 + 2011 "... tidak terdaftar"; 401 for a wrong account.
Verifying: POST {BSRE_URL}/api/sign/verify with the file in `signed_file` -> JSON
  {nama_dokumen, jumlah_signature, notes, summary, details: [{signature_field,
   info_signer: {signer_name, signer_dn, issuer_dn, signer_cert_validity, cert_user_certified},
   signature_document: {document_integrity, signed_in, reason, location, signed_using_tsa, ...},
   info_tsa: {...}}]}.
Coordinates: the clients pass xAxis/yAxis unchanged to the service (iText underneath, PDF points from
the lower-left corner), which is how `Tampilan` is given; check on the instansi's server once.

Safety: the passphrase is sent once and kept nowhere (not on the instance, not in logs, not in
messages: any text echoed back by the service is scrubbed of it); the NIK is logged masked. A request
is repeated only when the connection could not be opened at all, so the service certainly never saw
it: signing is not idempotent, so a timeout, a dropped connection or a 503 is reported, not retried.
A 200 answer is accepted only if it is a PDF carrying one more signature than the one sent.
"""

from __future__ import annotations

import logging
import time

import requests
from django.conf import settings
from urllib3.exceptions import MaxRetryError, NewConnectionError

from inti.ttd.dasar import BackendTtd, Penanda, Tampilan, TtdError
from inti.ttd.pdf import baca, jumlah_halaman, jumlah_tanda_tangan, tampak_pdf

log = logging.getLogger(__name__)

KODE_PASSPHRASE_SALAH = 2031
KODE_TIDAK_TERDAFTAR = 2011


def samarkan_nik(nik: str) -> str:
    """The NIK for logs: only its last four digits."""
    nik = str(nik or "")
    return "*" * max(len(nik) - 4, 0) + nik[-4:]


def _tak_tersambung(e: requests.ConnectionError) -> bool:
    """True only when the TCP connection was never opened (refused, unknown host, connect timeout):
    the request certainly did not reach the service, so sending it again cannot sign twice."""
    if isinstance(e, requests.ConnectTimeout):
        return True
    alasan = e.args[0] if e.args else None
    if isinstance(alasan, MaxRetryError):
        alasan = alasan.reason
    return isinstance(alasan, NewConnectionError)


class PenandaBsre(BackendTtd):
    """Sign through BSrE. `rahasia` = {"nik": ..., "passphrase": ...}; nik may come from `penanda.nik`."""

    percobaan = 3  # attempts when the connection cannot be opened at all
    jeda_detik = 1.0  # wait before the next attempt, doubled each time

    def __init__(self):
        self.url = (settings.BSRE_URL or "").rstrip("/")
        self.pengguna = settings.BSRE_PENGGUNA
        self.timeout = (float(settings.BSRE_TIMEOUT_SAMBUNG_DETIK), float(settings.BSRE_TIMEOUT_DETIK))

    # --- the HTTP exchange ------------------------------------------------------------------------

    def _auth(self) -> tuple[str, str]:
        return (self.pengguna, settings.BSRE_SANDI)

    def _periksa_konfigurasi(self) -> None:
        if not self.url or not self.pengguna:
            raise TtdError(
                "Layanan tanda tangan elektronik BSrE belum dikonfigurasi (BSRE_URL, BSRE_PENGGUNA). "
                "Hubungi administrator.",
                kode="konfigurasi",
            )

    def _post(self, jalur: str, *, data: dict, files: dict) -> requests.Response:
        """POST with the retry rule above; network failures become TtdError."""
        tunggu = self.jeda_detik
        for ke in range(1, self.percobaan + 1):
            try:
                return requests.post(
                    self.url + jalur,
                    data=data,
                    files=files,
                    auth=self._auth(),
                    timeout=self.timeout,
                    allow_redirects=False,
                )
            except requests.ConnectionError as e:
                if _tak_tersambung(e) and ke < self.percobaan:
                    log.warning("BSrE tidak dapat dihubungi (percobaan %d dari %d); dicoba lagi", ke, self.percobaan)
                    time.sleep(tunggu)
                    tunggu *= 2
                    continue
                if isinstance(e, requests.ConnectTimeout) or _tak_tersambung(e):
                    log.error("BSrE tidak dapat dihubungi di %s: %s", self.url, type(e).__name__)
                    raise TtdError(
                        "Layanan BSrE tidak dapat dihubungi. Periksa jaringan atau coba lagi beberapa saat lagi.",
                        kode="tidak_terhubung",
                    ) from None
                log.error("Sambungan ke BSrE terputus sebelum ada jawaban: %s", type(e).__name__)
                raise TtdError(
                    "Sambungan ke layanan BSrE terputus sebelum ada jawaban. Periksa apakah dokumen sudah "
                    "ditandatangani sebelum mencoba lagi.",
                    kode="tidak_terhubung",
                ) from None
            except requests.Timeout:
                log.error("BSrE tidak menjawab dalam %s detik", self.timeout[1])
                raise TtdError(
                    f"Layanan BSrE tidak menjawab dalam {self.timeout[1]:g} detik. Coba lagi beberapa saat lagi.",
                    kode="waktu_habis",
                ) from None
            except requests.RequestException as e:
                log.error("Permintaan ke BSrE gagal: %s", type(e).__name__)
                raise TtdError("Permintaan ke layanan BSrE gagal.", kode="tidak_terhubung") from None
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _galat_dari(jawaban: requests.Response, rahasia: tuple[str, ...] = ()) -> tuple[str, int | None]:
        """(error text, BSrE status_code) from a JSON error body; the secrets scrubbed out."""
        teks, kode = "", None
        try:
            isi = jawaban.json()
        except ValueError:
            isi = None
        if isinstance(isi, dict):
            teks = str(isi.get("error") or isi.get("message") or isi.get("pesan") or "")
            try:
                kode = int(isi.get("status_code")) if isi.get("status_code") is not None else None
            except (TypeError, ValueError):
                kode = None
        for r in rahasia:
            if r:
                teks = teks.replace(r, "***")
        return teks[:300], kode

    # --- signing -----------------------------------------------------------------------------------

    def _tandatangani(self, pdf: bytes, penanda: Penanda, rahasia: dict, tampilan: Tampilan | None) -> bytes:
        nik = str(rahasia.get("nik") or penanda.nik or "").strip()
        passphrase = rahasia.get("passphrase") or ""
        if not nik or not passphrase:
            raise TtdError("NIK dan passphrase tanda tangan elektronik wajib diisi.", kode="data_kurang")
        self._periksa_konfigurasi()
        sebelum = jumlah_tanda_tangan(pdf)

        data = {"nik": nik, "passphrase": passphrase, "tampilan": "invisible"}
        if penanda.alasan:
            data["reason"] = penanda.alasan
        if penanda.lokasi:
            data["location"] = penanda.lokasi
        files = {"file": ("dokumen.pdf", pdf, "application/pdf")}
        if tampilan is not None:
            halaman = tampilan.halaman if tampilan.halaman > 0 else jumlah_halaman(pdf) + 1 + tampilan.halaman
            data.update(
                tampilan="visible",
                page=str(halaman),
                xAxis=str(round(tampilan.x)),
                yAxis=str(round(tampilan.y)),
                width=str(round(tampilan.lebar)),
                height=str(round(tampilan.tinggi)),
            )
            if tampilan.gambar:
                data["image"] = "true"
                files["imageTTD"] = ("ttd.png", tampilan.gambar, "image/png")
            elif tampilan.tautan_qr:
                data["image"] = "false"
                data["linkQR"] = tampilan.tautan_qr
            else:
                raise ValueError("A visible BSrE signature needs Tampilan.tautan_qr or Tampilan.gambar.")

        log.info("Meminta tanda tangan BSrE untuk NIK %s", samarkan_nik(nik))
        jawaban = self._post("/api/sign/pdf", data=data, files=files)
        return self._hasil_tanda_tangan(jawaban, nik=nik, sebelum=sebelum, rahasia=(passphrase,))

    def _hasil_tanda_tangan(self, jawaban: requests.Response, *, nik: str, sebelum: int, rahasia: tuple) -> bytes:
        status = jawaban.status_code
        if status == 200:
            isi = jawaban.content
            if not tampak_pdf(isi):
                log.error(
                    "BSrE menjawab 200 tetapi bukan PDF (Content-Type %s, %d bait)",
                    jawaban.headers.get("Content-Type", "-"),
                    len(isi),
                )
                raise TtdError(
                    "Layanan BSrE memberi jawaban yang bukan dokumen PDF. Dokumen tidak ditandatangani.",
                    kode="jawaban_salah",
                )
            try:
                sesudah = jumlah_tanda_tangan(isi)
            except TtdError:
                sesudah = -1
            if sesudah <= sebelum:
                log.error("BSrE mengembalikan PDF tanpa tanda tangan baru (%d -> %d)", sebelum, sesudah)
                raise TtdError(
                    "Layanan BSrE mengembalikan dokumen tanpa tanda tangan elektronik. Dokumen tidak ditandatangani.",
                    kode="jawaban_salah",
                )
            log.info("Dokumen ditandatangani BSrE untuk NIK %s", samarkan_nik(nik))
            return isi

        teks, kode = self._galat_dari(jawaban, rahasia)
        log.warning(
            "BSrE menolak tanda tangan untuk NIK %s: HTTP %d, kode %s, %s", samarkan_nik(nik), status, kode, teks
        )
        rendah = teks.lower()
        if status in (401, 403):
            raise TtdError(
                "Akun aplikasi untuk layanan BSrE ditolak (BSRE_PENGGUNA/BSRE_SANDI). Hubungi administrator.",
                kode="konfigurasi",
            )
        if kode == KODE_PASSPHRASE_SALAH or "passphrase" in rendah:
            raise TtdError(
                "Passphrase salah. Periksa kembali passphrase tanda tangan elektronik Anda.", kode="passphrase_salah"
            )
        if (
            kode == KODE_TIDAK_TERDAFTAR
            or "tidak terdaftar" in rendah
            or "not registered" in rendah
            or (status == 404 and teks)
        ):
            raise TtdError(
                f"NIK {nik} tidak terdaftar di BSrE atau belum memiliki sertifikat elektronik aktif.",
                kode="nik_tidak_terdaftar",
            )
        if status == 404:
            raise TtdError(
                "Alamat layanan BSrE tidak ditemukan (HTTP 404); periksa BSRE_URL. Hubungi administrator.",
                kode="konfigurasi",
            )
        if status >= 500:
            raise TtdError(
                f"Layanan BSrE sedang bermasalah (HTTP {status}). Coba lagi beberapa saat lagi.", kode="layanan_galat"
            )
        pesan = (
            f"Dokumen gagal ditandatangani oleh BSrE: {teks}"
            if teks
            else f"Dokumen gagal ditandatangani oleh BSrE (HTTP {status})."
        )
        raise TtdError(pesan, kode="ditolak")

    # --- BSrE's own verification -------------------------------------------------------------------

    def periksa_di_bsre(self, pdf: bytes) -> dict:
        """Ask BSrE to verify `pdf` (POST /api/sign/verify); returns its JSON as it comes (see the
        module docstring). `verifikasi` checks locally instead and needs no network."""
        baca(pdf)
        self._periksa_konfigurasi()
        jawaban = self._post(
            "/api/sign/verify", data={}, files={"signed_file": ("dokumen.pdf", pdf, "application/pdf")}
        )
        if jawaban.status_code != 200:
            teks, _kode = self._galat_dari(jawaban)
            raise TtdError(
                f"Verifikasi oleh BSrE gagal (HTTP {jawaban.status_code})" + (f": {teks}" if teks else "."),
                kode="layanan_galat" if jawaban.status_code >= 500 else "ditolak",
            )
        try:
            isi = jawaban.json()
        except ValueError:
            isi = None
        if not isinstance(isi, dict):
            raise TtdError("Layanan BSrE memberi jawaban verifikasi yang tidak dikenal.", kode="jawaban_salah")
        return isi
