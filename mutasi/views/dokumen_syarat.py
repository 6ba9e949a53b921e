"""Required documents: the checklist on the proposal page (upload, replace, download, remove; one
action per URL, the services refuse whoever may not act) and HR's catalogue of document kinds
with the rules of which transfers need them before which step."""

from typing import Any

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from inti.formulir import jalankan, jalankan_dari_form, jalankan_form
from inti.transisi import Transisi
from pegawai.akses import perlu

from .. import akses
from ..forms_dokumen import DokumenUnggahForm, JenisDokumenForm
from ..models import JenisDokumenSyarat, UsulanMutasi
from ..selectors.dokumen_syarat import daftar_dokumen, dokumen_ambil, jenis_dokumen_daftar, kurang_per_aksi
from ..services.dokumen_syarat import dokumen_hapus, dokumen_unggah, jenis_dokumen_simpan
from ._umum import aksi_berkas, aksi_usulan, unduh_view


def konteks_dokumen(u: UsulanMutasi, user: Any, aksi: list[Transisi]) -> dict[str, Any]:
    """What the proposal page shows of its required documents, and what each offered step lacks."""
    baris = daftar_dokumen(u)
    return {
        "dokumen_baris": baris,
        "dokumen_kurang": kurang_per_aksi(u, [t.aksi for t in aksi]),
        "boleh_unggah_dokumen": bool(akses.boleh_unggah_dokumen(user, u)),
        "boleh_hapus_dokumen": bool(akses.boleh_hapus_dokumen(user, u)),
    }


@aksi_usulan
def unggah(request, u):
    akses.wajib(akses.boleh_unggah_dokumen(request.user, u))
    jalankan_dari_form(
        request,
        DokumenUnggahForm(request.POST, request.FILES),
        lambda d: dokumen_unggah(oleh=request.user, usulan=u, jenis=d["jenis"], berkas=d["berkas"]),
        _("Dokumen diunggah."),
        awalan=_("Dokumen tidak diunggah: "),
    )


unduh = unduh_view(dokumen_ambil)


@aksi_berkas(dokumen_ambil)
def hapus(request, dok):
    akses.wajib(akses.boleh_hapus_dokumen(request.user, dok.usulan))
    jalankan(request, lambda: dokumen_hapus(oleh=request.user, dokumen=dok), _("Dokumen dihapus."))


@perlu(akses.boleh_kelola_dokumen_syarat)
def katalog(request):
    return render(request, "mutasi/dokumen_syarat_daftar.html", {"daftar": jenis_dokumen_daftar()})


def _form(request, jenis: JenisDokumenSyarat | None):
    form = JenisDokumenForm(request.POST or None, instance=jenis)
    if request.method == "POST" and form.is_valid():
        lama = get_object_or_404(JenisDokumenSyarat, pk=jenis.pk) if jenis else None  # unchanged by the form
        if jalankan_form(
            form,
            lambda: jenis_dokumen_simpan(oleh=request.user, jenis=lama, data=form.cleaned_data, aturan=form.aturan()),
        ):
            messages.success(request, _("Dokumen syarat disimpan."))
            return redirect("mutasi:dokumen_syarat_daftar")
    return render(request, "mutasi/dokumen_syarat_form.html", {"form": form, "jenis": jenis})


@perlu(akses.boleh_kelola_dokumen_syarat)
def jenis_baru(request):
    return _form(request, None)


@perlu(akses.boleh_kelola_dokumen_syarat)
def jenis_ubah(request, pk):
    return _form(request, get_object_or_404(JenisDokumenSyarat, pk=pk))
