"""Training and adaptation pages: the catalogue, the assignment list (filters, export), one
assignment with its actions, "Pelatihan saya", the 20-JP page, assigning from a transfer, and the
adaptation plan of a transfer. GET shows, POST changes; object access goes through the selectors."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.models import CatatanAudit
from mutasi.models import STATUS_TERLIHAT_PEGAWAI
from mutasi.selectors import usulan_ambil
from mutasi.views._umum import jalankan
from pegawai.akses import hr_required, peran_required, peran_user
from pegawai.forms.fields import id_aman
from pegawai.selectors.pegawai import pegawai_terlihat
from pegawai.selectors.unit import unit_pilihan
from pegawai.services.pegawai import LayananError

from . import services
from .forms import (
    AdaptasiFilterForm,
    AlasanForm,
    AlasanOpsionalForm,
    CheckInForm,
    ItemForm,
    JpFilterForm,
    KatalogFilterForm,
    MentorForm,
    PelatihanForm,
    PenugasanBaruForm,
    PenugasanFilterForm,
    TenggatForm,
    TugaskanUsulanForm,
    UnggahBuktiForm,
    VerifikasiForm,
)
from .models import ItemAdaptasi, Pelatihan, StatusPenugasan
from .selectors import (
    URUTAN_KATALOG,
    URUTAN_PENUGASAN,
    adaptasi_ambil,
    adaptasi_daftar,
    adaptasi_saya,
    checkin_jatuh_tempo,
    jp_pegawai,
    jp_rekap_unit,
    jp_tahun_pegawai,
    kandidat_mentor,
    katalog_cari,
    kesenjangan_usulan,
    mentee_saya,
    pelatihan_ambil,
    pelatihan_saya,
    pendampingan_dari,
    penugasan_ambil,
    penugasan_cari,
    penugasan_ringkasan,
    rencana_item,
    tmt_usulan,
)

PER_HALAMAN = 25
pengelola = peran_required(hr=True, ppk=True, kepala=True)


def _urut(request, bawaan: str, kunci) -> str:
    urut = request.GET.get("urut") or bawaan
    return urut if urut.lstrip("-") in kunci else bawaan


# --- Catalogue ------------------------------------------------------------------------------


@login_required
def katalog(request):
    form = KatalogFilterForm(request.GET or None)
    filt = form.filter()
    if not peran_user(request.user).hr:
        filt["aktif"] = True  # others see what can be assigned
    urut = _urut(request, "nama", URUTAN_KATALOG)
    qs = katalog_cari(**filt, urut=urut)
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("page"))
    ada_filter = any(request.GET.get(k) for k in ("q", "jenis", "mode", "kompetensi", "aktif"))
    return render(
        request,
        "pelatihan/katalog.html",
        {"form": form, "page_obj": page, "urut": urut, "ada_filter": ada_filter},
    )


@login_required
def katalog_detail(request, pk):
    p = pelatihan_ambil(pk)
    if not p.aktif and not peran_user(request.user).hr:
        raise Http404
    jumlah = dict.fromkeys(StatusPenugasan.values, 0)
    if peran_user(request.user).lihat_semua:
        jumlah.update(dict(p.penugasan.values_list("status").annotate(n=Count("id")).values_list("status", "n")))
    return render(request, "pelatihan/katalog_detail.html", {"p": p, "jumlah": jumlah})


def _katalog_form(request, obj: Pelatihan | None):
    form = PelatihanForm(request.POST if request.method == "POST" else None, instance=obj)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        hasil = {}

        def simpan():
            hasil["p"] = services.pelatihan_simpan(oleh=request.user, data=data, pelatihan=obj)

        if jalankan(request, simpan, _("Pelatihan disimpan.")):
            return redirect("pelatihan:katalog_detail", hasil["p"].pk)
    return render(request, "pelatihan/katalog_form.html", {"form": form, "obj": obj})


@hr_required
def katalog_baru(request):
    return _katalog_form(request, None)


@hr_required
def katalog_ubah(request, pk):
    return _katalog_form(request, get_object_or_404(Pelatihan, pk=pk))


# --- Assignments ----------------------------------------------------------------------------


def _penugasan_filter(request) -> tuple[PenugasanFilterForm, dict, str]:
    form = PenugasanFilterForm(
        request.GET or None,
        unit_pilihan=unit_pilihan(request.user),
        pelatihan_pilihan=list(Pelatihan.objects.order_by("nama").values_list("pk", "nama")),
    )
    return form, form.filter(), _urut(request, "prioritas", URUTAN_PENUGASAN)


@pengelola
def penugasan_daftar(request):
    form, filt, urut = _penugasan_filter(request)
    qs = penugasan_cari(request.user, **filt, urut=urut)
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("page"))
    p = peran_user(request.user)
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
            "boleh_tugaskan": p.hr or p.kepala,
        },
    )


@pengelola
def penugasan_ekspor(request):
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    _form, filt, urut = _penugasan_filter(request)
    hari_ini = timezone.localdate()
    wb = Workbook()
    ws = wb.active
    ws.title = "Penugasan pelatihan"
    kepala = [
        "NIP",
        "Nama",
        "Unit kerja",
        "Pelatihan",
        "Jenis",
        "JP",
        "Sumber",
        "Ditugaskan",
        "Tenggat",
        "Status",
        "Terlambat",
        "Tanggal selesai",
        "JP diperoleh",
        "Diverifikasi oleh",
        "Alasan",
    ]
    ws.append(kepala)
    for c in ws[1]:
        c.font = Font(bold=True)
    merah = PatternFill("solid", fgColor="F8D7DA")
    for t in penugasan_cari(request.user, **filt, urut=urut, hari_ini=hari_ini).iterator(chunk_size=500):
        terlambat = t.terlambat_pada(hari_ini)
        ws.append(
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
                "ya" if terlambat else "",
                t.tanggal_selesai,
                t.jp_diperoleh or None,
                t.diverifikasi_oleh.get_full_name() if t.diverifikasi_oleh_id else "",
                t.alasan,
            ]
        )
        if terlambat:
            for c in ws[ws.max_row]:
                c.fill = merah
    for i, lebar in enumerate([20, 30, 30, 36, 16, 6, 16, 12, 12, 20, 10, 14, 10, 24, 40], 1):
        ws.column_dimensions[get_column_letter(i)].width = lebar
        if lebar == 12 or lebar == 14:
            for (c,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                c.number_format = "DD-MM-YYYY"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    resp = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="penugasan-pelatihan-{hari_ini:%Y%m%d}.xlsx"'
    wb.save(resp)
    return resp


@peran_required(hr=True, kepala=True)
def penugasan_baru(request):
    qs = pegawai_terlihat(request.user)
    awal = {}
    if pegawai_id := id_aman(request.GET.get("pegawai")):
        pg = qs.filter(pk=pegawai_id).first()
        if pg is not None:
            awal["nip"] = pg.nip
    if pelatihan_id := id_aman(request.GET.get("pelatihan")):
        awal["pelatihan"] = pelatihan_id
    form = PenugasanBaruForm(request.POST if request.method == "POST" else None, initial=awal, pegawai_qs=qs)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        hasil = {}

        def buat():
            hasil["t"] = services.penugasan_buat(
                oleh=request.user,
                pegawai=d["nip"],
                pelatihan=d["pelatihan"],
                tenggat=d["tenggat"],
                catatan=d["catatan"],
            )

        try:
            buat()
        except LayananError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Pelatihan ditugaskan."))
            return redirect("pelatihan:penugasan_detail", hasil["t"].pk)
    return render(request, "pelatihan/penugasan_baru.html", {"form": form})


@login_required
def penugasan_detail(request, pk):
    t = penugasan_ambil(request.user, pk)
    riwayat = CatatanAudit.objects.filter(objek_tipe=t._meta.label_lower, objek_id=str(t.pk)).select_related(
        "oleh", "oleh__pegawai"
    )
    aksi = services.aksi_tersedia(t, request.user)
    return render(
        request,
        "pelatihan/penugasan_detail.html",
        {
            "t": t,
            "aksi": aksi,
            "riwayat": riwayat,
            "boleh_tenggat": t.aktif and services.boleh_kelola_penugasan(request.user, t),
            "unggah_form": UnggahBuktiForm(),
            "verifikasi_form": VerifikasiForm(penugasan=t),
            "alasan_form": AlasanForm(),
            "tenggat_form": TenggatForm(initial={"tenggat": t.tenggat}),
            "wajib_bukti": settings.PELATIHAN_WAJIB_BUKTI,
        },
    )


def _kembali(request, t, bawaan: str = ""):
    """Back to where the user came from when it is one of our pages, else the assignment."""
    lanjut = request.POST.get("lanjut", "")
    if lanjut.startswith("/pelatihan/") and "//" not in lanjut:
        return redirect(lanjut)
    return redirect(bawaan or reverse("pelatihan:penugasan_detail", args=[t.pk]))


@require_POST
@login_required
def penugasan_aksi(request, pk, nama):
    t = penugasan_ambil(request.user, pk)
    if nama not in services.AKSI:
        raise Http404
    form_alasan = AlasanOpsionalForm(request.POST)
    if not form_alasan.is_valid():
        messages.error(request, _galat(form_alasan))
        return _kembali(request, t)
    kw = {"alasan": form_alasan.cleaned_data["alasan"]}
    if nama == "unggah":
        form = UnggahBuktiForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Pilih berkas sertifikat (PDF, PNG atau JPEG)."))
            return _kembali(request, t)
        kw["berkas"] = form.cleaned_data["berkas"]
    elif nama == "verifikasi":
        form = VerifikasiForm(request.POST, penugasan=t)
        if not form.is_valid():
            messages.error(request, _("Periksa tanggal selesai dan JP: %(e)s") % {"e": _galat(form)})
            return _kembali(request, t)
        kw.update(tanggal_selesai=form.cleaned_data["tanggal_selesai"], jp=form.cleaned_data["jp"])
    sukses = {
        "mulai": _("Pelatihan ditandai sedang berlangsung."),
        "unggah": _("Sertifikat diunggah dan menunggu verifikasi BKPSDM."),
        "verifikasi": _("Pelatihan diverifikasi selesai; kompetensinya ditambahkan ke data pegawai."),
        "kembalikan_bukti": _("Bukti dikembalikan kepada pegawai."),
        "tidak_selesai": _("Penugasan dinyatakan tidak selesai."),
        "batalkan": _("Penugasan dibatalkan."),
    }[nama]
    jalankan(request, lambda: services.penugasan_transisi(penugasan=t, aksi=nama, oleh=request.user, **kw), sukses)
    return _kembali(request, t)


def _galat(form) -> str:
    return " ".join(str(m) for e in form.errors.values() for m in e)


@require_POST
@login_required
def penugasan_tenggat(request, pk):
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
    return _kembali(request, t)


@login_required
def penugasan_bukti(request, pk):
    t = penugasan_ambil(request.user, pk)
    if not t.bukti:
        raise Http404
    return FileResponse(t.bukti.open("rb"), content_type=t.bukti_tipe or None, filename=t.bukti_nama or None)


# --- The employee's own page ------------------------------------------------------------------


@login_required
def saya(request):
    p = peran_user(request.user)
    hari_ini = timezone.localdate()
    semua = list(pelatihan_saya(request.user))
    aktif = [t for t in semua if t.aktif]
    riwayat = [t for t in semua if not t.aktif]
    jp = jp_tahun_pegawai(p.pegawai_id, hari_ini.year)
    return render(
        request,
        "pelatihan/saya.html",
        {
            "punya_data": bool(p.pegawai_id),
            "aktif": aktif,
            "riwayat": riwayat,
            "jp": jp,
            "jp_minimal": settings.PELATIHAN_JP_MINIMAL,
            "jp_persen": min(100, round(100 * jp / settings.PELATIHAN_JP_MINIMAL))
            if settings.PELATIHAN_JP_MINIMAL
            else 100,
            "hari_ini": hari_ini,
            "adaptasi": adaptasi_saya(request.user, hari_ini=hari_ini),
            "mentee": list(mentee_saya(request.user)),
            "unggah_form": UnggahBuktiForm(),
        },
    )


# --- 20 JP a year ------------------------------------------------------------------------------


@pengelola
def jp(request):
    form = JpFilterForm(request.GET or None, unit_pilihan=unit_pilihan(request.user))
    filt = form.filter()
    urut = _urut(request, "jp", {"jp", "nama", "unit"})
    qs = jp_pegawai(request.user, **filt, urut=urut)
    rekap = jp_rekap_unit(request.user, tahun=filt["tahun"], unit=filt["unit"])
    total = sum(r.jumlah for r in rekap)
    memenuhi = sum(r.memenuhi for r in rekap)
    if request.GET.get("format") == "xlsx":
        return _jp_ekspor(qs, filt["tahun"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "pelatihan/jp.html",
        {
            "form": form,
            "filt": filt,
            "page_obj": page,
            "urut": urut,
            "rekap": rekap,
            "total": total,
            "memenuhi": memenuhi,
            "kurang": total - memenuhi,
            "persen": round(100 * memenuhi / total) if total else 0,
            "jp_minimal": settings.PELATIHAN_JP_MINIMAL,
            "per_opd": filt["unit"] is None and peran_user(request.user).lihat_semua,
        },
    )


def _jp_ekspor(qs, tahun: int) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = f"JP {tahun}"
    ws.append(["NIP", "Nama", "Jabatan", "Unit kerja", f"JP {tahun}", f"Kurang dari {settings.PELATIHAN_JP_MINIMAL}"])
    for c in ws[1]:
        c.font = Font(bold=True)
    for pg in qs.iterator(chunk_size=500):
        posisi = pg.posisi_sekarang
        ws.append(
            [
                pg.nip,
                pg.nama_lengkap,
                posisi.jabatan.nama if posisi else "",
                posisi.unit.nama if posisi else "",
                pg.jp,
                "ya" if pg.jp < settings.PELATIHAN_JP_MINIMAL else "",
            ]
        )
    for col, lebar in zip("ABCDEF", [20, 32, 36, 32, 8, 14], strict=True):
        ws.column_dimensions[col].width = lebar
    ws.freeze_panes = "A2"
    resp = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="pemenuhan-jp-{tahun}.xlsx"'
    wb.save(resp)
    return resp


# --- Assigning from a transfer -------------------------------------------------------------------


def _usulan_kelola(request, pk):
    u = usulan_ambil(request.user, pk)
    if not services.boleh_kelola_usulan(request.user, u):
        raise PermissionDenied
    if u.status not in STATUS_TERLIHAT_PEGAWAI or u.tujuan_jabatan_id is None:
        messages.error(request, _("Pelatihan ditugaskan setelah mutasi ke unit kota diputuskan PPK."))
        return u, redirect("mutasi:detail", u.pk)
    return u, None


@login_required
def usulan_tugaskan(request, pk):
    u, tolak = _usulan_kelola(request, pk)
    if tolak:
        return tolak
    gap = kesenjangan_usulan(u)
    form = TugaskanUsulanForm(request.POST if request.method == "POST" else None, saran=gap.saran, usulan=u)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            hasil = services.penugasan_dari_usulan(
                oleh=request.user, usulan=u, pilihan=d["pilihan"], catatan=d.get("catatan", "")
            )
        except LayananError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(n)d pelatihan ditugaskan kepada %(nama)s.") % {"n": len(hasil), "nama": u.pegawai.nama_lengkap},
            )
            return redirect(reverse("mutasi:detail", args=[u.pk]) + "#pelatihan")
    return render(request, "pelatihan/usulan_tugaskan.html", {"u": u, "gap": gap, "form": form})


# --- Adaptation ---------------------------------------------------------------------------------


@login_required
def adaptasi_daftar_view(request):
    p = peran_user(request.user)
    form = AdaptasiFilterForm(request.GET or None, unit_pilihan=unit_pilihan(request.user))
    qs = adaptasi_daftar(request.user, **form.filter())
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("page"))
    for u in page.object_list:
        u.lihat_checkin = p.lihat_semua or u.tujuan_unit_id in p.unit_wewenang or u.pegawai_id == p.pegawai_id
    return render(
        request,
        "pelatihan/adaptasi_daftar.html",
        {"form": form, "page_obj": page, "ada_filter": any(request.GET.get(k) for k in form.fields)},
    )


def _konteks_adaptasi(request, u) -> dict:
    p = peran_user(request.user)
    hari_ini = timezone.localdate()
    pd = pendampingan_dari(u)
    item = rencana_item(pd)
    kelola = services.boleh_kelola_usulan(request.user, u)
    pegawai_sendiri = p.pegawai_id == u.pegawai_id
    # The mentor sees the plan, not the check-ins (an employee may write about the mentor).
    lihat_checkin = p.lihat_semua or pegawai_sendiri or (u.tujuan_unit_id in p.unit_wewenang)
    jatuh_tempo = checkin_jatuh_tempo(u, hari_ini=hari_ini) if pegawai_sendiri else []
    return {
        "u": u,
        "pd": pd,
        "item": item,
        "item_selesai": sum(1 for i in item if i.selesai),
        "tmt": tmt_usulan(u),
        "hari_ini": hari_ini,
        "kelola": kelola,
        "centang": services.boleh_centang(request.user, u, pd),
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
def adaptasi(request, pk):
    u = adaptasi_ambil(request.user, pk)
    return render(request, "pelatihan/adaptasi.html", _konteks_adaptasi(request, u))


@require_POST
@login_required
def adaptasi_mentor(request, pk):
    u = adaptasi_ambil(request.user, pk)
    if not services.boleh_kelola_usulan(request.user, u):
        raise PermissionDenied
    form = MentorForm(request.POST, kandidat=kandidat_mentor(u))
    if not form.is_valid():
        messages.error(request, _("Pilih pendamping dari pegawai unit tujuan."))
    else:
        jalankan(
            request,
            lambda: services.pendampingan_tetapkan(usulan=u, mentor=form.cleaned_data["mentor"], oleh=request.user),
            _("Pendamping ditetapkan."),
        )
    return redirect("pelatihan:adaptasi", u.pk)


@require_POST
@login_required
def adaptasi_item_tambah(request, pk):
    u = adaptasi_ambil(request.user, pk)
    pd = pendampingan_dari(u)
    if pd is None or not services.boleh_kelola_usulan(request.user, u):
        raise PermissionDenied
    form = ItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi nama kegiatan dan tenggatnya."))
    else:
        d = form.cleaned_data
        jalankan(
            request,
            lambda: services.item_simpan(pendampingan=pd, oleh=request.user, judul=d["judul"], tenggat=d["tenggat"]),
            _("Kegiatan ditambahkan ke rencana adaptasi."),
        )
    return redirect("pelatihan:adaptasi", u.pk)


def _item_ambil(user, pk) -> ItemAdaptasi:
    item = get_object_or_404(ItemAdaptasi.objects.select_related("pendampingan"), pk=pk)
    adaptasi_ambil(user, item.pendampingan.usulan_id)  # 404 unless the plan is visible
    return item


@require_POST
@login_required
def adaptasi_item_ubah(request, pk):
    item = _item_ambil(request.user, pk)
    u = adaptasi_ambil(request.user, item.pendampingan.usulan_id)
    if not services.boleh_kelola_usulan(request.user, u):
        raise PermissionDenied
    if request.POST.get("hapus"):
        jalankan(
            request, lambda: services.item_hapus(item=item, oleh=request.user), _("Kegiatan dihapus dari rencana.")
        )
        return redirect("pelatihan:adaptasi", u.pk)
    form = ItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi nama kegiatan dan tenggatnya."))
    else:
        d = form.cleaned_data
        jalankan(
            request,
            lambda: services.item_simpan(
                pendampingan=item.pendampingan, oleh=request.user, judul=d["judul"], tenggat=d["tenggat"], item=item
            ),
            _("Kegiatan diubah."),
        )
    return redirect("pelatihan:adaptasi", u.pk)


@require_POST
@login_required
def adaptasi_item_centang(request, pk):
    item = _item_ambil(request.user, pk)
    selesai = request.POST.get("selesai") == "1"
    jalankan(
        request,
        lambda: services.item_centang(item=item, oleh=request.user, selesai=selesai),
        _("Rencana adaptasi diperbarui."),
    )
    return redirect(reverse("pelatihan:adaptasi", args=[item.pendampingan.usulan_id]) + "#rencana")


@require_POST
@login_required
def adaptasi_checkin(request, pk):
    u = adaptasi_ambil(request.user, pk)
    if peran_user(request.user).pegawai_id != u.pegawai_id:
        raise PermissionDenied
    form = CheckInForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.checkin_tulis(
                usulan=u,
                oleh=request.user,
                minggu_ke=d["minggu_ke"],
                isi=d["isi"],
                kesulitan=d["kesulitan"],
                kesulitan_isi=d["kesulitan_isi"],
            )
        except LayananError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Terima kasih. Check-in adaptasi Anda tersimpan."))
            return redirect("pelatihan:adaptasi", u.pk)
    # Show the page again with what was typed and the errors.
    konteks = _konteks_adaptasi(request, u)
    konteks["checkin_form"] = form
    return render(request, "pelatihan/adaptasi.html", konteks)
