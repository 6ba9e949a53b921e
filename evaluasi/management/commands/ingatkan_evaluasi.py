"""`manage.py ingatkan_evaluasi` (daily): email reviewers about reviews due soon or overdue,
employees about feedback left unanswered, and BKPSDM a digest of overdue and unassigned reviews.
Idempotent per day: running it twice the same day sends nothing the second time."""

from django.core.management.base import BaseCommand

from evaluasi.services.notifikasi import ingatkan_evaluasi


class Command(BaseCommand):
    help = "Mengirim pengingat evaluasi pasca mutasi (idempoten per hari)."

    def handle(self, *args, **options):
        laporan = ingatkan_evaluasi()
        self.stdout.write(
            f"Email ke penilai: {laporan.penilai}, ke pegawai: {laporan.pegawai}, ringkasan BKPSDM: {laporan.hr}"
        )
        for b in laporan.evaluasi:
            self.stdout.write(f"  - {b}")
        if laporan.tanpa_email:
            self.stdout.write(self.style.WARNING("Tanpa alamat email: " + ", ".join(sorted(set(laporan.tanpa_email)))))
