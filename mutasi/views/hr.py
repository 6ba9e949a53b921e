"""HR's desk: the employees' requests and objections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.formulir import jalankan, jalankan_form
from inti.halaman import halaman, teks_cari
from pegawai.akses import perlu

from .. import akses
from ..forms import JawabKeberatanForm, TolakPermohonanForm
from ..models import JenisMutasi, KeputusanKeberatan, StatusPermohonan
from ..selectors import (
    atasan_baru,
    keberatan_ambil,
    keberatan_daftar,
    permohonan_ambil,
    permohonan_lampiran_ambil,
    permohonan_terlihat,
    tahapan_permohonan,
)
from ..services.keberatan import ALUR as ALUR_KEBERATAN
from ..services.keberatan import keberatan_jawab
from ..services.kelayakan import cek_sepuluh_tahun
from ..services.permohonan import permohonan_tolak
from ._umum import unduh_view


@perlu(akses.boleh_kelola_permohonan)
def permohonan_daftar(request):
    status = request.GET.get("status", StatusPermohonan.DIAJUKAN)
    q = teks_cari(request)
    qs = permohonan_terlihat(request.user).prefetch_related("unit_pilihan")
    if q:  # the number the employee quotes (or a name), whatever the request's state
        qs = qs.filter(Q(nomor__iexact=q) | Q(pegawai__nama__icontains=q))
    elif status in StatusPermohonan.values:
        qs = qs.filter(status=status)
    page = halaman(request, qs.order_by("-dibuat"), 25)
    return render(
        request,
        "mutasi/permohonan_daftar.html",
        {"page_obj": page, "status": status, "status_list": StatusPermohonan.choices, "q": q},
    )


@login_required
def permohonan_detail(request, pk):
    obj = permohonan_ambil(request.user, pk)
    return render(
        request,
        "mutasi/permohonan_detail.html",
        {
            "p": obj,
            "tahapan": tahapan_permohonan(obj),
            "tolak_form": TolakPermohonanForm(),
            "cek10": cek_sepuluh_tahun(obj.pegawai, timezone.localdate()) if obj.jenis == JenisMutasi.KELUAR else None,
        },
    )


@require_POST
@perlu(akses.boleh_kelola_permohonan)
def permohonan_tolak_view(request, pk):
    obj = permohonan_ambil(request.user, pk)
    alasan = request.POST.get("alasan", "")
    jalankan(
        request, lambda: permohonan_tolak(oleh=request.user, permohonan=obj, alasan=alasan), _("Permohonan ditolak.")
    )
    return redirect("mutasi:permohonan_detail", obj.pk)


permohonan_lampiran = unduh_view(permohonan_lampiran_ambil)


@perlu(akses.boleh_kelola_keberatan)
def keberatan_daftar_view(request):
    terbuka = request.GET.get("status", "terbuka")
    qs = keberatan_daftar(terbuka={"terbuka": True, "dijawab": False}.get(terbuka))
    page = halaman(request, qs, 25)
    return render(request, "mutasi/keberatan_daftar.html", {"page_obj": page, "status": terbuka})


@perlu(akses.boleh_kelola_keberatan)
def keberatan_jawab_view(request, pk):
    k = keberatan_ambil(request.user, pk)
    form = JawabKeberatanForm(request.POST or None, initial={"tmt_baru": k.usulan.tmt})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        revisi = d["keputusan"] == KeputusanKeberatan.REVISI

        def jawab():
            keberatan_jawab(
                oleh=request.user,
                keberatan=k,
                jawaban=d["jawaban"],
                keputusan=d["keputusan"],
                tmt_baru=d["tmt_baru"] if revisi else None,
                tujuan_unit=d["tujuan_unit"] if revisi else None,
                tujuan_jabatan=d["tujuan_jabatan"] if revisi else None,
            )

        if jalankan_form(form, jawab):
            messages.success(request, _("Keberatan dijawab; pegawai dapat membaca jawabannya."))
            return redirect("mutasi:keberatan_daftar")
    return render(
        request,
        "mutasi/keberatan_jawab.html",
        {
            "k": k,
            "u": k.usulan,
            "form": form,
            "atasan": atasan_baru(k.usulan),
            "riwayat": ALUR_KEBERATAN.berjudul(k.riwayat_status.select_related("oleh", "oleh__pegawai")),
        },
    )
