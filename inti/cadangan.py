"""Backups: one archive holds the database and the uploaded files; a restore verifies it first.

`manage.py cadangkan` writes `simutasi-YYYYmmdd-HHMMSS.tar.gz` (local time) into its `--ke` folder
(default settings.CADANGAN_DIR, var/cadangan), mode 0600, under a temporary name renamed once
complete, so a half-written archive never carries the final name:

    basis_data.dump      PostgreSQL: `pg_dump --format=custom` (read back by pg_restore)
    basis_data.sqlite3   SQLite: a copy made with the online backup API (consistent while the site runs)
    media/...            every file under MEDIA_ROOT
    manifest.json        (last) time, engine, Django version, applied migrations, media file count,
                         size and sha256 of every other member

`manage.py pulihkan <archive>` unpacks into a temporary folder, refuses anything the manifest does not
account for (a missing, extra, resized or altered member, a link, a path outside the archive), then
restores into the configured database (`pg_restore --clean --if-exists --no-owner --no-privileges
--single-transaction`, or the SQLite backup API) and MEDIA_ROOT. It refuses a database that already
has tables, or a MEDIA_ROOT with files, unless `timpa=True` (`--timpa`); the files found in MEDIA_ROOT
are then moved aside (`<MEDIA_ROOT>.sebelum-pulih-<time>`), never deleted.

The sha256 sums prove the archive is whole, not who made it: keep copies where only operators write
(see docs/SECURITY.md). The archive holds personal data: keep it as protected as the database.
Not in the archive: the signing key (settings.TTD_KUNCI, backed up once, separately) and `.env`.
"""

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DUMP_PG = "basis_data.dump"
DUMP_SQLITE = "basis_data.sqlite3"
MEDIA = "media"
POLA_NAMA = re.compile(r"^simutasi-(\d{8})-(\d{6})\.tar\.gz$")


class CadanganError(Exception):
    """A backup or restore refused or failed; the message is for the operator."""


@dataclass
class HasilCadangan:
    arsip: Path
    ukuran: int
    jumlah_berkas: int
    detik: float


@dataclass
class HasilPulih:
    manifest: dict
    jumlah_berkas: int
    detik: float
    media_lama: Path | None = None
    catatan: list[str] = field(default_factory=list)


# --- Helpers --------------------------------------------------------------------------------


def folder_cadangan() -> Path:
    return Path(getattr(settings, "CADANGAN_DIR", Path(settings.BASE_DIR) / "var" / "cadangan"))


def _mesin(koneksi) -> str:
    if koneksi.vendor not in ("postgresql", "sqlite"):
        raise CadanganError(f"Mesin basis data {koneksi.vendor!r} tidak didukung (hanya PostgreSQL dan SQLite).")
    return koneksi.vendor


def _pg_env(sd: dict) -> dict[str, str]:
    """libpq's environment for pg_dump / pg_restore from Django's connection settings (the
    DATABASE_URL parts): the password goes through the environment, never the command line."""
    env = dict(os.environ)
    for kunci, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if sd.get(kunci):
            env[var] = str(sd[kunci])
    opsi = sd.get("OPTIONS") or {}
    for kunci, var in _OPSI_LIBPQ.items():
        if opsi.get(kunci):
            env[var] = str(opsi[kunci])
    return env


_OPSI_LIBPQ = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


def _program(nama: str) -> str:
    jalur = shutil.which(nama)
    if not jalur:
        raise CadanganError(
            f"{nama} tidak ditemukan di PATH (pasang postgresql-client dengan versi utama yang sama atau lebih "
            "baru dari server, atau tambahkan foldernya ke PATH)."
        )
    return jalur


def _jalankan(perintah: list[str], env: dict[str, str]) -> None:
    hasil = subprocess.run(perintah, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if hasil.returncode != 0:
        pesan = (hasil.stderr or hasil.stdout).strip()
        raise CadanganError(f"{Path(perintah[0]).name} gagal (kode {hasil.returncode}): {pesan}")


def _sha256(jalur: Path) -> str:
    h = hashlib.sha256()
    with jalur.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


class _BacaHash(io.RawIOBase):
    """Reads a file while hashing exactly the bytes that went into the archive."""

    def __init__(self, f):
        self.f, self.h, self.n = f, hashlib.sha256(), 0

    def readable(self):
        return True

    def read(self, n=-1):
        data = self.f.read(n)
        self.h.update(data)
        self.n += len(data)
        return data


def _tambah(tar: tarfile.TarFile, jalur: Path, nama: str) -> dict:
    info = tar.gettarinfo(str(jalur), arcname=nama)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with jalur.open("rb") as f:
        baca = _BacaHash(f)
        tar.addfile(info, baca)
    return {"sha256": baca.h.hexdigest(), "ukuran": baca.n}


def _berkas_media(media_root: Path) -> Iterable[tuple[Path, str]]:
    """Regular files under MEDIA_ROOT (links are not followed), sorted, with their archive names."""
    if not media_root.is_dir():
        return
    for akar, folder, berkas in os.walk(media_root):
        folder.sort()
        for nama in sorted(berkas):
            jalur = Path(akar) / nama
            if jalur.is_file() and not jalur.is_symlink():
                yield jalur, f"{MEDIA}/{jalur.relative_to(media_root).as_posix()}"


def _migrasi(koneksi) -> list[str]:
    return sorted(f"{app}.{nama}" for app, nama in MigrationRecorder(koneksi).applied_migrations())


def _tabel(koneksi) -> list[str]:
    with koneksi.cursor() as c:
        return koneksi.introspection.table_names(c)


# --- Backup ---------------------------------------------------------------------------------


def _dump(koneksi, ke: Path) -> Path:
    if _mesin(koneksi) == "postgresql":
        sd = koneksi.settings_dict
        berkas = ke / DUMP_PG
        perintah = [_program("pg_dump"), "--format=custom", "--compress=0", f"--file={berkas}"]
        if sd.get("NAME"):
            perintah.append(f"--dbname={sd['NAME']}")
        _jalankan(perintah, _pg_env(sd))
        return berkas
    berkas = ke / DUMP_SQLITE
    koneksi.ensure_connection()
    tujuan = sqlite3.connect(berkas)
    try:
        koneksi.connection.backup(tujuan)
    finally:
        tujuan.close()
    return berkas


def buat_cadangan(
    *, using: str = DEFAULT_DB_ALIAS, media_root: Path | None = None, folder: Path | None = None
) -> HasilCadangan:
    """Write one archive of the database `using` and of MEDIA_ROOT into `folder`."""
    mulai = time.monotonic()
    koneksi = connections[using]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    folder = Path(folder or folder_cadangan())
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    sekarang = timezone.localtime()
    arsip = folder / f"simutasi-{sekarang:%Y%m%d-%H%M%S}.tar.gz"
    if arsip.exists():
        raise CadanganError(f"{arsip} sudah ada (dua cadangan dalam satu detik); coba lagi.")

    with tempfile.TemporaryDirectory(dir=folder, prefix=".sedang-") as kerja:
        dump = _dump(koneksi, Path(kerja))
        sementara = Path(kerja) / arsip.name
        bagian: dict[str, dict] = {}
        jumlah = 0
        with tarfile.open(sementara, "w:gz", compresslevel=6) as tar:
            bagian[dump.name] = _tambah(tar, dump, dump.name)
            for jalur, nama in _berkas_media(media_root):
                bagian[nama] = _tambah(tar, jalur, nama)
                jumlah += 1
            manifest = {
                "aplikasi": "simutasi",
                "format": FORMAT,
                "dibuat": sekarang.isoformat(timespec="seconds"),
                "mesin": koneksi.vendor,
                "basis_data": Path(str(koneksi.settings_dict.get("NAME") or "")).name,
                "django": django.get_version(),
                "migrasi": _migrasi(koneksi),
                "jumlah_berkas_media": jumlah,
                "bagian": bagian,
            }
            isi = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(isi), int(time.time()), 0o600
            tar.addfile(info, io.BytesIO(isi))
        os.chmod(sementara, 0o600)
        os.replace(sementara, arsip)
    return HasilCadangan(arsip=arsip, ukuran=arsip.stat().st_size, jumlah_berkas=jumlah, detik=time.monotonic() - mulai)


# --- Verification ---------------------------------------------------------------------------


def _nama_sah(nama: str) -> bool:
    p = PurePosixPath(nama)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        return False
    return nama in (MANIFEST, DUMP_PG, DUMP_SQLITE) or (p.parts[0] == MEDIA and len(p.parts) > 1)


def buka_arsip(arsip: Path, ke: Path) -> dict:
    """Unpack `arsip` into `ke` and check every member against the manifest; return the manifest.
    Raise CadanganError for a damaged, altered or foreign archive."""
    arsip = Path(arsip)
    if not arsip.is_file():
        raise CadanganError(f"Arsip {arsip} tidak ada.")
    try:
        with tarfile.open(arsip, "r:gz") as tar:
            anggota = tar.getmembers()
            for m in anggota:
                if not (m.isfile() or m.isdir()) or not _nama_sah(m.name):
                    raise CadanganError(f"Arsip ditolak: anggota tak dikenal atau tidak aman {m.name!r}.")
            tar.extractall(ke, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as e:
        raise CadanganError(f"Arsip rusak atau bukan arsip cadangan SIMUTASI ({arsip.name}): {e}") from e

    try:
        manifest = json.loads((ke / MANIFEST).read_text(encoding="utf-8"))
        bagian = manifest["bagian"]
        if manifest.get("aplikasi") != "simutasi" or manifest.get("format") != FORMAT:
            raise ValueError("bukan format cadangan SIMUTASI yang dikenal")
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise CadanganError(f"Arsip ditolak: manifest.json hilang atau rusak ({e}).") from e

    ada = {m.name for m in anggota if m.isfile()} - {MANIFEST}
    salah = sorted(ada ^ set(bagian))
    for nama, data in sorted(bagian.items()):
        if nama in ada:
            jalur = ke / nama
            if jalur.stat().st_size != data.get("ukuran") or _sha256(jalur) != data.get("sha256"):
                salah.append(nama)
    if salah:
        contoh = ", ".join(salah[:5]) + (f" (dan {len(salah) - 5} lagi)" if len(salah) > 5 else "")
        raise CadanganError(
            f"Arsip ditolak: {len(salah)} bagian tidak cocok dengan manifest (hilang, berlebih atau berubah): {contoh}."
        )
    if sum(1 for n in bagian if n.startswith(f"{MEDIA}/")) != manifest.get("jumlah_berkas_media"):
        raise CadanganError("Arsip ditolak: jumlah berkas media tidak cocok dengan manifest.")
    return manifest


# --- Restore --------------------------------------------------------------------------------


def _isi_media(media_root: Path) -> bool:
    return media_root.is_dir() and any(p.is_file() for p in media_root.rglob("*"))


def pulihkan_cadangan(
    *, arsip: Path, using: str = DEFAULT_DB_ALIAS, media_root: Path | None = None, timpa: bool = False
) -> HasilPulih:
    """Restore `arsip` into the database `using` and MEDIA_ROOT (see the module docstring)."""
    mulai = time.monotonic()
    koneksi = connections[using]
    mesin = _mesin(koneksi)
    media_root = Path(media_root or settings.MEDIA_ROOT)

    tabel = _tabel(koneksi)
    media_berisi = _isi_media(media_root)
    if (tabel or media_berisi) and not timpa:
        apa = []
        if tabel:
            apa.append(f"basis data {koneksi.settings_dict.get('NAME')} sudah berisi {len(tabel)} tabel")
        if media_berisi:
            apa.append(f"MEDIA_ROOT {media_root} sudah berisi berkas")
        raise CadanganError(
            "Tujuan tidak kosong: " + "; ".join(apa) + ". Pulihkan ke basis data baru (createdb) dan MEDIA_ROOT "
            "kosong, atau tambahkan --timpa untuk menimpanya (berkas media lama dipindah, tidak dihapus)."
        )

    with tempfile.TemporaryDirectory(prefix="simutasi-pulih-") as kerja_str:
        kerja = Path(kerja_str)
        manifest = buka_arsip(arsip, kerja)
        if manifest["mesin"] != mesin:
            raise CadanganError(
                f"Arsip ini cadangan {manifest['mesin']}, basis data tujuan {mesin}: "
                "tidak dapat dipulihkan lintas mesin."
            )

        if mesin == "postgresql":
            if DUMP_PG not in manifest["bagian"]:
                raise CadanganError("Arsip ditolak: dump PostgreSQL tidak ada.")
            sd = koneksi.settings_dict
            koneksi.close()  # no open transaction or lock of ours while pg_restore works
            perintah = [
                _program("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={sd['NAME']}",
                str(kerja / DUMP_PG),
            ]
            _jalankan(perintah, _pg_env(sd))
        else:
            if DUMP_SQLITE not in manifest["bagian"]:
                raise CadanganError("Arsip ditolak: salinan SQLite tidak ada.")
            sumber = sqlite3.connect(kerja / DUMP_SQLITE)
            try:
                koneksi.ensure_connection()
                sumber.backup(koneksi.connection)  # replaces every page of the target
            finally:
                sumber.close()

        media_lama = None
        if media_berisi:
            media_lama = media_root.with_name(f"{media_root.name}.sebelum-pulih-{timezone.localtime():%Y%m%d-%H%M%S}")
            media_root.rename(media_lama)
        media_root.mkdir(parents=True, exist_ok=True)
        if (kerja / MEDIA).is_dir():
            shutil.copytree(kerja / MEDIA, media_root, dirs_exist_ok=True)

    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    hasil = HasilPulih(
        manifest=manifest,
        jumlah_berkas=manifest["jumlah_berkas_media"],
        detik=time.monotonic() - mulai,
        media_lama=media_lama,
    )
    hasil.catatan = _catatan_migrasi(koneksi, manifest)
    return hasil


def _catatan_migrasi(koneksi, manifest: dict) -> list[str]:
    """What the operator should know about the restored schema against this version of the code."""
    loader = MigrationLoader(koneksi, ignore_no_migrations=True)
    di_kode = {f"{app}.{nama}" for app, nama in loader.disk_migrations}
    tak_dikenal = sorted(set(manifest.get("migrasi", [])) - di_kode)
    belum = sorted(di_kode - {f"{a}.{n}" for a, n in loader.applied_migrations})
    catatan = []
    if tak_dikenal:
        catatan.append(
            f"Cadangan dibuat oleh versi aplikasi yang lebih baru ({len(tak_dikenal)} migrasi tak dikenal, mis. "
            f"{tak_dikenal[0]}): pasang versi itu sebelum menjalankan situs."
        )
    if belum:
        catatan.append(f"{len(belum)} migrasi belum diterapkan: jalankan `manage.py migrate`.")
    return catatan


# --- Retention --------------------------------------------------------------------------------


def arsip_di(folder: Path) -> list[tuple[datetime, Path]]:
    """The archives in `folder` with their time (from the name), newest first."""
    hasil = []
    for p in Path(folder).glob("simutasi-*.tar.gz"):
        if m := POLA_NAMA.match(p.name):
            hasil.append((datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S"), p))
    return sorted(hasil, reverse=True)


def pilih_simpan(waktu: list[datetime], *, harian: int, mingguan: int, bulanan: int) -> set[datetime]:
    """Which backups to keep: the newest of each of the `harian` most recent days that have one,
    of the `mingguan` most recent ISO weeks, of the `bulanan` most recent months (as restic's
    --keep-daily/weekly/monthly); the newest backup is always kept."""
    simpan: set[datetime] = set()
    urut = sorted(waktu, reverse=True)
    for jumlah, kunci in (
        (harian, lambda t: t.date()),
        (mingguan, lambda t: t.isocalendar()[:2]),
        (bulanan, lambda t: (t.year, t.month)),
    ):
        terlihat = []
        for t in urut:
            k = kunci(t)
            if k not in terlihat:
                if len(terlihat) == jumlah:
                    break
                terlihat.append(k)
                simpan.add(t)
    if urut:
        simpan.add(urut[0])
    return simpan


def pangkas(folder: Path, *, harian: int, mingguan: int, bulanan: int) -> list[Path]:
    """Delete the archives `pilih_simpan` does not keep; return them. Other files are not touched."""
    arsip = arsip_di(folder)
    simpan = pilih_simpan([t for t, _ in arsip], harian=harian, mingguan=mingguan, bulanan=bulanan)
    hapus = [p for t, p in arsip if t not in simpan]
    for p in hapus:
        p.unlink()
    return hapus
