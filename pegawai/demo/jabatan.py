"""Demo positions and competences: the position catalogue (with its required competences), the
positions counted as equal, and a head post for every Bidang, Bagian and Seksi of `unit.UNIT_KERJA`.
Later demo steps may rely on the position names in `JABATAN`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import JenisJabatan, JenisKompetensi, JenisUnit, JenjangJabatan
from .unit import UNIT_KERJA

# --- Competences --------------------------------------------------------------------

M, S, T = JenisKompetensi.MANAJERIAL, JenisKompetensi.SOSIAL_KULTURAL, JenisKompetensi.TEKNIS
KOMPETENSI = [
    ("Kepemimpinan", M, "Memimpin, menggerakkan dan mengembangkan tim kerja."),
    ("Pengambilan Keputusan", M, "Mengambil keputusan yang tepat waktu dan dapat dipertanggungjawabkan."),
    ("Pelayanan Publik", M, "Memberikan layanan yang cepat, ramah dan sesuai standar pelayanan."),
    ("Komunikasi Publik", M, "Menyampaikan informasi secara jelas kepada masyarakat dan pemangku kepentingan."),
    ("Perekat Bangsa", S, "Menjaga kerukunan dan menghargai keberagaman dalam bekerja."),
    ("Administrasi Perkantoran", T, "Surat-menyurat, tata naskah dinas dan pengelolaan kegiatan kantor."),
    ("Pengelolaan Arsip", T, "Penataan, penyimpanan dan penyusutan arsip dinamis."),
    ("Manajemen Data", T, "Pengumpulan, validasi dan pengolahan data untuk laporan."),
    ("Teknologi Informasi", T, "Aplikasi, jaringan dan keamanan informasi pemerintahan."),
    ("Manajemen SDM Aparatur", T, "Pengadaan, mutasi, pengembangan kompetensi dan kinerja ASN."),
    ("Pengelolaan Keuangan Daerah", T, "Perencanaan, penatausahaan dan pelaporan keuangan daerah."),
    ("Hukum dan Perundang-undangan", T, "Penyusunan dan telaah produk hukum daerah."),
    ("Pengawasan Internal", T, "Audit, reviu dan evaluasi atas penyelenggaraan pemerintahan."),
    ("Kesehatan Masyarakat", T, "Promosi kesehatan, surveilans dan upaya kesehatan masyarakat."),
    ("Pelayanan Kesehatan Klinis", T, "Pemeriksaan, tindakan dan asuhan kepada pasien."),
    ("Pembelajaran dan Kurikulum", T, "Perencanaan, pelaksanaan dan penilaian pembelajaran."),
    ("Perlindungan Sosial", T, "Rehabilitasi sosial, bantuan sosial dan perlindungan kelompok rentan."),
    ("Administrasi Kependudukan", T, "Pendaftaran penduduk dan pencatatan sipil."),
    ("Manajemen Lalu Lintas", T, "Rekayasa, pengendalian dan keselamatan lalu lintas."),
    ("Penegakan Peraturan Daerah", T, "Ketenteraman, ketertiban umum dan penegakan perda."),
    ("Pemerintahan Umum", T, "Penyelenggaraan pemerintahan kecamatan dan kelurahan."),
]

# --- Positions ------------------------------------------------------------------------

J, A, P, F, L = (
    JenisJabatan.JPT,
    JenisJabatan.ADMINISTRATOR,
    JenisJabatan.PENGAWAS,
    JenisJabatan.FUNGSIONAL,
    JenisJabatan.PELAKSANA,
)
JJ = JenjangJabatan


@dataclass(frozen=True)
class JabatanDef:
    nama: str
    jenis: str
    kelas: int
    kompetensi: tuple[str, ...]
    jenjang: str = ""
    kepala: bool = False
    pendidikan: str = "umum"  # key of PENDIDIKAN
    golongan: tuple[str, str] | None = None  # PNS range; None = from jenis/jenjang (pelaksana: education)
    pppk: bool = False  # PPPK are appointed to this position
    deskripsi: str = ""


# The position catalogue. Columns: jenis (J=JPT, A=administrator, P=pengawas, F=fungsional, L=pelaksana),
# jenjang, kelas jabatan, head post of its unit, PPPK are appointed to it, education family (PENDIDIKAN),
# PNS rank range ("-": from jenis/jenjang, or for pelaksana from education), name.
JABATAN_TABEL = """
J  JPT_PRATAMA   15  ya  -   umum          IV/c-IV/d    Sekretaris Daerah
J  JPT_PRATAMA   14  ya  -   akuntansi     IV/c-IV/d    Inspektur
J  JPT_PRATAMA   14  ya  -   sdm           IV/c-IV/d    Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia
J  JPT_PRATAMA   14  ya  -   guru          IV/c-IV/d    Kepala Dinas Pendidikan
J  JPT_PRATAMA   14  ya  -   dokter        IV/c-IV/d    Kepala Dinas Kesehatan
J  JPT_PRATAMA   14  ya  -   sosial        IV/c-IV/d    Kepala Dinas Sosial
J  JPT_PRATAMA   14  ya  -   umum          IV/c-IV/d    Kepala Dinas Kependudukan dan Pencatatan Sipil
J  JPT_PRATAMA   14  ya  -   teknik        IV/c-IV/d    Kepala Dinas Perhubungan
J  JPT_PRATAMA   14  ya  -   it            IV/c-IV/d    Kepala Dinas Komunikasi dan Informatika
J  JPT_PRATAMA   14  ya  -   pamong        IV/c-IV/d    Kepala Satuan Polisi Pamong Praja
A  -             12  ya  -   umum          -            Sekretaris Dinas
A  -             12  ya  -   sdm           -            Sekretaris Badan
A  -             12  ya  -   akuntansi     -            Sekretaris Inspektorat
A  -             12  ya  -   umum          -            Sekretaris Satuan Polisi Pamong Praja
A  -             12  ya  -   akuntansi     -            Inspektur Pembantu Wilayah I
A  -             12  ya  -   dokter        -            Direktur Rumah Sakit Umum Daerah
A  -             12  ya  -   pamong        III/d-IV/b   Camat
A  -             11  ya  -   pamong        III/d-IV/a   Sekretaris Kecamatan
P  -             9   ya  -   pamong        III/c-IV/a   Lurah
P  -             8   -   -   pamong        III/b-III/d  Sekretaris Kelurahan
P  -             8   -   -   umum          III/b-III/d  Kepala Seksi Pemerintahan Kelurahan
P  -             8   -   -   sosial        III/b-III/d  Kepala Seksi Kesejahteraan Sosial Kelurahan
P  -             8   -   -   umum          III/b-III/d  Kepala Seksi Ketenteraman dan Ketertiban Kelurahan
P  -             9   ya  -   dokter        III/c-IV/a   Kepala Puskesmas
F  AHLI_MUDA     10  ya  -   guru          III/c-IV/a   Kepala Sekolah
F  AHLI_PERTAMA  8   -   ya  guru          -            Guru Ahli Pertama
F  AHLI_MUDA     9   -   -   guru          -            Guru Ahli Muda
F  AHLI_PERTAMA  9   -   -   dokter        III/b-III/b  Dokter Ahli Pertama
F  AHLI_MUDA     11  -   -   dokter        -            Dokter Ahli Muda
F  AHLI_PERTAMA  9   -   -   dokter_gigi   III/b-III/b  Dokter Gigi Ahli Pertama
F  AHLI_PERTAMA  8   -   ya  ners          -            Perawat Ahli Pertama
F  TERAMPIL      6   -   ya  perawat_d3    -            Perawat Terampil
F  TERAMPIL      6   -   ya  bidan         -            Bidan Terampil
F  AHLI_PERTAMA  8   -   -   apoteker      -            Apoteker Ahli Pertama
F  AHLI_PERTAMA  8   -   -   kesmas        -            Penyuluh Kesehatan Masyarakat Ahli Pertama
F  AHLI_PERTAMA  8   -   -   kesmas        -            Epidemiolog Kesehatan Ahli Pertama
F  AHLI_PERTAMA  8   -   -   sdm           -            Analis SDM Aparatur Ahli Pertama
F  AHLI_MUDA     9   -   -   sdm           -            Analis SDM Aparatur Ahli Muda
F  AHLI_PERTAMA  8   -   ya  it            -            Pranata Komputer Ahli Pertama
F  TERAMPIL      6   -   -   it_d3         -            Pranata Komputer Terampil
F  TERAMPIL      6   -   -   d3_umum       -            Arsiparis Terampil
F  AHLI_PERTAMA  8   -   -   akuntansi     -            Auditor Ahli Pertama
F  AHLI_MUDA     9   -   -   akuntansi     -            Auditor Ahli Muda
F  AHLI_PERTAMA  8   -   -   hukum         -            Analis Hukum Ahli Pertama
F  AHLI_PERTAMA  8   -   -   sosial        -            Pekerja Sosial Ahli Pertama
F  AHLI_PERTAMA  8   -   -   it            -            Administrator Database Kependudukan Ahli Pertama
F  AHLI_PERTAMA  8   -   -   komunikasi    -            Pranata Hubungan Masyarakat Ahli Pertama
F  TERAMPIL      6   -   -   teknik_d3     -            Penguji Kendaraan Bermotor Terampil
F  TERAMPIL      6   -   ya  sma           II/b-II/d    Polisi Pamong Praja Terampil
F  AHLI_PERTAMA  8   -   -   hukum         -            Polisi Pamong Praja Ahli Pertama
L  -             5   -   ya  pelaksana     -            Pengadministrasi Umum
L  -             6   -   ya  pelaksana     -            Pengelola Layanan Operasional
L  -             7   -   -   pelaksana_d3  -            Pengolah Data
"""
KOMPETENSI_JABATAN = {
    "Sekretaris Daerah": ["Kepemimpinan", "Pengambilan Keputusan", "Perekat Bangsa", "Pemerintahan Umum"],
    "Inspektur": ["Kepemimpinan", "Pengambilan Keputusan", "Pengawasan Internal"],
    "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia": [
        "Kepemimpinan",
        "Pengambilan Keputusan",
        "Manajemen SDM Aparatur",
    ],
    "Kepala Dinas Pendidikan": ["Kepemimpinan", "Pengambilan Keputusan", "Pembelajaran dan Kurikulum"],
    "Kepala Dinas Kesehatan": ["Kepemimpinan", "Pengambilan Keputusan", "Kesehatan Masyarakat"],
    "Kepala Dinas Sosial": ["Kepemimpinan", "Pengambilan Keputusan", "Perlindungan Sosial"],
    "Kepala Dinas Kependudukan dan Pencatatan Sipil": [
        "Kepemimpinan",
        "Pengambilan Keputusan",
        "Administrasi Kependudukan",
    ],
    "Kepala Dinas Perhubungan": ["Kepemimpinan", "Pengambilan Keputusan", "Manajemen Lalu Lintas"],
    "Kepala Dinas Komunikasi dan Informatika": ["Kepemimpinan", "Pengambilan Keputusan", "Teknologi Informasi"],
    "Kepala Satuan Polisi Pamong Praja": ["Kepemimpinan", "Pengambilan Keputusan", "Penegakan Peraturan Daerah"],
    "Sekretaris Dinas": ["Kepemimpinan", "Pengelolaan Keuangan Daerah", "Administrasi Perkantoran"],
    "Sekretaris Badan": ["Kepemimpinan", "Pengelolaan Keuangan Daerah", "Manajemen SDM Aparatur"],
    "Sekretaris Inspektorat": ["Kepemimpinan", "Pengelolaan Keuangan Daerah"],
    "Sekretaris Satuan Polisi Pamong Praja": ["Kepemimpinan", "Administrasi Perkantoran"],
    "Inspektur Pembantu Wilayah I": ["Kepemimpinan", "Pengawasan Internal"],
    "Direktur Rumah Sakit Umum Daerah": ["Kepemimpinan", "Pelayanan Kesehatan Klinis"],
    "Camat": ["Kepemimpinan", "Pemerintahan Umum", "Pelayanan Publik"],
    "Sekretaris Kecamatan": ["Kepemimpinan", "Administrasi Perkantoran", "Pemerintahan Umum"],
    "Lurah": ["Kepemimpinan", "Pemerintahan Umum", "Pelayanan Publik"],
    "Sekretaris Kelurahan": ["Administrasi Perkantoran", "Pemerintahan Umum"],
    "Kepala Seksi Pemerintahan Kelurahan": ["Pemerintahan Umum", "Administrasi Kependudukan"],
    "Kepala Seksi Kesejahteraan Sosial Kelurahan": ["Perlindungan Sosial", "Pelayanan Publik"],
    "Kepala Seksi Ketenteraman dan Ketertiban Kelurahan": ["Penegakan Peraturan Daerah", "Komunikasi Publik"],
    "Kepala Puskesmas": ["Kepemimpinan", "Kesehatan Masyarakat", "Pelayanan Kesehatan Klinis"],
    "Kepala Sekolah": ["Kepemimpinan", "Pembelajaran dan Kurikulum"],
    "Guru Ahli Pertama": ["Pembelajaran dan Kurikulum", "Komunikasi Publik"],
    "Guru Ahli Muda": ["Pembelajaran dan Kurikulum", "Komunikasi Publik"],
    "Dokter Ahli Pertama": ["Pelayanan Kesehatan Klinis", "Kesehatan Masyarakat"],
    "Dokter Ahli Muda": ["Pelayanan Kesehatan Klinis", "Kesehatan Masyarakat"],
    "Dokter Gigi Ahli Pertama": ["Pelayanan Kesehatan Klinis"],
    "Perawat Ahli Pertama": ["Pelayanan Kesehatan Klinis", "Pelayanan Publik"],
    "Perawat Terampil": ["Pelayanan Kesehatan Klinis", "Pelayanan Publik"],
    "Bidan Terampil": ["Pelayanan Kesehatan Klinis", "Kesehatan Masyarakat"],
    "Apoteker Ahli Pertama": ["Pelayanan Kesehatan Klinis"],
    "Penyuluh Kesehatan Masyarakat Ahli Pertama": ["Kesehatan Masyarakat", "Komunikasi Publik"],
    "Epidemiolog Kesehatan Ahli Pertama": ["Kesehatan Masyarakat", "Manajemen Data"],
    "Analis SDM Aparatur Ahli Pertama": ["Manajemen SDM Aparatur", "Manajemen Data"],
    "Analis SDM Aparatur Ahli Muda": ["Manajemen SDM Aparatur", "Manajemen Data"],
    "Pranata Komputer Ahli Pertama": ["Teknologi Informasi", "Manajemen Data"],
    "Pranata Komputer Terampil": ["Teknologi Informasi"],
    "Arsiparis Terampil": ["Pengelolaan Arsip", "Administrasi Perkantoran"],
    "Auditor Ahli Pertama": ["Pengawasan Internal", "Pengelolaan Keuangan Daerah"],
    "Auditor Ahli Muda": ["Pengawasan Internal", "Pengelolaan Keuangan Daerah"],
    "Analis Hukum Ahli Pertama": ["Hukum dan Perundang-undangan"],
    "Pekerja Sosial Ahli Pertama": ["Perlindungan Sosial", "Komunikasi Publik"],
    "Administrator Database Kependudukan Ahli Pertama": ["Administrasi Kependudukan", "Manajemen Data"],
    "Pranata Hubungan Masyarakat Ahli Pertama": ["Komunikasi Publik", "Teknologi Informasi"],
    "Penguji Kendaraan Bermotor Terampil": ["Manajemen Lalu Lintas"],
    "Polisi Pamong Praja Terampil": ["Penegakan Peraturan Daerah", "Komunikasi Publik"],
    "Polisi Pamong Praja Ahli Pertama": ["Penegakan Peraturan Daerah", "Komunikasi Publik"],
    "Pengadministrasi Umum": ["Administrasi Perkantoran", "Pelayanan Publik"],
    "Pengelola Layanan Operasional": ["Pelayanan Publik", "Administrasi Perkantoran"],
    "Pengolah Data": ["Manajemen Data", "Teknologi Informasi"],
}
DESKRIPSI_JABATAN = {
    "Sekretaris Daerah": "Membantu Wali Kota menyusun kebijakan dan mengoordinasikan perangkat daerah.",
    "Camat": "Memimpin kecamatan dan mengoordinasikan kelurahan di wilayahnya.",
    "Lurah": "Memimpin kelurahan: pemerintahan, ketenteraman, kesejahteraan sosial dan pelayanan.",
    "Kepala Sekolah": "Guru yang diberi tugas memimpin satuan pendidikan.",
    "Pengadministrasi Umum": "Menerima, mencatat dan mendistribusikan surat serta menyiapkan bahan administrasi.",
    "Pengolah Data": "Mengumpulkan, memeriksa dan mengolah data untuk bahan laporan.",
}


def _jabatan_dasar() -> list[JabatanDef]:
    jenis = {"J": J, "A": A, "P": P, "F": F, "L": L}
    hasil = []
    for baris in JABATAN_TABEL.strip().splitlines():
        kode, jenjang, kelas, kepala, pppk, pendidikan, golongan, nama = baris.split(None, 7)
        hasil.append(
            JabatanDef(
                nama=nama,
                jenis=jenis[kode],
                kelas=int(kelas),
                kompetensi=tuple(KOMPETENSI_JABATAN[nama]),
                jenjang="" if jenjang == "-" else jenjang,
                kepala=kepala == "ya",
                pendidikan=pendidikan,
                golongan=None if golongan == "-" else tuple(golongan.split("-")),
                pppk=pppk == "ya",
                deskripsi=DESKRIPSI_JABATAN.get(nama, ""),
            )
        )
    return hasil


JABATAN_DASAR = _jabatan_dasar()

# Positions held in several units but counted as equal for candidate searches.
SETARA = [
    ("Pengadministrasi Umum", "Pengelola Layanan Operasional"),
    ("Kepala Seksi Pemerintahan Kelurahan", "Kepala Seksi Pemerintahan"),
    ("Kepala Seksi Kesejahteraan Sosial Kelurahan", "Kepala Seksi Kesejahteraan Sosial"),
    ("Kepala Seksi Ketenteraman dan Ketertiban Kelurahan", "Kepala Seksi Ketenteraman dan Ketertiban"),
    ("Sekretaris Dinas", "Sekretaris Badan"),
]


def _jabatan_katalog() -> dict[str, JabatanDef]:
    """The base catalogue plus a head post for every Bidang, Bagian and Seksi ('Kepala <unit>')."""
    katalog = {j.nama: j for j in JABATAN_DASAR}
    opd_pendidikan = {u.kode: u.bidang_pendidikan for u in UNIT_KERJA}
    for u in UNIT_KERJA:
        if u.kepala in katalog:
            continue
        pendidikan = opd_pendidikan.get(u.induk or "", "umum")
        if u.jenis == JenisUnit.SEKSI:
            kompetensi = ("Kepemimpinan", "Pelayanan Publik", "Pemerintahan Umum")
            katalog[u.kepala] = JabatanDef(u.kepala, P, 9, kompetensi, kepala=True, pendidikan="pamong")
        else:
            kompetensi = ("Kepemimpinan", "Pengambilan Keputusan")
            katalog[u.kepala] = JabatanDef(u.kepala, A, 12, kompetensi, kepala=True, pendidikan=pendidikan)
    return katalog


JABATAN = _jabatan_katalog()
# Head posts that only a specialist would have held (kept out of generic career paths).
KEPALA_KHUSUS = {"Kepala Puskesmas", "Direktur Rumah Sakit Umum Daerah", "Kepala Sekolah"}
