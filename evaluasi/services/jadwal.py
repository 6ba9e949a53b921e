"""Scheduling: a carried-out transfer gets one review per interval in settings.EVALUASI_INTERVAL_BULAN,
due that many months after its TMT (the actual TMT: a transfer carried out late still counts from
its TMT, so its reviews may be overdue the day they appear). Transfers not carried out, cancelled,
or leaving the instansi get none. Every function here is idempotent: the signal sent when a transfer
is carried out and the daily `jadwalkan_evaluasi` command may both run on the same transfer."""

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date

from inti.audit import audit_catat
from inti.jejak import ubah_massal
from inti.kalender import tambah_bulan
from inti.laporan import PERINGATAN, Laporan, hasil
from mutasi.models import JenisMutasi, StatusUsulan, UsulanMutasi
from mutasi.selectors.penyetuju import InfoUnit, penyetuju_cari, unit_peta

from ..models import Evaluasi, RiwayatStatusEvaluasi, StatusEvaluasi
from .alur import EvaluasiError, evaluasi_batalkan

log = logging.getLogger(__name__)


def interval_bulan() -> list[int]:
    return sorted({int(b) for b in settings.EVALUASI_INTERVAL_BULAN if int(b) > 0})


def tmt_sejak() -> date | None:
    """settings.EVALUASI_TMT_SEJAK: transfers with an earlier TMT get no reviews (e.g. the go-live date)."""
    nilai = settings.EVALUASI_TMT_SEJAK
    if not nilai:
        return None
    return nilai if isinstance(nilai, date) else parse_date(str(nilai))


def usulan_dievaluasi() -> QuerySet[UsulanMutasi]:
    """Transfers that are reviewed: carried out, with a TMT, staying in the city."""
    qs = UsulanMutasi.objects.filter(status=StatusUsulan.DILAKSANAKAN, tmt__isnull=False).exclude(
        jenis=JenisMutasi.KELUAR
    )
    sejak = tmt_sejak()
    return qs.filter(tmt__gte=sejak) if sejak else qs


def penilai_bawaan(usulan: UsulanMutasi, peta: dict[int, InfoUnit] | None = None) -> int | None:
    """The head of the receiving unit; when the post is vacant (or the employee heads it), the
    nearest head above. None when nobody is left up to the OPD: BKPSDM must name a reviewer."""
    if usulan.tujuan_unit_id is None:
        return None
    return penyetuju_cari(usulan.tujuan_unit_id, usulan.pegawai_id, peta).kepala_id


@transaction.atomic
def evaluasi_jadwalkan(*, usulan: UsulanMutasi, peta: dict[int, InfoUnit] | None = None) -> list[Evaluasi]:
    """Create the reviews a carried-out transfer is still missing. Returns those created now."""
    if not usulan_dievaluasi().filter(pk=usulan.pk).exists():
        return []
    ada = set(Evaluasi.objects.filter(usulan=usulan).values_list("bulan_ke", flat=True))
    kurang = [b for b in interval_bulan() if b not in ada]
    if not kurang:
        return []
    penilai_id = penilai_bawaan(usulan, peta)
    dibuat = []
    for bulan in kurang:
        ev = Evaluasi(
            usulan=usulan,
            pegawai_id=usulan.pegawai_id,
            penilai_id=penilai_id,
            bulan_ke=bulan,
            jatuh_tempo=tambah_bulan(usulan.tmt, bulan),
        )
        ev.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                ev.save()
                # The first row of the review's history (its later moves: services.alur).
                RiwayatStatusEvaluasi.objects.create(
                    evaluasi=ev, aksi="jadwalkan", dari="", ke=ev.status, sebagai="sistem"
                )
        except IntegrityError:
            continue  # a concurrent run scheduled this one first
        dibuat.append(ev)
    if dibuat:
        audit_catat(
            oleh=None,
            aksi="evaluasi.jadwalkan",
            objek=usulan,
            ringkasan="Evaluasi pasca mutasi dijadwalkan: "
            + ", ".join(f"{e.bulan_ke} bulan ({e.jatuh_tempo:%d-%m-%Y})" for e in dibuat),
        )
    return dibuat


@dataclass
class LaporanJadwal(Laporan):
    dijadwalkan: list[str] = hasil("Dijadwalkan")
    penilai_diperbarui: list[str] = hasil("Penilai diperbarui")
    dibatalkan: list[str] = hasil("Dibatalkan", PERINGATAN)


def evaluasi_jadwalkan_semua() -> LaporanJadwal:
    """The daily run: schedule what is missing, keep untouched reviews with the unit's current head,
    cancel scheduled reviews that can no longer be made. Queries do not grow with the number of
    transfers that are already complete."""
    laporan = LaporanJadwal()
    peta = unit_peta()
    jumlah = len(interval_bulan())
    kurang = (
        usulan_dievaluasi()
        .annotate(n=Count("evaluasi"))
        .filter(n__lt=jumlah)
        .select_related("pegawai")
        .order_by("tmt", "pk")
    )
    for u in kurang:
        for ev in evaluasi_jadwalkan(usulan=u, peta=peta):
            laporan.dijadwalkan.append(f"{u.nomor} {u.pegawai.nama}: {ev.bulan_ke} bulan, {ev.jatuh_tempo:%d-%m-%Y}")
    laporan.penilai_diperbarui = evaluasi_perbarui_penilai(peta=peta)
    laporan.dibatalkan = evaluasi_batalkan_usang()
    return laporan


def evaluasi_perbarui_penilai(*, peta: dict[int, InfoUnit] | None = None) -> list[str]:
    """A review nobody has started follows the receiving unit's head (a new head was appointed, or
    the post became vacant), unless BKPSDM named its reviewer."""
    peta = unit_peta() if peta is None else peta
    hasil = []
    qs = Evaluasi.objects.filter(status=StatusEvaluasi.TERJADWAL, penilai_ditetapkan=False).select_related(
        "usulan", "pegawai"
    )
    for ev in qs:
        baru = penilai_bawaan(ev.usulan, peta)
        if baru != ev.penilai_id:
            lama = ev.penilai_id
            ubah_massal(
                Evaluasi.objects.filter(pk=ev.pk, status=StatusEvaluasi.TERJADWAL),
                penilai_id=baru,
                diubah=timezone.now(),
            )
            audit_catat(
                oleh=None,
                aksi="evaluasi.penilai_otomatis",
                objek=ev,
                ringkasan=f"Penilai mengikuti kepala unit tujuan: {lama or '-'} -> {baru or '-'}",
                perubahan={"penilai": [str(lama or ""), str(baru or "")]},
            )
            hasil.append(f"{ev.pegawai.nama}: {ev.bulan_ke} bulan")
    return hasil


def evaluasi_batalkan_usang() -> list[str]:
    """Scheduled (not yet started) reviews of someone who is no longer active, or who was moved
    again before the review fell due, cannot be made any more: cancelled, with the reason."""
    pindah_lagi = UsulanMutasi.objects.filter(
        pegawai_id=OuterRef("pegawai_id"),
        status=StatusUsulan.DILAKSANAKAN,
        tmt__gt=OuterRef("usulan__tmt"),
        tmt__lte=OuterRef("jatuh_tempo"),
    ).exclude(pk=OuterRef("usulan_id"))
    qs = (
        Evaluasi.objects.filter(status=StatusEvaluasi.TERJADWAL)
        .annotate(pindah_lagi=Exists(pindah_lagi))
        .filter(Q(pegawai__aktif=False) | Q(pindah_lagi=True))
        .select_related("pegawai")
    )
    hasil = []
    for ev in qs:
        alasan = "Pegawai tidak aktif lagi." if not ev.pegawai.aktif else "Pegawai dimutasi lagi sebelum jatuh tempo."
        try:
            evaluasi_batalkan(evaluasi=ev, alasan=alasan)
        except EvaluasiError:
            continue  # its reviewer started it meanwhile: it stays
        hasil.append(f"{ev.pegawai.nama}: {ev.bulan_ke} bulan ({alasan})")
    return hasil


def saat_usulan_dilaksanakan(sender, usulan: UsulanMutasi, **kwargs) -> None:
    """Receiver of mutasi.signals.usulan_dilaksanakan: schedule once the carrying out has committed.
    A failure here is logged, never raised (the daily command schedules what was missed)."""
    pk = usulan.pk

    def jadwalkan():
        try:
            evaluasi_jadwalkan(usulan=UsulanMutasi.objects.get(pk=pk))
        except Exception:
            log.exception("Gagal menjadwalkan evaluasi untuk usulan %s", pk)

    transaction.on_commit(jadwalkan)
