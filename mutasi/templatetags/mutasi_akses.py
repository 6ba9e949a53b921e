"""The permission rules of `mutasi.akses` for templates, so a page shows a button exactly when
the action behind it would be accepted:

    {% load mutasi_akses %}
    {% if user|boleh_ubah_usulan:u %}<a href="...">Ubah</a>{% endif %}
    {% if user|boleh_kelola_permohonan %}...{% endif %}
"""

from django import template

from .. import akses

register = template.Library()

for _nama in (
    # (user)
    "boleh_daftar_usulan",
    "boleh_buat_usulan",
    "boleh_buat_batch",
    "boleh_kelola_keberatan",
    "boleh_kelola_permohonan",
    "boleh_ajukan_permohonan",
    "boleh_kelola_sk",
    # (user, object)
    "boleh_lihat_usulan",
    "boleh_ubah_usulan",
    "boleh_lampir",
    "boleh_hapus_lampiran",
    "boleh_kecualikan",
    "boleh_tinjau",
    "boleh_catat_menteri",
    "boleh_terbitkan_sk",
    "boleh_ubah_sk",
    "boleh_tandatangani_sk",
    "boleh_tarik_sk",
    "boleh_serahkan_pemberitahuan",
    "boleh_konfirmasi",
    "boleh_ajukan_keberatan",
    "boleh_jawab_keberatan",
    "boleh_tanggapi_permohonan",
    "boleh_tarik_permohonan",
):
    register.filter(_nama, getattr(akses, _nama))
