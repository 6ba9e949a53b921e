from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MutasiConfig(AppConfig):
    name = "mutasi"
    verbose_name = _("Mutasi")

    def ready(self):
        from inti.notifikasi import jenis_daftarkan

        jenis_daftarkan(
            "mutasi.langkah",
            _("Usulan mutasi menunggu Anda"),
            keterangan=_("Usulan yang menunggu persetujuan, verifikasi atau keputusan Anda, atau dikembalikan"),
        )
        jenis_daftarkan(
            "mutasi.pegawai",
            _("Mutasi saya"),
            keterangan=_("Mutasi Anda diputuskan, SK-nya terbit, dilaksanakan atau dibatalkan"),
        )
        jenis_daftarkan("mutasi.keberatan", _("Keberatan pegawai"), keterangan=_("Keberatan baru atas mutasi (BKPSDM)"))
        jenis_daftarkan("mutasi.keberatan_jawab", _("Jawaban keberatan"), keterangan=_("Jawaban atas keberatan Anda"))
        jenis_daftarkan(
            "mutasi.permohonan", _("Permohonan mutasi pegawai"), keterangan=_("Permohonan mutasi baru (BKPSDM)")
        )
        jenis_daftarkan(
            "mutasi.sk",
            _("Surat keputusan (SK)"),
            keterangan=_("Konsep SK menunggu tanda tangan PPK, dikembalikan, atau ditandatangani"),
        )
        jenis_daftarkan(
            "mutasi.tertahan",
            _("Mutasi tertahan pada TMT"),
            keterangan=_("Mutasi yang tidak dilaksanakan pada TMT-nya karena syarat tidak lagi terpenuhi (BKPSDM)"),
        )
        jenis_daftarkan(
            "mutasi.permohonan_saya",
            _("Permohonan mutasi saya"),
            keterangan=_("Nomor pendaftaran permohonan Anda, dan saat permohonan itu dibuatkan usulan"),
        )
        jenis_daftarkan(
            "mutasi.permohonan_tolak",
            _("Tanggapan permohonan"),
            keterangan=_("Tanggapan atas permohonan mutasi Anda"),
        )

        from .auditlog_daftar import daftarkan_model

        daftarkan_model()  # the field-level trail (inti/jejak.py)
        from inti import tembolok

        from .models import RiwayatStatusUsulan, UsulanMutasi

        tembolok.daftarkan(UsulanMutasi, "mutasi")  # dashboard, impact report
        tembolok.daftarkan(RiwayatStatusUsulan, "mutasi")
