"""Eligibility on the proposal page: the checks (as of today for an open proposal, and as stored at
its last step), HR's override of each failed check, the PPK's confirmation of the hard ones, and
the external decision of a transfer out of or into the city. One action per URL; the services
refuse whoever may not act (`mutasi.akses`), with the reason as the page's message."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from inti.formulir import jalankan, jalankan_dari_form

from .. import akses
from ..forms_syarat import KeputusanEksternalForm, PengecualianForm
from ..models import JenisMutasi, StatusUsulan, UsulanMutasi
from ..selectors.kelayakan import pengecualian_usulan
from ..services.alur import TRANSISI
from ..services.kelayakan import KODE_TANPA_PENGECUALIAN, LULUS, kelayakan_nilai, keputusan_eksternal_kurang
from ..services.usulan import (
    KeputusanEksternal,
    keputusan_eksternal_catat,
    pengecualian_konfirmasi,
    usulan_pengecualian,
)
from ._umum import aksi_usulan

S = StatusUsulan
# The next step that checks eligibility, for the view "as of today" (after the decision: carrying out,
# which, like the decision, counts a hard override only once the PPK has confirmed it).
LANGKAH_BERIKUT = {
    S.DRAFT: "ajukan",
    S.DIKEMBALIKAN: "ajukan",
    S.DIAJUKAN: "lepas",
    S.DILEPAS: "terima",
    S.DITERIMA: "verifikasi",
    S.DIVERIFIKASI: "putuskan",
    S.DIPUTUSKAN: "laksanakan",
    S.SK_TERBIT: "laksanakan",
}


def konteks_syarat(u: UsulanMutasi, user: Any) -> dict[str, Any]:
    """What the proposal page shows of eligibility, and the forms this user may use."""
    langkah = LANGKAH_BERIKUT.get(u.status)
    penilaian = kelayakan_nilai(u, timezone.localdate(), langkah=langkah) if langkah else None
    pengecualian = list(pengecualian_usulan(u))
    for p in pengecualian:
        p.boleh_konfirmasi = bool(akses.boleh_konfirmasi_pengecualian(user, u, p))
    dicatat = {p.kode for p in pengecualian}
    bisa: set[str] = set()
    if penilaian is not None and akses.boleh_kecualikan(user, u):
        bisa = {c.kode for c in penilaian.gagal if c.kode not in dicatat and c.kode not in KODE_TANPA_PENGECUALIAN}
    antar_instansi = u.jenis in (JenisMutasi.KELUAR, JenisMutasi.MASUK)
    boleh_eksternal = bool(akses.boleh_catat_keputusan_eksternal(user, u))
    langkah_tersimpan = TRANSISI.get(u.cek_langkah)
    return {
        "penilaian": penilaian,
        "cek_hari_ini": penilaian.simpan() if penilaian else None,
        "cek_tersimpan": list(u.hasil_cek or []),
        "cek_tersimpan_langkah": langkah_tersimpan.label if langkah_tersimpan else "",
        "pengecualian": pengecualian,
        "pengecualian_bisa": bisa,
        "pengecualian_form": PengecualianForm(),
        "tenang_sekarang": bool(penilaian) and any(c.kode == "masa_tenang" and c.hasil != LULUS for c in penilaian.cek),
        "antar_instansi": antar_instansi,
        "eksternal_kurang": keputusan_eksternal_kurang(u) if antar_instansi else [],
        "boleh_eksternal": boleh_eksternal,
        "eksternal_form": KeputusanEksternalForm(
            initial={
                "lingkup": u.lingkup_eksternal,
                "penerbit": u.penerbit_keputusan_eksternal,
                "nomor": u.nomor_keputusan_eksternal,
                "tanggal": u.tanggal_keputusan_eksternal,
                "nomor_pertek": u.nomor_pertimbangan_teknis,
                "tanggal_pertek": u.tanggal_pertimbangan_teknis,
            }
        )
        if boleh_eksternal
        else None,
    }


@aksi_usulan
def pengecualian(request, u):
    """HR overrides one failed check (`kode`) with its own justification."""
    jalankan_dari_form(
        request,
        PengecualianForm(request.POST),
        lambda d: usulan_pengecualian(oleh=request.user, usulan=u, kode=d["kode"], alasan=d["alasan"]),
        _("Pengecualian syarat dicatat."),
        awalan=_("Pengecualian tidak dicatat: "),
    )


@aksi_usulan
def pengecualian_konfirmasi_view(request, u, kode):
    """The PPK confirms one override of a hard rule."""
    jalankan(
        request,
        lambda: pengecualian_konfirmasi(oleh=request.user, usulan=u, kode=kode),
        _("Pengecualian syarat dikonfirmasi."),
    )


@aksi_usulan
def keputusan_eksternal(request, u):
    """HR records the external decision of a transfer out of or into the city."""
    jalankan_dari_form(
        request,
        KeputusanEksternalForm(request.POST),
        lambda d: keputusan_eksternal_catat(
            oleh=request.user,
            usulan=u,
            data=KeputusanEksternal(
                lingkup=d["lingkup"],
                penerbit=d["penerbit"],
                nomor=d["nomor"],
                tanggal=d["tanggal"],
                nomor_pertek=d["nomor_pertek"],
                tanggal_pertek=d["tanggal_pertek"],
            ),
        ),
        _("Keputusan instansi lain dicatat."),
        awalan=_("Keputusan tidak dicatat: "),
    )
