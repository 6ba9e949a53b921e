"""The notice centre's pages: the list (everyone sees only their own), following a notice (marks it
read, then goes to its page: a local path only), "mark all read", the channel settings, and the
WhatsApp webhook Meta calls (the only CSRF-exempt view, authenticated by its signature instead)."""

import json
import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseForbidden, RawPostDataException
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..halaman import halaman
from .layanan import jenis_label, jenis_semua, preferensi_pengguna, preferensi_simpan
from .models import Notifikasi, Saluran
from .whatsapp import status_terima, tanda_tangan_sah

log = logging.getLogger(__name__)


@login_required
def daftar(request):
    semua = request.GET.get("tampil") == "semua"
    qs = Notifikasi.objects.filter(penerima=request.user).only(
        "pk", "jenis", "judul", "isi", "tautan", "dibuat", "dibaca_pada"
    )
    if not semua:
        qs = qs.filter(dibaca_pada__isnull=True)
    page = halaman(request, qs)
    for n in page.object_list:
        n.jenis_label = jenis_label(n.jenis)
    return render(request, "notifikasi/daftar.html", {"page": page, "semua": semua})


def _tujuan_aman(request, tautan: str) -> str:
    """Only a path of this site: an absolute URL, "//host" or a backslash trick goes to the list."""
    if (
        tautan.startswith("/")
        and not tautan.startswith("//")
        and "\\" not in tautan
        and url_has_allowed_host_and_scheme(tautan, allowed_hosts={request.get_host()}, require_https=False)
    ):
        return tautan
    return reverse("notifikasi:daftar")


@login_required
def buka(request, pk: int):
    n = get_object_or_404(Notifikasi, pk=pk, penerima=request.user)
    if n.dibaca_pada is None:
        Notifikasi.objects.filter(pk=n.pk, dibaca_pada__isnull=True).update(dibaca_pada=timezone.now())
    return redirect(_tujuan_aman(request, n.tautan))


@login_required
@require_POST
def tandai_semua(request):
    jumlah = Notifikasi.objects.filter(penerima=request.user, dibaca_pada__isnull=True).update(
        dibaca_pada=timezone.now()
    )
    messages.success(request, _("%(n)s pemberitahuan ditandai dibaca.") % {"n": jumlah})
    return redirect("notifikasi:daftar")


def _pilihan_saluran() -> list[tuple[str, str]]:
    wa = settings.WA_AKTIF
    return [(k, v) for k, v in Saluran.choices if wa or k not in (Saluran.WA, Saluran.SUREL_WA)]


class PreferensiForm(forms.Form):
    def __init__(self, *args, awal: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for j in jenis_semua():
            self.fields[j.kunci] = forms.ChoiceField(
                label=j.label,
                help_text=j.keterangan,
                choices=_pilihan_saluran(),
                initial=awal.get(j.kunci),
                required=False,  # a kind left out keeps its channel
            )


@login_required
def preferensi(request):
    awal = preferensi_pengguna(request.user)
    form = PreferensiForm(request.POST or None, awal=awal)
    if request.method == "POST" and form.is_valid():
        preferensi_simpan(user=request.user, pilihan=form.cleaned_data)
        messages.success(request, _("Pengaturan pemberitahuan disimpan."))
        return redirect("notifikasi:preferensi")
    konteks = {
        "form": form,
        "wa_aktif": settings.WA_AKTIF,
        "nomor_wa": getattr(request.user, "nomor_wa", ""),
        "alamat_surel": getattr(request.user, "alamat_surel", ""),
    }
    return render(request, "notifikasi/preferensi.html", konteks)


@csrf_exempt
def wa_webhook(request):
    """Meta's webhook. GET: the verification when the URL is registered (echo `hub.challenge` when
    `hub.verify_token` is ours). POST: status updates, accepted only with a valid X-Hub-Signature-256."""
    if request.method == "GET":
        token = settings.WA_WEBHOOK_VERIFY_TOKEN
        if (
            token
            and request.GET.get("hub.mode") == "subscribe"
            and request.GET.get("hub.verify_token") == token
            and request.GET.get("hub.challenge")
        ):
            return HttpResponse(request.GET["hub.challenge"], content_type="text/plain")
        return HttpResponseForbidden()
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    try:
        badan = request.body
    except RawPostDataException:  # a form post (read by a middleware already): never Meta's JSON
        return HttpResponse(status=400)
    if not tanda_tangan_sah(badan, request.headers.get("X-Hub-Signature-256", "")):
        log.warning("Webhook WhatsApp ditolak: tanda tangan tidak sah")
        return HttpResponseForbidden()
    try:
        data = json.loads(badan)
    except ValueError:
        return HttpResponse(status=400)
    status_terima(data)
    return HttpResponse("OK", content_type="text/plain")
