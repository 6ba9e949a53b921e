"""Finding a unit by what the user types, for the unit field that loads its matches on demand
(`pegawai.forms.unit_cari.UnitCariField`) and its JSON endpoint (`pegawai:unit_cari`): no page
renders the whole tree (2,000+ units at a province's scale) into a drop-down any more.

A unit is shown with its path ("Dinas Kesehatan › Bidang Pelayanan › Puskesmas Ketabang"): unit
names repeat under different parents ("Subbagian Umum"), the path tells them apart. The path is
read in the same query as the unit (`select_related` of KEDALAMAN parents); a deeper unit's path
starts with "… ›"."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from ..models import UnitKerja

BATAS = 20
KEDALAMAN = 3  # parents read with the unit for its path
PEMISAH = " › "
_INDUK = "__".join(["induk"] * KEDALAMAN)


def dengan_jalur(qs: QuerySet[UnitKerja]) -> QuerySet[UnitKerja]:
    """The units with the parents `unit_jalur` shows, in the same query."""
    return qs.select_related(_INDUK)


def unit_jalur(unit: UnitKerja) -> str:
    """'OPD › … › unit', from the parents loaded with it (no query)."""
    nama, node = [unit.nama], unit
    for _ in range(KEDALAMAN):
        if node.induk_id is None:
            break
        if not UnitKerja.induk.is_cached(node):
            nama.append("…")
            break
        node = node.induk
        nama.append(node.nama)
    else:
        if node.induk_id is not None:
            nama.append("…")
    return PEMISAH.join(reversed(nama))


def unit_cari(qs: QuerySet[UnitKerja], q: str, *, batas: int = BATAS) -> list[UnitKerja]:
    """Up to `batas` units of `qs` whose name contains every word of `q` (or whose code starts
    with it), exact name first, then names starting with it, then by name. A path as shown
    ("OPD › unit") is searched by its last part. One query."""
    kata = q.rsplit(PEMISAH.strip(), 1)[-1].split()
    if not kata:
        return list(dengan_jalur(qs).order_by("nama", "pk")[:batas])
    cond = Q()
    for k in kata:
        cond &= Q(nama__icontains=k)
    teks = " ".join(kata)
    peringkat = Case(
        When(nama__iexact=teks, then=Value(0)),
        When(kode__iexact=teks, then=Value(0)),
        When(nama__istartswith=teks, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    hasil = qs.filter(cond | Q(kode__istartswith=teks)).annotate(peringkat_unit=peringkat)
    return list(dengan_jalur(hasil).order_by("peringkat_unit", "nama", "pk")[:batas])


def unit_dari_teks(qs: QuerySet[UnitKerja], teks: str) -> tuple[UnitKerja | None, int]:
    """The one unit of `qs` that a typed text names (without the script: a plain text field):
    its exact name or code, else the only unit whose name contains the words, else the only
    unit whose path is the text. Returns (unit or None, how many matched). One query."""
    teks = teks.strip()
    if not teks:
        return None, 0
    akhir = teks.rsplit(PEMISAH.strip(), 1)[-1].strip() or teks
    calon = unit_cari(qs, akhir, batas=BATAS + 1)
    if not calon:
        return None, 0
    persis = [u for u in calon if unit_jalur(u).casefold() == teks.casefold()]
    if len(persis) == 1:
        return persis[0], 1
    persis = [u for u in calon if akhir.casefold() in (u.nama.casefold(), u.kode.casefold())]
    if len(persis) == 1:
        return persis[0], 1
    if len(calon) == 1:
        return calon[0], 1
    return None, len(persis) or len(calon)
