"""A fake Meta Graph API (WhatsApp Cloud API) for tests: a small http.server on 127.0.0.1 and a
random port. POST /v{ver}/{phone_number_id}/messages with `Authorization: Bearer <TOKEN>` answers
`{"messaging_product": "whatsapp", "contacts": [...], "messages": [{"id": "wamid.<n>"}]}`.

`mode` is a list of what the next requests get, one per request, then "normal" for the rest:
- "normal";  "templat_400": 400 + the error Meta gives for a template that does not exist (132001);
- "galat_500": 500 + an error JSON;  "sibuk_503": 503;  "lambat": wait `jeda` seconds, then normal.
A wrong token answers 401 (OAuthException 190). `permintaan` records each request (path, JSON body).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "token-uji-graph"
PHONE_NUMBER_ID = "106540352242922"


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client that gave up (timeout) is no error
        pass


class GraphPalsu:
    def __init__(self):
        self.mode: list[str] = []
        self.jeda = 2.0
        self.permintaan: list[dict] = []
        self._nomor = 0
        self._kunci = threading.Lock()
        self._server: _Server | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def _berikut(self) -> str:
        with self._kunci:
            return self.mode.pop(0) if self.mode else "normal"

    def mulai(self) -> GraphPalsu:
        palsu = self

        class Penangan(BaseHTTPRequestHandler):
            def log_message(self, format, *args):
                pass

            def _kirim(self, status: int, isi: dict):
                badan = json.dumps(isi).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(badan)))
                self.end_headers()
                self.wfile.write(badan)

            def do_POST(self):
                panjang = int(self.headers.get("Content-Length", 0))
                try:
                    data = json.loads(self.rfile.read(panjang) or b"{}")
                except ValueError:
                    data = None
                palsu.permintaan.append({"path": self.path, "json": data, "auth": self.headers.get("Authorization")})
                mode = palsu._berikut()
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._kirim(401, _galat("Invalid OAuth access token.", "OAuthException", 190))
                if not self.path.endswith(f"/{PHONE_NUMBER_ID}/messages") or not isinstance(data, dict):
                    return self._kirim(400, _galat("Unsupported post request.", "GraphMethodException", 100))
                if mode == "templat_400":
                    return self._kirim(
                        400,
                        _galat(
                            "(#132001) Template name does not exist in the translation",
                            "OAuthException",
                            132001,
                            details="template name (x) does not exist in id",
                        ),
                    )
                if mode == "galat_500":
                    return self._kirim(500, _galat("An unknown error has occurred.", "OAuthException", 1))
                if mode == "sibuk_503":
                    return self._kirim(503, _galat("Service temporarily unavailable", "OAuthException", 2))
                if mode == "lambat":
                    time.sleep(palsu.jeda)
                with palsu._kunci:
                    palsu._nomor += 1
                    n = palsu._nomor
                self._kirim(
                    200,
                    {
                        "messaging_product": "whatsapp",
                        "contacts": [{"input": data.get("to"), "wa_id": data.get("to")}],
                        "messages": [{"id": f"wamid.UJI{n:04d}", "message_status": "accepted"}],
                    },
                )

        self._server = _Server(("127.0.0.1", 0), Penangan)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def berhenti(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def _galat(pesan: str, jenis: str, kode: int, *, details: str = "") -> dict:
    galat = {"message": pesan, "type": jenis, "code": kode, "fbtrace_id": "AbCdEf123"}
    if details:
        galat["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return {"error": galat}
