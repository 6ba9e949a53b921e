"""Big imports and bulk invitations through the background worker (django-tasks-db): the page shows
progress from the database, the JSON endpoint answers only to HR and the uploader, a killed worker
leaves nothing half-written and the work completes exactly once after recovery."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from inti import tugas as modul_tugas
from inti.tugas import ProgresTugas, tugas_pulihkan
from pegawai.models import Pegawai, RiwayatImpor, User
from pegawai.services.impor import unggahan_ambil
from pegawai.tasks import impor_simpan_tugas
from pegawai.tests.factories import pegawai_di
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, sebagai_tabel, teks_csv

N = 5000


def csv_pegawai(n: int, **ubah) -> bytes:
    return teks_csv(sebagai_tabel([baris_pegawai(i, **ubah) for i in range(1, n + 1)])).encode()


def unggah(client, isi: bytes, nama="pegawai.csv"):
    r = client.post(reverse("impor:index"), {"jenis": "pegawai", "berkas": SimpleUploadedFile(nama, isi)})
    assert r.status_code == 302, r.content[:500]
    return r.url.rstrip("/").split("/")[-1]


def pekerja():
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)


@pytest.fixture
def catat_progres(monkeypatch):
    """Every progress figure written for the page to see."""
    angka: list[tuple[str, int]] = []
    asli = modul_tugas._tulis_samping

    def tulis(p, nilai):
        angka.append((nilai["tahap"], nilai["selesai"]))
        asli(p, nilai)

    monkeypatch.setattr(modul_tugas, "_tulis_samping", tulis)
    monkeypatch.setattr(modul_tugas, "JEDA_LAPOR_DETIK", 0.0)
    return angka


@pytest.mark.django_db(transaction=True)
def test_a_5000_row_file_is_checked_and_saved_by_the_worker_with_progress(clients, org, settings, catat_progres):
    settings.IMPOR_LATAR_BARIS = 2000
    buat_rujukan()
    hr = clients["hr"]
    token = unggah(hr, csv_pegawai(N))

    # Upload: nothing checked in the request; the page shows the progress bar, polled from the database.
    u = unggahan_ambil(token=token, oleh=org.hr.akun)
    assert not u.diperiksa and u.progres_id and u.hasil.jumlah_baris == 0
    r = hr.get(reverse("impor:pratinjau", args=[token]))
    assert r.status_code == 200 and b"js-progres" in r.content and b"js/progres.js" in r.content
    status = hr.get(reverse("impor:tugas_status", args=[u.progres_id])).json()
    assert status["status"] == "menunggu" and status["berakhir"] is False

    pekerja()  # the check
    periksa = ProgresTugas.objects.get(pk=u.progres_id)
    assert periksa.status == "selesai" and periksa.jenis == "impor.periksa"
    assert periksa.hasil["url"] == reverse("impor:pratinjau", args=[token])
    angka_periksa = [n for t, n in catat_progres if t == "Memeriksa"]
    assert len(angka_periksa) > 10 and angka_periksa == sorted(angka_periksa) and max(angka_periksa) == N
    r = hr.get(reverse("impor:pratinjau", args=[token]))
    assert r.context["hasil"].ok and r.context["hasil"].baru == N
    assert reverse("impor:konfirmasi", args=[token]).encode() in r.content
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Impor").exists()

    # Confirm: queued, the preview shows the save's progress and no second Save button.
    r = hr.post(reverse("impor:konfirmasi", args=[token]))
    assert r.status_code == 302 and r.url == reverse("impor:pratinjau", args=[token])
    simpan = ProgresTugas.objects.get(pk=unggahan_ambil(token=token, oleh=org.hr.akun).progres_id)
    assert simpan.jenis == "impor.simpan" and simpan.total == N and simpan.status == "menunggu"
    r = hr.get(reverse("impor:pratinjau", args=[token]))
    assert b"js-progres" in r.content and reverse("impor:konfirmasi", args=[token]).encode() not in r.content
    r = hr.post(reverse("impor:konfirmasi", args=[token]), follow=True)  # a second press queues nothing
    assert ProgresTugas.objects.filter(jenis="impor.simpan").count() == 1

    catat_progres.clear()
    pekerja()  # the save
    simpan.refresh_from_db()
    assert simpan.status == "selesai" and simpan.selesai == N and simpan.persen == 100
    riwayat = RiwayatImpor.objects.get(berhasil=True)
    assert (riwayat.jumlah_baris, riwayat.dibuat) == (N, N)
    assert simpan.hasil["url"] == reverse("impor:riwayat_detail", args=[riwayat.pk])
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == N
    if catat_progres:  # PostgreSQL reports inside the save's transaction through a second connection
        assert max(n for _t, n in catat_progres) == N
    assert hr.get(reverse("impor:tugas_status", args=[simpan.pk])).json()["url"] == simpan.hasil["url"]


@pytest.mark.django_db(transaction=True)
def test_a_big_file_with_errors_shows_every_error_after_the_worker_check(clients, org, settings):
    settings.IMPOR_LATAR_BARIS = 50
    buat_rujukan()
    token = unggah(clients["hr"], csv_pegawai(120, Golongan="Z/z"))
    pekerja()
    r = clients["hr"].get(reverse("impor:pratinjau", args=[token]))
    assert r.status_code == 200 and not r.context["hasil"].ok
    assert r.context["hasil"].jumlah_galat == 120 and r.context["u"].riwayat_id
    assert RiwayatImpor.objects.get().berhasil is False and not Pegawai.objects.filter(golongan="Z/z").exists()


@pytest.mark.django_db
def test_a_small_file_is_still_checked_in_the_request(clients, settings):
    settings.IMPOR_LATAR_BARIS = 2000
    buat_rujukan()
    token = unggah(clients["hr"], csv_pegawai(30))
    assert not ProgresTugas.objects.exists() and not DBTaskResult.objects.exists()
    r = clients["hr"].get(reverse("impor:pratinjau", args=[token]))
    assert r.context["hasil"].baru == 30 and r.context["progres"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("peran,boleh", [("hr", True), ("ppk", False), ("kepala", False), ("orang_luar", False)])
def test_the_status_endpoint_answers_only_to_hr_and_whoever_started_it(clients, org, peran, boleh):
    p = ProgresTugas.objects.create(jenis="akun.undang", tugas_path="x.y", dibuat_oleh=org.anggota.akun, total=3)
    for url in (reverse("impor:tugas_status", args=[p.pk]), reverse("impor:tugas", args=[p.pk])):
        assert clients[peran].get(url).status_code == (200 if boleh else 404)
        assert clients["anggota"].get(url).status_code == 200  # who started it
        r = clients["anon"].get(url)
        assert r.status_code == 302 and r.url.startswith(reverse("login"))
    assert clients["hr"].get(reverse("impor:tugas_status", args=[p.pk]))["Cache-Control"] == "no-store"


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_save_leaves_nothing_and_the_import_completes_once(clients, org, settings):
    settings.IMPOR_LATAR_BARIS = 50
    buat_rujukan()
    hr = clients["hr"]
    token = unggah(hr, csv_pegawai(200))
    pekerja()
    hr.post(reverse("impor:konfirmasi", args=[token]))
    p = ProgresTugas.objects.get(jenis="impor.simpan")
    # SIGKILL mid-save: the queue row stays RUNNING, the transaction died with the process.
    DBTaskResult.objects.filter(pk=p.tugas_id).update(status="RUNNING", started_at=timezone.now())
    lama = timezone.now() - timedelta(minutes=settings.TUGAS_BASI_MENIT + 1)
    ProgresTugas.objects.filter(pk=p.pk).update(status="berjalan", detak=lama, dimulai=lama, percobaan=1, selesai=80)
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Impor").exists()
    assert hr.get(reverse("impor:tugas_status", args=[p.pk])).json()["status"] == "berjalan"

    pekerja()  # a plain worker never picks up a RUNNING row again...
    p.refresh_from_db()
    assert p.status == "berjalan"
    ulang, _menyerah = tugas_pulihkan()  # ...recovery does
    assert [x.pk for x in ulang] == [p.pk]
    pekerja()
    p.refresh_from_db()
    assert p.status == "selesai" and p.percobaan == 2
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 200
    assert RiwayatImpor.objects.filter(berhasil=True).count() == 1

    # A re-run after the commit (killed before the queue row was marked) does nothing.
    assert impor_simpan_tugas.call(progres_id=p.pk, token=token) == "sudah selesai"
    assert RiwayatImpor.objects.filter(berhasil=True).count() == 1


@pytest.mark.django_db(transaction=True)
def test_bulk_invitations_above_the_threshold_go_through_the_worker(clients, org, settings):
    settings.AKUN_LATAR_JUMLAH = 5
    baru = [pegawai_di(org.subunit, email=f"undang{i}@surabaya.go.id") for i in range(8)]
    r = clients["hr"].post(reverse("akun_undang_massal"), {"pegawai": [p.pk for p in baru]})
    p = ProgresTugas.objects.get(jenis="akun.undang")
    assert r.status_code == 302 and r.url == reverse("impor:tugas", args=[p.pk])
    assert not User.objects.filter(nip__in=[x.nip for x in baru]).exists()
    r = clients["hr"].get(r.url)
    assert b"js-progres" in r.content
    mail.outbox.clear()
    pekerja()
    p.refresh_from_db()
    assert p.status == "selesai" and p.selesai == 8 and "8 akun dibuat" in p.pesan
    assert User.objects.filter(nip__in=[x.nip for x in baru]).count() == 8 and len(mail.outbox) == 8
    assert p.hasil["url"] == reverse("akun_pegawai")


@pytest.mark.django_db
def test_bulk_invitations_below_the_threshold_stay_in_the_request(clients, org, settings):
    settings.AKUN_LATAR_JUMLAH = 100
    baru = [pegawai_di(org.subunit, email=f"kecil{i}@surabaya.go.id") for i in range(3)]
    clients["hr"].post(reverse("akun_undang_massal"), {"pegawai": [p.pk for p in baru]})
    assert not ProgresTugas.objects.exists()
    assert User.objects.filter(nip__in=[x.nip for x in baru]).count() == 3
