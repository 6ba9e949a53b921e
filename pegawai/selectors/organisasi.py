"""Reads for managing the organisation: a unit's formasi against who holds each post now, and
the position list with its holders."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from ..models import Formasi, Jabatan, RiwayatJabatan, UnitKerja


@dataclass(frozen=True)
class BarisFormasi:
    jabatan: Jabatan
    formasi: int  # 0: no formasi row
    terisi: int  # bezetting: active holders posted in the unit now

    @property
    def selisih(self) -> int:
        """Positive: vacancies; negative: more holders than the formasi."""
        return self.formasi - self.terisi


def unit_formasi(unit: UnitKerja) -> list[BarisFormasi]:
    """Each position with a formasi or a holder in the unit (not its sub-units), by name. Two queries."""
    formasi = {f.jabatan_id: f for f in Formasi.objects.filter(unit=unit).select_related("jabatan")}
    terisi = dict(
        RiwayatJabatan.objects.sekarang()
        .filter(unit=unit, pegawai__aktif=True)
        .values("jabatan_id")
        .annotate(n=Count("id"))
        .values_list("jabatan_id", "n")
    )
    kurang = set(terisi) - set(formasi)
    jabatan = {f.jabatan_id: f.jabatan for f in formasi.values()} | Jabatan.objects.in_bulk(kurang)
    baris = [
        BarisFormasi(jabatan=j, formasi=formasi[i].jumlah if i in formasi else 0, terisi=terisi.get(i, 0))
        for i, j in jabatan.items()
    ]
    return sorted(baris, key=lambda b: (-b.jabatan.kelas, b.jabatan.nama))


def jabatan_daftar(*, status: str = "aktif", q: str = "") -> QuerySet[Jabatan]:
    """Positions with their current holders and formasi totals; `status` aktif / ditutup / semua."""
    qs = Jabatan.objects.annotate(
        pemegang=Count("riwayat", filter=Q(riwayat__sampai__isnull=True, riwayat__pegawai__aktif=True), distinct=True),
    ).order_by("nama")
    if status == "aktif":
        qs = qs.filter(aktif=True)
    elif status == "ditutup":
        qs = qs.filter(aktif=False)
    if q:
        qs = qs.filter(nama__icontains=q.strip())
    return qs


def jabatan_pilihan() -> QuerySet[Jabatan]:
    """Open positions, for choices (a closed one stays in history only)."""
    return Jabatan.objects.filter(aktif=True).order_by("nama")
