"""Cron job (every few minutes), beside the worker: send the due rows of the SIASN outbox. Safe to run
while the worker also sends (each row is claimed first) and when SIASN is down (rows stay waiting).
When SIASN is off (SIASN_AKTIF=false) it says so and sends nothing."""

from django.core.management.base import BaseCommand

from pegawai.services.siasn import siasn_kirim_jatuh_tempo
from pegawai.siasn.klien import SiasnError, SiasnNonaktif


class Command(BaseCommand):
    help = "Mengirim antrean kiriman SIASN yang sudah waktunya (jalankan dari cron setiap beberapa menit)."

    def add_arguments(self, parser):
        parser.add_argument("--batas", type=int, default=200, help="Paling banyak kiriman dalam satu putaran.")

    def handle(self, *args, batas=200, **options):
        try:
            laporan = siasn_kirim_jatuh_tempo(batas=batas)
        except SiasnNonaktif as e:
            self.stdout.write(self.style.WARNING(str(e)))
            return
        except SiasnError as e:
            self.stdout.write(self.style.ERROR(str(e)))
            return
        self.stdout.write(str(laporan))
