"""The employee's notice (page, stored PDF, HR's record of its delivery) and the public check of a
decree or notice reached by the QR code on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inti.formulir import jalankan_dari_form
from inti.ttd import TtdError
from inti.ttd import verifikasi as ttd_verifikasi

from .. import akses
from ..forms_sk import SerahkanForm
from ..models import JenisMutasi, StatusSK, StatusUsulan, SuratKeputusan, SuratPemberitahuan
from ..selectors import pemberitahuan_ambil
from ..selectors.sk import dokumen_dari_kode, nip_samar, pemberitahuan_untuk, sk_daftar_usulan
from ..services import AlurError
from ..services.dokumen import baca, konteks_pemberitahuan, sha256_hex
from ..services.pemberitahuan import pemberitahuan_buka, pemberitahuan_pastikan, pemberitahuan_serahkan
from ._umum import pdf_tersimpan_response


def _surat(request, pk):
    """The proposal and its stored notice (made now, once, for a decree signed before notices were
    made with it); the notice is None when it cannot be made (the reason shown)."""
    u = pemberitahuan_ambil(request.user, pk)
    s = pemberitahuan_untuk(u)
    if s is None:
        try:
            s = pemberitahuan_pastikan(usulan=u)
        except AlurError as exc:
            messages.error(request, str(exc))
            return u, None
    s.usulan = u
    return u, s


@login_required
def pemberitahuan(request, pk):
    u, s = _surat(request, pk)
    if s is None:  # the page still shows what the notice says, unnumbered
        s = SuratPemberitahuan(usulan=u, sk=u.sk, nomor="-", tanggal=u.sk.tanggal, kode_verifikasi="-")
    pemberitahuan_buka(oleh=request.user, usulan=u)
    return render(
        request,
        "mutasi/pemberitahuan.html",
        {
            **konteks_pemberitahuan(s, cetak=False),
            "pegawai_sendiri": akses.mutasi_sendiri(request.user, u),
            "serahkan_form": SerahkanForm() if akses.boleh_serahkan_pemberitahuan(request.user, u) else None,
        },
    )


@login_required
def pemberitahuan_pdf(request, pk):
    """Exactly the stored notice, every time."""
    u, s = _surat(request, pk)
    if s is None:
        return redirect("mutasi:pemberitahuan", u.pk)
    return pdf_tersimpan_response(s, f"pemberitahuan-{u.nomor}.pdf")


@require_POST
@login_required
def pemberitahuan_serahkan_view(request, pk):
    u = pemberitahuan_ambil(request.user, pk)
    akses.wajib(akses.boleh_serahkan_pemberitahuan(request.user, u))
    jalankan_dari_form(
        request,
        SerahkanForm(request.POST),
        lambda d: pemberitahuan_serahkan(oleh=request.user, usulan=u, tanggal=d["tanggal"]),
        _("Tanggal penyerahan pemberitahuan dicatat; batas waktu keberatan dihitung sejak tanggal itu."),
    )
    return redirect("mutasi:pemberitahuan", u.pk)


def _jabatan_baru(u) -> str:
    if u.jenis == JenisMutasi.KELUAR:
        return _("pindah ke %(instansi)s") % {"instansi": u.instansi_eksternal}
    return f"{u.tujuan_jabatan} - {u.tujuan_unit}"


def _periksa_berkas(dok) -> dict:
    """The stored file against its recorded hash, and its signature (pyHanko's validator)."""
    hasil = {"cocok": None, "ttd": None}
    try:
        isi = baca(dok)
    except AlurError:
        return {"cocok": False, "ttd": None, "hilang": True}
    hasil["cocok"] = bool(dok.sha256) and sha256_hex(isi) == dok.sha256
    try:
        hasil["ttd"] = ttd_verifikasi(isi)
    except TtdError:
        hasil["ttd"] = None
    return hasil


def verifikasi(request, kode):
    """Public: whether a decree or notice with this code is known, whether its stored file is intact
    and signed; number, date, the names and the new posts only (the NIP masked, no birth date). An
    unknown code is a plain 404 page that says so."""
    dok = dokumen_dari_kode(kode)
    if dok is None:
        return render(request, "mutasi/verifikasi_tidak_dikenal.html", {"kode": (kode or "")[:32]}, status=404)
    if isinstance(dok, SuratKeputusan):
        sk, daftar_u, jenis = dok, list(sk_daftar_usulan(dok)), _("Keputusan")
    else:
        sk, daftar_u, jenis = dok.sk, [dok.usulan], _("Surat pemberitahuan mutasi")
    daftar = [
        {
            "nama": u.pegawai.nama_lengkap,
            "nip": nip_samar(u.pegawai.nip),
            "jabatan_baru": _jabatan_baru(u),
            "keterangan": _("dibatalkan") if u.status == StatusUsulan.DIBATALKAN else "",
        }
        for u in daftar_u
    ]
    pengganti = list(sk.pengganti.filter(status=StatusSK.DITETAPKAN)) if isinstance(dok, SuratKeputusan) else []
    return render(
        request,
        "mutasi/verifikasi.html",
        {
            "dok": dok,
            "jenis": jenis,
            "sk": sk,
            "daftar": daftar,
            "periksa": _periksa_berkas(dok) if dok.berkas else None,
            "pengganti": pengganti,
        },
    )
