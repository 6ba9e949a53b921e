"""City overview, OPD drill-down and the unit page of the needs analysis; the tasks of a
unit x position and the breadcrumb above a unit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ...akses import peran_user
from ...models import (
    Jabatan,
    RiwayatJabatan,
    TugasJabatan,
    UnitKerja,
)
from ...pohon import unit_opd_id, unit_turunan_ids
from ..pegawai import unit_terlihat
from .hitung import PosisiAbk, RekapAbk, abk_posisi, rekap_per_unit

if TYPE_CHECKING:
    from ...akses import Pengguna

_KOLOM_UNIT = ("id", "kode", "nama", "jenis", "induk_id", "aktif")  # in the model's field order


def _unit_semua() -> dict[int, tuple]:
    """Every unit, once, as plain rows sorted by name: 2,000 model instances cost more than the query,
    and only the rows a page shows become instances (`_unit_obj`)."""
    return {row[0]: row for row in UnitKerja.objects.order_by("nama").values_list(*_KOLOM_UNIT)}


def _unit_obj(row: tuple) -> UnitKerja:
    return UnitKerja.from_db("default", _KOLOM_UNIT, row)


def _akar(unit_id: int, induk: dict[int, int | None], akar: set[int], cache: dict[int, int | None]) -> int | None:
    """The first unit at or above `unit_id` that is one of `akar` (None if there is none)."""
    jalur, node, seen, hasil = [], unit_id, set(), None
    while node is not None and node not in seen:
        if node in cache:
            hasil = cache[node]
            break
        if node in akar:
            hasil = node
            break
        seen.add(node)
        jalur.append(node)
        node = induk.get(node)
    for n in jalur:
        cache[n] = hasil
    return hasil


# --- City overview, drill-down, unit page ----------------------------------------------------------


@dataclass
class BarisRekap:
    unit: UnitKerja
    rekap: RekapAbk
    tingkat: int = 0
    jumlah_unit: int = 1


URUTAN_IKHTISAR = {
    "kekurangan": lambda b: b.rekap.kekurangan,
    "kelebihan": lambda b: b.rekap.kelebihan,
    "kebutuhan": lambda b: b.rekap.kebutuhan_orang,
    "bezetting": lambda b: b.rekap.bezetting,
    "belum": lambda b: b.rekap.bezetting_belum,
    "nama": lambda b: b.unit.nama.lower(),
}


def _urutkan(baris: list[BarisRekap], urut: str) -> list[BarisRekap]:
    kunci = urut.lstrip("-")
    if kunci not in URUTAN_IKHTISAR:
        kunci, urut = "kekurangan", "-kekurangan"
    baris = sorted(baris, key=lambda b: b.unit.nama.lower())  # stable tie-break by name
    return sorted(baris, key=URUTAN_IKHTISAR[kunci], reverse=urut.startswith("-"))


def abk_ikhtisar(
    user: Pengguna, *, jenis_jabatan: str = "", urut: str = "-kekurangan"
) -> tuple[list[BarisRekap], RekapAbk]:
    """One row per OPD (for HR and the PPK) or per top unit a head leads, with totals. Three queries
    after the user's roles: units, workload, bezetting."""
    p = peran_user(user)
    units = _unit_semua()
    induk = {uid: row[4] for uid, row in units.items()}
    if p.lihat_semua:
        akar = {uid for uid, pid in induk.items() if pid is None}
        kelompok = {uid: unit_opd_id(uid, induk) for uid in units}
        unit_ids = None
    else:
        akar = {uid for uid in p.unit_wewenang if induk.get(uid) not in p.unit_wewenang}
        cache: dict[int, int | None] = {}
        kelompok = {uid: _akar(uid, induk, akar, cache) for uid in p.unit_wewenang}
        unit_ids = set(p.unit_wewenang)
    per_unit = rekap_per_unit(abk_posisi(unit_ids=unit_ids, jenis_jabatan=jenis_jabatan))
    baris = {
        uid: BarisRekap(unit=_unit_obj(units[uid]), rekap=RekapAbk(), jumlah_unit=0) for uid in akar if uid in units
    }
    for uid, root in kelompok.items():
        if root in baris:
            baris[root].jumlah_unit += 1
            if uid in per_unit:
                baris[root].rekap.gabung(per_unit[uid])
    total = RekapAbk()
    for b in baris.values():
        total.gabung(b.rekap)
    tampil = [b for b in baris.values() if b.unit.aktif or not b.rekap.kosong]
    return _urutkan(tampil, urut), total


def abk_rincian(unit: UnitKerja, *, jenis_jabatan: str = "") -> tuple[list[BarisRekap], RekapAbk]:
    """The unit and every unit below it, in tree order, each with its own figures (not its
    sub-units'), and the total (= the unit's row on the overview). Three queries."""
    units = _unit_semua()
    induk = {uid: row[4] for uid, row in units.items()}
    subtree = unit_turunan_ids([unit.pk], induk)
    per_unit = rekap_per_unit(abk_posisi(unit_ids=subtree, jenis_jabatan=jenis_jabatan))
    anak: dict[int | None, list[int]] = defaultdict(list)
    for uid, row in units.items():  # already sorted by name
        if uid in subtree and uid != unit.pk:
            anak[row[4]].append(uid)
    baris, todo, seen = [], [(unit.pk, 0)], set()
    while todo:
        uid, tingkat = todo.pop()
        if uid in seen:
            continue
        seen.add(uid)
        rekap = per_unit.get(uid, RekapAbk())
        aktif = units[uid][5] if uid in units else unit.aktif
        if aktif or not rekap.kosong or uid == unit.pk:
            u = unit if uid == unit.pk else _unit_obj(units[uid])
            baris.append(BarisRekap(unit=u, rekap=rekap, tingkat=tingkat))
        todo.extend((a, tingkat + 1) for a in reversed(anak[uid]))
    total = RekapAbk()
    for r in per_unit.values():
        total.gabung(r)
    return baris, total


@dataclass
class JabatanUnit:
    """One position in a unit page: its figures, tasks and holders."""

    jabatan: Jabatan
    posisi: PosisiAbk
    tugas: list[TugasJabatan] = field(default_factory=list)
    pemangku: list[RiwayatJabatan] = field(default_factory=list)


def abk_unit(unit: UnitKerja, *, jenis_jabatan: str = "") -> tuple[list[JabatanUnit], RekapAbk]:
    """Per position of one unit (own staff only, not sub-units'): figures, tasks, holders. Five queries."""
    posisi = abk_posisi(unit_ids=[unit.pk], jenis_jabatan=jenis_jabatan)
    jabatan = Jabatan.objects.in_bulk([j for (_u, j) in posisi])
    tugas = defaultdict(list)
    for t in TugasJabatan.objects.filter(unit=unit, jabatan_id__in=list(jabatan)).order_by("uraian"):
        tugas[t.jabatan_id].append(t)
    pemangku = defaultdict(list)
    staf = (
        RiwayatJabatan.objects.sekarang()
        .filter(unit=unit, pegawai__aktif=True, jabatan_id__in=list(jabatan))
        .select_related("pegawai")
        .order_by("mulai", "pegawai__nama")
    )
    for r in staf:
        pemangku[r.jabatan_id].append(r)
    baris, total = [], RekapAbk()
    for (_u, jid), p in posisi.items():
        total.tambah(p)
        baris.append(JabatanUnit(jabatan=jabatan[jid], posisi=p, tugas=tugas[jid], pemangku=pemangku[jid]))
    baris.sort(key=lambda b: (-b.jabatan.kelas, b.jabatan.nama))
    return baris, total


def abk_posisi_satu(unit: UnitKerja, jabatan: Jabatan) -> PosisiAbk:
    """The figures of one unit x position (two queries), with zeros when nothing is recorded."""
    p = abk_posisi(unit_ids=[unit.pk], jabatan_ids=[jabatan.pk]).get((unit.pk, jabatan.pk))
    return p or PosisiAbk(unit.pk, jabatan.pk).hitung()


def jabatan_ambil(pk: int) -> Jabatan:
    """A position, with its required competences (reference data: whoever reads the needs
    analysis may read every position)."""
    return get_object_or_404(Jabatan.objects.prefetch_related("kompetensi"), pk=pk)


def tugas_ambil(user: Pengguna, pk: int) -> TugasJabatan:
    """A task with its unit and position; 404 unless the user may see its unit."""
    return get_object_or_404(
        TugasJabatan.objects.filter(unit__in=unit_terlihat(user)).select_related("unit", "jabatan"), pk=pk
    )


def tugas_daftar(unit: UnitKerja, jabatan: Jabatan) -> QuerySet[TugasJabatan]:
    """The tasks of a unit x position, each with its hours per year (`jam`). One query."""
    return (
        TugasJabatan.objects.filter(unit=unit, jabatan=jabatan)
        .annotate(jam=F("volume") * F("norma_waktu"))
        .order_by("uraian")
    )


def unit_leluhur_dari(unit: UnitKerja) -> list[UnitKerja]:
    """The units above `unit`, the OPD first, for the breadcrumb. One query."""
    units = {u.pk: u for u in UnitKerja.objects.only("id", "nama", "induk_id", "kode", "jenis")}
    hasil, seen, node = [], {unit.pk}, units.get(unit.induk_id)
    while node is not None and node.pk not in seen:
        hasil.append(node)
        seen.add(node.pk)
        node = units.get(node.induk_id)
    return list(reversed(hasil))


def grafik_ikhtisar(baris: list[BarisRekap], *, batas: int = 20) -> dict:
    """Data for the overview's bar chart: the units with the largest shortages (and their surplus)."""
    pilih = sorted(
        (b for b in baris if b.rekap.kekurangan or b.rekap.kelebihan),
        key=lambda b: (-b.rekap.kekurangan, -b.rekap.kelebihan, b.unit.nama),
    )[:batas]
    return {
        "id": [b.unit.pk for b in pilih],
        "label": [b.unit.nama for b in pilih],
        "kekurangan": [b.rekap.kekurangan for b in pilih],
        "kelebihan": [b.rekap.kelebihan for b in pilih],
        "judul_kekurangan": _("Kekurangan"),
        "judul_kelebihan": _("Kelebihan"),
    }
