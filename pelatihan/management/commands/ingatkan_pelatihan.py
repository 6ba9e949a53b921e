"""Daily job (cron/systemd timer): email reminders for training assignments due soon
(PELATIHAN_INGATKAN_HARI days before the due date) and overdue ones (to the employee, and to the
unit head for overdue). Idempotent within a day: each assignment records the day it was reminded.
First it closes what a cancelled transfer left open and its signal missed (no reminder for those)."""

from django.core.management.base import BaseCommand

from inti.management.harian import tanggal_acuan
from pelatihan.services import mutasi_batal_susulan, pengingat_kirim


class Command(BaseCommand):
    help = "Mengirim email pengingat tenggat pelatihan (jalankan setiap hari)."

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", type=tanggal_acuan, help="Tanggal acuan (YYYY-MM-DD); bawaan: hari ini.")

    def handle(self, *args, tanggal=None, **options):
        if n := mutasi_batal_susulan():
            self.stdout.write(self.style.WARNING(f"Ditutup karena mutasinya dibatalkan: pelatihan {n} mutasi."))
        laporan = pengingat_kirim(hari_ini=tanggal)
        self.stdout.write(
            self.style.SUCCESS(
                f"Pengingat pelatihan: {laporan.mendekati} mendekati tenggat, {laporan.terlambat} terlambat, "
                f"{laporan.email} email terkirim."
            )
        )
