"""Searching people as HR types them: a name copied with its titles ("Ahmad Fauzi, S.AP.",
"dr. Siti"), punctuation, or any NIP fragment of 4 digits or more.

- A full 18-digit number is the exact NIP lookup (the unique index), never OR-ed with the name.
- Digits only (spaces allowed, as in "19860926 201505 1 001"), 4 to 17 of them: NIPs containing them.
- Otherwise the words left after dropping titles and punctuation must all occur in the name.

`peringkat_cari` ranks the hits: exact NIP 0, name (or NIP) starting with the query 1, else 2.
The work lists (proposals, assignments, reviews) search more simply (`q_nama_nip`); `saring` applies
a list's filters that were filled in.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from inti.masukan import angka

PANJANG_NIP = 18
MIN_DIGIT = 4

# Academic and religious titles written without dots (with dots they are dropped anyway).
_GELAR = frozenset(
    [
        "dr",
        "drg",
        "drs",
        "dra",
        "ir",
        "h",
        "hj",
        "prof",
        "kh",
        "amd",
        "amk",
        "skm",
        "sked",
        "sh",
        "se",
        "st",
        "sp",
        "spd",
        "sag",
        "sap",
        "skom",
        "sos",
        "ssos",
        "si",
        "ssi",
        "sikom",
        "sip",
        "sh",
        "mh",
        "mm",
        "msi",
        "mpd",
        "mkes",
        "mt",
        "mkom",
        "mag",
        "map",
        "mab",
        "mba",
        "ma",
        "phd",
        "ners",
        "apt",
        "bsc",
    ]
)
_TANDA = re.compile(r"[^\w\s]", re.UNICODE)


def kata_nama(q: str) -> list[str]:
    """The words of a name as typed, titles and punctuation removed: 'Ahmad Fauzi, S.AP.' ->
    ['Ahmad', 'Fauzi']; 'dr. Siti' -> ['Siti']. Everything after the first comma is a rear title."""
    depan = q.split(",", 1)[0]
    kata = []
    for token in depan.split():
        polos = _TANDA.sub("", token)
        if not polos:
            continue
        # "dr", "Hj.", and any token with a dot inside ("S.AP.", "M.Si") is a title; "Moch." is a name.
        if polos.lower() in _GELAR or "." in token.strip(".,"):
            continue
        kata.append(polos)
    return kata


def digit_saja(q: str) -> str | None:
    """The digits when the query is only digits and spaces/dots/dashes, else None."""
    polos = re.sub(r"[\s.\-]", "", q)
    return polos if polos.isdigit() else None


def q_cari(q: str, awalan: str = "") -> Q | None:
    """The filter for a search box; None when nothing searchable is left (e.g. only titles)."""
    q = q.strip()
    if not q:
        return None
    nip, nama = f"{awalan}nip", f"{awalan}nama"
    digit = digit_saja(q)
    if digit is not None:
        if len(digit) == PANJANG_NIP:
            return Q(**{nip: digit})
        if len(digit) >= MIN_DIGIT:
            return Q(**{f"{nip}__contains": digit})
        return Q(**{f"{nip}__startswith": digit})
    kata = kata_nama(q)
    if not kata:
        return None
    cond = Q()
    for k in kata:
        cond &= Q(**{f"{nama}__icontains": k})
    return cond


def peringkat_cari(q: str, awalan: str = "") -> Case | None:
    """An order key for the hits of `q_cari`: exact NIP, then starts-with, then contains."""
    q = q.strip()
    nip, nama = f"{awalan}nip", f"{awalan}nama"
    digit = digit_saja(q)
    if digit is not None:
        return Case(
            When(**{nip: digit}, then=Value(0)),
            When(**{f"{nip}__startswith": digit}, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    kata = kata_nama(q)
    if not kata:
        return None
    return Case(
        When(**{f"{nama}__iexact": " ".join(kata)}, then=Value(0)),
        When(**{f"{nama}__istartswith": " ".join(kata)}, then=Value(1)),
        When(**{f"{nama}__istartswith": kata[0]}, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


def q_nama_nip(q: str, *lain: str) -> Q:
    """A work list's search box (proposals, assignments, reviews): the employee's name or one of the
    `lain` fields contains the text; a text of 4 or more digits (spaces allowed) also matches the
    NIPs starting with them."""
    q = q.strip()
    digits = angka(q)
    cond = Q(pegawai__nama__icontains=q)
    for field in lain:
        cond |= Q(**{f"{field}__icontains": q})
    if len(digits) >= MIN_DIGIT and len(digits) == len(q.replace(" ", "")):
        cond |= Q(pegawai__nip__startswith=digits)
    return cond


def saring(qs: QuerySet, **kondisi: Any) -> QuerySet:
    """`qs` filtered by each lookup whose value was given: None and "" (a filter left empty) are
    skipped; False is a value."""
    return qs.filter(**{k: v for k, v in kondisi.items() if v is not None and v != ""})
