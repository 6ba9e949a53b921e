"""Bulk import (HR staff): upload -> preview -> confirm, the run log, templates; and the
employee list's export (whoever may read the list, for the rows they may read)."""

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.galat import LayananError
from inti.lembar import respons_csv, respons_xlsx
from inti.tugas import ProgresTugas

from ..akses import boleh_impor, boleh_lihat_organisasi, peran_user, perlu
from ..forms.impor import ImporForm, RiwayatImporFilterForm
from ..impor.ekspor import baris_pegawai, judul_pegawai, tabel_pegawai, xlsx_templat
from ..impor.jenis import JENIS
from ..models import RiwayatImpor
from ..selectors.impor import riwayat_impor_ambil
from ..services.impor import (
    ImporDitolak,
    ekspor_catat,
    impor_batal,
    impor_catat_ditolak,
    impor_konfirmasi,
    impor_konfirmasi_antrekan,
    impor_latar,
    impor_longgarkan,
    impor_unggah,
    unggahan_ambil,
)
from .pegawai import pegawai_tersaring

GALAT_PER_HALAMAN = 100


@perlu(boleh_impor)
def index(request):
    """GET: the upload form with the column reference; POST: upload and check, then the preview."""
    if request.method == "POST":
        form = ImporForm(request.POST, request.FILES)
        if form.is_valid():
            u = impor_unggah(berkas=form.cleaned_data["berkas"], jenis=form.cleaned_data["jenis"], oleh=request.user)
            return redirect("impor:pratinjau", token=u.token)
        berkas = request.FILES.get("berkas")
        if berkas is not None:
            impor_catat_ditolak(
                jenis=request.POST.get("jenis", "")[:20] or "-",
                nama_file=berkas.name,
                oleh=request.user,
                pesan="; ".join(form.errors.get("berkas", [])) or _("Formulir tidak sah."),
            )
    else:
        jenis = request.GET.get("jenis")
        form = ImporForm(initial={"jenis": jenis if jenis in JENIS else "pegawai"})
    return render(
        request,
        "impor/index.html",
        {
            "form": form,
            "daftar_jenis": list(JENIS.values()),
            "terakhir": RiwayatImpor.objects.select_related("oleh__pegawai")[:5],
        },
    )


@perlu(boleh_impor)
def pratinjau(request, token):
    u = unggahan_ambil(token=token, oleh=request.user)
    progres = ProgresTugas.objects.filter(pk=u.progres_id).first() if u.progres_id else None
    if not u.diperiksa:  # a big file the worker is still checking
        return render(
            request, "impor/tugas.html", {"progres": progres, "judul": _("Memeriksa %(f)s") % {"f": u.nama_file}}
        )
    halaman = Paginator(u.hasil.galat, GALAT_PER_HALAMAN).get_page(request.GET.get("page"))
    return render(
        request,
        "impor/pratinjau.html",
        {
            "u": u,
            "hasil": u.hasil,
            "spec": JENIS[u.jenis],
            "page_obj": halaman,
            "galat": halaman.object_list,
            "progres": progres if progres and progres.jenis == "impor.simpan" else None,
        },
    )


@perlu(boleh_impor)
@require_POST
def konfirmasi(request, token):
    if impor_latar(unggahan_ambil(token=token, oleh=request.user)):
        try:
            impor_konfirmasi_antrekan(token=token, oleh=request.user)
        except LayananError as e:
            messages.error(request, str(e))
        return redirect("impor:pratinjau", token=token)
    try:
        riwayat, hasil = impor_konfirmasi(token=token, oleh=request.user)
    except ImporDitolak as e:
        messages.error(
            request,
            _("Pemeriksaan ulang menemukan kesalahan (data berubah sejak pratinjau); tidak ada yang disimpan. %(r)s")
            % {"r": e.hasil.ringkasan()},
        )
        return redirect("impor:pratinjau", token=token)
    except LayananError as e:
        messages.error(request, str(e))
        return redirect("impor:pratinjau", token=token)
    messages.success(request, _("Impor berhasil disimpan: %(r)s") % {"r": hasil.ringkasan()})
    return redirect("impor:riwayat_detail", pk=riwayat.pk)


@perlu(boleh_impor)
@require_POST
def longgarkan(request, token):
    """HR relaxes the ticked plausibility rules for this file, each with its reason; the file is
    checked again and the preview shows the result."""
    longgar = {
        k.removeprefix("aturan_"): request.POST.get(f"alasan_{k.removeprefix('aturan_')}", "")
        for k in request.POST
        if k.startswith("aturan_")
    }
    try:
        impor_longgarkan(token=token, oleh=request.user, longgar=longgar)
    except LayananError as e:
        messages.error(request, str(e))
    return redirect("impor:pratinjau", token=token)


@perlu(boleh_impor)
@require_POST
def batal(request, token):
    impor_batal(token=token, oleh=request.user)
    messages.info(request, _("Impor dibatalkan; file yang diunggah sudah dihapus."))
    return redirect("impor:index")


@perlu(boleh_impor)
def galat_csv(request, token):
    """Every error of a preview as CSV, for fixing a large file."""
    u = unggahan_ambil(token=token, oleh=request.user)
    return respons_csv(
        f"kesalahan-{u.jenis}.csv",
        [_("Baris"), _("Kolom"), _("Kesalahan")],
        ((g.baris or "", g.kolom or "", g.pesan) for g in u.hasil.galat),
    )


@perlu(boleh_impor)
def templat(request, jenis):
    spec = JENIS.get(jenis)
    if spec is None:
        raise Http404
    f = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    xlsx_templat(spec, f)
    f.seek(0)
    return FileResponse(f, as_attachment=True, filename=f"templat-impor-{jenis}.xlsx")


@perlu(boleh_impor)
def riwayat_daftar(request):
    form = RiwayatImporFilterForm(request.GET or None)
    qs = RiwayatImpor.objects.select_related("oleh__pegawai")
    if form.is_valid():
        d = form.cleaned_data
        if d["q"]:
            qs = qs.filter(nama_file__icontains=d["q"])
        if d["jenis"]:
            qs = qs.filter(jenis=d["jenis"])
        if d["hasil"]:
            qs = qs.filter(berhasil=d["hasil"] == "berhasil")
    halaman = Paginator(qs.order_by("-waktu", "-pk"), 25).get_page(request.GET.get("page"))
    for r in halaman:
        r.jenis_label = JENIS[r.jenis].label if r.jenis in JENIS else r.jenis
    return render(request, "impor/riwayat_daftar.html", {"form": form, "page_obj": halaman})


@perlu(boleh_impor)
def riwayat_detail(request, pk):
    riwayat = riwayat_impor_ambil(request.user, pk)
    spec = JENIS.get(riwayat.jenis)
    return render(
        request,
        "impor/riwayat_detail.html",
        {"r": riwayat, "spec": spec, "baris_catatan": [b for b in riwayat.catatan.splitlines() if b.strip()]},
    )


@perlu(boleh_lihat_organisasi)
def ekspor_pegawai(request, format):
    """The employee list as filtered on screen (same query string), in the import's columns."""
    _form, pegawai, _urut, kriteria = pegawai_tersaring(request)
    nama = f"pegawai-{timezone.localdate():%Y%m%d}.{format}"
    ekspor_catat(oleh=request.user, format=format, kriteria=kriteria)
    if format == "csv":
        pemisah = ";" if request.GET.get("pemisah") == ";" else ","
        return respons_csv(nama, judul_pegawai(), baris_pegawai(pegawai.iterator(chunk_size=2000)), pemisah=pemisah)
    return respons_xlsx(nama, tabel_pegawai(pegawai.iterator(chunk_size=2000)))


# --- Background tasks' progress (big imports, bulk invitations) ------------------------------


def _progres_ambil(request, pk: int) -> ProgresTugas:
    """The task's progress for the user who started it or HR; 404 for anyone else."""
    p = get_object_or_404(ProgresTugas, pk=pk)
    if p.dibuat_oleh_id != request.user.pk and not peran_user(request.user).hr:
        raise Http404
    return p


@login_required
def tugas(request, pk):
    """A background task's progress page (bulk invitations): the bar, then the outcome."""
    return render(request, "impor/tugas.html", {"progres": _progres_ambil(request, pk)})


@login_required
def tugas_status(request, pk):
    """The small JSON the progress bar polls (static/js/progres.js)."""
    respons = JsonResponse(_progres_ambil(request, pk).ke_json())
    respons["Cache-Control"] = "no-store"
    return respons
