"""Cached aggregates with a version key: the one way to keep an expensive city-wide figure
(needs analysis totals, the dashboard, the impact report) between requests.

    agregat("abk_posisi", ("pegawai",), lambda: ..., bagian=(jenis,))

reads `tembolok:v:<topic>` for each topic and keys the value by those versions, so a write that
changes a topic makes every figure depending on it stale at once, with nothing to delete. Models
are tied to topics in their app's `ready()` (`daftarkan(Model, "pegawai")`): every save and
delete of one bumps its topics (signals), and the bulk writers that skip signals
(`inti.jejak.ubah_massal`, `perbarui_massal`, `jejak_buat`, the import) call `berubah(Model)`.
A bump happens at once and again after the commit, so a reader that computed from the old rows
during the write cannot keep its value under the new version.

Django's cache framework (`django.core.cache.cache`): files under var/tembolok by default (shared by
the worker processes of one server, so a bump in one is seen by all), Redis by `CACHE_URL` for
several servers. Never per-process memory outside tests: a write in one gunicorn worker would leave
the others' figures stale. A cache outage falls back to computing."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

log = logging.getLogger(__name__)
WAKTU = 600  # seconds a value is kept at most (bounds the lag should a bump be lost)
_TOPIK: dict[type[Model], set[str]] = defaultdict(set)
_KOSONG = object()


def _kunci_versi(topik: str) -> str:
    return f"tembolok:v:{topik}"


def versi(topik: Iterable[str]) -> str:
    """The current versions of the topics, as part of a key."""
    topik = sorted(set(topik))
    try:
        ada = cache.get_many([_kunci_versi(t) for t in topik])
    except Exception:  # a cache outage must not break a page
        log.warning("tembolok: versi tidak terbaca", exc_info=True)
        return ""
    return ".".join(str(ada.get(_kunci_versi(t), 0)) for t in topik)


def _naikkan_sekarang(topik: Iterable[str]) -> None:
    for t in set(topik):
        kunci = _kunci_versi(t)
        try:
            if not cache.add(kunci, 1, None):
                cache.incr(kunci)
        except ValueError:  # expired between add and incr
            cache.set(kunci, 1, None)
        except Exception:
            log.warning("tembolok: versi %s tidak dinaikkan", t, exc_info=True)


def naikkan(*topik: str) -> None:
    """Make every cached figure of these topics stale: now and again after the commit."""
    _naikkan_sekarang(topik)
    transaction.on_commit(lambda: _naikkan_sekarang(topik))


def berubah(model: type[Model]) -> None:
    """A write to `model` that skipped its signals (bulk writes): bump the model's topics."""
    topik = _TOPIK.get(model)
    if topik:
        naikkan(*topik)


def _sinyal(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # fixtures
        return
    berubah(sender)


def daftarkan(model: type[Model], *topik: str) -> None:
    """Tie `model` to topics: its saves and deletes make their cached figures stale."""
    _TOPIK[model].update(topik)
    uid = f"tembolok:{model._meta.label}"
    post_save.connect(_sinyal, sender=model, dispatch_uid=uid)
    post_delete.connect(_sinyal, sender=model, dispatch_uid=uid)


def agregat[T](
    nama: str, topik: Iterable[str], hitung: Callable[[], T], *, bagian: Iterable = (), waktu: int = WAKTU
) -> T:
    """`hitung()`, kept in the cache under `nama`, `bagian` (what the figure depends on besides
    the data: filters, the language) and the versions of `topik`."""
    kunci = ":".join(["tembolok", nama, get_language() or "", *map(str, bagian), versi(topik)])
    try:
        nilai = cache.get(kunci, _KOSONG)
    except Exception:
        log.warning("tembolok: %s tidak terbaca", nama, exc_info=True)
        nilai = _KOSONG
    if nilai is _KOSONG:
        nilai = hitung()
        try:
            cache.set(kunci, nilai, waktu)
        except Exception:
            log.warning("tembolok: %s tidak tersimpan", nama, exc_info=True)
    return nilai
