"""The permission rules of `pelatihan.akses` for templates, so a page shows a link or a button
exactly when the view or service behind it would accept the user:

    {% load pelatihan_akses %}
    {% if user|boleh_kelola_katalog %}...{% endif %}
    {% if user|boleh_menugaskan:pegawai %}...{% endif %}
    {% if user|boleh_lihat_penugasan:t %}<a href="...">{% endif %}
"""

from django import template

from .. import akses

register = template.Library()

for _nama in (
    "boleh_kelola_katalog",
    "boleh_lihat_semua_penugasan",
    "boleh_lihat_penugasan_staf",
):
    register.filter(_nama, getattr(akses, _nama))


@register.filter
def boleh_menugaskan(user, pegawai=None) -> bool:
    return akses.boleh_menugaskan(user, pegawai)


for _nama in (
    "boleh_lihat_pelatihan",
    "boleh_lihat_penugasan",
    "boleh_kelola_penugasan",
    "boleh_kelola_adaptasi",
    "boleh_lihat_adaptasi",
    "boleh_lihat_checkin",
):
    register.filter(_nama, getattr(akses, _nama))
