"""A transfer's training and adaptation: assigning its trainings from the competence gap, the
list of adaptations, one adaptation plan (mentor, checklist, check-ins) and its changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.formulir import jalankan, jalankan_form, simpan_form
from inti.halaman import halaman
from mutasi.models import STATUS_TERLIHAT_PEGAWAI, UsulanMutasi
from pegawai.akses import peran_user
from pegawai.selectors.pegawai import unit_terlihat

from .. import services
from ..akses import boleh_centang, boleh_kelola_adaptasi, boleh_lihat_checkin, boleh_tulis_checkin
from ..forms import AdaptasiFilterForm, CheckInForm, ItemForm, MentorForm, TugaskanUsulanForm
from ..models import pendampingan_dari
from ..selectors import (
    adaptasi_ambil,
    adaptasi_daftar,
    checkin_jatuh_tempo,
    item_ambil,
    kandidat_mentor,
    kesenjangan_usulan,
    rencana_item,
    tmt_usulan,
    usulan_kelola_ambil,
)
from .umum import PER_HALAMAN

# --- Assigning from a transfer -------------------------------------------------------------------


@login_required
def usulan_tugaskan(request: HttpRequest, pk: int) -> HttpResponse:
    u = usulan_kelola_ambil(request.user, pk)
    if u.status not in STATUS_TERLIHAT_PEGAWAI or u.tujuan_jabatan_id is None:
        messages.error(request, _("Pelatihan ditugaskan setelah mutasi ke unit kota diputuskan PPK."))
        return redirect("mutasi:detail", u.pk)
    gap = kesenjangan_usulan(u)
    form = TugaskanUsulanForm(request.POST if request.method == "POST" else None, saran=gap.saran, usulan=u)
    return simpan_form(
        request,
        form,
        lambda d: services.penugasan_dari_usulan(
            oleh=request.user, usulan=u, pilihan=d["pilihan"], catatan=d.get("catatan", "")
        ),
        lambda hasil: (
            _("%(n)d pelatihan ditugaskan kepada %(nama)s.") % {"n": len(hasil), "nama": u.pegawai.nama_lengkap}
        ),
        reverse("mutasi:detail", args=[u.pk]) + "#pelatihan",
    ) or render(request, "pelatihan/usulan_tugaskan.html", {"u": u, "gap": gap, "form": form})


# --- Adaptation ----------------------------------------------------------------------------------


@login_required
def adaptasi_daftar_view(request: HttpRequest) -> HttpResponse:
    form = AdaptasiFilterForm(request.GET or None, unit_qs=unit_terlihat(request.user))
    page = halaman(request, adaptasi_daftar(request.user, **form.filter()), PER_HALAMAN)
    for u in page.object_list:
        u.lihat_checkin = boleh_lihat_checkin(request.user, u)
    return render(
        request,
        "pelatihan/adaptasi_daftar.html",
        {"form": form, "page_obj": page, "ada_filter": any(request.GET.get(k) for k in form.fields)},
    )


def _konteks_adaptasi(request: HttpRequest, u: UsulanMutasi) -> dict:
    hari_ini = timezone.localdate()
    pd = pendampingan_dari(u)
    item = rencana_item(pd)
    kelola = boleh_kelola_adaptasi(request.user, u)
    pegawai_sendiri = peran_user(request.user).pegawai_id == u.pegawai_id
    lihat_checkin = boleh_lihat_checkin(request.user, u)
    jatuh_tempo = checkin_jatuh_tempo(u, hari_ini=hari_ini) if boleh_tulis_checkin(request.user, u) else []
    return {
        "u": u,
        "pd": pd,
        "item": item,
        "item_selesai": sum(1 for i in item if i.selesai),
        "tmt": tmt_usulan(u),
        "hari_ini": hari_ini,
        "kelola": kelola,
        "centang": boleh_centang(request.user, u, pd),
        "pegawai_sendiri": pegawai_sendiri,
        "lihat_checkin": lihat_checkin,
        "checkin": list(u.checkin_adaptasi.all()) if lihat_checkin else [],
        "jatuh_tempo": jatuh_tempo,
        "checkin_form": CheckInForm(initial={"minggu_ke": jatuh_tempo[0]}) if jatuh_tempo else None,
        "mentor_form": MentorForm(kandidat=kandidat_mentor(u), initial={"mentor": pd.mentor_id if pd else None})
        if kelola
        else None,
        "item_form": ItemForm(initial={"tenggat": hari_ini}) if kelola and pd else None,
        "penugasan": list(u.penugasan_pelatihan.select_related("pelatihan").order_by("tenggat"))
        if (lihat_checkin or kelola)
        else [],
    }


@login_required
def adaptasi(request: HttpRequest, pk: int) -> HttpResponse:
    u = adaptasi_ambil(request.user, pk)
    return render(request, "pelatihan/adaptasi.html", _konteks_adaptasi(request, u))


def _ke_adaptasi(usulan_id: int, jangkar: str = "") -> HttpResponseRedirect:
    return redirect(reverse("pelatihan:adaptasi", args=[usulan_id]) + jangkar)


@require_POST
@login_required
def adaptasi_mentor(request: HttpRequest, pk: int) -> HttpResponse:
    u = adaptasi_ambil(request.user, pk)
    form = MentorForm(request.POST, kandidat=kandidat_mentor(u))
    if not form.is_valid():
        messages.error(request, _("Pilih pendamping dari pegawai unit tujuan."))
    else:
        jalankan(
            request,
            lambda: services.pendampingan_tetapkan(usulan=u, mentor=form.cleaned_data["mentor"], oleh=request.user),
            _("Pendamping ditetapkan."),
        )
    return _ke_adaptasi(u.pk)


def _item_simpan(request: HttpRequest, usulan_id: int, **kw) -> HttpResponseRedirect:
    """Add (no `item`) or change a plan item from the posted ItemForm."""
    form = ItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi nama kegiatan dan tenggatnya."))
    else:
        d = form.cleaned_data
        sukses = _("Kegiatan diubah.") if kw.get("item") else _("Kegiatan ditambahkan ke rencana adaptasi.")
        jalankan(
            request,
            lambda: services.item_simpan(oleh=request.user, judul=d["judul"], tenggat=d["tenggat"], **kw),
            sukses,
        )
    return _ke_adaptasi(usulan_id)


@require_POST
@login_required
def adaptasi_item_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    u = adaptasi_ambil(request.user, pk)
    pd = pendampingan_dari(u)
    if pd is None:
        messages.error(request, _("Rencana adaptasi dibuat saat kepala unit tujuan menunjuk pendamping."))
        return _ke_adaptasi(u.pk)
    return _item_simpan(request, u.pk, pendampingan=pd)


@require_POST
@login_required
def adaptasi_item_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_ambil(request.user, pk)
    usulan_id = item.pendampingan.usulan_id
    if request.POST.get("hapus"):
        jalankan(
            request, lambda: services.item_hapus(item=item, oleh=request.user), _("Kegiatan dihapus dari rencana.")
        )
        return _ke_adaptasi(usulan_id)
    return _item_simpan(request, usulan_id, pendampingan=item.pendampingan, item=item)


@require_POST
@login_required
def adaptasi_item_centang(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_ambil(request.user, pk)
    selesai = request.POST.get("selesai") == "1"
    jalankan(
        request,
        lambda: services.item_centang(item=item, oleh=request.user, selesai=selesai),
        _("Rencana adaptasi diperbarui."),
    )
    return _ke_adaptasi(item.pendampingan.usulan_id, "#rencana")


@require_POST
@login_required
def adaptasi_checkin(request: HttpRequest, pk: int) -> HttpResponse:
    u = adaptasi_ambil(request.user, pk)
    if not boleh_tulis_checkin(request.user, u):
        messages.error(request, _("Hanya pegawai yang dimutasi yang menulis check-in adaptasi."))
        return _ke_adaptasi(u.pk)
    form = CheckInForm(request.POST)
    # The form's fields are the service's arguments.
    if form.is_valid() and jalankan_form(
        form, lambda: services.checkin_tulis(usulan=u, oleh=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Terima kasih. Check-in adaptasi Anda tersimpan."))
        return _ke_adaptasi(u.pk)
    # Show the page again with what was typed and the errors.
    konteks = _konteks_adaptasi(request, u)
    konteks["checkin_form"] = form
    return render(request, "pelatihan/adaptasi.html", konteks)
