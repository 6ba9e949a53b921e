"""WhatsApp through the Cloud API, against a fake Graph API on 127.0.0.1 (inti/tests/palsu_graph.py):
success, a template error (final), an outage then a retry through the worker, a timeout; and the
webhook (verification challenge, signed status updates, a bad signature refused)."""

import hashlib
import hmac
import json

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from inti.models import CatatanAudit
from inti.notifikasi import beri_tahu, jenis_daftarkan, preferensi_simpan
from inti.notifikasi.models import Notifikasi, PesanWhatsApp, Saluran, StatusSurel, StatusWa
from inti.notifikasi.whatsapp import kirim_api, nomor_normal, pesan_kirim, status_terima
from inti.tests.palsu_graph import PHONE_NUMBER_ID, TOKEN, GraphPalsu

pytestmark = pytest.mark.django_db
JENIS = "uji.wa"
RAHASIA = "rahasia-aplikasi-uji"
WEBHOOK = reverse("notifikasi:wa_webhook")


@pytest.fixture
def graph(settings):
    palsu = GraphPalsu().mulai()
    settings.WA_AKTIF = True
    settings.WA_API_URL = palsu.url
    settings.WA_API_VERSI = "23.0"
    settings.WA_PHONE_NUMBER_ID = PHONE_NUMBER_ID
    settings.WA_TOKEN = TOKEN
    settings.WA_TEMPLAT_BAWAAN = "simutasi_pemberitahuan"
    settings.WA_TEMPLAT_JENIS = {JENIS: "simutasi_uji"}
    settings.WA_JEDA_ULANG_DETIK = 0
    settings.WA_MAKS_PERCOBAAN = 3
    settings.WA_TIMEOUT_DETIK = 5  # a loaded CI machine answers slowly; the slow mode waits longer
    settings.WA_APP_SECRET = RAHASIA
    settings.WA_WEBHOOK_VERIFY_TOKEN = "verifikasi-uji"
    yield palsu
    palsu.berhenti()


@pytest.fixture
def penerima(org):
    jenis_daftarkan(JENIS, "Uji WhatsApp")
    p = org.anggota
    p.telepon = "0812-3456-7890"
    p.email = "anggota@example.org"
    p.save()
    preferensi_simpan(user=p.akun, pilihan={JENIS: Saluran.WA})
    return p


def _beri(p, capture):
    with capture(execute=True):
        beri_tahu(penerima=p, jenis=JENIS, judul="Usulan\nmenunggu Anda", isi="x", tautan="/mutasi/7/")


def _riwayat(pesan):
    return list(pesan.riwayat_status.values_list("aksi", "dari", "ke"))


@pytest.mark.parametrize(
    ("nomor", "hasil"),
    [
        ("0812-3456-7890", "6281234567890"),
        ("+62 812 3456 7890", "6281234567890"),
        ("81234567890", "6281234567890"),
        ("6281234567890", "6281234567890"),
        ("031-123", ""),
        ("", ""),
        ("bukan nomor", ""),
    ],
)
def test_nomor_normal(nomor, hasil):
    assert nomor_normal(nomor) == hasil


def test_sent_with_the_template_and_kept(graph, penerima, django_capture_on_commit_callbacks):
    _beri(penerima, django_capture_on_commit_callbacks)
    pesan = PesanWhatsApp.objects.get()
    assert pesan.status == StatusWa.TERKIRIM and pesan.wamid == "wamid.UJI0001" and pesan.percobaan == 1
    assert pesan.nomor == "6281234567890"
    minta = graph.permintaan[0]
    assert minta["path"] == f"/v23.0/{PHONE_NUMBER_ID}/messages"
    assert minta["auth"] == f"Bearer {TOKEN}"
    body = minta["json"]
    assert body["messaging_product"] == "whatsapp" and body["to"] == "6281234567890" and body["type"] == "template"
    assert body["template"]["name"] == "simutasi_uji" and body["template"]["language"] == {"code": "id"}
    teks = [p["text"] for p in body["template"]["components"][0]["parameters"]]
    assert teks == ["Usulan menunggu Anda", "http://127.0.0.1:8000/mutasi/7/"]  # no newline in a parameter
    assert mail.outbox == []  # WhatsApp only, as chosen
    assert Notifikasi.objects.get().surel == StatusSurel.TIDAK


def test_template_error_is_final_with_metas_message(graph, penerima, django_capture_on_commit_callbacks):
    graph.mode = ["templat_400"]
    _beri(penerima, django_capture_on_commit_callbacks)
    pesan = PesanWhatsApp.objects.get()
    assert pesan.status == StatusWa.GAGAL and pesan.percobaan == 1
    assert "132001" in pesan.galat and "does not exist" in pesan.galat
    assert _riwayat(pesan) == [("gagal", StatusWa.ANTRE, StatusWa.GAGAL)]
    assert len(graph.permintaan) == 1  # a 4xx is not tried again


def test_outage_then_retry_succeeds(graph, penerima, django_capture_on_commit_callbacks):
    graph.mode = ["galat_500", "sibuk_503"]
    _beri(penerima, django_capture_on_commit_callbacks)  # the "segera" backend runs the retries at once
    pesan = PesanWhatsApp.objects.get()
    assert pesan.status == StatusWa.TERKIRIM and pesan.percobaan == 3
    assert len(graph.permintaan) == 3
    # Passing failures are not moves: one history row, queued -> sent, with its audit row.
    assert _riwayat(pesan) == [("terkirim", StatusWa.ANTRE, StatusWa.TERKIRIM)]
    assert CatatanAudit.objects.filter(aksi="inti.pesan_wa.terkirim", objek_id=str(pesan.pk)).count() == 1


def test_outage_gives_up_after_the_last_attempt(graph, penerima, django_capture_on_commit_callbacks):
    graph.mode = ["galat_500"] * 5
    _beri(penerima, django_capture_on_commit_callbacks)
    pesan = PesanWhatsApp.objects.get()
    assert pesan.status == StatusWa.GAGAL and pesan.percobaan == 3 and "HTTP 500" in pesan.galat


@pytest.mark.django_db(transaction=True)
def test_retry_goes_through_the_worker_queue(graph, penerima, settings):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.NOTIFIKASI_TUGAS_BACKEND = "default"
    graph.mode = ["sibuk_503"]
    beri_tahu(penerima=penerima, jenis=JENIS, judul="Uji", tautan="/")
    worker = ("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0")
    call_command(*worker, verbosity=0)  # the notice task, then the retry it queued
    pesan = PesanWhatsApp.objects.get()
    assert pesan.status == StatusWa.TERKIRIM and pesan.percobaan == 2
    assert DBTaskResult.objects.filter(task_path="inti.tasks.whatsapp_kirim_tugas").count() == 1


def test_timeout_is_a_passing_failure(graph, penerima, settings):
    graph.mode = ["lambat"]
    graph.jeda = 5.0
    settings.WA_TIMEOUT_DETIK = 0.5  # only this test waits for the timeout: half a second, not the fixture's 5
    settings.WA_MAKS_PERCOBAAN = 1
    pesan = PesanWhatsApp.objects.create(nomor="6281234567890", templat="simutasi_uji", parameter=["a", "b"])
    assert pesan_kirim(pesan.pk) == StatusWa.GAGAL
    pesan.refresh_from_db()
    assert "tidak menjawab" in pesan.galat


def test_wrong_token_is_final(graph, settings):
    from inti.notifikasi.whatsapp import WaGalat

    settings.WA_TOKEN = "salah"
    with pytest.raises(WaGalat) as e:
        kirim_api(nomor="6281234567890", templat="x", parameter=["a"])
    assert not e.value.sementara and "190" in str(e.value)


def test_no_number_falls_back_to_mail(graph, penerima, django_capture_on_commit_callbacks):
    penerima.telepon = ""
    penerima.save()
    _beri(penerima, django_capture_on_commit_callbacks)
    assert not PesanWhatsApp.objects.exists()
    assert [m.to for m in mail.outbox] == [["anggota@example.org"]]


def test_whatsapp_off_sends_nothing_there(graph, penerima, settings, django_capture_on_commit_callbacks):
    settings.WA_AKTIF = False
    _beri(penerima, django_capture_on_commit_callbacks)
    assert graph.permintaan == [] and not PesanWhatsApp.objects.exists()
    assert len(mail.outbox) == 1


# --- The webhook -----------------------------------------------------------------------------------


def _status(wamid: str, status: str, **extra) -> dict:
    s = {"id": wamid, "status": status, "timestamp": "1750857384", "recipient_id": "6281234567890", **extra}
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": PHONE_NUMBER_ID}, "statuses": [s]}
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"value": value, "field": "messages"}]}],
    }


def _post(data: dict, rahasia: str = RAHASIA, tanda: str | None = None):
    badan = json.dumps(data).encode()
    if tanda is None:
        tanda = "sha256=" + hmac.new(rahasia.encode(), badan, hashlib.sha256).hexdigest()
    klien = Client(enforce_csrf_checks=True)
    return klien.post(WEBHOOK, badan, content_type="application/json", headers={"X-Hub-Signature-256": tanda})


def test_webhook_verification_challenge(graph):
    c = Client()
    ok = {"hub.mode": "subscribe", "hub.verify_token": "verifikasi-uji", "hub.challenge": "1158201444"}
    r = c.get(WEBHOOK, ok)
    assert r.status_code == 200 and r.content == b"1158201444"
    assert c.get(WEBHOOK, ok | {"hub.verify_token": "salah"}).status_code == 403
    assert c.get(WEBHOOK).status_code == 403


def test_webhook_signed_status_updates_without_going_back(graph):
    pesan = PesanWhatsApp.objects.create(nomor="62812", templat="t", wamid="wamid.A", status=StatusWa.TERKIRIM)
    assert _post(_status("wamid.A", "read")).status_code == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusWa.DIBACA
    assert _post(_status("wamid.A", "delivered")).status_code == 200  # late, out of order
    assert _post(_status("wamid.A", "read")).status_code == 200  # repeated
    pesan.refresh_from_db()
    assert pesan.status == StatusWa.DIBACA
    assert _riwayat(pesan) == [("dibaca", StatusWa.TERKIRIM, StatusWa.DIBACA)]
    assert _post(_status("wamid.A", "failed")).status_code == 200  # failed wins, then is final
    assert _post(_status("wamid.A", "read")).status_code == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusWa.GAGAL and len(_riwayat(pesan)) == 2


def test_webhook_failed_status_keeps_the_error(graph):
    pesan = PesanWhatsApp.objects.create(nomor="62812", templat="t", wamid="wamid.B", status=StatusWa.TERKIRIM)
    galat = [{"code": 131026, "title": "Message undeliverable"}]
    assert _post(_status("wamid.B", "failed", errors=galat)).status_code == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusWa.GAGAL and "131026" in pesan.galat
    assert pesan.riwayat_status.get().catatan == pesan.galat


def test_webhook_bad_signature_is_refused(graph):
    pesan = PesanWhatsApp.objects.create(nomor="62812", templat="t", wamid="wamid.C", status=StatusWa.TERKIRIM)
    assert _post(_status("wamid.C", "read"), rahasia="bukan-rahasianya").status_code == 403
    assert _post(_status("wamid.C", "read"), tanda="").status_code == 403
    assert _post(_status("wamid.C", "read"), tanda="sha1=abc").status_code == 403
    pesan.refresh_from_db()
    assert pesan.status == StatusWa.TERKIRIM


def test_webhook_refuses_everything_without_an_app_secret(graph, settings):
    settings.WA_APP_SECRET = ""
    assert _post(_status("wamid.D", "read"), rahasia="").status_code == 403


def test_webhook_junk_is_ignored():
    assert status_terima({"entry": "x"}) == 0
    assert status_terima({"entry": [{"changes": [{"value": {"statuses": [1, {"id": "", "status": "read"}]}}]}]}) == 0
    assert status_terima(None) == 0


def test_webhook_signed_junk_is_a_bad_request(graph):
    badan = b"bukan json"
    tanda = "sha256=" + hmac.new(RAHASIA.encode(), badan, hashlib.sha256).hexdigest()
    r = Client().post(WEBHOOK, badan, content_type="application/json", headers={"X-Hub-Signature-256": tanda})
    assert r.status_code == 400
