"""Background work: Django's tasks API on django-tasks-db's database queue (worker: `manage.py
db_worker`), with what that package lacks: progress a page can show, and recovery of tasks a killed
worker left RUNNING.

- `ProgresTugas`: one row per piece of background work (who started it, rows done out of total, the
  phase, a heartbeat, the result for the page). The page polls it through a small JSON view of the
  app that owns the work, so the bar survives a reload.
- `tugas_mulai(fungsi="app.tasks.name", jenis=, argumen=, oleh=)`: create the row and enqueue
  `fungsi(progres_id=..., **argumen)`. A task must be idempotent: it may run again after a crash.
- `Pelapor.mulai(progres_id)`: inside the task. Returns None when the work is already done (a re-run
  after a crash that happened between commit and the end of the task), else marks it running;
  `maju()` reports rows done (a few writes a second at most, and a heartbeat), `selesai()` /
  `gagal()` end it. Call `selesai()` inside the transaction that writes the work, so the data and
  "done" commit together: a task then never applies its work twice.
- `tugas_pulihkan()`: a running row whose heartbeat is older than `TUGAS_BASI_MENIT` belongs to a dead
  worker (SIGKILL leaves django-tasks-db's row RUNNING forever). Its queue row is marked failed and the
  work is queued again, at most `MAKS_PERCOBAAN` times in all; then it is marked failed so the user
  can start it again. `manage.py pulihkan_tugas` runs it (at every worker start and from a timer).

Progress written while the task holds a long transaction goes through a second connection, so the
page sees it before the commit (PostgreSQL). SQLite has one writer at a time: there, progress inside
such a transaction is skipped and the page shows the last figure until the commit.
"""

import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .audit import Pelaku
from .galat import LayananError
from .models import ProgresTugas
from .transisi import Alur, Transisi, tabel

MAKS_PERCOBAAN = 3
JEDA_LAPOR_DETIK = 0.5  # at most two progress writes a second


S = ProgresTugas.Status


class AlurTugas(Alur):
    """Background work moves only by the worker (and the recovery of a dead worker's work)."""

    model = ProgresTugas
    awalan_audit = "inti.tugas"
    transisi = tabel(
        # A re-run (after a crash, or the queue running it again) starts over; done work is never re-run.
        Transisi(
            "mulai", (S.MENUNGGU, S.BERJALAN, S.GAGAL), S.BERJALAN, gettext_lazy("Mulai"), "sistem", internal=True
        ),
        Transisi("selesai", (S.BERJALAN,), S.SELESAI, gettext_lazy("Selesai"), "sistem", internal=True),
        Transisi("gagal", (S.MENUNGGU, S.BERJALAN), S.GAGAL, gettext_lazy("Gagal"), "sistem", internal=True),
        Transisi("ulang", (S.BERJALAN,), S.MENUNGGU, gettext_lazy("Diantrekan ulang"), "sistem", internal=True),
    )

    def hak(self, t: Transisi, obj: ProgresTugas, user: Any, **konteks: Any) -> tuple[bool, str]:
        if user is None:
            return True, _("sistem")
        return False, _("Status tugas latar hanya diubah oleh pekerja latar.")

    def pesan_status(self, obj: ProgresTugas, t: Transisi) -> str:
        return _("Tugas ini sudah %(status)s.") % {"status": obj.get_status_display().lower()}

    def ringkasan(self, obj: ProgresTugas, lama: str, t: Transisi) -> str:
        return f"Tugas {obj.jenis} #{obj.pk}: {t.label}"


ALUR = AlurTugas()


def tugas_mulai(
    *, fungsi: str, jenis: str, argumen: dict[str, Any], oleh: Pelaku = None, kunci: str = "", total: int = 0
) -> ProgresTugas:
    """Record the work and put it in the queue: `fungsi` (the dotted path of a django.tasks Task taking
    `progres_id` and `argumen` as keywords, JSON values only) runs in the worker. A path, not the
    task, so a service can name the task module that imports it without an import circle."""
    oleh = oleh if getattr(oleh, "is_authenticated", False) else None
    with transaction.atomic():
        p = ProgresTugas.objects.create(
            jenis=jenis,
            kunci=kunci[:100],
            total=total,
            dibuat_oleh=oleh,
            tugas_path=fungsi,
            argumen=argumen,
        )
        ALUR.catat(objek=p, aksi="antre", oleh=oleh, dari="")
        _antrekan(p)
    return p


def _antrekan(p: ProgresTugas) -> None:
    fungsi = import_string(p.tugas_path)
    hasil = fungsi.enqueue(progres_id=p.pk, **p.argumen)
    p.tugas_id = str(hasil.id)
    p.save(update_fields=["tugas_id"])


class Pelapor:
    """Progress of one task, reported from inside it."""

    def __init__(self, progres: ProgresTugas):
        self.progres = progres
        self._terakhir = 0.0

    @classmethod
    def mulai(cls, progres_id: int, *, tahap: str = "", total: int | None = None) -> "Pelapor | None":
        if not ProgresTugas.objects.filter(pk=progres_id).exclude(status=S.SELESAI).exists():
            return None

        def ubah(p: ProgresTugas) -> None:
            p.dimulai = p.detak = timezone.now()
            p.berakhir = None
            p.percobaan += 1
            p.selesai, p.pesan, p.tahap = 0, "", tahap
            if total is not None:
                p.total = total

        try:
            p = ALUR.jalankan(objek=progres_id, aksi="mulai", oleh=None, ubah=ubah)
        except LayananError:  # finished or gone meanwhile
            return None
        return cls(p)

    def maju(self, selesai: int, *, tahap: str | None = None, total: int | None = None, paksa: bool = False) -> None:
        """Rows done so far (absolute); written at most every JEDA_LAPOR_DETIK unless `paksa`."""
        p = self.progres
        p.selesai = selesai
        if tahap is not None:
            p.tahap = tahap
        if total is not None:
            p.total = total
        sekarang = time.monotonic()
        if not paksa and sekarang - self._terakhir < JEDA_LAPOR_DETIK:
            return
        self._terakhir = sekarang
        p.detak = timezone.now()
        _tulis_samping(p, {"selesai": p.selesai, "total": p.total, "tahap": p.tahap[:100], "detak": p.detak})

    def selesai(self, *, hasil: dict[str, Any] | None = None, pesan: str = "") -> None:
        """The work is done: in the caller's transaction, so it commits with the work itself."""
        self._akhiri(ProgresTugas.Status.SELESAI, hasil, pesan)

    def gagal(self, pesan: str, *, hasil: dict[str, Any] | None = None) -> None:
        self._akhiri(ProgresTugas.Status.GAGAL, hasil, pesan)

    def _akhiri(self, status: str, hasil: dict[str, Any] | None, pesan: str) -> None:
        p = self.progres
        maju = {"selesai": p.selesai, "total": p.total, "tahap": p.tahap}

        def ubah(o: ProgresTugas) -> None:
            for k, v in maju.items():
                setattr(o, k, v)
            o.pesan, o.berakhir = pesan, timezone.now()
            o.detak = o.berakhir
            if status == S.SELESAI and o.total:
                o.selesai = o.total
            if hasil is not None:
                o.hasil = hasil

        aksi = "selesai" if status == S.SELESAI else "gagal"
        ALUR.jalankan(objek=p, aksi=aksi, oleh=None, catatan=pesan if aksi == "gagal" else "", ubah=ubah)
        _tutup_samping()


def tugas_jalankan(progres_id: int, kerja, *, tahap: str = "", total: int | None = None) -> str:
    """The body of a task: start the progress row, run `kerja(pelapor)`, end it. Work already done
    (a re-run after a crash past its commit) is skipped. An unexpected error marks the row failed
    (with a plain message; the traceback stays in the queue row) and reaches the worker."""
    pelapor = Pelapor.mulai(progres_id, tahap=tahap, total=total)
    if pelapor is None:
        return "sudah selesai"
    try:
        kerja(pelapor)
    except Exception:
        pelapor.gagal(_("Terjadi kesalahan sistem saat tugas berjalan; tidak ada yang setengah tersimpan. Coba lagi."))
        raise
    if not pelapor.progres.berakhir_sudah:
        pelapor.selesai()
    return pelapor.progres.status


_koneksi_samping = None


def _tulis_samping(p: ProgresTugas, nilai: dict[str, Any]) -> None:
    """Write progress so other connections see it now. Outside a transaction: the usual connection.
    Inside one (a long all-or-nothing save): a second connection on PostgreSQL; skipped on SQLite,
    whose single writer is the task's own transaction."""
    if not connection.in_atomic_block:
        ProgresTugas.objects.filter(pk=p.pk).update(**nilai)
        return
    if connection.vendor == "sqlite":
        return
    global _koneksi_samping
    try:
        if _koneksi_samping is None:
            _koneksi_samping = connections.create_connection("default")
        ops = _koneksi_samping.ops
        kolom = ", ".join(f"{ops.quote_name(k)} = %s" for k in nilai)
        with _koneksi_samping.cursor() as cur:
            cur.execute(
                f"UPDATE {ops.quote_name(ProgresTugas._meta.db_table)} SET {kolom} WHERE id = %s",  # noqa: S608
                [*nilai.values(), p.pk],
            )
    except Exception:
        if _koneksi_samping is not None:
            _koneksi_samping.close()
        _koneksi_samping = None


def _tutup_samping() -> None:
    """Close the side connection when a task ends (a worker idles without holding it open)."""
    global _koneksi_samping
    if _koneksi_samping is not None:
        _koneksi_samping.close()
        _koneksi_samping = None


def tugas_pulihkan(*, basi_menit: int | None = None) -> tuple[list[ProgresTugas], list[ProgresTugas]]:
    """Running tasks without a heartbeat for `basi_menit` (default TUGAS_BASI_MENIT): their worker
    died. Each is queued again (its queue row marked failed), or after MAKS_PERCOBAAN attempts
    marked failed. Returns (queued again, given up)."""
    from django_tasks_db.models import DBTaskResult

    basi = settings.TUGAS_BASI_MENIT if basi_menit is None else basi_menit
    batas = timezone.now() - timedelta(minutes=basi)
    ulang, menyerah = [], []
    calon = ProgresTugas.objects.filter(status=ProgresTugas.Status.BERJALAN, detak__lt=batas).values_list(
        "pk", flat=True
    )
    for pk in list(calon):
        with transaction.atomic():
            p = ProgresTugas.objects.select_for_update().get(pk=pk)
            if p.status != ProgresTugas.Status.BERJALAN or (p.detak and p.detak >= batas):
                continue  # finished or woke up meanwhile
            if p.tugas_id:
                DBTaskResult.objects.filter(pk=p.tugas_id, status="RUNNING").update(
                    status="FAILED",
                    finished_at=timezone.now(),
                    exception_class_path="inti.tugas.PekerjaBerhenti",
                    traceback=f"No heartbeat since {p.detak:%Y-%m-%d %H:%M:%S%z}; worker presumed dead.",
                )
            if p.percobaan < MAKS_PERCOBAAN:
                pesan = _(
                    "Pekerja latar berhenti di tengah jalan; tidak ada yang setengah tersimpan. "
                    "Tugas dijalankan ulang dari awal."
                )
                p = ALUR.jalankan(objek=p.pk, aksi="ulang", oleh=None, catatan=pesan, ubah=_pesan(pesan))
                _antrekan(p)
                ulang.append(p)
            else:
                pesan = _(
                    "Pekerja latar berhenti %(n)s kali di tengah tugas ini; tidak ada yang setengah tersimpan. "
                    "Silakan mulai lagi, atau hubungi admin sistem bila terus terjadi."
                ) % {"n": p.percobaan}
                p = ALUR.jalankan(objek=p.pk, aksi="gagal", oleh=None, catatan=pesan, ubah=_pesan(pesan, akhir=True))
                menyerah.append(p)
    return ulang, menyerah


def _pesan(pesan: str, *, akhir: bool = False):
    def ubah(p: ProgresTugas) -> None:
        p.pesan = pesan
        if akhir:
            p.berakhir = timezone.now()

    return ubah
