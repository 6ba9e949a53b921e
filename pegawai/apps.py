from django.utils.translation import gettext_lazy as _

from inti.apps import AplikasiConfig


class PegawaiConfig(AplikasiConfig):
    name = "pegawai"
    verbose_name = _("Kepegawaian")
    # needs analysis, dashboard, impact report
    tembolok_model = ("Pegawai", "RiwayatJabatan", "UnitKerja", "Jabatan", "TugasJabatan", "KinerjaTahunan")

    def ready(self):
        super().ready()
        from . import masuk  # noqa: F401  (sign-in events into the audit trail)
        from .audit_label import daftarkan

        daftarkan()
