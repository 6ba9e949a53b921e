from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PelatihanConfig(AppConfig):
    name = "pelatihan"
    verbose_name = _("Pelatihan dan pendampingan")

    def ready(self):
        from .auditlog_daftar import daftarkan_model

        daftarkan_model()  # the field-level trail (inti/jejak.py)
        from inti import tembolok

        from .models import PenugasanPelatihan

        tembolok.daftarkan(PenugasanPelatihan, "pelatihan")  # impact report (training vs outcome)
        from inti.audit import label_daftarkan

        label_daftarkan({"pelatihan.pendampingan_berakhir": _("Pendampingan berakhir (mutasi dibatalkan)")})
        # mutasi announces a cancelled decided transfer; its open trainings and mentoring close with it.
        from mutasi.models import UsulanMutasi
        from mutasi.signals import usulan_dibatalkan

        from .services.pembatalan import usulan_dibatalkan_terima

        usulan_dibatalkan.connect(
            usulan_dibatalkan_terima, sender=UsulanMutasi, dispatch_uid="pelatihan.usulan_dibatalkan"
        )
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
