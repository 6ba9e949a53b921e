"""`inti.pdf.pdf_dari_html`: a document's images come from data: URIs only; rendering never opens a
connection or reads a local file, whatever the HTML asks for."""

import base64
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import segno

from inti.pdf import pdf_dari_html

PNG = base64.b64decode(segno.make("x").png_data_uri(scale=4).split(",", 1)[1])


class _Penghitung(BaseHTTPRequestHandler):
    permintaan: list[str] = []

    def do_GET(self):
        self.permintaan.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Penghitung.permintaan = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Penghitung)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", _Penghitung.permintaan
    srv.shutdown()
    srv.server_close()


PDFIMAGES = shutil.which("pdfimages")


def _gambar(pdf: bytes) -> int:
    """How many images the PDF draws (poppler's pdfimages)."""
    if PDFIMAGES is None:
        pytest.skip("pdfimages (poppler-utils) is not installed")
    keluar = subprocess.run([PDFIMAGES, "-list", "-"], input=pdf, capture_output=True, check=True).stdout  # noqa: S603
    return len(keluar.decode().splitlines()[2:])


def test_gambar_data_uri_tampil(tmp_path):
    uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
    pdf = pdf_dari_html(f'<p>Kode QR</p><img src="{uri}" width="40" height="40">')
    assert pdf.startswith(b"%PDF-") and _gambar(pdf) == 1


def test_tidak_membuka_koneksi_atau_berkas_lokal(server, tmp_path):
    url, permintaan = server
    berkas = tmp_path / "rahasia.png"
    berkas.write_bytes(PNG)
    html = (
        f'<link rel="stylesheet" href="{url}/gaya.css">'
        f'<style>@import url("{url}/impor.css"); p {{ background: url("{url}/latar.png") }}</style>'
        f'<p>Surat</p><img src="{url}/qr.png"><img src="{berkas.as_uri()}"><img src="rahasia.png">'
    )
    pdf = pdf_dari_html(html)
    assert pdf.startswith(b"%PDF-")
    assert permintaan == []
    assert _gambar(pdf) == 0
