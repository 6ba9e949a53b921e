"""The employee's own pages: "my transfers" (notice, acknowledgement, objection) and requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.audit import audit_catat
from inti.galat import LayananError
from pegawai.akses import peran_user

from ..forms import KeberatanForm, PermohonanForm
from ..models import PermohonanMutasi, StatusUsulan, UsulanMutasi
from ..selectors import mutasi_saya, permohonan_ambil, usulan_ambil
from ..services.keberatan import keberatan_ajukan, keberatan_batas, keberatan_boleh
from ..services.permohonan import permohonan_buat, permohonan_tarik
from ._umum import jalankan


@login_required
def saya(request):
    p = peran_user(request.user)
    daftar = list(mutasi_saya(request.user))
    for u in daftar:
        u.berlaku = u.sk_id is not None and u.status in (StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN)
        u.boleh_keberatan, u.alasan_keberatan = keberatan_boleh(u)
        u.batas_keberatan = keberatan_batas(u)
    permohonan = PermohonanMutasi.objects.filter(pegawai_id=p.pegawai_id or 0).select_related("usulan")
    return render(
        request,
        "mutasi/saya.html",
        {
            "daftar": daftar,
            "permohonan": permohonan,
            "keberatan_form": KeberatanForm(),
            "punya_data": bool(p.pegawai_id),
        },
    )


@require_POST
@login_required
def konfirmasi(request, pk):
    u = usulan_ambil(request.user, pk)
    if peran_user(request.user).pegawai_id != u.pegawai_id:
        messages.error(request, _("Hanya pegawai yang bersangkutan yang dapat mengonfirmasi pemberitahuan."))
        return redirect("mutasi:saya")
    if u.sk_id is None or u.status not in (StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN):
        messages.error(request, _("Tidak ada pemberitahuan mutasi yang berlaku untuk dikonfirmasi."))
        return redirect("mutasi:saya")
    if u.pemberitahuan_dikonfirmasi is not None:
        messages.info(request, _("Anda sudah menyatakan membaca pemberitahuan ini."))
    else:
        sekarang = timezone.now()
        UsulanMutasi.objects.filter(pk=u.pk, pemberitahuan_dikonfirmasi__isnull=True).update(
            pemberitahuan_dikonfirmasi=sekarang, pemberitahuan_dibuka=u.pemberitahuan_dibuka or sekarang
        )
        audit_catat(
            oleh=request.user, aksi="mutasi.pemberitahuan_dibaca", objek=u, ringkasan=f"{u.nomor}: dibaca pegawai"
        )
        messages.success(request, _("Terima kasih. Anda telah menyatakan membaca pemberitahuan mutasi."))
    return redirect("mutasi:saya")


@require_POST
@login_required
def keberatan(request, pk):
    u = usulan_ambil(request.user, pk)
    form = KeberatanForm(request.POST)
    isi = form.data.get("isi", "")
    jalankan(
        request,
        lambda: keberatan_ajukan(oleh=request.user, usulan=u, isi=isi),
        _("Keberatan Anda terkirim ke BKPSDM. Jawabannya akan tampil di halaman ini."),
    )
    return redirect("mutasi:saya")


@login_required
def permohonan_baru(request):
    p = peran_user(request.user)
    if p.pegawai_id is None:
        messages.error(request, _("Akun ini tidak terhubung dengan data pegawai."))
        return redirect("mutasi:saya")
    form = PermohonanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def buat():
            permohonan_buat(
                oleh=request.user,
                jenis=d["jenis"],
                alasan=d["alasan"],
                unit_pilihan=d["unit_pilihan"],
                instansi_tujuan=d["instansi_tujuan"],
                berkas=[d["berkas"]] if d.get("berkas") else [],
            )

        try:
            buat()
        except LayananError as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("Permohonan terkirim ke BKPSDM."))
            return redirect("mutasi:saya")
    return render(request, "mutasi/permohonan_form.html", {"form": form})


@require_POST
@login_required
def permohonan_tarik_view(request, pk):
    obj = permohonan_ambil(request.user, pk)
    jalankan(request, lambda: permohonan_tarik(oleh=request.user, permohonan=obj), _("Permohonan ditarik."))
    return redirect("mutasi:saya")
