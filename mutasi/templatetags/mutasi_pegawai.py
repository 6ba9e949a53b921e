"""Blocks of the transfer module that the employee page shows (`pegawai` must not import
mutasi, so its template loads this library instead):

    {% load mutasi_pegawai %}{% riwayat_mutasi pegawai %}

The block shows what the viewer may see of that employee's transfers (HR all, a unit head
those touching their units, the employee their own from the decision on) in a fixed number of
queries whatever the number of transfers."""

from django import template

from ..selectors import riwayat_mutasi_pegawai

register = template.Library()


@register.inclusion_tag("mutasi/_riwayat_mutasi_pegawai.html", takes_context=True)
def riwayat_mutasi(context, pegawai):
    request = context.get("request")
    user = getattr(request, "user", None)
    daftar = list(riwayat_mutasi_pegawai(user, pegawai.pk)) if user is not None else []
    return {"riwayat_mutasi": daftar, "pegawai": pegawai, "request": request}
