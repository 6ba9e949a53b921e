"""Electronic signatures (tanda tangan elektronik, TTE) on PDFs: the decree (SK) the PPK signs.

How signing works
-----------------
A caller (mutasi's decree service) renders the SK to PDF and calls

    tandatangani(pdf, penanda=Penanda(nama=..., nip=..., jabatan=...), rahasia={...}) -> bytes

which hands the PDF to the backend named by the setting `TTD_BACKEND` (a dotted path to a subclass
of `BackendTtd`, which implements `_tandatangani`). The backend returns the same PDF with a PAdES
signature (PDF signature of subfilter ETSI.CAdES.detached, SHA-256) added as an incremental update:
the bytes of the original document stay as they were and the signature covers all of them.
`verifikasi(pdf)` checks every signature in a PDF with pyHanko's validator against the configured
trust roots and says whether the document is intact, the signature valid and trusted, who signed and
when (`HasilVerifikasi`). Anything that goes wrong raises `TtdError` (a `LayananError`) with an
Indonesian message for the user and a short `kode` for the program (e.g. "passphrase_salah").

Two backends ship:

- `inti.ttd.lokal.PenandaLokal` (the default): signs inside the application with one key and
  certificate for the whole installation (files `TTD_KUNCI`, `TTD_SERTIFIKAT`, by default under
  var/ttd/, never in the repository). Create them once with `manage.py buat_sertifikat_ttd`; with
  `TTD_BUAT_OTOMATIS=true` (the default when DEBUG is on, i.e. development and the demo) they are
  created on the first signature instead. The certificate is self-signed by the instansi: it proves
  that the PDF came out of this installation unchanged, with the PPK's name, NIP and position
  written in the signature, but it is NOT a certified electronic signature in the sense of
  PP 71/2019 (only a certificate from a recognised CA such as BSrE is). Readers like Adobe or
  `pdfsig` therefore say "valid, but the signer is not trusted" unless the certificate is imported.
- `inti.ttd.bsre.PenandaBsre`: sends the PDF to the instansi's BSrE "esign-client-service"
  (Balai Sertifikasi Elektronik, BSSN), which signs it with the PPK's personal certified
  certificate. The PPK types his NIK and passphrase at signing time; they travel in `rahasia`,
  go to BSrE once and are never stored or logged.

Switching to BSrE (operator)
----------------------------
1. Ask BSrE/Diskominfo for the esign-client-service address and the application account, and make
   sure every PPK has an active BSrE certificate (status ISSUE).
2. Set in .env (or the environment):
       TTD_BACKEND=inti.ttd.bsre.PenandaBsre
       BSRE_URL=https://esign.example.go.id      (without /api/...)
       BSRE_PENGGUNA=...   BSRE_SANDI=...
   and, so that `verifikasi` trusts BSrE signatures, point `TTD_AKAR_TEPERCAYA` at BSrE's root CA
   certificate file(s) (PEM or DER, comma-separated).
3. Restart the application. Decrees signed earlier with the local certificate stay verifiable: the
   installation certificate (`TTD_SERTIFIKAT`), when present, is always a trust root too.

Trust roots for `verifikasi` = the installation certificate (if it exists) + `TTD_AKAR_TEPERCAYA`.
Nothing is fetched from the network while verifying (no OCSP/CRL): revocation is not checked.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from inti.ttd import sertifikat
from inti.ttd.dasar import BackendTtd, HasilVerifikasi, Penanda, Tampilan, TtdError
from inti.ttd.pdf import verifikasi as _verifikasi

__all__ = [
    "BackendTtd",
    "HasilVerifikasi",
    "Penanda",
    "Tampilan",
    "TtdError",
    "akar_tepercaya",
    "backend",
    "tandatangani",
    "verifikasi",
]


def backend() -> BackendTtd:
    """A new instance of the backend named by settings.TTD_BACKEND."""
    kelas = import_string(settings.TTD_BACKEND)
    return kelas()


def tandatangani(
    pdf: bytes,
    *,
    penanda: Penanda,
    rahasia: dict | None = None,
    tampilan: Tampilan | None = None,
) -> bytes:
    """Sign `pdf` for `penanda` with the configured backend; returns the signed PDF.

    `rahasia` carries what the signer types at signing time and nothing keeps: for BSrE
    {"nik": "...", "passphrase": "..."} (nik may also come from `penanda.nik`); the local backend
    needs none. Raises TtdError.
    """
    return backend().tandatangani(pdf, penanda=penanda, rahasia=rahasia, tampilan=tampilan)


def akar_tepercaya() -> list:
    """Trust roots (asn1crypto certificates): the installation certificate if it exists, plus the
    files in settings.TTD_AKAR_TEPERCAYA. A listed file that cannot be read raises TtdError."""

    return sertifikat.akar_tepercaya()


def verifikasi(pdf: bytes) -> HasilVerifikasi:
    """Check every signature in `pdf` against the configured trust roots (pyHanko's validator,
    nothing fetched from the network). A PDF without signatures gives `jumlah == 0`; bytes that are
    not a readable PDF raise TtdError."""

    return _verifikasi(pdf, akar_tepercaya())
