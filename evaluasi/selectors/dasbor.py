"""The front page for HR staff and the PPK: transfers in progress by state, approvals waiting too
long, overdue reviews, the most short-staffed units, and the latest outcomes. A fixed number of
queries whatever the data size."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from inti.tembolok import agregat
from mutasi.models import STATUS_TERBUKA, StatusUsulan, UsulanMutasi
from pegawai.models import User
from pegawai.selectors.abk import BarisRekap, abk_ikhtisar

from ..models import STATUS_BELUM_DIKIRIM, Evaluasi, StatusEvaluasi
from .dampak import (
    HASIL_LABEL,
    KOLOM_DAMPAK,
    NAIK,
    TETAP,
    TURUN,
    Kelompok,
    dampak_dari,
    dengan_dampak,
    usulan_laporan,
)

# Proposal states that wait for someone's approval (the step's actor), in workflow order.
STATUS_MENUNGGU = (
    StatusUsulan.DIAJUKAN,
    StatusUsulan.DILEPAS,
    StatusUsulan.DITERIMA,
    StatusUsulan.DIVERIFIKASI,
    StatusUsulan.DIPUTUSKAN,
)


@dataclass
class Dasbor:
    per_status: list[tuple[str, str, int]] = field(default_factory=list)  # (status, label, n)
    berjalan: int = 0
    persetujuan_terlambat: list[UsulanMutasi] = field(default_factory=list)
    persetujuan_terlambat_n: int = 0
    batas_hari: int = 0
    evaluasi_terlambat: list[Evaluasi] = field(default_factory=list)
    evaluasi_terlambat_n: int = 0
    unit_kurang: list[BarisRekap] = field(default_factory=list)
    hasil_terbaru: list[Evaluasi] = field(default_factory=list)
    hasil_terkini: Kelompok | None = None
    sejak_tahun: int = 0

    def grafik(self) -> dict:
        k = self.hasil_terkini
        return {
            "status": {"label": [lbl for _s, lbl, _n in self.per_status], "n": [n for *_x, n in self.per_status]},
            "hasil": {
                "label": [str(HASIL_LABEL[h]) for h in (NAIK, TETAP, TURUN)],
                "n": [k.naik, k.tetap, k.turun] if k else [0, 0, 0],
            },
        }


def dasbor_pimpinan(user: User, *, batas: int = 5) -> Dasbor:
    """The figures for HR staff and the PPK (who read everything: the same for all of them), kept
    in the cache for the day until a write changes employees, proposals, reviews or the workload
    (`inti.tembolok`)."""
    return agregat(
        "dasbor_pimpinan",
        ("pegawai", "mutasi", "evaluasi"),
        lambda: _dasbor_pimpinan(user, batas=batas),
        bagian=(timezone.localdate(), batas),
    )


def _dasbor_pimpinan(user: User, *, batas: int) -> Dasbor:
    sekarang = timezone.now()
    d = Dasbor(batas_hari=settings.DASBOR_PERSETUJUAN_TERLAMBAT_HARI)

    jumlah = dict(
        UsulanMutasi.objects.filter(status__in=STATUS_TERBUKA)
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    d.per_status = [(s, str(StatusUsulan(s).label), jumlah.get(s, 0)) for s in STATUS_TERBUKA]
    d.berjalan = sum(jumlah.values())

    # Waiting at one step longer than the limit: measured from the last status change.
    lama = (
        UsulanMutasi.objects.filter(status__in=STATUS_MENUNGGU)
        .annotate(sejak=Max("riwayat_status__waktu"))
        .filter(sejak__lt=sekarang - timedelta(days=d.batas_hari))
    )
    d.persetujuan_terlambat = list(
        lama.select_related("pegawai", "tujuan_unit", "asal_unit").order_by("sejak", "id")[:batas]
    )
    d.persetujuan_terlambat_n = lama.count()
    for u in d.persetujuan_terlambat:
        u.hari_menunggu = (sekarang - u.sejak).days

    hari_ini = timezone.localdate()
    telat = Evaluasi.objects.filter(status__in=STATUS_BELUM_DIKIRIM, jatuh_tempo__lt=hari_ini)
    d.evaluasi_terlambat = list(
        telat.select_related("pegawai", "penilai", "usulan__tujuan_unit").order_by("jatuh_tempo", "id")[:batas]
    )
    d.evaluasi_terlambat_n = telat.count()
    for ev in d.evaluasi_terlambat:
        ev.hari_terlambat = (hari_ini - ev.jatuh_tempo).days

    baris, _total = abk_ikhtisar(user, urut="-kekurangan")
    d.unit_kurang = [b for b in baris if b.rekap.kekurangan][:batas]

    d.hasil_terbaru = list(
        Evaluasi.objects.filter(status=StatusEvaluasi.FINAL)
        .select_related("pegawai", "usulan__tujuan_unit")
        .order_by("-final_pada", "-id")[:batas]
    )
    # The before/after of those transfers, in one query.
    if d.hasil_terbaru:
        ids = {ev.usulan_id for ev in d.hasil_terbaru}
        dampak = {
            b["id"]: dampak_dari(b)
            for b in dengan_dampak(UsulanMutasi.objects.filter(pk__in=ids)).values(*KOLOM_DAMPAK)
        }
        for ev in d.hasil_terbaru:
            ev.dampak = dampak.get(ev.usulan_id)

    # Outcomes of the transfers with a TMT since 1 January of last year: recent, yet enough of them.
    d.sejak_tahun = hari_ini.year - 1
    k = Kelompok("terkini", "")
    for b in dengan_dampak(usulan_laporan(dari_tahun=d.sejak_tahun)).values(*KOLOM_DAMPAK):
        k.tambah(dampak_dari(b).hasil)
    d.hasil_terkini = k
    return d
