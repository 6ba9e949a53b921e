from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PegawaiConfig(AppConfig):
    name = "pegawai"
    verbose_name = _("Kepegawaian")

    def ready(self):
        from . import masuk  # noqa: F401  (sign-in events into the audit trail)
        from .audit_label import daftarkan

        daftarkan()
        from .auditlog_daftar import daftarkan_model

        daftarkan_model()  # the field-level trail (inti/jejak.py)
        from inti import tembolok

        from .models import Jabatan, KinerjaTahunan, Pegawai, RiwayatJabatan, TugasJabatan, UnitKerja

        for model in (Pegawai, RiwayatJabatan, UnitKerja, Jabatan, TugasJabatan, KinerjaTahunan):
            tembolok.daftarkan(model, "pegawai")  # needs analysis, dashboard, impact report
