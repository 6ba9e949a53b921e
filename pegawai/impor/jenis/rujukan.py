"""Units and positions preloaded into dicts, so rows resolve them without a query each."""

import difflib
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ...models import Jabatan, RiwayatJabatan, TugasJabatan, UnitKerja


@dataclass(frozen=True)
class UnitRingkas:
    id: int
    kode: str
    nama: str
    aktif: bool
    kepala_id: int | None
    jenis: str = ""


def normal_nama(teks: str) -> str:
    """Names compare without case or extra spaces."""
    return " ".join(teks.split()).casefold()


def saran(teks: str, kandidat: dict[str, str]) -> str:
    """'; maksud Anda X, Y?' from the closest names (difflib), or ''."""
    dekat = difflib.get_close_matches(normal_nama(teks), list(kandidat), n=3, cutoff=0.75)
    if not dekat:
        return ""
    return _("; maksud Anda %(n)s?") % {"n": _(" atau ").join(kandidat[k] for k in dekat)}


@dataclass(frozen=True)
class JabatanRingkas:
    id: int
    nama: str
    kepala_unit: bool


class Ditolak(ValueError):
    """A reference that does not resolve; the message says why (Indonesian)."""


class RujukanUnit:
    """Units by code or by exact name (one query)."""

    def __init__(self):
        self.per_id: dict[int, UnitRingkas] = {}
        self.per_kode: dict[str, UnitRingkas] = {}
        self.per_nama: dict[str, list[UnitRingkas]] = defaultdict(list)
        self._mirip: dict[str, UnitRingkas] = {}
        self.per_nama_normal: dict[str, list[UnitRingkas]] = defaultdict(list)
        for row in UnitKerja.objects.values_list("id", "kode", "nama", "aktif", "kepala_id", "jenis"):
            u = UnitRingkas(*row)
            self.per_id[u.id] = u
            self.per_kode[u.kode] = u
            self.per_nama[u.nama].append(u)
            self.per_nama_normal[normal_nama(u.nama)].append(u)
            self._mirip.setdefault(u.kode.casefold(), u)
        self._saran = {normal_nama(u.nama): f"{u.nama} (kode {u.kode})" for u in self.per_id.values()}
        self._saran.update({u.kode.casefold(): f"{u.nama} (kode {u.kode})" for u in self.per_id.values()})

    def cari(self, teks: str) -> UnitRingkas:
        u = self.per_kode.get(teks) or _satu_nama(teks, self.per_nama.get(teks, []))
        if u is None:
            # Without regard to case and extra spaces: a code, then a name used by one unit only.
            u = self._mirip.get(teks.casefold()) or _satu_nama(teks, self.per_nama_normal.get(normal_nama(teks), []))
        if u is None:
            raise Ditolak(
                _("unit kerja %(t)s tidak ditemukan (bukan kode maupun nama unit)") % {"t": teks}
                + saran(teks, self._saran)
            )
        if not u.aktif:
            raise Ditolak(_("unit kerja %(n)s (kode %(k)s) sudah tidak aktif") % {"n": u.nama, "k": u.kode})
        return u


def _satu_nama(teks: str, sama_nama: list[UnitRingkas]) -> UnitRingkas | None:
    """The unit bearing the name `teks` (None when none does); a name several units bear is refused."""
    if len(sama_nama) > 1:
        raise Ditolak(
            _("nama unit %(n)s dipakai oleh %(j)s unit (kode %(k)s); tulis kode unitnya")
            % {"n": teks, "j": len(sama_nama), "k": ", ".join(sorted(x.kode for x in sama_nama))}
        )
    return sama_nama[0] if sama_nama else None


class RujukanJabatan:
    """Positions by exact name (one query)."""

    def __init__(self):
        self.per_nama: dict[str, JabatanRingkas] = {}
        self.per_id: dict[int, JabatanRingkas] = {}
        self._mirip: dict[str, JabatanRingkas] = {}
        for row in Jabatan.objects.values_list("id", "nama", "kepala_unit"):
            j = JabatanRingkas(*row)
            self.per_nama[j.nama] = j
            self.per_id[j.id] = j
            self._mirip.setdefault(normal_nama(j.nama), j)

    def cari(self, teks: str) -> JabatanRingkas:
        j = self.per_nama.get(teks) or self._mirip.get(normal_nama(teks))
        if j is None:
            raise Ditolak(
                _("jabatan %(t)s tidak ada di daftar jabatan") % {"t": teks}
                + saran(teks, {k: v.nama for k, v in self._mirip.items()})
            )
        return j


class RujukanFormasi:
    """Which positions a unit may hold, as the data says (rule formasi_unit_jabatan): the
    positions it already has (held or with workload tasks), and per position the kinds of
    unit it exists in. Two queries."""

    def __init__(self, unit: RujukanUnit):
        self.unit = unit
        self.jabatan_di_unit: dict[int, set[int]] = defaultdict(set)
        self.jenis_unit_jabatan: dict[int, set[str]] = defaultdict(set)
        pasangan = set(RiwayatJabatan.objects.sekarang().values_list("unit_id", "jabatan_id").distinct())
        pasangan |= set(TugasJabatan.objects.values_list("unit_id", "jabatan_id").distinct())
        for unit_id, jabatan_id in pasangan:
            self.jabatan_di_unit[unit_id].add(jabatan_id)
            u = unit.per_id.get(unit_id)
            if u is not None:
                self.jenis_unit_jabatan[jabatan_id].add(u.jenis)

    def data(self, unit_id: int, jabatan_id: int) -> dict:
        return {
            "unit_jenis": self.unit.per_id[unit_id].jenis,
            "jabatan_di_unit": self.jabatan_di_unit.get(unit_id, set()),
            "jabatan_id": jabatan_id,
            "jenis_unit_jabatan": self.jenis_unit_jabatan.get(jabatan_id, set()),
        }


def rujuk(data: dict, galat, *rujukan: tuple[str, str, RujukanUnit | RujukanJabatan]) -> bool:
    """Resolve a row's references, each (column, key, lookup): `data[key + "_id"]` gets the id the
    filled cell names, a refused one is reported on its column. True when one was refused."""
    salah = False
    for kolom, kunci, ruj in rujukan:
        if data.get(kunci) is None:
            continue
        try:
            data[f"{kunci}_id"] = ruj.cari(data[kunci]).id
        except Ditolak as e:
            galat(kolom, str(e))
            salah = True
    return salah
