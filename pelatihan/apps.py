from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PelatihanConfig(AppConfig):
    name = "pelatihan"
    verbose_name = _("Pelatihan dan pendampingan")

    def ready(self):
        from inti.notifikasi import jenis_daftarkan

        jenis_daftarkan(
            "pelatihan.ditugaskan",
            _("Penugasan pelatihan baru"),
            keterangan=_("Pelatihan yang ditugaskan kepada Anda"),
        )
        jenis_daftarkan(
            "pelatihan.status",
            _("Perubahan status pelatihan"),
            keterangan=_("Pelatihan Anda diverifikasi, dibatalkan, atau buktinya dikembalikan"),
        )
        jenis_daftarkan(
            "pelatihan.pendamping",
            _("Penunjukan pendamping"),
            keterangan=_("Anda ditunjuk mendampingi pegawai yang baru pindah"),
        )
        jenis_daftarkan(
            "pelatihan.kesulitan",
            _("Kesulitan adaptasi"),
            keterangan=_("Pegawai baru di unit Anda melaporkan kesulitan (kepala unit dan BKPSDM)"),
        )
