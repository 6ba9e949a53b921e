"""The reports HR prints: the DUK (page, XLSX, PDF), the readable employee report beside the
re-importable export, and the rotation watch as XLSX. HR, the PPK and unit heads (their units,
a unit outside them is a 404); other employees get a 403."""

from datetime import date

from django.conf import settings
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.halaman import halaman
from inti.lembar import Tabel, respons_xlsx
from inti.masukan import id_aman
from inti.pdf import pdf_dari_html
from inti.respons import pdf_response

from ..akses import boleh_lihat_organisasi, perlu
from ..forms.unit_cari import UnitSaringForm
from ..models import UnitKerja
from ..selectors.laporan import (
    duk,
    duk_baris_lembar,
    duk_kepala,
    laporan_pegawai_baris,
    laporan_pegawai_kepala,
    pita_label,
    rotasi_baris,
    rotasi_kepala,
    with_tmt_golongan,
)
from ..selectors.pegawai import unit_ambil, unit_terlihat
from .abk import rotasi_tersaring
from .pegawai import pegawai_tersaring


def _opd(request) -> UnitKerja | None:
    """The unit asked in ?opd= (404 when the user may not see it), or typed in ?opd_cari= (the unit
    field without its script); None: every visible unit."""
    if "opd_cari" in request.GET:
        return _opd_form(request).unit()
    if unit_id := id_aman(request.GET.get("opd")):
        return unit_ambil(request.user, unit_id)
    return None


def _opd_form(request) -> UnitSaringForm:
    return UnitSaringForm(
        request.GET, nama="opd", label=_("OPD / unit (beserta sub-unitnya)"), unit_qs=unit_terlihat(request.user)
    )


def _judul_duk(opd: UnitKerja | None, hari: date) -> tuple[str, str]:
    lingkup = opd.nama if opd else settings.INSTANSI_NAMA.title()
    return _("Daftar Urut Kepangkatan (DUK) Pegawai Negeri Sipil"), _("%(lingkup)s, keadaan %(tgl)s") % {
        "lingkup": lingkup,
        "tgl": hari.strftime("%d-%m-%Y"),
    }


@perlu(boleh_lihat_organisasi)
def duk_halaman(request):
    opd = _opd(request)
    hari = timezone.localdate()
    baris = duk(request.user, opd=opd, hari=hari)
    judul, sub = _judul_duk(opd, hari)
    return render(
        request,
        "laporan/duk.html",
        {
            "page_obj": halaman(request, baris, 50),
            "opd": opd,
            "judul": judul,
            "sub": sub,
            "opd_form": _opd_form(request),
            "hari": hari,
        },
    )


@perlu(boleh_lihat_organisasi)
def duk_xlsx(request):
    opd = _opd(request)
    hari = timezone.localdate()
    judul, sub = _judul_duk(opd, hari)
    tabel = Tabel(
        judul=_("DUK"),
        kepala=duk_kepala(),
        baris=duk_baris_lembar(duk(request.user, opd=opd, hari=hari)),
        lebar=(5, 32, 22, 24, 24, 12, 32, 28, 12, 8, 8, 8, 28, 24, 6, 10),
        pengantar=(judul, sub),
    )
    return respons_xlsx(f"duk-{opd.kode if opd else 'semua'}-{hari:%Y%m%d}.xlsx", tabel)


@perlu(boleh_lihat_organisasi)
def duk_pdf(request):
    opd = _opd(request)
    hari = timezone.localdate()
    judul, sub = _judul_duk(opd, hari)
    html = render_to_string(
        "laporan/duk_pdf.html",
        {
            "baris": duk(request.user, opd=opd, hari=hari),
            "judul": judul,
            "sub": sub,
            "opd": opd,
            "hari": hari,
            "instansi": settings.INSTANSI_NAMA,
        },
        request=request,
    )
    return pdf_response(pdf_dari_html(html), f"duk-{opd.kode if opd else 'semua'}-{hari:%Y%m%d}.pdf")


@perlu(boleh_lihat_organisasi)
def pegawai_laporan(request):
    """The employee list as filtered on screen, as a report to read (not to re-import)."""
    _form, pegawai, _urut, _kriteria = pegawai_tersaring(request)
    hari = timezone.localdate()
    tabel = Tabel(
        judul=_("Laporan pegawai"),
        kepala=laporan_pegawai_kepala(),
        baris=laporan_pegawai_baris(with_tmt_golongan(pegawai, hari).iterator(chunk_size=2000), hari=hari),
        lebar=(6, 22, 34, 8, 24, 12, 30, 30, 32, 12, 18, 18, 12, 6, 24, 8, 14, 6),
        pengantar=(_("Laporan pegawai"), _("Keadaan %(tgl)s") % {"tgl": hari.strftime("%d-%m-%Y")}),
    )
    return respons_xlsx(f"laporan-pegawai-{hari:%Y%m%d}.xlsx", tabel)


@perlu(boleh_lihat_organisasi)
def rotasi_ekspor(request):
    """The rotation watch as on screen (unit, band, search), as XLSX."""
    unit, f, hari, qs = rotasi_tersaring(request)
    label = dict(pita_label())
    tabel = Tabel(
        judul=_("Pengawasan rotasi"),
        kepala=rotasi_kepala(),
        baris=rotasi_baris(qs.iterator(chunk_size=2000), hari=hari),
        lebar=(6, 22, 34, 32, 30, 12, 18, 36),
        pengantar=(
            _("Pengawasan rotasi"),
            " · ".join(
                x
                for x in (
                    unit.nama if unit else _("Seluruh unit yang dapat Anda lihat"),
                    label.get(f["kategori"], _("Semua")),
                    _("keadaan %(tgl)s") % {"tgl": hari.strftime("%d-%m-%Y")},
                )
                if x
            ),
        ),
    )
    return respons_xlsx(f"rotasi-{f['kategori']}-{hari:%Y%m%d}.xlsx", tabel)
