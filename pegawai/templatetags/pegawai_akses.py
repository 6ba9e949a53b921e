"""The permission rules of `pegawai.akses` for templates, so a page shows a link or a button
exactly when the view behind it would let the user in:

    {% load pegawai_akses %}
    {% if user|boleh_kelola_pegawai %}...{% endif %}
    {% if user|boleh_lihat_unit:unit %}<a href="...">{% endif %}
"""

from django import template

from .. import akses

register = template.Library()

for _nama in (
    "boleh_lihat_semua",
    "boleh_lihat_organisasi",
    "boleh_lihat_kandidat",
    "boleh_lihat_audit",
    "boleh_kelola_pegawai",
    "boleh_kelola_akun",
    "boleh_kelola_tugas",
    "boleh_impor",
    "boleh_kelola_organisasi",
    "boleh_pantau_kontrak",
    "boleh_siasn",
):
    register.filter(_nama, getattr(akses, _nama))


@register.filter
def boleh_lihat_unit(user, unit) -> bool:
    return akses.boleh_lihat_unit(user, unit)


@register.filter
def boleh_lihat_pegawai(user, pegawai) -> bool:
    return pegawai is not None and akses.boleh_lihat_pegawai(user, pegawai)
