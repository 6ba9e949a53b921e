"""Acting officials (Plh./Plt.): HR's list and form, an official's own "Saya berhalangan" page, and
cancelling one (a confirmation page with the reason; POST cancels)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.formulir import simpan_form
from inti.halaman import halaman

from ..akses import boleh_batalkan_pengganti, boleh_berhalangan, boleh_kelola_pengganti, peran_user, perlu
from ..forms.pengganti import BatalForm, PenggantiForm
from ..selectors.pengganti import jabatan_pilihan, pengganti_ambil, pengganti_daftar, pengganti_milik
from ..services.pengganti import pengganti_batalkan, pengganti_catat

STATUS = {"aktif", "lalu", "semua"}


@perlu(boleh_kelola_pengganti)
def daftar(request):
    status = request.GET.get("status", "aktif")
    status = status if status in STATUS else "aktif"
    page = halaman(request, pengganti_daftar(status))
    return render(
        request,
        "pegawai/pengganti_daftar.html",
        {"page_obj": page, "status": status, "hari": timezone.localdate()},
    )


def _pesan_dicatat(d) -> str:
    return _("%(jenis)s %(jabatan)s dicatat: %(nama)s, %(a)s s.d. %(b)s.") % {
        "jenis": d.jenis,
        "jabatan": d.jabatan_teks,
        "nama": d.pengganti.nama_lengkap,
        "a": f"{d.mulai:%d-%m-%Y}",
        "b": f"{d.selesai:%d-%m-%Y}",
    }


def _simpan(request, form: PenggantiForm, ke: str):
    """Records the delegation of a valid POST and redirects to `ke`; None: show the form (again)."""
    return simpan_form(
        request, form, lambda _d: pengganti_catat(oleh=request.user, **form.untuk_layanan()), _pesan_dicatat, ke
    )


@perlu(boleh_kelola_pengganti)
def baru(request):
    form = PenggantiForm(request.POST or None, pilihan=jabatan_pilihan())
    return _simpan(request, form, "pegawai:pengganti_daftar") or render(
        request, "pegawai/pengganti_form.html", {"form": form, "judul": _("Tunjuk pejabat pengganti")}
    )


@perlu(boleh_berhalangan)
def berhalangan(request):
    p = peran_user(request.user)
    form = PenggantiForm(request.POST or None, pilihan=jabatan_pilihan(p.pegawai_id))
    return _simpan(request, form, "pegawai:berhalangan") or render(
        request,
        "pegawai/pengganti_form.html",
        {
            "form": form,
            "judul": _("Saya berhalangan"),
            "sendiri": True,
            "milik": pengganti_milik(p.pegawai_id),
        },
    )


@login_required
def batal(request, pk: int):
    d = pengganti_ambil(pk)
    p = peran_user(request.user)
    if not (p.hr or p.pegawai_id in (d.yang_digantikan_id, d.pengganti_id)):
        raise Http404  # a delegation that is not yours looks like one that does not exist
    if not boleh_batalkan_pengganti(request.user, d):
        raise PermissionDenied(_("Penunjukan ini sudah berakhir atau dibatalkan, atau bukan wewenang Anda."))
    form = BatalForm(request.POST or None)
    return simpan_form(
        request,
        form,
        lambda data: pengganti_batalkan(oleh=request.user, pengganti=d, alasan=data["alasan"]),
        _("Penunjukan %(d)s dibatalkan.") % {"d": d},
        "pegawai:pengganti_daftar" if p.hr else "pegawai:berhalangan",
    ) or render(request, "pegawai/pengganti_batal.html", {"form": form, "d": d, "hr": p.hr})
