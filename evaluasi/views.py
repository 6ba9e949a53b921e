"""Pages of the post-transfer reviews. Every review is read through `_ambil` (404 for whoever may
not see it, 403 for whoever sees it but may not do what the page does; the rules are
`evaluasi.akses`); a draft's content is shown to its reviewer only. Short views: GET shows, POST
changes through a service; a refusal becomes a message or a form error, nothing half-applied."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.formulir import tambah_galat
from inti.galat import LayananError
from inti.halaman import halaman
from mutasi.models import DasarMutasi
from pegawai.akses import hr_required, peran_user, perlu
from pegawai.selectors.pegawai import unit_induk_map, unit_opd_id, unit_turunan_ids

from . import akses
from .ekspor import respons_laporan
from .forms import EvaluasiForm, FilterForm, LaporanForm, PenilaiForm, TanggapanForm, TutupForm
from .models import STATUS_TERBUKA, Evaluasi
from .selectors.dampak import dampak_usulan, kinerja_kurang, laporan_dampak, opd_pilihan, tahun_pilihan
from .selectors.evaluasi import evaluasi_ambil, evaluasi_cari, evaluasi_saya, riwayat_evaluasi
from .services.alur import (
    ALUR,
    evaluasi_ganti_penilai,
    evaluasi_simpan,
    evaluasi_tandai_dibaca,
    evaluasi_tanggapi,
    evaluasi_tutup,
)
from .services.jadwal import interval_bulan
from .services.matriks import matriks_json

PER_HALAMAN = 25
RINCIAN_MAKS = 200  # rows of the report's detail table on the page (the export has them all)


def _ambil(request, pk: int, boleh: Callable[..., bool] | None = None) -> Evaluasi:
    """The review for this request: 404 for whoever may not see it; with `boleh` (a rule of
    evaluasi.akses), 403 for whoever sees it but may not do what the page does."""
    ev = evaluasi_ambil(request.user, pk)
    if boleh is not None and not boleh(request.user, ev):
        raise PermissionDenied
    return ev


def pelatihan_tautan(user, ev: Evaluasi) -> str | None:
    """A link to assign more training for this transfer (the training page that links the
    assignment to the transfer), for whoever that page lets in."""
    if not akses.boleh_tugaskan_pelatihan(user, ev):
        return None
    return reverse("pelatihan:usulan_tugaskan", args=[ev.usulan_id])


# --- Lists ------------------------------------------------------------------------------------


@perlu(akses.boleh_daftar)
def daftar(request):
    form = FilterForm(request.GET or None, opd_pilihan=opd_pilihan(), bulan_pilihan=interval_bulan())
    saring = form.saring()
    qs = evaluasi_cari(request.user, **saring)
    page = halaman(request, qs, PER_HALAMAN)
    hari_ini = timezone.localdate()
    page.object_list = list(page.object_list)
    for ev in page.object_list:
        ev.telat = ev.terlambat_pada(hari_ini)
        ev.hari_terlambat = (hari_ini - ev.jatuh_tempo).days if ev.telat else 0
    return render(
        request,
        "evaluasi/daftar.html",
        {
            "form": form,
            "page_obj": page,
            "urut": saring["urut"],
            "ada_filter": any(v for k, v in request.GET.items() if k not in ("page", "urut")),
        },
    )


@login_required
def saya(request):
    if not peran_user(request.user).pegawai_id:
        raise Http404(_("Akun ini tidak terhubung dengan data pegawai."))
    return render(request, "evaluasi/saya.html", {"daftar": list(evaluasi_saya(request.user))})


# --- One review -----------------------------------------------------------------------------


@login_required
def detail(request, pk: int):
    ev = _ambil(request, pk)
    if ev.status in STATUS_TERBUKA and akses.adalah_pegawai(request.user, ev):
        evaluasi_tandai_dibaca(evaluasi=ev, oleh=request.user)
    riwayat = ALUR.berjudul(riwayat_evaluasi(ev))
    konteks = {
        "ev": ev,
        "batas_tanggapan": akses.batas_tanggapan(ev),
        "tanggapan_form": TanggapanForm(),
        "tutup_form": TutupForm(),
        "pelatihan_url": pelatihan_tautan(request.user, ev),
        "riwayat": riwayat,
        "telat": ev.terlambat,
    }
    return render(request, "evaluasi/detail.html", konteks)


@login_required
def isi(request, pk: int):
    """The reviewer writes the review: "simpan" keeps a draft, "kirim" sends it to the employee."""
    ev = _ambil(request, pk, akses.adalah_penilai)
    boleh, alasan = ALUR.periksa("simpan", ev, request.user)
    if not boleh:  # its reviewer, once it was sent (or cancelled): the page to read it
        messages.info(request, alasan)
        return redirect("evaluasi:detail", pk=pk)
    form = EvaluasiForm(request.POST or None, instance=ev)
    if request.method == "POST" and form.is_valid():
        kirim = request.POST.get("aksi") == "kirim"
        try:
            evaluasi_simpan(evaluasi=ev, oleh=request.user, data=form.cleaned_data, kirim=kirim)
        except (ValidationError, LayananError) as e:
            tambah_galat(form, e)
            if kirim:
                messages.error(request, _("Evaluasi belum lengkap: lengkapi isian yang ditandai, lalu kirim lagi."))
        else:
            if kirim:
                messages.success(request, _("Evaluasi dikirim ke pegawai. Predikat tercatat."))
                return redirect("evaluasi:detail", pk=pk)
            messages.success(request, _("Draf disimpan. Hanya Anda yang dapat membacanya sampai dikirim."))
            return redirect("evaluasi:isi", pk=pk)
    return render(
        request,
        "evaluasi/form.html",
        {
            "ev": ev,
            "form": form,
            "matriks": matriks_json(),
            "dampak": dampak_usulan(ev.usulan),
            "pelatihan_url": pelatihan_tautan(request.user, ev),
            "telat": ev.terlambat,
        },
    )


def _langkah(request, ev: Evaluasi, form, lakukan: Callable[[dict], object], berhasil: str, tak_sah: str = ""):
    """A move posted from the review's page: the form's errors or the service's refusal become a
    message, success another; back to the review's page either way."""
    if not form.is_valid():
        messages.error(request, tak_sah or " ".join(e for errs in form.errors.values() for e in errs))
    else:
        try:
            lakukan(form.cleaned_data)
        except LayananError as e:
            messages.error(request, str(e))
        else:
            messages.success(request, berhasil)
    return redirect("evaluasi:detail", pk=ev.pk)


@require_POST
@login_required
def tanggapi(request, pk: int):
    ev = _ambil(request, pk, akses.adalah_pegawai)
    tanpa = request.POST.get("aksi") == "tanpa_tanggapan"
    return _langkah(
        request,
        ev,
        TanggapanForm(request.POST),
        lambda d: evaluasi_tanggapi(evaluasi=ev, oleh=request.user, tanggapan="" if tanpa else d["tanggapan"]),
        _("Terima kasih. Evaluasi kini final."),
    )


@require_POST
@hr_required
def tutup(request, pk: int):
    ev = _ambil(request, pk)
    return _langkah(
        request,
        ev,
        TutupForm(request.POST),
        lambda d: evaluasi_tutup(evaluasi=ev, oleh=request.user, catatan=d["catatan"]),
        _("Evaluasi ditutup dan menjadi final."),
        tak_sah=_("Tuliskan alasan penutupan."),
    )


@hr_required
def penilai(request, pk: int):
    ev = _ambil(request, pk)
    if not akses.boleh_ganti_penilai(request.user, ev):
        messages.error(request, _("Penilai tidak dapat diganti setelah evaluasi dikirim."))
        return redirect("evaluasi:detail", pk=pk)
    opd_ids = set()
    if ev.usulan.tujuan_unit_id:
        opd_ids = unit_turunan_ids([unit_opd_id(ev.usulan.tujuan_unit_id, unit_induk_map())])
    form = PenilaiForm(request.POST or None, evaluasi=ev, opd_unit_ids=opd_ids)
    if request.method == "POST" and form.is_valid():
        try:
            evaluasi_ganti_penilai(
                evaluasi=ev, oleh=request.user, penilai=form.cleaned_data["penilai"], alasan=form.cleaned_data["alasan"]
            )
        except (ValidationError, LayananError) as e:
            tambah_galat(form, e)
        else:
            messages.success(
                request, _("Penilai diganti menjadi %(nama)s.") % {"nama": form.cleaned_data["penilai"].nama_lengkap}
            )
            return redirect("evaluasi:detail", pk=pk)
    return render(request, "evaluasi/penilai.html", {"ev": ev, "form": form})


# --- Impact reports -----------------------------------------------------------------------------


def _laporan_konteks(request) -> dict:
    form = LaporanForm(request.GET or None, tahun_pilihan=tahun_pilihan(), opd_pilihan=opd_pilihan())
    saring = form.saring()
    laporan = laporan_dampak(**saring)
    dasar = dict(DasarMutasi.choices)
    keterangan = []
    if saring["dari_tahun"] or saring["sampai_tahun"]:
        keterangan.append(
            _("Periode TMT: %(a)s s.d. %(b)s") % {"a": saring["dari_tahun"] or "…", "b": saring["sampai_tahun"] or "…"}
        )
    else:
        keterangan.append(_("Periode TMT: semua"))
    keterangan.append(_("OPD penerima: %(opd)s") % {"opd": form.opd_nama() or _("semua")})
    if saring["dasar"]:
        keterangan.append(_("Dasar mutasi: %(d)s") % {"d": dasar.get(saring["dasar"], saring["dasar"])})
    rincian = laporan.rincian[::-1][:RINCIAN_MAKS]
    return {
        "form": form,
        "laporan": laporan,
        "rincian": rincian,
        "rincian_terpotong": len(laporan.rincian) > len(rincian),
        "instansi": settings.INSTANSI_NAMA,
        "instansi_unit": settings.INSTANSI_UNIT_KEPEGAWAIAN,
        "grafik": laporan.grafik(),
        "keterangan": keterangan,
        "dibuat_pada": timezone.localtime(),
    }


@perlu(akses.boleh_lihat_laporan)
def laporan(request):
    return render(request, "evaluasi/laporan.html", _laporan_konteks(request))


@perlu(akses.boleh_lihat_laporan)
def laporan_cetak(request):
    return render(request, "evaluasi/laporan_cetak.html", _laporan_konteks(request))


@perlu(akses.boleh_lihat_laporan)
def laporan_ekspor(request):
    konteks = _laporan_konteks(request)
    return respons_laporan(konteks["laporan"], keterangan=konteks["keterangan"])


@perlu(akses.boleh_lihat_kinerja)
def kinerja(request):
    """Transferred employees without the yearly predicates the before/after comparison needs."""
    form = LaporanForm(request.GET or None, tahun_pilihan=tahun_pilihan(), opd_pilihan=opd_pilihan())
    saring = form.saring()
    daftar_ = kinerja_kurang(opd=saring["opd"])
    page = halaman(request, daftar_, PER_HALAMAN)
    try:
        impor_url = reverse("impor:index")
    except NoReverseMatch:
        impor_url = None
    return render(request, "evaluasi/kinerja.html", {"form": form, "page_obj": page, "impor_url": impor_url})
