from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = _("Evaluasi Pasca Mutasi")

    def ready(self):
        from .auditlog_daftar import daftarkan_model

        daftarkan_model()  # the field-level trail (inti/jejak.py)
        # mutasi announces a carried-out transfer; reviews are scheduled after it commits (the daily
        # `jadwalkan_evaluasi` command also catches any transfer the signal missed).
        from mutasi.models import UsulanMutasi
        from mutasi.signals import usulan_dilaksanakan

        from .services.jadwal import saat_usulan_dilaksanakan

        usulan_dilaksanakan.connect(
            saat_usulan_dilaksanakan, sender=UsulanMutasi, dispatch_uid="evaluasi_jadwalkan_saat_dilaksanakan"
        )
