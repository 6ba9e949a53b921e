"""The front page's dashboard (`{% load evaluasi_dasbor %}{% dasbor %}` in templates/beranda.html):
HR staff and the PPK see the transfer figures; a reviewer (usually a unit head) the reviews to
write; an employee the feedback waiting for them. Each role's block costs a fixed number of queries."""

from django import template

from pegawai.akses import peran_user

from ..selectors.dasbor import dasbor_pimpinan
from ..selectors.evaluasi import evaluasi_terlambat_jumlah, tugas_penilai, umpan_balik_menunggu

register = template.Library()


@register.inclusion_tag("evaluasi/_dasbor.html", takes_context=True)
def dasbor(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    p = peran_user(user)
    return {
        "peran": p,
        "request": request,
        "pimpinan": dasbor_pimpinan(user) if p.lihat_semua else None,
        "tugas": tugas_penilai(user) if p.pegawai_id else [],
        "umpan_balik": umpan_balik_menunggu(user) if p.pegawai_id else [],
        "terlambat_staf": evaluasi_terlambat_jumlah(user) if p.kepala and not p.lihat_semua else 0,
        "csp_nonce": context.get("csp_nonce"),
    }
