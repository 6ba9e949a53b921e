"""Demo step `beban_kerja` (`manage.py demo`, after `pegawai.demo.simpan.organisasi`): the workload (uraian
tugas) of every unit x position that has staff, shaped so that the needs analysis shows something
worth looking at:

- shortages at Puskesmas Mulyorejo (nurses, midwives, a doctor) and in some kelurahan of Mulyorejo
  (front-office staff), and a few elsewhere;
- surpluses in the secretariats of Kecamatan Mulyorejo and Dinas Pendidikan, in Dinas Pendidikan's
  bidang and at RSUD Surabaya Timur, holding the same (or HR-equivalent) positions as the shortages,
  so the candidate lists are filled;
- every other position about balanced (needed = bezetting after rounding).

Employees due for rotation come from the organisation step (some have been in their post for more
than five years); this step reports how many there are.

It reads what exists: units by code and positions by name; a unit or position named below but
missing is skipped and logged. It is idempotent: a unit x position that already has tasks is left
as it is (HR may have edited them), so a second run adds nothing. Deterministic: no randomness,
the small deviations come from a hash of the unit code and position name.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from ..models import Jabatan, RiwayatJabatan, TugasJabatan, UnitKerja
from ..selectors.abk.rotasi import mulai_paling_lambat

# (unit code, position name) -> selisih wanted: positive = shortage (needed = bezetting + n),
# negative = surplus (needed = bezetting - n, at least 0).
SELISIH = {
    ("PKM-MLY", "Perawat Terampil"): 3,
    ("PKM-MLY", "Bidan Terampil"): 2,
    ("PKM-MLY", "Perawat Ahli Pertama"): 1,
    ("PKM-MLY", "Dokter Ahli Pertama"): 1,
    ("PKM-MLY", "Pengadministrasi Umum"): 1,
    ("KEL-MLY-KS", "Pengelola Layanan Operasional"): 2,
    ("KEL-MLY-KS", "Pengadministrasi Umum"): 1,
    ("KEL-MLY-KJ", "Pengelola Layanan Operasional"): 2,
    ("KEL-MLY-MLY", "Pengolah Data"): 1,
    ("KEL-MLY-KPT", "Pengadministrasi Umum"): 1,
    ("KEC-MLY-TRANTIB", "Polisi Pamong Praja Terampil"): 1,
    ("DINSOS-REHSOS", "Pekerja Sosial Ahli Pertama"): 1,
    # Surpluses: the over-staffed secretariats and units holding the same positions.
    ("KEC-MLY-SEK", "Pengadministrasi Umum"): -1,
    ("KEC-MLY-SEK", "Arsiparis Terampil"): -1,
    ("KEC-MLY-PEM", "Pengelola Layanan Operasional"): -1,
    ("DISDIK-SEK", "Pengadministrasi Umum"): -1,
    ("DISDIK-SEK", "Pengolah Data"): -1,
    ("DISDIK-SD", "Pengelola Layanan Operasional"): -1,
    ("DISDIK-SMP", "Pengelola Layanan Operasional"): -1,
    ("DISPENDUKCAPIL-DAFDUK", "Pengelola Layanan Operasional"): -1,
    ("RSUD-ST-YANMED", "Perawat Terampil"): -2,
    ("RSUD-ST-YANMED", "Perawat Ahli Pertama"): -1,
    ("RSUD-ST-YANMED", "Bidan Terampil"): -1,
    ("RSUD-ST-TU", "Pengadministrasi Umum"): -1,
    ("SATPOLPP-GAKDA", "Polisi Pamong Praja Terampil"): -1,
}

# Task templates by a word of the position name, first match wins:
# (uraian, satuan hasil, norma waktu in hours, share of the workload).
TUGAS = [
    (
        "Dokter Gigi",
        [
            ("Memeriksa dan merawat gigi pasien", "pasien", "0.5", 6),
            ("Melaksanakan usaha kesehatan gigi sekolah", "kegiatan", "4", 2),
            ("Menyusun laporan pelayanan kesehatan gigi", "laporan", "6", 1),
        ],
    ),
    (
        "Dokter",
        [
            ("Memeriksa dan mengobati pasien rawat jalan", "pasien", "0.25", 6),
            ("Melakukan rujukan dan konsultasi kasus", "kasus", "0.5", 2),
            ("Melaksanakan program kesehatan masyarakat", "kegiatan", "4", 2),
        ],
    ),
    (
        "Perawat",
        [
            ("Melakukan pengkajian keperawatan", "pasien", "0.5", 4),
            ("Melaksanakan tindakan keperawatan", "tindakan", "0.75", 4),
            ("Mendokumentasikan asuhan keperawatan", "dokumen", "0.25", 2),
        ],
    ),
    (
        "Bidan",
        [
            ("Melakukan pemeriksaan kehamilan", "pasien", "0.5", 4),
            ("Melayani keluarga berencana", "akseptor", "0.33", 2),
            ("Melakukan kunjungan nifas dan neonatus", "kunjungan", "1", 3),
        ],
    ),
    (
        "Apoteker",
        [
            ("Melayani resep dan konseling obat", "resep", "0.1", 6),
            ("Mengelola persediaan dan pelaporan obat", "laporan", "8", 2),
        ],
    ),
    (
        "Penyuluh Kesehatan",
        [
            ("Melaksanakan penyuluhan kesehatan", "kegiatan", "3", 5),
            ("Menyusun materi penyuluhan", "materi", "6", 2),
        ],
    ),
    (
        "Epidemiolog",
        [
            ("Melakukan surveilans penyakit", "laporan", "6", 5),
            ("Menyelidiki kejadian luar biasa", "kasus", "16", 3),
        ],
    ),
    (
        "Guru",
        [
            ("Melaksanakan pembelajaran tatap muka", "jam pelajaran", "1", 6),
            ("Menyusun perangkat pembelajaran", "dokumen", "4", 2),
            ("Menilai hasil belajar", "kelas", "10", 2),
        ],
    ),
    (
        "Analis SDM",
        [
            ("Menganalisis kebutuhan pegawai", "dokumen", "8", 3),
            ("Memproses usulan kepegawaian", "berkas", "2", 4),
            ("Menyusun rekomendasi pengembangan pegawai", "rekomendasi", "6", 2),
        ],
    ),
    (
        "Analis Hukum",
        [
            ("Menyusun telaahan hukum", "telaahan", "8", 3),
            ("Mengkaji rancangan peraturan", "rancangan", "16", 2),
        ],
    ),
    (
        "Auditor",
        [
            ("Melaksanakan audit", "hari audit", "7", 4),
            ("Menyusun laporan hasil audit", "laporan", "24", 2),
        ],
    ),
    (
        "Pranata Komputer",
        [
            ("Memelihara sistem informasi", "kegiatan", "4", 3),
            ("Menangani gangguan perangkat", "tiket", "1", 3),
            ("Mengembangkan modul aplikasi", "modul", "40", 2),
        ],
    ),
    (
        "Pranata Hubungan Masyarakat",
        [
            ("Menyusun rilis berita", "rilis", "3", 3),
            ("Mengelola kanal media sosial", "unggahan", "1", 3),
        ],
    ),
    (
        "Pekerja Sosial",
        [
            ("Melakukan asesmen klien", "klien", "3", 3),
            ("Melaksanakan pendampingan sosial", "kunjungan", "2", 4),
        ],
    ),
    (
        "Administrator Database",
        [
            ("Memelihara basis data kependudukan", "kegiatan", "4", 3),
            ("Memperbaiki rekaman data ganda", "rekaman", "0.25", 3),
        ],
    ),
    ("Penguji Kendaraan", [("Menguji kendaraan bermotor", "kendaraan", "0.75", 1)]),
    (
        "Polisi Pamong Praja",
        [
            ("Melaksanakan patroli ketertiban umum", "patroli", "4", 3),
            ("Menertibkan pelanggaran peraturan daerah", "kasus", "3", 2),
        ],
    ),
    (
        "Arsiparis",
        [
            ("Menata arsip dinamis", "berkas", "0.5", 3),
            ("Menyusun daftar arsip", "daftar", "4", 1),
            ("Melayani peminjaman arsip", "layanan", "0.5", 1),
        ],
    ),
    (
        "Pengadministrasi Umum",
        [
            ("Menerima dan mencatat surat masuk", "surat", "0.25", 3),
            ("Mengagendakan dan mengirim surat keluar", "surat", "0.25", 2),
            ("Menyiapkan bahan rapat", "kegiatan", "3", 1),
            ("Mengarsipkan dokumen kegiatan", "berkas", "0.5", 1),
        ],
    ),
    (
        "Pengelola Layanan Operasional",
        [
            ("Melayani permohonan administrasi warga", "layanan", "0.5", 4),
            ("Memverifikasi kelengkapan berkas permohonan", "berkas", "0.33", 2),
            ("Menyusun laporan layanan bulanan", "laporan", "8", 1),
        ],
    ),
    (
        "Pengolah Data",
        [
            ("Menghimpun dan memverifikasi data", "dokumen", "1", 3),
            ("Mengolah data menjadi bahan laporan", "laporan", "6", 2),
            ("Memutakhirkan basis data", "kegiatan", "2", 1),
        ],
    ),
]
TUGAS_PIMPINAN = [
    ("Menyusun dan mengendalikan rencana kerja unit", "dokumen", "16", 2),
    ("Membina dan menilai kinerja bawahan", "penilaian", "4", 2),
    ("Memeriksa dan menandatangani dokumen layanan", "dokumen", "0.25", 2),
    ("Menghadiri rapat koordinasi", "rapat", "3", 1),
]
TUGAS_UMUM = [
    ("Melaksanakan tugas teknis jabatan", "kegiatan", "2", 3),
    ("Menyusun laporan pelaksanaan tugas", "laporan", "8", 1),
]


def _tugas_untuk(jabatan: Jabatan) -> list[tuple[str, str, str, int]]:
    if jabatan.kepala_unit or jabatan.jenis in ("JPT", "ADMINISTRATOR", "PENGAWAS"):
        return TUGAS_PIMPINAN
    for kata, tugas in TUGAS:
        if kata.lower() in jabatan.nama.lower():
            return tugas
    return TUGAS_UMUM


def _geser(kode: str, nama: str, bawah: float, atas: float) -> Decimal:
    """A fixed 'random' fraction in [bawah, atas) from the pair's names (no state, no randomness)."""
    h = int(hashlib.sha256(f"{kode}|{nama}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return Decimal(str(round(bawah + (atas - bawah) * h, 2)))


def _rencana_tugas(unit: UnitKerja, jabatan: Jabatan, orang: int) -> list[TugasJabatan]:
    """Tasks whose hours give `orang` people after half-up rounding: the fractional need stays
    within ±0.35 of a whole number, so rounding the volumes to whole units cannot tip it over."""
    if orang == 0:
        kebutuhan = _geser(unit.kode, jabatan.nama, 0.15, 0.4)
    else:
        kebutuhan = orang + _geser(unit.kode, jabatan.nama, -0.35, 0.35)
    jam = kebutuhan * settings.ABK_JAM_KERJA_EFEKTIF
    pola = _tugas_untuk(jabatan)
    total_bobot = sum(b for *_x, b in pola)
    hasil = []
    for uraian, satuan, norma, bobot in pola:
        norma = Decimal(norma)
        volume = (jam * bobot / total_bobot / norma).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        hasil.append(
            TugasJabatan(
                unit=unit,
                jabatan=jabatan,
                uraian=uraian,
                satuan_hasil=satuan,
                volume=max(volume, Decimal(1)),
                norma_waktu=norma,
            )
        )
    return hasil


def beban_kerja(stdout) -> None:
    """Workload for every unit x position with staff (see the module docstring)."""
    units = UnitKerja.objects.in_bulk(field_name="kode")
    jabatan = Jabatan.objects.in_bulk(field_name="nama")
    for kode, nama in sorted(SELISIH):
        if kode not in units:
            stdout.write(f"  unit {kode} tidak ada: dilewati")
        elif nama not in jabatan:
            stdout.write(f"  jabatan {nama!r} tidak ada: dilewati")

    bezetting = defaultdict(int)
    for unit_id, jabatan_id, n in (
        RiwayatJabatan.objects.sekarang()
        .filter(pegawai__aktif=True)
        .values("unit_id", "jabatan_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "jabatan_id", "n")
    ):
        bezetting[unit_id, jabatan_id] = n
    sudah = set(TugasJabatan.objects.values_list("unit_id", "jabatan_id").distinct())
    unit_by_id = {u.pk: u for u in units.values()}
    jabatan_by_id = {j.pk: j for j in jabatan.values()}

    baru, dilewati, kurang, lebih = [], 0, 0, 0
    for (unit_id, jabatan_id), n in sorted(bezetting.items()):
        if (unit_id, jabatan_id) in sudah:
            dilewati += 1
            continue
        unit, jab = unit_by_id[unit_id], jabatan_by_id[jabatan_id]
        selisih = SELISIH.get((unit.kode, jab.nama), 0)
        orang = max(n + selisih, 0)
        kurang += max(orang - n, 0)
        lebih += max(n - orang, 0)
        baru.extend(_rencana_tugas(unit, jab, orang))
    for t in baru:
        t.full_clean(validate_unique=False, validate_constraints=False)
    TugasJabatan.objects.bulk_create(baru)

    batas = mulai_paling_lambat(timezone.localdate(), settings.MUTASI_MAX_TAHUN)
    wajib = RiwayatJabatan.objects.sekarang().filter(pegawai__aktif=True, mulai__lte=batas).count()
    stdout.write(f"  uraian tugas       {len(baru):>5} baru")
    stdout.write(f"  jabatan x unit     {dilewati:>5} sudah berisi uraian tugas: tidak diubah")
    stdout.write(f"  kekurangan/kelebihan yang dibentuk: {kurang} / {lebih} orang")
    stdout.write(f"  pegawai wajib dimutasi (>= {settings.MUTASI_MAX_TAHUN} tahun di jabatan): {wajib}")
