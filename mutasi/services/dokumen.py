"""The documents of a decision as files: the decree and the notice rendered to PDF (WeasyPrint),
signed (`inti.ttd`, PAdES), stored ONCE under a random name with their SHA-256, and read back as
stored for every download. A stored document is never rendered again: the template or the
employee's record may change later, the signed file does not."""

import hashlib
import logging
from contextlib import suppress

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from inti.galat import LayananError
from inti.pdf import pdf_dari_html
from inti.ttd import Penanda, TtdError, tandatangani
from inti.ttd.pdf import jumlah_halaman

from ..models import StatusSK, SuratKeputusan, SuratPemberitahuan, UsulanMutasi
from ..selectors import atasan_baru
from ..selectors.sk import sk_naskah
from . import AlurError

log = logging.getLogger(__name__)

TEMPLATE_SK = "mutasi/cetak/sk.html"
TEMPLATE_PEMBERITAHUAN = "mutasi/cetak/pemberitahuan.html"


def sha256_hex(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


def url_verifikasi(kode: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("mutasi:verifikasi", args=[kode])


def qr_data_uri(teks: str) -> str:
    import segno

    return segno.make(teks, error="m").svg_data_uri(scale=3, border=1)


# --- Context for the templates ------------------------------------------------------------------------


def konteks_sk(sk: SuratKeputusan, *, cetak: bool, daftar: list[UsulanMutasi] | None = None) -> dict:
    url = url_verifikasi(sk.kode_verifikasi)
    return {
        "sk": sk,
        **sk_naskah(sk, daftar),
        "qr": qr_data_uri(url),
        "url_verifikasi": url,
        "settings": settings,
        "cetak": cetak,
        # A draft until it has a number (while being signed it has one, before its status changes).
        "konsep": not sk.nomor or sk.status in (StatusSK.DIKEMBALIKAN, StatusSK.DITARIK),
    }


def konteks_pemberitahuan(s: SuratPemberitahuan, *, cetak: bool) -> dict:
    u = s.usulan
    url = url_verifikasi(s.kode_verifikasi)
    return {
        "s": s,
        "u": u,
        "sk": s.sk,
        "atasan": atasan_baru(u),
        "qr": qr_data_uri(url),
        "url_verifikasi": url,
        "settings": settings,
        "cetak": cetak,
        "kepala_daerah": settings.KEPALA_DAERAH_JABATAN,
    }


def render_sk(sk: SuratKeputusan, daftar: list[UsulanMutasi] | None = None) -> bytes:
    return pdf_dari_html(render_to_string(TEMPLATE_SK, konteks_sk(sk, cetak=True, daftar=daftar)))


def render_pemberitahuan(s: SuratPemberitahuan) -> bytes:
    return pdf_dari_html(render_to_string(TEMPLATE_PEMBERITAHUAN, konteks_pemberitahuan(s, cetak=True)))


# --- Signing and storing ------------------------------------------------------------------------------


def tandatangani_pdf(pdf: bytes, *, penanda: Penanda, rahasia: dict | None = None, lokal: bool = False) -> bytes:
    """Sign with the configured backend (`lokal`: always with the installation's certificate, for the
    notice BKPSDM seals itself). A failure becomes the service's error with the backend's message;
    `rahasia` goes to the backend and nowhere else."""
    try:
        if lokal:
            from inti.ttd.lokal import PenandaLokal

            return PenandaLokal().tandatangani(pdf, penanda=penanda)
        return tandatangani(pdf, penanda=penanda, rahasia=rahasia)
    except TtdError:
        raise
    except LayananError as exc:  # pragma: no cover - backends raise TtdError
        raise AlurError(str(exc)) from exc


def simpan(dok: SuratKeputusan | SuratPemberitahuan, isi: bytes, *, tertulis: list[str] | None = None) -> None:
    """Write the file under a new random name and record its hash (the caller saves the row).
    `tertulis` collects the names written, so a rolled-back signature can remove its files."""
    dok.berkas.save("dokumen.pdf", ContentFile(isi), save=False)
    dok.sha256 = sha256_hex(isi)
    if tertulis is not None:
        tertulis.append(dok.berkas.name)


def hapus(nama: list[str]) -> None:
    for n in nama:
        with suppress(OSError):
            default_storage.delete(n)


def baca(dok: SuratKeputusan | SuratPemberitahuan) -> bytes:
    """The stored bytes, exactly as stored."""
    if not dok.berkas:
        raise AlurError(_("Berkas dokumen belum tersimpan."))
    try:
        with dok.berkas.open("rb") as f:
            return f.read()
    except (FileNotFoundError, OSError) as exc:
        raise AlurError(_("Berkas dokumen tidak ditemukan di penyimpanan. Hubungi administrator.")) from exc


def halaman(isi: bytes) -> int:
    return jumlah_halaman(isi)


def cocok(dok: SuratKeputusan | SuratPemberitahuan) -> bool | None:
    """Whether the stored file still has the recorded SHA-256 (None: nothing stored)."""
    if not dok.berkas or not dok.sha256:
        return None
    try:
        return sha256_hex(baca(dok)) == dok.sha256
    except AlurError:
        return False
