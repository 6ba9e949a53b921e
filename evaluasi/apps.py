from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = _("Evaluasi Pasca Mutasi")
