"""Unit pages: the tree with heads and head-counts, and one unit with its sub-units and staff.
HR and the PPK see every unit; a unit head sees the subtree they head."""

from django.shortcuts import render

from inti.halaman import halaman, teks_cari

from ..akses import boleh_kelola_organisasi, boleh_lihat_organisasi, perlu
from ..selectors.organisasi import jabatan_pilihan, unit_formasi
from ..selectors.pegawai import unit_ambil, unit_jumlah_pegawai
from ..selectors.unit import (
    URUTAN_STAF,
    unit_anak,
    unit_cari,
    unit_leluhur,
    unit_staf,
    unit_tingkat,
    unit_tingkat_ringkasan,
)

STAF_PER_HALAMAN = 50
CARI_PER_HALAMAN = 25


@perlu(boleh_lihat_organisasi)
def unit_daftar(request):
    """The top of the tree (sub-units open on demand: `unit_anak_bagian`, or the unit's page
    without JavaScript), or the units matching `?q=`, paged."""
    akar = unit_tingkat(request.user)
    kata = teks_cari(request)
    konteks = {"akar": akar, "q": kata, **unit_tingkat_ringkasan(request.user, akar)}
    if kata:
        konteks["page_obj"] = halaman(request, unit_cari(request.user, kata), CARI_PER_HALAMAN)
    return render(request, "pegawai/unit_daftar.html", konteks)


@perlu(boleh_lihat_organisasi)
def unit_anak_bagian(request, pk: int):
    """The sub-units of one unit as list items (an HTML fragment the tree inserts)."""
    unit = unit_ambil(request.user, pk)
    return render(request, "pegawai/_unit_anak.html", {"anak": unit_tingkat(request.user, unit)})


@perlu(boleh_lihat_organisasi)
def unit_detail(request, pk: int):
    unit = unit_ambil(request.user, pk)
    urut = request.GET.get("urut", "jabatan")
    if urut.lstrip("-") not in URUTAN_STAF:
        urut = "jabatan"
    anak = unit_anak(unit)
    # Staff of the sub-units are shown by default where there are sub-units: a camat opening the
    # kecamatan expects the kelurahan staff too. ?turunan=0 shows the unit's own staff only.
    turunan = bool(anak) and request.GET.get("turunan") != "0"
    page = halaman(request, unit_staf(unit, turunan=turunan, urut=urut), STAF_PER_HALAMAN)
    leluhur = unit_leluhur(unit)  # above a unit head's subtree, shown but not linked (their pages are a 404)
    sendiri = unit_jumlah_pegawai().get(unit.pk, 0)
    return render(
        request,
        "pegawai/unit_detail.html",
        {
            "unit": unit,
            "leluhur": leluhur,
            "anak": anak,
            "jumlah_sendiri": sendiri,
            "jumlah_total": sendiri + sum(a.jumlah_total for a in anak),
            "turunan": turunan,
            "page_obj": page,
            "urut": urut,
            "formasi": unit_formasi(unit),
            "jabatan_pilihan": jabatan_pilihan() if boleh_kelola_organisasi(request.user) else (),
        },
    )
