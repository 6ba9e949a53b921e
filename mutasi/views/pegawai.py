"""The employee's own pages: "my transfers" (notice, acknowledgement, objection) and requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.formulir import jalankan, jalankan_form

from .. import akses
from ..forms import KeberatanForm, PermohonanForm
from ..selectors import (
    mutasi_saya,
    permohonan_ambil,
    permohonan_saya,
    tahapan_permohonan,
    tahapan_usulan,
    unit_peta,
    usulan_ambil,
)
from ..services.keberatan import keberatan_ajukan
from ..services.pemberitahuan import pemberitahuan_konfirmasi
from ..services.permohonan import permohonan_buat, permohonan_tarik


@login_required
def saya(request):
    """The employee's own case: each transfer and request with its stages, dates and who acts next."""
    peta = unit_peta()
    daftar = list(mutasi_saya(request.user))
    for u in daftar:
        u.tahapan = tahapan_usulan(u, peta)
    permohonan = list(permohonan_saya(request.user))
    for p in permohonan:
        p.tahapan = tahapan_permohonan(p)
    return render(
        request,
        "mutasi/saya.html",
        {
            "daftar": daftar,
            "permohonan": permohonan,
            "keberatan_form": KeberatanForm(),
            "punya_data": bool(akses.boleh_ajukan_permohonan(request.user)),
        },
    )


@require_POST
@login_required
def konfirmasi(request, pk):
    u = usulan_ambil(request.user, pk)
    hasil = {}

    def konfirmasi_():
        hasil["baru"] = pemberitahuan_konfirmasi(oleh=request.user, usulan=u)

    if jalankan(request, konfirmasi_):
        if hasil["baru"]:
            messages.success(request, _("Terima kasih. Anda telah menyatakan membaca pemberitahuan mutasi."))
        else:
            messages.info(request, _("Anda sudah menyatakan membaca pemberitahuan ini."))
    return redirect("mutasi:saya")


@require_POST
@login_required
def keberatan(request, pk):
    u = usulan_ambil(request.user, pk)
    form = KeberatanForm(request.POST)
    isi = form.data.get("isi", "")
    jalankan(
        request,
        lambda: keberatan_ajukan(oleh=request.user, usulan=u, isi=isi),
        _("Keberatan Anda terkirim ke BKPSDM. Jawabannya akan tampil di halaman ini."),
    )
    return redirect("mutasi:saya")


@login_required
def permohonan_baru(request):
    izin = akses.boleh_ajukan_permohonan(request.user)
    if not izin:
        messages.error(request, izin.pesan)
        return redirect("mutasi:saya")
    form = PermohonanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        hasil = {}

        def buat():
            hasil["p"] = permohonan_buat(
                oleh=request.user,
                jenis=d["jenis"],
                alasan=d["alasan"],
                unit_pilihan=d["unit_pilihan"],
                instansi_tujuan=d["instansi_tujuan"],
                berkas=[d["berkas"]] if d.get("berkas") else [],
            )

        if jalankan_form(form, buat):
            messages.success(
                request,
                _("Permohonan terkirim ke BKPSDM dengan nomor registrasi %(nomor)s. Ikuti tahapannya di halaman ini.")
                % {"nomor": hasil["p"].nomor},
            )
            return redirect("mutasi:saya")
    return render(request, "mutasi/permohonan_form.html", {"form": form})


@require_POST
@login_required
def permohonan_tarik_view(request, pk):
    obj = permohonan_ambil(request.user, pk)
    jalankan(request, lambda: permohonan_tarik(oleh=request.user, permohonan=obj), _("Permohonan ditarik."))
    return redirect("mutasi:saya")
