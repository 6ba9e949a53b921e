"""The signing interface's types: who signs, how the stamp looks, what verification found, the error
and the backend base class (kept apart from the package so its modules import them without a circle)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from inti.galat import LayananError


class TtdError(LayananError):
    """Signing or verifying failed; `str(e)` is the Indonesian message for the user.

    `kode` tells the program what happened, e.g. to ask for the passphrase again:
    "passphrase_salah", "nik_tidak_terdaftar", "data_kurang", "tidak_terhubung", "waktu_habis",
    "layanan_galat", "jawaban_salah", "ditolak", "konfigurasi", "sertifikat_tidak_ada",
    "sertifikat_rusak", "pdf_rusak", "gagal".
    """

    def __init__(self, pesan: str, *, kode: str = "gagal"):
        super().__init__(pesan)
        self.kode = kode


@dataclass(frozen=True)
class Penanda:
    """Who signs: the PPK. `nik` (16 digits, KTP) is what BSrE knows the person by."""

    nama: str
    nip: str
    jabatan: str
    nik: str = ""
    lokasi: str = ""
    alasan: str = "Keputusan ini ditandatangani secara elektronik"


@dataclass(frozen=True)
class Tampilan:
    """A visible signature: a box on a page, in PDF points from the page's lower-left corner.

    `halaman` is 1-based; -1 is the last page. The local backend draws a text stamp (name, NIP,
    position, time); BSrE draws a QR code pointing at `tautan_qr`, or the image `gambar` (PNG bytes).
    Without a `Tampilan` the signature is invisible (it still shows in the reader's signature panel).
    """

    x: float = 340
    y: float = 40
    lebar: float = 220
    tinggi: float = 80
    halaman: int = -1
    tautan_qr: str = ""
    gambar: bytes | None = None

    @property
    def kotak(self) -> tuple[int, int, int, int]:
        return (round(self.x), round(self.y), round(self.x + self.lebar), round(self.y + self.tinggi))


@dataclass(frozen=True)
class HasilVerifikasi:
    """What `verifikasi` found. Summary over every signature; the names and time are the last one's.

    - utuh: no signed byte was changed (the digest matches), for every signature;
    - sah: the cryptographic signature checks out against the signer's certificate, for every one;
    - tepercaya: every signer's certificate chains to a configured trust root;
    - seluruh_dokumen: nothing was added after the last signature, and what was added between
      signatures was only further signing;
    - nama_penanda: the name written in the signature (/Name), else the certificate's common name;
    - waktu: the signing time the signer reported (not a trusted timestamp);
    - subjek / penerbit: the signer certificate's subject and issuer, human readable.
    """

    jumlah: int
    utuh: bool = False
    sah: bool = False
    tepercaya: bool = False
    seluruh_dokumen: bool = False
    nama_penanda: str = ""
    waktu: datetime | None = None
    subjek: str = ""
    penerbit: str = ""

    @property
    def lulus(self) -> bool:
        """Signed, and every check above holds."""
        return self.jumlah > 0 and self.utuh and self.sah and self.tepercaya and self.seluruh_dokumen

    @property
    def pesan(self) -> str:
        """One sentence for the user, in the active language."""
        if self.jumlah == 0:
            return _("Dokumen belum ditandatangani secara elektronik.")
        if not self.utuh or not self.sah:
            return _("Tanda tangan tidak sah: dokumen telah diubah setelah ditandatangani atau tanda tangannya rusak.")
        if not self.seluruh_dokumen:
            return _("Tanda tangan sah, tetapi dokumen telah ditambah atau diubah setelah ditandatangani.")
        if not self.tepercaya:
            return _(
                "Tanda tangan sah dan dokumen utuh, tetapi sertifikat penanda tangan tidak dikenal (tidak tepercaya)."
            )
        nama = self.nama_penanda.rstrip(".")  # "M.Si." ends the sentence once
        return _("Tanda tangan sah: dokumen utuh sejak ditandatangani oleh %(nama)s.") % {"nama": nama}


class BackendTtd:
    """What a signing backend provides: `tandatangani` (what `inti.ttd.tandatangani` calls). A
    backend implements `_tandatangani`, which gets `rahasia` as a dict (empty when none was given)."""

    def tandatangani(
        self,
        pdf: bytes,
        *,
        penanda: Penanda,
        rahasia: dict | None = None,
        tampilan: Tampilan | None = None,
    ) -> bytes:
        return self._tandatangani(pdf, penanda, rahasia or {}, tampilan)

    def _tandatangani(self, pdf: bytes, penanda: Penanda, rahasia: dict, tampilan: Tampilan | None) -> bytes:
        raise NotImplementedError
