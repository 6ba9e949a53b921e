"""Paging every list the same way: `?page=` and a page size the user picks (`?per=` 25, 50 or
100), kept in the query string by the shared include `templates/includes/pagination.html`."""

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator

UKURAN = (25, 50, 100)


def ukuran_halaman(request, bawaan: int = UKURAN[0]) -> int:
    """The page size asked in `?per=`, when it is one of the offered sizes; else the list's own."""
    try:
        per = int(request.GET.get("per", ""))
    except ValueError:
        return bawaan
    return per if per in UKURAN else bawaan


def halaman(request, daftar: Sequence[Any], bawaan: int = UKURAN[0], *, jumlah: int | None = None) -> Page:
    """The page of `daftar` the query string asks for (out of range: the last). The page carries
    `ukuran_pilihan`, so the include offers the size choice. `jumlah`: the number of rows when the
    caller already counted them (saves the paginator's COUNT)."""
    paginator = Paginator(daftar, ukuran_halaman(request, bawaan))
    if jumlah is not None:
        paginator.count = jumlah  # a cached_property: set, it is not computed
    page = paginator.get_page(request.GET.get("page"))
    page.ukuran_pilihan = UKURAN
    return page


def nomor_halaman(page: Page, sisi: int = 2) -> list[int | None]:
    """Page numbers around the current one (None is a gap): 1 … 4 5 [6] 7 8 … 20."""
    n, kini = page.paginator.num_pages, page.number
    tampil = {1, n, *range(max(1, kini - sisi), min(n, kini + sisi) + 1)}
    hasil: list[int | None] = []
    sebelum = 0
    for i in sorted(tampil):
        if i - sebelum > 1:
            hasil.append(None)
        hasil.append(i)
        sebelum = i
    return hasil


def teks_cari(request, kunci: str = "q", maks: int = 100) -> str:
    """A list page's search text from the query string: trimmed, at most `maks` characters, without
    NUL (PostgreSQL refuses a NUL in a query; a junk `?q=%00` must not become a server error)."""
    return request.GET.get(kunci, "").replace("\x00", "").strip()[:maks]
