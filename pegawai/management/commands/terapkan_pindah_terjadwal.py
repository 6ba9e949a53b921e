"""Daily job (cron/systemd timer), beside `laksanakan_mutasi`: apply every manual move whose TMT has
come (the employee's current post changes on the day). Idempotent: running it twice changes nothing.
`--tanggal` catches up a missed day; a date after today is refused (it would move people early)."""

from django.core.management.base import CommandError

from inti.management.harian import PerintahHarian, tulis_laporan
from pegawai.services.pindah import pindah_terapkan_jatuh_tempo


class Command(PerintahHarian):
    help = "Menerapkan perpindahan jabatan terjadwal yang TMT-nya sudah tiba (jalankan setiap hari)."
    apa = "perpindahan"

    def jalankan(self, acuan):
        laporan = pindah_terapkan_jatuh_tempo(hari_ini=acuan)
        tulis_laporan(self, laporan)
        if laporan.gagal:
            raise CommandError(f"{len(laporan.gagal)} perpindahan gagal diterapkan.")
