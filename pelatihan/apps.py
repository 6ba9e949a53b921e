from django.utils.translation import gettext_lazy as _

from inti.apps import AplikasiConfig


class PelatihanConfig(AplikasiConfig):
    name = "pelatihan"
    verbose_name = _("Pelatihan dan pendampingan")
    tembolok_model = ("PenugasanPelatihan",)  # impact report (training vs outcome)
    notifikasi = {
        "pelatihan.ditugaskan": (_("Penugasan pelatihan baru"), _("Pelatihan yang ditugaskan kepada Anda")),
        "pelatihan.status": (
            _("Perubahan status pelatihan"),
            _("Pelatihan Anda diverifikasi, dibatalkan, atau buktinya dikembalikan"),
        ),
        "pelatihan.pendamping": (_("Penunjukan pendamping"), _("Anda ditunjuk mendampingi pegawai yang baru pindah")),
        "pelatihan.kesulitan": (
            _("Kesulitan adaptasi"),
            _("Pegawai baru di unit Anda melaporkan kesulitan (kepala unit dan BKPSDM)"),
        ),
    }

    def ready(self):
        super().ready()
        from inti.audit import label_daftarkan

        label_daftarkan({"pelatihan.pendampingan_berakhir": _("Pendampingan berakhir (mutasi dibatalkan)")})
        # mutasi announces a cancelled decided transfer; its open trainings and mentoring close with it.
        from mutasi.models import UsulanMutasi
        from mutasi.signals import usulan_dibatalkan

        from .services.pembatalan import usulan_dibatalkan_terima

        usulan_dibatalkan.connect(
            usulan_dibatalkan_terima, sender=UsulanMutasi, dispatch_uid="pelatihan.usulan_dibatalkan"
        )
