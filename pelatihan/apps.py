from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PelatihanConfig(AppConfig):
    name = "pelatihan"
    verbose_name = _("Pelatihan dan pendampingan")

    def ready(self):
        from .auditlog_daftar import daftarkan_model

        daftarkan_model()  # the field-level trail (inti/jejak.py)
        from inti.audit import label_daftarkan

        label_daftarkan({"pelatihan.pendampingan_berakhir": _("Pendampingan berakhir (mutasi dibatalkan)")})
        # mutasi announces a cancelled decided transfer; its open trainings and mentoring close with it.
        from mutasi.models import UsulanMutasi
        from mutasi.signals import usulan_dibatalkan

        from .services.pembatalan import usulan_dibatalkan_terima

        usulan_dibatalkan.connect(
            usulan_dibatalkan_terima, sender=UsulanMutasi, dispatch_uid="pelatihan.usulan_dibatalkan"
        )
