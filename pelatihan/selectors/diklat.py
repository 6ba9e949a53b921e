"""Training per employee for the DUK (pegawai's reports read it through the
LAPORAN_DIKLAT_PEGAWAI hook: pegawai may not import this app)."""

from datetime import date

from ..models import PenugasanPelatihan, StatusPenugasan


def diklat_per_pegawai(ids: list[int]) -> dict[int, tuple[int, str, date | None]]:
    """{employee id: (completed trainings, the latest one's name, its completion date)}. One query
    per 10,000 employees (SQLite limits the parameters of one query)."""
    hasil: dict[int, tuple[int, str, date | None]] = {}
    for awal in range(0, len(ids), 10_000):
        baris = (
            PenugasanPelatihan.objects.filter(pegawai_id__in=ids[awal : awal + 10_000], status=StatusPenugasan.SELESAI)
            .order_by("pegawai_id", "tanggal_selesai", "pk")
            .values_list("pegawai_id", "pelatihan__nama", "tanggal_selesai")
        )
        for pid, nama, tanggal in baris:
            jumlah = hasil[pid][0] + 1 if pid in hasil else 1
            hasil[pid] = (jumlah, nama, tanggal)
    return hasil
