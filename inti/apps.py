from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntiConfig(AppConfig):
    name = "inti"
    verbose_name = _("Inti (bersama)")
