"""Units and positions preloaded into dicts, so rows resolve them without a query each."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ...models import Jabatan, UnitKerja


@dataclass(frozen=True)
class UnitRingkas:
    id: int
    kode: str
    nama: str
    aktif: bool
    kepala_id: int | None


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
        for row in UnitKerja.objects.values_list("id", "kode", "nama", "aktif", "kepala_id"):
            u = UnitRingkas(*row)
            self.per_id[u.id] = u
            self.per_kode[u.kode] = u
            self.per_nama[u.nama].append(u)
            self._mirip.setdefault(u.kode.casefold(), u)
            self._mirip.setdefault(" ".join(u.nama.split()).casefold(), u)

    def cari(self, teks: str) -> UnitRingkas:
        u = self.per_kode.get(teks)
        if u is None:
            sama_nama = self.per_nama.get(teks, [])
            if len(sama_nama) > 1:
                raise Ditolak(
                    _("nama unit %(n)s dipakai oleh %(j)s unit (kode %(k)s); tulis kode unitnya")
                    % {"n": teks, "j": len(sama_nama), "k": ", ".join(sorted(x.kode for x in sama_nama))}
                )
            u = sama_nama[0] if sama_nama else None
        if u is None:
            mirip = self._mirip.get(teks.casefold())
            saran = (
                _("; maksud Anda %(n)s (kode %(k)s)?") % {"n": mirip.nama, "k": mirip.kode} if mirip is not None else ""
            )
            raise Ditolak(_("unit kerja %(t)s tidak ditemukan (bukan kode maupun nama unit)") % {"t": teks} + saran)
        if not u.aktif:
            raise Ditolak(_("unit kerja %(n)s (kode %(k)s) sudah tidak aktif") % {"n": u.nama, "k": u.kode})
        return u


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
            self._mirip.setdefault(" ".join(j.nama.split()).casefold(), j)

    def cari(self, teks: str) -> JabatanRingkas:
        j = self.per_nama.get(teks)
        if j is None:
            mirip = self._mirip.get(teks.casefold())
            saran = _("; maksud Anda %(n)s?") % {"n": mirip.nama} if mirip is not None else ""
            raise Ditolak(_("jabatan %(t)s tidak ada di daftar jabatan") % {"t": teks} + saran)
        return j
