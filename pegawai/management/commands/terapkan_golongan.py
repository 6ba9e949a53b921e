"""Daily job (cron/systemd timer), beside `terapkan_pindah_terjadwal`: a rank recorded with a future
TMT becomes the employee's golongan on that day (`services.pangkat.profil_sinkron`, audited).
Idempotent: running it twice changes nothing. `--tanggal` catches up a missed day; a date after
today is refused (it would promote people early)."""

from django.db import transaction

from inti.management.harian import PerintahHarian
from pegawai.models import RiwayatGolongan
from pegawai.services.pangkat import profil_sinkron


class Command(PerintahHarian):
    help = "Menerapkan golongan yang TMT-nya sudah tiba ke data pegawai (jalankan setiap hari)."
    apa = "golongan"

    def jalankan(self, acuan):
        ids = RiwayatGolongan.objects.values_list("pegawai_id", flat=True).distinct()
        with transaction.atomic():
            n = profil_sinkron(oleh=None, pegawai_ids=ids, hari=acuan, lewat="jadwal harian")
        self.stdout.write(f"Selesai: {n} pegawai disesuaikan dengan riwayat golongan.")
