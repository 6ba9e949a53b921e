"""manage.py pulihkan_tugas [--basi-menit N]

Background tasks whose worker died (SIGKILL, out of memory, a machine gone) stay RUNNING for ever in
django-tasks-db's queue. This finds them by their heartbeat (older than TUGAS_BASI_MENIT minutes),
queues them again (their work was all-or-nothing, so nothing is half-written) or, after a few
attempts, marks them failed so the user can start again. Run it before each worker starts and every
few minutes from a timer (docs/DEPLOY.md)."""

from django.core.management.base import BaseCommand

from inti.tugas import tugas_pulihkan


class Command(BaseCommand):
    help = "Antrekan ulang tugas latar yang pekerjanya mati (detak terakhir terlalu lama)."

    def add_arguments(self, parser):
        parser.add_argument("--basi-menit", type=int, default=None, help="Menit tanpa detak (bawaan: TUGAS_BASI_MENIT)")

    def handle(self, *args, basi_menit, **options):
        ulang, menyerah = tugas_pulihkan(basi_menit=basi_menit)
        for p in ulang:
            self.stdout.write(f"diantrekan ulang: {p} (percobaan ke-{p.percobaan + 1})")
        for p in menyerah:
            self.stdout.write(self.style.WARNING(f"gagal, tidak diulang lagi: {p}"))
        if not ulang and not menyerah:
            self.stdout.write("Tidak ada tugas yang macet.")
