"""`manage.py buat_sertifikat_ttd`: create the installation's signing key and self-signed certificate.

The files are settings.TTD_KUNCI (private key, mode 0600) and settings.TTD_SERTIFIKAT; the subject's
common name is settings.INSTANSI_NAMA unless --nama is given. Run it once when installing (the
embedded backend inti.ttd.lokal.PenandaLokal signs decrees with them) and back both files up.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inti.ttd import TtdError, sertifikat


class Command(BaseCommand):
    help = (
        "Membuat kunci privat dan sertifikat swa-tanda (self-signed) untuk tanda tangan elektronik "
        "dokumen oleh instalasi ini (TTD_KUNCI, TTD_SERTIFIKAT)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--nama", help="Nama pemilik sertifikat (CN); bawaan: INSTANSI_NAMA.")
        parser.add_argument("--tahun", type=int, default=5, help="Masa berlaku dalam tahun (bawaan 5).")
        parser.add_argument("--rsa", action="store_true", help="Kunci RSA 3072 bit, bukan EC P-256.")
        parser.add_argument(
            "--paksa",
            action="store_true",
            help="Ganti kunci dan sertifikat yang sudah ada (sertifikat lama disimpan sebagai *.lama.pem).",
        )

    def handle(self, *args, nama=None, tahun=5, rsa=False, paksa=False, **options):
        sert, kunci = sertifikat.lokasi()
        try:
            baru, lama = sertifikat.buat(
                sert, kunci, nama=nama or settings.INSTANSI_NAMA, pakai_rsa=rsa, tahun=tahun, paksa=paksa
            )
        except TtdError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(self.style.SUCCESS("Sertifikat tanda tangan elektronik dibuat."))
        self.stdout.write(f"  Sertifikat : {sert}")
        self.stdout.write(f"  Kunci      : {kunci} (mode 0600; simpan di cadangan, jangan dibagikan)")
        self.stdout.write(f"  Subjek     : {baru.subject.rfc4514_string()}")
        self.stdout.write(
            f"  Berlaku    : {baru.not_valid_before_utc:%Y-%m-%d} s.d. {baru.not_valid_after_utc:%Y-%m-%d}"
        )
        self.stdout.write(f"  SHA-256    : {sertifikat.sidik_jari(baru)}")
        if lama is not None:
            self.stdout.write(
                self.style.WARNING(
                    f"Sertifikat lama disimpan di {lama}. Dokumen yang ditandatangani dengan sertifikat lama hanya "
                    "dianggap tepercaya bila berkas itu dicantumkan di TTD_AKAR_TEPERCAYA."
                )
            )
