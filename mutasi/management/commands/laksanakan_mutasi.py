"""Daily job (cron/systemd timer): carry out every transfer whose TMT has come, and flag open
proposals whose employee record changed. Idempotent: running it twice changes nothing."""

from datetime import date

from django.core.management.base import BaseCommand

from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo


class Command(BaseCommand):
    help = "Melaksanakan mutasi yang TMT-nya sudah tiba (jalankan setiap hari)."

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", type=date.fromisoformat, help="Tanggal acuan (YYYY-MM-DD); bawaan: hari ini.")

    def handle(self, *args, tanggal=None, **options):
        laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=tanggal)
        for baris in laporan.dilaksanakan:
            self.stdout.write(self.style.SUCCESS(f"Dilaksanakan: {baris}"))
        for baris in laporan.ditunda:
            self.stdout.write(self.style.WARNING(f"Ditunda: {baris}"))
        for baris in laporan.gagal:
            self.stdout.write(self.style.ERROR(f"Gagal: {baris}"))
        for baris in laporan.ditandai:
            self.stdout.write(self.style.WARNING(f"Perlu ditinjau: {baris}"))
        self.stdout.write(
            f"Selesai: {len(laporan.dilaksanakan)} dilaksanakan, {len(laporan.ditunda)} ditunda, "
            f"{len(laporan.gagal)} gagal, {len(laporan.ditandai)} ditandai."
        )
