"""Batches: many proposals, one decree. HR creates them from a pasted list or a rotation; each
head acts on their own people; the decree covers those decided."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.formulir import jalankan
from inti.galat import LayananError
from inti.masukan import ids_aman
from pegawai.akses import perlu

from .. import akses
from ..forms import BatchForm, SKForm
from ..models import StatusSK, StatusUsulan
from ..selectors import batch_ambil, batch_daftar, unit_peta, usulan_terlihat
from ..services.alur import TRANSISI, aksi_tersedia, usulan_transisi
from ..services.usulan import batch_baca_daftar, batch_buat
from .sk import sk_dari_form


@perlu(akses.boleh_daftar_usulan)
def daftar(request):
    page = Paginator(batch_daftar(request.user).order_by("-dibuat"), 25).get_page(request.GET.get("page"))
    return render(request, "mutasi/batch_daftar.html", {"page_obj": page})


@perlu(akses.boleh_buat_batch)
def baru(request):
    form = BatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        hasil = {}

        def buat():
            baris = batch_baca_daftar(d["daftar"], rotasi=d["mode"] == "rotasi")
            hasil["b"] = batch_buat(
                oleh=request.user,
                nama=d["nama"],
                dasar=d["dasar"],
                tmt_usulan=d["tmt_usulan"],
                keterangan=d["keterangan"],
                baris=baris,
                alasan=d["alasan"],
                manfaat_organisasi=d["manfaat_organisasi"],
                manfaat_pegawai=d["manfaat_pegawai"],
                alasan_tanpa_kekurangan=d["alasan_tanpa_kekurangan"],
            )

        if jalankan(request, buat, _("Batch dibuat; setiap pegawai punya draf usulan sendiri.")):
            return redirect("mutasi:batch_detail", hasil["b"].pk)
    return render(request, "mutasi/batch_form.html", {"form": form})


@login_required
def detail(request, pk):
    b = batch_ambil(request.user, pk)
    usulan = list(
        usulan_terlihat(request.user)
        .filter(batch=b)
        .select_related("pegawai", "asal_unit", "asal_jabatan", "tujuan_unit", "tujuan_jabatan", "sk")
        .order_by("pegawai__nama")
    )
    peta = unit_peta()
    for u in usulan:
        u.aksi_saya = aksi_tersedia(u, request.user, peta)
    aksi_massal = {}
    for u in usulan:
        for t in u.aksi_saya:
            if t.aksi in ("ajukan", "lepas", "terima", "verifikasi", "putuskan"):
                aksi_massal[t.aksi] = t
    menunggu_ttd = set(b.usulan.filter(sk_cakupan__status=StatusSK.KONSEP).values_list("pk", flat=True))
    diputuskan = [u for u in usulan if u.status == StatusUsulan.DIPUTUSKAN and u.pk not in menunggu_ttd]
    ringkas = dict(b.usulan.values("status").annotate(n=Count("id")).values_list("status", "n"))
    return render(
        request,
        "mutasi/batch_detail.html",
        {
            "b": b,
            "usulan_list": usulan,
            "aksi_massal": list(aksi_massal.values()),
            "diputuskan": diputuskan,
            "ringkas": [(StatusUsulan(s).label, n) for s, n in ringkas.items()],
            "sk_form": SKForm(initial=SKForm.awal(b.tmt_usulan))
            if diputuskan and akses.boleh_terbitkan_sk(request.user)
            else None,
            "sk_list": b.sk.all(),
        },
    )


@require_POST
@login_required
def aksi(request, pk):
    """One action on the selected people of a batch; each goes through the one transition
    function on its own, so one refusal does not block the others."""
    b = batch_ambil(request.user, pk)
    nama = request.POST.get("aksi", "")
    t = TRANSISI.get(nama)
    if t is None or t.internal:
        messages.error(request, _("Aksi tidak dikenal."))
        return redirect("mutasi:batch_detail", b.pk)
    ids = ids_aman(request.POST.getlist("usulan"))
    berhasil, gagal = 0, []
    pilihan = list(usulan_terlihat(request.user).filter(batch=b, pk__in=ids).select_related("pegawai"))
    if ids and not pilihan:
        messages.error(request, _("Usulan yang dipilih tidak ada dalam batch ini atau tidak dapat Anda lihat."))
    for u in pilihan:
        try:
            usulan_transisi(usulan=u, aksi=nama, oleh=request.user, catatan=request.POST.get("catatan", ""))
            berhasil += 1
        except LayananError as exc:
            gagal.append(f"{u.pegawai.nama}: {exc}")
    if berhasil:
        messages.success(request, _("%(aksi)s: %(n)d usulan berhasil.") % {"aksi": t.label, "n": berhasil})
    for g in gagal:
        messages.error(request, g)
    if not ids:
        messages.warning(request, _("Pilih dulu pegawai yang akan diproses."))
    return redirect("mutasi:batch_detail", b.pk)


@require_POST
@perlu(akses.boleh_terbitkan_sk)
def sk(request, pk):
    b = batch_ambil(request.user, pk)
    # Those decided and not already in a draft waiting for the PPK.
    ids = list(
        b.usulan.filter(status=StatusUsulan.DIPUTUSKAN)
        .exclude(sk_cakupan__status=StatusSK.KONSEP)
        .values_list("pk", flat=True)
    )
    hasil = sk_dari_form(request, usulan_ids=ids, batch=b)
    if hasil is None:
        return redirect("mutasi:batch_detail", b.pk)
    messages.success(
        request,
        _("Konsep SK untuk %(n)d pegawai dikirim kepada PPK untuk ditetapkan dan ditandatangani.") % {"n": len(ids)},
    )
    return redirect("mutasi:sk_detail", hasil.pk)
