"""The base of the daily jobs (cron/systemd timer) that apply what falls due on a day: `--tanggal`
names the reference day (a missed run is caught up by naming it), never a day after today, which
would apply things early."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class PerintahHarian(BaseCommand):
    """Subclasses set `apa` (what is applied, e.g. "golongan") and implement `jalankan(acuan)`."""

    apa = ""

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
                f"{self.apa} hanya diterapkan pada atau sesudah TMT-nya."
            )
        self.jalankan(tanggal or hari_ini)

    def jalankan(self, acuan: date) -> None:
        raise NotImplementedError
