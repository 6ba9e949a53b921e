"""The read-replica router (inti/replika.py): which alias each read goes to, read-your-writes, atomic
blocks, and nothing at all without DATABASE_REPLICA_URL. The decisions are tested here; the real
replica (streaming, two app servers) in scripts/scaleout_demo.sh."""

import time

import pytest
from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import router, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve

from inti import replika
from inti.models import CatatanAudit
from inti.replika import ALIAS, COOKIE, HEADER, ReplikaMiddleware, RuterReplika, dari_replika

RUTER = RuterReplika()
HALAMAN_LAPORAN = "/pegawai/"  # pegawai:daftar, in REPLIKA_HALAMAN
HALAMAN_LAIN = "/akun/masuk/"


@pytest.fixture
def ada_replika(monkeypatch):
    monkeypatch.setitem(settings.DATABASES, ALIAS, {**settings.DATABASES["default"]})
    monkeypatch.setattr(settings, "REPLIKA_TANDA", True)


def _baca() -> str:
    return RUTER.db_for_read(CatatanAudit)


def _permintaan(path: str, *, metode: str = "get", cookie: str | None = None):
    rf = RequestFactory()
    request = getattr(rf, metode)(path)
    if cookie is not None:
        request.COOKIES[COOKIE] = cookie
    request.resolver_match = resolve(path)
    return request


def _jalankan(request, view, *, status: int = 200):
    """Run the middleware around `view` (called with the router's view of the request); returns the
    response and the aliases the view's reads went to."""
    dilihat: list[str] = []

    def get_response(req):
        mw.process_view(req, None, (), {})
        view(dilihat)
        return HttpResponse(status=status)

    mw = ReplikaMiddleware(get_response)
    return mw(request), dilihat


def test_tanpa_replika_tidak_ada_apa_apa():
    assert ALIAS not in settings.DATABASES
    assert "inti.replika.RuterReplika" not in getattr(settings, "DATABASE_ROUTERS", [])
    with pytest.raises(MiddlewareNotUsed):
        ReplikaMiddleware(lambda r: HttpResponse())
    with dari_replika():
        assert _baca() == "default"
    assert router.db_for_read(CatatanAudit) == "default"


def test_di_luar_permintaan_selalu_utama(ada_replika):
    assert _baca() == "default"
    assert RUTER.db_for_write(CatatanAudit) == "default"


def test_halaman_laporan_dibaca_dari_replika(ada_replika):
    response, dilihat = _jalankan(_permintaan(HALAMAN_LAPORAN), lambda d: d.append(_baca()))
    assert dilihat == [ALIAS]
    assert response.headers[HEADER] == ALIAS
    assert COOKIE not in response.cookies


def test_halaman_lain_dan_post_dibaca_dari_utama(ada_replika):
    _, dilihat = _jalankan(_permintaan(HALAMAN_LAIN), lambda d: d.append(_baca()))
    assert dilihat == ["default"]
    _, dilihat = _jalankan(_permintaan(HALAMAN_LAPORAN, metode="post"), lambda d: d.append(_baca()))
    assert dilihat == ["default"]


def test_post_berhasil_memberi_jeda_baca_utama(ada_replika, monkeypatch):
    monkeypatch.setattr(settings, "REPLIKA_JEDA_DETIK", 5)
    response, _ = _jalankan(_permintaan(HALAMAN_LAIN, metode="post"), lambda d: None, status=302)
    sampai = int(response.cookies[COOKIE].value)
    assert time.time() + 4 <= sampai <= time.time() + 6
    assert response.cookies[COOKIE]["max-age"] == 5

    # The list the user returns to reads the primary while the cookie holds ...
    _, dilihat = _jalankan(_permintaan(HALAMAN_LAPORAN, cookie=str(sampai)), lambda d: d.append(_baca()))
    assert dilihat == ["default"]
    # ... and the replica again once it has run out.
    _, dilihat = _jalankan(_permintaan(HALAMAN_LAPORAN, cookie=str(int(time.time()) - 1)), lambda d: d.append(_baca()))
    assert dilihat == [ALIAS]


def test_post_gagal_tanpa_jeda(ada_replika):
    response, _ = _jalankan(_permintaan(HALAMAN_LAIN, metode="post"), lambda d: None, status=403)
    assert COOKIE not in response.cookies


def test_cookie_rusak_diabaikan(ada_replika):
    _, dilihat = _jalankan(_permintaan(HALAMAN_LAPORAN, cookie="bukan-angka"), lambda d: d.append(_baca()))
    assert dilihat == [ALIAS]


def test_tulis_lewat_orm_saat_get(ada_replika):
    """A GET that writes: its later reads go to the primary, and the user gets the cookie."""

    def view(d):
        d.append(_baca())
        d.append(RUTER.db_for_write(CatatanAudit))
        d.append(_baca())

    response, dilihat = _jalankan(_permintaan(HALAMAN_LAPORAN), view)
    assert dilihat == [ALIAS, "default", "default"]
    assert COOKIE in response.cookies
    assert response.headers[HEADER] == f"default,{ALIAS}"


@pytest.mark.django_db(transaction=True)
def test_dalam_atomic_dibaca_dari_utama(ada_replika):
    def view(d):
        d.append(_baca())
        with transaction.atomic():
            d.append(_baca())
        d.append(_baca())

    _, dilihat = _jalankan(_permintaan(HALAMAN_LAPORAN), view)
    assert dilihat == [ALIAS, "default", ALIAS]


def test_sesi_selalu_dari_utama(ada_replika):
    from django.contrib.sessions.models import Session

    with dari_replika():
        assert RUTER.db_for_read(Session) == "default"
        assert _baca() == ALIAS


def test_dari_replika_di_luar_permintaan(ada_replika):
    with dari_replika():
        assert _baca() == ALIAS
        RUTER.db_for_write(CatatanAudit)
        assert _baca() == "default"
    assert _baca() == "default"


def test_replika_tidak_pernah_dimigrasi():
    assert RUTER.allow_migrate(ALIAS, "inti") is False
    assert RUTER.allow_migrate("default", "inti") is None
    assert replika.RuterReplika().allow_relation(object(), object()) is True
