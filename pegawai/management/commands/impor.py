"""manage.py impor FILE --jenis pegawai [--dry-run] [--oleh NIP]

The same check and the same all-or-nothing write as the web import; prints the preview
(counts, notes, every error with row and column) and exits non-zero when there are errors."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from pegawai.impor.jenis import JENIS
from pegawai.services.impor import impor_jalankan, impor_periksa


class Command(BaseCommand):
    help = "Impor data dari file CSV/XLSX (pegawai, unit, jabatan, tugas, kinerja): semua atau tidak sama sekali."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path file .csv atau .xlsx")
        parser.add_argument("--jenis", required=True, choices=sorted(JENIS), help="Jenis data di file")
        parser.add_argument("--dry-run", action="store_true", help="Periksa saja, jangan simpan apa pun")
        parser.add_argument("--oleh", metavar="NIP", help="Akun yang dicatat sebagai pelaku impor (opsional)")

    def handle(self, *args, file, jenis, dry_run, oleh, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"File tidak ditemukan: {file}")
        user = None
        if oleh:
            user = get_user_model().objects.filter(nip=oleh).first()
            if user is None:
                raise CommandError(f"Akun dengan NIP {oleh} tidak ditemukan")
        if dry_run:
            hasil = impor_periksa(path=path, nama_file=path.name, jenis=jenis)
            riwayat = None
        else:
            riwayat, hasil = impor_jalankan(path=path, nama_file=path.name, jenis=jenis, oleh=user)
        label = JENIS[jenis].label
        mode = "Pratinjau (tanpa menyimpan)" if dry_run else "Impor"
        self.stdout.write(f"{mode} {label} dari {path.name}")
        if hasil.format:
            info = hasil.format.upper() + (f", {hasil.encoding}" if hasil.encoding else "")
            info += f", pemisah {hasil.pemisah!r}" if hasil.pemisah else ""
            self.stdout.write(f"  format: {info}")
        self.stdout.write(
            f"  {hasil.jumlah_baris} baris: {hasil.baru} baru, {hasil.ubah} diubah, {hasil.sama} tidak berubah"
        )
        for c in hasil.catatan:
            self.stdout.write(self.style.WARNING(f"  catatan: {c}"))
        for g in hasil.galat:
            self.stderr.write(str(g))
        if hasil.galat_lebih:
            self.stderr.write(f"... dan {hasil.galat_lebih} kesalahan lain")
        if not hasil.ok:
            raise CommandError(f"{hasil.jumlah_galat} kesalahan; tidak ada yang disimpan.")
        if riwayat is not None:
            self.stdout.write(self.style.SUCCESS(f"Tersimpan (riwayat impor #{riwayat.pk})."))
        elif dry_run:
            self.stdout.write(self.style.SUCCESS("Tidak ada kesalahan. Jalankan tanpa --dry-run untuk menyimpan."))
