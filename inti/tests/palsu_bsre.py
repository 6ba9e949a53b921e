"""A fake BSrE esign-client-service for tests: a small http.server on 127.0.0.1 and a random port.

It follows the shapes documented in inti/ttd/bsre.py: POST /api/sign/pdf (multipart: file, nik,
passphrase, tampilan, ...) with HTTP Basic auth answers the PDF signed for real (pyHanko, with a
certificate for that NIK issued by a test root CA) or a JSON error; POST /api/sign/verify
(signed_file) answers the JSON summary. `mode` makes it misbehave:

- "normal";  "galat_500": 500 + JSON;  "sibuk_503": 503 + JSON;
- "lambat": wait `jeda` seconds, then answer normally (for read timeouts);
- "bukan_pdf": 200 with an HTML page;  "pdf_tanpa_ttd": 200 with the PDF sent, unsigned;
- "putus": read the request, then close the connection without answering.

`permintaan` records every request received (path, form fields without the passphrase, file sizes).
"""

from __future__ import annotations

import base64
import datetime as dt
import email.parser
import email.policy
import io
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from inti.ttd import Penanda, TtdError
from inti.ttd.pdf import tanda_tangani, verifikasi

PENGGUNA = "esign"
SANDI = "qwerty"


def _nama(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Balai Sertifikasi Elektronik (uji)"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _penggunaan(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass
class OtoritasUji:
    """A test root CA that issues one certificate per NIK."""

    kunci: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    sertifikat: x509.Certificate = field(init=False)

    def __post_init__(self):
        sekarang = dt.datetime.now(dt.UTC)
        nama = _nama("BSrE Uji Root CA")
        self.sertifikat = (
            x509.CertificateBuilder()
            .subject_name(nama)
            .issuer_name(nama)
            .public_key(self.kunci.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(sekarang - dt.timedelta(days=1))
            .not_valid_after(sekarang + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_penggunaan(ca=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.kunci.public_key()), critical=False)
            .sign(self.kunci, hashes.SHA256())
        )

    def pem(self) -> bytes:
        return self.sertifikat.public_bytes(serialization.Encoding.PEM)

    def terbitkan(self, nama: str, nik: str) -> signers.SimpleSigner:
        kunci = ec.generate_private_key(ec.SECP256R1())
        sekarang = dt.datetime.now(dt.UTC)
        sert = (
            x509.CertificateBuilder()
            .subject_name(
                x509.Name(
                    [
                        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                        x509.NameAttribute(NameOID.SERIAL_NUMBER, nik),
                        x509.NameAttribute(NameOID.COMMON_NAME, nama),
                    ]
                )
            )
            .issuer_name(self.sertifikat.subject)
            .public_key(kunci.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(sekarang - dt.timedelta(days=1))
            .not_valid_after(sekarang + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_penggunaan(ca=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.kunci.public_key()), critical=False)
            .sign(self.kunci, hashes.SHA256())
        )
        sert_asn1 = translate_pyca_cryptography_cert_to_asn1(sert)
        akar_asn1 = translate_pyca_cryptography_cert_to_asn1(self.sertifikat)
        return signers.SimpleSigner(
            signing_cert=sert_asn1,
            signing_key=translate_pyca_cryptography_key_to_asn1(kunci),
            cert_registry=SimpleCertificateStore.from_certs([sert_asn1, akar_asn1]),
        )


@dataclass
class PenggunaUji:
    nama: str
    passphrase: str
    signer: signers.SimpleSigner


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that gave up (a timeout test) is expected; anything else is shown."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _form(header_jenis: str, badan: bytes) -> tuple[dict[str, str], dict[str, bytes]]:
    """Parse multipart/form-data with the standard library: (text fields, file fields)."""
    pesan = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + header_jenis.encode("latin-1") + b"\r\n\r\n" + badan
    )
    teks, berkas = {}, {}
    if not pesan.is_multipart():
        return teks, berkas
    for bagian in pesan.iter_parts():
        nama = bagian.get_param("name", header="content-disposition")
        if not nama:
            continue
        isi = bagian.get_payload(decode=True) or b""
        if bagian.get_filename() is not None:
            berkas[nama] = isi
        else:
            teks[nama] = isi.decode("utf-8")
    return teks, berkas


class BsrePalsu:
    """Start with `mulai()`, stop with `berhenti()`; `url` is the BSRE_URL to configure."""

    def __init__(self):
        self.ca = OtoritasUji()
        self.pengguna: dict[str, PenggunaUji] = {}
        self.mode = "normal"
        self.jeda = 2.0
        self.status_nik_asing = 400  # BSrE answers an unknown NIK with 400 (some versions 404)
        self.permintaan: list[dict] = []
        self._henti = threading.Event()
        self._server: _Server | None = None

    def daftar(self, nik: str, nama: str, passphrase: str) -> None:
        self.pengguna[nik] = PenggunaUji(nama=nama, passphrase=passphrase, signer=self.ca.terbitkan(nama, nik))

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def mulai(self) -> BsrePalsu:
        palsu = self

        class Penangan(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):  # quiet, and never echo a request anywhere
                pass

            def _kirim(self, status: int, isi: bytes, jenis: str, header: dict | None = None):
                self.send_response(status)
                self.send_header("Content-Type", jenis)
                self.send_header("Content-Length", str(len(isi)))
                for k, v in (header or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(isi)

            def _json(self, status: int, data: dict):
                self._kirim(status, json.dumps(data).encode(), "application/json")

            def do_POST(self):
                panjang = int(self.headers.get("Content-Length") or 0)
                badan = self.rfile.read(panjang)
                teks, berkas = _form(self.headers.get("Content-Type", ""), badan)
                palsu.permintaan.append(
                    {
                        "jalur": self.path,
                        "field": {k: v for k, v in teks.items() if k != "passphrase"},
                        "ada_passphrase": bool(teks.get("passphrase")),
                        "berkas": {k: len(v) for k, v in berkas.items()},
                    }
                )
                mode = palsu.mode
                if mode == "putus":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if mode == "lambat":
                    palsu._henti.wait(palsu.jeda)
                if not self._izin():
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="esign"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if mode == "galat_500":
                    return self._json(500, {"error": "Internal Server Error", "status_code": 500})
                if mode == "sibuk_503":
                    return self._json(503, {"error": "Service Unavailable", "status_code": 503})
                if self.path == "/api/sign/pdf":
                    return self._tanda_tangan(teks, berkas, mode)
                if self.path == "/api/sign/verify":
                    return self._verifikasi(berkas)
                return self._json(404, {"error": "Not Found", "status_code": 404})

            def _izin(self) -> bool:
                harap = "Basic " + base64.b64encode(f"{PENGGUNA}:{SANDI}".encode()).decode()
                return self.headers.get("Authorization") == harap

            def _tanda_tangan(self, teks, berkas, mode):
                pdf = berkas.get("file")
                if not pdf or not teks.get("nik") or not teks.get("passphrase") or not teks.get("tampilan"):
                    return self._json(400, {"error": "Parameter tidak lengkap", "status_code": 400})
                orang = palsu.pengguna.get(teks["nik"])
                if orang is None:
                    return self._json(palsu.status_nik_asing, {"error": "User tidak terdaftar", "status_code": 2011})
                if teks["passphrase"] != orang.passphrase:
                    return self._json(400, {"error": "Passphrase anda salah", "status_code": 2031})
                if mode == "bukan_pdf":
                    return self._kirim(200, b"<html><body>Login</body></html>", "text/html")
                if mode == "pdf_tanpa_ttd":
                    return self._kirim(200, pdf, "application/pdf")
                try:
                    hasil = tanda_tangani(
                        pdf,
                        orang.signer,
                        penanda=Penanda(
                            nama=orang.nama,
                            nip="",
                            jabatan="",
                            lokasi=teks.get("location", ""),
                            alasan=teks.get("reason", ""),
                        ),
                    )
                except TtdError:
                    return self._json(400, {"error": "Proses signing gagal : dokumen tidak dapat dibaca"})
                self._kirim(200, hasil, "application/pdf", {"id_dokumen": "uji-1"})

            def _verifikasi(self, berkas):
                pdf = berkas.get("signed_file")
                try:
                    hasil = verifikasi(pdf or b"", [translate_pyca_cryptography_cert_to_asn1(palsu.ca.sertifikat)])
                except TtdError:
                    return self._json(400, {"error": "Dokumen tidak valid"})
                if hasil.jumlah == 0:
                    return self._json(
                        200,
                        {
                            "nama_dokumen": "dokumen.pdf",
                            "jumlah_signature": 0,
                            "notes": None,
                            "details": [],
                            "summary": None,
                        },
                    )
                ringkas = "VALID" if hasil.lulus else "NOT VALID"
                return self._json(
                    200,
                    {
                        "nama_dokumen": "dokumen.pdf",
                        "jumlah_signature": hasil.jumlah,
                        "notes": hasil.pesan,
                        "summary": ringkas,
                        "details": [
                            {
                                "signature_field": f"TTD{hasil.jumlah}",
                                "info_signer": {
                                    "signer_name": hasil.nama_penanda,
                                    "signer_dn": hasil.subjek,
                                    "issuer_dn": hasil.penerbit,
                                    "cert_user_certified": hasil.tepercaya,
                                },
                                "signature_document": {
                                    "document_integrity": hasil.utuh and hasil.seluruh_dokumen,
                                    "signed_in": hasil.waktu.isoformat() if hasil.waktu else None,
                                    "signed_using_tsa": False,
                                },
                                "info_tsa": {"name": None, "tsa_cert_validity": None},
                            }
                        ],
                    },
                )

        self._server = _Server(("127.0.0.1", 0), Penangan)
        threading.Thread(target=self._server.serve_forever, name="bsre-palsu", daemon=True).start()
        return self

    def berhenti(self) -> None:
        self._henti.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def pdf_kecil(teks: str = "SURAT KEPUTUSAN") -> bytes:
    """A minimal one-page PDF written by hand (uncompressed, so a test can find and change a byte)."""
    isi = f"BT /F1 18 Tf 72 720 Td ({teks}) Tj ET".encode("latin-1")
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(isi)).encode() + b" >>\nstream\n" + isi + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    keluar = io.BytesIO()
    keluar.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    posisi = []
    for i, o in enumerate(objek, start=1):
        posisi.append(keluar.tell())
        keluar.write(f"{i} 0 obj\n".encode() + o + b"\nendobj\n")
    xref = keluar.tell()
    keluar.write(f"xref\n0 {len(objek) + 1}\n0000000000 65535 f \n".encode())
    for p in posisi:
        keluar.write(f"{p:010d} 00000 n \n".encode())
    keluar.write(f"trailer\n<< /Size {len(objek) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return keluar.getvalue()
