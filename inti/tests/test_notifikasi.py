"""The notice sender (inti.notifikasi.beri_tahu): rows in the caller's transaction, nothing when
muted or rolled back, each user's channel respected, the worker path, and the daily digest."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from inti.notifikasi import beri_tahu, jenis_daftarkan, preferensi_simpan
from inti.notifikasi.kirim import ringkasan_kirim
from inti.notifikasi.layanan import saluran_untuk
from inti.notifikasi.models import Notifikasi, PreferensiNotifikasi, Saluran, StatusSurel
from inti.surel import tanpa_notifikasi

pytestmark = pytest.mark.django_db
JENIS = "uji.contoh"


@pytest.fixture(autouse=True)
def _jenis():
    jenis_daftarkan(JENIS, "Contoh pemberitahuan")
    jenis_daftarkan("uji.ringkas", "Contoh untuk ringkasan", bawaan=Saluran.RINGKASAN)


@pytest.fixture
def orang(org):
    for p, email in [(org.anggota, "anggota@example.org"), (org.hr, "hr@example.org")]:
        p.email = email
        p.save()
        p.akun.email = ""
        p.akun.save()
    return org


def _beri(penerima, **kw):
    data = {
        "penerima": penerima,
        "jenis": JENIS,
        "judul": "Usulan menunggu Anda",
        "isi": "Budi Santoso",
        "template": "email/notifikasi_ringkasan.txt",
        "konteks": {"daftar": [], "user": None},
        "tautan": "http://127.0.0.1:8000/mutasi/1/",
    }
    return beri_tahu(**(data | kw))


def test_rows_written_in_the_transaction_mail_after_the_commit(orang, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        baris = _beri(orang.anggota)
        assert Notifikasi.objects.filter(penerima=orang.anggota.akun, jenis=JENIS).count() == 1
        assert mail.outbox == []
    assert len(baris) == 1
    n = Notifikasi.objects.get(penerima=orang.anggota.akun)
    assert n.tautan == "/mutasi/1/"  # the site's own address becomes a local path
    assert n.surel == StatusSurel.TERKIRIM and n.dibaca_pada is None
    assert [m.to for m in mail.outbox] == [["anggota@example.org"]]
    assert mail.outbox[0].subject == "[SIMUTASI] Usulan menunggu Anda"


def test_rolled_back_step_leaves_nothing(orang, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        _beri(orang.anggota)
        raise RuntimeError
    assert not Notifikasi.objects.exists()
    assert mail.outbox == []


def test_muted_writes_and_sends_nothing(orang, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), tanpa_notifikasi():
        assert _beri(orang.anggota) == []
    assert not Notifikasi.objects.exists()
    assert mail.outbox == []


def test_a_failing_template_never_breaks_the_step(orang, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        assert _beri(orang.anggota, template="tidak/ada.txt") == []
        orang.anggota.refresh_from_db()  # the transaction is still usable
    assert not Notifikasi.objects.exists()


def test_preference_in_app_only(orang, django_capture_on_commit_callbacks):
    preferensi_simpan(user=orang.anggota.akun, pilihan={JENIS: Saluran.APLIKASI, "tidak.terdaftar": "surel"})
    assert PreferensiNotifikasi.objects.filter(user=orang.anggota.akun).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        _beri([orang.anggota, orang.hr])
    assert Notifikasi.objects.get(penerima=orang.anggota.akun).surel == StatusSurel.TIDAK
    assert Notifikasi.objects.get(penerima=orang.hr.akun).surel == StatusSurel.TERKIRIM
    assert [m.to for m in mail.outbox] == [["hr@example.org"]]  # one mail per person


def test_whatsapp_choice_falls_back_to_mail_while_whatsapp_is_off(orang, settings):
    settings.WA_AKTIF = False
    preferensi_simpan(user=orang.anggota.akun, pilihan={JENIS: Saluran.WA})
    assert saluran_untuk([orang.anggota.akun.pk], JENIS) == {orang.anggota.akun.pk: Saluran.SUREL}
    settings.WA_AKTIF = True
    assert saluran_untuk([orang.anggota.akun.pk], JENIS) == {orang.anggota.akun.pk: Saluran.WA}


def test_employee_without_account_gets_a_plain_mail(org, django_capture_on_commit_callbacks):
    tanpa = org.orang_luar
    tanpa.akun, tanpa.email = None, "tanpa.akun@example.org"
    tanpa.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert _beri(tanpa) == []
    assert not Notifikasi.objects.exists()
    assert [m.to for m in mail.outbox] == [["tanpa.akun@example.org"]]


def test_foreign_link_is_never_stored(orang, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _beri(orang.anggota, tautan="https://jahat.example.com/x")
        _beri(orang.anggota, tautan="//jahat.example.com/x")
        _beri(orang.anggota, tautan="/" + "x" * 600)  # longer than the column: no link, the notice stays
    assert list(Notifikasi.objects.values_list("tautan", flat=True)) == ["", "", ""]


@pytest.mark.django_db(transaction=True)
def test_worker_sends_what_the_commit_queued(orang, settings):
    from django_tasks_db.models import DBTaskResult

    settings.NOTIFIKASI_TUGAS_BACKEND = "default"
    with transaction.atomic():
        _beri(orang.anggota)
    assert mail.outbox == []  # queued, not sent by the request
    assert DBTaskResult.objects.filter(task_path="inti.tasks.notifikasi_kirim_tugas").count() == 1
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)
    assert [m.to for m in mail.outbox] == [["anggota@example.org"]]
    assert Notifikasi.objects.get().surel == StatusSurel.TERKIRIM


def test_daily_digest_one_mail_per_user(orang, django_capture_on_commit_callbacks):
    preferensi_simpan(user=orang.anggota.akun, pilihan={JENIS: Saluran.RINGKASAN})
    with django_capture_on_commit_callbacks(execute=True):
        _beri(orang.anggota, judul="Pertama")
        _beri(orang.anggota, judul="Kedua")
        _beri(orang.hr, jenis="uji.ringkas", judul="Untuk HR")  # the kind's default is the digest
        _beri(orang.hr, judul="Langsung")
    assert [m.subject for m in mail.outbox] == ["[SIMUTASI] Langsung"]
    mail.outbox.clear()
    laporan = ringkasan_kirim()
    assert (laporan.pengguna, laporan.notifikasi) == (2, 3)
    isi = {m.to[0]: m for m in mail.outbox}
    assert set(isi) == {"anggota@example.org", "hr@example.org"}
    assert "Pertama" in isi["anggota@example.org"].body and "Kedua" in isi["anggota@example.org"].body
    assert "http://127.0.0.1:8000/mutasi/1/" in isi["anggota@example.org"].body
    assert "Untuk HR" in isi["hr@example.org"].body and "Langsung" not in isi["hr@example.org"].body
    mail.outbox.clear()
    assert ringkasan_kirim().pengguna == 0  # nothing twice
    assert mail.outbox == []


def test_digest_refused_by_the_mail_server_is_tried_again(orang, django_capture_on_commit_callbacks, monkeypatch):
    preferensi_simpan(user=orang.anggota.akun, pilihan={JENIS: Saluran.RINGKASAN})
    with django_capture_on_commit_callbacks(execute=True):
        _beri(orang.anggota)
    monkeypatch.setattr("inti.notifikasi.kirim.surel_kirim_banyak", lambda pesan: (0, list(range(len(pesan)))))
    assert ringkasan_kirim().gagal == 1
    monkeypatch.undo()
    assert ringkasan_kirim().pengguna == 1


def test_kirim_ringkasan_command(orang, django_capture_on_commit_callbacks):
    from io import StringIO

    preferensi_simpan(user=orang.hr.akun, pilihan={JENIS: Saluran.RINGKASAN})
    with django_capture_on_commit_callbacks(execute=True):
        _beri(orang.hr)
    out = StringIO()
    call_command("kirim_ringkasan", stdout=out)
    assert "1 pengguna, 1 pemberitahuan" in out.getvalue()
    assert [m.to for m in mail.outbox] == [["hr@example.org"]]


def test_mail_refused_by_the_server_is_tried_again(orang, settings, monkeypatch, django_capture_on_commit_callbacks):
    from inti.notifikasi import kirim

    settings.NOTIFIKASI_SUREL_JEDA_DETIK = 0
    asli, panggilan = kirim.surel_kirim_banyak, []

    def sekali_gagal(pesan):
        panggilan.append(len(pesan))
        if len(panggilan) == 1:  # the server is down the first time
            return 0, list(range(len(pesan)))
        return asli(pesan)

    monkeypatch.setattr(kirim, "surel_kirim_banyak", sekali_gagal)
    with django_capture_on_commit_callbacks(execute=True):
        _beri(orang.anggota)
    assert panggilan == [1, 1]
    assert [m.to for m in mail.outbox] == [["anggota@example.org"]]
    assert Notifikasi.objects.get().surel == StatusSurel.TERKIRIM


def test_mail_marked_failed_after_the_last_attempt(orang, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.NOTIFIKASI_SUREL_JEDA_DETIK = 0
    monkeypatch.setattr("inti.notifikasi.kirim.surel_kirim_banyak", lambda pesan: (0, list(range(len(pesan)))))
    with django_capture_on_commit_callbacks(execute=True):
        _beri(orang.anggota)
    assert Notifikasi.objects.get().surel == StatusSurel.GAGAL
