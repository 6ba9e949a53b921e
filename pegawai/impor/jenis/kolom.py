"""The columns of every kind of import (this module: the choice vocabularies, the shared columns and
the unit, position and employee kinds; `kolom_riwayat.py`: the history kinds): the header a file
uses (canonical name and the other spellings accepted, SIASN's field names among them), each cell's
parser, and the notes and examples the template and the column reference show. Kept apart from the
kinds' logic so a concept several kinds share (NIP, employee name) is declared once and the import's
whole vocabulary can be read (and kept consistent with docs/IMPOR.md) at a glance."""

from django.utils.translation import gettext_lazy, override

from ...models import (
    JenisJabatan,
    JenisKenaikanPangkat,
    JenisUnit,
    JenjangJabatan,
    Predikat,
    TingkatHukuman,
    TingkatPendidikan,
)
from ..dasar import Kolom
from ..nilai import Bilangan, Pilihan, Teks, nip, tanggal, ya_tidak
from .pegawai_nilai import JENIS_KELAMIN, STATUS, email, golongan

# -- the vocabularies of the choice cells --


def _peta_pilihan(choices, tambahan: dict[str, str] | None = None):
    """Accept a choice by its code or its Indonesian label (plus extra spellings)."""

    def peta() -> dict[str, str]:
        with override("id"):
            hasil = {str(label): value for value, label in choices.choices if value}
        hasil.update({value: value for value in choices.values if value})
        hasil.update(tambahan or {})
        return hasil

    return peta


def _tampil_pilihan(choices):
    def tampil_() -> list[str]:
        with override("id"):
            return [str(label) for value, label in choices.choices if value]

    return tampil_


JENIS_UNIT = Pilihan(
    _peta_pilihan(JenisUnit, {"Perangkat Daerah": JenisUnit.OPD, "Dinas": JenisUnit.OPD, "Badan": JenisUnit.OPD}),
    _tampil_pilihan(JenisUnit),
)
JENIS_JABATAN = Pilihan(
    _peta_pilihan(
        JenisJabatan,
        {
            "JPT Pratama": JenisJabatan.JPT,
            "JPT Madya": JenisJabatan.JPT,
            "Pimpinan Tinggi": JenisJabatan.JPT,
            "Jabatan Fungsional": JenisJabatan.FUNGSIONAL,
            "JF": JenisJabatan.FUNGSIONAL,
            "Jabatan Pelaksana": JenisJabatan.PELAKSANA,
            "JFU": JenisJabatan.PELAKSANA,
            "Jabatan Administrator": JenisJabatan.ADMINISTRATOR,
            "Jabatan Pengawas": JenisJabatan.PENGAWAS,
        },
    ),
    _tampil_pilihan(JenisJabatan),
)
JENJANG = Pilihan(_peta_pilihan(JenjangJabatan), _tampil_pilihan(JenjangJabatan))

T = TingkatPendidikan
TINGKAT_PENDIDIKAN = Pilihan(
    _peta_pilihan(
        TingkatPendidikan,
        {
            # SIASN's tkPendidikanNama and common spellings
            "Sekolah Dasar": T.SD,
            "MI": T.SD,
            "SLTP": T.SMP,
            "SLTP Kejuruan": T.SMP,
            "MTs": T.SMP,
            "SMA": T.SMA,
            "SMK": T.SMA,
            "SLTA": T.SMA,
            "SLTA Kejuruan": T.SMA,
            "SMU": T.SMA,
            "MA": T.SMA,
            "Diploma I": T.D1,
            "Diploma II": T.D2,
            "Diploma III": T.D3,
            "Diploma III/Sarjana Muda": T.D3,
            "Sarjana Muda": T.D3,
            "Diploma IV": T.D4,
            "S1": T.S1,
            "S-1/Sarjana": T.S1,
            "Sarjana": T.S1,
            "S2": T.S2,
            "Magister": T.S2,
            "S3": T.S3,
            "S-3/Doktor": T.S3,
            "Doktor": T.S3,
        },
    ),
    _tampil_pilihan(TingkatPendidikan),
)
JENIS_KENAIKAN = Pilihan(
    _peta_pilihan(
        JenisKenaikanPangkat,
        {
            "Pengangkatan": JenisKenaikanPangkat.PENGANGKATAN,
            "Gol. dari Pengadaan CPNS/PNS": JenisKenaikanPangkat.PENGANGKATAN,
            "Pengadaan CPNS": JenisKenaikanPangkat.PENGANGKATAN,
            "CPNS": JenisKenaikanPangkat.PENGANGKATAN,
            "Pilihan (Jabatan Struktural)": JenisKenaikanPangkat.PILIHAN,
            "Pilihan (Jabatan Fungsional Tertentu)": JenisKenaikanPangkat.PILIHAN,
            "Penyesuaian": JenisKenaikanPangkat.PENYESUAIAN_IJAZAH,
            "Penyesuaian Ijasah": JenisKenaikanPangkat.PENYESUAIAN_IJAZAH,
        },
    ),
    _tampil_pilihan(JenisKenaikanPangkat),
)


def _peta_predikat() -> dict[str, str]:
    return {
        "Sangat Baik": Predikat.SANGAT_BAIK,
        "Baik": Predikat.BAIK,
        "Butuh Perbaikan": Predikat.BUTUH_PERBAIKAN,
        "Perlu Perbaikan": Predikat.BUTUH_PERBAIKAN,
        "Kurang": Predikat.KURANG,
        "Misconduct": Predikat.KURANG,
        "Kurang/Misconduct": Predikat.KURANG,
        "Sangat Kurang": Predikat.SANGAT_KURANG,
        "Very Good": Predikat.SANGAT_BAIK,
        "Outstanding": Predikat.SANGAT_BAIK,
        "Good": Predikat.BAIK,
        "Needs Improvement": Predikat.BUTUH_PERBAIKAN,
        "Poor": Predikat.KURANG,
        "Very Poor": Predikat.SANGAT_KURANG,
        **{v: v for v in Predikat.values},
    }


PREDIKAT = Pilihan(_peta_predikat, ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Misconduct", "Sangat Kurang"])
TINGKAT = Pilihan(
    {"Ringan": TingkatHukuman.RINGAN, "Sedang": TingkatHukuman.SEDANG, "Berat": TingkatHukuman.BERAT},
    ["Ringan", "Sedang", "Berat"],
)

# -- columns several kinds share: rows naming a registered employee --
# SIASN's export headers and API field names (see docs/IMPOR.md) are accepted beside ours.
KOLOM_NIP = Kolom(
    "NIP",
    "nip",
    nip,
    alias=("NIP Baru", "NIP_BARU", "nipBaru", "NI PPPK", "NIP/NI PPPK", "Employee Number"),
    wajib=True,
    keterangan=gettext_lazy("Pegawai yang sudah terdaftar."),
    contoh="198609262015051001",
)
KOLOM_NAMA = Kolom(
    "Nama",
    "nama",
    Teks(200),
    alias=("Nama Pegawai", "Name"),
    keterangan=gettext_lazy("Hanya untuk memudahkan membaca; tidak disimpan."),
)

# -- each kind's columns, in the order the template writes them --
KOLOM_IMPOR_UNIT = (
    Kolom(
        "Kode",
        "kode",
        Teks(30),
        alias=("Kode Unit", "Code", "Unit Code"),
        wajib=True,
        keterangan=gettext_lazy("Kode unik unit; dipakai kolom Unit Kerja pada impor pegawai."),
        contoh="KEL-MLY-KS",
    ),
    Kolom("Nama", "nama", Teks(200), alias=("Nama Unit", "Name", "Unit Name"), wajib=True, contoh="Kelurahan Kalisari"),
    Kolom(
        "Jenis",
        "jenis",
        JENIS_UNIT,
        alias=("Jenis Unit", "Type", "Kind"),
        wajib=True,
        keterangan=gettext_lazy("Misalnya OPD, Bidang, Seksi, Kecamatan, Kelurahan, Puskesmas, Sekolah."),
        contoh="Kelurahan",
    ),
    Kolom(
        "Kode Induk",
        "kode_induk",
        Teks(30),
        alias=("Induk", "Unit Induk", "Parent", "Parent Code"),
        keterangan=gettext_lazy(
            "Kode unit di atasnya (boleh ada di file yang sama); kosong = unit teratas. Kolom tidak ada = tidak diubah."
        ),
        contoh="KEC-MLY",
    ),
)

KOLOM_IMPOR_JABATAN = (
    Kolom(
        "Nama",
        "nama",
        Teks(200),
        alias=("Nama Jabatan", "Jabatan", "Name", "Position"),
        wajib=True,
        keterangan=gettext_lazy("Nama jabatan persis; dipakai kolom Jabatan pada impor pegawai."),
        contoh="Analis Sumber Daya Manusia Aparatur",
    ),
    Kolom(
        "Jenis",
        "jenis",
        JENIS_JABATAN,
        alias=("Jenis Jabatan", "Type", "Kind"),
        wajib=True,
        keterangan=gettext_lazy("JPT, Administrator, Pengawas, Fungsional atau Pelaksana."),
        contoh="Fungsional",
    ),
    Kolom(
        "Kelas",
        "kelas",
        Bilangan(1, 17),
        alias=("Kelas Jabatan", "Grade", "Class"),
        wajib=True,
        keterangan=gettext_lazy("Kelas jabatan 1 sampai 17."),
        contoh="9",
    ),
    Kolom(
        "Jenjang",
        "jenjang",
        JENJANG,
        alias=("Level",),
        keterangan=gettext_lazy("Untuk JPT dan fungsional, misalnya Ahli Muda. Kolom tidak ada = tidak diubah."),
        contoh="Ahli Pertama",
    ),
    Kolom(
        "Kepala Unit",
        "kepala_unit",
        ya_tidak,
        alias=("Jabatan Kepala Unit", "Head of Unit", "Unit Head"),
        keterangan=gettext_lazy("Ya bila pemegangnya menjadi kepala unit. Kolom tidak ada = tidak diubah."),
        contoh="Tidak",
    ),
)

KOLOM_IMPOR_PEGAWAI = (
    Kolom(
        "NIP",
        "nip",
        nip,
        alias=("NIP Baru", "NI PPPK", "NIP/NI PPPK", "NIP / NI PPPK", "Employee Number", "Employee ID"),
        wajib=True,
        keterangan=gettext_lazy(
            "18 angka; PNS: tanggal lahir, TMT CPNS, jenis kelamin, nomor urut. Simpan sebagai teks."
        ),
        contoh="198609262015051001",
    ),
    Kolom(
        "Nama",
        "nama",
        Teks(150),
        alias=("NAMA", "Nama Lengkap", "Nama Pegawai", "Name", "Full Name"),
        wajib=True,
        keterangan=gettext_lazy("Nama tanpa gelar."),
        contoh="Budi Santoso",
    ),
    Kolom("Gelar Depan", "gelar_depan", Teks(30), alias=("Title Prefix", "Front Title"), contoh="Drs."),
    Kolom("Gelar Belakang", "gelar_belakang", Teks(50), alias=("Title Suffix", "Back Title"), contoh="S.Kom., M.M."),
    Kolom(
        "Jenis Kelamin",
        "jenis_kelamin",
        JENIS_KELAMIN,
        alias=("jenisKelamin", "JK", "L/P", "Gender", "Sex"),
        wajib=True,
        keterangan=gettext_lazy("L (laki-laki) atau P (perempuan); harus sesuai digit ke-15 NIP."),
        contoh="L",
    ),
    Kolom(
        "Tanggal Lahir",
        "tanggal_lahir",
        tanggal,
        alias=("TGL LAHIR", "tglLahir", "Tgl Lahir", "Birth Date", "Date of Birth", "Birthdate", "DOB"),
        wajib=True,
        keterangan=gettext_lazy("Harus sama dengan 8 angka pertama NIP."),
        contoh="1986-09-26",
    ),
    Kolom(
        "Status",
        "status",
        STATUS,
        alias=("Status ASN", "Status Pegawai", "Jenis ASN", "Employment Status", "Employee Type"),
        wajib=True,
        keterangan=gettext_lazy("PNS atau PPPK; menentukan cara membaca NIP dan golongan yang sah."),
        contoh="PNS",
    ),
    Kolom(
        "Golongan",
        "golongan",
        golongan,
        alias=(
            "GOL AKHIR",
            "GOL_AKHIR_NAMA",
            "golRuangAkhir",
            "Gol Ruang Akhir",
            "Gol",
            "Golongan Ruang",
            "Gol/Ruang",
            "Pangkat/Golongan",
            "Pangkat Golongan",
            "Grade",
            "Rank",
        ),
        wajib=True,
        keterangan=gettext_lazy("PNS: I/a sampai IV/e; PPPK: I sampai XVII."),
        contoh="III/b",
    ),
    Kolom(
        "Jabatan",
        "jabatan",
        Teks(200),
        alias=("JABATAN NAMA", "jabatanNama", "Nama Jabatan", "Position", "Job Title"),
        wajib=True,
        boleh_kosong=True,
        keterangan=gettext_lazy(
            "Nama jabatan persis seperti di daftar jabatan. Wajib untuk pegawai baru; kosong = jabatan tidak diubah."
        ),
        contoh="Analis Sumber Daya Manusia Aparatur",
    ),
    Kolom(
        "Unit Kerja",
        "unit",
        Teks(200),
        alias=(
            "UNOR NAMA",
            "unorNama",
            "Unit",
            "Kode Unit",
            "Unit Organisasi",
            "Work Unit",
            "Unit Code",
            "Department",
        ),
        wajib=True,
        boleh_kosong=True,
        keterangan=gettext_lazy("Kode unit (dianjurkan) atau nama unit persis. Aturan kosong sama dengan Jabatan."),
        contoh="BKPSDM",
    ),
    Kolom(
        "TMT Jabatan",
        "tmt",
        tanggal,
        alias=("tmtJabatan", "TMT", "Position Start Date", "Start Date", "Effective Date"),
        wajib=True,
        boleh_kosong=True,
        keterangan=gettext_lazy(
            "Mulai menduduki jabatan. Bila unit atau jabatan berubah, jabatan lama ditutup sehari sebelumnya."
        ),
        contoh="2021-01-04",
    ),
    Kolom(
        "Pendidikan",
        "pendidikan",
        Teks(150),
        alias=(
            "TINGKAT PENDIDIKAN NAMA",
            "pendidikanTerakhirNama",
            "Tingkat Pendidikan",
            "Pendidikan Terakhir",
            "Education",
        ),
        keterangan=gettext_lazy("Kolom tidak ada = tidak diubah."),
        contoh="S1 Psikologi",
    ),
    Kolom(
        "Email",
        "email",
        email,
        alias=("E-mail", "Surel", "Alamat Email", "Email Address"),
        keterangan=gettext_lazy("Kolom tidak ada = tidak diubah."),
        contoh="budi@surabaya.go.id",
    ),
)
