"""Import runs: keep an upload between preview and confirm, check it, write it in one
transaction (all or nothing), and record every run, refused ones included (RiwayatImpor).

Between preview and confirm the upload lives under MEDIA_ROOT/impor/ with a random name,
next to a small JSON file holding who uploaded it and what the check found. Confirming
checks the file again (the database may have changed) before writing. Leftovers older
than a day are removed on the next upload."""

import json
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.galat import LayananError
from inti.tugas import Pelapor, ProgresTugas, tugas_mulai

from ..impor.berkas import periksa_nama
from ..impor.dasar import Galat, Konteks
from ..impor.jenis import jenis_impor
from ..impor.mesin import Hasil, proses
from ..models import RiwayatImpor, User

UMUR_SIMPAN_DETIK = 24 * 3600
MAKS_GALAT_CATATAN = 100  # errors copied into the run record's note


class ImporDitolak(LayananError):
    """The file has errors; nothing was written. Carries the check's result and the run record."""

    def __init__(self, hasil: Hasil, riwayat: RiwayatImpor):
        super().__init__(hasil.ringkasan())
        self.hasil, self.riwayat = hasil, riwayat


@dataclass
class Unggahan:
    """An upload waiting for confirmation."""

    token: str
    jenis: str
    nama_file: str
    ext: str
    ukuran: int
    oleh_id: int | None
    diunggah: str
    hasil: Hasil
    riwayat_id: int | None = None  # the refused-run record, when the check found errors
    longgar: dict[str, str] | None = None  # plausibility rules HR relaxed for this file -> reason
    progres_id: int | None = None  # a big file: the background task (inti.tugas.ProgresTugas) checking or saving it
    diperiksa: bool = True  # False while the worker is still checking it (hasil is empty until then)

    @property
    def path(self) -> Path:
        return folder_impor() / f"{self.token}{self.ext}"

    @property
    def path_meta(self) -> Path:
        return folder_impor() / f"{self.token}.json"

    @property
    def bisa_dikonfirmasi(self) -> bool:
        return self.diperiksa and self.hasil.ok and self.path.exists()

    @property
    def bisa_dilonggarkan(self) -> bool:
        """Only relaxable plausibility rules stand in the way: HR may relax them with a reason."""
        return self.diperiksa and self.hasil.bisa_dilonggarkan and self.path.exists()

    def ke_dict(self) -> dict[str, Any]:
        return {
            "token": self.token,
            "jenis": self.jenis,
            "nama_file": self.nama_file,
            "ext": self.ext,
            "ukuran": self.ukuran,
            "oleh_id": self.oleh_id,
            "diunggah": self.diunggah,
            "hasil": self.hasil.ke_dict(),
            "riwayat_id": self.riwayat_id,
            "longgar": self.longgar or {},
            "progres_id": self.progres_id,
            "diperiksa": self.diperiksa,
        }


def folder_impor() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "impor"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _simpan_meta(u: Unggahan) -> None:
    tmp = u.path_meta.with_suffix(".tmp")
    tmp.write_text(json.dumps(u.ke_dict(), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, u.path_meta)


def _antrekan(u: Unggahan, oleh: User, fungsi: str, jenis: str, **lagi) -> Unggahan:
    """Queue a worker task (`fungsi`, keyed by the upload's token) for this upload; the preview
    follows its progress."""
    u.progres_id = tugas_mulai(
        fungsi=fungsi, jenis=jenis, argumen={"token": u.token}, oleh=oleh, kunci=u.token, **lagi
    ).pk
    _simpan_meta(u)
    return u


def _bersihkan_lama() -> None:
    batas = time.time() - UMUR_SIMPAN_DETIK
    for f in folder_impor().iterdir():
        try:
            if f.is_file() and f.stat().st_mtime < batas:
                f.unlink()
        except FileNotFoundError:  # removed by a parallel request
            pass


def _hapus(u: Unggahan) -> None:
    u.path.unlink(missing_ok=True)
    u.path_meta.unlink(missing_ok=True)


def _catatan_galat(hasil: Hasil) -> str:
    baris = [str(g) for g in hasil.galat[:MAKS_GALAT_CATATAN]]
    sisa = hasil.jumlah_galat - len(baris)
    if sisa > 0:
        baris.append(_("... dan %(n)s kesalahan lain.") % {"n": sisa})
    return "\n".join(baris)


def impor_catat_ditolak(
    *, jenis: str, nama_file: str, oleh: User | None, hasil: Hasil | None = None, pesan: str = ""
) -> RiwayatImpor:
    """Record a refused attempt (nothing written)."""
    oleh = oleh if getattr(oleh, "is_authenticated", False) else None
    return RiwayatImpor.objects.create(
        jenis=jenis,
        nama_file=nama_file[:255],
        oleh=oleh,
        jumlah_baris=hasil.jumlah_baris if hasil else 0,
        berhasil=False,
        catatan=(pesan or _catatan_galat(hasil)) if hasil or pesan else "",
    )


def impor_unggah(*, berkas: UploadedFile, jenis: str, oleh: User) -> Unggahan:
    """Keep the upload under a random name, check it without writing, and remember the
    result for the preview. A file with errors is recorded as a refused run and dropped
    (only its result stays, for the preview page)."""
    jenis_impor(jenis)
    ext = periksa_nama(berkas.name)
    _bersihkan_lama()
    token = secrets.token_hex(16)
    u = Unggahan(
        token=token,
        jenis=jenis,
        nama_file=os.path.basename(berkas.name)[:255],
        ext=ext,
        ukuran=berkas.size or 0,
        oleh_id=oleh.pk,
        diunggah=timezone.now().isoformat(),
        hasil=Hasil(jenis=jenis),
    )
    fd = os.open(u.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        for chunk in berkas.chunks():
            f.write(chunk)
    if perkiraan_baris(u.path, ext) > settings.IMPOR_LATAR_BARIS:
        # A big file: the worker checks it; the preview shows its progress until the result is in.
        u.diperiksa = False
        return _antrekan(u, oleh, "pegawai.tasks.impor_periksa_tugas", "impor.periksa")
    u.hasil = proses(u.path, u.nama_file, jenis)
    if not u.hasil.ok:
        if not u.hasil.bisa_dilonggarkan:  # kept while HR may still relax a rule with a reason
            u.path.unlink(missing_ok=True)
        u.riwayat_id = impor_catat_ditolak(jenis=jenis, nama_file=u.nama_file, oleh=oleh, hasil=u.hasil).pk
    _simpan_meta(u)
    return u


def unggahan_ambil(*, token: str, oleh: User) -> Unggahan:
    """The pending upload, for the user who uploaded it only (404 for anyone else)."""
    if not (len(token) == 32 and all(c in "0123456789abcdef" for c in token)):
        raise Http404
    path = folder_impor() / f"{token}.json"
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    if d.get("oleh_id") != oleh.pk:
        raise Http404
    d["hasil"] = Hasil.dari_dict(d["hasil"])
    return Unggahan(**d)


def impor_batal(*, token: str, oleh: User) -> None:
    _hapus(unggahan_ambil(token=token, oleh=oleh))


class _Batal(Exception):
    def __init__(self, hasil: Hasil):
        self.hasil = hasil


def _spec(jenis: str, kemajuan: Callable[[int], None] | None):
    """The kind's instance; with `kemajuan`, one that reports each data row read (the engine asks
    every row for its match key, errors or not) to a background task's progress."""
    kelas = jenis_impor(jenis)
    if kemajuan is None:
        return kelas()
    hitung = 0

    class Dilacak(kelas):
        def kunci_baris(self, data):
            nonlocal hitung
            hitung += 1
            kemajuan(hitung)
            return super().kunci_baris(data)

    return Dilacak()


def impor_jalankan(
    *,
    path: str | Path,
    nama_file: str,
    jenis: str,
    oleh: User | None,
    kemajuan: Callable[[int], None] | None = None,
    longgar: dict[str, str] | None = None,
) -> tuple[RiwayatImpor, Hasil]:
    """Check the file again and write it: all or nothing, in one transaction. The run is
    recorded either way (berhasil=False when refused). Used by the confirm step, the worker and
    the CLI; `kemajuan(rows read)` reports progress. `longgar`: plausibility rules HR relaxed for
    this file, with the reason (recorded in the run's note and its audit row)."""
    spec = jenis_impor(jenis)
    oleh_sah = oleh if getattr(oleh, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            riwayat = RiwayatImpor.objects.create(jenis=jenis, nama_file=nama_file[:255], oleh=oleh_sah)
            hasil = proses(
                path,
                nama_file,
                _spec(jenis, kemajuan),
                tulis=True,
                konteks=Konteks(oleh=oleh_sah, impor=riwayat),
                longgar=longgar,
            )
            if not hasil.ok:
                raise _Batal(hasil)
            riwayat.jumlah_baris = hasil.jumlah_baris
            riwayat.dibuat, riwayat.diubah, riwayat.tidak_berubah = hasil.baru, hasil.ubah, hasil.sama
            riwayat.catatan = "\n".join(hasil.catatan)
            riwayat.full_clean(exclude=["oleh"])  # null for command-line runs; the model has no blank=True
            riwayat.save()
            audit_catat(
                oleh=oleh_sah,
                aksi=f"impor.{jenis}",
                objek=riwayat,
                ringkasan=_("Impor %(j)s dari %(f)s: %(r)s")
                % {"j": spec.label, "f": nama_file, "r": hasil.ringkasan()},
                perubahan={"aturan_dilonggarkan": dict(longgar)} if longgar else None,
            )
            return riwayat, hasil
    except _Batal as batal:
        hasil = batal.hasil
    except IntegrityError as e:
        # Someone changed the same records while this ran; the check could not see it coming.
        hasil = Hasil(jenis=jenis)
        hasil.tambah_galat(
            Galat(
                None,
                None,
                _("Data berubah saat impor berjalan (%(e)s). Tidak ada yang disimpan; silakan coba lagi.")
                % {"e": str(e).splitlines()[0][:200]},
            )
        )
    return impor_catat_ditolak(jenis=jenis, nama_file=nama_file, oleh=oleh, hasil=hasil), hasil


def impor_konfirmasi(*, token: str, oleh: User) -> tuple[RiwayatImpor, Hasil]:
    """The confirm step of the web flow. Raises ImporDitolak when the second check finds
    errors (the preview then shows the new ones)."""
    u = unggahan_ambil(token=token, oleh=oleh)
    if not u.bisa_dikonfirmasi:
        raise LayananError(_("File ini tidak dapat disimpan. Perbaiki kesalahannya lalu unggah ulang."))
    # One confirm applies a file: the first renames its metadata aside (atomic, whichever process
    # runs the request); a simultaneous second click finds no upload: 404, as after the save.
    klaim = u.path_meta.with_suffix(".jalan")
    try:
        os.rename(u.path_meta, klaim)
    except FileNotFoundError:
        raise Http404 from None
    try:
        riwayat, hasil = impor_jalankan(
            path=u.path, nama_file=u.nama_file, jenis=u.jenis, oleh=oleh, longgar=u.longgar or None
        )
    except BaseException:
        os.replace(klaim, u.path_meta)  # nothing was saved: the upload waits for confirmation again
        raise
    klaim.unlink(missing_ok=True)
    if not hasil.ok:
        u.hasil, u.riwayat_id = hasil, riwayat.pk
        u.path.unlink(missing_ok=True)
        _simpan_meta(u)
        raise ImporDitolak(hasil, riwayat)
    _hapus(u)
    return riwayat, hasil


def impor_longgarkan(*, token: str, oleh: User, longgar: dict[str, str]) -> Unggahan:
    """HR relaxes plausibility rules for this file, each with a reason; the file is checked
    again with them relaxed (the preview then shows what is left). Only rules the registry
    marks relaxable, each with a non-empty reason."""
    from ..aturan import ATURAN

    u = unggahan_ambil(token=token, oleh=oleh)
    if not u.path.exists():
        raise LayananError(_("File ini sudah tidak tersedia. Unggah ulang."))
    bersih = {}
    for kode, alasan in longgar.items():
        aturan = ATURAN.get(kode)
        if aturan is None or not aturan.dilonggarkan:
            raise LayananError(_("Aturan %(a)s tidak dapat dilonggarkan.") % {"a": kode})
        alasan = " ".join((alasan or "").split())
        if len(alasan) < 5:
            raise LayananError(
                _("Tulis alasan melonggarkan aturan %(a)s (paling sedikit 5 huruf).") % {"a": aturan.judul}
            )
        bersih[kode] = alasan[:300]
    if not bersih:
        raise LayananError(_("Pilih aturan yang dilonggarkan dan tulis alasannya."))
    u.longgar = bersih
    u.hasil = proses(u.path, u.nama_file, u.jenis, longgar=bersih)
    if not u.hasil.ok and not u.hasil.bisa_dilonggarkan:
        u.path.unlink(missing_ok=True)
    _simpan_meta(u)
    return u


def ekspor_catat(*, oleh: User, format: str, kriteria: dict[str, Any]) -> None:
    """Audit an export of the employee list: who took which rows (the list's filters) out."""
    audit_catat(
        oleh=oleh,
        aksi="pegawai.ekspor",
        objek=oleh,
        ringkasan=_("Ekspor daftar pegawai (%(f)s)") % {"f": format.upper()},
        perubahan={"filter": {k: str(v) for k, v in kriteria.items() if v not in ("", None)}},
    )


def impor_periksa(
    *, path: str | Path, nama_file: str, jenis: str, kemajuan: Callable[[int], None] | None = None
) -> Hasil:
    """A dry run: check only (the CLI's --dry-run, the worker's check of a big upload)."""
    return proses(path, nama_file, _spec(jenis, kemajuan))


def perkiraan_baris(path: Path, ext: str) -> int:
    """About how many data rows the file has, cheaply (to choose the background path): CSV line
    breaks; XLSX the first sheet's declared size, or its size in bytes / 40 when it declares none."""
    try:
        if ext == ".csv":
            n = 0
            with open(path, "rb") as f:
                while blok := f.read(1 << 20):
                    n += blok.count(b"\n")
            return max(0, n - 1)
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True)
        try:
            maks = wb.worksheets[0].max_row if wb.worksheets else 0
        finally:
            wb.close()
        return max(0, (maks or 0) - 1) if (maks or 0) > 1 else path.stat().st_size // 40
    except Exception:
        return 0


# --- Big files: checked and saved by the background worker (pegawai/tasks.py) ---------------------


def impor_latar(u: Unggahan) -> bool:
    """Whether saving this upload goes through the worker (more rows than IMPOR_LATAR_BARIS)."""
    return u.hasil.jumlah_baris > settings.IMPOR_LATAR_BARIS


def impor_konfirmasi_antrekan(*, token: str, oleh: User) -> Unggahan:
    """The confirm step of a big file: queue the save; the preview then shows its progress."""
    u = unggahan_ambil(token=token, oleh=oleh)
    if not u.bisa_dikonfirmasi:
        raise LayananError(_("File ini tidak dapat disimpan. Perbaiki kesalahannya lalu unggah ulang."))
    if u.progres_id:
        lama = ProgresTugas.objects.filter(pk=u.progres_id).first()
        if lama is not None and not lama.berakhir_sudah:
            raise LayananError(_("File ini sedang diproses; tunggu sampai selesai."))
    return _antrekan(u, oleh, "pegawai.tasks.impor_simpan_tugas", "impor.simpan", total=u.hasil.jumlah_baris)


def _unggahan_tugas(token: str, pelapor: Pelapor) -> Unggahan | None:
    oleh = pelapor.progres.dibuat_oleh
    if oleh is None:
        return None
    try:
        u = unggahan_ambil(token=token, oleh=oleh)
    except Http404:
        return None
    return u if u.progres_id == pelapor.progres.pk and u.path.exists() else None


def _hilang(pelapor: Pelapor) -> None:
    pelapor.gagal(_("File unggahan sudah tidak ada (dibatalkan atau kedaluwarsa); tidak ada yang disimpan."))


def impor_periksa_latar(*, token: str, pelapor: Pelapor) -> None:
    """The worker's check of a big upload (no writes but the run record of a refused file)."""
    u = _unggahan_tugas(token, pelapor)
    if u is None:
        return _hilang(pelapor)
    pelapor.maju(0, tahap=_("Memeriksa"), total=perkiraan_baris(u.path, u.ext), paksa=True)
    hasil = proses(u.path, u.nama_file, _spec(u.jenis, pelapor.maju))
    u.hasil, u.diperiksa = hasil, True
    _simpan_meta(u)
    with transaction.atomic():
        if not hasil.ok:
            u.riwayat_id = impor_catat_ditolak(
                jenis=u.jenis, nama_file=u.nama_file, oleh=_oleh(pelapor), hasil=hasil
            ).pk
        pelapor.selesai(hasil={"url": reverse("impor:pratinjau", args=[token])}, pesan=hasil.ringkasan())
    if not hasil.ok and not hasil.bisa_dilonggarkan:  # kept while HR may still relax a rule with a reason
        u.path.unlink(missing_ok=True)
        _simpan_meta(u)


def _oleh(pelapor: Pelapor) -> User | None:
    return pelapor.progres.dibuat_oleh


def impor_simpan_latar(*, token: str, pelapor: Pelapor) -> None:
    """The worker's save of a big upload: the same check-and-write as the confirm step, in one
    transaction that also marks the task done (a killed worker leaves nothing; a re-run after the
    commit does nothing)."""
    u = _unggahan_tugas(token, pelapor)
    if u is None or not u.bisa_dikonfirmasi:
        return _hilang(pelapor)
    pelapor.maju(0, tahap=_("Memeriksa ulang dan menyimpan"), total=u.hasil.jumlah_baris, paksa=True)
    with transaction.atomic():
        riwayat, hasil = impor_jalankan(
            path=u.path,
            nama_file=u.nama_file,
            jenis=u.jenis,
            oleh=_oleh(pelapor),
            kemajuan=pelapor.maju,
            longgar=u.longgar or None,
        )
        if hasil.ok:
            pelapor.selesai(
                hasil={"url": reverse("impor:riwayat_detail", args=[riwayat.pk]), "riwayat_id": riwayat.pk},
                pesan=_("Impor berhasil disimpan: %(r)s") % {"r": hasil.ringkasan()},
            )
        else:
            pelapor.gagal(
                _(
                    "Pemeriksaan ulang menemukan kesalahan (data berubah sejak pratinjau); "
                    "tidak ada yang disimpan. %(r)s"
                )
                % {"r": hasil.ringkasan()},
                hasil={"url": reverse("impor:pratinjau", args=[token])},
            )
    if hasil.ok:
        _hapus(u)
    else:
        u.hasil, u.riwayat_id = hasil, riwayat.pk
        u.path.unlink(missing_ok=True)
        _simpan_meta(u)
