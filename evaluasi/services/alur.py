"""The review's workflow: ONE table of allowed moves, performed by `inti.transisi.Alur.jalankan`
(the row locked, state and actor checked, the move applied, a `RiwayatStatusEvaluasi` row and an
audit row written in one transaction, the mail queued for after the commit). Two people acting at
once: the second waits for the lock, then finds the state changed and gets a clear refusal.

    terjadwal --simpan--> draf --simpan--> draf
        |                  |
        +------kirim-------+--> dikirim --tanggapi (the employee)--> final
        |                                 \\--tutup (BKPSDM, after the answer window)--> final
        +--batal (the daily command: the employee left or moved again)--> dibatalkan

Saving a draft is a move too (draf -> draf): the same lock and actor check as sending, and a
history row that says when the reviewer worked on it, never what they wrote. The draft's content
is the reviewer's alone until it is sent (`akses.boleh_baca_isi`).

Not status changes, so not moves: naming another reviewer (`evaluasi_ganti_penilai`, locked and
audited), and recording that the employee opened the feedback (`evaluasi_tandai_dibaca`).
"""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.audit import audit_catat, simpan_tercatat
from inti.galat import LayananError
from inti.jejak import ubah_massal
from inti.surel import setelah_commit
from inti.transisi import Alur, Transisi, tabel
from pegawai.akses import peran_user
from pegawai.models import Pegawai, User

from .. import akses
from ..models import (
    FIELD_ISI,
    FIELD_PERILAKU,
    STATUS_BELUM_DIKIRIM,
    STATUS_TERBUKA,
    Evaluasi,
)
from ..models import StatusEvaluasi as S
from .matriks import predikat_kinerja
from .notifikasi import evaluasi_kabari

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
FINAL_CATATAN_MAKS = 300  # Evaluasi.final_catatan

# Who performs a move.
PENILAI = "penilai"
PEGAWAI = "pegawai"
HR = "hr"
SISTEM = "sistem"


class EvaluasiError(LayananError):
    """A review step was refused (wrong state or wrong person); the message is shown to the user."""


class AlurEvaluasi(Alur):
    model = Evaluasi
    awalan_audit = "evaluasi"
    galat = EvaluasiError
    select_related = ("pegawai", "penilai", "usulan")
    label_lain = {"jadwalkan": S.TERJADWAL.label}
    transisi = tabel(
        Transisi("simpan", STATUS_BELUM_DIKIRIM, S.DRAF, gettext_lazy("Simpan draf"), PENILAI),
        Transisi("kirim", STATUS_BELUM_DIKIRIM, S.DIKIRIM, gettext_lazy("Kirim ke pegawai"), PENILAI),
        Transisi("tanggapi", (S.DIKIRIM,), S.FINAL, gettext_lazy("Kirim tanggapan"), PEGAWAI),
        Transisi("tutup", (S.DIKIRIM,), S.FINAL, gettext_lazy("Tutup evaluasi"), HR, wajib_catatan=True, gaya="danger"),
        Transisi(
            "batal",
            (S.TERJADWAL,),
            S.DIBATALKAN,
            gettext_lazy("Evaluasi dibatalkan"),
            SISTEM,
            wajib_catatan=True,
            internal=True,  # the daily command (`jadwal.evaluasi_batalkan_usang`), never a button
        ),
    )

    def pesan_status(self, obj: Evaluasi, t: Transisi) -> str:
        """Why a move cannot be made in the review's state, as the reviewer or employee sees it."""
        if t.aksi in ("simpan", "kirim") and obj.status in STATUS_TERBUKA:
            return _("Evaluasi ini sudah dikirim ke pegawai dan tidak dapat diubah lagi.")
        if t.aksi == "tanggapi":
            return _("Evaluasi ini tidak sedang menunggu tanggapan Anda.")
        if t.aksi == "tutup":
            return _("Hanya evaluasi yang menunggu tanggapan pegawai yang dapat ditutup.")
        return super().pesan_status(obj, t)

    def hak(self, t: Transisi, obj: Evaluasi, user: User | None, **konteks: Any) -> tuple[bool, str]:
        if not getattr(user, "is_authenticated", False):
            return t.pelaku == SISTEM, _("sistem")
        if t.pelaku == PENILAI:
            if akses.adalah_penilai(user, obj):
                return True, _("penilai")
            return False, _("Hanya penilai evaluasi ini yang dapat mengisinya.")
        if t.pelaku == PEGAWAI:
            if akses.adalah_pegawai(user, obj):
                return True, _("pegawai yang dievaluasi")
            return False, _("Hanya pegawai yang dievaluasi yang dapat menanggapi evaluasi ini.")
        if t.pelaku == HR:
            if not peran_user(user).hr:
                return False, _("Hanya staf BKPSDM yang dapat menutup evaluasi.")
            if not akses.tanggapan_lewat(obj):
                batas = akses.batas_tanggapan(obj)
                return False, _("Pegawai masih dapat menanggapi sampai %(batas)s.") % {
                    "batas": timezone.localtime(batas).strftime("%d-%m-%Y") if batas else "-"
                }
            return True, _("staf BKPSDM")
        return False, _("Langkah ini dilakukan otomatis oleh sistem.")

    def syarat(self, t: Transisi, obj: Evaluasi, oleh: User | None, catatan: str, **data: Any) -> dict[str, Any] | None:
        sekarang = timezone.now()
        if t.aksi in ("simpan", "kirim"):
            _isi_terapkan(obj, data.get("isi") or {})
            if t.aksi == "kirim":
                kosong = {
                    n: _("Wajib diisi sebelum evaluasi dikirim.") for n in FIELD_WAJIB_KIRIM if not getattr(obj, n)
                }
                if kosong:
                    raise ValidationError(kosong)
                obj.dikirim_pada = sekarang
        elif t.aksi == "tanggapi":
            obj.tanggapan_pegawai = catatan
            obj.tanggapan_pada = sekarang
            obj.dibaca_pada = obj.dibaca_pada or sekarang
            obj.final_pada = sekarang
        elif t.aksi == "tutup":
            obj.final_pada = sekarang
            obj.final_catatan = catatan[:FINAL_CATATAN_MAKS]
        elif t.aksi == "batal":
            obj.dibatalkan_alasan = catatan[:FINAL_CATATAN_MAKS]
        return None

    def ringkasan(self, obj: Evaluasi, lama: str, t: Transisi) -> str:
        # Audit lines as the records have always read; never the draft's content.
        if t.aksi == "simpan":
            return f"Draf {obj.judul} disimpan"
        if t.aksi == "kirim":
            return f"{obj.judul} dikirim ke pegawai (predikat {obj.get_predikat_display()})"
        if t.aksi == "tanggapi":
            cara = "memberi tanggapan" if obj.tanggapan_pegawai else "menyetujui tanpa tanggapan"
            return f"{obj.judul} final: pegawai {cara}"
        if t.aksi == "tutup":
            return f"{obj.judul} ditutup BKPSDM tanpa tanggapan pegawai: {obj.final_catatan}"
        if t.aksi == "batal":
            return f"Evaluasi dibatalkan: {obj.dibatalkan_alasan}"
        return super().ringkasan(obj, lama, t)

    def kabari(self, obj: Evaluasi, t: Transisi, catatan: str) -> Callable[[], Any] | None:
        jenis = {"kirim": "terkirim", "tanggapi": "ditanggapi"}.get(t.aksi)
        if jenis is None:
            return None
        return partial(evaluasi_kabari, evaluasi_id=obj.pk, jenis=jenis)


ALUR = AlurEvaluasi()
# The history rows' actions as the review's page names them (scheduling is the first row).


def _isi_terapkan(ev: Evaluasi, isi: dict[str, Any]) -> None:
    """The reviewer's fields from `isi` (FIELD_ISI only), and the predikat computed from the two
    ratings (never taken from input)."""
    for nama in FIELD_ISI:
        if nama in isi:
            nilai = isi[nama]
            setattr(ev, nama, nilai.strip() if isinstance(nilai, str) else (nilai or ""))
    ev.predikat = predikat_kinerja(ev.hasil_kerja, ev.perilaku)


# --- The services the views call --------------------------------------------------------------


def evaluasi_simpan(*, evaluasi: Evaluasi, oleh: User, data: dict[str, Any], kirim: bool = False) -> Evaluasi:
    """The reviewer saves the draft; with `kirim`, checks it is complete and sends it to the
    employee (a missing field: ValidationError per field, nothing saved)."""
    return ALUR.jalankan(objek=evaluasi, aksi="kirim" if kirim else "simpan", oleh=oleh, isi=data)


def evaluasi_tanggapi(*, evaluasi: Evaluasi, oleh: User, tanggapan: str = "") -> Evaluasi:
    """The employee answers (or confirms without a comment): the review becomes final."""
    return ALUR.jalankan(objek=evaluasi, aksi="tanggapi", oleh=oleh, catatan=tanggapan)


def evaluasi_tutup(*, evaluasi: Evaluasi, oleh: User, catatan: str) -> Evaluasi:
    """BKPSDM closes a sent review the employee has not answered within the answer window."""
    return ALUR.jalankan(objek=evaluasi, aksi="tutup", oleh=oleh, catatan=catatan)


def evaluasi_batalkan(*, evaluasi: Evaluasi, alasan: str) -> Evaluasi:
    """The system cancels a scheduled review that can no longer be made."""
    return ALUR.jalankan(objek=evaluasi, aksi="batal", oleh=None, catatan=alasan)


@transaction.atomic
def evaluasi_tandai_dibaca(*, evaluasi: Evaluasi, oleh: User) -> bool:
    """The employee opened the sent feedback: the first time is recorded. True when recorded now."""
    if not akses.adalah_pegawai(oleh, evaluasi) or evaluasi.dibaca_pada is not None:
        return False
    n = ubah_massal(
        Evaluasi.objects.filter(pk=evaluasi.pk, dibaca_pada__isnull=True, status__in=STATUS_TERBUKA),
        oleh=oleh,
        dibaca_pada=timezone.now(),
    )
    if n:
        evaluasi.refresh_from_db(fields=["dibaca_pada"])
        audit_catat(oleh=oleh, aksi="evaluasi.baca", objek=evaluasi, ringkasan=f"{evaluasi.judul} dibaca pegawai")
    return bool(n)


@transaction.atomic
def evaluasi_ganti_penilai(*, evaluasi: Evaluasi, oleh: User, penilai: Pegawai, alasan: str) -> Evaluasi:
    """BKPSDM names another reviewer (before the review is sent). A draft passes to the new reviewer.
    Not a move of the workflow (the state stays), but locked and audited the same way."""
    ev = Evaluasi.objects.select_for_update(of=("self",)).select_related("penilai", "pegawai").get(pk=evaluasi.pk)
    if not akses.boleh_ganti_penilai(oleh, ev):
        if not peran_user(oleh).hr:
            raise EvaluasiError(_("Hanya staf BKPSDM yang dapat mengganti penilai."))
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
    simpan_tercatat(
        ev,
        oleh=oleh,
        aksi="evaluasi.ganti_penilai",
        ringkasan=f"Penilai {ev.judul} diganti: {lama.nama_lengkap if lama else '-'} -> {penilai.nama_lengkap}. "
        f"Alasan: {alasan}",
        perubahan={"penilai": [lama.nip if lama else "", penilai.nip]},
        validate_constraints=False,
    )
    pk = ev.pk
    setelah_commit(lambda: evaluasi_kabari(evaluasi_id=pk, jenis="penilai"))
    evaluasi.refresh_from_db()
    return ev
