"""The daily reminders (`manage.py ingatkan_pelatihan`): one mail per employee listing their
assignments due soon or overdue, and one per unit head listing their staff's overdue ones, in the
site's language. Each assignment records the day it was reminded, so a second run the same day
sends nothing, and a mail that fails is tried again the next run."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from inti.surel import alamat, surel_kirim
from pegawai.models import Pegawai, RiwayatJabatan, UnitKerja

from ..models import STATUS_AKTIF, PenugasanPelatihan
from .umum import tautan

JUDUL_PEGAWAI = gettext_lazy("Pengingat tenggat pelatihan")
JUDUL_KEPALA = gettext_lazy("Pelatihan staf yang melewati tenggat")


@dataclass
class LaporanPengingat:
    mendekati: int = 0  # assignments reminded before their due date
    terlambat: int = 0  # assignments reminded as overdue
    email: int = 0  # messages sent


def _perlu_diingatkan(t: PenugasanPelatihan, hari_ini: date) -> str | None:
    """'mendekati', 'terlambat' or None. Robust to missed days: the window reminder goes out once
    when the assignment enters the window; overdue ones repeat every PELATIHAN_INGATKAN_TERLAMBAT_HARI."""
    if t.diingatkan_pada == hari_ini:
        return None
    terakhir = t.diingatkan_pada
    if t.tenggat < hari_ini:
        if terakhir is None or terakhir <= t.tenggat:
            return "terlambat"
        if (hari_ini - terakhir).days >= settings.PELATIHAN_INGATKAN_TERLAMBAT_HARI:
            return "terlambat"
        return None
    awal_jendela = t.tenggat - timedelta(days=settings.PELATIHAN_INGATKAN_HARI)
    if hari_ini >= awal_jendela and (terakhir is None or terakhir < awal_jendela):
        return "mendekati"
    return None


def pengingat_kirim(*, hari_ini: date | None = None) -> LaporanPengingat:
    """Send the day's reminders and report how many went out."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini + timedelta(days=settings.PELATIHAN_INGATKAN_HARI)
    calon = (
        PenugasanPelatihan.objects.filter(status__in=STATUS_AKTIF, tenggat__lte=batas)
        .exclude(diingatkan_pada=hari_ini)
        .select_related("pegawai", "pegawai__akun", "pelatihan")
        .order_by("pegawai_id", "tenggat")
    )
    laporan = LaporanPengingat()
    per_pegawai: dict[int, list[tuple[PenugasanPelatihan, str]]] = {}
    for t in calon:
        jenis = _perlu_diingatkan(t, hari_ini)
        if jenis:
            per_pegawai.setdefault(t.pegawai_id, []).append((t, jenis))
    if not per_pegawai:
        return laporan
    kepala = _kepala_per_pegawai(list(per_pegawai))
    per_kepala: dict[int, list[PenugasanPelatihan]] = {}
    for daftar in per_pegawai.values():
        pegawai = daftar[0][0].pegawai
        mendekati = [t for t, j in daftar if j == "mendekati"]
        terlambat = [t for t, j in daftar if j == "terlambat"]
        kepada = alamat(pegawai)
        terkirim = surel_kirim(
            kepada=kepada,
            judul=JUDUL_PEGAWAI,
            template="email/pelatihan_pengingat.txt",
            konteks={
                "pegawai": pegawai,
                "mendekati": mendekati,
                "terlambat": terlambat,
                "hari_ini": hari_ini,
                "tautan": tautan("pelatihan:saya"),
            },
        )
        if kepada and not terkirim:
            continue  # the mail server failed: not marked, so the next run tries again
        laporan.email += terkirim
        laporan.mendekati += len(mendekati)
        laporan.terlambat += len(terlambat)
        k = kepala.get(pegawai.pk)
        if terlambat and k is not None and k.pk != pegawai.pk:
            per_kepala.setdefault(k.pk, []).extend(terlambat)
        with transaction.atomic():
            PenugasanPelatihan.objects.filter(pk__in=[t.pk for t, _j in daftar]).update(diingatkan_pada=hari_ini)
    kepala_by_id = {k.pk: k for k in kepala.values() if k is not None}
    for kid, daftar in per_kepala.items():
        laporan.email += surel_kirim(
            kepada=alamat(kepala_by_id[kid]),
            judul=JUDUL_KEPALA,
            template="email/pelatihan_terlambat_kepala.txt",
            konteks={"kepala": kepala_by_id[kid], "daftar": daftar, "tautan": tautan("pelatihan:penugasan")},
        )
    return laporan


def _kepala_per_pegawai(pegawai_ids: list[int]) -> dict[int, Pegawai | None]:
    """The head of each employee's current unit, escalating upward when the unit has none or the
    employee heads it (the rule approvers follow in mutasi); three queries in all."""
    unit = dict(
        RiwayatJabatan.objects.sekarang().filter(pegawai_id__in=pegawai_ids).values_list("pegawai_id", "unit_id")
    )
    peta = {u["id"]: (u["induk_id"], u["kepala_id"]) for u in UnitKerja.objects.values("id", "induk_id", "kepala_id")}
    kepala_id: dict[int, int | None] = {}
    for pid, uid in unit.items():
        seen, node, hasil = set(), uid, None
        while node is not None and node not in seen:
            seen.add(node)
            induk, kid = peta.get(node, (None, None))
            if kid is not None and kid != pid:
                hasil = kid
                break
            node = induk
        kepala_id[pid] = hasil
    orang = Pegawai.objects.select_related("akun").in_bulk([k for k in kepala_id.values() if k])
    return {pid: orang.get(kid) if kid else None for pid, kid in kepala_id.items()}
