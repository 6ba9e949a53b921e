"""Daily job (cron/systemd timer): carry out every transfer whose TMT has come, and flag open
proposals whose employee record changed. Idempotent: running it twice changes nothing.

Eligibility is checked again on the TMT: a transfer that now fails a check (a sanction that began
after the decision, say) is not carried out; its history gets a note and HR a mail. `--tanggal`
may name a past day (a missed run), never a day after today: that would carry transfers out early."""

from inti.management.harian import PerintahHarian, tulis_laporan
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo


class Command(PerintahHarian):
    help = "Melaksanakan mutasi yang TMT-nya sudah tiba (jalankan setiap hari)."
    apa = "mutasi"

    def jalankan(self, acuan):
        tulis_laporan(self, mutasi_laksanakan_jatuh_tempo(hari_ini=acuan))
