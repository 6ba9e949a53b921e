"""Emails about reviews: to the employee when feedback is sent, to the reviewer when it is answered
or when a review is handed to them, and the daily reminders (`manage.py ingatkan_evaluasi`).

A mail failure never undoes a step (mutasi's `notifikasi_kirim` logs and carries on). Reminders are
idempotent per day: each reminded review records the date (`diingatkan_pada`), and a review is
reminded again only after settings.EVALUASI_PENGINGAT_ULANG_HARI days."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mutasi.services.notifikasi import notifikasi_kirim
from pegawai.models import Pegawai, Peran, User

from ..models import STATUS_BELUM_DIKIRIM, Evaluasi, StatusEvaluasi


def _alamat(pegawai: Pegawai | None) -> list[str]:
    if pegawai is None:
        return []
    alamat = pegawai.email or (pegawai.akun.email if pegawai.akun_id and pegawai.akun else "")
    return [alamat] if alamat else []


def _alamat_hr() -> list[str]:
    hasil = []
    for u in User.objects.filter(peran=Peran.HR, is_active=True).select_related("pegawai"):
        alamat = u.email or (getattr(u, "pegawai", None) and u.pegawai.email)
        if alamat:
            hasil.append(alamat)
    return sorted(set(hasil))


def _tautan(nama: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(nama, args=args)


def _ambil(evaluasi_id: int) -> Evaluasi:
    return Evaluasi.objects.select_related(
        "pegawai__akun", "penilai__akun", "usulan__tujuan_unit", "usulan__tujuan_jabatan"
    ).get(pk=evaluasi_id)


def kabari_pegawai_terkirim(*, evaluasi_id: int) -> int:
    ev = _ambil(evaluasi_id)
    return notifikasi_kirim(
        alamat=_alamat(ev.pegawai),
        judul=_("Umpan balik %(judul)s telah dikirim") % {"judul": ev.judul},
        template="email/evaluasi_terkirim.txt",
        konteks={"ev": ev, "tautan": _tautan("evaluasi:detail", ev.pk)},
    )


def kabari_penilai_ditanggapi(*, evaluasi_id: int) -> int:
    ev = _ambil(evaluasi_id)
    return notifikasi_kirim(
        alamat=_alamat(ev.penilai),
        judul=_("%(nama)s telah menanggapi %(judul)s") % {"nama": ev.pegawai.nama_lengkap, "judul": ev.judul},
        template="email/evaluasi_ditanggapi.txt",
        konteks={"ev": ev, "tautan": _tautan("evaluasi:detail", ev.pk)},
    )


def kabari_penilai_baru(*, evaluasi_id: int) -> int:
    ev = _ambil(evaluasi_id)
    return notifikasi_kirim(
        alamat=_alamat(ev.penilai),
        judul=_("Anda ditetapkan sebagai penilai %(judul)s") % {"judul": ev.judul},
        template="email/evaluasi_penilai.txt",
        konteks={"ev": ev, "tautan": _tautan("evaluasi:detail", ev.pk)},
    )


@dataclass
class LaporanPengingat:
    penilai: int = 0  # emails to reviewers
    pegawai: int = 0  # emails to employees
    hr: int = 0  # digests to BKPSDM
    evaluasi: list[str] = field(default_factory=list)
    tanpa_email: list[str] = field(default_factory=list)


def _perlu_diingatkan(hari_ini: date) -> Q:
    return Q(diingatkan_pada__isnull=True) | Q(
        diingatkan_pada__lte=hari_ini - timedelta(days=settings.EVALUASI_PENGINGAT_ULANG_HARI)
    )


def ingatkan_evaluasi(*, hari_ini: date | None = None) -> LaporanPengingat:
    """Remind reviewers of reviews due within EVALUASI_PENGINGAT_HARI days or overdue (one email per
    reviewer), employees of feedback left unanswered, and BKPSDM of overdue reviews and of reviews
    nobody is assigned to (one digest)."""
    hari_ini = hari_ini or timezone.localdate()
    laporan = LaporanPengingat()
    ditandai: list[int] = []
    rel = ("pegawai__akun", "penilai__akun", "usulan__tujuan_unit")

    # Reviewers.
    jatuh = (
        Evaluasi.objects.filter(
            status__in=STATUS_BELUM_DIKIRIM,
            jatuh_tempo__lte=hari_ini + timedelta(days=settings.EVALUASI_PENGINGAT_HARI),
        )
        .filter(_perlu_diingatkan(hari_ini))
        .select_related(*rel)
        .order_by("jatuh_tempo", "pk")
    )
    per_penilai: dict[int | None, list[Evaluasi]] = defaultdict(list)
    for ev in jatuh:
        per_penilai[ev.penilai_id].append(ev)
    untuk_hr: list[Evaluasi] = per_penilai.pop(None, [])
    for daftar in per_penilai.values():
        penilai = daftar[0].penilai
        alamat = _alamat(penilai)
        terlambat = [e for e in daftar if e.jatuh_tempo < hari_ini]
        untuk_hr.extend(terlambat)
        if not alamat:
            laporan.tanpa_email.append(penilai.nama_lengkap)
            continue
        laporan.penilai += notifikasi_kirim(
            alamat=alamat,
            judul=_("Pengingat: %(n)s evaluasi pasca mutasi menunggu Anda") % {"n": len(daftar)},
            template="email/evaluasi_pengingat.txt",
            konteks={
                "penilai": penilai,
                "daftar": daftar,
                "hari_ini": hari_ini,
                "tautan": _tautan("evaluasi:daftar") + "?peran=penilai",
            },
        )
        ditandai.extend(e.pk for e in daftar)
        laporan.evaluasi.extend(f"{e.pegawai.nama}: {e.bulan_ke} bulan -> {penilai.nama}" for e in daftar)

    # Employees who have not answered sent feedback.
    batas_kirim = timezone.now() - timedelta(days=settings.EVALUASI_PENGINGAT_ULANG_HARI)
    menunggu = (
        Evaluasi.objects.filter(status=StatusEvaluasi.DIKIRIM, dikirim_pada__lte=batas_kirim)
        .filter(_perlu_diingatkan(hari_ini))
        .select_related(*rel)
    )
    for ev in menunggu:
        alamat = _alamat(ev.pegawai)
        if not alamat:
            laporan.tanpa_email.append(ev.pegawai.nama_lengkap)
            continue
        laporan.pegawai += notifikasi_kirim(
            alamat=alamat,
            judul=_("Pengingat: umpan balik %(judul)s menunggu tanggapan Anda") % {"judul": ev.judul},
            template="email/evaluasi_pengingat_pegawai.txt",
            konteks={"ev": ev, "tautan": _tautan("evaluasi:detail", ev.pk)},
        )
        ditandai.append(ev.pk)
        laporan.evaluasi.append(f"{ev.pegawai.nama}: {ev.bulan_ke} bulan (tanggapan)")

    # BKPSDM: reviews without a reviewer, and the overdue ones reminded today.
    if untuk_hr:
        alamat = _alamat_hr()
        if alamat:
            laporan.hr += notifikasi_kirim(
                alamat=alamat,
                judul=_("Ringkasan evaluasi pasca mutasi yang perlu perhatian (%(n)s)") % {"n": len(untuk_hr)},
                template="email/evaluasi_ringkasan_hr.txt",
                konteks={
                    "tanpa_penilai": [e for e in untuk_hr if e.penilai_id is None],
                    "terlambat": [e for e in untuk_hr if e.penilai_id is not None],
                    "hari_ini": hari_ini,
                    "tautan": _tautan("evaluasi:daftar") + "?tempo=terlambat",
                },
            )
            ditandai.extend(e.pk for e in untuk_hr if e.penilai_id is None)
    if ditandai:
        Evaluasi.objects.filter(pk__in=ditandai).update(diingatkan_pada=hari_ini)
    return laporan
