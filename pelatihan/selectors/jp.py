"""The yearly 20 JP (hours of competence development every civil servant is owed): per employee,
per unit or OPD, and one employee's total."""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from pegawai.models import Pegawai, UnitKerja, User
from pegawai.selectors.pegawai import pegawai_terlihat, unit_induk_map, unit_opd_id, unit_turunan_ids

from ..akses import boleh_lihat_semua_penugasan
from ..models import PenugasanPelatihan, StatusPenugasan
from .umum import urutkan

SP = StatusPenugasan
URUTAN_JP = {"jp": ("jp", "nama"), "nama": ("nama",), "unit": ("posisi__unit__nama", "nama")}


def _jp_tahun(tahun: int) -> Subquery:
    return Subquery(
        PenugasanPelatihan.objects.filter(pegawai_id=OuterRef("pk"), status=SP.SELESAI, tanggal_selesai__year=tahun)
        .order_by()
        .values("pegawai_id")
        .annotate(total=Sum("jp_diperoleh"))
        .values("total")[:1],
        output_field=IntegerField(),
    )


def jp_pegawai(
    user: User, *, tahun: int, unit: int | None = None, q: str = "", hanya_kurang: bool = False, urut: str = "jp"
) -> QuerySet[Pegawai]:
    """Active employees the user may see with `jp` = JP earned in `tahun` (completed, verified
    assignments finished that year); one query."""
    qs = (
        pegawai_terlihat(user)
        .filter(aktif=True)
        .with_posisi()
        .annotate(jp=Coalesce(_jp_tahun(tahun), Value(0)))
        .filter(posisi__isnull=False)
    )
    if unit:
        qs = qs.filter(posisi__unit_id__in=unit_turunan_ids([unit]))
    if q:
        qs = qs.filter(Q(nama__icontains=q.strip()) | Q(nip__startswith=q.strip()))
    if hanya_kurang:
        qs = qs.filter(jp__lt=settings.PELATIHAN_JP_MINIMAL)
    return urutkan(qs, urut, URUTAN_JP, "jp")


@dataclass
class RekapUnit:
    unit: UnitKerja
    jumlah: int = 0
    memenuhi: int = 0
    total_jp: int = 0

    @property
    def kurang(self) -> int:
        return self.jumlah - self.memenuhi

    @property
    def persen(self) -> int:
        return round(100 * self.memenuhi / self.jumlah) if self.jumlah else 0

    @property
    def rata(self) -> float:
        return round(self.total_jp / self.jumlah, 1) if self.jumlah else 0.0


def jp_rekap_unit(user: User, *, tahun: int, unit: int | None = None, per_opd: bool | None = None) -> list[RekapUnit]:
    """Per unit (or per OPD when `per_opd`): head-count, how many reached the yearly minimum,
    and total JP. Two queries; grouping in Python over (unit, jp) pairs."""
    qs = jp_pegawai(user, tahun=tahun, unit=unit).order_by().values_list("posisi__unit_id", "jp")
    induk = unit_induk_map()
    if per_opd is None:
        per_opd = unit is None and boleh_lihat_semua_penugasan(user)
    minimal = settings.PELATIHAN_JP_MINIMAL
    rekap: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for unit_id, jp in qs:
        kunci = unit_opd_id(unit_id, induk) if per_opd else unit_id
        r = rekap[kunci]
        r[0] += 1
        r[1] += jp >= minimal
        r[2] += jp
    unit_by_id = UnitKerja.objects.in_bulk(list(rekap))
    hasil = [RekapUnit(unit_by_id[k], *v) for k, v in rekap.items() if k in unit_by_id]
    return sorted(hasil, key=lambda r: (-r.kurang / max(r.jumlah, 1), r.unit.nama))


def jp_tahun_pegawai(pegawai_id: int | None, tahun: int) -> int:
    if not pegawai_id:
        return 0
    total = PenugasanPelatihan.objects.filter(
        pegawai_id=pegawai_id, status=SP.SELESAI, tanggal_selesai__year=tahun
    ).aggregate(t=Sum("jp_diperoleh"))["t"]
    return total or 0
