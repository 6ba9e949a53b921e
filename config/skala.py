"""Settings for running on several machines (docs/DEPLOY.md "Scaling out"), parsed from the environment.

Plain functions of the variables' values, so tests can check the parsing without reloading settings:

- `cache_dari_url(CACHE_URL, folder)`: empty -> files in `folder` (var/tembolok: shared by the app
  processes of one server, so a cached figure made stale by a write in one worker is stale in all;
  the default); `redis://host:6379/1`
  or `rediss://` -> Django's own `RedisCache` (needs the `redis` package); any other django-environ
  cache URL (`locmemcache://`, `dummycache://`, `filecache:///path`) as django-environ reads it.
- `sesi_engine(SESSION_ENGINE, ada_cache)`: `db` (the default without a shared cache), `cached_db` (the
  default with `CACHE_URL`: read from the cache, written through to the database, so a cache flush
  signs nobody out) or `cache` (the cache only).
- `replika_dari_url(DATABASE_REPLICA_URL, default)`: the `replika` database entry (read-only use by
  `inti.replika.RuterReplika`), with the primary's pool/connection options; in tests it mirrors
  `default` (no second test database).
- `penyimpanan_dari_url(STORAGE_URL, ...)`: empty -> the file system under MEDIA_ROOT (the default);
  `s3://BUCKET/PREFIX?endpoint_url=...&region_name=...&addressing_style=path` -> S3-compatible object
  storage through django-storages (imported only then), keys from `AWS_ACCESS_KEY_ID` /
  `AWS_SECRET_ACCESS_KEY`.
"""

from typing import Any
from urllib.parse import parse_qs, urlparse

import environ
from django.core.exceptions import ImproperlyConfigured

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"
BERKAS_BACKEND = "django.core.cache.backends.filebased.FileBasedCache"
SESI_ENGINE = {
    "db": "django.contrib.sessions.backends.db",
    "cached_db": "django.contrib.sessions.backends.cached_db",
    "cache": "django.contrib.sessions.backends.cache",
}
S3_BACKEND = "inti.berkas_s3.PenyimpananPrivatS3"
FS_BACKEND = "inti.berkas.PenyimpananPrivat"
_S3_OPSI = {"endpoint_url", "region_name", "addressing_style", "signature_version", "custom_domain"}


def cache_dari_url(url: str, folder: str = "") -> dict[str, Any]:
    """The `default` entry of CACHES for CACHE_URL (see the module docstring). Not process-local
    memory by default: gunicorn runs several processes, and `inti.tembolok`'s version keys must be
    seen by all of them."""
    if not url:
        return {"BACKEND": BERKAS_BACKEND, "LOCATION": folder, "OPTIONS": {"MAX_ENTRIES": 20000}}
    skema = urlparse(url).scheme
    if skema not in environ.Env.CACHE_SCHEMES:
        raise ImproperlyConfigured(
            f"CACHE_URL tidak dikenal: skema '{skema}' (contoh: redis://127.0.0.1:6379/1) (unknown CACHE_URL scheme)."
        )
    redis = skema in ("redis", "rediss")
    konfig = environ.Env.cache_url_config(url, backend=REDIS_BACKEND if redis else None)
    konfig.setdefault("KEY_PREFIX", "simutasi")
    return konfig


def sesi_engine(nilai: str, *, ada_cache: bool) -> str:
    """SESSION_ENGINE for SESSION_ENGINE=db|cached_db|cache; empty: cached_db with a shared cache, else db."""
    nilai = nilai or ("cached_db" if ada_cache else "db")
    if nilai not in SESI_ENGINE:
        raise ImproperlyConfigured(
            f"SESSION_ENGINE harus salah satu dari {', '.join(SESI_ENGINE)}, bukan '{nilai}' "
            f"(SESSION_ENGINE must be db, cached_db or cache)."
        )
    if nilai == "cache" and not ada_cache:
        raise ImproperlyConfigured(
            "SESSION_ENGINE=cache butuh CACHE_URL bersama (Redis): cache memori lokal tidak dibagi antarproses "
            "(SESSION_ENGINE=cache needs a shared CACHE_URL)."
        )
    return SESI_ENGINE[nilai]


def replika_dari_url(url: str, default: dict[str, Any]) -> dict[str, Any] | None:
    """The `replika` DATABASES entry for DATABASE_REPLICA_URL, or None when it is empty."""
    if not url:
        return None
    replika = environ.Env.db_url_config(url)
    if replika["ENGINE"] != default["ENGINE"]:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL harus mesin basis data yang sama dengan DATABASE_URL "
            "(the replica must be the same engine as the primary)."
        )
    for kunci in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS"):
        if kunci in default:
            replika[kunci] = default[kunci]
    if default.get("OPTIONS", {}).get("pool"):
        replika.setdefault("OPTIONS", {})["pool"] = True
    # Tests run on one test database: the replica alias points at the primary's.
    replika["TEST"] = {"MIRROR": "default"}
    return replika


def penyimpanan_dari_url(url: str, *, kunci_akses: str = "", kunci_rahasia: str = "") -> dict[str, Any]:
    """The `default` entry of STORAGES for STORAGE_URL (see the module docstring)."""
    if not url:
        return {"BACKEND": FS_BACKEND}
    u = urlparse(url)
    if u.scheme != "s3" or not u.netloc:
        raise ImproperlyConfigured(
            "STORAGE_URL harus kosong (sistem berkas) atau s3://BUCKET/AWALAN?endpoint_url=... "
            "(STORAGE_URL must be empty or s3://BUCKET/PREFIX)."
        )
    opsi: dict[str, Any] = {
        "bucket_name": u.netloc,
        "location": u.path.strip("/"),
        # Private files: never public, links (if any) signed and short-lived; a name is never reused.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "file_overwrite": False,
    }
    for kunci, nilai in parse_qs(u.query).items():
        if kunci not in _S3_OPSI:
            raise ImproperlyConfigured(
                f"STORAGE_URL: opsi '{kunci}' tidak dikenal; yang boleh: {', '.join(sorted(_S3_OPSI))}."
            )
        opsi[kunci] = nilai[0]
    if kunci_akses:
        opsi["access_key"] = kunci_akses
        opsi["secret_key"] = kunci_rahasia
    return {"BACKEND": S3_BACKEND, "OPTIONS": opsi}
