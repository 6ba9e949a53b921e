"""`manage.py cadangkan`: back up the database and MEDIA_ROOT into one archive (see inti/cadangan.py).

Writes `simutasi-YYYYmmdd-HHMMSS.tar.gz` into `--ke DIR` (default var/cadangan) and prints its path,
size and time. With `--pangkas` it then deletes the older archives of that folder outside the
retention (newest of each of the last 14 days, 8 weeks and 12 months by default). Exits non-zero on
any failure; run it from cron or a systemd timer (docs/DEPLOY.md, "Backups").
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from inti import cadangan


def ukuran_terbaca(n: int) -> str:
    for satuan in ("B", "KB", "MB", "GB"):
        if n < 1024 or satuan == "GB":
            return f"{n:.0f} {satuan}" if satuan == "B" else f"{n:.1f} {satuan}"
        n /= 1024
    return f"{n} B"  # pragma: no cover


class Command(BaseCommand):
    help = "Mencadangkan basis data dan berkas unggahan (MEDIA_ROOT) ke satu arsip .tar.gz bermanifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ke", type=Path, help="Folder arsip (bawaan: var/cadangan); di server mis. /var/backups/simutasi."
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Alias basis data (bawaan: default).")
        parser.add_argument(
            "--pangkas",
            action="store_true",
            help="Sesudah mencadangkan, hapus arsip lama di folder itu di luar masa simpan (--simpan-*).",
        )
        parser.add_argument("--simpan-harian", type=int, default=14, help="Hari terakhir yang disimpan (14).")
        parser.add_argument("--simpan-mingguan", type=int, default=8, help="Minggu terakhir yang disimpan (8).")
        parser.add_argument("--simpan-bulanan", type=int, default=12, help="Bulan terakhir yang disimpan (12).")

    def handle(self, *args, ke=None, database=DEFAULT_DB_ALIAS, pangkas=False, **opsi):
        try:
            hasil = cadangan.buat_cadangan(using=database, folder=ke)
        except cadangan.CadanganError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(self.style.SUCCESS(f"Cadangan dibuat: {hasil.arsip}"))
        self.stdout.write(
            f"  {ukuran_terbaca(hasil.ukuran)}, {hasil.jumlah_berkas} berkas media, {hasil.detik:.1f} detik"
        )
        if pangkas:
            dihapus = cadangan.pangkas(
                hasil.arsip.parent,
                harian=opsi["simpan_harian"],
                mingguan=opsi["simpan_mingguan"],
                bulanan=opsi["simpan_bulanan"],
            )
            for p in dihapus:
                self.stdout.write(f"  dihapus (di luar masa simpan): {p.name}")
