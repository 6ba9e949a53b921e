"""Needs-analysis pages (Anjab/ABK): city overview, OPD drill-down, unit page, the tasks of a unit x
position (HR edits them), rotation watch, and the needs-based candidates and destinations.

Who sees what: HR and the PPK see every unit; a unit head sees the subtree they head (other units
are a 404); other employees get a 403. Candidates and destinations list employees of other units
with their sanctions and predicates, which a unit head may not read: HR and the PPK only."""

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from inti.galat import LayananError
from inti.halaman import halaman
from inti.masukan import id_aman

from ..akses import (
    boleh_kelola_tugas,
    boleh_lihat_kandidat,
    boleh_lihat_organisasi,
    boleh_lihat_semua,
    perlu,
)
from ..forms.abk import IkhtisarFilterForm, JabatanPilihForm, RotasiFilterForm, SalinTugasForm, TugasForm
from ..models import Jabatan, UnitKerja
from ..selectors.abk import (
    BOBOT_SKOR,
    URUTAN_IKHTISAR,
    abk_ikhtisar,
    abk_kandidat,
    abk_posisi_satu,
    abk_rincian,
    abk_rotasi,
    abk_rotasi_hitung,
    abk_tujuan,
    abk_unit,
    grafik_ikhtisar,
    jabatan_ambil,
    mulai_paling_lambat,
    tugas_ambil,
    tugas_daftar,
    unit_leluhur_dari,
)
from ..selectors.pegawai import unit_ambil
from ..services.abk import tugas_buat, tugas_hapus, tugas_salin, tugas_ubah

ROTASI_PER_HALAMAN = 50
KANDIDAT_PER_HALAMAN = 50


def _jenis(request) -> str:
    return IkhtisarFilterForm(request.GET).nilai()


PEMBULATAN_LABEL = {
    "half_up": gettext_lazy("setengah ke atas"),
    "up": gettext_lazy("ke atas"),
    "down": gettext_lazy("ke bawah"),
}


def _settings_abk() -> dict:
    """The formula's settings, shown on every page so a reader can check a figure by hand."""
    return {
        "jam_efektif": settings.ABK_JAM_KERJA_EFEKTIF,
        "pembulatan": PEMBULATAN_LABEL.get(settings.ABK_PEMBULATAN, settings.ABK_PEMBULATAN),
    }


def _url_impor() -> str | None:
    """The spreadsheet import of tasks (the import engine, another part of the system), when its
    upload page exists: named `impor:unggah`, or `impor:index` as it is named today."""
    for nama in ("impor:unggah", "impor:index"):
        try:
            return reverse(nama) + "?jenis=tugas"
        except NoReverseMatch:
            continue
    return None


def _url_rotasi(unit: UnitKerja | None = None) -> str:
    return reverse("abk:rotasi") + (f"?unit={unit.pk}" if unit else "")


def _kolom_urut(request, urut: str) -> dict[str, dict]:
    """Sort links of the overview's headers: numbers sort largest first on the first click, the
    name A to Z; a second click reverses."""
    hasil = {}
    for kunci in URUTAN_IKHTISAR:
        arah = "asc" if urut == kunci else "desc" if urut == f"-{kunci}" else None
        pertama = kunci if kunci == "nama" else f"-{kunci}"
        berikut = {"asc": f"-{kunci}", "desc": kunci}.get(arah, pertama)
        query = request.GET.copy()
        query["urut"] = berikut
        hasil[kunci] = {"url": f"?{query.urlencode()}", "arah": arah}
    return hasil


@perlu(boleh_lihat_organisasi)
def ikhtisar(request):
    urut = request.GET.get("urut") or "-kekurangan"
    if urut.lstrip("-") not in URUTAN_IKHTISAR:
        urut = "-kekurangan"
    jenis = _jenis(request)
    baris, total = abk_ikhtisar(request.user, jenis_jabatan=jenis, urut=urut)
    grafik = grafik_ikhtisar(baris)
    grafik["url"] = [reverse("abk:rincian", args=[i]) + (f"?jenis={jenis}" if jenis else "") for i in grafik["id"]]
    return render(
        request,
        "abk/ikhtisar.html",
        {
            "baris": baris,
            "total": total,
            "filter_form": IkhtisarFilterForm(request.GET),
            "jenis": jenis,
            "grafik": grafik,
            "rotasi": abk_rotasi_hitung(request.user),
            "rotasi_url": _url_rotasi(),
            "opd": boleh_lihat_semua(request.user),
            "kolom": _kolom_urut(request, urut),
            "jumlah_unit": sum(b.jumlah_unit for b in baris),
            "settings_abk": _settings_abk(),
        },
    )


def _konteks_unit(request, unit: UnitKerja, hitung) -> dict:
    """What the OPD drill-down and the unit page share: the unit and its breadcrumb, the rows and
    total `hitung(unit, jenis_jabatan=...)` gives for the chosen kind of position, rotation counts."""
    jenis = _jenis(request)
    baris, total = hitung(unit, jenis_jabatan=jenis)
    return {
        "unit": unit,
        "leluhur": unit_leluhur_dari(unit),
        "baris": baris,
        "total": total,
        "filter_form": IkhtisarFilterForm(request.GET),
        "jenis": jenis,
        "rotasi": abk_rotasi_hitung(request.user, unit=unit),
        "rotasi_url": _url_rotasi(unit),
        "settings_abk": _settings_abk(),
    }


@perlu(boleh_lihat_organisasi)
def rincian(request, pk: int):
    unit = unit_ambil(request.user, pk)
    return render(request, "abk/rincian.html", _konteks_unit(request, unit, abk_rincian))


@perlu(boleh_lihat_organisasi)
def unit_detail(request, pk: int):
    unit = unit_ambil(request.user, pk)
    return render(
        request,
        "abk/unit.html",
        {
            **_konteks_unit(request, unit, abk_unit),
            "pilih_form": JabatanPilihForm() if boleh_kelola_tugas(request.user) else None,
            "ada_anak": unit.anak.exists(),
            "url_impor": _url_impor(),
        },
    )


@perlu(boleh_kelola_tugas)
def jabatan_pilih(request, pk: int):
    """The 'analyse a position' picker on the unit page: go to that position's task page."""
    unit = unit_ambil(request.user, pk)
    form = JabatanPilihForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Pilih jabatan yang akan dianalisis."))
        return redirect("abk:unit", pk=unit.pk)
    return redirect("abk:tugas", unit=unit.pk, jabatan=form.cleaned_data["jabatan"].pk)


def _halaman_tugas(request, unit, jabatan, *, form=None, salin_form=None, status=200):
    boleh_ubah = boleh_kelola_tugas(request.user)
    return render(
        request,
        "abk/tugas.html",
        {
            "unit": unit,
            "jabatan": jabatan,
            "leluhur": unit_leluhur_dari(unit),
            "tugas": list(tugas_daftar(unit, jabatan)),
            "posisi": abk_posisi_satu(unit, jabatan),
            "form": (form or TugasForm(unit=unit, jabatan=jabatan)) if boleh_ubah else None,
            "salin_form": (salin_form or SalinTugasForm(unit=unit, jabatan=jabatan)) if boleh_ubah else None,
            "url_impor": _url_impor(),
            "settings_abk": _settings_abk(),
        },
        status=status,
    )


@perlu(boleh_lihat_organisasi)
def tugas(request, unit: int, jabatan: int):
    unit, jabatan = _unit_jabatan(request, unit, jabatan)
    return _halaman_tugas(request, unit, jabatan)


@perlu(boleh_kelola_tugas)
@require_POST
def tugas_tambah(request, unit: int, jabatan: int):
    unit, jabatan = _unit_jabatan(request, unit, jabatan)
    form = TugasForm(request.POST, unit=unit, jabatan=jabatan)
    if form.is_valid():
        try:
            t = tugas_buat(oleh=request.user, unit=unit, jabatan=jabatan, data=form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Uraian tugas “%(u)s” ditambahkan.") % {"u": t.uraian})
            return redirect("abk:tugas", unit=unit.pk, jabatan=jabatan.pk)
    messages.error(request, _("Uraian tugas belum disimpan. Periksa isian yang ditandai."))
    return _halaman_tugas(request, unit, jabatan, form=form, status=400)


@perlu(boleh_kelola_tugas)
def tugas_ubah_view(request, pk: int):
    t = tugas_ambil(request.user, pk)
    if request.method == "POST":
        form = TugasForm(request.POST, instance=t, unit=t.unit, jabatan=t.jabatan)
        if form.is_valid():
            try:
                tugas_ubah(oleh=request.user, tugas=t, data=form.cleaned_data)
            except ValidationError as e:
                form.add_error(None, e)
            except LayananError as e:
                messages.error(request, str(e))
                return redirect("abk:tugas", unit=t.unit_id, jabatan=t.jabatan_id)
            else:
                messages.success(request, _("Uraian tugas diperbarui."))
                return redirect("abk:tugas", unit=t.unit_id, jabatan=t.jabatan_id)
    else:
        form = TugasForm(instance=t, unit=t.unit, jabatan=t.jabatan)
    return render(
        request,
        "abk/tugas_ubah.html",
        {"tugas": t, "form": form, "unit": t.unit, "jabatan": t.jabatan, "leluhur": unit_leluhur_dari(t.unit)},
        status=400 if form.errors else 200,
    )


@perlu(boleh_kelola_tugas)
@require_POST
def tugas_hapus_view(request, pk: int):
    t = tugas_ambil(request.user, pk)
    unit_id, jabatan_id, uraian = t.unit_id, t.jabatan_id, t.uraian
    try:
        tugas_hapus(oleh=request.user, tugas=t)
    except LayananError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Uraian tugas “%(u)s” dihapus.") % {"u": uraian})
    return redirect("abk:tugas", unit=unit_id, jabatan=jabatan_id)


@perlu(boleh_kelola_tugas)
@require_POST
def tugas_salin_view(request, unit: int, jabatan: int):
    unit, jabatan = _unit_jabatan(request, unit, jabatan)
    form = SalinTugasForm(request.POST, unit=unit, jabatan=jabatan)
    if not form.is_valid():
        messages.error(request, _("Pilih unit asal yang sudah memiliki uraian tugas jabatan ini."))
        return _halaman_tugas(request, unit, jabatan, salin_form=form, status=400)
    try:
        n = tugas_salin(oleh=request.user, dari_unit=form.cleaned_data["dari_unit"], ke_unit=unit, jabatan=jabatan)
    except (LayananError, ValidationError) as e:
        messages.error(request, e.messages[0] if isinstance(e, ValidationError) else str(e))
    else:
        messages.success(request, _("%(n)s uraian tugas disalin.") % {"n": n})
    return redirect("abk:tugas", unit=unit.pk, jabatan=jabatan.pk)


def rotasi_tersaring(request) -> tuple[UnitKerja | None, dict[str, Any], date, QuerySet]:
    """The rotation watch as its query string asks (unit, band, search), so the page and its export
    show the same rows. Returns the unit (None: all the user sees), the filters, today and the rows."""
    unit = None
    if unit_id := id_aman(request.GET.get("unit")):
        unit = unit_ambil(request.user, unit_id)
    f = RotasiFilterForm(request.GET).nilai()
    hari = timezone.localdate()
    qs = abk_rotasi(request.user, unit=unit, kategori=f["kategori"], q=f["q"], hari=hari)
    return unit, f, hari, qs


@perlu(boleh_lihat_organisasi)
def rotasi(request):
    unit, f, hari, qs = rotasi_tersaring(request)
    page = halaman(request, qs, ROTASI_PER_HALAMAN)
    return render(
        request,
        "abk/rotasi.html",
        {
            "unit": unit,
            "leluhur": unit_leluhur_dari(unit) if unit else [],
            "page_obj": page,
            "kategori": f["kategori"],
            "filter_form": RotasiFilterForm(request.GET),
            "hitung": abk_rotasi_hitung(request.user, unit=unit, hari=hari),
            "mutasi_min": settings.MUTASI_MIN_TAHUN,
            "mutasi_max": settings.MUTASI_MAX_TAHUN,
            "mutasi_segera": max(settings.MUTASI_MIN_TAHUN, settings.MUTASI_MAX_TAHUN - 1),
            "batas_wajib": mulai_paling_lambat(hari, settings.MUTASI_MAX_TAHUN),
            "batas_segera": mulai_paling_lambat(hari, max(settings.MUTASI_MIN_TAHUN, settings.MUTASI_MAX_TAHUN - 1)),
            "batas_dini": mulai_paling_lambat(hari, settings.MUTASI_MIN_TAHUN),
        },
    )


def _unit_jabatan(request, unit: int, jabatan: int) -> tuple[UnitKerja, Jabatan]:
    return unit_ambil(request.user, unit), jabatan_ambil(jabatan)


@perlu(boleh_lihat_kandidat)
def kandidat(request, unit: int, jabatan: int):
    unit, jabatan = _unit_jabatan(request, unit, jabatan)
    hasil = abk_kandidat(unit, jabatan)
    page = halaman(request, hasil.kandidat, KANDIDAT_PER_HALAMAN)
    return render(
        request,
        "abk/kandidat.html",
        {
            "unit": unit,
            "jabatan": jabatan,
            "leluhur": unit_leluhur_dari(unit),
            "hasil": hasil,
            "page_obj": page,
            "bobot": BOBOT_SKOR,
            "kembali": reverse("abk:unit", args=[unit.pk]),
        },
    )


@perlu(boleh_lihat_kandidat)
def tujuan(request, unit: int, jabatan: int):
    unit, jabatan = _unit_jabatan(request, unit, jabatan)
    hasil = abk_tujuan(unit, jabatan)
    return render(
        request,
        "abk/tujuan.html",
        {"unit": unit, "jabatan": jabatan, "leluhur": unit_leluhur_dari(unit), "hasil": hasil, "bobot": BOBOT_SKOR},
    )
