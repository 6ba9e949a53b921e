from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = _("Evaluasi Pasca Mutasi")

    def ready(self):
        from .auditlog_daftar import daftarkan_model

        daftarkan_model()  # the field-level trail (inti/jejak.py)
        from inti import tembolok

        from .models import Evaluasi

        tembolok.daftarkan(Evaluasi, "evaluasi")  # dashboard, impact report
        # mutasi announces a carried-out transfer; reviews are scheduled after it commits (the daily
        # `jadwalkan_evaluasi` command also catches any transfer the signal missed).
        from inti.notifikasi import jenis_daftarkan
        from mutasi.models import UsulanMutasi
        from mutasi.signals import usulan_dilaksanakan

        from .services.jadwal import saat_usulan_dilaksanakan

        usulan_dilaksanakan.connect(
            saat_usulan_dilaksanakan, sender=UsulanMutasi, dispatch_uid="evaluasi_jadwalkan_saat_dilaksanakan"
        )

        jenis_daftarkan(
            "evaluasi.penilai",
            _("Penunjukan penilai evaluasi"),
            keterangan=_("Anda ditetapkan menilai evaluasi pasca mutasi seorang pegawai"),
        )
        jenis_daftarkan(
            "evaluasi.terkirim",
            _("Umpan balik evaluasi"),
            keterangan=_("Umpan balik evaluasi pasca mutasi Anda telah dikirim penilai"),
        )
        jenis_daftarkan(
            "evaluasi.ditanggapi",
            _("Tanggapan atas evaluasi"),
            keterangan=_("Pegawai yang Anda nilai menanggapi umpan balik"),
        )
