"""Load test (`make loadtest`): HR staff, unit heads and employees sign in with the demo accounts
(pegawai/demo/akun.py) and browse the main pages. Run against gunicorn on 127.0.0.1 only.

The mix: 2 in 10 users are HR, 1 in 10 the PPK, 3 in 10 unit heads, 4 in 10 employees; each browses
with a think time of 1-3 s. With LOADTEST_SESI (a file of sessions `loadtest/sesi.py` made; run.sh
does), all but the first LOADTEST_MASUK users start with a session of their own, and those sign in
through the form (the right password: django-axes locks an account after 5 failures): a sign-in costs
~1.6 s of CPU by design, and 50 at once would measure the password hasher, not the pages.
Pages that need an id (an employee, a proposal) take it from the lists they see.
"""

import json
import os
import re

from akun import NIP, PASSWORD, SESI_COOKIE
from locust import HttpUser, between, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PEGAWAI_URL = re.compile(r'href="(/pegawai/\d+/)"')
USULAN_URL = re.compile(r'href="(/mutasi/\d+/)"')


_SESI: dict[str, list[str]] = {}
_MASUK = {"sisa": int(os.environ.get("LOADTEST_MASUK", "5"))}
if os.environ.get("LOADTEST_SESI"):
    with open(os.environ["LOADTEST_SESI"]) as f:
        _SESI = json.load(f)


def _sesi_ambil(user: "Pengguna") -> bool:
    """Give the user a session made beforehand (True), or leave it to sign in through the form."""
    if _MASUK["sisa"] > 0 or not _SESI.get(user.nip):
        _MASUK["sisa"] -= 1
        return False
    host = user.host.split("://", 1)[-1].split("/")[0].split(":")[0]
    user.client.cookies.set(SESI_COOKIE, _SESI[user.nip].pop(), domain=host)
    return True


class Pengguna(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    nip = ""

    def on_start(self):
        if _sesi_ambil(self):
            return
        r = self.client.get("/akun/masuk/", name="sign-in page")
        self._cookie_tanpa_tls()
        m = CSRF.search(r.text)
        # No redirect following: the session cookie must lose its Secure flag before the next request.
        with self.client.post(
            "/akun/masuk/",
            data={"username": self.nip, "password": PASSWORD, "csrfmiddlewaretoken": m.group(1) if m else ""},
            headers={"Referer": f"{self.host}/akun/masuk/"},
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302 or "/akun/masuk/" in r.headers.get("Location", ""):
                r.failure(f"sign-in failed ({r.status_code})")
            else:
                r.success()
        self._cookie_tanpa_tls()

    def _cookie_tanpa_tls(self):
        """With DEBUG=false the session and CSRF cookies are Secure; on plain http to 127.0.0.1 (no TLS
        in front, as nginx would give) the client must still send them back."""
        for c in self.client.cookies:
            c.secure = False

    def buka(self, url: str, name: str):
        """GET a page; landing on the sign-in page (the session was lost) counts as a failure."""
        with self.client.get(url, name=name, catch_response=True) as r:
            if r.ok and "/akun/masuk/" in r.url:
                r.failure("redirected to sign-in")
            return r


class HR(Pengguna):
    weight = 2
    nip = NIP["hr"]

    @task(3)
    def beranda(self):
        self.buka("/", "home (HR dashboard)")

    @task(3)
    def daftar_pegawai(self):
        r = self.buka("/pegawai/", "employee list")
        ids = PEGAWAI_URL.findall(r.text or "")
        if ids:
            self.buka(ids[len(ids) // 2], "employee detail")

    @task(2)
    def cari(self):
        self.buka("/pegawai/?q=Santoso", "search by name")
        self.buka(f"/pegawai/?q={NIP['pegawai']}", "search by NIP")

    @task(2)
    def usulan(self):
        r = self.buka("/mutasi/", "proposal list")
        ids = USULAN_URL.findall(r.text or "")
        if ids:
            self.buka(ids[0], "proposal detail")

    @task(2)
    def kotak(self):
        self.buka("/mutasi/kotak-masuk/", "inbox")

    @task(1)
    def abk(self):
        self.buka("/abk/", "needs overview (ABK)")

    @task(1)
    def unit(self):
        self.buka("/pegawai/unit/", "unit tree")

    @task(1)
    def laporan(self):
        self.buka("/evaluasi/laporan/", "impact report")


class PPK(Pengguna):
    weight = 1
    nip = NIP["ppk"]

    @task(2)
    def beranda(self):
        self.buka("/", "home (PPK)")

    @task(3)
    def kotak(self):
        self.buka("/mutasi/kotak-masuk/", "inbox")

    @task(1)
    def usulan(self):
        self.buka("/mutasi/", "proposal list")


class Kepala(Pengguna):
    weight = 3

    def on_start(self):
        self.nip = NIP["kepala"] if id(self) % 2 else NIP["kepala_pkm"]
        super().on_start()

    @task(3)
    def beranda(self):
        self.buka("/", "home (head)")

    @task(3)
    def kotak(self):
        r = self.buka("/mutasi/kotak-masuk/", "inbox")
        ids = USULAN_URL.findall(r.text or "")
        if ids:
            self.buka(ids[0], "proposal detail")

    @task(1)
    def pegawai(self):
        self.buka("/pegawai/", "employee list")


class Pegawai(Pengguna):
    weight = 4
    nip = NIP["pegawai"]

    @task(3)
    def beranda(self):
        self.buka("/", "home (employee)")

    @task(2)
    def saya(self):
        self.buka("/mutasi/saya/", "my transfers")

    @task(2)
    def profil(self):
        self.buka("/pegawai/saya/", "my profile")
