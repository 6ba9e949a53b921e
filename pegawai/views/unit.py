"""Unit pages: the tree with heads and head-counts, and one unit with its sub-units and staff.
HR and the PPK see every unit; a unit head sees the subtree they head."""

from django.shortcuts import render

from inti.halaman import halaman

from ..akses import boleh_kelola_organisasi, boleh_lihat_organisasi, perlu
from ..selectors.organisasi import jabatan_pilihan, unit_formasi
from ..selectors.pegawai import unit_ambil, unit_jumlah_pegawai
from ..selectors.unit import URUTAN_STAF, unit_anak, unit_leluhur, unit_pohon, unit_rata, unit_staf

STAF_PER_HALAMAN = 50


@perlu(boleh_lihat_organisasi)
def unit_daftar(request):
    akar = unit_pohon(request.user)
    semua = unit_rata(akar)
    return render(
        request,
        "pegawai/unit_daftar.html",
        {
            "akar": akar,
            "jumlah_unit": len(semua),
            "jumlah_pegawai": sum(s.jumlah_total for s in akar),
            "tanpa_kepala": sum(1 for s in semua if s.unit.aktif and not s.unit.kepala_id),
        },
    )


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
