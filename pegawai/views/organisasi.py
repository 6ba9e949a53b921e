"""HR manages units and positions in the app: create, edit (rename, move in the tree), close,
and the formasi of a unit. Everyone else gets a 403 naming HR (the rule `boleh_kelola_organisasi`)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from inti.formulir import simpan_form
from inti.galat import LayananError
from inti.halaman import teks_cari

from ..akses import boleh_kelola_organisasi, perlu
from ..forms.organisasi import FormasiForm, JabatanForm, TutupForm, UnitForm
from ..models import Jabatan
from ..selectors.organisasi import jabatan_daftar as jabatan_cari
from ..selectors.pegawai import unit_ambil, unit_terlihat
from ..services.organisasi import (
    formasi_atur,
    jabatan_buat,
    jabatan_tutup,
    jabatan_ubah,
    unit_buat,
    unit_pindah,
    unit_tutup,
    unit_ubah,
)

JABATAN_PER_HALAMAN = 50


# --- Units ---------------------------------------------------------------------------------------


@perlu(boleh_kelola_organisasi)
def unit_baru(request):
    awal = {"induk": request.GET.get("induk", "")}
    form = UnitForm(request.POST or None, initial=awal, unit_qs=unit_terlihat(request.user).filter(aktif=True))
    return simpan_form(
        request,
        form,
        lambda d: unit_buat(oleh=request.user, data=d, induk=form.induk_terpilih()),
        lambda unit: _("Unit %(nama)s dibuat.") % {"nama": unit.nama},
        lambda unit: reverse("pegawai:unit_detail", args=[unit.pk]),
    ) or render(request, "pegawai/unit_form.html", {"form": form, "unit": None})


@perlu(boleh_kelola_organisasi)
def unit_ubah_view(request, pk: int):
    unit = unit_ambil(request.user, pk)
    form = UnitForm(request.POST or None, instance=unit, unit_qs=unit_terlihat(request.user).filter(aktif=True))

    def simpan(data):
        asli = type(unit).objects.get(pk=pk)
        unit_ubah(oleh=request.user, unit=asli, data=data)
        unit_pindah(oleh=request.user, unit=asli, induk=form.induk_terpilih())

    return simpan_form(request, form, simpan, _("Unit disimpan."), reverse("pegawai:unit_detail", args=[pk])) or render(
        request, "pegawai/unit_form.html", {"form": form, "unit": type(unit).objects.get(pk=pk)}
    )


@perlu(boleh_kelola_organisasi)
def unit_tutup_view(request, pk: int):
    unit = unit_ambil(request.user, pk)
    form = TutupForm(request.POST or None)
    return simpan_form(
        request,
        form,
        lambda d: unit_tutup(oleh=request.user, unit=unit, tanggal=d["tanggal"], alasan=d["alasan"]),
        _("Unit %(nama)s ditutup; riwayatnya tetap tersimpan.") % {"nama": unit.nama},
        reverse("pegawai:unit_detail", args=[pk]),
    ) or render(request, "pegawai/unit_tutup.html", {"form": form, "objek": unit, "jenis": _("unit")})


@perlu(boleh_kelola_organisasi)
def formasi_simpan(request, pk: int):
    """POST from the unit page: one position's formasi (0 removes it)."""
    unit = unit_ambil(request.user, pk)
    if request.method == "POST":
        form = FormasiForm(request.POST)
        if form.is_valid():
            try:
                formasi_atur(oleh=request.user, unit=unit, **form.cleaned_data)
            except LayananError as e:
                messages.error(request, str(e))
            else:
                messages.success(request, _("Formasi disimpan."))
        else:
            messages.error(request, _("Formasi tidak disimpan: periksa jabatan dan jumlahnya."))
    return redirect(reverse("pegawai:unit_detail", args=[pk]) + "#formasi")


# --- Positions -----------------------------------------------------------------------------------


@perlu(boleh_kelola_organisasi)
def jabatan_daftar(request):
    status = request.GET.get("status", "aktif")
    if status not in {"aktif", "ditutup", "semua"}:
        status = "aktif"
    q = teks_cari(request)
    page = Paginator(jabatan_cari(status=status, q=q), JABATAN_PER_HALAMAN).get_page(request.GET.get("page"))
    return render(request, "pegawai/jabatan_daftar.html", {"page_obj": page, "status": status, "q": q})


@perlu(boleh_kelola_organisasi)
def jabatan_baru(request):
    form = JabatanForm(request.POST or None)
    return simpan_form(
        request,
        form,
        lambda d: jabatan_buat(oleh=request.user, data=d),
        lambda jabatan: _("Jabatan %(nama)s dibuat.") % {"nama": jabatan.nama},
        "pegawai:jabatan_daftar",
    ) or render(request, "pegawai/jabatan_form.html", {"form": form, "jabatan": None})


@perlu(boleh_kelola_organisasi)
def jabatan_ubah_view(request, pk: int):
    jabatan = get_object_or_404(Jabatan, pk=pk)
    form = JabatanForm(request.POST or None, instance=jabatan)
    return simpan_form(
        request,
        form,
        lambda d: jabatan_ubah(oleh=request.user, jabatan=Jabatan.objects.get(pk=pk), data=d),
        _("Jabatan disimpan."),
        "pegawai:jabatan_daftar",
    ) or render(request, "pegawai/jabatan_form.html", {"form": form, "jabatan": Jabatan.objects.get(pk=pk)})


@perlu(boleh_kelola_organisasi)
def jabatan_tutup_view(request, pk: int):
    jabatan = get_object_or_404(Jabatan, pk=pk)
    form = TutupForm(request.POST or None)
    return simpan_form(
        request,
        form,
        lambda d: jabatan_tutup(oleh=request.user, jabatan=jabatan, tanggal=d["tanggal"]),
        _("Jabatan %(nama)s ditutup; riwayatnya tetap tersimpan.") % {"nama": jabatan.nama},
        "pegawai:jabatan_daftar",
    ) or render(request, "pegawai/jabatan_tutup.html", {"form": form, "objek": jabatan, "jenis": _("jabatan")})
