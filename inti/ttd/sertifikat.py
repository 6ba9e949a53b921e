"""The installation's signing key and self-signed certificate (files named by TTD_KUNCI and
TTD_SERTIFIKAT), and the trust roots `verifikasi` uses.

The key is written unencrypted (PEM, PKCS#8) with file mode 0600 in a directory of mode 0700: protect
it like the database password, keep it out of the repository and in the backups.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from django.conf import settings

from inti.kalender import tambah_tahun
from inti.ttd.dasar import TtdError


def lokasi() -> tuple[Path, Path]:
    """(certificate path, key path) from the settings."""
    return Path(str(settings.TTD_SERTIFIKAT)), Path(str(settings.TTD_KUNCI))


@contextlib.contextmanager
def _kunci_berkas(folder: Path):
    """Serialise creation between processes (two workers signing the first decree at once)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(folder / ".ttd.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _tulis_atomik(tujuan: Path, isi: bytes, mode: int) -> None:
    """Write to a temporary file beside `tujuan` with `mode`, then rename over it."""
    fd, sementara = tempfile.mkstemp(dir=tujuan.parent, prefix=f".{tujuan.name}.")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(isi)
            f.flush()
            os.fsync(f.fileno())
        os.replace(sementara, tujuan)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(sementara)
        raise


def _buat_pasangan(nama: str, *, pakai_rsa: bool, tahun: int) -> tuple[bytes, bytes, x509.Certificate]:
    kunci = (
        rsa.generate_private_key(public_exponent=65537, key_size=3072)
        if pakai_rsa
        else ec.generate_private_key(ec.SECP256R1())
    )
    subjek = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, nama[:64]),
            x509.NameAttribute(NameOID.COMMON_NAME, nama[:64]),
        ]
    )
    sekarang = dt.datetime.now(dt.UTC).replace(microsecond=0)
    berakhir = dt.datetime.combine(tambah_tahun(sekarang.date(), tahun), sekarang.time(), tzinfo=dt.UTC)
    kunci_publik = kunci.public_key()
    sertifikat = (
        x509.CertificateBuilder()
        .subject_name(subjek)
        .issuer_name(subjek)
        .public_key(kunci_publik)
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(minutes=5))  # a little slack for clocks
        .not_valid_after(berakhir)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # non-repudiation: what document signatures ask for
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(kunci_publik), critical=False)
        .sign(kunci, hashes.SHA256())
    )
    kunci_pem = kunci.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return kunci_pem, sertifikat.public_bytes(serialization.Encoding.PEM), sertifikat


def buat(
    sert: Path,
    kunci: Path,
    *,
    nama: str,
    pakai_rsa: bool = False,
    tahun: int = 5,
    paksa: bool = False,
) -> tuple[x509.Certificate, Path | None]:
    """Create a key (EC P-256, or RSA 3072) and a self-signed certificate valid `tahun` years.

    Refuses (TtdError "sudah_ada") when either file exists, unless `paksa`; then the old certificate
    is kept as <name>.<UTC time>.lama.pem (so earlier signatures can still be checked against it) and
    its path returned. Returns (certificate, kept old certificate or None).
    """
    nama = (nama or "").strip()
    if not nama:
        raise TtdError("Nama pemilik sertifikat (CN) wajib diisi.", kode="konfigurasi")
    if tahun < 1:
        raise TtdError("Masa berlaku sertifikat minimal 1 tahun.", kode="konfigurasi")
    with _kunci_berkas(kunci.parent):
        sert.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        ada = [p for p in (sert, kunci) if p.exists()]
        if ada and not paksa:
            raise TtdError(
                "Sertifikat atau kunci tanda tangan sudah ada ("
                + ", ".join(str(p) for p in ada)
                + "); pakai --paksa untuk menggantinya.",
                kode="sudah_ada",
            )
        lama = None
        if sert.exists():
            cap = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            lama = sert.with_name(f"{sert.stem}.{cap}.lama.pem")
            os.replace(sert, lama)
        kunci_pem, sert_pem, sertifikat = _buat_pasangan(nama, pakai_rsa=pakai_rsa, tahun=tahun)
        _tulis_atomik(kunci, kunci_pem, 0o600)
        _tulis_atomik(sert, sert_pem, 0o644)
    return sertifikat, lama


def pastikan() -> None:
    """Make sure the installation key and certificate exist: create them when TTD_BUAT_OTOMATIS is on,
    otherwise raise TtdError telling the operator what to run."""
    sert, kunci = lokasi()
    if sert.exists() and kunci.exists():
        return
    if sert.exists() != kunci.exists():
        hilang = kunci if sert.exists() else sert
        raise TtdError(
            f"Berkas tanda tangan elektronik tidak lengkap: {hilang} tidak ada. Hubungi administrator "
            "(jalankan `manage.py buat_sertifikat_ttd --paksa` untuk membuat pasangan baru).",
            kode="sertifikat_tidak_ada",
        )
    if not settings.TTD_BUAT_OTOMATIS:
        raise TtdError(
            "Sertifikat tanda tangan elektronik instansi belum dibuat. Administrator perlu menjalankan "
            "`manage.py buat_sertifikat_ttd` terlebih dahulu.",
            kode="sertifikat_tidak_ada",
        )
    try:
        buat(sert, kunci, nama=settings.INSTANSI_NAMA)
    except TtdError as e:
        if e.kode != "sudah_ada":  # another process made them a moment ago: use those
            raise


def muat():
    """(asn1crypto certificate, asn1crypto private key info) of the installation, for pyHanko."""
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder

    sert, kunci = lokasi()
    try:
        sert_py = x509.load_pem_x509_certificate(sert.read_bytes())
        kunci_py = serialization.load_pem_private_key(kunci.read_bytes(), password=None)
        sertifikat = load_cert_from_pemder(str(sert))
        kunci_privat = load_private_key_from_pemder(str(kunci), passphrase=None)
    except (OSError, ValueError, TypeError) as e:
        raise TtdError(
            "Sertifikat atau kunci tanda tangan elektronik instansi tidak dapat dibaca. Hubungi administrator.",
            kode="sertifikat_rusak",
        ) from e
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if sert_py.public_key().public_bytes(*spki) != kunci_py.public_key().public_bytes(*spki):
        raise TtdError(
            "Kunci tanda tangan elektronik tidak cocok dengan sertifikatnya. Hubungi administrator.",
            kode="sertifikat_rusak",
        )
    return sertifikat, kunci_privat


def sidik_jari(sertifikat: x509.Certificate) -> str:
    """SHA-256 fingerprint, AA:BB:..., to compare a certificate by eye."""
    return sertifikat.fingerprint(hashes.SHA256()).hex(":").upper()


def akar_tepercaya() -> list:
    """Trust roots: the installation certificate (when it exists) + files in TTD_AKAR_TEPERCAYA."""
    from pyhanko.keys import load_certs_from_pemder

    akar = []
    sert, _kunci = lokasi()
    if sert.exists():
        try:
            akar.extend(load_certs_from_pemder([str(sert)]))
        except (OSError, ValueError) as e:
            raise TtdError(
                "Sertifikat tanda tangan elektronik instansi tidak dapat dibaca.", kode="sertifikat_rusak"
            ) from e
    for berkas in getattr(settings, "TTD_AKAR_TEPERCAYA", None) or []:
        try:
            akar.extend(load_certs_from_pemder([str(berkas)]))
        except (OSError, ValueError) as e:
            raise TtdError(
                f"Sertifikat akar tepercaya {berkas} (TTD_AKAR_TEPERCAYA) tidak dapat dibaca.", kode="konfigurasi"
            ) from e
    return akar
