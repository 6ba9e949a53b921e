"""The review's steps. Each is one function that locks the row (select_for_update), checks the
state and who acts, writes, and leaves an audit row, in one transaction; the emails go after
commit. Two people acting at once: the second finds the state changed and is refused.

    terjadwal --simpan--> draf --kirim--> dikirim --tanggapi--> final
        \\______________kirim______________/        \\--tutup (BKPSDM, after the answer window)--> final

Draft content is the reviewer's alone until it is sent.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.surel import setelah_commit
from pegawai.akses import peran_user
from pegawai.models import Pegawai
from pegawai.services.pegawai import LayananError, audit_catat

from ..models import FIELD_PERILAKU, STATUS_BELUM_DIKIRIM, Evaluasi, StatusEvaluasi
from .matriks import predikat_kinerja
from .notifikasi import evaluasi_kabari

S = StatusEvaluasi

# What the reviewer writes (the form's fields; nothing else is taken from the request).
FIELD_ISI = [
    "hasil_kerja",
    "hasil_kerja_bukti",
    *FIELD_PERILAKU,
    "perilaku",
    "adaptasi",
    "adaptasi_catatan",
    "kekuatan",
    "perbaikan",
    "tindak_lanjut",
    "umpan_balik",
]
# Needed before the review can be sent to the employee.
FIELD_WAJIB_KIRIM = [
    "hasil_kerja",
    "hasil_kerja_bukti",
    *FIELD_PERILAKU,
    "perilaku",
    "adaptasi",
    "kekuatan",
    "perbaikan",
    "umpan_balik",
]


class EvaluasiError(LayananError):
    """A review step was refused (wrong state or wrong person); the message is shown to the user."""


def _pegawai_id(user) -> int | None:
    return peran_user(user).pegawai_id


def boleh_isi(user, ev: Evaluasi) -> bool:
    return ev.status in STATUS_BELUM_DIKIRIM and ev.penilai_id is not None and ev.penilai_id == _pegawai_id(user)


def boleh_tanggapi(user, ev: Evaluasi) -> bool:
    return ev.status == S.DIKIRIM and ev.pegawai_id == _pegawai_id(user)


def batas_tanggapan(ev: Evaluasi):
    """When BKPSDM may close a sent review the employee has not answered."""
    if ev.dikirim_pada is None:
        return None
    return ev.dikirim_pada + timedelta(days=settings.EVALUASI_BATAS_TANGGAPAN_HARI)


def boleh_tutup(user, ev: Evaluasi, sekarang=None) -> bool:
    sekarang = sekarang or timezone.now()
    batas = batas_tanggapan(ev)
    return peran_user(user).hr and ev.status == S.DIKIRIM and batas is not None and sekarang >= batas


def boleh_ganti_penilai(user, ev: Evaluasi) -> bool:
    return peran_user(user).hr and ev.status in STATUS_BELUM_DIKIRIM


def _kunci(ev: Evaluasi) -> Evaluasi:
    """The row, locked, with what the checks read."""
    return Evaluasi.objects.select_for_update().get(pk=ev.pk)


def _simpan(ev: Evaluasi, oleh, aksi: str, ringkasan: str, perubahan: dict | None = None) -> Evaluasi:
    ev.full_clean(validate_unique=False)
    ev.save()
    audit_catat(oleh=oleh, aksi=f"evaluasi.{aksi}", objek=ev, ringkasan=ringkasan, perubahan=perubahan)
    return ev


@transaction.atomic
def evaluasi_simpan(*, evaluasi: Evaluasi, oleh, data: dict[str, Any], kirim: bool = False) -> Evaluasi:
    """The reviewer saves the draft; with `kirim`, checks it is complete and sends it to the
    employee. The predikat is computed here from the two ratings, never taken from input."""
    ev = _kunci(evaluasi)
    if ev.status not in STATUS_BELUM_DIKIRIM:
        raise EvaluasiError(_("Evaluasi ini sudah dikirim ke pegawai dan tidak dapat diubah lagi."))
    if ev.penilai_id is None or ev.penilai_id != _pegawai_id(oleh):
        raise EvaluasiError(_("Hanya penilai evaluasi ini yang dapat mengisinya."))
    for nama in FIELD_ISI:
        if nama in data:
            nilai = data[nama]
            setattr(ev, nama, nilai.strip() if isinstance(nilai, str) else (nilai or ""))
    ev.predikat = predikat_kinerja(ev.hasil_kerja, ev.perilaku)
    status_lama = ev.status
    if kirim:
        kosong = {n: _("Wajib diisi sebelum evaluasi dikirim.") for n in FIELD_WAJIB_KIRIM if not getattr(ev, n)}
        if kosong:
            raise ValidationError(kosong)
        ev.status = S.DIKIRIM
        ev.dikirim_pada = timezone.now()
    else:
        ev.status = S.DRAF
    ev = _simpan(
        ev,
        oleh,
        "kirim" if kirim else "simpan",
        f"{ev.judul} dikirim ke pegawai (predikat {ev.get_predikat_display()})"
        if kirim
        else f"Draf {ev.judul} disimpan",
        {"status": [status_lama, ev.status]} if status_lama != ev.status else None,
    )
    if kirim:
        pk = ev.pk
        setelah_commit(lambda: evaluasi_kabari(evaluasi_id=pk, jenis="terkirim"))
    return ev


@transaction.atomic
def evaluasi_tandai_dibaca(*, evaluasi: Evaluasi, oleh) -> bool:
    """The employee opened the sent feedback: the first time is recorded. True when recorded now."""
    if evaluasi.pegawai_id != _pegawai_id(oleh) or evaluasi.dibaca_pada is not None:
        return False
    n = Evaluasi.objects.filter(pk=evaluasi.pk, dibaca_pada__isnull=True, status__in=[S.DIKIRIM, S.FINAL]).update(
        dibaca_pada=timezone.now()
    )
    if n:
        evaluasi.refresh_from_db(fields=["dibaca_pada"])
        audit_catat(oleh=oleh, aksi="evaluasi.baca", objek=evaluasi, ringkasan=f"{evaluasi.judul} dibaca pegawai")
    return bool(n)


@transaction.atomic
def evaluasi_tanggapi(*, evaluasi: Evaluasi, oleh, tanggapan: str = "") -> Evaluasi:
    """The employee answers (or confirms without a comment): the review becomes final."""
    ev = _kunci(evaluasi)
    if ev.pegawai_id != _pegawai_id(oleh):
        raise EvaluasiError(_("Hanya pegawai yang dievaluasi yang dapat menanggapi evaluasi ini."))
    if ev.status != S.DIKIRIM:
        raise EvaluasiError(_("Evaluasi ini tidak sedang menunggu tanggapan Anda."))
    sekarang = timezone.now()
    ev.tanggapan_pegawai = (tanggapan or "").strip()
    ev.tanggapan_pada = sekarang
    ev.dibaca_pada = ev.dibaca_pada or sekarang
    ev.status = S.FINAL
    ev.final_pada = sekarang
    ev = _simpan(
        ev,
        oleh,
        "tanggapi",
        f"{ev.judul} final: pegawai " + ("memberi tanggapan" if ev.tanggapan_pegawai else "menyetujui tanpa tanggapan"),
        {"status": [S.DIKIRIM, S.FINAL]},
    )
    pk = ev.pk
    setelah_commit(lambda: evaluasi_kabari(evaluasi_id=pk, jenis="ditanggapi"))
    return ev


@transaction.atomic
def evaluasi_tutup(*, evaluasi: Evaluasi, oleh, catatan: str) -> Evaluasi:
    """BKPSDM closes a sent review the employee has not answered within the answer window."""
    ev = _kunci(evaluasi)
    if not peran_user(oleh).hr:
        raise EvaluasiError(_("Hanya staf BKPSDM yang dapat menutup evaluasi."))
    if ev.status != S.DIKIRIM:
        raise EvaluasiError(_("Hanya evaluasi yang menunggu tanggapan pegawai yang dapat ditutup."))
    batas = batas_tanggapan(ev)
    if batas and timezone.now() < batas:
        raise EvaluasiError(
            _("Pegawai masih dapat menanggapi sampai %(batas)s.")
            % {"batas": timezone.localtime(batas).strftime("%d-%m-%Y")}
        )
    if not (catatan or "").strip():
        raise ValidationError({"catatan": _("Tuliskan alasan penutupan.")})
    ev.status = S.FINAL
    ev.final_pada = timezone.now()
    ev.final_catatan = catatan.strip()[:300]
    return _simpan(ev, oleh, "tutup", f"{ev.judul} ditutup BKPSDM tanpa tanggapan pegawai: {ev.final_catatan}")


@transaction.atomic
def evaluasi_ganti_penilai(*, evaluasi: Evaluasi, oleh, penilai: Pegawai, alasan: str) -> Evaluasi:
    """BKPSDM names another reviewer (before the review is sent). A draft passes to the new reviewer."""
    ev = _kunci(evaluasi)
    if not peran_user(oleh).hr:
        raise EvaluasiError(_("Hanya staf BKPSDM yang dapat mengganti penilai."))
    if ev.status not in STATUS_BELUM_DIKIRIM:
        raise EvaluasiError(_("Penilai tidak dapat diganti setelah evaluasi dikirim."))
    if penilai.pk == ev.pegawai_id:
        raise ValidationError({"penilai": _("Pegawai tidak dapat menilai dirinya sendiri.")})
    if not penilai.aktif:
        raise ValidationError({"penilai": _("Penilai harus pegawai aktif.")})
    if penilai.pk == ev.penilai_id:
        raise ValidationError({"penilai": _("Pegawai itu sudah menjadi penilai evaluasi ini.")})
    lama = ev.penilai
    ev.penilai = penilai
    ev.penilai_ditetapkan = True
    ev = _simpan(
        ev,
        oleh,
        "ganti_penilai",
        f"Penilai {ev.judul} diganti: {lama.nama_lengkap if lama else '-'} -> {penilai.nama_lengkap}. Alasan: {alasan}",
        {"penilai": [lama.nip if lama else "", penilai.nip]},
    )
    pk = ev.pk
    setelah_commit(lambda: evaluasi_kabari(evaluasi_id=pk, jenis="penilai"))
    return ev
