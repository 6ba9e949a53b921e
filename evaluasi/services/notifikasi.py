"""Emails about reviews: to the employee when feedback is sent, to the reviewer when it is answered
or when a review is handed to them, and the daily reminders (`manage.py ingatkan_evaluasi`).

Every mail goes through `inti.surel`: in the site's language whoever acts, after the commit of the
step that caused it (the workflow queues `evaluasi_kabari` with `setelah_commit`), never undoing the
step when the mail server fails, and muted by `inti.surel.tanpa_notifikasi()`. Reminders are
idempotent per day: each reminded review records the date (`diingatkan_pada`), and a review is
reminded again only after settings.EVALUASI_PENGINGAT_ULANG_HARI days."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.notifikasi import beri_tahu
from inti.surel import alamat, surel_kirim
from pegawai.models import Peran, User

from ..models import STATUS_BELUM_DIKIRIM, Evaluasi, StatusEvaluasi

# The notices of the workflow: recipient (a field of the review), subject, template.
KABAR = {
    "terkirim": ("pegawai", gettext_lazy("Umpan balik %(judul)s telah dikirim"), "email/evaluasi_terkirim.txt"),
    "ditanggapi": ("penilai", gettext_lazy("%(nama)s telah menanggapi %(judul)s"), "email/evaluasi_ditanggapi.txt"),
    "penilai": ("penilai", gettext_lazy("Anda ditetapkan sebagai penilai %(judul)s"), "email/evaluasi_penilai.txt"),
}


def _tautan(nama: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(nama, args=args)


def evaluasi_kabari(*, evaluasi_id: int, jenis: str) -> int:
    """Give one notice of KABAR about a review (called after the commit; the mail goes through the
    worker as the recipient chose); the number of accounts told."""
    ev = Evaluasi.objects.select_related(
        "pegawai__akun", "penilai__akun", "usulan__tujuan_unit", "usulan__tujuan_jabatan"
    ).get(pk=evaluasi_id)
    penerima, judul, template = KABAR[jenis]
    tautan = _tautan("evaluasi:detail", ev.pk)
    baris = beri_tahu(
        penerima=getattr(ev, penerima),
        jenis=f"evaluasi.{jenis}",
        judul=judul % {"judul": ev.judul, "nama": ev.pegawai.nama_lengkap},
        isi=ev.pegawai.nama_lengkap,
        template=template,
        konteks={"ev": ev, "tautan": tautan},
        tautan=tautan,
    )
    return len(baris)


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
    nobody is assigned to (one digest). Subjects are written in the site's language, like the bodies."""
    with translation.override(settings.LANGUAGE_CODE):
        return _ingatkan(hari_ini or timezone.localdate())


def _ingatkan(hari_ini: date) -> LaporanPengingat:
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
        kepada = alamat(penilai)
        terlambat = [e for e in daftar if e.jatuh_tempo < hari_ini]
        untuk_hr.extend(terlambat)
        if not kepada:
            laporan.tanpa_email.append(penilai.nama_lengkap)
            continue
        laporan.penilai += surel_kirim(
            kepada=kepada,
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
        kepada = alamat(ev.pegawai)
        if not kepada:
            laporan.tanpa_email.append(ev.pegawai.nama_lengkap)
            continue
        laporan.pegawai += surel_kirim(
            kepada=kepada,
            judul=_("Pengingat: umpan balik %(judul)s menunggu tanggapan Anda") % {"judul": ev.judul},
            template="email/evaluasi_pengingat_pegawai.txt",
            konteks={"ev": ev, "tautan": _tautan("evaluasi:detail", ev.pk)},
        )
        ditandai.append(ev.pk)
        laporan.evaluasi.append(f"{ev.pegawai.nama}: {ev.bulan_ke} bulan (tanggapan)")

    # BKPSDM: reviews without a reviewer, and the overdue ones reminded today.
    if untuk_hr:
        kepada = alamat(User.objects.filter(peran=Peran.HR, is_active=True).select_related("pegawai"))
        if kepada:
            laporan.hr += surel_kirim(
                kepada=kepada,
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
