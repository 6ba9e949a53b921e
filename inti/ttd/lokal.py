"""The embedded backend: signs inside the application with the installation's key and certificate.

See `inti.ttd` for what such a signature proves (and does not). The files are named by the settings
TTD_KUNCI and TTD_SERTIFIKAT; `manage.py buat_sertifikat_ttd` creates them, or the first signature
does when TTD_BUAT_OTOMATIS is on.
"""

from __future__ import annotations

import logging

from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from inti.ttd import sertifikat
from inti.ttd.dasar import BackendTtd, Penanda, Tampilan
from inti.ttd.pdf import baca, tanda_tangani

log = logging.getLogger(__name__)


class PenandaLokal(BackendTtd):
    """Sign with pyHanko's SimpleSigner; `rahasia` is not needed (and ignored)."""

    def _tandatangani(self, pdf: bytes, penanda: Penanda, rahasia: dict, tampilan: Tampilan | None) -> bytes:
        baca(pdf)
        sertifikat.pastikan()
        sert, kunci = sertifikat.muat()
        signer = signers.SimpleSigner(
            signing_cert=sert, signing_key=kunci, cert_registry=SimpleCertificateStore.from_certs([sert])
        )
        hasil = tanda_tangani(pdf, signer, penanda=penanda, tampilan=tampilan)
        log.info("Dokumen ditandatangani secara lokal untuk NIP %s", penanda.nip or "-")
        return hasil
