"""Demo data for Kota Surabaya / Kecamatan Mulyorejo (`manage.py demo`).

The step `organisasi` builds the organisation (units, positions, competences) and about 300
employees with valid NIPs, ranks consistent with education and years of service, 2-12 years of
position history, yearly performance predicates and a few sanctions. It is deterministic (a fixed
seed; dates are relative to today) and idempotent: reference data is matched by its natural key
(unit code, position name, competence name) and the people are created only when the demo people
are absent, so a second run changes nothing.

What later demo steps may rely on: the unit codes listed in `UNIT_KERJA` (SETDA, BKPSDM, DISDIK,
DINKES, PKM-MLY, RSUD-ST, KEC-MLY, KEL-MLY-KS, ...), the position names in `JABATAN`, and the
people in `AKUN` (looked up by NIP).
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from . import nip as nip_rules
from .models import (
    GOLONGAN_PPPK,
    PANGKAT_PNS,
    HukumanDisiplin,
    Jabatan,
    JenisJabatan,
    JenisKompetensi,
    JenisUnit,
    JenjangJabatan,
    KinerjaTahunan,
    Kompetensi,
    Pegawai,
    Peran,
    Predikat,
    RiwayatJabatan,
    StatusAsn,
    TingkatHukuman,
    UnitKerja,
    User,
)

# Fixed demo accounts (role -> NIP); every demo module may rely on these.
DEMO_PASSWORD = "demo12345"  # noqa: S105 - published demo password
AKUN = {
    "hr": "198503152010012003",  # Rina Wulandari, S.Psi. - BKPSDM
    "ppk": "196807121994031005",  # Drs. Ikhsan, M.Si. - Sekretaris Daerah (PPK delegate)
    "kepala": "197604222000121002",  # Hendro Gunawan, S.STP., M.Si. - Camat Mulyorejo
    "kepala_pkm": "198011052006042009",  # dr. Laksmi Ayuningtyas - Kepala Puskesmas Mulyorejo
    "pegawai": "199002172015031004",  # Ahmad Fauzi, S.AP. - staff of Kelurahan Kalisari
}

SEED = 20260101
PPPK_PORSI = 0.15  # share of PPPK among the generated employees
DOMAIN_EMAIL = "surabaya.go.id"

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

# --- Organisation ---------------------------------------------------------------------


@dataclass(frozen=True)
class UnitDef:
    kode: str
    nama: str
    jenis: str
    induk: str | None
    kepala: str  # name of the head post
    staf: tuple[tuple[str, int], ...] = ()
    alamat: str = ""
    bidang_pendidikan: str = "umum"  # education family for auto-made head posts


STAF_SEKRETARIAT = (("Pengadministrasi Umum", 2), ("Pengolah Data", 1), ("Arsiparis Terampil", 1))
STAF_KELURAHAN = (
    ("Sekretaris Kelurahan", 1),
    ("Kepala Seksi Pemerintahan Kelurahan", 1),
    ("Kepala Seksi Kesejahteraan Sosial Kelurahan", 1),
    ("Kepala Seksi Ketenteraman dan Ketertiban Kelurahan", 1),
    ("Pengadministrasi Umum", 1),
    ("Pengelola Layanan Operasional", 2),
    ("Pengolah Data", 1),
)
STAF_SEKOLAH = (("Guru Ahli Pertama", 5), ("Guru Ahli Muda", 2), ("Pengadministrasi Umum", 1))


def _opd(
    kode,
    nama,
    kepala,
    bidang,
    *,
    singkat=None,
    sekretaris="Sekretaris Dinas",
    jenis=JenisUnit.OPD,
    induk=None,
    staf_sekretariat=STAF_SEKRETARIAT,
    alamat="",
    pendidikan="umum",
) -> list[UnitDef]:
    """An OPD with its Sekretariat and Bidang (a Bidang's head post is 'Kepala <bidang>')."""
    units = [UnitDef(kode, nama, jenis, induk, kepala, alamat=alamat, bidang_pendidikan=pendidikan)]
    if sekretaris:
        units.append(
            UnitDef(
                f"{kode}-SEK",
                f"Sekretariat {singkat or nama}",
                JenisUnit.SEKRETARIAT,
                kode,
                sekretaris,
                tuple(staf_sekretariat),
                bidang_pendidikan=pendidikan,
            )
        )
    for suffix, nama_bidang, jenis_bidang, staf in bidang:
        units.append(
            UnitDef(
                f"{kode}-{suffix}",
                nama_bidang,
                jenis_bidang,
                kode,
                f"Kepala {nama_bidang}",
                tuple(staf),
                bidang_pendidikan=pendidikan,
            )
        )
    return units


B, BG, SK = JenisUnit.BIDANG, JenisUnit.BAGIAN, JenisUnit.SEKSI
KELURAHAN = [
    ("KEL-MLY-DS", "Dukuh Sutorejo"),
    ("KEL-MLY-KJ", "Kalijudan"),
    ("KEL-MLY-KS", "Kalisari"),
    ("KEL-MLY-KPT", "Kejawan Putih Tambak"),
    ("KEL-MLY-MS", "Manyar Sabrangan"),
    ("KEL-MLY-MLY", "Mulyorejo"),
]
UNIT_KERJA: list[UnitDef] = [
    *_opd(
        "SETDA",
        "Sekretariat Daerah",
        "Sekretaris Daerah",
        [
            (
                "PEM",
                "Bagian Pemerintahan dan Kesejahteraan Rakyat",
                BG,
                [("Pengolah Data", 1), ("Pengadministrasi Umum", 1), ("Pengelola Layanan Operasional", 2)],
            ),
            (
                "ORG",
                "Bagian Organisasi",
                BG,
                [("Analis SDM Aparatur Ahli Pertama", 1), ("Pengolah Data", 1), ("Pengadministrasi Umum", 1)],
            ),
            (
                "HKM",
                "Bagian Hukum dan Kerja Sama",
                BG,
                [("Analis Hukum Ahli Pertama", 2), ("Pengadministrasi Umum", 1)],
            ),
        ],
        sekretaris=None,
        alamat="Jalan Taman Surya No. 1, Surabaya",
    ),
    *_opd(
        "INSPEKTORAT",
        "Inspektorat",
        "Inspektur",
        [
            ("IRBAN1", "Inspektur Pembantu Wilayah I", B, [("Auditor Ahli Pertama", 3), ("Auditor Ahli Muda", 1)]),
        ],
        sekretaris="Sekretaris Inspektorat",
        staf_sekretariat=(("Pengadministrasi Umum", 1), ("Arsiparis Terampil", 1)),
        pendidikan="akuntansi",
    ),
    *_opd(
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        [
            (
                "MP",
                "Bidang Mutasi dan Promosi",
                B,
                [("Analis SDM Aparatur Ahli Muda", 1), ("Analis SDM Aparatur Ahli Pertama", 3), ("Pengolah Data", 1)],
            ),
            (
                "PK",
                "Bidang Pengembangan Kompetensi",
                B,
                [("Analis SDM Aparatur Ahli Pertama", 2), ("Pengelola Layanan Operasional", 1)],
            ),
            (
                "PPI",
                "Bidang Pengadaan, Pemberhentian dan Informasi",
                B,
                [("Pranata Komputer Ahli Pertama", 2), ("Pengolah Data", 1), ("Analis SDM Aparatur Ahli Pertama", 1)],
            ),
        ],
        singkat="BKPSDM",
        sekretaris="Sekretaris Badan",
        alamat="Jalan Jimerto No. 25-27, Surabaya",
        pendidikan="sdm",
    ),
    *_opd(
        "DISDIK",
        "Dinas Pendidikan",
        "Kepala Dinas Pendidikan",
        [
            ("SD", "Bidang Pembinaan Sekolah Dasar", B, [("Pengolah Data", 1), ("Pengelola Layanan Operasional", 2)]),
            (
                "SMP",
                "Bidang Pembinaan Sekolah Menengah Pertama",
                B,
                [("Pengolah Data", 1), ("Pengelola Layanan Operasional", 2)],
            ),
            (
                "GTK",
                "Bidang Guru dan Tenaga Kependidikan",
                B,
                [("Analis SDM Aparatur Ahli Pertama", 2), ("Pengolah Data", 1)],
            ),
        ],
        pendidikan="guru",
    ),
    UnitDef("SDN-KALISARI-1", "SDN Kalisari I", JenisUnit.SEKOLAH, "DISDIK", "Kepala Sekolah", STAF_SEKOLAH),
    UnitDef("SDN-MULYOREJO-1", "SDN Mulyorejo I", JenisUnit.SEKOLAH, "DISDIK", "Kepala Sekolah", STAF_SEKOLAH),
    UnitDef("SDN-KPT-1", "SDN Kejawan Putih Tambak I", JenisUnit.SEKOLAH, "DISDIK", "Kepala Sekolah", STAF_SEKOLAH),
    *_opd(
        "DINKES",
        "Dinas Kesehatan",
        "Kepala Dinas Kesehatan",
        [
            (
                "KESMAS",
                "Bidang Kesehatan Masyarakat",
                B,
                [("Penyuluh Kesehatan Masyarakat Ahli Pertama", 2), ("Pengolah Data", 1)],
            ),
            (
                "P2P",
                "Bidang Pencegahan dan Pengendalian Penyakit",
                B,
                [("Epidemiolog Kesehatan Ahli Pertama", 2), ("Pengolah Data", 1)],
            ),
            (
                "YANKES",
                "Bidang Pelayanan Kesehatan",
                B,
                [("Dokter Ahli Muda", 1), ("Perawat Ahli Pertama", 1), ("Pengelola Layanan Operasional", 1)],
            ),
        ],
        pendidikan="kesmas",
    ),
    UnitDef(
        "PKM-MLY",
        "Puskesmas Mulyorejo",
        JenisUnit.PUSKESMAS,
        "DINKES",
        "Kepala Puskesmas",
        (
            ("Dokter Ahli Pertama", 2),
            ("Dokter Gigi Ahli Pertama", 1),
            ("Perawat Ahli Pertama", 2),
            ("Perawat Terampil", 4),
            ("Bidan Terampil", 4),
            ("Apoteker Ahli Pertama", 1),
            ("Penyuluh Kesehatan Masyarakat Ahli Pertama", 1),
            ("Pengadministrasi Umum", 2),
            ("Pengolah Data", 1),
        ),
        alamat="Jalan Mulyorejo Utara No. 201, Surabaya",
    ),
    *_opd(
        "RSUD-ST",
        "RSUD Surabaya Timur",
        "Direktur Rumah Sakit Umum Daerah",
        [
            (
                "TU",
                "Bagian Tata Usaha RSUD",
                BG,
                [("Pengadministrasi Umum", 2), ("Pengolah Data", 1), ("Arsiparis Terampil", 1)],
            ),
            (
                "YANMED",
                "Bidang Pelayanan Medik dan Keperawatan",
                B,
                [
                    ("Dokter Ahli Pertama", 3),
                    ("Dokter Ahli Muda", 1),
                    ("Perawat Ahli Pertama", 3),
                    ("Perawat Terampil", 6),
                    ("Bidan Terampil", 2),
                    ("Apoteker Ahli Pertama", 1),
                ],
            ),
        ],
        jenis=JenisUnit.RSUD,
        induk="DINKES",
        sekretaris=None,
        pendidikan="kesmas",
    ),
    *_opd(
        "DINSOS",
        "Dinas Sosial",
        "Kepala Dinas Sosial",
        [
            (
                "REHSOS",
                "Bidang Rehabilitasi Sosial",
                B,
                [("Pekerja Sosial Ahli Pertama", 3), ("Pengelola Layanan Operasional", 1)],
            ),
            (
                "LINJAMSOS",
                "Bidang Perlindungan dan Jaminan Sosial",
                B,
                [("Pekerja Sosial Ahli Pertama", 1), ("Pengolah Data", 2)],
            ),
        ],
        pendidikan="sosial",
    ),
    *_opd(
        "DISPENDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        [
            (
                "DAFDUK",
                "Bidang Pelayanan Pendaftaran Penduduk",
                B,
                [("Administrator Database Kependudukan Ahli Pertama", 2), ("Pengelola Layanan Operasional", 3)],
            ),
            (
                "CAPIL",
                "Bidang Pelayanan Pencatatan Sipil",
                B,
                [("Pengelola Layanan Operasional", 2), ("Pengolah Data", 1)],
            ),
        ],
    ),
    *_opd(
        "DISHUB",
        "Dinas Perhubungan",
        "Kepala Dinas Perhubungan",
        [
            ("LL", "Bidang Lalu Lintas", B, [("Pengelola Layanan Operasional", 3), ("Pengolah Data", 1)]),
            (
                "SARPRAS",
                "Bidang Sarana dan Prasarana Perhubungan",
                B,
                [("Penguji Kendaraan Bermotor Terampil", 2), ("Pengadministrasi Umum", 1)],
            ),
        ],
        pendidikan="teknik",
    ),
    *_opd(
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "Kepala Dinas Komunikasi dan Informatika",
        [
            (
                "APTIKA",
                "Bidang Aplikasi Informatika",
                B,
                [("Pranata Komputer Ahli Pertama", 4), ("Pranata Komputer Terampil", 1)],
            ),
            (
                "IKP",
                "Bidang Informasi dan Komunikasi Publik",
                B,
                [("Pranata Hubungan Masyarakat Ahli Pertama", 2), ("Pengolah Data", 1)],
            ),
        ],
        pendidikan="it",
    ),
    *_opd(
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "Kepala Satuan Polisi Pamong Praja",
        [
            (
                "TRANTIBUM",
                "Bidang Ketenteraman dan Ketertiban Umum",
                B,
                [("Polisi Pamong Praja Terampil", 4), ("Polisi Pamong Praja Ahli Pertama", 1)],
            ),
            ("GAKDA", "Bidang Penegakan Peraturan Daerah", B, [("Polisi Pamong Praja Terampil", 4)]),
        ],
        singkat="Satpol PP",
        sekretaris="Sekretaris Satuan Polisi Pamong Praja",
        pendidikan="pamong",
    ),
    *_opd(
        "KEC-MLY",
        "Kecamatan Mulyorejo",
        "Camat",
        [
            ("PEM", "Seksi Pemerintahan", SK, [("Pengelola Layanan Operasional", 2)]),
            (
                "KESOS",
                "Seksi Kesejahteraan Sosial",
                SK,
                [("Pengelola Layanan Operasional", 1), ("Pekerja Sosial Ahli Pertama", 1)],
            ),
            ("TRANTIB", "Seksi Ketenteraman dan Ketertiban", SK, [("Polisi Pamong Praja Terampil", 2)]),
            ("EKBANG", "Seksi Ekonomi dan Pembangunan", SK, [("Pengolah Data", 1)]),
        ],
        jenis=JenisUnit.KECAMATAN,
        sekretaris="Sekretaris Kecamatan",
        pendidikan="pamong",
        staf_sekretariat=(("Pengadministrasi Umum", 2), ("Pengolah Data", 1), ("Arsiparis Terampil", 1)),
        alamat="Jalan Raya Mulyorejo No. 2, Surabaya",
    ),
    *[
        UnitDef(kode, f"Kelurahan {nama}", JenisUnit.KELURAHAN, "KEC-MLY", "Lurah", STAF_KELURAHAN)
        for kode, nama in KELURAHAN
    ],
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
UNIT = {u.kode: u for u in UNIT_KERJA}
# Head posts that only a specialist would have held (kept out of generic career paths).
KEPALA_KHUSUS = {"Kepala Puskesmas", "Direktur Rumah Sakit Umum Daerah", "Kepala Sekolah"}

# --- People: names, education, ranks ------------------------------------------------------


def _daftar(teks: str) -> list[str]:
    return [x.strip() for x in teks.split(",")]


# (given names, family or second names) per origin and gender. Surabaya is mostly Javanese,
# with many Madurese, Arab-descended (Ampel) and Chinese-Indonesian residents.
NAMA = {
    "jawa": {
        "L": (
            _daftar(
                "Agus, Bambang, Budi, Dwi, Eko, Heru, Joko, Slamet, Sugeng, Teguh, Wahyu, Bayu, Sigit, Yudi, "
                "Hari, Tri, Setyo, Anang, Didik, Edi, Gatot, Imam, Rudi, Yoga, Adi, Dimas, Galih, Aris, Catur, "
                "Wisnu, Rizal, Fajar, Arif, Dedi"
            ),
            _daftar(
                "Santoso, Prasetyo, Wibowo, Susanto, Nugroho, Saputro, Kurniawan, Setiawan, Purnomo, Utomo, "
                "Wicaksono, Hartono, Sutrisno, Hidayat, Prakoso, Widodo, Suryono, Purwanto, Raharjo, Pamungkas, "
                "Firmansyah, Suharto, Sasongko, Priyambodo, Cahyono"
            ),
        ),
        "P": (
            _daftar(
                "Sri, Endang, Retno, Wulan, Ayu, Dewi, Ratna, Yuliani, Kartika, Indah, Novi, Puji, Tri, Dwi, "
                "Rina, Diah, Eka, Nanik, Sulis, Yuni, Rahmawati, Lilik, Anik, Wahyuni, Tutik, Febri, Intan, "
                "Putri, Rini, Dyah, Mega, Titik"
            ),
            _daftar(
                "Wulandari, Lestari, Rahayu, Handayani, Purwaningsih, Setyaningsih, Susanti, Anggraini, "
                "Kusumawati, Pratiwi, Maharani, Astuti, Ayuningtyas, Widyastuti, Suryaningsih, Rahmawati, "
                "Puspitasari, Utami, Hastuti, Kurniasari, Novitasari, Sulistyowati"
            ),
        ),
    },
    "madura": {
        "L": (
            _daftar("Moh., Ach., Abd., Mat, Moh., Ahmad, Abdul"),
            _daftar(
                "Holili, Sahrawi, Subairi, Busiri, Juhari, Mas'ud, Fathorrahman, Syaiful, Zainuri, Hosnan, "
                "Rasyidi, Sholeh, Baidowi, Qusyairi, Hasyim, Syamsul Arifin, Imam Baihaqi"
            ),
        ),
        "P": (
            _daftar("Siti, Nur, Ummi, Hosnol, Fatimatuz, Maimunah, Badriyah, Sumiyati, Holifah"),
            _daftar(
                "Holifah, Hasanah, Kalsum, Khotimah, Zahro, Aisyah, Rohmah, Maryam, Faridah, Muthmainnah, Sa'diyah"
            ),
        ),
    },
    "arab": {
        "L": (
            _daftar(
                "Ahmad, Muhammad, Abdullah, Faisal, Hasan, Umar, Zainal, Ali, Yusuf, Ibrahim, Hamzah, Husein, "
                "Salim, Fuad, Rizky, Ilham, Fikri, Farid"
            ),
            _daftar(
                "Fauzi, Basri, Abidin, Akbar, Assegaf, Alatas, Alaydrus, Baswedan, Bahasuan, Al Habsyi, Rahman, "
                "Hakim, Maulana, Amrullah, Syahputra, Nurdin"
            ),
        ),
        "P": (
            _daftar(
                "Fatimah, Aisyah, Khadijah, Nurul, Zahra, Laila, Salma, Syarifah, Aminah, Annisa, Nabila, Zulfa, "
                "Hafshah"
            ),
            _daftar("Huda, Aminah, Assegaf, Alatas, Azizah, Nuraini, Fitriyah, Zakiyah, Rahma, Hanum"),
        ),
    },
    "tionghoa": {
        "L": (
            _daftar(
                "Hendra, Andreas, Steven, Yohanes, Kevin, Sugianto, Hartono, Rudy, Jonathan, Wilson, Christian, "
                "Gunawan, Felix, Antonius"
            ),
            _daftar(
                "Wijaya, Tanuwijaya, Gunawan, Halim, Tanoto, Setiadi, Salim, Kurniawan, Tjahjadi, Santoso, "
                "Hartanto, Sutanto, Lim, Tjandra"
            ),
        ),
        "P": (
            _daftar(
                "Lanny, Melinda, Jessica, Yuliana, Lily, Veronika, Ivana, Sherly, Stefanie, Natalia, Meilani, Fransiska"
            ),
            _daftar("Susanto, Halim, Wijaya, Tanujaya, Hartanto, Gunawan, Salim, Tjandra, Setiawan, Kusuma"),
        ),
    },
    "lain": {
        "L": (
            _daftar("Yohanes, Robert, Daniel, Markus, Petrus, Samuel, Benny, Ronald"),
            _daftar("Simanjuntak, Siregar, Manurung, Pattiasina, Rumondor, Tanamal, Sitorus, Lumbantobing"),
        ),
        "P": (
            _daftar("Maria, Elisabeth, Theresia, Yosefina, Ruth, Debora, Grace"),
            _daftar("Simanjuntak, Siregar, Pattiasina, Rumondor, Manurung, Tambunan, Nainggolan"),
        ),
    },
}
ASAL = [("jawa", 58), ("madura", 14), ("arab", 14), ("tionghoa", 8), ("lain", 6)]
TEMPAT_LAHIR = ["Surabaya"] * 8 + _daftar(
    "Sidoarjo, Gresik, Bangkalan, Sumenep, Pamekasan, Sampang, Malang, Lamongan, Mojokerto, Jombang, Kediri, "
    "Madiun, Tuban, Pasuruan, Probolinggo, Jember, Blitar, Ngawi, Semarang"
)
# Mobile prefixes after "08" (Telkomsel, Indosat, XL, Smartfren). The list keeps 91 entries so the
# seeded random draws, and with them the rest of the demo data, stay as they were.
PREFIKS_HP = _daftar("11, 12, 13, 21, 52, 56, 57, 77, 95") * 8 + _daftar(
    "11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 51, 52, 53, 55, 56, 57, 58"
)

GOLONGAN = list(PANGKAT_PNS)  # I/a .. IV/e
GOL = {g: i for i, g in enumerate(GOLONGAN)}

# Education families: (entry level, [(school, degree)]) and master's degrees some earn later.
# Entry level fixes the starting rank: SMA II/a, D-III II/c, S-1/D-IV III/a, dokter III/b.
S1_UMUM = [
    ("S-1 Administrasi Publik", "S.AP."),
    ("S-1 Ilmu Administrasi Negara", "S.Sos."),
    ("S-1 Manajemen", "S.E."),
    ("S-1 Ilmu Pemerintahan", "S.IP."),
    ("S-1 Ilmu Hukum", "S.H."),
    ("S-1 Akuntansi", "S.E."),
]
PENDIDIKAN = {
    "umum": (
        "S1",
        S1_UMUM,
        [("S-2 Administrasi Publik", "M.AP."), ("S-2 Manajemen", "M.M."), ("S-2 Ilmu Administrasi", "M.Si.")],
    ),
    "pamong": (
        "S1",
        [
            ("D-IV Ilmu Pemerintahan (IPDN)", "S.STP."),
            ("S-1 Ilmu Pemerintahan", "S.IP."),
            ("S-1 Administrasi Publik", "S.AP."),
        ],
        [("S-2 Ilmu Pemerintahan", "M.Si."), ("S-2 Administrasi Publik", "M.AP.")],
    ),
    "sdm": (
        "S1",
        [("S-1 Psikologi", "S.Psi."), ("S-1 Administrasi Publik", "S.AP."), ("S-1 Manajemen", "S.E.")],
        [("S-2 Psikologi", "M.Psi."), ("S-2 Manajemen", "M.M."), ("S-2 Administrasi Publik", "M.AP.")],
    ),
    "akuntansi": (
        "S1",
        [("S-1 Akuntansi", "S.E."), ("S-1 Akuntansi", "S.Ak.")],
        [("S-2 Akuntansi", "M.Ak."), ("S-2 Manajemen", "M.M.")],
    ),
    "hukum": ("S1", [("S-1 Ilmu Hukum", "S.H.")], [("S-2 Ilmu Hukum", "M.H.")]),
    "sosial": (
        "S1",
        [("S-1 Kesejahteraan Sosial", "S.Sos."), ("S-1 Sosiologi", "S.Sos."), ("S-1 Psikologi", "S.Psi.")],
        [("S-2 Ilmu Kesejahteraan Sosial", "M.Si.")],
    ),
    "komunikasi": (
        "S1",
        [("S-1 Ilmu Komunikasi", "S.I.Kom."), ("S-1 Ilmu Komunikasi", "S.Sos.")],
        [("S-2 Ilmu Komunikasi", "M.I.Kom.")],
    ),
    "it": (
        "S1",
        [("S-1 Teknik Informatika", "S.Kom."), ("S-1 Sistem Informasi", "S.Kom."), ("S-1 Teknik Elektro", "S.T.")],
        [("S-2 Teknik Informatika", "M.Kom."), ("S-2 Manajemen", "M.M.")],
    ),
    "teknik": (
        "S1",
        [("S-1 Teknik Sipil", "S.T."), ("S-1 Perencanaan Wilayah dan Kota", "S.T.")],
        [("S-2 Teknik Sipil", "M.T."), ("S-2 Manajemen", "M.M.")],
    ),
    "kesmas": ("S1", [("S-1 Kesehatan Masyarakat", "S.K.M.")], [("S-2 Kesehatan Masyarakat", "M.Kes.")]),
    "guru": (
        "S1",
        [
            ("S-1 Pendidikan Guru Sekolah Dasar", "S.Pd."),
            ("S-1 Pendidikan Bahasa Indonesia", "S.Pd."),
            ("S-1 Pendidikan Matematika", "S.Pd."),
            ("S-1 Pendidikan Agama Islam", "S.Pd.I."),
            ("S-1 Pendidikan Bahasa Inggris", "S.Pd."),
        ],
        [("S-2 Manajemen Pendidikan", "M.Pd.")],
    ),
    "dokter": (
        "DOKTER",
        [("S-1 Pendidikan Dokter", "dr.")],
        [("S-2 Kesehatan Masyarakat", "M.Kes."), ("S-2 Manajemen Rumah Sakit", "M.M.R.S.")],
    ),
    "dokter_gigi": ("DOKTER", [("S-1 Kedokteran Gigi", "drg.")], [("S-2 Kesehatan Masyarakat", "M.Kes.")]),
    "ners": ("S1", [("S-1 Keperawatan (Profesi Ners)", "S.Kep., Ns.")], [("S-2 Keperawatan", "M.Kep.")]),
    "apoteker": ("S1", [("Profesi Apoteker", "S.Farm., Apt.")], [("S-2 Farmasi", "M.Farm.")]),
    "perawat_d3": ("D3", [("D-III Keperawatan", "A.Md.Kep.")], []),
    "bidan": ("D3", [("D-III Kebidanan", "A.Md.Keb.")], []),
    "it_d3": ("D3", [("D-III Manajemen Informatika", "A.Md.Kom."), ("D-III Teknik Komputer", "A.Md.T.")], []),
    "d3_umum": ("D3", [("D-III Kearsipan", "A.Md."), ("D-III Administrasi Perkantoran", "A.Md.")], []),
    "teknik_d3": ("D3", [("D-III Teknik Otomotif", "A.Md.T."), ("D-III Transportasi Darat", "A.Md.Tra.")], []),
    "sma": ("SMA", [("SMA", ""), ("SMK", "")], []),
}
AWAL_GOLONGAN = {"SMA": "II/a", "D3": "II/c", "S1": "III/a", "DOKTER": "III/b"}
PUNCAK_PELAKSANA = {"SMA": "III/b", "D3": "III/c", "S1": "III/d", "DOKTER": "III/d"}
USIA_MASUK = {"SMA": (19, 26), "D3": (21, 28), "S1": (22, 30), "DOKTER": (25, 31)}
GOLONGAN_JENJANG = {
    JJ.JPT_PRATAMA: ("IV/c", "IV/d"),
    JJ.AHLI_PERTAMA: ("III/a", "III/b"),
    JJ.AHLI_MUDA: ("III/c", "III/d"),
    JJ.AHLI_MADYA: ("IV/a", "IV/c"),
    JJ.TERAMPIL: ("II/c", "II/d"),
}
GOLONGAN_JENIS = {A: ("IV/a", "IV/b"), P: ("III/c", "III/d")}
PPPK_GOLONGAN = {"SMA": "V", "D3": "VII", "S1": "IX", "DOKTER": "X"}
# Share of S-2 holders by kind of post.
PORSI_S2 = {J: 0.9, A: 0.6, P: 0.3, F: 0.12, L: 0.03}

# Sanctions of PP 94/2021: (tingkat, jenis, start in months from today, duration in months). Light
# sanctions are one-off acts (start = end); some sanctions are still running today, some are over.
HUKUMAN = [
    (TingkatHukuman.RINGAN, "Teguran tertulis", -8, 0),
    (TingkatHukuman.RINGAN, "Pernyataan tidak puas secara tertulis", -2, 0),
    (TingkatHukuman.SEDANG, "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", -3, 6),
    (TingkatHukuman.SEDANG, "Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan", -20, 9),
    (TingkatHukuman.BERAT, "Penurunan jabatan setingkat lebih rendah selama 12 bulan", -5, 12),
    (TingkatHukuman.RINGAN, "Teguran lisan", -14, 0),
]


# --- Building the plan in memory ----------------------------------------------------------


@dataclass
class Orang:
    unit: str
    jabatan: str
    nip: str = ""
    status: str = StatusAsn.PNS
    nama: str = ""
    gelar_depan: str = ""
    gelar_belakang: str = ""
    jenis_kelamin: str = "L"
    tanggal_lahir: date | None = None
    tempat_lahir: str = ""
    golongan: str = ""
    pendidikan: str = ""
    tmt: date | None = None  # TMT CPNS (PNS) or appointment (PPPK)
    riwayat: list[tuple[str, str, date, date | None, str]] = field(default_factory=list)
    kompetensi: list[str] = field(default_factory=list)
    kategori: str = "normal"  # how long in the current post: baru (<2 y), normal (2-5 y), lama (>5 y)
    akun: str | None = None  # demo role


# The five demo people: fixed identity; history is generated like everyone else's.
ORANG_DEMO = {
    "ppk": {
        "unit": "SETDA",
        "jabatan": "Sekretaris Daerah",
        "nama": "Ikhsan",
        "gelar_depan": "Drs.",
        "gelar_belakang": "M.Si.",
        "golongan": "IV/d",
        "pendidikan": "S-2 Ilmu Administrasi",
        "tempat_lahir": "Surabaya",
    },
    "hr": {
        "unit": "BKPSDM-MP",
        "jabatan": "Analis SDM Aparatur Ahli Muda",
        "nama": "Rina Wulandari",
        "gelar_belakang": "S.Psi.",
        "golongan": "III/d",
        "pendidikan": "S-1 Psikologi",
        "tempat_lahir": "Sidoarjo",
    },
    "kepala": {
        "unit": "KEC-MLY",
        "jabatan": "Camat",
        "nama": "Hendro Gunawan",
        "gelar_belakang": "S.STP., M.Si.",
        "golongan": "IV/b",
        "pendidikan": "S-2 Ilmu Pemerintahan",
        "tempat_lahir": "Malang",
    },
    "kepala_pkm": {
        "unit": "PKM-MLY",
        "jabatan": "Kepala Puskesmas",
        "nama": "Laksmi Ayuningtyas",
        "gelar_depan": "dr.",
        "golongan": "IV/a",
        "pendidikan": "S-1 Pendidikan Dokter",
        "tempat_lahir": "Surabaya",
    },
    "pegawai": {
        "unit": "KEL-MLY-KS",
        "jabatan": "Pengolah Data",
        "nama": "Ahmad Fauzi",
        "gelar_belakang": "S.AP.",
        "golongan": "III/c",
        "pendidikan": "S-1 Administrasi Publik",
        "tempat_lahir": "Bangkalan",
    },
}


def _awal_bulan(d: date) -> date:
    return d.replace(day=1)


def _tahun_lalu(d: date, tahun: float) -> date:
    return d - timedelta(days=round(tahun * 365.25))


class Perencana:
    """Makes the list of people (in memory, no database) from a seeded random generator."""

    def __init__(self, hari_ini: date, seed: int = SEED):
        self.rnd = random.Random(seed)
        self.hari_ini = hari_ini
        self.nip_dipakai: set[str] = set(AKUN.values())
        self.nama_dipakai: set[str] = {d["nama"] for d in ORANG_DEMO.values()}
        self.unit_jabatan: dict[str, list[str]] = {}  # position -> units where it exists
        for u in UNIT_KERJA:
            self.unit_jabatan.setdefault(u.kepala, []).append(u.kode)
            for jab, _n in u.staf:
                if u.kode not in self.unit_jabatan.setdefault(jab, []):
                    self.unit_jabatan[jab].append(u.kode)

    # -- slots ------------------------------------------------------------------
    def slot(self) -> list[Orang]:
        orang = []
        demo = {(d["unit"], d["jabatan"]): peran for peran, d in ORANG_DEMO.items()}
        for u in UNIT_KERJA:
            for jab, n in ((u.kepala, 1), *u.staf):
                for _ in range(n):
                    peran = demo.pop((u.kode, jab), None)
                    orang.append(Orang(unit=u.kode, jabatan=jab, akun=peran))
        assert not demo, f"demo people without a slot: {demo}"
        return orang

    def rencana(self) -> list[Orang]:
        rnd = self.rnd
        orang = self.slot()
        # PPPK: a share of the positions PPPK are appointed to, never heads or demo people.
        calon = [o for o in orang if JABATAN[o.jabatan].pppk and not o.akun]
        bobot = {F: 1.0, L: 0.35}
        calon.sort(key=lambda o: rnd.random() / bobot[JABATAN[o.jabatan].jenis])
        for o in calon[: round(PPPK_PORSI * len(orang))]:
            o.status = StatusAsn.PPPK
        # How long each has been in the current post: a few overdue for rotation, some new.
        for o in orang:
            x = rnd.random()
            o.kategori = "lama" if x < 0.09 else "baru" if x < 0.30 else "normal"
        for o in orang:
            if o.akun:
                self._isi_demo(o)
            elif o.status == StatusAsn.PPPK:
                self._isi_pppk(o)
            else:
                self._isi_pns(o)
            self._isi_kompetensi(o)
        return orang

    # -- identity ------------------------------------------------------------------
    def _nama(self, kelamin: str) -> str:
        """A unique two-word name (some Javanese get a third), of a random origin."""
        rnd = self.rnd
        asal = rnd.choices([a for a, _ in ASAL], weights=[w for _, w in ASAL])[0]
        depan, belakang = NAMA[asal][kelamin]
        for _ in range(100):
            kata = [rnd.choice(depan), rnd.choice(belakang)]
            if asal == "jawa" and rnd.random() < 0.12:
                kata.append(rnd.choice(belakang))
            if len(set(kata)) < len(kata):
                continue
            nama = " ".join(kata)
            if nama not in self.nama_dipakai:
                self.nama_dipakai.add(nama)
                return nama
        raise RuntimeError("nama demo habis")

    def _nip_pns(self, lahir: date, tmt: date, kelamin: str) -> str:
        for urut in [1, 1, 1, 2, 3, 4, 5, *range(6, 999)]:
            nip = f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if kelamin == 'L' else '2'}{urut:03d}"
            if nip not in self.nip_dipakai:
                self.nip_dipakai.add(nip)
                return nip
        raise RuntimeError("NIP demo habis")

    def _nip_pppk(self, lahir: date, tahun: int, kelamin: str) -> str:
        # Birth date + appointment year + 2 digits (the formation year) + gender + sequence.
        for urut in range(self.rnd.randint(1, 60), 999):
            nip = f"{lahir:%Y%m%d}{tahun}{(tahun - 1) % 100:02d}{'1' if kelamin == 'L' else '2'}{urut:03d}"
            if nip not in self.nip_dipakai:
                self.nip_dipakai.add(nip)
                return nip
        raise RuntimeError("NI PPPK demo habis")

    def _kunci_pendidikan(self, o: Orang, jab: JabatanDef) -> str:
        """The education family (key of PENDIDIKAN) for someone holding `jab` in `o.unit`."""
        rnd = self.rnd
        kunci = jab.pendidikan
        if kunci == "pelaksana":
            kunci = rnd.choices(["sma", "d3_umum", "umum"], weights=[45, 20, 35])[0]
        elif kunci == "pelaksana_d3":
            kunci = rnd.choices(["sma", "it_d3", "umum", "it"], weights=[15, 30, 40, 15])[0]
        elif jab.kepala and kunci == "umum":
            kunci = UNIT[o.unit].bidang_pendidikan
            if kunci in ("dokter", "kesmas") and jab.jenis == A:
                kunci = rnd.choice(["kesmas", "umum"])
        return kunci

    def _gelar(self, o: Orang, jab: JabatanDef, kunci: str, *, boleh_s2: bool = True) -> None:
        """Education and titles; needs the birth date (older graduates carry Drs./Dra.)."""
        rnd = self.rnd
        level, sekolah, magister = PENDIDIKAN[kunci]
        o.pendidikan, gelar = rnd.choice(sekolah)
        if gelar in ("dr.", "drg."):
            o.gelar_depan, gelar = gelar, ""
        elif level == "S1" and o.tanggal_lahir.year < 1970 and gelar in ("S.Sos.", "S.E."):
            o.gelar_depan, gelar = ("Drs." if o.jenis_kelamin == "L" else "Dra."), ""  # degrees before 1993
        if boleh_s2 and magister and rnd.random() < PORSI_S2.get(jab.jenis, 0):
            o.pendidikan, gelar_s2 = rnd.choice(magister)
            gelar = f"{gelar}, {gelar_s2}" if gelar else gelar_s2
        o.gelar_belakang = gelar

    # -- PNS -------------------------------------------------------------------------
    def _rentang_golongan(self, jab: JabatanDef, level: str) -> tuple[int, int]:
        if jab.golongan:
            lo, hi = jab.golongan
        elif jab.jenjang in GOLONGAN_JENJANG:
            lo, hi = GOLONGAN_JENJANG[jab.jenjang]
        elif jab.jenis in GOLONGAN_JENIS:
            lo, hi = GOLONGAN_JENIS[jab.jenis]
        else:  # pelaksana: from the entry rank up to the ceiling for the education
            lo, hi = AWAL_GOLONGAN[level], PUNCAK_PELAKSANA[level]
        return GOL[lo], GOL[hi]

    def _isi_pns(self, o: Orang) -> None:
        rnd = self.rnd
        jab = JABATAN[o.jabatan]
        o.jenis_kelamin = (
            "P" if o.jabatan == "Bidan Terampil" else rnd.choices("LP", weights=[6, 4] if jab.kepala else [1, 1])[0]
        )
        o.nama = self._nama(o.jenis_kelamin)
        kunci = self._kunci_pendidikan(o, jab)
        level = PENDIDIKAN[kunci][0]
        awal = GOL[AWAL_GOLONGAN[level]]
        lo, hi = self._rentang_golongan(jab, level)
        lo = max(lo, awal)
        hi = max(hi, lo)
        gol = rnd.randint(lo, hi)
        # A regular promotion every 4 years: the rank tells roughly how long the person has served.
        masa_kerja = max(3, (gol - awal) * 4 + rnd.randint(0, 3))
        if jab.jenis == L and gol == hi:
            masa_kerja += rnd.randint(0, 8)  # stuck at the ceiling for their education
        usia_masuk = rnd.randint(*USIA_MASUK[level])
        batas = 59 if jab.jenis == J else 56
        if usia_masuk + masa_kerja > batas:
            usia_masuk = max(USIA_MASUK[level][0], batas - masa_kerja)
            masa_kerja = min(masa_kerja, batas - usia_masuk)
        tmt = date(self.hari_ini.year - masa_kerja, rnd.choice([1, 2, 3, 4, 12]), 1)
        if tmt > _tahun_lalu(self.hari_ini, 3):
            tmt = date(tmt.year - 1, tmt.month, 1)
        o.tanggal_lahir = date(tmt.year - usia_masuk, rnd.randint(1, 12), rnd.randint(1, 28))
        o.tmt, o.golongan = tmt, GOLONGAN[gol]
        self._gelar(o, jab, kunci)
        o.tempat_lahir = rnd.choice(TEMPAT_LAHIR)
        o.nip = self._nip_pns(o.tanggal_lahir, tmt, o.jenis_kelamin)
        self._riwayat(o)

    def _isi_pppk(self, o: Orang) -> None:
        rnd = self.rnd
        jab = JABATAN[o.jabatan]
        o.jenis_kelamin = "P" if o.jabatan == "Bidan Terampil" else rnd.choice("LP")
        o.nama = self._nama(o.jenis_kelamin)
        kunci = self._kunci_pendidikan(o, jab)
        level = PENDIDIKAN[kunci][0]
        # PPPK appointments: 2019 and yearly since 2021; at least 3 years ago, so there is some history.
        tahun = min(rnd.choice([2019, 2021, 2022, 2022, 2023]), self.hari_ini.year - 3)
        o.tanggal_lahir = date(
            tahun - rnd.randint(USIA_MASUK[level][0] + 2, 42), rnd.randint(1, 12), rnd.randint(1, 28)
        )
        o.tmt = date(tahun, rnd.choice([1, 3, 4]), 1)
        o.golongan = PPPK_GOLONGAN[level]
        self._gelar(o, jab, kunci, boleh_s2=False)
        o.tempat_lahir = rnd.choice(TEMPAT_LAHIR)
        o.nip = self._nip_pppk(o.tanggal_lahir, tahun, o.jenis_kelamin)
        if o.kategori == "lama":
            o.kategori = "normal"
        self._riwayat(o)

    def _isi_demo(self, o: Orang) -> None:
        d = ORANG_DEMO[o.akun]
        o.nip = AKUN[o.akun]
        info = nip_rules.parse(o.nip)
        o.nama, o.gelar_depan, o.gelar_belakang = d["nama"], d.get("gelar_depan", ""), d.get("gelar_belakang", "")
        o.jenis_kelamin, o.tanggal_lahir = info.jenis_kelamin, info.tanggal_lahir
        o.tmt = date(info.tahun_masuk, info.bulan_masuk or 1, 1)
        o.golongan, o.pendidikan, o.tempat_lahir = d["golongan"], d["pendidikan"], d["tempat_lahir"]
        o.kategori = "normal"
        self._riwayat(o)

    # -- position history ---------------------------------------------------------------
    def _jabatan_sebelum(self, nama: str) -> str:
        """A plausible earlier post for someone who now holds `nama`."""
        rnd = self.rnd
        jab = JABATAN[nama]
        khusus = {
            "Camat": ["Sekretaris Kecamatan", "Lurah", "Kepala Bagian Pemerintahan dan Kesejahteraan Rakyat"],
            "Sekretaris Kecamatan": ["Lurah", "Kepala Seksi Pemerintahan"],
            "Lurah": [
                "Sekretaris Kelurahan",
                "Kepala Seksi Pemerintahan",
                "Kepala Seksi Ketenteraman dan Ketertiban",
                "Kepala Seksi Pemerintahan Kelurahan",
            ],
            "Sekretaris Kelurahan": [
                "Kepala Seksi Pemerintahan Kelurahan",
                "Kepala Seksi Kesejahteraan Sosial Kelurahan",
                "Pengolah Data",
            ],
            "Kepala Puskesmas": ["Dokter Ahli Muda", "Dokter Ahli Pertama"],
            "Kepala Sekolah": ["Guru Ahli Muda"],
            "Guru Ahli Muda": ["Guru Ahli Pertama", "Guru Ahli Muda"],
            "Dokter Ahli Muda": ["Dokter Ahli Pertama", "Dokter Ahli Muda"],
            "Analis SDM Aparatur Ahli Muda": ["Analis SDM Aparatur Ahli Pertama"],
            "Auditor Ahli Muda": ["Auditor Ahli Pertama"],
            "Direktur Rumah Sakit Umum Daerah": [
                "Kepala Bidang Pelayanan Medik dan Keperawatan",
                "Kepala Bidang Pelayanan Kesehatan",
            ],
            "Polisi Pamong Praja Ahli Pertama": ["Polisi Pamong Praja Terampil"],
            "Kepala Dinas Kesehatan": ["Direktur Rumah Sakit Umum Daerah", "Kepala Bidang Pelayanan Kesehatan"],
            "Kepala Dinas Pendidikan": ["Kepala Bidang Guru dan Tenaga Kependidikan", "Sekretaris Dinas"],
            "Pranata Komputer Ahli Pertama": ["Pranata Komputer Ahli Pertama", "Pengolah Data"],
        }
        if nama in khusus:
            return rnd.choice(khusus[nama])
        umum = [j for j in JABATAN.values() if j.nama not in KEPALA_KHUSUS]
        if jab.jenis == J:
            return rnd.choice([j.nama for j in umum if j.jenis == A and j.nama != "Camat"])
        if jab.jenis == A:
            jenis = A if rnd.random() < 0.35 else P
            return rnd.choice([j.nama for j in umum if j.jenis == jenis and (j.kepala or jenis == P)])
        if jab.jenis == P:
            if rnd.random() < 0.4:
                return rnd.choice([j.nama for j in umum if j.jenis == P])
            return rnd.choice(["Pengolah Data", "Pengelola Layanan Operasional", "Analis SDM Aparatur Ahli Pertama"])
        pelaksana = [j.nama for j in JABATAN.values() if j.jenis == L]
        if jab.jenis == L or len(self.unit_jabatan.get(nama, [])) < 2:
            return rnd.choice(pelaksana)  # a pelaksana before, or before moving into this functional post
        return nama  # fungsional: the same post in another unit

    def _unit_untuk(self, jabatan: str, kecuali: str) -> str:
        pilihan = [u for u in self.unit_jabatan.get(jabatan, []) if u != kecuali]
        return self.rnd.choice(pilihan) if pilihan else kecuali

    def _riwayat(self, o: Orang) -> None:
        """2-4 contiguous rows covering 2 to ~12 years, the last one open (the current post)."""
        rnd = self.rnd
        hari_ini = self.hari_ini
        masa = (hari_ini - o.tmt).days / 365.25
        lama = {"baru": (0.3, 1.9), "normal": (2.1, 4.9), "lama": (5.2, 8.0)}[o.kategori]
        lama_sekarang = min(rnd.uniform(*lama), masa - 1.0)
        tersedia = min(masa, 11.5) - lama_sekarang  # years left for the earlier rows
        jumlah = min(rnd.choice([1, 2, 2, 3, 3]), max(1, int(tersedia)))
        total = rnd.uniform(max(jumlah * 1.0, 2.0 - lama_sekarang), max(jumlah * 1.0, min(tersedia, jumlah * 4.0)))
        if o.status == StatusAsn.PPPK:
            total = max(jumlah * 1.0, tersedia)  # a PPPK's whole (short) career since appointment
        bobot = [rnd.random() for _ in range(jumlah)]
        sebelum = [1.0 + (total - jumlah) * w / sum(bobot) for w in bobot]  # each at least a year

        baris = []
        mulai = _awal_bulan(_tahun_lalu(hari_ini, lama_sekarang))
        baris.append((o.unit, o.jabatan, mulai, None))
        jabatan, unit = o.jabatan, o.unit
        for tahun in sebelum:
            sampai = mulai - timedelta(days=1)
            mulai = max(_awal_bulan(_tahun_lalu(sampai, tahun)), o.tmt)
            if mulai >= sampai:
                break
            jabatan = self._jabatan_sebelum(jabatan)
            unit = self._unit_untuk(jabatan, kecuali=unit)
            baris.append((unit, jabatan, mulai, sampai))
        baris.reverse()
        # A first row close to the appointment is the appointment itself, in an entry-level post.
        unit, jabatan, mulai, sampai = baris[0]
        if (mulai - o.tmt).days < 200:
            awal = JABATAN[jabatan]
            pertama = jabatan.replace("Ahli Muda", "Ahli Pertama")
            if awal.jenjang == JJ.AHLI_MUDA and pertama in JABATAN:
                jabatan = pertama
            elif awal.kepala or awal.jenis in (J, A, P) or awal.jenjang not in ("", JJ.AHLI_PERTAMA, JJ.TERAMPIL):
                jabatan = rnd.choice(["Pengolah Data", "Pengelola Layanan Operasional", "Pengadministrasi Umum"])
            if jabatan != baris[0][1]:
                unit = self._unit_untuk(jabatan, kecuali=baris[1][0])
            baris[0] = (unit, jabatan, o.tmt, sampai)
            ket = ["Pengangkatan CPNS" if o.status == StatusAsn.PNS else "Pengangkatan PPPK"]
        else:
            ket = ["Mutasi"]
        for (_u, lama_jab, *_), (_u2, baru_jab, *_) in itertools.pairwise(baris):
            lama_def, baru_def = JABATAN[lama_jab], JABATAN[baru_jab]
            naik = baru_def.kelas > lama_def.kelas and (
                baru_def.jenis in (J, A, P) or baru_def.jenjang != lama_def.jenjang
            )
            ket.append("Promosi" if naik else "Mutasi")
        o.riwayat = [(*row, k) for row, k in zip(baris, ket, strict=True)]

    def _isi_kompetensi(self, o: Orang) -> None:
        rnd = self.rnd
        punya = []
        for _unit, jabatan, *_rest in reversed(o.riwayat):
            for k in JABATAN[jabatan].kompetensi:
                if k not in punya and rnd.random() < 0.8:
                    punya.append(k)
        if rnd.random() < 0.3:
            extra = rnd.choice(KOMPETENSI)[0]
            if extra not in punya:
                punya.append(extra)
        o.kompetensi = punya


# --- Writing to the database ---------------------------------------------------------------


def _pastikan_referensi() -> dict[str, int]:
    """Competences, positions and units, created when missing (matched by natural key)."""
    dibuat = {}
    ada = Kompetensi.objects.in_bulk(field_name="nama")
    baru = [Kompetensi(nama=n, jenis=j, deskripsi=d) for n, j, d in KOMPETENSI if n not in ada]
    Kompetensi.objects.bulk_create(baru)
    dibuat["kompetensi"] = len(baru)
    kompetensi = Kompetensi.objects.in_bulk(field_name="nama")

    ada = Jabatan.objects.in_bulk(field_name="nama")
    baru = [
        Jabatan(
            nama=j.nama, jenis=j.jenis, jenjang=j.jenjang, kelas=j.kelas, kepala_unit=j.kepala, deskripsi=j.deskripsi
        )
        for j in JABATAN.values()
        if j.nama not in ada
    ]
    Jabatan.objects.bulk_create(baru)
    dibuat["jabatan"] = len(baru)
    jabatan = Jabatan.objects.in_bulk(field_name="nama")
    if baru:
        lewat = Jabatan.kompetensi.through
        lewat.objects.bulk_create(
            [
                lewat(jabatan_id=jabatan[j.nama].pk, kompetensi_id=kompetensi[k].pk)
                for j in baru
                for k in JABATAN[j.nama].kompetensi
            ]
        )
        baru_nama = {j.nama for j in baru}
        setara = Jabatan.setara.through
        pasangan = [(a, b) for a, b in SETARA if a in baru_nama or b in baru_nama]
        setara.objects.bulk_create(
            [
                setara(from_jabatan_id=jabatan[x].pk, to_jabatan_id=jabatan[y].pk)
                for a, b in pasangan
                for x, y in ((a, b), (b, a))
            ],
            ignore_conflicts=True,
        )

    ada = UnitKerja.objects.in_bulk(field_name="kode")
    baru = 0
    for tingkat in range(4):  # parents before children
        batch = []
        for u in UNIT_KERJA:
            if u.kode in ada or _kedalaman(u) != tingkat:
                continue
            batch.append(
                UnitKerja(
                    kode=u.kode, nama=u.nama, jenis=u.jenis, alamat=u.alamat, induk=ada[u.induk] if u.induk else None
                )
            )
        UnitKerja.objects.bulk_create(batch)
        ada.update({x.kode: x for x in batch})
        baru += len(batch)
    dibuat["unit kerja"] = baru
    return dibuat


def _kedalaman(u: UnitDef) -> int:
    induk = {x.kode: x.induk for x in UNIT_KERJA}
    n, k = 0, u.induk
    while k:
        n, k = n + 1, induk[k]
    return n


def _email(o: Orang) -> str:
    lokal = ".".join(re.sub(r"[^a-z]", "", w) for w in o.nama.lower().split()[:2])
    return f"{lokal.strip('.')}{o.nip[-3:]}@{DOMAIN_EMAIL}"


def _simpan_orang(orang: list[Orang]) -> dict[str, int]:
    rnd = random.Random(SEED + 1)
    hari_ini = timezone.localdate()
    unit = UnitKerja.objects.in_bulk(field_name="kode")
    jabatan = Jabatan.objects.in_bulk(field_name="nama")
    kompetensi = Kompetensi.objects.in_bulk(field_name="nama")
    ada = set(Pegawai.objects.filter(nip__in=[o.nip for o in orang]).values_list("nip", flat=True))
    orang = [o for o in orang if o.nip not in ada]

    pegawai = [
        Pegawai(
            nip=o.nip,
            status=o.status,
            nama=o.nama,
            gelar_depan=o.gelar_depan,
            gelar_belakang=o.gelar_belakang,
            jenis_kelamin=o.jenis_kelamin,
            tempat_lahir=o.tempat_lahir,
            tanggal_lahir=o.tanggal_lahir,
            golongan=o.golongan,
            pendidikan=o.pendidikan,
            email=_email(o),
            telepon=f"08{rnd.choice(PREFIKS_HP)}{rnd.randint(10**7, 10**8 - 1)}",
        )
        for o in orang
    ]
    Pegawai.objects.bulk_create(pegawai, batch_size=500)
    per_nip = {p.nip: p for p in pegawai}

    riwayat = []
    for o in orang:
        p = per_nip[o.nip]
        for kode, jab, mulai, sampai, ket in o.riwayat:
            tgl_sk = mulai - timedelta(days=rnd.randint(7, 30))
            riwayat.append(
                RiwayatJabatan(
                    pegawai=p,
                    unit=unit[kode],
                    jabatan=jabatan[jab],
                    mulai=mulai,
                    sampai=sampai,
                    nomor_sk=f"821.2/{rnd.randint(100, 9999):04d}/436.7.2/{tgl_sk.year}",
                    tanggal_sk=tgl_sk,
                    keterangan=ket,
                )
            )
    RiwayatJabatan.objects.bulk_create(riwayat, batch_size=1000)

    lewat = Pegawai.kompetensi.through
    lewat.objects.bulk_create(
        [lewat(pegawai_id=per_nip[o.nip].pk, kompetensi_id=kompetensi[k].pk) for o in orang for k in o.kompetensi],
        batch_size=1000,
    )

    # Unit heads: the holder of each unit's head post.
    kepala = []
    for o in orang:
        if JABATAN[o.jabatan].kepala and unit[o.unit].kepala_id is None:
            unit[o.unit].kepala = per_nip[o.nip]
            kepala.append(unit[o.unit])
    UnitKerja.objects.bulk_update(kepala, ["kepala"])

    # Yearly performance for the last three years (most employees; a few records are missing).
    kinerja, dihukum = [], _pilih_dihukum(orang, rnd)
    for o in orang:
        if rnd.random() < 0.07 and not o.akun:
            continue
        for tahun in range(hari_ini.year - 3, hari_ini.year):
            if tahun < o.tmt.year:
                continue
            if o.nip in dihukum:
                pred = rnd.choices([Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG], [3, 4, 3])[0]
            elif o.akun:
                pred = Predikat.BAIK if tahun % 2 else Predikat.SANGAT_BAIK
            else:
                pred = rnd.choices(
                    [
                        Predikat.SANGAT_BAIK,
                        Predikat.BAIK,
                        Predikat.BUTUH_PERBAIKAN,
                        Predikat.KURANG,
                        Predikat.SANGAT_KURANG,
                    ],
                    [16, 70, 10, 3, 1],
                )[0]
            kinerja.append(KinerjaTahunan(pegawai=per_nip[o.nip], tahun=tahun, predikat=pred))
    KinerjaTahunan.objects.bulk_create(kinerja, batch_size=1000)

    hukuman = []
    for (tingkat, jenis, mulai_bulan, lama_bulan), nip in zip(HUKUMAN, dihukum, strict=False):
        mulai = _awal_bulan(hari_ini + timedelta(days=30 * mulai_bulan))
        selesai = mulai + timedelta(days=round(30.44 * lama_bulan))
        hukuman.append(
            HukumanDisiplin(
                pegawai=per_nip[nip],
                tingkat=tingkat,
                jenis=jenis,
                mulai=mulai,
                selesai=selesai,
                nomor_sk=f"800.1.6/{rnd.randint(10, 999):03d}/436.7.2/{mulai.year}",
                keterangan="Pelanggaran ketentuan jam kerja."
                if tingkat == TingkatHukuman.RINGAN
                else "Pelanggaran kewajiban menaati ketentuan peraturan perundang-undangan.",
            )
        )
    HukumanDisiplin.objects.bulk_create(hukuman)

    akun = _buat_akun(per_nip)
    return {
        "pegawai": len(pegawai),
        "PPPK": sum(o.status == StatusAsn.PPPK for o in orang),
        "riwayat jabatan": len(riwayat),
        "kepala unit": len(kepala),
        "kinerja tahunan": len(kinerja),
        "hukuman disiplin": len(hukuman),
        "akun": akun,
    }


def _pilih_dihukum(orang: list[Orang], rnd: random.Random) -> list[str]:
    calon = [o.nip for o in orang if not o.akun and not JABATAN[o.jabatan].kepala and o.status == StatusAsn.PNS]
    return rnd.sample(calon, min(len(HUKUMAN), len(calon)))


def _buat_akun(per_nip: dict[str, Pegawai]) -> int:
    """The demo accounts: password set directly (no activation mail), already activated."""
    if not all(nip in per_nip for nip in AKUN.values()):
        return 0
    sandi = make_password(DEMO_PASSWORD)  # one hash for all five: hashing is slow by design
    sekarang = timezone.now()
    peran = {"hr": Peran.HR, "ppk": Peran.PPK}
    users = []
    for role, nip in AKUN.items():
        p = per_nip[nip]
        user = User(
            nip=nip,
            email=p.email,
            peran=peran.get(role, Peran.PEGAWAI),
            password=sandi,
            is_active=True,
            diaktifkan=sekarang,
            is_staff=role == "hr",
            is_superuser=role == "hr",
        )
        users.append(user)
    ada = set(User.objects.filter(nip__in=AKUN.values()).values_list("nip", flat=True))
    User.objects.bulk_create([u for u in users if u.nip not in ada])
    per_user = User.objects.in_bulk([u.nip for u in users], field_name="nip")
    ubah = []
    for nip, user in per_user.items():
        p = per_nip[nip]
        p.akun = user
        ubah.append(p)
    Pegawai.objects.bulk_update(ubah, ["akun"])
    return len(users) - len(ada)


@transaction.atomic
def organisasi(stdout) -> None:
    """Units, positions, competences and about 300 employees of Kota Surabaya."""
    hasil = _pastikan_referensi()
    if Pegawai.objects.filter(nip=AKUN["hr"]).exists():
        stdout.write("  pegawai demo sudah ada: tidak ada yang ditambahkan")
    else:
        orang = Perencana(timezone.localdate()).rencana()
        hasil.update(_simpan_orang(orang))
    for nama, n in hasil.items():
        stdout.write(f"  {nama:<18} {n:>5} baru")
    stdout.write(
        f"  sekarang: {UnitKerja.objects.count()} unit kerja, {Jabatan.objects.count()} jabatan, "
        f"{Pegawai.objects.count()} pegawai"
    )


def akun_demo() -> list[dict[str, str]]:
    """The demo accounts as rows for printing: role, name, NIP, unit, password."""
    pegawai = {p.nip: p for p in Pegawai.objects.with_posisi().filter(nip__in=AKUN.values())}
    baris = []
    for role, nip in AKUN.items():
        p = pegawai.get(nip)
        posisi = p.posisi_sekarang if p else None
        baris.append(
            {
                "peran": role,
                "nama": p.nama_lengkap if p else "(belum ada)",
                "nip": nip_rules.tampil(nip),
                "jabatan": f"{posisi.jabatan} - {posisi.unit}" if posisi else "",
                "sandi": DEMO_PASSWORD,
            }
        )
    return baris


# PPPK golongan must be one the model accepts; a typo here would only show at full_clean.
assert set(PPPK_GOLONGAN.values()) <= set(GOLONGAN_PPPK)
