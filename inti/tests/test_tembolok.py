"""inti.tembolok: a figure is computed once per version of its topics; a bump makes it stale."""

import pytest
from django.core.cache import cache
from django.db import transaction

from inti import tembolok


@pytest.fixture(autouse=True)
def _kosong():
    cache.clear()


@pytest.mark.django_db
def test_dihitung_sekali_sampai_versi_naik():
    hitungan = []

    def hitung():
        hitungan.append(1)
        return len(hitungan)

    assert tembolok.agregat("uji", ("a",), hitung) == 1
    assert tembolok.agregat("uji", ("a",), hitung) == 1
    assert tembolok.agregat("uji", ("a",), hitung, bagian=("lain",)) == 2  # another filter
    tembolok.naikkan("b")  # another topic: still cached
    assert tembolok.agregat("uji", ("a",), hitung) == 1
    tembolok.naikkan("a")
    assert tembolok.agregat("uji", ("a",), hitung) == 3


@pytest.mark.django_db(transaction=True)
def test_naik_lagi_setelah_commit():
    with transaction.atomic():
        tembolok.naikkan("a")
        dalam = tembolok.versi(["a"])
        # a reader computing from the old rows during the write stores under this version...
        tembolok.agregat("uji", ("a",), lambda: "lama")
    # ...which the bump after the commit leaves behind
    assert tembolok.versi(["a"]) != dalam
    assert tembolok.agregat("uji", ("a",), lambda: "baru") == "baru"


def test_cache_gagal_tetap_menghitung(monkeypatch):
    def rusak(*a, **k):
        raise ConnectionError("cache mati")

    monkeypatch.setattr(cache, "get_many", rusak)
    monkeypatch.setattr(cache, "get", rusak)
    monkeypatch.setattr(cache, "set", rusak)
    assert tembolok.agregat("uji", ("a",), lambda: 7) == 7
