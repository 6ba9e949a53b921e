"""PPPK contracts: HR records and renews an employee's contract periods and watches the contracts
ending within KONTRAK_PPPK_PANTAU_BULAN months (a page and its XLSX)."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.formulir import simpan_form
from inti.lembar import Tabel, respons_xlsx

from ..akses import boleh_pantau_kontrak, perlu
from ..forms.kontrak import KontrakForm, PerpanjangForm
from ..models import KontrakPPPK
from ..selectors.kontrak import kontrak_berakhir_baris, pantau_bulan
from ..selectors.pegawai import pegawai_ambil
from ..services.kontrak import kontrak_catat, kontrak_perpanjang


@perlu(boleh_pantau_kontrak)
def kontrak_pantau(request):
    hari = timezone.localdate()
    bulan = pantau_bulan()
    baris = kontrak_berakhir_baris(hari, bulan=bulan)
    if request.GET.get("format") == "xlsx":
        tabel = Tabel(
            judul=_("Kontrak PPPK"),
            pengantar=[
                _("Kontrak PPPK berakhir dalam %(n)d bulan (per %(t)s)") % {"n": bulan, "t": f"{hari:%d-%m-%Y}"}
            ],
            kepala=[_("NI PPPK"), _("Nama"), _("Nomor perjanjian"), _("Mulai"), _("Berakhir"), _("Sisa hari")],
            baris=[
                [
                    b.kontrak.pegawai.nip,
                    b.kontrak.pegawai.nama_lengkap,
                    b.kontrak.nomor,
                    b.kontrak.mulai,
                    b.kontrak.selesai,
                    b.sisa_hari,
                ]
                for b in baris
            ],
            lebar=[22, 36, 28, 12, 12, 10],
        )
        return respons_xlsx(f"kontrak-pppk-{hari:%Y%m%d}.xlsx", tabel)
    return render(request, "pegawai/kontrak_pantau.html", {"baris": baris, "bulan": bulan, "hari": hari})


def _halaman_form(request, pegawai, form, simpan, sukses: str, judul: str, kontrak=None):
    """The contract form page: a valid POST runs `simpan(data)` (a refusal becomes the form's error)
    and goes back to the employee's contract card."""
    konteks = {"form": form, "pegawai": pegawai, "judul": judul, "kontrak": kontrak}
    return simpan_form(
        request, form, simpan, sukses, reverse("pegawai:detail", args=[pegawai.pk]) + "#kontrak"
    ) or render(request, "pegawai/kontrak_form.html", konteks)


@perlu(boleh_pantau_kontrak)
def kontrak_baru(request, pk: int):
    pegawai = pegawai_ambil(request.user, pk)
    return _halaman_form(
        request,
        pegawai,
        KontrakForm(request.POST or None),
        lambda d: kontrak_catat(oleh=request.user, pegawai=pegawai, **d),
        _("Kontrak PPPK dicatat."),
        _("Catat kontrak PPPK"),
    )


@perlu(boleh_pantau_kontrak)
def kontrak_perpanjang_view(request, pk: int, kontrak_pk: int):
    pegawai = pegawai_ambil(request.user, pk)
    kontrak = KontrakPPPK.objects.filter(pk=kontrak_pk, pegawai=pegawai).first()
    if kontrak is None:
        raise Http404
    return _halaman_form(
        request,
        pegawai,
        PerpanjangForm(request.POST or None),
        lambda d: kontrak_perpanjang(oleh=request.user, kontrak=kontrak, **d),
        _("Kontrak PPPK diperpanjang."),
        _("Perpanjang kontrak PPPK"),
        kontrak,
    )
