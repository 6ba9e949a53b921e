"""Blocks other apps' pages include (the transfer page, the employee page) and small filters.
Tags rather than view context because those views belong to other apps."""

from django import template

from mutasi.models import StatusUsulan
from pegawai import nip as nip_rules
from pegawai.akses import peran_user

from ..selectors.dampak import dampak_pegawai, dampak_usulan
from ..selectors.evaluasi import evaluasi_pegawai, evaluasi_usulan

register = template.Library()

WARNA_PREDIKAT = {
    "SANGAT_BAIK": "success",
    "BAIK": "primary",
    "BUTUH_PERBAIKAN": "warning",
    "KURANG": "danger",
    "SANGAT_KURANG": "danger",
}
WARNA_STATUS = {
    "TERJADWAL": "secondary",
    "DRAF": "info",
    "DIKIRIM": "primary",
    "FINAL": "success",
    "DIBATALKAN": "dark",
}
WARNA_HASIL = {"naik": "success", "tetap": "secondary", "turun": "danger", "belum": "light"}
IKON_HASIL = {"naik": "arrow-up-right", "tetap": "arrow-right", "turun": "arrow-down-right", "belum": "dash"}


# The badge colour or icon of a value: filter name -> (table, default).
for _nama, (_peta, _bawaan) in {
    "predikat_warna": (WARNA_PREDIKAT, "light"),
    "evaluasi_warna": (WARNA_STATUS, "secondary"),
    "hasil_warna": (WARNA_HASIL, "light"),
    "hasil_ikon": (IKON_HASIL, "dash"),
}.items():
    register.filter(_nama, lambda nilai, peta=_peta, bawaan=_bawaan: peta.get(nilai, bawaan))


@register.inclusion_tag("evaluasi/_usulan_dampak_isi.html", takes_context=True)
def evaluasi_usulan_blok(context, usulan):
    """On a carried-out transfer: its reviews (as far as the user may see them) and before/after."""
    request = context.get("request")
    user = request.user if request else None
    if usulan is None or usulan.status != StatusUsulan.DILAKSANAKAN or user is None:
        return {"tampil": False}
    p = peran_user(user)
    daftar = evaluasi_usulan(user, usulan.pk)
    # Before/after: for those who read every record, the employee, and whoever sees its reviews
    # (the receiving head); not for the sending side.
    boleh_dampak = p.lihat_semua or p.pegawai_id == usulan.pegawai_id or bool(daftar)
    return {
        "tampil": True,
        "u": usulan,
        "dampak": dampak_usulan(usulan) if boleh_dampak else None,
        "daftar": daftar,
        "peran": p,
    }


@register.inclusion_tag("evaluasi/_pegawai_evaluasi_isi.html", takes_context=True)
def evaluasi_pegawai_blok(context, pegawai):
    """On the employee page: before/after of each carried-out transfer, and their reviews."""
    request = context.get("request")
    user = request.user if request else None
    if pegawai is None or user is None:
        return {"tampil": False}
    daftar = evaluasi_pegawai(user, pegawai.pk)
    dampak = dampak_pegawai(pegawai.pk)
    return {
        "tampil": bool(daftar or dampak),
        "pegawai": pegawai,
        "daftar": daftar,
        "dampak": dampak,
        "peran": peran_user(user),
    }


@register.filter
def nip_baris(b: dict) -> str:
    """A report row's NIP (a `.values()` dict) grouped as on every other page: 19860926 201505 1 001."""
    return nip_rules.tampil(b.get("pegawai__nip") or "", b.get("pegawai__status") or nip_rules.PNS)


@register.filter
def nama_baris(b: dict) -> str:
    """A report row's employee name with degrees, as `Pegawai.nama_lengkap` writes it."""
    depan = f"{b['pegawai__gelar_depan']} " if b.get("pegawai__gelar_depan") else ""
    belakang = f", {b['pegawai__gelar_belakang']}" if b.get("pegawai__gelar_belakang") else ""
    return f"{depan}{b.get('pegawai__nama', '')}{belakang}"
