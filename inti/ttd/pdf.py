"""pyHanko plumbing shared by the backends: read a PDF, add a PAdES signature, check signatures."""

from __future__ import annotations

import io
import logging
import unicodedata

from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from inti.ttd.dasar import HasilVerifikasi, Penanda, Tampilan, TtdError

log = logging.getLogger(__name__)

TANDA_PDF = b"%PDF-"


def tampak_pdf(data: bytes) -> bool:
    """The PDF header within the first 1024 bytes (where the PDF specification allows it)."""
    return TANDA_PDF in data[:1024]


def baca(pdf: bytes) -> PdfFileReader:
    """A pyHanko reader, or TtdError when the bytes are not a readable PDF."""
    if not isinstance(pdf, bytes | bytearray) or not tampak_pdf(pdf):
        raise TtdError("Berkas yang akan ditandatangani bukan PDF.", kode="pdf_rusak")
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as e:
        raise TtdError("Berkas PDF rusak dan tidak dapat dibaca.", kode="pdf_rusak") from e


def jumlah_tanda_tangan(pdf: bytes) -> int:
    return len(baca(pdf).embedded_signatures)


def jumlah_halaman(pdf: bytes) -> int:
    try:
        return int(baca(pdf).root["/Pages"]["/Count"])
    except (PdfError, KeyError, TypeError, ValueError) as e:
        raise TtdError("Berkas PDF rusak dan tidak dapat dibaca.", kode="pdf_rusak") from e


def _latin(teks: str) -> str:
    """The stamp's standard font knows Latin-1 only: fold accents, drop what is left over."""
    return unicodedata.normalize("NFKD", teks).encode("latin-1", "ignore").decode("latin-1")


GAYA_CAP = stamp.TextStampStyle(
    stamp_text=("Ditandatangani secara elektronik oleh\n%(nama)s\nNIP %(nip)s\n%(jabatan)s\n%(ts)s"),
    timestamp_format="%d-%m-%Y %H:%M:%S %Z",
    border_width=1,
    background=None,
)


def tanda_tangani(
    pdf: bytes,
    signer: signers.Signer,
    *,
    penanda: Penanda,
    tampilan: Tampilan | None = None,
) -> bytes:
    """Add one PAdES signature (SHA-256) by `signer` as an incremental update; returns the new PDF.

    The signature dictionary carries the signer's name (/Name), reason, location and "NIP, position"
    as contact info; a `tampilan` adds a visible text stamp, otherwise the field is invisible.
    """
    baca(pdf)  # a clear error for bytes that are not a PDF
    try:
        penulis = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        nomor = len(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures) + 1
        nama_field = f"TTD{nomor}"
        if tampilan is not None:
            halaman = tampilan.halaman - 1 if tampilan.halaman > 0 else tampilan.halaman
            spek = fields.SigFieldSpec(sig_field_name=nama_field, on_page=halaman, box=tampilan.kotak)
        else:
            spek = fields.SigFieldSpec(sig_field_name=nama_field)
        meta = signers.PdfSignatureMetadata(
            field_name=nama_field,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            name=penanda.nama,
            reason=penanda.alasan or None,
            location=penanda.lokasi or None,
            contact_info=", ".join(x for x in (f"NIP {penanda.nip}" if penanda.nip else "", penanda.jabatan) if x)
            or None,
        )
        pdf_signer = signers.PdfSigner(
            meta, signer=signer, stamp_style=GAYA_CAP if tampilan is not None else None, new_field_spec=spek
        )
        keluar = pdf_signer.sign_pdf(
            penulis,
            appearance_text_params={
                "nama": _latin(penanda.nama),
                "nip": _latin(penanda.nip or "-"),
                "jabatan": _latin(penanda.jabatan),
            },
        )
    except TtdError:
        raise
    except (PdfError, SigningError, ValueError, KeyError, IndexError, TypeError) as e:
        log.warning("Penandatanganan PDF gagal: %s", type(e).__name__)
        raise TtdError("Dokumen gagal ditandatangani: PDF tidak dapat diolah.", kode="pdf_rusak") from e
    return keluar.getvalue()


def _nama_dari(embedded, status) -> str:
    nama = embedded.sig_object.get("/Name")
    if nama:
        return str(nama)
    try:
        return (
            str(status.signing_cert.subject.native.get("common_name", "")) or status.signing_cert.subject.human_friendly
        )
    except (AttributeError, ValueError):
        return ""


def verifikasi(pdf: bytes, akar: list) -> HasilVerifikasi:
    """Validate every embedded signature against the trust roots `akar` (no network)."""
    reader = baca(pdf)
    tanda = reader.embedded_signatures
    if not tanda:
        return HasilVerifikasi(jumlah=0)
    semua = []
    for ke, embedded in enumerate(tanda):
        konteks = ValidationContext(trust_roots=list(akar), allow_fetching=False)
        try:
            status = validate_pdf_signature(embedded, signer_validation_context=konteks)
        except Exception as e:  # a malformed signature is a failed signature, never a crash
            log.info("Tanda tangan %d tidak dapat divalidasi: %s", ke + 1, type(e).__name__)
            return HasilVerifikasi(jumlah=len(tanda))
        semua.append((embedded, status))
    terakhir_emb, terakhir = semua[-1]
    tertutup = terakhir.coverage == SignatureCoverageLevel.ENTIRE_FILE and all(
        s.docmdp_ok is not False for _e, s in semua[:-1]
    )
    try:
        subjek = terakhir.signing_cert.subject.human_friendly
        penerbit = terakhir.signing_cert.issuer.human_friendly
    except (AttributeError, ValueError):
        subjek = penerbit = ""
    return HasilVerifikasi(
        jumlah=len(tanda),
        utuh=all(s.intact for _e, s in semua),
        sah=all(s.valid for _e, s in semua),
        tepercaya=all(s.trusted for _e, s in semua),
        seluruh_dokumen=tertutup,
        nama_penanda=_nama_dari(terakhir_emb, terakhir),
        waktu=terakhir.signer_reported_dt,
        subjek=subjek,
        penerbit=penerbit,
    )
