from django.utils.translation import gettext_lazy as _

from inti.apps import AplikasiConfig


class MutasiConfig(AplikasiConfig):
    name = "mutasi"
    verbose_name = _("Mutasi")
    tembolok_model = ("UsulanMutasi", "RiwayatStatusUsulan")  # dashboard, impact report
    notifikasi = {
        "mutasi.langkah": (
            _("Usulan mutasi menunggu Anda"),
            _("Usulan yang menunggu persetujuan, verifikasi atau keputusan Anda, atau dikembalikan"),
        ),
        "mutasi.pegawai": (_("Mutasi saya"), _("Mutasi Anda diputuskan, SK-nya terbit, dilaksanakan atau dibatalkan")),
        "mutasi.keberatan": (_("Keberatan pegawai"), _("Keberatan baru atas mutasi (BKPSDM)")),
        "mutasi.keberatan_jawab": (_("Jawaban keberatan"), _("Jawaban atas keberatan Anda")),
        "mutasi.permohonan": (_("Permohonan mutasi pegawai"), _("Permohonan mutasi baru (BKPSDM)")),
        "mutasi.sk": (
            _("Surat keputusan (SK)"),
            _("Konsep SK menunggu tanda tangan PPK, dikembalikan, atau ditandatangani"),
        ),
        "mutasi.tertahan": (
            _("Mutasi tertahan pada TMT"),
            _("Mutasi yang tidak dilaksanakan pada TMT-nya karena syarat tidak lagi terpenuhi (BKPSDM)"),
        ),
        "mutasi.permohonan_saya": (
            _("Permohonan mutasi saya"),
            _("Nomor pendaftaran permohonan Anda, dan saat permohonan itu dibuatkan usulan"),
        ),
        "mutasi.permohonan_tolak": (_("Tanggapan permohonan"), _("Tanggapan atas permohonan mutasi Anda")),
    }
