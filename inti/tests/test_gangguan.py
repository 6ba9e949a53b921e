"""Faults: the database out of reach answers 503 (one warning line, the site recovers by itself);
a refused request (4xx) is logged as one line without a traceback, a server error keeps it.

The views below are served by this module as a URLconf (`pytest.mark.urls`); the real pages are
tested too (the session and the user loaded by the middleware, the context processors), and on
PostgreSQL a real outage through a TCP proxy that is cut and restored (`test_pemadaman_nyata_*`).
"""

import contextlib
import logging
import socket
import sqlite3
import threading
import wsgiref.util
from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore as SessionDb
from django.core.exceptions import DisallowedHost, PermissionDenied
from django.core.handlers.wsgi import WSGIHandler
from django.db import ProgrammingError, connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.test import Client
from django.urls import include, path

from inti.logging import AbaikanGangguanBasisData, RingkasGalatKlien
from inti.middleware import GangguanBasisDataMiddleware, adalah_gangguan_basis_data

# --- A URLconf for the unit tests ----------------------------------------------------------


def _putus(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def _antarmuka(request):
    raise InterfaceError("connection already closed")


def _query(request):
    with connection.cursor() as c:
        c.execute("SELECT 1")
    return HttpResponse("ok")


def _halaman(request):
    # A page with the request context: every context processor of settings.TEMPLATES runs.
    return render(request, "403.html")


def _ubah_sesi(request):
    request.session["langkah"] = 1  # saved by SessionMiddleware after the view
    return HttpResponse("ok")


def _dilarang(request):
    raise PermissionDenied


def _rusak(request):
    raise RuntimeError("bug")


def _program(request):
    raise ProgrammingError('relation "pegawai_pegawai" does not exist')


urlpatterns = [
    path("putus/", _putus),
    path("antarmuka/", _antarmuka),
    path("query/", _query),
    path("halaman/", _halaman),
    path("ubah-sesi/", _ubah_sesi),
    path("dilarang/", _dilarang),
    path("rusak/", _rusak),
    path("program/", _program),
    path("", include("config.urls")),  # the real pages (templates reverse their names)
]

pakai_url_ini = pytest.mark.urls("inti.tests.test_gangguan")


def _koneksi_putus(*args, **kwargs):
    # What the driver (sqlite3 or psycopg) raises when the database is gone; Django wraps it in its
    # own OperationalError.
    raise connection.Database.OperationalError("unable to open database file / connection refused")


def _konsol() -> logging.Handler:
    """The handler that writes the log lines (settings.LOGGING "console")."""
    for h in logging.getLogger().handlers:
        if any(isinstance(f, RingkasGalatKlien) for f in h.filters):
            return h
    raise AssertionError("settings.LOGGING: the console handler carries inti.logging.RingkasGalatKlien")


def _cek_503(response, caplog, jalur: str):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response
    isi = response.content.decode()
    assert "Layanan sementara tidak tersedia" in isi
    if "Content-Length" in response:
        assert int(response["Content-Length"]) == len(response.content)
    # One line: a warning of inti.gangguan, no traceback; nothing from django.request (no 500, no 503).
    catatan = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [(r.name, r.levelname) for r in catatan] == [("inti.gangguan", "WARNING")], catatan
    assert catatan[0].exc_info is None
    assert jalur in catatan[0].getMessage()
    assert "\n" not in _konsol().format(catatan[0])


# --- The view fails ---------------------------------------------------------------------------


@pakai_url_ini
@pytest.mark.parametrize("url", ["/putus/", "/antarmuka/"])
def test_view_gagal_menjawab_503_sekali_catat(client, caplog, url):
    response = client.get(url)
    _cek_503(response, caplog, url)
    assert [t.name for t in response.templates] == ["503.html"]
    assert "Basis data tidak terjangkau: GET " + url in caplog.records[-1].getMessage()


@pakai_url_ini
def test_retry_after_dari_setelan(client, settings):
    settings.GANGGUAN_RETRY_AFTER_DETIK = 5
    response = client.get("/putus/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert 'content="5"' in response.content.decode()  # the page reloads itself then


@pakai_url_ini
@pytest.mark.django_db
def test_query_gagal_di_sqlite_atau_postgresql(client, caplog):
    with mock.patch.object(connection, "create_cursor", side_effect=_koneksi_putus):
        response = client.get("/query/")
    _cek_503(response, caplog, "/query/")


@pakai_url_ini
@pytest.mark.django_db
def test_context_processor_gagal(client, caplog, settings):
    tpl = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {
            **tpl,
            "OPTIONS": {
                **tpl["OPTIONS"],
                "context_processors": [*tpl["OPTIONS"]["context_processors"], "inti.tests.test_gangguan._cp_putus"],
            },
        }
    ]
    response = client.get("/halaman/")
    _cek_503(response, caplog, "/halaman/")


def _cp_putus(request):
    raise OperationalError("server closed the connection unexpectedly")


# --- The session and the user: loaded lazily in the view, saved by the middleware after it ------


@pytest.mark.django_db(transaction=True)
def test_halaman_nyata_sesi_dan_user_gagal_dimuat(org, caplog):
    """The real home page: the session (and so the user) is read from the database on first use."""
    c = Client()
    c.force_login(org.anggota.akun)
    assert c.get("/").status_code == 200
    with mock.patch.object(connection, "create_cursor", side_effect=_koneksi_putus):
        response = c.get("/")
    _cek_503(response, caplog, "GET / ")
    assert c.get("/").status_code == 200  # back at once: nothing to restart


@pakai_url_ini
@pytest.mark.django_db(transaction=True)
def test_sesi_gagal_disimpan_sesudah_view(caplog):
    """The database goes away after the view returned: SessionMiddleware fails to save the session,
    Django turns that into a 500 inside us; the answer is still the 503 and one warning line."""
    c = Client(raise_request_exception=False)
    putus = mock.patch.object(connection, "create_cursor", side_effect=_koneksi_putus)

    def simpan_lalu_putus(self, *args, **kwargs):
        putus.start()
        return simpan_asli(self, *args, **kwargs)

    simpan_asli = SessionDb.save
    try:
        with mock.patch.object(SessionDb, "save", simpan_lalu_putus):
            response = c.get("/ubah-sesi/")
    finally:
        putus.stop()
    _cek_503(response, caplog, "/ubah-sesi/")
    assert response["X-Frame-Options"] == "DENY"


# --- Not an outage: a bug stays a 500 with its traceback ---------------------------------------


@pakai_url_ini
@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/rusak/", "/program/"])
def test_bug_tetap_500_dengan_traceback(caplog, url):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 500
    assert "Retry-After" not in response
    galat = [r for r in caplog.records if r.name == "django.request"]
    assert len(galat) == 1
    assert galat[0].levelname == "ERROR"
    assert galat[0].exc_info is not None
    assert "Traceback" in _konsol().format(galat[0])


def test_bukan_gangguan():
    assert adalah_gangguan_basis_data(OperationalError("could not connect to server"))
    assert adalah_gangguan_basis_data(InterfaceError("connection already closed"))
    assert not adalah_gangguan_basis_data(ProgrammingError("syntax error"))
    assert not adalah_gangguan_basis_data(RuntimeError("x"))
    assert not adalah_gangguan_basis_data(None)
    # SQLite reports a missing table as OperationalError: a bug (an unapplied migration), not an outage.
    try:
        try:
            raise sqlite3.OperationalError("no such table: pegawai_pegawai")
        except sqlite3.OperationalError as asal:
            raise OperationalError(*asal.args) from asal
    except OperationalError as exc:
        assert not adalah_gangguan_basis_data(exc)


def test_middleware_lain_tidak_tersentuh():
    """A response without the mark passes unchanged, even a 500."""
    from django.test import RequestFactory

    asli = HttpResponse(status=500)
    mw = GangguanBasisDataMiddleware(lambda request: asli)
    assert mw(RequestFactory().get("/")) is asli
    assert mw.process_exception(RequestFactory().get("/"), ValueError()) is None


# --- 403: one line; 5xx: traceback -------------------------------------------------------------


@pakai_url_ini
@pytest.mark.django_db
def test_403_satu_baris_tanpa_traceback(client, caplog):
    response = client.get("/dilarang/")
    assert response.status_code == 403
    (catatan,) = [r for r in caplog.records if r.name == "django.request"]
    assert catatan.levelname == "WARNING"
    assert catatan.exc_info is None
    baris = _konsol().format(catatan)
    assert "Forbidden (Permission denied): /dilarang/" in baris
    assert "\n" not in baris
    assert "Traceback" not in baris


def _rekam(nama, exc):
    try:
        raise exc
    except Exception:
        import sys

        return logging.LogRecord(nama, logging.WARNING, __file__, 1, "pesan %s", ("/x",), sys.exc_info())


def test_filter_handler_konsol_untuk_django_security():
    """django.security.<Class> loggers are created on the fly: the console handler's filter covers them."""
    konsol = _konsol()
    rec = _rekam("django.security.DisallowedHost", DisallowedHost("Invalid HTTP_HOST header: 'x'"))
    rec.status_code = 400
    assert konsol.filter(rec)
    assert "\n" not in konsol.format(rec)


@pytest.mark.parametrize(("status", "jejak"), [(403, False), (400, False), (404, False), (500, True), (None, True)])
def test_filter_ringkas(status, jejak):
    rec = _rekam("django.request", PermissionDenied())
    if status is not None:
        rec.status_code = status
    assert RingkasGalatKlien().filter(rec) is True
    assert (rec.exc_info is not None) is jejak
    assert ("Traceback" in logging.Formatter().format(rec)) is jejak


def test_filter_abaikan_hanya_django_request_untuk_permintaan_bertanda():
    class Req:
        pass

    bertanda, biasa = Req(), Req()
    bertanda._inti_gangguan_basis_data = OperationalError()
    f = AbaikanGangguanBasisData()

    def rec(nama, request):
        r = logging.LogRecord(nama, logging.ERROR, __file__, 1, "Internal Server Error: /", (), None)
        r.request = request
        return r

    assert not f.filter(rec("django.request", bertanda))
    assert f.filter(rec("django.request", biasa))
    assert f.filter(rec("inti.gangguan", bertanda))  # the one line stays
    assert f.filter(logging.LogRecord("django.request", logging.ERROR, __file__, 1, "x", (), None))


# --- A real outage on PostgreSQL ---------------------------------------------------------------


class ProksiTcp:
    """A TCP proxy on 127.0.0.1 in front of PostgreSQL. `putus()` is the outage: the listening
    socket closes (new connections are refused) and every open connection is cut, as when the
    server restarts or the network drops; `sambung()` listens again on the same port."""

    def __init__(self, tujuan: tuple[str, int]):
        self.tujuan = tujuan
        self.port = 0
        self._dengar: socket.socket | None = None
        self._soket: list[socket.socket] = []
        self._kunci = threading.Lock()

    def sambung(self) -> None:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", self.port))
        s.listen(16)
        self.port = s.getsockname()[1]
        self._dengar = s
        threading.Thread(target=self._terima, args=(s,), daemon=True).start()

    def _terima(self, dengar: socket.socket) -> None:
        while True:
            try:
                klien, _ = dengar.accept()
            except OSError:
                return
            hulu = socket.create_connection(self.tujuan)
            with self._kunci:
                self._soket += [klien, hulu]
            for a, b in ((klien, hulu), (hulu, klien)):
                threading.Thread(target=self._salur, args=(a, b), daemon=True).start()

    @staticmethod
    def _salur(dari: socket.socket, ke: socket.socket) -> None:
        try:
            while data := dari.recv(65536):
                ke.sendall(data)
        except OSError:
            pass
        finally:
            for s in (dari, ke):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def putus(self) -> None:
        if self._dengar is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone leaves the port listening.
            with contextlib.suppress(OSError):
                self._dengar.shutdown(socket.SHUT_RDWR)
            self._dengar.close()
            self._dengar = None
        with self._kunci:
            soket, self._soket = self._soket, []
        for s in soket:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()


def _minta(handler: WSGIHandler, url: str, cookie: str) -> tuple[int, dict[str, str], bytes]:
    """One request through the WSGI handler, as gunicorn makes it: request_started and
    request_finished fire, so Django's close_old_connections runs as in production."""
    environ: dict = {"PATH_INFO": url, "REQUEST_METHOD": "GET", "HTTP_COOKIE": cookie}
    wsgiref.util.setup_testing_defaults(environ)
    jawab: dict = {}

    def start_response(status, headers, exc_info=None):
        jawab["status"], jawab["headers"] = int(status.split()[0]), dict(headers)

    hasil = handler(environ, start_response)
    try:
        isi = b"".join(hasil)
    finally:
        hasil.close()
    return jawab["status"], jawab["headers"], isi


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_pemadaman_nyata_postgresql_lalu_pulih_tanpa_restart(org, caplog, settings):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL")
    assert settings.DATABASES["default"].get("CONN_MAX_AGE"), "a persistent connection, as in production"
    sd = connection.settings_dict
    asli = {"HOST": sd["HOST"], "PORT": sd["PORT"]}
    proksi = ProksiTcp((sd["HOST"] or "127.0.0.1", int(sd["PORT"] or 5432)))
    proksi.sambung()
    connection.close()
    sd.update(HOST="127.0.0.1", PORT=str(proksi.port))
    try:
        c = Client()
        c.force_login(org.anggota.akun)
        cookie = f"{settings.SESSION_COOKIE_NAME}={c.cookies[settings.SESSION_COOKIE_NAME].value}"
        handler = WSGIHandler()

        status, _, isi = _minta(handler, "/", cookie)
        assert status == 200, isi[:500]
        assert connection.connection is not None  # kept open between requests (CONN_MAX_AGE)

        proksi.putus()  # the server is gone: the open connection is cut, new ones are refused
        caplog.clear()
        for _ in range(2):  # every request during the outage: 503, one line each
            status, kepala, isi = _minta(handler, "/", cookie)
            assert status == 503
            assert kepala["Retry-After"] == "30"
            assert "Layanan sementara tidak tersedia" in isi.decode()
        catatan = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert [(r.name, r.exc_info) for r in catatan] == [("inti.gangguan", None)] * 2, catatan

        proksi.sambung()  # the server is back, same address: no restart of the app
        status, _, isi = _minta(handler, "/", cookie)
        assert status == 200, isi[:500]
        assert org.anggota.nama.encode() in isi or b"SIMUTASI" in isi
    finally:
        connection.close()
        sd.update(asli)
        proksi.putus()
