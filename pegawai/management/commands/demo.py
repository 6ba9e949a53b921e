"""`manage.py demo`: load the demo data for Kota Surabaya / Kecamatan Mulyorejo.

Runs every step listed in settings.DEMO_LANGKAH, in order. A step is a function `(stdout) -> None`
named by its dotted path; each app adds its own steps there (the lower app may not import the
higher ones). Steps are idempotent: running the command again changes nothing.
"""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from pegawai.demo.akun import DEMO_PASSWORD, akun_demo
from pegawai.models import Pegawai


class Command(BaseCommand):
    help = "Mengisi data demo Kota Surabaya (idempoten: aman dijalankan berulang kali)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--jika-kosong",
            action="store_true",
            help="Hanya isi data bila belum ada pegawai sama sekali (dipakai oleh `make run`).",
        )
        parser.add_argument("--akun", action="store_true", help="Hanya tampilkan akun demo, tanpa mengisi data.")
        parser.add_argument(
            "--langkah",
            action="append",
            metavar="PATH",
            help="Jalankan hanya langkah ini (boleh diulang); bawaan: semua langkah di settings.DEMO_LANGKAH.",
        )

    def handle(self, *args, jika_kosong=False, akun=False, langkah=None, **options):
        if not akun:
            if jika_kosong and Pegawai.objects.exists():
                self.stdout.write("Data pegawai sudah ada: data demo tidak dimuat ulang.")
            else:
                self._jalankan(langkah or settings.DEMO_LANGKAH)
        self._tampilkan_akun()

    def _jalankan(self, paths):
        # Resolve every step first: a step whose module is missing stops the run before anything is written.
        langkah = []
        for path in paths:
            try:
                langkah.append((path, import_string(path)))
            except ImportError as e:
                raise CommandError(f"Langkah demo {path!r} tidak dapat dimuat: {e}") from e
        mulai = time.perf_counter()
        # Each step reports what it made; the services' INFO lines (a signature per decree) would bury it.
        logging.disable(logging.INFO)
        try:
            with transaction.atomic():
                for path, fungsi in langkah:
                    t0 = time.perf_counter()
                    self.stdout.write(self.style.MIGRATE_HEADING(f"Langkah {path}"))
                    fungsi(self.stdout)
                    self.stdout.write(f"  ({time.perf_counter() - t0:.1f} detik)")
        finally:
            logging.disable(logging.NOTSET)
        self.stdout.write(
            self.style.SUCCESS(f"Data demo siap: {len(langkah)} langkah, {time.perf_counter() - mulai:.1f} detik.")
        )

    def _tampilkan_akun(self):
        baris = akun_demo()
        self.stdout.write("")
        self.stdout.write(
            self.style.MIGRATE_HEADING("Akun demo (kata sandi hanya untuk demo, jangan dipakai di server)")
        )
        lebar = max(len(b["nama"]) for b in baris)
        self.stdout.write(f"  {'peran':<11} {'nama':<{lebar}}  {'NIP (untuk masuk)':<22} kata sandi")
        for b in baris:
            self.stdout.write(f"  {b['peran']:<11} {b['nama']:<{lebar}}  {b['nip']:<22} {b['sandi']}")
        if any(b["nama"] == "(belum ada)" for b in baris):
            self.stdout.write(self.style.WARNING("  Sebagian akun belum ada: jalankan `manage.py demo`."))
        self.stdout.write(f"  Masuk dengan NIP (spasi boleh) dan kata sandi {DEMO_PASSWORD}.")
