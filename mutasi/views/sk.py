"""Decrees and notices: issue, show as a page, render to PDF, verify publicly."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pegawai.akses import perlu

from .. import akses
from ..forms import SKForm
from ..models import BatchUsulan, SuratKeputusan
from ..selectors import atasan_baru, pemberitahuan_ambil, sk_ambil, sk_usulan, sk_verifikasi_ambil, usulan_ambil
from ..services.sk import (
    DataSK,
    pdf_dari_html,
    pemberitahuan_buka,
    qr_data_uri,
    sk_terbitkan,
    sk_url_verifikasi,
)
from ._umum import jalankan_dari_form, pdf_response


def sk_dari_form(request, *, usulan_ids: list[int], batch: BatchUsulan | None = None) -> SuratKeputusan | None:
    """Issue the decree the posted SK form describes; None when refused (the reason shown)."""
    hasil = {}

    def terbit(d: dict) -> None:
        hasil["sk"] = sk_terbitkan(oleh=request.user, usulan_ids=usulan_ids, data=DataSK(**d), batch=batch)

    jalankan_dari_form(request, SKForm(request.POST), terbit, awalan=_("Lengkapi data SK: "))
    return hasil.get("sk")


@require_POST
@perlu(akses.boleh_terbitkan_sk)
def terbitkan(request, pk):
    u = usulan_ambil(request.user, pk)
    sk = sk_dari_form(request, usulan_ids=[u.pk])
    if sk is not None:
        messages.success(request, _("SK %(nomor)s terbit.") % {"nomor": sk.nomor})
    return redirect("mutasi:detail", u.pk)


def _konteks_sk(request, sk: SuratKeputusan, user) -> dict:
    return {
        "sk": sk,
        "daftar": list(sk_usulan(sk, user)),
        "qr": qr_data_uri(sk_url_verifikasi(sk)),
        "url_verifikasi": sk_url_verifikasi(sk),
        "settings": settings,
        "cetak": False,
    }


@login_required
def sk_detail(request, pk):
    sk = sk_ambil(request.user, pk)
    return render(request, "mutasi/sk.html", _konteks_sk(request, sk, request.user))


@login_required
def sk_pdf(request, pk):
    sk = sk_ambil(request.user, pk)
    konteks = {**_konteks_sk(request, sk, request.user), "cetak": True}
    html = render_to_string("mutasi/cetak/sk.html", konteks, request=request)
    return pdf_response(pdf_dari_html(html, request.build_absolute_uri("/")), f"SK-{sk.urut}-{sk.tahun}.pdf")


def _konteks_pemberitahuan(request, pk) -> dict:
    u = pemberitahuan_ambil(request.user, pk)
    return {
        "u": u,
        "sk": u.sk,
        "atasan": atasan_baru(u),
        "qr": qr_data_uri(sk_url_verifikasi(u.sk)),
        "url_verifikasi": sk_url_verifikasi(u.sk),
        "settings": settings,
        "pegawai_sendiri": akses.mutasi_sendiri(request.user, u),
    }


@login_required
def pemberitahuan(request, pk):
    konteks = _konteks_pemberitahuan(request, pk)
    pemberitahuan_buka(oleh=request.user, usulan=konteks["u"])
    return render(request, "mutasi/pemberitahuan.html", {**konteks, "cetak": False})


@login_required
def pemberitahuan_pdf(request, pk):
    konteks = {**_konteks_pemberitahuan(request, pk), "cetak": True}
    html = render_to_string("mutasi/cetak/pemberitahuan.html", konteks, request=request)
    u = konteks["u"]
    return pdf_response(pdf_dari_html(html, request.build_absolute_uri("/")), f"pemberitahuan-{u.nomor}.pdf")


def verifikasi(request, kode):
    """Public: confirms that a decree with this code was issued, with minimal data."""
    sk = sk_verifikasi_ambil(kode)
    daftar = [
        {
            "nama": u.pegawai.nama_lengkap,
            "nip": u.pegawai.nip[:8] + "*" * 6 + u.pegawai.nip[14:],
            "status": u.get_status_display() if u.sk_id == sk.pk else _("Diubah dengan SK lain"),
        }
        for u in sk.usulan.select_related("pegawai").order_by("pegawai__nama")
    ]
    return render(request, "mutasi/verifikasi.html", {"sk": sk, "daftar": daftar})
