"""Daily job (cron/systemd timer), beside `laksanakan_mutasi`: apply every manual move whose TMT has
come (the employee's current post changes on the day). Idempotent: running it twice changes nothing.
`--tanggal` catches up a missed day; a date after today is refused (it would move people early)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pegawai.services.pindah import pindah_terapkan_jatuh_tempo


class Command(BaseCommand):
    help = "Menerapkan perpindahan jabatan terjadwal yang TMT-nya sudah tiba (jalankan setiap hari)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanggal",
            type=date.fromisoformat,
            help="Tanggal acuan (YYYY-MM-DD), tidak boleh sesudah hari ini; bawaan: hari ini.",
        )

    def handle(self, *args, tanggal=None, **options):
        hari_ini = timezone.localdate()
        if tanggal is not None and tanggal > hari_ini:
            raise CommandError(
                f"--tanggal {tanggal:%d-%m-%Y} sesudah hari ini ({hari_ini:%d-%m-%Y}): "
                "perpindahan hanya diterapkan pada atau sesudah TMT-nya."
            )
        laporan = pindah_terapkan_jatuh_tempo(hari_ini=tanggal or hari_ini)
        for baris in laporan.diterapkan:
            self.stdout.write(self.style.SUCCESS(f"Diterapkan: {baris}"))
        for baris in laporan.dibatalkan:
            self.stdout.write(self.style.WARNING(f"Dibatalkan: {baris}"))
        for baris in laporan.ditahan:
            self.stdout.write(self.style.WARNING(f"Ditahan: {baris}"))
        for baris in laporan.gagal:
            self.stdout.write(self.style.ERROR(f"Gagal: {baris}"))
        self.stdout.write(
            f"Selesai: {len(laporan.diterapkan)} diterapkan, {len(laporan.dibatalkan)} dibatalkan, "
            f"{len(laporan.ditahan)} ditahan, {len(laporan.gagal)} gagal."
        )
        if laporan.gagal:
            raise CommandError(f"{len(laporan.gagal)} perpindahan gagal diterapkan.")
