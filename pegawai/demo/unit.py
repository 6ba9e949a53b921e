"""Demo organisation: the units of Kota Surabaya (OPD with their Sekretariat and Bidang, the
Puskesmas, schools and RSUD, Kecamatan Mulyorejo and its kelurahan) with the staff posts of each.
Later demo steps may rely on the unit codes in `UNIT_KERJA` (SETDA, BKPSDM, DISDIK, DINKES, PKM-MLY,
RSUD-ST, KEC-MLY, KEL-MLY-KS, ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import JenisUnit


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

UNIT = {u.kode: u for u in UNIT_KERJA}
