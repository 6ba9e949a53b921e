"""The needs-analysis formula and the figures per unit x position (see the package docstring)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, DecimalField, F, Sum

from inti.tembolok import agregat

from ...models import (
    Pegawai,
    RiwayatJabatan,
    TugasJabatan,
)

DUA_DESIMAL = Decimal("0.01")
SATU = Decimal("1")
_CARA_BULAT = {"half_up": ROUND_HALF_UP, "up": ROUND_CEILING, "down": ROUND_FLOOR}


def kebutuhan_dari_jam(jam: Decimal, jam_efektif: int | None = None) -> Decimal:
    """Needed staff for a workload in hours per year, to two decimals (half up)."""
    jam_efektif = jam_efektif or settings.ABK_JAM_KERJA_EFEKTIF
    return (Decimal(jam) / Decimal(jam_efektif)).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def bulatkan_orang(nilai: Decimal, cara: str | None = None) -> int:
    """Whole people from a fractional need, by the ABK_PEMBULATAN rule."""
    cara = cara or settings.ABK_PEMBULATAN
    if cara not in _CARA_BULAT:
        raise ValueError(f"ABK_PEMBULATAN tidak dikenal: {cara!r} (half_up | up | down)")
    return int(Decimal(nilai).quantize(SATU, rounding=_CARA_BULAT[cara]))


@dataclass
class PosisiAbk:
    """One unit x position: its workload (None = no tasks recorded) and its bezetting."""

    unit_id: int
    jabatan_id: int
    jam: Decimal | None = None
    bezetting: int = 0
    jumlah_tugas: int = 0
    kebutuhan: Decimal | None = field(init=False, default=None)
    kebutuhan_orang: int | None = field(init=False, default=None)

    def hitung(self, jam_efektif: int | None = None, cara: str | None = None) -> PosisiAbk:
        """Fill kebutuhan and kebutuhan_orang (the same arithmetic as `kebutuhan_dari_jam` and
        `bulatkan_orang`, inlined: the overview runs it for every position of the city)."""
        if self.jam is not None:
            cara = cara or settings.ABK_PEMBULATAN
            if cara not in _CARA_BULAT:
                raise ValueError(f"ABK_PEMBULATAN tidak dikenal: {cara!r} (half_up | up | down)")
            efektif = Decimal(jam_efektif or settings.ABK_JAM_KERJA_EFEKTIF)
            self.kebutuhan = (self.jam / efektif).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)
            self.kebutuhan_orang = int(self.kebutuhan.quantize(SATU, rounding=_CARA_BULAT[cara]))
        return self

    @property
    def dianalisis(self) -> bool:
        return self.jam is not None

    @property
    def selisih(self) -> int | None:
        """Positive = shortage, negative = surplus; None when the position is not analysed."""
        return None if self.kebutuhan_orang is None else self.kebutuhan_orang - self.bezetting

    @property
    def kekurangan(self) -> int:
        return max(self.selisih or 0, 0)

    @property
    def kelebihan(self) -> int:
        return max(-(self.selisih or 0), 0)


@dataclass
class RekapAbk:
    """Totals over positions (a unit, an OPD, the city). Built only by adding positions."""

    kebutuhan: Decimal = Decimal("0.00")
    kebutuhan_orang: int = 0
    bezetting: int = 0
    kekurangan: int = 0
    kelebihan: int = 0
    bezetting_belum: int = 0  # staff in positions without recorded tasks
    jabatan_dianalisis: int = 0
    jabatan_belum: int = 0

    def tambah(self, p: PosisiAbk) -> None:
        self.bezetting += p.bezetting
        if p.dianalisis:
            self.kebutuhan += p.kebutuhan
            self.kebutuhan_orang += p.kebutuhan_orang
            self.kekurangan += p.kekurangan
            self.kelebihan += p.kelebihan
            self.jabatan_dianalisis += 1
        else:
            self.bezetting_belum += p.bezetting
            self.jabatan_belum += 1

    def gabung(self, lain: RekapAbk) -> None:
        for nama in self.__dataclass_fields__:
            setattr(self, nama, getattr(self, nama) + getattr(lain, nama))

    @property
    def bezetting_dianalisis(self) -> int:
        return self.bezetting - self.bezetting_belum

    @property
    def selisih(self) -> int:
        """Net: kekurangan - kelebihan (= kebutuhan_orang - bezetting of analysed positions)."""
        return self.kekurangan - self.kelebihan

    @property
    def kosong(self) -> bool:
        return not (self.bezetting or self.jabatan_dianalisis)


def abk_posisi(
    *,
    unit_ids: set[int] | list[int] | None = None,
    jabatan_ids: set[int] | list[int] | None = None,
    jenis_jabatan: str = "",
) -> dict[tuple[int, int], PosisiAbk]:
    """{(unit id, jabatan id): PosisiAbk} for every pair with tasks or staff. Two GROUP BY queries;
    city-wide (no unit or position filter) kept in the cache until employees, positions, their
    history or the workload change (`inti.tembolok`, topic "pegawai")."""
    if unit_ids is None and jabatan_ids is None:
        return agregat(
            "abk_posisi",
            ("pegawai",),
            lambda: _abk_posisi(jenis_jabatan=jenis_jabatan),
            bagian=(jenis_jabatan, settings.ABK_JAM_KERJA_EFEKTIF, settings.ABK_PEMBULATAN),
        )
    return _abk_posisi(unit_ids=unit_ids, jabatan_ids=jabatan_ids, jenis_jabatan=jenis_jabatan)


def _abk_posisi(
    *,
    unit_ids: set[int] | list[int] | None = None,
    jabatan_ids: set[int] | list[int] | None = None,
    jenis_jabatan: str = "",
) -> dict[tuple[int, int], PosisiAbk]:
    tugas = TugasJabatan.objects.all()
    # Active holders only. NOT IN (inactive employees) rather than a join with every employee: the
    # inactive are few, so the database checks a small hashed list instead of joining 100,000 rows
    # (about 2x faster at city scale on both PostgreSQL and SQLite).
    staf = RiwayatJabatan.objects.sekarang().exclude(pegawai_id__in=Pegawai.objects.filter(aktif=False).values("id"))
    if unit_ids is not None:
        tugas, staf = tugas.filter(unit_id__in=unit_ids), staf.filter(unit_id__in=unit_ids)
    if jabatan_ids is not None:
        tugas, staf = tugas.filter(jabatan_id__in=jabatan_ids), staf.filter(jabatan_id__in=jabatan_ids)
    if jenis_jabatan:
        tugas, staf = tugas.filter(jabatan__jenis=jenis_jabatan), staf.filter(jabatan__jenis=jenis_jabatan)
    hasil: dict[tuple[int, int], PosisiAbk] = {}
    beban = (
        tugas.order_by()
        .values("unit_id", "jabatan_id")
        .annotate(
            jam=Sum(F("volume") * F("norma_waktu"), output_field=DecimalField(max_digits=30, decimal_places=4)),
            n=Count("id"),
        )
        .values_list("unit_id", "jabatan_id", "jam", "n")
    )
    for unit_id, jabatan_id, jam, n in beban:
        hasil[unit_id, jabatan_id] = PosisiAbk(unit_id, jabatan_id, jam=jam or Decimal(0), jumlah_tugas=n)
    bezetting = (
        staf.order_by().values("unit_id", "jabatan_id").annotate(n=Count("*")).values_list("unit_id", "jabatan_id", "n")
    )
    for unit_id, jabatan_id, n in bezetting:
        hasil.setdefault((unit_id, jabatan_id), PosisiAbk(unit_id, jabatan_id)).bezetting = n
    jam_efektif, cara = settings.ABK_JAM_KERJA_EFEKTIF, settings.ABK_PEMBULATAN
    for p in hasil.values():
        p.hitung(jam_efektif, cara)
    return hasil


def rekap_per_unit(posisi: dict[tuple[int, int], PosisiAbk]) -> dict[int, RekapAbk]:
    hasil: dict[int, RekapAbk] = defaultdict(RekapAbk)
    for (unit_id, _jabatan_id), p in posisi.items():
        hasil[unit_id].tambah(p)
    return hasil
