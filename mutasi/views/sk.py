"""Decrees: HR prepares one (also an amending or revoking one), the PPK signs or returns it, HR
withdraws it; the decree as a page and as its stored PDF; the drafts waiting for the PPK."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from inti.formulir import jalankan, jalankan_dari_form
from inti.respons import pdf_response
from inti.ttd import TtdError
from inti.ttd import verifikasi as ttd_verifikasi
from pegawai.akses import perlu

from .. import akses
from ..forms import SKForm
from ..forms_sk import CatatanSKForm, SKPembatalanForm, SKPerubahanForm, TandatanganiForm, pakai_bsre
from ..models import BatchUsulan, StatusSK, SuratKeputusan
from ..selectors import sk_ambil, sk_usulan, usulan_ambil
from ..selectors.sk import sk_daftar_usulan, sk_konsep_menunggu
from ..services import AlurError
from ..services.dokumen import baca, cocok, konteks_sk, render_sk
from ..services.sk import ALUR as ALUR_SK
from ..services.sk import sk_berkas_pastikan, sk_tandatangani
from ..services.sk_konsep import sk_siapkan, sk_siapkan_pembatalan, sk_siapkan_perubahan
from ._umum import pdf_tersimpan_response


def sk_dari_form(request, *, usulan_ids: list[int], batch: BatchUsulan | None = None) -> SuratKeputusan | None:
    """Prepare the draft decree the posted SK form describes; None when refused (the reason shown)."""
    hasil = {}

    def siapkan(d: dict) -> None:
        hasil["sk"] = sk_siapkan(
            oleh=request.user, usulan_ids=usulan_ids, tmt=d["tmt"], tentang=d.get("tentang") or "", batch=batch
        )

    jalankan_dari_form(request, SKForm(request.POST), siapkan, awalan=_("Lengkapi data SK: "))
    return hasil.get("sk")


@require_POST
@perlu(akses.boleh_terbitkan_sk)
def terbitkan(request, pk):
    u = usulan_ambil(request.user, pk)
    sk = sk_dari_form(request, usulan_ids=[u.pk])
    if sk is None:
        return redirect("mutasi:detail", u.pk)
    messages.success(request, _("Konsep SK disiapkan dan dikirim kepada PPK untuk ditetapkan dan ditandatangani."))
    return redirect("mutasi:sk_detail", sk.pk)


@perlu(akses.boleh_terbitkan_sk)
def ubah(request, pk):
    """HR: an amending decree (new TMT) or a revoking decree for a transfer whose decree is in force."""
    u = usulan_ambil(request.user, pk)
    akses.wajib(akses.boleh_ubah_sk(request.user, u, pembatalan=True))
    jenis = request.POST.get("jenis", "")
    form_ubah = SKPerubahanForm(request.POST if jenis == "perubahan" else None, initial={"tmt": u.tmt})
    form_batal = SKPembatalanForm(request.POST if jenis == "pembatalan" else None)
    if request.method == "POST":
        hasil = {}
        if jenis == "perubahan" and form_ubah.is_valid():
            d = form_ubah.cleaned_data

            def siapkan():
                hasil["sk"] = sk_siapkan_perubahan(oleh=request.user, usulan=u, tmt=d["tmt"], alasan=d["alasan"])

            jalankan(request, siapkan)
        elif jenis == "pembatalan" and form_batal.is_valid():
            alasan = form_batal.cleaned_data["alasan"]

            def siapkan():
                hasil["sk"] = sk_siapkan_pembatalan(oleh=request.user, usulan=u, alasan=alasan)

            jalankan(request, siapkan)
        if "sk" in hasil:
            messages.success(request, _("Konsep SK dikirim kepada PPK untuk ditetapkan dan ditandatangani."))
            return redirect("mutasi:sk_detail", hasil["sk"].pk)
    return render(
        request,
        "mutasi/sk_ubah.html",
        {"u": u, "form_ubah": form_ubah, "form_batal": form_batal, "boleh_tmt": akses.boleh_ubah_sk(request.user, u)},
    )


@perlu(akses.boleh_kelola_sk)
def konsep_daftar(request):
    return render(request, "mutasi/sk_konsep_daftar.html", {"konsep": list(sk_konsep_menunggu())})


@login_required
def sk_detail(request, pk):
    sk = sk_ambil(request.user, pk)
    semua = list(sk_daftar_usulan(sk))
    # The employee or a head reads only the people they may see; the whole decree is HR's and the PPK's.
    daftar = semua if akses.boleh_kelola_sk(request.user) else list(sk_usulan(sk, request.user))
    konteks = {**konteks_sk(sk, cetak=False, daftar=daftar), "lampiran": len(semua) > 1}
    periksa = None
    if sk.status == StatusSK.DITETAPKAN and sk.berkas:
        periksa = {"cocok": cocok(sk)}
        if sk.ditandatangani:
            try:
                periksa["ttd"] = ttd_verifikasi(baca(sk))
            except (TtdError, AlurError):  # a damaged or missing file: shown as not valid, never a 500
                periksa["ttd"] = None
    return render(
        request,
        "mutasi/sk.html",
        {
            **konteks,
            "aksi": ALUR_SK.tersedia(sk, request.user),
            "boleh_ttd": ALUR_SK.boleh("tandatangani", sk, request.user),
            "ttd_pengganti": akses.boleh_tandatangani_sk(request.user, sk).pengganti,  # signing as Plh./Plt.
            "ttd_form": TandatanganiForm(),
            "catatan_form": CatatanSKForm(),
            "bsre": pakai_bsre(),
            "riwayat": ALUR_SK.berjudul(sk.riwayat_status.select_related("oleh", "oleh__pegawai")),
            "periksa": periksa,
        },
    )


@login_required
def sk_pdf(request, pk):
    """A signed decree: exactly the stored file, every time. A draft: a preview marked KONSEP,
    never stored."""
    sk = sk_ambil(request.user, pk)
    if not akses.boleh_kelola_sk(request.user) and sk_usulan(sk, request.user).count() != sk_daftar_usulan(sk).count():
        # A batch decree lists colleagues too: the employee has their own notice (the extract).
        raise PermissionDenied(_("SK ini memuat pegawai lain; unduh pemberitahuan Anda sendiri."))
    if sk.status != StatusSK.DITETAPKAN:
        return pdf_response(render_sk(sk), f"konsep-SK-{sk.pk}.pdf")
    sk = sk_berkas_pastikan(sk=sk)
    return pdf_tersimpan_response(sk, f"SK-{sk.urut}-{sk.tahun}.pdf")


@require_POST
@login_required
@sensitive_post_parameters("nik", "passphrase")
@sensitive_variables("rahasia", "form")
def tandatangani(request, pk):
    sk = sk_ambil(request.user, pk)
    akses.wajib(akses.boleh_tandatangani_sk(request.user, sk))
    form = TandatanganiForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for e in form.errors.values() for m in e))
        return redirect("mutasi:sk_detail", sk.pk)
    rahasia = form.rahasia()
    hasil = {}

    def ttd():
        hasil["sk"] = sk_tandatangani(oleh=request.user, sk=sk, rahasia=rahasia)

    if jalankan(request, ttd):
        messages.success(
            request, _("SK %(n)s ditetapkan dan ditandatangani secara elektronik.") % {"n": hasil["sk"].nomor}
        )
    return redirect("mutasi:sk_detail", sk.pk)


@require_POST
@login_required
def aksi(request, pk, nama):
    """Return a draft (the PPK) or withdraw it (HR), with the reason."""
    sk = sk_ambil(request.user, pk)
    t = ALUR_SK.transisi.get(nama)
    if t is None or t.internal:
        raise Http404
    boleh, pesan = ALUR_SK.periksa(nama, sk, request.user)
    if not boleh and sk.status == StatusSK.KONSEP:
        raise PermissionDenied(pesan)
    jalankan_dari_form(
        request,
        CatatanSKForm(request.POST),
        lambda d: ALUR_SK.jalankan(objek=sk, aksi=nama, oleh=request.user, catatan=d["catatan"]),
        _("%(aksi)s: berhasil.") % {"aksi": t.label},
    )
    return redirect("mutasi:sk_detail", sk.pk)
