"""The pieces every kind of import is made of.

A kind (`JenisImpor` subclass) is declared as: its columns (`Kolom`: canonical Indonesian
header, English aliases, a cell parser, required or not), the columns that form the match
key, and four small steps the engine (`mesin.proses`) calls:

- `siapkan()`            preload lookups (units, positions...) into dicts, once;
- `periksa(data, galat)` check one parsed row on its own, no queries; return the row's item;
- `rencanakan(batch, galat)`  compare a batch of items with the database (one query per batch),
                         return a `Rencana` per row: new, changed (with the differences) or same;
- `terapkan(rencana, konteks)` write a batch in bulk; `selesaikan(konteks)` after the last batch.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from ..aturan import ATURAN
from ..aturan import periksa as aturan_periksa
from .nilai import HAPUS, Parser, Teks

BARU, UBAH, SAMA = "baru", "ubah", "sama"


def normal_judul(teks: Any) -> str:
    """Header names compare without case, spaces or punctuation: 'Tanggal  lahir' == 'TANGGAL_LAHIR'."""
    return re.sub(r"[\W_]+", "", str(teks or "").casefold())


@dataclass(frozen=True)
class Kolom:
    nama: str  # canonical header: what exports and templates write and messages name
    kunci: str  # key of the value in the parsed row
    ubah: Parser = field(default_factory=lambda: Teks(200))
    alias: tuple[str, ...] = ()  # other accepted headers (English, SIASN names...)
    wajib: bool = False  # the column must be present and each cell filled...
    boleh_kosong: bool = False  # ...unless the kind decides per row (e.g. only new rows need it)
    keterangan: str = ""  # for the column reference and the template's notes
    contoh: str = ""

    def nama_dikenal(self) -> set[str]:
        return {normal_judul(self.nama), normal_judul(self.kunci), *(normal_judul(a) for a in self.alias)}


@dataclass(frozen=True)
class Galat:
    """One error: row number (None for the file as a whole), column name, Indonesian message."""

    baris: int | None
    kolom: str | None
    pesan: str
    aturan: str = ""  # code of the plausibility rule broken (pegawai.aturan), which HR may relax

    def __str__(self):
        if self.baris is None:
            return self.pesan if not self.kolom else _("kolom %(k)s: %(p)s") % {"k": self.kolom, "p": self.pesan}
        if self.kolom:
            return _("baris %(b)s, kolom %(k)s: %(p)s") % {"b": self.baris, "k": self.kolom, "p": self.pesan}
        return _("baris %(b)s: %(p)s") % {"b": self.baris, "p": self.pesan}


Lapor = Callable[..., None]  # galat(kolom, pesan, aturan="") for the current row


def lapor_baris(galat: Callable[..., None], baris: int) -> Lapor:
    """A batch's reporter `galat(baris, kolom, pesan, aturan)` bound to one row, as `periksa` gets it."""
    return lambda kolom, pesan, aturan="": galat(baris, kolom, pesan, aturan)


@dataclass
class Rencana:
    """What importing one row will do."""

    baris: int
    aksi: str  # BARU, UBAH or SAMA
    label: str  # how the row's record is named in the preview
    perubahan: dict[str, tuple[str, str]] = field(default_factory=dict)  # column -> (before, after)
    data: Any = None  # the kind's own payload for `terapkan`


@dataclass
class Konteks:
    """Who runs a writing import, and the run record being filled."""

    oleh: Any = None
    impor: Model | None = None
    waktu: datetime = field(default_factory=timezone.now)


def tampil(nilai: Any) -> str:
    """A value as the preview shows a before/after difference."""
    if nilai is None or nilai == "":
        return "-"
    if isinstance(nilai, date):
        return nilai.strftime("%d-%m-%Y")
    if isinstance(nilai, bool):
        return _("Ya") if nilai else _("Tidak")
    return str(nilai)


class JenisImpor:
    """Base of a kind of import; subclasses declare and implement the steps (see module doc)."""

    kode: str = ""
    label: str = ""
    keterangan: str = ""
    kolom: tuple[Kolom, ...] = ()
    kunci: tuple[str, ...] = ()  # Kolom.kunci values forming the match key
    ukuran_batch: int | None = 2000  # None: the whole file is one batch (small reference tables)

    def __init__(self, longgar: dict[str, str] | None = None):
        self.kolom_ada: set[str] = set()  # keys of the columns the file has (set by the engine)
        self.longgar: dict[str, str] = dict(longgar or {})  # rule code -> HR's reason for relaxing it
        self.dilonggarkan: dict[str, int] = {}  # rule code -> rows that broke a relaxed rule

    def cek(self, galat, kolom: str, kode: str, **data) -> bool:
        """Apply plausibility rule `kode` (pegawai.aturan) to a row: report its message on
        `kolom` (with the rule's code, so HR can relax it) and return True when it is broken;
        a rule HR relaxed for this file is only counted."""
        pesan = aturan_periksa(kode, **data)
        if pesan is None:
            return False
        if kode in self.longgar and ATURAN[kode].dilonggarkan:
            self.dilonggarkan[kode] = self.dilonggarkan.get(kode, 0) + 1
            return False
        galat(kolom, pesan, aturan=kode)
        return True

    def cek_golongan(
        self, galat, kolom: str, nip: str, status: str, golongan: str | None, pendidikan: str | None, pada=None
    ) -> bool:
        """Rule golongan_masa_kerja (with `cek`): the rank is possible for the education and the
        years of service by `pada` (default today), the years counted from the TMT CPNS in the NIP."""
        return self.cek(
            galat,
            kolom,
            "golongan_masa_kerja",
            nip=nip,
            status=status,
            golongan=golongan,
            pendidikan=pendidikan,
            pada=pada,
        )

    def tetap(self, d: dict[str, Any], lama: dict[str, Any] | None, fields: Iterable[str], kosong: Any = "") -> None:
        """The one empty-cell rule: an empty cell keeps the stored value (`lama`; a new record
        gets `kosong`), the marker `-` clears it. Only for the columns the file has."""
        for k in fields:
            if not self.ada(k):
                continue
            v = d.get(k)
            if v is HAPUS:
                d[k] = kosong
            elif v is None:
                d[k] = lama[k] if lama is not None else kosong

    # -- declared helpers --
    @classmethod
    def kolom_wajib(cls) -> list[Kolom]:
        return [k for k in cls.kolom if k.wajib]

    @classmethod
    def kolom_menurut_kunci(cls) -> dict[str, Kolom]:
        return {k.kunci: k for k in cls.kolom}

    def nama_kolom(self, kunci: str) -> str:
        return self.kolom_menurut_kunci()[kunci].nama

    def ada(self, kunci: str) -> bool:
        """Whether the file has this column: an absent optional column leaves stored values alone."""
        return kunci in self.kolom_ada

    def kunci_baris(self, data: dict[str, Any]) -> tuple | None:
        """The row's match key (None when a key cell is empty or unreadable); two rows with
        one key are an error naming both."""
        nilai = tuple(data.get(k) for k in self.kunci)
        return None if None in nilai else nilai

    def label_kunci(self, data: dict[str, Any]) -> str:
        return " / ".join(tampil(data.get(k)) for k in self.kunci)

    @staticmethod
    def bandingkan(
        lama: dict[str, Any], baru: dict[str, Any], nama: dict[str, str], kunci: Iterable[str]
    ) -> dict[str, tuple[str, str]]:
        """{column name: (before, after)} for the keys whose values differ."""
        return {nama[k]: (tampil(lama[k]), tampil(baru[k])) for k in kunci if lama[k] != baru[k]}

    def nama_per_kunci(self) -> dict[str, str]:
        """{Kolom.kunci: column name}: how the preview names a value."""
        return {k.kunci: k.nama for k in self.kolom}

    def rencana_baru(self, baris: int, label: str, d: dict[str, Any], fields: Iterable[str]) -> Rencana:
        """The plan of a row that makes a new record: the preview lists every field the row fills."""
        nama = self.nama_per_kunci()
        baru = {nama[k]: ("-", tampil(d[k])) for k in fields if d.get(k) not in (None, "")}
        return Rencana(baris, BARU, label, baru, d)

    def rencana_ada(
        self, baris: int, label: str, lama: Any, d: dict[str, Any], fields: list[str], objek: Any
    ) -> Rencana:
        """The plan of a row matching the stored record `objek`, whose values are `lama` (a dict, or
        read from the record's attributes): UBAH with the columns that differ, else SAMA."""
        if not isinstance(lama, dict):
            lama = {k: getattr(lama, k) for k in fields}
        perubahan = self.bandingkan(lama, d, self.nama_per_kunci(), fields)
        return Rencana(baris, UBAH if perubahan else SAMA, label, perubahan, (objek, d))

    # -- steps --
    def siapkan(self) -> None:
        pass

    def periksa(self, data: dict[str, Any], galat: Lapor) -> Any:
        return data

    def rencanakan(self, batch: list[tuple[int, Any]], galat: Callable[[int, str | None, str], None]) -> list[Rencana]:
        raise NotImplementedError

    def terapkan(self, rencana: list[Rencana], konteks: Konteks) -> None:
        raise NotImplementedError

    def selesaikan(self, konteks: Konteks) -> None:
        pass
