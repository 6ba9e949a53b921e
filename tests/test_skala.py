"""Settings for running on several machines (config/skala.py): CACHE_URL, SESSION_ENGINE,
DATABASE_REPLICA_URL and STORAGE_URL are parsed as documented, bad values refused in Indonesian, and
nothing of Redis or django-storages is loaded when they are not set."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config import skala

BASE = Path(__file__).resolve().parents[1]
PG = {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}


def test_cache_bawaan_memori_lokal():
    kosong = skala.cache_dari_url("", "/srv/var/tembolok")  # shared by one server's processes
    assert kosong["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert kosong["LOCATION"] == "/srv/var/tembolok"
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")  # the tests' own settings
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


@pytest.mark.parametrize(
    ("url", "lokasi"),
    [
        ("redis://127.0.0.1:6379/3", "redis://127.0.0.1:6379/3"),
        ("rediss://r.example:6380/1", "rediss://r.example:6380/1"),
    ],
)
def test_cache_redis_bawaan_django(url, lokasi):
    c = skala.cache_dari_url(url)
    assert c == {"BACKEND": skala.REDIS_BACKEND, "LOCATION": lokasi, "KEY_PREFIX": "simutasi"}


def test_cache_url_salah():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL tidak dikenal"):
        skala.cache_dari_url("memcachedx://h")


@pytest.mark.parametrize(
    ("nilai", "ada_cache", "engine"),
    [("", False, "db"), ("", True, "cached_db"), ("db", True, "db"), ("cache", True, "cache")],
)
def test_sesi_engine(nilai, ada_cache, engine):
    assert skala.sesi_engine(nilai, ada_cache=ada_cache) == f"django.contrib.sessions.backends.{engine}"


def test_sesi_engine_salah():
    with pytest.raises(ImproperlyConfigured, match="harus salah satu"):
        skala.sesi_engine("file", ada_cache=True)
    with pytest.raises(ImproperlyConfigured, match="butuh CACHE_URL"):
        skala.sesi_engine("cache", ada_cache=False)


def test_replika():
    assert skala.replika_dari_url("", PG) is None
    r = skala.replika_dari_url("postgres://baca@10.0.0.2:5433/simutasi", PG)
    assert (r["HOST"], r["PORT"], r["NAME"], r["USER"]) == ("10.0.0.2", 5433, "simutasi", "baca")
    assert (r["CONN_MAX_AGE"], r["CONN_HEALTH_CHECKS"]) == (60, True)
    assert r["TEST"] == {"MIRROR": "default"}
    r = skala.replika_dari_url("postgres://h/simutasi", {"ENGINE": PG["ENGINE"], "OPTIONS": {"pool": True}})
    assert r["OPTIONS"]["pool"] is True
    with pytest.raises(ImproperlyConfigured, match="mesin basis data yang sama"):
        skala.replika_dari_url("sqlite:////tmp/x.sqlite3", PG)


def test_penyimpanan():
    assert skala.penyimpanan_dari_url("") == {"BACKEND": "inti.berkas.PenyimpananPrivat"}
    s = skala.penyimpanan_dari_url(
        "s3://arsip-simutasi/unggahan/?endpoint_url=https://s3.kota.go.id&addressing_style=path",
        kunci_akses="AK",
        kunci_rahasia="SK",
    )
    assert s["BACKEND"] == "inti.berkas_s3.PenyimpananPrivatS3"
    o = s["OPTIONS"]
    assert (o["bucket_name"], o["location"], o["endpoint_url"], o["addressing_style"]) == (
        "arsip-simutasi",
        "unggahan",
        "https://s3.kota.go.id",
        "path",
    )
    assert (o["access_key"], o["secret_key"], o["file_overwrite"], o["default_acl"]) == ("AK", "SK", False, None)
    with pytest.raises(ImproperlyConfigured, match="STORAGE_URL harus"):
        skala.penyimpanan_dari_url("ftp://h/x")
    with pytest.raises(ImproperlyConfigured, match="tidak dikenal"):
        skala.penyimpanan_dari_url("s3://b?acl=public-read")


def _settings(**env) -> dict:
    """config.settings in a fresh process with these variables (the rest of the tests' environment)."""
    kode = (
        "import json, sys, django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(json.dumps({'cache': s.CACHES['default']['BACKEND'], 'sesi': s.SESSION_ENGINE,"
        "'db': sorted(s.DATABASES), 'router': getattr(s, 'DATABASE_ROUTERS', []),"
        "'storage': s.STORAGES['default']['BACKEND'],"
        "'dimuat': [m for m in ('redis', 'storages', 'boto3') if m in sys.modules]}))"
    )
    lepas = ("CACHE_URL", "SESSION_ENGINE", "STORAGE_URL", "DATABASE_REPLICA_URL")  # config.testenv sets some
    bersih = {k: v for k, v in os.environ.items() if k not in lepas}
    hasil = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", kode], cwd=BASE, env={**bersih, **env}, capture_output=True, text=True, check=True
    )
    return json.loads(hasil.stdout.strip().splitlines()[-1])


def test_tanpa_pengaturan_tidak_memuat_redis_atau_storages():
    s = _settings()
    assert s == {
        "cache": "django.core.cache.backends.filebased.FileBasedCache",  # one server's processes share it
        "sesi": "django.contrib.sessions.backends.db",
        "db": ["default"],
        "router": [],
        "storage": "inti.berkas.PenyimpananPrivat",
        "dimuat": [],
    }


def test_dengan_pengaturan_skala():
    s = _settings(
        CACHE_URL="redis://127.0.0.1:6379/3",
        DATABASE_URL="postgres://root@127.0.0.1:5432/simutasi",
        DATABASE_REPLICA_URL="postgres://root@127.0.0.1:5433/simutasi",
        STORAGE_URL="s3://arsip/unggahan",
    )
    assert s["cache"] == skala.REDIS_BACKEND
    assert s["sesi"] == "django.contrib.sessions.backends.cached_db"
    assert s["db"] == ["default", "replika"]
    assert s["router"] == ["inti.replika.RuterReplika"]
    assert s["storage"] == "inti.berkas_s3.PenyimpananPrivatS3"


def test_penyimpanan_s3_nama_acak():
    pytest.importorskip("storages.backends.s3")
    from inti.berkas_s3 import PenyimpananPrivatS3

    s = PenyimpananPrivatS3(bucket_name="arsip", location="unggahan", access_key="AK", secret_key="SK")
    nama = s.generate_filename("lampiran/SK Budi Santoso.PDF")
    assert nama.startswith("lampiran/") and nama.endswith(".pdf") and "Budi" not in nama
