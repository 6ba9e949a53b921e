"""`manage.py pulihkan <arsip>`: restore a backup made by `cadangkan` (see inti/cadangan.py).

Verifies the archive against its manifest (sha256 of every part) before touching anything, then
restores the configured database and MEDIA_ROOT. A database with tables or a MEDIA_ROOT with files is
refused unless `--timpa`. Stop the application (gunicorn) while restoring; run `manage.py migrate`
afterwards when the command says so. `--periksa` only verifies the archive (for the restore drill).
"""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from inti import cadangan


class Command(BaseCommand):
    help = "Memulihkan basis data dan berkas unggahan dari arsip `cadangkan`, sesudah memeriksa manifestnya."

    def add_arguments(self, parser):
        parser.add_argument("arsip", type=Path, help="Berkas simutasi-YYYYmmdd-HHMMSS.tar.gz")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Alias basis data (bawaan: default).")
        parser.add_argument(
            "--timpa",
            action="store_true",
            help="Timpa basis data yang sudah berisi tabel dan MEDIA_ROOT yang berisi berkas "
            "(berkas media lama dipindah ke <MEDIA_ROOT>.sebelum-pulih-<waktu>).",
        )
        parser.add_argument("--periksa", action="store_true", help="Hanya periksa keutuhan arsip; tidak memulihkan.")

    def handle(self, *args, arsip, database=DEFAULT_DB_ALIAS, timpa=False, periksa=False, **opsi):
        try:
            if periksa:
                with tempfile.TemporaryDirectory(prefix="simutasi-periksa-") as kerja:
                    m = cadangan.buka_arsip(arsip, Path(kerja))
                self.stdout.write(self.style.SUCCESS(f"Arsip utuh: {arsip}"))
                self.stdout.write(
                    f"  dibuat {m['dibuat']}, {m['mesin']}, {m['jumlah_berkas_media']} berkas media, "
                    f"{len(m['migrasi'])} migrasi, Django {m['django']}"
                )
                return
            hasil = cadangan.pulihkan_cadangan(arsip=arsip, using=database, timpa=timpa)
        except cadangan.CadanganError as e:
            raise CommandError(str(e)) from e
        m = hasil.manifest
        self.stdout.write(self.style.SUCCESS(f"Dipulihkan dari {arsip} (dibuat {m['dibuat']}, {m['mesin']})."))
        self.stdout.write(f"  {hasil.jumlah_berkas} berkas media, {hasil.detik:.1f} detik")
        if hasil.media_lama is not None:
            self.stdout.write(f"  Berkas media sebelumnya dipindah ke {hasil.media_lama}")
        for c in hasil.catatan:
            self.stdout.write(self.style.WARNING(f"  {c}"))
