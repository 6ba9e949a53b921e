"""SIASN pages (HR only): an employee compared with SIASN and the values taken over, a unit compared
(in the worker when large) with its spreadsheet, and the outbox of positions pushed to SIASN.
When SIASN is off every page says so and nothing is sent."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.galat import LayananError
from inti.halaman import halaman
from inti.lembar import Tabel, respons_xlsx
from inti.tugas import ProgresTugas

from ..akses import boleh_siasn, perlu
from ..forms.unit_cari import UnitSaringForm
from ..models import KirimanSiasn, StatusKiriman
from ..selectors.pegawai import pegawai_ambil, unit_terlihat
from ..selectors.siasn import kiriman_daftar, kiriman_hitung, siasn_bandingkan
from ..services.siasn import ALUR, siasn_ambil_alih, siasn_banding_unit, siasn_kirim_ulang
from ..siasn.klien import SiasnError, klien_siasn, siasn_aktif


def _bandingkan(pegawai):
    """(comparison, error message): SIASN's answer, or why there is none."""
    try:
        return siasn_bandingkan(pegawai, klien_siasn()), ""
    except SiasnError as e:
        return None, str(e)


@perlu(boleh_siasn)
def banding(request, pk: int):
    pegawai = pegawai_ambil(request.user, pk)
    hasil, galat = _bandingkan(pegawai)
    return render(
        request,
        "pegawai/siasn_banding.html",
        {"pegawai": pegawai, "hasil": hasil, "galat": galat, "aktif": siasn_aktif()},
    )


@perlu(boleh_siasn)
@require_POST
def ambil(request, pk: int):
    """Take the ticked SIASN values over. SIASN is read again: only what it says now is written."""
    pegawai = pegawai_ambil(request.user, pk)
    pilihan = request.POST.getlist("bidang")
    hasil, galat = _bandingkan(pegawai)
    if hasil is None:
        messages.error(request, galat)
        return redirect("pegawai:siasn_banding", pk=pegawai.pk)
    basi = [b for b in pilihan if b not in hasil.nilai_siasn]
    try:
        if basi:
            raise LayananError(
                _("Data berikut tidak (lagi) dapat diambil dari SIASN: %(f)s. Periksa perbandingan terbaru.")
                % {"f": ", ".join(basi)}
            )
        siasn_ambil_alih(oleh=request.user, pegawai=pegawai, nilai={b: hasil.nilai_siasn[b] for b in pilihan})
    except LayananError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Data dari SIASN diambil dan tercatat di jejak audit."))
    return redirect("pegawai:siasn_banding", pk=pegawai.pk)


# --- A unit --------------------------------------------------------------------------------


@perlu(boleh_siasn)
def unit(request):
    form = UnitSaringForm(
        request.POST or None,
        nama="unit",
        label=_("Unit kerja (beserta sub-unitnya)"),
        unit_qs=unit_terlihat(request.user).filter(aktif=True),
    )
    if request.method == "POST":
        u = form.unit()
        if u is None:
            messages.error(request, _("Pilih unit kerja."))
        else:
            try:
                p = siasn_banding_unit(oleh=request.user, unit=u)
            except LayananError as e:
                messages.error(request, str(e))
            else:
                if p.tugas_path:  # in the worker: its progress page links to the result
                    return redirect("impor:tugas", pk=p.pk)
                return redirect("pegawai:siasn_unit_hasil", pk=p.pk)
    terakhir = ProgresTugas.objects.filter(jenis="siasn.banding").select_related("dibuat_oleh")[:10]
    return render(request, "pegawai/siasn_unit.html", {"form": form, "aktif": siasn_aktif(), "terakhir": terakhir})


def _hasil_ambil(pk: int) -> ProgresTugas:
    p = get_object_or_404(ProgresTugas, pk=pk, jenis="siasn.banding")
    if not isinstance(p.hasil, dict):
        raise Http404
    return p


@perlu(boleh_siasn)
def unit_hasil(request, pk: int):
    p = _hasil_ambil(pk)
    baris = p.hasil.get("baris") or []
    return render(
        request,
        "pegawai/siasn_unit_hasil.html",
        {
            "progres": p,
            "baris": [b for b in baris if b.get("beda") or b.get("galat")],
            "jumlah": len(baris),
            "sama": sum(1 for b in baris if not b.get("beda") and not b.get("galat")),
        },
    )


@perlu(boleh_siasn)
def unit_xlsx(request, pk: int):
    p = _hasil_ambil(pk)
    if p.status != ProgresTugas.Status.SELESAI:
        raise Http404
    isi = []
    for b in p.hasil.get("baris") or []:
        if b.get("galat"):
            isi.append([b["nip"], b["nama"], _("(tidak terbaca)"), "", "", b["galat"]])
        for d in b.get("beda") or []:
            isi.append([b["nip"], b["nama"], d["label"], d["kami"], d["siasn"], d.get("catatan", "")])
    tabel = Tabel(
        judul=_("Beda SIASN"),
        kepala=[_("NIP"), _("Nama"), _("Data"), _("SIMUTASI"), _("SIASN"), _("Catatan")],
        baris=isi,
        lebar=[20, 32, 20, 32, 32, 40],
        pengantar=[
            _("Perbandingan dengan SIASN: %(u)s") % {"u": p.hasil.get("unit", "")},
            f"{timezone.localtime(p.berakhir or p.dibuat):%d-%m-%Y %H:%M}",
        ],
    )
    return respons_xlsx(f"siasn-beda-{p.pk}.xlsx", tabel)


# --- The outbox ----------------------------------------------------------------------------


@perlu(boleh_siasn)
def kiriman(request):
    status = request.GET.get("status", "")
    if status not in StatusKiriman.values:
        status = ""
    page = halaman(request, kiriman_daftar(status))
    page.object_list = list(page.object_list)
    for k in page.object_list:
        k.tombol = ALUR.tersedia(k, request.user)
    hitung = kiriman_hitung()
    return render(
        request,
        "pegawai/siasn_kiriman.html",
        {
            "page_obj": page,
            "status": status,
            "hitung": [(kode, label, hitung[kode]) for kode, label in StatusKiriman.choices],
            "aktif": siasn_aktif(),
        },
    )


@perlu(boleh_siasn)
@require_POST
def kiriman_ulang(request, pk: int):
    k = get_object_or_404(KirimanSiasn, pk=pk)
    try:
        siasn_kirim_ulang(oleh=request.user, kiriman=k)
    except LayananError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Kiriman #%(id)s dijadwalkan dikirim ulang sekarang.") % {"id": k.pk})
    url = reverse("pegawai:siasn_kiriman")
    status = request.POST.get("status", "")
    return redirect(f"{url}?status={status}" if status in StatusKiriman.values else url)
