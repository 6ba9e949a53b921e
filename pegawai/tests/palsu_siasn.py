"""A fake SIASN for tests and the demo: a small http.server on 127.0.0.1 and a random port.

It follows the shapes documented in pegawai/siasn/klien.py:
- POST /oauth2/token (HTTP Basic consumer key:secret, grant_type=client_credentials) and
  POST /auth/realms/public-siasn/protocol/openid-connect/token (grant_type=password, client_id,
  username, password) -> {"access_token", "expires_in", "token_type": "Bearer"};
- GET /apisiasn/1.0/pns/data-utama/{nip}, /pns/rw-jabatan/{nip}, /pns/rw-golongan/{nip} with
  `Authorization: Bearer <apim>` and `Auth: bearer <sso>` -> {"code": 1, "data": ...}; an unknown NIP
  -> {"code": 0, "data": "Data tidak ditemukan"};
- POST /apisiasn/1.0/jabatan/save (JSON) -> {"success": true, "mapData": {"rwJabatanId": ...}} and
  the row appears in rw-jabatan; missing fields -> 400 {"success": false, "message": ...}.
A wrong or expired token -> 401 {"fault": {"code": 900901, "message": "Invalid Credentials"}}.

`mode` makes it misbehave: "normal"; "galat_500" / "sibuk_503" (every call, tokens included);
"lambat" (wait `jeda` seconds: timeouts); "putus" (close without answering); "tolak_simpan" (a
refusal of jabatan/save); "token_kedaluwarsa" (the tokens already given are revoked once: the next
API call gets 401, a fresh token works). `gangguan_sisa`: the next N calls answer 503, then normal
(an outage that ends). `rekaman`: {path: (status, JSON)} answers replayed as recorded (the JSON
files of pegawai/tests/fixtures/siasn/), checked before everything else.
`permintaan` records every request (method, path, form fields without passwords, JSON body).
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

KUNCI, RAHASIA = "kunci-uji", "rahasia-uji"
KLIEN_SSO, PENGGUNA_SSO, SANDI_SSO = "surabayaws", "199001012015011001", "sandi-sso"
API = "/apisiasn/1.0/"
REKAMAN = Path(__file__).parent / "fixtures" / "siasn"


def rekaman_muat(nama: str) -> tuple[int, Any]:
    """One recorded answer: fixtures/siasn/<nama>.json holds {"status": ..., "body": ...}."""
    isi = json.loads((REKAMAN / f"{nama}.json").read_text(encoding="utf-8"))
    return isi["status"], isi["body"]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiasnPalsu:
    """Start with `mulai()`, stop with `berhenti()`; `pengaturan()` gives the SIASN_* settings."""

    def __init__(self):
        self.mode = "normal"
        self.jeda = 2.0
        self.gangguan_sisa = 0
        self.umur_token = 3600
        self.pegawai: dict[str, dict[str, Any]] = {}
        self.rw_jabatan: dict[str, list[dict[str, Any]]] = {}
        self.rw_golongan: dict[str, list[dict[str, Any]]] = {}
        self.rekaman: dict[str, tuple[int, Any]] = {}
        self.permintaan: list[dict[str, Any]] = []
        self.token_sah: set[str] = set()
        self._nomor = itertools.count(1)
        self._kunci = threading.Lock()
        self._henti = threading.Event()
        self._server: _Server | None = None

    # --- Data ---------------------------------------------------------------------------

    def daftar(self, nip: str, **data: Any) -> dict[str, Any]:
        """An employee SIASN knows, with data-utama fields (SIASN's names) over sensible defaults."""
        utama = {
            "id": f"PNS-{nip}",
            "nipBaru": nip,
            "nama": "",
            "gelarDepan": "",
            "gelarBelakang": "",
            "tempatLahir": "",
            "tglLahir": "",
            "jenisKelamin": "M",
            "golRuangAkhir": "III/a",
            "tmtGolAkhir": "",
            "jabatanNama": "",
            "unorId": "",
            "unorNama": "",
            "tmtJabatan": "",
            "pendidikanTerakhirNama": "",
            "email": "",
            "noHp": "",
            "kedudukanPnsId": "01",
        }
        utama.update(data)
        self.pegawai[nip] = utama
        self.rw_jabatan.setdefault(nip, [])
        self.rw_golongan.setdefault(nip, [])
        return utama

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def pengaturan(self) -> dict[str, Any]:
        return {
            "SIASN_AKTIF": True,
            "SIASN_APIM_TOKEN_URL": f"{self.url}/oauth2/token",
            "SIASN_SSO_TOKEN_URL": f"{self.url}/auth/realms/public-siasn/protocol/openid-connect/token",
            "SIASN_API_URL": f"{self.url}/apisiasn/1.0",
            "SIASN_CONSUMER_KEY": KUNCI,
            "SIASN_CONSUMER_SECRET": RAHASIA,
            "SIASN_SSO_CLIENT_ID": KLIEN_SSO,
            "SIASN_SSO_USERNAME": PENGGUNA_SSO,
            "SIASN_SSO_PASSWORD": SANDI_SSO,
            "SIASN_INSTANSI_ID": "INSTANSI-SBY",
            "SIASN_SATUAN_KERJA_ID": "SATKER-SBY",
        }

    def jalur(self, awal: str) -> list[dict[str, Any]]:
        return [p for p in self.permintaan if p["jalur"].startswith(awal)]

    # --- Server -------------------------------------------------------------------------

    def mulai(self, port: int = 0) -> SiasnPalsu:
        """Serve on 127.0.0.1 and `port` (0: any free port, as the tests use)."""
        palsu = self

        class Penangan(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):
                pass

            def _json(self, status: int, data: Any):
                isi = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(isi)))
                self.end_headers()
                self.wfile.write(isi)

            def do_GET(self):
                self._tangani("GET", b"")

            def do_POST(self):
                panjang = int(self.headers.get("Content-Length") or 0)
                self._tangani("POST", self.rfile.read(panjang))

            def _tangani(self, metode: str, badan: bytes):
                jalur = urllib.parse.urlsplit(self.path).path
                catat: dict[str, Any] = {"metode": metode, "jalur": jalur}
                if "json" in (self.headers.get("Content-Type") or ""):
                    try:
                        catat["json"] = json.loads(badan or b"null")
                    except ValueError:
                        catat["json"] = None
                elif badan:
                    form = dict(urllib.parse.parse_qsl(badan.decode()))
                    catat["form"] = {k: v for k, v in form.items() if k != "password"}
                palsu.permintaan.append(catat)
                if jalur in palsu.rekaman:
                    return self._json(*palsu.rekaman[jalur])
                mode = palsu.mode
                if mode == "putus":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if mode == "lambat":
                    palsu._henti.wait(palsu.jeda)
                with palsu._kunci:
                    if palsu.gangguan_sisa > 0:
                        palsu.gangguan_sisa -= 1
                        return self._json(503, {"message": "Service Unavailable"})
                if mode == "galat_500":
                    return self._json(500, {"message": "Internal Server Error"})
                if mode == "sibuk_503":
                    return self._json(503, {"message": "Service Unavailable"})
                if jalur == "/oauth2/token":
                    return self._token_apim(badan)
                if jalur.endswith("/protocol/openid-connect/token"):
                    return self._token_sso(badan)
                if not jalur.startswith(API):
                    return self._json(404, {"message": "Not Found"})
                if mode == "token_kedaluwarsa":
                    palsu.token_sah.clear()
                    palsu.mode = "normal"
                if not self._izin():
                    return self._json(401, {"fault": {"code": 900901, "message": "Invalid Credentials"}})
                return self._api(metode, jalur[len(API) :], catat.get("json"))

            def _token(self, jenis: str):
                token = f"{jenis}-{next(palsu._nomor)}"
                palsu.token_sah.add(token)
                return self._json(200, {"access_token": token, "expires_in": palsu.umur_token, "token_type": "Bearer"})

            def _token_apim(self, badan: bytes):
                form = dict(urllib.parse.parse_qsl(badan.decode()))
                harap = "Basic " + base64.b64encode(f"{KUNCI}:{RAHASIA}".encode()).decode()
                if self.headers.get("Authorization") != harap or form.get("grant_type") != "client_credentials":
                    return self._json(
                        401, {"error": "invalid_client", "error_description": "Client Authentication failed."}
                    )
                return self._token("apim")

            def _token_sso(self, badan: bytes):
                form = dict(urllib.parse.parse_qsl(badan.decode()))
                if (
                    form.get("grant_type") != "password"
                    or form.get("client_id") != KLIEN_SSO
                    or form.get("username") != PENGGUNA_SSO
                    or form.get("password") != SANDI_SSO
                ):
                    return self._json(401, {"error": "invalid_grant", "error_description": "Invalid user credentials"})
                return self._token("sso")

            def _izin(self) -> bool:
                apim = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                sso = (self.headers.get("Auth") or "").removeprefix("bearer ").removeprefix("Bearer ")
                return apim.startswith("apim-") and apim in palsu.token_sah and sso in palsu.token_sah

            def _api(self, metode: str, jalur: str, badan: Any):
                bagian = jalur.split("/")
                if metode == "GET" and len(bagian) == 3 and bagian[0] == "pns":
                    nip = bagian[2]
                    if nip not in palsu.pegawai:
                        return self._json(200, {"code": 0, "data": "Data tidak ditemukan"})
                    if bagian[1] == "data-utama":
                        return self._json(200, {"code": 1, "data": palsu.pegawai[nip]})
                    if bagian[1] == "rw-jabatan":
                        return self._json(200, {"code": 1, "data": palsu.rw_jabatan[nip]})
                    if bagian[1] == "rw-golongan":
                        return self._json(200, {"code": 1, "data": palsu.rw_golongan[nip]})
                if metode == "POST" and jalur == "jabatan/save":
                    return self._simpan(badan)
                return self._json(404, {"message": "Not Found"})

            def _simpan(self, badan: Any):
                if palsu.mode == "tolak_simpan":
                    return self._json(200, {"success": False, "message": "Unor tidak ditemukan"})
                wajib = ("pnsId", "unorId", "jenisJabatan", "nomorSk", "tanggalSk", "tmtJabatan")
                if not isinstance(badan, dict) or any(not badan.get(k) for k in wajib):
                    return self._json(400, {"success": False, "message": "Data jabatan tidak lengkap"})
                nip = next((n for n, d in palsu.pegawai.items() if d["id"] == badan["pnsId"]), None)
                if nip is None:
                    return self._json(400, {"success": False, "message": "PNS tidak ditemukan"})
                rid = f"RW-{next(palsu._nomor)}"
                palsu.rw_jabatan[nip].append({"id": rid, **badan})
                return self._json(200, {"success": True, "mapData": {"rwJabatanId": rid}, "message": "success"})

        self._server = _Server(("127.0.0.1", port), Penangan)
        threading.Thread(target=self._server.serve_forever, name="siasn-palsu", daemon=True).start()
        return self

    def berhenti(self) -> None:
        self._henti.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
