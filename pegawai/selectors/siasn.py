"""Reading SIASN next to our records ("compare before trusting"): one employee field by field, a
whole unit's employees, and the outbox list. Nothing here writes; taking a value over is
`pegawai.services.siasn.siasn_ambil_alih`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import JenisKelamin, KirimanSiasn, Pegawai, StatusKiriman
from ..pohon import unit_turunan_ids
from ..siasn import bentuk
from ..siasn.klien import KlienSiasn, SiasnDitolak, SiasnTidakDitemukan

# The profile fields HR may take over from SIASN: ours -> (label, SIASN's key, reader).
BIDANG_AMBIL: dict[str, tuple[Any, str, Any]] = {
    "nama": (gettext_lazy("Nama"), "nama", bentuk.teks),
    "gelar_depan": (gettext_lazy("Gelar depan"), "gelarDepan", bentuk.teks),
    "gelar_belakang": (gettext_lazy("Gelar belakang"), "gelarBelakang", bentuk.teks),
    "jenis_kelamin": (gettext_lazy("Jenis kelamin"), "jenisKelamin", bentuk.jenis_kelamin),
    "tempat_lahir": (gettext_lazy("Tempat lahir"), "tempatLahir", bentuk.teks),
    "tanggal_lahir": (gettext_lazy("Tanggal lahir"), "tglLahir", bentuk.tanggal),
    "golongan": (gettext_lazy("Golongan"), "golRuangAkhir", bentuk.golongan),
    "pendidikan": (gettext_lazy("Pendidikan terakhir"), "pendidikanTerakhirNama", bentuk.teks),
    "email": (gettext_lazy("Email"), "email", bentuk.teks),
    "telepon": (gettext_lazy("Telepon"), "noHp", bentuk.teks),
}


KOSONG_BOLEH = {"gelar_depan", "gelar_belakang"}  # SIASN's empty value may be taken over


@dataclass
class BarisBanding:
    kunci: str
    label: str
    kami: str
    siasn: str
    beda: bool
    bisa_ambil: bool = False  # a profile field with a usable SIASN value
    catatan: str = ""


@dataclass
class Perbandingan:
    pegawai_id: int
    nip: str
    nama: str
    baris: list[BarisBanding] = field(default_factory=list)
    riwayat_jabatan: list[dict[str, str]] = field(default_factory=list)
    riwayat_golongan: list[dict[str, str]] = field(default_factory=list)
    nilai_siasn: dict[str, Any] = field(default_factory=dict)  # field -> value to take over
    galat: str = ""

    @property
    def jumlah_beda(self) -> int:
        return sum(1 for b in self.baris if b.beda)


def _tampil(nilai: Any) -> str:
    if isinstance(nilai, date):
        return f"{nilai:%d-%m-%Y}"
    return str(nilai or "")


def _sama(kunci: str, kami: Any, siasn: Any) -> bool:
    if isinstance(kami, str) or isinstance(siasn, str):
        return bentuk.sama_teks(_tampil(kami), _tampil(siasn))
    return kami == siasn


def siasn_bandingkan(pegawai: Pegawai, klien: KlienSiasn) -> Perbandingan:
    """SIASN's main data and position/rank history of the employee next to ours, field by field.
    Raises `SiasnError` when SIASN cannot answer or does not know the NIP."""
    utama = klien.data_utama(pegawai.nip)
    rw_jabatan = _aman(klien.rw_jabatan, pegawai.nip)
    rw_golongan = _aman(klien.rw_golongan, pegawai.nip)
    hasil = Perbandingan(pegawai_id=pegawai.pk, nip=pegawai.nip, nama=pegawai.nama_lengkap)
    for kunci, (label, kunci_siasn, baca) in BIDANG_AMBIL.items():
        kami = getattr(pegawai, kunci)
        mentah = utama.get(kunci_siasn)
        siasn = baca(mentah)
        siasn_tampil = _tampil(siasn) or bentuk.teks(mentah)
        if kunci == "jenis_kelamin":
            kami_tampil = JenisKelamin(kami).label if kami in JenisKelamin.values else kami
            siasn_tampil = JenisKelamin(siasn).label if siasn else bentuk.teks(mentah)
        else:
            kami_tampil = _tampil(kami)
        beda = not _sama(kunci, kami, siasn)
        kosong = siasn in ("", None)
        bisa = beda and (not kosong or kunci in KOSONG_BOLEH)
        catatan = ""
        if beda and kosong and bentuk.teks(mentah):
            catatan, bisa = _("Nilai SIASN tidak dikenali."), False
        baris = BarisBanding(kunci, str(label), kami_tampil, siasn_tampil, beda, bool(bisa), catatan)
        hasil.baris.append(baris)
        if baris.bisa_ambil:
            hasil.nilai_siasn[kunci] = siasn.isoformat() if isinstance(siasn, date) else siasn
    posisi = pegawai.posisi_sekarang
    for kunci, label, kami, siasn in (
        ("jabatan", _("Jabatan"), posisi.jabatan.nama if posisi else "", bentuk.teks(utama.get("jabatanNama"))),
        ("unit", _("Unit kerja"), posisi.unit.nama if posisi else "", bentuk.teks(utama.get("unorNama"))),
        ("tmt_jabatan", _("TMT jabatan"), posisi.mulai if posisi else None, bentuk.tanggal(utama.get("tmtJabatan"))),
    ):
        hasil.baris.append(
            BarisBanding(
                kunci,
                str(label),
                _tampil(kami),
                _tampil(siasn),
                not _sama(kunci, kami, siasn),
                catatan=_("Diubah lewat pindah jabatan, bukan diambil dari sini."),
            )
        )
    hasil.riwayat_jabatan = [
        {
            "jabatan": bentuk.teks(
                r.get("namaJabatan")
                or r.get("jabatanFungsionalNama")
                or r.get("jabatanFungsionalUmumNama")
                or r.get("namaUnor")
            ),
            "unit": bentuk.teks(r.get("unorNama") or r.get("namaUnor")),
            "tmt": _tampil(bentuk.tanggal(r.get("tmtJabatan"))),
            "nomor_sk": bentuk.teks(r.get("nomorSk")),
        }
        for r in rw_jabatan
    ]
    hasil.riwayat_golongan = [
        {
            "golongan": bentuk.teks(r.get("golongan")),
            "tmt": _tampil(bentuk.tanggal(r.get("tmtGolongan"))),
            "nomor_sk": bentuk.teks(r.get("skNomor")),
        }
        for r in rw_golongan
    ]
    return hasil


def _aman(baca, nip: str) -> list[dict[str, Any]]:
    """A history SIASN has nothing of is an empty list, not an error."""
    try:
        return baca(nip)
    except SiasnTidakDitemukan:
        return []


# --- A whole unit ----------------------------------------------------------------------------


def pegawai_unit_banding(unit_id: int) -> QuerySet[Pegawai]:
    """The active employees posted in the unit and its sub-units, for a unit comparison."""
    ids = unit_turunan_ids([unit_id])
    return Pegawai.objects.aktif().with_posisi().filter(posisi__unit_id__in=ids).order_by("nama", "pk")


def banding_ringkas(pegawai: Pegawai, klien: KlienSiasn) -> dict[str, Any]:
    """One employee's differences as JSON-ready rows (for the unit result and its spreadsheet). An
    employee SIASN does not know (or refuses) is a row with its reason; SIASN down, a timeout or a
    refused token raise, since every other employee would meet the same."""
    try:
        p = siasn_bandingkan(pegawai, klien)
    except (SiasnTidakDitemukan, SiasnDitolak) as e:
        return {"pegawai_id": pegawai.pk, "nip": pegawai.nip, "nama": pegawai.nama_lengkap, "galat": str(e), "beda": []}
    return {
        "pegawai_id": p.pegawai_id,
        "nip": p.nip,
        "nama": p.nama,
        "galat": "",
        "beda": [asdict(b) for b in p.baris if b.beda],
    }


# --- The outbox ------------------------------------------------------------------------------


def kiriman_daftar(status: str = "") -> QuerySet[KirimanSiasn]:
    qs = KirimanSiasn.objects.select_related("pegawai").order_by("-dibuat", "-id")
    if status in StatusKiriman.values:
        qs = qs.filter(status=status)
    return qs


def kiriman_hitung() -> dict[str, int]:
    hitung = dict(KirimanSiasn.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    return {s: hitung.get(s, 0) for s in StatusKiriman.values}
