"""Numbers and verification codes of the documents: one gap-free sequence per year for decrees
(SK_NOMOR_POLA), one for notices (PEMBERITAHUAN_NOMOR_POLA) and one for the employees' requests
(their registration number, POLA_PERMOHONAN); a random code for each document (the QR code on it
leads to the public verification page)."""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction

from ..models import JenisNomor, NomorUrutSK, SuratKeputusan, SuratPemberitahuan

# A request's registration number: the employee quotes it (PMH-2026-00001).
POLA_PERMOHONAN = "PMH-{year}-{seq:05d}"


def nomor_berikut(tahun: int, jenis: str = JenisNomor.SK) -> tuple[int, str]:
    """Take the next sequence number of `tahun` for `jenis`. Must run inside the signing
    transaction: the counter row stays locked until commit, so a rollback gives the number back
    (no gap) and a concurrent signer waits (no duplicate)."""
    if not NomorUrutSK.objects.filter(jenis=jenis, tahun=tahun).exists():
        try:
            with transaction.atomic():
                NomorUrutSK.objects.create(jenis=jenis, tahun=tahun, terakhir=0)
        except IntegrityError:
            pass  # someone else created it first; lock theirs below
    baris = NomorUrutSK.objects.select_for_update().get(jenis=jenis, tahun=tahun)
    baris.terakhir += 1
    baris.save(update_fields=["terakhir"])
    pola = {
        JenisNomor.SK: settings.SK_NOMOR_POLA,
        JenisNomor.PEMBERITAHUAN: settings.PEMBERITAHUAN_NOMOR_POLA,
        JenisNomor.PERMOHONAN: POLA_PERMOHONAN,
    }[jenis]
    return baris.terakhir, pola.format(seq=baris.terakhir, year=tahun, tahun=tahun)


def sk_nomor_berikut(tahun: int) -> tuple[int, str]:
    return nomor_berikut(tahun, JenisNomor.SK)


def kode_verifikasi_baru() -> str:
    """12 hex digits, unique across decrees and notices (one public page answers both)."""
    while True:
        kode = secrets.token_hex(6).upper()
        if not (
            SuratKeputusan.objects.filter(kode_verifikasi=kode).exists()
            or SuratPemberitahuan.objects.filter(kode_verifikasi=kode).exists()
        ):
            return kode
