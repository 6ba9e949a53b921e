"""The daily jobs (cron/systemd timer) that apply what falls due on a day: `--tanggal` names the
reference day (a missed run is caught up by naming it), never a day after today, which would apply
things early; `tulis_laporan` prints what a job did, the same way for every job."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from inti.laporan import Laporan


def tanggal_acuan(teks: str) -> date:
    """`--tanggal` YYYY-MM-DD (a day that does not exist, 2025-02-29, is refused by name)."""
    try:
        return date.fromisoformat(teks)
    except ValueError as exc:
        raise CommandError(f"Tanggal {teks} tidak dikenal: tulis YYYY-MM-DD.") from exc


def tulis_laporan(perintah: BaseCommand, laporan: Laporan) -> None:
    """Each object's line under its outcome, then the counts: 'Selesai: 3 diterapkan, 0 gagal.'"""
    for label, gaya, isi in laporan.bagian():
        for baris in isi:
            perintah.stdout.write(getattr(perintah.style, gaya)(f"{label}: {baris}"))
    perintah.stdout.write(f"Selesai: {laporan}.")


class PerintahHarian(BaseCommand):
    """Subclasses set `apa` (what is applied, e.g. "golongan") and implement `jalankan(acuan)`."""

    apa = ""

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanggal",
            type=tanggal_acuan,
            help="Tanggal acuan (YYYY-MM-DD), tidak boleh sesudah hari ini; bawaan: hari ini.",
        )

    def handle(self, *args, tanggal=None, **options):
        hari_ini = timezone.localdate()
        if tanggal is not None and tanggal > hari_ini:
            raise CommandError(
                f"Tanggal acuan {tanggal:%d-%m-%Y} sesudah hari ini ({hari_ini:%d-%m-%Y}): "
                f"{self.apa} tidak boleh diterapkan sebelum TMT-nya tiba."
            )
        self.jalankan(tanggal or hari_ini)

    def jalankan(self, acuan: date) -> None:
        raise NotImplementedError
