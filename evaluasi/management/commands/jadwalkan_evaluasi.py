"""`manage.py jadwalkan_evaluasi` (daily, from cron or a systemd timer): schedule the reviews of
carried-out transfers that have none yet, keep unstarted reviews with the receiving unit's current
head, cancel those that can no longer be made. Idempotent: a second run changes nothing."""

from django.core.management.base import BaseCommand

from evaluasi.services.jadwal import evaluasi_jadwalkan_semua
from inti.management.harian import tulis_laporan


class Command(BaseCommand):
    help = "Menjadwalkan evaluasi pasca mutasi untuk mutasi yang sudah dilaksanakan (idempoten)."

    def handle(self, *args, **options):
        tulis_laporan(self, evaluasi_jadwalkan_semua())
