"""Daily job (cron/systemd timer), beside `terapkan_pindah_terjadwal`: a rank recorded with a future
TMT becomes the employee's golongan on that day (`services.pangkat.profil_sinkron`, audited).
Idempotent: running it twice changes nothing. `--tanggal` catches up a missed day; a date after
today is refused (it would promote people early)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from pegawai.models import RiwayatGolongan
from pegawai.services.pangkat import profil_sinkron


class Command(BaseCommand):
    help = "Menerapkan golongan yang TMT-nya sudah tiba ke data pegawai (jalankan setiap hari)."

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
                "golongan hanya diterapkan pada atau sesudah TMT-nya."
            )
        ids = RiwayatGolongan.objects.values_list("pegawai_id", flat=True).distinct()
        with transaction.atomic():
            n = profil_sinkron(oleh=None, pegawai_ids=ids, hari=tanggal or hari_ini, lewat="jadwal harian")
        self.stdout.write(f"Selesai: {n} pegawai disesuaikan dengan riwayat golongan.")
