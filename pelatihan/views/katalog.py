"""The training catalogue: everyone reads it, HR keeps it."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inti.formulir import jalankan
from inti.halaman import halaman
from pegawai.akses import perlu

from .. import services
from ..akses import boleh_kelola_katalog, boleh_lihat_semua_penugasan
from ..forms import KatalogFilterForm, PelatihanForm
from ..models import Pelatihan, StatusPenugasan
from ..selectors import URUTAN_KATALOG, katalog_cari, pelatihan_ambil
from .umum import PER_HALAMAN, urut_dari


@login_required
def katalog(request: HttpRequest) -> HttpResponse:
    form = KatalogFilterForm(request.GET or None)
    filt = form.filter()
    if not boleh_kelola_katalog(request.user):
        filt["aktif"] = True  # others see what can be assigned
    urut = urut_dari(request, "nama", URUTAN_KATALOG)
    page = halaman(request, katalog_cari(**filt, urut=urut), PER_HALAMAN)
    ada_filter = any(request.GET.get(k) for k in ("q", "jenis", "mode", "kompetensi", "aktif"))
    return render(
        request, "pelatihan/katalog.html", {"form": form, "page_obj": page, "urut": urut, "ada_filter": ada_filter}
    )


@login_required
def katalog_detail(request: HttpRequest, pk: int) -> HttpResponse:
    p = pelatihan_ambil(request.user, pk)
    jumlah = dict.fromkeys(StatusPenugasan.values, 0)
    if boleh_lihat_semua_penugasan(request.user):
        jumlah.update(dict(p.penugasan.values_list("status").annotate(n=Count("id")).values_list("status", "n")))
    return render(request, "pelatihan/katalog_detail.html", {"p": p, "jumlah": jumlah})


def _katalog_form(request: HttpRequest, obj: Pelatihan | None) -> HttpResponse:
    form = PelatihanForm(request.POST if request.method == "POST" else None, instance=obj)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        hasil = {}

        def simpan():
            hasil["p"] = services.pelatihan_simpan(oleh=request.user, data=data, pelatihan=obj)

        if jalankan(request, simpan, _("Pelatihan disimpan.")):
            return redirect("pelatihan:katalog_detail", hasil["p"].pk)
    return render(request, "pelatihan/katalog_form.html", {"form": form, "obj": obj})


@perlu(boleh_kelola_katalog)
def katalog_baru(request: HttpRequest) -> HttpResponse:
    return _katalog_form(request, None)


@perlu(boleh_kelola_katalog)
def katalog_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    return _katalog_form(request, pelatihan_ambil(request.user, pk))
