"""Daily job (cron/systemd timer): carry out every transfer whose TMT has come, and flag open
proposals whose employee record changed. Idempotent: running it twice changes nothing.

Eligibility is checked again on the TMT: a transfer that now fails a check (a sanction that began
after the decision, say) is not carried out; its history gets a note and HR a mail. `--tanggal`
may name a past day (a missed run), never a day after today: that would carry transfers out early."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo


def _tanggal(teks: str) -> date:
    try:
        return date.fromisoformat(teks)
    except ValueError as exc:
        raise CommandError(_("Tanggal %(t)s tidak dikenal: tulis YYYY-MM-DD.") % {"t": teks}) from exc


class Command(BaseCommand):
    help = "Melaksanakan mutasi yang TMT-nya sudah tiba (jalankan setiap hari)."

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="Tanggal acuan (YYYY-MM-DD), paling lambat hari ini; bawaan: hari ini.")

    def handle(self, *args, tanggal=None, **options):
        hari_ini = timezone.localdate()
        acuan = _tanggal(tanggal) if tanggal else hari_ini
        if acuan > hari_ini:
            raise CommandError(
                _(
                    "Tanggal acuan %(acuan)s sesudah hari ini (%(hari)s): mutasi tidak boleh dilaksanakan "
                    "sebelum TMT-nya tiba."
                )
                % {"acuan": f"{acuan:%d-%m-%Y}", "hari": f"{hari_ini:%d-%m-%Y}"}
            )
        laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=acuan)
        for baris in laporan.dilaksanakan:
            self.stdout.write(self.style.SUCCESS(f"Dilaksanakan: {baris}"))
        for baris in laporan.ditunda:
            self.stdout.write(self.style.WARNING(f"Ditunda: {baris}"))
        for baris in laporan.tertahan:
            self.stdout.write(self.style.WARNING(f"Tertahan: {baris}"))
        for baris in laporan.gagal:
            self.stdout.write(self.style.ERROR(f"Gagal: {baris}"))
        for baris in laporan.ditandai:
            self.stdout.write(self.style.WARNING(f"Perlu ditinjau: {baris}"))
        self.stdout.write(
            f"Selesai: {len(laporan.dilaksanakan)} dilaksanakan, {len(laporan.ditunda)} ditunda, "
            f"{len(laporan.tertahan)} tertahan, {len(laporan.gagal)} gagal, {len(laporan.ditandai)} ditandai."
        )
