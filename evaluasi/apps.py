from django.utils.translation import gettext_lazy as _

from inti.apps import AplikasiConfig


class EvaluasiConfig(AplikasiConfig):
    name = "evaluasi"
    verbose_name = _("Evaluasi Pasca Mutasi")
    tembolok_model = ("Evaluasi",)  # dashboard, impact report
    notifikasi = {
        "evaluasi.penilai": (
            _("Penunjukan penilai evaluasi"),
            _("Anda ditetapkan menilai evaluasi pasca mutasi seorang pegawai"),
        ),
        "evaluasi.terkirim": (
            _("Umpan balik evaluasi"),
            _("Umpan balik evaluasi pasca mutasi Anda telah dikirim penilai"),
        ),
        "evaluasi.ditanggapi": (_("Tanggapan atas evaluasi"), _("Pegawai yang Anda nilai menanggapi umpan balik")),
    }

    def ready(self):
        super().ready()
        # mutasi announces a carried-out transfer; reviews are scheduled after it commits (the daily
        # `jadwalkan_evaluasi` command also catches any transfer the signal missed).
        from mutasi.models import UsulanMutasi
        from mutasi.signals import usulan_dilaksanakan

        from .services.jadwal import saat_usulan_dilaksanakan

        usulan_dilaksanakan.connect(
            saat_usulan_dilaksanakan, sender=UsulanMutasi, dispatch_uid="evaluasi_jadwalkan_saat_dilaksanakan"
        )
