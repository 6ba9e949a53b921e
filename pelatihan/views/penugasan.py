"""Training assignments: the list (filters, export), assigning outside a transfer, one
assignment with its history and the moves the user may make, the due date, the evidence."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from inti.formulir import jalankan, simpan_form
from inti.halaman import halaman
from inti.lembar import Tabel, respons_xlsx
from inti.masukan import id_aman
from inti.respons import berkas_response
from pegawai.akses import perlu
from pegawai.selectors.pegawai import pegawai_terlihat, unit_terlihat

from .. import services
from ..akses import boleh_lihat_penugasan_staf, boleh_menugaskan
from ..forms import (
    AlasanForm,
    AlasanOpsionalForm,
    PenugasanBaruForm,
    PenugasanFilterForm,
    TenggatForm,
    UnggahBuktiForm,
    VerifikasiForm,
)
from ..models import Pelatihan
from ..selectors import URUTAN_PENUGASAN, penugasan_ambil, penugasan_cari, penugasan_ringkasan, riwayat_penugasan
from .umum import PER_HALAMAN, galat_form, kembali, urut_dari

# What the user is told after each move.
SUKSES = {
    "mulai": gettext_lazy("Pelatihan ditandai sedang berlangsung."),
    "unggah": gettext_lazy("Sertifikat diunggah dan menunggu verifikasi BKPSDM."),
    "verifikasi": gettext_lazy("Pelatihan diverifikasi selesai; kompetensinya ditambahkan ke data pegawai."),
    "kembalikan_bukti": gettext_lazy("Bukti dikembalikan kepada pegawai."),
    "tidak_selesai": gettext_lazy("Penugasan dinyatakan tidak selesai."),
    "batalkan": gettext_lazy("Penugasan dibatalkan."),
}


def _penugasan_filter(request: HttpRequest) -> tuple[PenugasanFilterForm, dict, str]:
    form = PenugasanFilterForm(
        request.GET or None,
        unit_qs=unit_terlihat(request.user),
        pelatihan_pilihan=list(Pelatihan.objects.order_by("nama").values_list("pk", "nama")),
    )
    return form, form.filter(), urut_dari(request, "prioritas", URUTAN_PENUGASAN)


@perlu(boleh_lihat_penugasan_staf)
def penugasan_daftar(request: HttpRequest) -> HttpResponse:
    form, filt, urut = _penugasan_filter(request)
    page = halaman(request, penugasan_cari(request.user, **filt, urut=urut), PER_HALAMAN)
    return render(
        request,
        "pelatihan/penugasan_daftar.html",
        {
            "form": form,
            "page_obj": page,
            "urut": urut,
            "hari_ini": timezone.localdate(),
            "ringkasan": penugasan_ringkasan(penugasan_cari(request.user)),
            "ada_filter": any(request.GET.get(k) for k in ("q", "status", "unit", "pelatihan", "sumber", "terlambat")),
        },
    )


KOLOM_EKSPOR = [
    ("NIP", 20),
    ("Nama", 30),
    ("Unit kerja", 30),
    ("Pelatihan", 36),
    ("Jenis", 16),
    ("JP", 6),
    ("Sumber", 16),
    ("Ditugaskan", 12),
    ("Tenggat", 12),
    ("Status", 20),
    ("Terlambat", 10),
    ("Tanggal selesai", 14),
    ("JP diperoleh", 10),
    ("Diverifikasi oleh", 24),
    ("Alasan", 40),
]


@perlu(boleh_lihat_penugasan_staf)
def penugasan_ekspor(request: HttpRequest) -> FileResponse:
    """The list as filtered, as a workbook (written by inti.lembar: typed text never becomes a formula)."""
    _form, filt, urut = _penugasan_filter(request)
    hari_ini = timezone.localdate()
    baris = (
        [
            t.pegawai.nip,
            t.pegawai.nama_lengkap,
            t.unit_nama or "",
            t.pelatihan.nama,
            t.pelatihan.get_jenis_display(),
            t.pelatihan.jp,
            t.usulan.nomor if t.usulan_id else "di luar mutasi",
            timezone.localtime(t.ditugaskan_pada).date(),
            t.tenggat,
            "Menunggu verifikasi" if t.menunggu_verifikasi else t.get_status_display(),
            "ya" if t.terlambat_pada(hari_ini) else "",
            t.tanggal_selesai,
            t.jp_diperoleh or None,
            t.diverifikasi_oleh.get_full_name() if t.diverifikasi_oleh_id else "",
            t.alasan,
        ]
        for t in penugasan_cari(request.user, **filt, urut=urut, hari_ini=hari_ini).iterator(chunk_size=500)
    )
    tabel = Tabel(
        judul="Penugasan pelatihan",
        kepala=[k for k, _lebar in KOLOM_EKSPOR],
        lebar=[lebar for _k, lebar in KOLOM_EKSPOR],
        baris=baris,
    )
    return respons_xlsx(f"penugasan-pelatihan-{hari_ini:%Y%m%d}.xlsx", tabel)


@perlu(boleh_menugaskan)
def penugasan_baru(request: HttpRequest) -> HttpResponse:
    qs = pegawai_terlihat(request.user)
    awal = {}
    if pegawai_id := id_aman(request.GET.get("pegawai")):
        pg = qs.filter(pk=pegawai_id).first()
        if pg is not None:
            awal["nip"] = pg.nip
    if pelatihan_id := id_aman(request.GET.get("pelatihan")):
        awal["pelatihan"] = pelatihan_id
    form = PenugasanBaruForm(request.POST if request.method == "POST" else None, initial=awal, pegawai_qs=qs)
    return simpan_form(
        request,
        form,
        lambda d: services.penugasan_buat(
            oleh=request.user, pegawai=d["nip"], pelatihan=d["pelatihan"], tenggat=d["tenggat"], catatan=d["catatan"]
        ),
        _("Pelatihan ditugaskan."),
        lambda t: reverse("pelatihan:penugasan_detail", args=[t.pk]),
    ) or render(request, "pelatihan/penugasan_baru.html", {"form": form})


@login_required
def penugasan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    t = penugasan_ambil(request.user, pk)
    aksi = services.aksi_tersedia(t, request.user)
    return render(
        request,
        "pelatihan/penugasan_detail.html",
        {
            "t": t,
            "aksi": aksi,
            # The moves that close the assignment: one small form each, with its reason.
            "tutup": [services.AKSI[n] for n in aksi if n in ("tidak_selesai", "batalkan")],
            "riwayat": services.ALUR.berjudul(riwayat_penugasan(t)),
            "unggah_form": UnggahBuktiForm(),
            "verifikasi_form": VerifikasiForm(penugasan=t),
            "alasan_form": AlasanForm(),
            "tenggat_form": TenggatForm(initial={"tenggat": t.tenggat}),
            "wajib_bukti": settings.PELATIHAN_WAJIB_BUKTI,
        },
    )


def _ke_detail(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    return kembali(request, reverse("pelatihan:penugasan_detail", args=[pk]))


@require_POST
@login_required
def penugasan_aksi(request: HttpRequest, pk: int, nama: str) -> HttpResponse:
    t = penugasan_ambil(request.user, pk)
    if nama not in services.AKSI:
        raise Http404
    form_alasan = AlasanOpsionalForm(request.POST)
    if not form_alasan.is_valid():
        messages.error(request, galat_form(form_alasan))
        return _ke_detail(request, t.pk)
    kw = {"alasan": form_alasan.cleaned_data["alasan"]}
    if nama == "unggah":
        form = UnggahBuktiForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Pilih berkas sertifikat (PDF, PNG atau JPEG)."))
            return _ke_detail(request, t.pk)
        kw["berkas"] = form.cleaned_data["berkas"]
    elif nama == "verifikasi":
        form = VerifikasiForm(request.POST, penugasan=t)
        if not form.is_valid():
            messages.error(request, _("Periksa tanggal selesai dan JP: %(e)s") % {"e": galat_form(form)})
            return _ke_detail(request, t.pk)
        kw.update(tanggal_selesai=form.cleaned_data["tanggal_selesai"], jp=form.cleaned_data["jp"])
    jalankan(
        request,
        lambda: services.penugasan_transisi(penugasan=t, aksi=nama, oleh=request.user, **kw),
        str(SUKSES[nama]),
    )
    return _ke_detail(request, t.pk)


@require_POST
@login_required
def penugasan_tenggat(request: HttpRequest, pk: int) -> HttpResponse:
    t = penugasan_ambil(request.user, pk)
    form = TenggatForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi tenggat baru dengan tanggal yang benar."))
    else:
        d = form.cleaned_data
        jalankan(
            request,
            lambda: services.penugasan_ubah_tenggat(
                penugasan=t, oleh=request.user, tenggat=d["tenggat"], alasan=d["alasan"]
            ),
            _("Tenggat diubah."),
        )
    return _ke_detail(request, t.pk)


@login_required
def penugasan_bukti(request: HttpRequest, pk: int) -> FileResponse:
    t = penugasan_ambil(request.user, pk)
    if not t.bukti:
        raise Http404
    return berkas_response(t.bukti, tipe=t.bukti_tipe or None, nama=t.bukti_nama or None)
