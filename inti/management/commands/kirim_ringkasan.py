"""manage.py kirim_ringkasan

Daily (a cron job or systemd timer, e.g. at 16:00): one mail per user listing the notices of the kinds
they chose "ringkasan harian" for that were not yet sent in a digest. A second run the same day sends
only what came in since; a digest the mail server refused is tried again at the next run."""

from django.core.management.base import BaseCommand

from inti.notifikasi.kirim import ringkasan_kirim


class Command(BaseCommand):
    help = "Kirim ringkasan harian pemberitahuan (satu email per pengguna yang memilihnya)."

    def handle(self, *args, **options):
        laporan = ringkasan_kirim()
        self.stdout.write(
            f"Ringkasan terkirim: {laporan.pengguna} pengguna, {laporan.notifikasi} pemberitahuan"
            + (f"; gagal: {laporan.gagal}" if laporan.gagal else "")
        )
