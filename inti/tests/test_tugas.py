"""Background work (inti.tugas): progress rows, idempotent runs, and recovery of tasks a killed
worker left RUNNING (django-tasks-db never reaps them itself)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.tasks import task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from inti import tugas as modul
from inti.models import CatatanAudit
from inti.tugas import MAKS_PERCOBAAN, Pelapor, ProgresTugas, tugas_jalankan, tugas_mulai, tugas_pulihkan

JEJAK: list[str] = []


@task
def tugas_contoh(*, progres_id: int, n: int) -> str:
    def kerja(p: Pelapor):
        for i in range(1, n + 1):
            p.maju(i, paksa=True)
        JEJAK.append(f"jalan {progres_id}")
        p.selesai(hasil={"url": "/selesai/"}, pesan="beres")

    return tugas_jalankan(progres_id, kerja, tahap="Menghitung", total=n)


@task
def tugas_rusak(*, progres_id: int) -> str:
    def kerja(p: Pelapor):
        raise RuntimeError("boom")

    return tugas_jalankan(progres_id, kerja)


PATH = "inti.tests.test_tugas.tugas_contoh"


@pytest.fixture(autouse=True)
def _bersih():
    JEJAK.clear()


def mulai(n=3, **kw) -> ProgresTugas:
    return tugas_mulai(fungsi=PATH, jenis="contoh", argumen={"n": n}, **kw)


def jalankan_pekerja():
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)


@pytest.mark.django_db
def test_mulai_records_the_work_and_queues_it_with_its_arguments():
    p = mulai(5)
    assert p.status == ProgresTugas.Status.MENUNGGU and p.tugas_path == PATH and p.argumen == {"n": 5}
    antre = DBTaskResult.objects.get(pk=p.tugas_id)
    assert antre.status == "READY" and antre.task_path == PATH
    assert antre.args_kwargs["kwargs"] == {"progres_id": p.pk, "n": 5}


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_it_and_the_row_shows_progress_then_the_result():
    p = mulai(4)
    jalankan_pekerja()
    p.refresh_from_db()
    assert p.status == ProgresTugas.Status.SELESAI and p.percobaan == 1
    assert (p.selesai, p.total, p.persen, p.pesan) == (4, 4, 100, "beres")
    assert p.ke_json()["url"] == "/selesai/" and p.ke_json()["berakhir"] is True
    # Each status through the one transition mechanism: a history row and an audit row per move.
    S = ProgresTugas.Status
    riwayat = list(p.riwayat_status.values_list("aksi", "dari", "ke"))
    assert riwayat == [("antre", "", S.MENUNGGU), ("mulai", S.MENUNGGU, S.BERJALAN), ("selesai", S.BERJALAN, S.SELESAI)]
    assert set(CatatanAudit.objects.filter(objek_id=str(p.pk)).values_list("aksi", flat=True)) >= {
        "inti.tugas.mulai",
        "inti.tugas.selesai",
    }
    assert DBTaskResult.objects.get(pk=p.tugas_id).status == "SUCCESSFUL"
    assert [f"jalan {p.pk}"] == JEJAK


@pytest.mark.django_db(transaction=True)
def test_progress_is_written_where_other_connections_see_it():
    p = mulai(10)
    pelapor = Pelapor.mulai(p.pk, tahap="Memeriksa", total=10)
    pelapor.maju(7, paksa=True)
    p.refresh_from_db()
    assert (p.status, p.selesai, p.total, p.tahap, p.persen) == ("berjalan", 7, 10, "Memeriksa", 70)
    assert p.detak is not None and p.dimulai is not None


@pytest.mark.django_db(transaction=True)
def test_inside_a_long_transaction_on_sqlite_progress_waits_for_the_commit(django_db_blocker):
    from django.db import connection, transaction

    p = mulai(10)
    pelapor = Pelapor.mulai(p.pk, total=10)
    with transaction.atomic():
        pelapor.maju(4, paksa=True)  # SQLite: its one writer is this transaction; PostgreSQL: a side connection
    p.refresh_from_db()
    assert p.selesai == (0 if connection.vendor == "sqlite" else 4)


@pytest.mark.django_db
def test_progress_writes_are_throttled_unless_forced(monkeypatch):
    p = mulai(10)
    pelapor = Pelapor.mulai(p.pk)
    tulis = []
    monkeypatch.setattr(modul, "_tulis_samping", lambda prog, nilai: tulis.append(nilai["selesai"]))
    for i in range(1, 101):
        pelapor.maju(i)
    assert 1 <= len(tulis) <= 2  # a hundred rows in well under a second: one write, not a hundred
    pelapor.maju(100, paksa=True)
    assert tulis[-1] == 100


@pytest.mark.django_db
def test_a_task_already_done_is_not_run_again():
    p = mulai(2)
    tugas_contoh.call(progres_id=p.pk, n=2)
    assert tugas_contoh.call(progres_id=p.pk, n=2) == "sudah selesai"
    assert [f"jalan {p.pk}"] == JEJAK
    p.refresh_from_db()
    assert p.percobaan == 1


@pytest.mark.django_db
def test_an_error_in_the_task_marks_the_row_failed_with_a_plain_message():
    p = tugas_mulai(fungsi="inti.tests.test_tugas.tugas_rusak", jenis="contoh", argumen={})
    with pytest.raises(RuntimeError):
        tugas_rusak.call(progres_id=p.pk)
    p.refresh_from_db()
    assert p.status == ProgresTugas.Status.GAGAL and "kesalahan sistem" in p.pesan and "boom" not in p.pesan


def _dibunuh(p: ProgresTugas, menit_lalu: int) -> ProgresTugas:
    """What SIGKILL leaves: the queue row RUNNING, the progress row running with an old heartbeat."""
    DBTaskResult.objects.filter(pk=p.tugas_id).update(status="RUNNING", started_at=timezone.now())
    lama = timezone.now() - timedelta(minutes=menit_lalu)
    ProgresTugas.objects.filter(pk=p.pk).update(
        status=ProgresTugas.Status.BERJALAN, detak=lama, dimulai=lama, percobaan=p.percobaan + 1
    )
    p.refresh_from_db()
    return p


@pytest.mark.django_db(transaction=True)
def test_a_killed_task_is_queued_again_and_then_completes_once(settings):
    settings.TUGAS_BASI_MENIT = 15
    p = _dibunuh(mulai(3), menit_lalu=16)
    antre_lama = p.tugas_id
    segar = _dibunuh(mulai(3), menit_lalu=5)  # still beating (a slow task): left alone

    ulang, menyerah = tugas_pulihkan()

    assert [x.pk for x in ulang] == [p.pk] and menyerah == []
    p.refresh_from_db()
    assert p.status == ProgresTugas.Status.MENUNGGU and "berhenti di tengah jalan" in p.pesan
    assert p.tugas_id != antre_lama
    lama = DBTaskResult.objects.get(pk=antre_lama)
    assert lama.status == "FAILED" and lama.exception_class_path == "inti.tugas.PekerjaBerhenti"
    assert DBTaskResult.objects.get(pk=p.tugas_id).status == "READY"
    segar.refresh_from_db()
    assert segar.status == ProgresTugas.Status.BERJALAN
    assert DBTaskResult.objects.get(pk=segar.tugas_id).status == "RUNNING"

    jalankan_pekerja()
    p.refresh_from_db()
    assert p.status == ProgresTugas.Status.SELESAI and p.percobaan == 2
    assert [f"jalan {p.pk}"] == JEJAK
    assert list(p.riwayat_status.values_list("aksi", flat=True)) == ["antre", "ulang", "mulai", "selesai"]


@pytest.mark.django_db
def test_after_the_last_attempt_the_task_is_marked_failed_for_the_user_to_restart():
    p = mulai(3)
    ProgresTugas.objects.filter(pk=p.pk).update(percobaan=MAKS_PERCOBAAN - 1)
    p = _dibunuh(ProgresTugas.objects.get(pk=p.pk), menit_lalu=60)
    ulang, menyerah = tugas_pulihkan(basi_menit=30)
    assert ulang == [] and [x.pk for x in menyerah] == [p.pk]
    p.refresh_from_db()
    assert p.status == ProgresTugas.Status.GAGAL and p.berakhir is not None
    assert "Silakan mulai lagi" in p.pesan
    assert p.riwayat_status.last().catatan == p.pesan
    assert DBTaskResult.objects.filter(status="READY").count() == 0


@pytest.mark.django_db
def test_pulihkan_tugas_command_reports_what_it_did():
    p = _dibunuh(mulai(3), menit_lalu=90)
    out = StringIO()
    call_command("pulihkan_tugas", "--basi-menit", "30", stdout=out)
    assert f"diantrekan ulang: contoh #{p.pk}" in out.getvalue()
    out = StringIO()
    call_command("pulihkan_tugas", stdout=out)
    assert "Tidak ada tugas yang macet." in out.getvalue()
