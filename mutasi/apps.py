from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MutasiConfig(AppConfig):
    name = "mutasi"
    verbose_name = _("Mutasi")

    def ready(self):
        from .auditlog_daftar import daftarkan_model

        daftarkan_model()  # the field-level trail (inti/jejak.py)
