"""The permission rules of `evaluasi.akses` for templates, so a page shows a link, a button or a
review's content exactly when the view or service behind it would accept the user:

    {% load evaluasi_akses %}
    {% if user|boleh_daftar %}<a href="{% url 'evaluasi:daftar' %}">{% endif %}
    {% if user|boleh_isi:ev %}<a href="{% url 'evaluasi:isi' ev.pk %}">{% endif %}
    {% if user|boleh_baca_isi:ev %}{% include "evaluasi/_isi.html" %}{% endif %}
"""

from django import template

from .. import akses

register = template.Library()

for _nama in (
    "boleh_daftar",
    "boleh_lihat_laporan",
    "boleh_lihat_kinerja",
    "adalah_penilai",
    "adalah_pegawai",
    "boleh_baca_isi",
    "boleh_lihat_usulan",
    "boleh_isi",
    "boleh_tanggapi",
    "boleh_tutup",
    "boleh_ganti_penilai",
):
    register.filter(_nama, getattr(akses, _nama))
