"""The import engine: one pass over the file, whatever the kind.

Rows stream from the file; each is parsed column by column, checked on its own by the kind,
checked for a duplicate key, then collected into batches. Each batch is compared with the
database in one query (new / changed / same) and, when writing, written in bulk. Writing
stops at the first error while checking goes on, so the caller (inside one transaction)
rolls back and the user still sees every error."""

from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .berkas import BerkasDitolak, Rumus, Tabel, buka_tabel
from .dasar import BARU, SAMA, UBAH, Galat, JenisImpor, Konteks, Rencana, lapor_baris, normal_judul
from .jenis import jenis_impor
from .nilai import HAPUS, TANDA_HAPUS, NilaiSalah, kosong, teks_rusak

MAKS_GALAT = 10_000  # kept in full; beyond this only counted (a file that bad needs fixing at the source)
MAKS_CONTOH = 200  # changes shown in the preview


@dataclass
class Hasil:
    """What a run found (and, when writing, did)."""

    jenis: str
    jumlah_baris: int = 0
    baru: int = 0
    ubah: int = 0
    sama: int = 0
    galat: list[Galat] = field(default_factory=list)
    galat_lebih: int = 0
    ditolak: bool = False  # the file as a whole was refused (type, encoding, columns...)
    catatan: list[str] = field(default_factory=list)
    contoh: list[dict[str, Any]] = field(default_factory=list)
    format: str = ""
    encoding: str = ""
    pemisah: str = ""
    longgar: dict[str, str] = field(default_factory=dict)  # rules HR relaxed for this file, with reasons
    dilonggarkan: dict[str, int] = field(default_factory=dict)  # rule -> rows that broke it (relaxed)

    @property
    def ok(self) -> bool:
        return not self.galat

    @property
    def aturan_dilanggar(self) -> dict[str, int]:
        """Rule code -> errors, for the errors that come from a plausibility rule."""
        hitung: dict[str, int] = {}
        for g in self.galat:
            if g.aturan:
                hitung[g.aturan] = hitung.get(g.aturan, 0) + 1
        return hitung

    @property
    def aturan_dilanggar_daftar(self) -> list[dict[str, Any]]:
        """For the preview's relax form: each broken rule with its title and how many rows."""
        from ..aturan import ATURAN

        return [
            {"kode": k, "judul": ATURAN[k].judul, "jumlah": n, "dilonggarkan": ATURAN[k].dilonggarkan}
            for k, n in self.aturan_dilanggar.items()
            if k in ATURAN
        ]

    @property
    def bisa_dilonggarkan(self) -> bool:
        """Every error is a relaxable plausibility rule: HR may confirm with reasons."""
        from ..aturan import ATURAN

        return (
            bool(self.galat)
            and not self.galat_lebih
            and not self.ditolak
            and all(g.aturan and g.aturan in ATURAN and ATURAN[g.aturan].dilonggarkan for g in self.galat)
        )

    @property
    def jumlah_galat(self) -> int:
        return len(self.galat) + self.galat_lebih

    @property
    def berubah(self) -> int:
        return self.baru + self.ubah

    def tambah_galat(self, g: Galat) -> None:
        if len(self.galat) < MAKS_GALAT:
            self.galat.append(g)
        else:
            self.galat_lebih += 1

    def ringkasan(self) -> str:
        if self.ok:
            return _("%(n)s baris: %(b)s baru, %(u)s diubah, %(s)s tidak berubah.") % {
                "n": self.jumlah_baris,
                "b": self.baru,
                "u": self.ubah,
                "s": self.sama,
            }
        return ngettext(
            "%(n)s baris diperiksa; %(g)s kesalahan, tidak ada yang disimpan.",
            "%(n)s baris diperiksa; %(g)s kesalahan, tidak ada yang disimpan.",
            self.jumlah_galat,
        ) % {"n": self.jumlah_baris, "g": self.jumlah_galat}

    def ke_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["galat"] = [[g.baris, g.kolom, g.pesan, g.aturan] for g in self.galat]
        return d

    @classmethod
    def dari_dict(cls, d: dict[str, Any]) -> "Hasil":
        d = dict(d)
        d["galat"] = [Galat(*g) for g in d.get("galat", [])]
        return cls(**d)


def proses(
    path,
    nama_file: str,
    jenis: str | JenisImpor,
    *,
    tulis: bool = False,
    konteks: Konteks | None = None,
    longgar: dict[str, str] | None = None,
) -> Hasil:
    """Check (and with `tulis`, write) the file. The caller owns the transaction: a writing
    run with errors leaves partial writes that must be rolled back (see services/impor.py)."""
    spec = jenis_impor(jenis)() if isinstance(jenis, str) else jenis
    if longgar:
        spec.longgar.update(longgar)
    hasil = Hasil(jenis=spec.kode, longgar=dict(spec.longgar))
    try:
        with buka_tabel(path, nama_file) as tabel:
            hasil.format, hasil.encoding, hasil.pemisah = tabel.format, tabel.encoding, tabel.pemisah
            hasil.catatan.extend(tabel.catatan)
            awal = len(tabel.catatan)
            _jalankan(tabel, spec, hasil, tulis=tulis, konteks=konteks or Konteks())
            hasil.catatan.extend(tabel.catatan[awal:])  # found while reading (a mixed encoding)
            hasil.encoding = tabel.encoding
    except BerkasDitolak as e:
        hasil.ditolak = True
        hasil.tambah_galat(Galat(None, None, str(e)))
    return hasil


def _petakan_judul(judul: list[Any], spec: JenisImpor, hasil: Hasil) -> list[tuple[int, Any]]:
    dikenal = {n: k for k in spec.kolom for n in k.nama_dikenal()}
    peta, dipakai = [], {}
    for idx, teks in enumerate(judul):
        n = normal_judul(teks)
        if not n:
            continue
        kol = dikenal.get(n)
        if kol is None:
            hasil.catatan.append(_("Kolom '%(k)s' tidak dikenal dan diabaikan.") % {"k": str(teks).strip()})
            continue
        if kol.kunci in dipakai:
            hasil.tambah_galat(
                Galat(
                    None,
                    kol.nama,
                    _("muncul dua kali di baris judul (kolom ke-%(a)s dan ke-%(b)s)")
                    % {"a": dipakai[kol.kunci] + 1, "b": idx + 1},
                )
            )
            continue
        dipakai[kol.kunci] = idx
        peta.append((idx, kol))
    hilang = [k.nama for k in spec.kolom_wajib() if k.kunci not in dipakai]
    if hilang:
        hasil.ditolak = True
        hasil.tambah_galat(
            Galat(
                None,
                None,
                ngettext("Kolom wajib tidak ada: %(k)s.", "Kolom wajib tidak ada: %(k)s.", len(hilang))
                % {"k": ", ".join(hilang)}
                + " "
                + _("Judul kolom yang terbaca: %(j)s.")
                % {"j": ", ".join(str(j).strip() for j in judul if not kosong(j)) or "-"},
            )
        )
    return peta


def _jalankan(tabel: Tabel, spec: JenisImpor, hasil: Hasil, *, tulis: bool, konteks: Konteks) -> None:
    peta = _petakan_judul(tabel.judul, spec, hasil)
    if not hasil.ok:
        hasil.ditolak = True
        return
    spec.kolom_ada = {k.kunci for _i, k in peta}
    spec.siapkan()
    nama_kunci = spec.nama_kolom(spec.kunci[0])
    dilihat: dict[tuple, int] = {}
    batch: list[tuple[int, Any]] = []

    def galat(baris: int | None, kolom: str | None, pesan: str, aturan: str = "") -> None:
        hasil.tambah_galat(Galat(baris, kolom, pesan, aturan))

    def kirim() -> None:
        rencana = spec.rencanakan(batch, galat)
        _catat(hasil, rencana)
        if tulis and hasil.ok:
            spec.terapkan([r for r in rencana if r.aksi != SAMA], konteks)
        batch.clear()

    for nomor, sel in tabel.baris():
        if _baris_kosong(sel):
            continue
        hasil.jumlah_baris += 1
        data, salah = _baca_sel(nomor, sel, peta, galat)
        item = None if salah else spec.periksa(data, lapor_baris(galat, nomor))
        nilai_kunci = spec.kunci_baris(data)
        if nilai_kunci is not None:
            pertama = dilihat.setdefault(nilai_kunci, nomor)
            if pertama != nomor:
                galat(
                    nomor,
                    nama_kunci,
                    _("%(k)s %(v)s ganda: sudah ada di baris %(a)s (baris %(a)s dan %(b)s sama)")
                    % {"k": nama_kunci, "v": spec.label_kunci(data), "a": pertama, "b": nomor},
                )
                continue
        if item is None:
            continue
        batch.append((nomor, item))
        if spec.ukuran_batch and len(batch) >= spec.ukuran_batch:
            kirim()
    if batch:
        kirim()
    if hasil.jumlah_baris == 0:
        hasil.ditolak = True
        galat(None, None, _("File tidak berisi baris data: hanya judul kolom."))
    hasil.dilonggarkan = dict(spec.dilonggarkan)
    for kode, n in spec.dilonggarkan.items():
        hasil.catatan.append(
            _("Aturan %(a)s dilonggarkan untuk %(n)s baris (alasan: %(r)s).")
            % {"a": kode, "n": n, "r": spec.longgar[kode]}
        )
    if tulis and hasil.ok:
        spec.selesaikan(konteks)


def _baris_kosong(sel: list[Any]) -> bool:
    for v in sel:
        if v is None:
            continue
        if v.__class__ is str:
            if v and not v.isspace():
                return False
            continue
        return False
    return True


def _baca_sel(nomor: int, sel: list[Any], peta, galat) -> tuple[dict[str, Any], bool]:
    data: dict[str, Any] = {}
    salah = False
    for idx, kol in peta:
        v = sel[idx] if idx < len(sel) else None
        if isinstance(v, Rumus):
            galat(
                nomor,
                kol.nama,
                _(
                    "sel %(s)s berisi rumus (%(r)s), bukan nilai; "
                    "salin lalu tempel sebagai nilai (Paste Special > Values)"
                )
                % {"s": v.sel, "r": v.teks},
            )
            salah = True
            continue
        if v.__class__ is str:
            rusak = teks_rusak(v)
            if rusak is not None:
                galat(
                    nomor,
                    kol.nama,
                    _(
                        "berisi karakter yang tidak mungkin benar (%(r)s): encoding rusak atau karakter kendali; "
                        "perbaiki teksnya di file sumber"
                    )
                    % {"r": rusak.encode("unicode_escape").decode("ascii") if not rusak.isprintable() else rusak},
                )
                salah = True
                continue
            if not kol.wajib and v.strip() == TANDA_HAPUS:
                data[kol.kunci] = HAPUS
                continue
        try:
            nilai = kol.ubah(v)
        except NilaiSalah as e:
            galat(nomor, kol.nama, str(e))
            salah = True
            continue
        if nilai is None and kol.wajib and not kol.boleh_kosong:
            galat(nomor, kol.nama, _("wajib diisi"))
            salah = True
        data[kol.kunci] = nilai
    return data, salah


def _catat(hasil: Hasil, rencana: list[Rencana]) -> None:
    for r in rencana:
        if r.aksi == BARU:
            hasil.baru += 1
        elif r.aksi == UBAH:
            hasil.ubah += 1
        else:
            hasil.sama += 1
            continue
        if len(hasil.contoh) < MAKS_CONTOH:
            hasil.contoh.append(
                {
                    "baris": r.baris,
                    "aksi": r.aksi,
                    "label": r.label,
                    "perubahan": [[k, a, b] for k, (a, b) in r.perubahan.items()],
                }
            )
