"""WhatsApp through Meta's WhatsApp Business Cloud API (Graph API), off unless settings.WA_AKTIF.

- Sending: `POST {WA_API_URL}/v{WA_API_VERSI}/{WA_PHONE_NUMBER_ID}/messages` with the Bearer token and
  a *template* message (a business may start a conversation only with a template Meta approved):
  `{"messaging_product": "whatsapp", "to": "628...", "type": "template", "template": {"name": ...,
  "language": {"code": "id"}, "components": [{"type": "body", "parameters": [{"type": "text",
  "text": ...}]}]}}`. The answer `{"messages": [{"id": "wamid..."}]}` gives the id the webhook reports
  on; an error answers `{"error": {"message", "type", "code", ...}}`.
- Every message is a `PesanWhatsApp` row. A 4xx answer (a template not approved, a bad number) is
  final: the row is failed with Meta's message. A 5xx, 429, timeout or broken connection is tried
  again by the worker (`inti.tasks.whatsapp_kirim_tugas`, run after WA_JEDA_ULANG_DETIK x 2^n), at
  most WA_MAKS_PERCOBAAN attempts in all.
- Delivery: Meta POSTs to our webhook (`notifikasi:wa_webhook`) `entry[].changes[].value.statuses[]`
  (`id` = wamid, `status` sent / delivered / read / failed, `errors` on failure), signed with the app
  secret in `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. A status never goes back
  (read may arrive before delivered); failed always wins.
"""

import hashlib
import hmac
import logging
import re
from datetime import timedelta
from typing import Any

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..galat import LayananError
from ..transisi import Alur, Transisi, tabel
from .models import PesanWhatsApp, StatusWa

log = logging.getLogger(__name__)


class WaGalat(Exception):
    """Sending failed; `sementara` when trying again later may work (5xx, 429, timeout, network)."""

    def __init__(self, pesan: str, *, sementara: bool):
        super().__init__(pesan)
        self.sementara = sementara


def nomor_normal(nomor: str) -> str:
    """An Indonesian number in the international form the API wants: 0812-3456-789 / +62 812... /
    812... -> 628123456789. Empty when it does not look like a phone number."""
    angka = re.sub(r"\D", "", nomor or "")
    if angka.startswith("0"):
        angka = "62" + angka[1:]
    elif angka.startswith("8"):
        angka = "62" + angka
    return angka if 10 <= len(angka) <= 15 and angka.startswith("62") else ""


def templat_untuk(jenis: str) -> str:
    return settings.WA_TEMPLAT_JENIS.get(jenis) or settings.WA_TEMPLAT_BAWAAN


def _teks_parameter(teks: str) -> str:
    """A body parameter may hold no newline or tab and no run of more than four spaces."""
    return re.sub(r"\s+", " ", str(teks)).strip()[:1000] or "-"


def _url() -> str:
    return (
        f"{settings.WA_API_URL.rstrip('/')}/v{settings.WA_API_VERSI.lstrip('v')}/{settings.WA_PHONE_NUMBER_ID}/messages"
    )


def kirim_api(*, nomor: str, templat: str, parameter: list[str]) -> str:
    """Send one template message; returns its wamid or raises WaGalat."""
    if not (settings.WA_TOKEN and settings.WA_PHONE_NUMBER_ID):
        raise WaGalat("WA_TOKEN atau WA_PHONE_NUMBER_ID belum diisi", sementara=False)
    data = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": nomor,
        "type": "template",
        "template": {
            "name": templat,
            "language": {"code": settings.WA_BAHASA},
            "components": [
                {"type": "body", "parameters": [{"type": "text", "text": _teks_parameter(p)} for p in parameter]}
            ],
        },
    }
    try:
        r = requests.post(
            _url(),
            json=data,
            headers={"Authorization": f"Bearer {settings.WA_TOKEN}"},
            timeout=(settings.WA_TIMEOUT_SAMBUNG_DETIK, settings.WA_TIMEOUT_DETIK),
        )
    except requests.Timeout as e:
        raise WaGalat(f"Graph API tidak menjawab dalam {settings.WA_TIMEOUT_DETIK:g} detik", sementara=True) from e
    except requests.RequestException as e:
        raise WaGalat(f"Graph API tidak dapat dihubungi: {type(e).__name__}", sementara=True) from e
    try:
        isi = r.json()
    except ValueError:
        isi = {}
    if r.status_code >= 400 or not isinstance(isi, dict):
        galat = isi.get("error", {}) if isinstance(isi, dict) else {}
        pesan = f"HTTP {r.status_code}"
        if isinstance(galat, dict) and galat:
            pesan += f" ({galat.get('code', '?')}): {galat.get('message', '')}"
            if detail := (galat.get("error_data") or {}).get("details"):
                pesan += f" - {detail}"
        raise WaGalat(pesan[:1000], sementara=r.status_code >= 500 or r.status_code == 429)
    try:
        return str(isi["messages"][0]["id"])
    except (KeyError, IndexError, TypeError) as e:
        raise WaGalat(f"Jawaban Graph API tanpa id pesan: {str(isi)[:200]}", sementara=False) from e


SISTEM = "sistem"


class AlurPesanWa(Alur):
    """A message's delivery, moved by the worker (sent / failed) and by Meta's webhook (delivered,
    read, failed). The table says the order: a status never goes back (read may arrive before
    delivered, and a late "delivered" is then refused), and failed is final."""

    model = PesanWhatsApp
    awalan_audit = "inti.pesan_wa"
    W = StatusWa
    transisi = tabel(
        Transisi("terkirim", (W.ANTRE,), W.TERKIRIM, gettext_lazy("Terkirim"), SISTEM, internal=True),
        Transisi("diterima", (W.ANTRE, W.TERKIRIM), W.DITERIMA, gettext_lazy("Diterima"), SISTEM, internal=True),
        Transisi("dibaca", (W.ANTRE, W.TERKIRIM, W.DITERIMA), W.DIBACA, gettext_lazy("Dibaca"), SISTEM, internal=True),
        Transisi(
            "gagal", (W.ANTRE, W.TERKIRIM, W.DITERIMA, W.DIBACA), W.GAGAL, gettext_lazy("Gagal"), SISTEM, internal=True
        ),
    )

    def hak(self, t: Transisi, obj: PesanWhatsApp, user: Any, **konteks: Any) -> tuple[bool, str]:
        if user is None:
            return True, _("sistem")
        return False, _("Status pesan WhatsApp hanya diubah oleh pengirim dan webhook.")

    def ringkasan(self, obj: PesanWhatsApp, lama: str, t: Transisi) -> str:
        return f"WhatsApp #{obj.pk} ke {obj.nomor[:-4]}****: {t.label}"


ALUR = AlurPesanWa()
# Meta's webhook status -> the move it asks for.
AKSI_WEBHOOK = {
    StatusWa.TERKIRIM: "terkirim",
    StatusWa.DITERIMA: "diterima",
    StatusWa.DIBACA: "dibaca",
    StatusWa.GAGAL: "gagal",
}


def pesan_kirim(pesan_id: int) -> str:
    """One attempt at a queued message (the worker's task body); schedules the next on a passing
    failure. Returns the row's status. Idempotent: a message no longer queued is left alone."""
    with transaction.atomic():
        p = PesanWhatsApp.objects.select_for_update().filter(pk=pesan_id).first()
        if p is None or p.status != StatusWa.ANTRE or p.wamid:
            return p.status if p else ""
        p.percobaan += 1
        p.diubah = timezone.now()
        p.save(update_fields=["percobaan", "diubah"])
    try:
        wamid = kirim_api(nomor=p.nomor, templat=p.templat, parameter=p.parameter)
    except WaGalat as e:
        log.warning("WhatsApp ke %s gagal (percobaan %s): %s", p.nomor[:-4] + "****", p.percobaan, e)
        if e.sementara and p.percobaan < settings.WA_MAKS_PERCOBAAN:
            # A failure that may pass is not a move: the row stays queued with the error.
            PesanWhatsApp.objects.filter(pk=p.pk).update(galat=str(e), diubah=timezone.now())
            _ulangi(p)
            return StatusWa.ANTRE
        return _pindah(p.pk, "gagal", galat=str(e))
    return _pindah(p.pk, "terkirim", wamid=wamid)


def _pindah(pesan_id: int, aksi: str, *, galat: str = "", wamid: str = "") -> str:
    """Move a message through its workflow; returns its status after (unchanged when refused)."""

    def ubah(p: PesanWhatsApp) -> None:
        p.galat, p.diubah = galat[:1000], timezone.now()
        if wamid:
            p.wamid = wamid

    try:
        return ALUR.jalankan(objek=pesan_id, aksi=aksi, oleh=None, catatan=galat[:1000], ubah=ubah).status
    except LayananError:
        return PesanWhatsApp.objects.values_list("status", flat=True).get(pk=pesan_id)


def _ulangi(p: PesanWhatsApp) -> None:
    tugas = import_string("inti.tasks.whatsapp_kirim_tugas").using(backend=settings.NOTIFIKASI_TUGAS_BACKEND)
    jeda = settings.WA_JEDA_ULANG_DETIK * 2 ** (p.percobaan - 1)
    if jeda > 0 and tugas.get_backend().supports_defer:
        tugas = tugas.using(run_after=timezone.now() + timedelta(seconds=jeda))
    tugas.enqueue(pesan_id=p.pk)


def tanda_tangan_sah(badan: bytes, tanda: str) -> bool:
    """X-Hub-Signature-256 is "sha256=" + the hex HMAC-SHA256 of the raw body with the app secret."""
    if not settings.WA_APP_SECRET or not tanda.startswith("sha256="):
        return False
    harap = hmac.new(settings.WA_APP_SECRET.encode(), badan, hashlib.sha256).hexdigest()
    return hmac.compare_digest(harap, tanda.removeprefix("sha256="))


def _daftar(obj: Any, kunci: str) -> list:
    nilai = obj.get(kunci) if isinstance(obj, dict) else None
    return [x for x in nilai if isinstance(x, dict)] if isinstance(nilai, list) else []


def status_terima(data: Any) -> int:
    """Apply the `statuses` of a webhook call; returns how many messages changed."""
    berubah = 0
    for e in _daftar(data, "entry"):
        for c in _daftar(e, "changes"):
            for s in _daftar(c.get("value"), "statuses"):
                if _status_satu(str(s.get("id", "")), str(s.get("status", "")), s):
                    berubah += 1
    return berubah


def _status_satu(wamid: str, status: str, s: dict) -> bool:
    aksi = AKSI_WEBHOOK.get(status)
    p = PesanWhatsApp.objects.filter(wamid=wamid).only("pk", "status").first() if wamid and aksi else None
    if p is None:
        return False
    galat = ""
    if aksi == "gagal":
        daftar = s.get("errors") or []
        g = daftar[0] if isinstance(daftar, list) and daftar and isinstance(daftar[0], dict) else {}
        galat = f"({g.get('code', '?')}) {g.get('title', '')} {g.get('message', '')}".strip()
    return _pindah(p.pk, aksi, galat=galat) != p.status
