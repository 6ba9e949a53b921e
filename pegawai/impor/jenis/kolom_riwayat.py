"""The columns of the history kinds of import (positions, rank, education, competences,
punishments, performance, contracts) and of the unit x position tasks: the other half of the column
catalogue, which `kolom.py` begins (the vocabularies of choice cells and the columns several kinds
share are declared there)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy

from ..dasar import Kolom
from ..nilai import Bilangan, Desimal, Teks, tanggal
from .kolom import JENIS_KENAIKAN, KOLOM_NAMA, KOLOM_NIP, PREDIKAT, TINGKAT, TINGKAT_PENDIDIKAN
from .pegawai_nilai import email, golongan

KOLOM_IMPOR_RIWAYAT_JABATAN = (
    KOLOM_NIP,
    KOLOM_NAMA,
    Kolom(
        "Unit Kerja",
        "unit",
        Teks(200),
        alias=("Unit", "Kode Unit", "UNOR NAMA", "unorNama", "Unit Organisasi"),
        wajib=True,
        contoh="KEL-MLY-KS",
    ),
    Kolom(
        "Jabatan",
        "jabatan",
        Teks(200),
        alias=("Nama Jabatan", "JABATAN NAMA", "jabatanNama"),
        wajib=True,
        contoh="Pengadministrasi Umum",
    ),
    Kolom("Mulai", "mulai", tanggal, alias=("TMT Jabatan", "tmtJabatan", "TMT"), wajib=True, contoh="2015-03-01"),
    Kolom("Selesai", "selesai", tanggal, alias=("Sampai", "Akhir Jabatan"), wajib=True, contoh="2019-12-31"),
    Kolom(
        "Nomor SK",
        "nomor_sk",
        Teks(100),
        alias=("No SK", "skNomor", "Nomor SK Jabatan"),
        contoh="821.2/45/436.7.2/2015",
    ),
)

KOLOM_IMPOR_RIWAYAT_GOLONGAN = (
    KOLOM_NIP,
    KOLOM_NAMA,
    Kolom(
        "Golongan",
        "golongan",
        golongan,
        alias=("Gol", "Golongan Ruang", "Gol/Ruang", "Pangkat/Golongan", "golonganNama", "Nama Golongan", "Grade"),
        wajib=True,
        keterangan=gettext_lazy("PNS: I/a sampai IV/e; PPPK: I sampai XVII (sesuai status pegawai)."),
        contoh="III/b",
    ),
    Kolom(
        "TMT Golongan",
        "tmt",
        tanggal,
        alias=("TMT", "tmtGolongan", "TMT Pangkat", "TMT Gol", "Rank Start Date"),
        wajib=True,
        keterangan=gettext_lazy("Tidak sebelum TMT CPNS (NIP) dan tidak di masa depan."),
        contoh="2019-04-01",
    ),
    Kolom("Nomor SK", "nomor_sk", Teks(100), alias=("No SK", "skNomor", "SK Nomor", "Nomor SK Pangkat")),
    Kolom("Tanggal SK", "tanggal_sk", tanggal, alias=("Tgl SK", "skTanggal", "SK Tanggal"), contoh="2019-03-15"),
    Kolom(
        "Jenis Kenaikan",
        "jenis_kenaikan",
        JENIS_KENAIKAN,
        alias=("Jenis KP", "jenisKPNama", "Jenis Kenaikan Pangkat", "Jenis Kenaikan Pangkat Nama"),
        contoh="Reguler",
    ),
)

KOLOM_IMPOR_PENDIDIKAN = (
    KOLOM_NIP,
    KOLOM_NAMA,
    Kolom(
        "Tingkat",
        "tingkat",
        TINGKAT_PENDIDIKAN,
        alias=("Tingkat Pendidikan", "tkPendidikanNama", "Jenjang", "Jenjang Pendidikan", "Education Level"),
        wajib=True,
        keterangan=gettext_lazy("SD, SMP, SMA/SMK, D-I sampai D-IV, S-1, S-2, S-3."),
        contoh="S-1",
    ),
    Kolom(
        "Jurusan",
        "jurusan",
        Teks(150),
        alias=("pendidikanNama", "Program Studi", "Prodi", "Nama Pendidikan", "Major"),
        keterangan=gettext_lazy("Kosong untuk SD/SMP; awalan tingkat (S-1 ...) dibuang."),
        contoh="Psikologi",
    ),
    Kolom(
        "Institusi",
        "institusi",
        Teks(200),
        alias=("namaSekolah", "Nama Sekolah", "Sekolah", "Perguruan Tinggi", "Universitas", "Institution"),
        wajib=True,
        contoh="Universitas Airlangga",
    ),
    Kolom(
        "Tahun Lulus",
        "tahun_lulus",
        Bilangan(1940, 2100),
        alias=("tahunLulus", "Lulus", "Graduation Year"),
        wajib=True,
        keterangan=gettext_lazy("Tidak di masa depan dan tidak sebelum pegawai berusia 5 tahun."),
        contoh="2008",
    ),
    Kolom("Nomor Ijazah", "nomor_ijazah", Teks(100), alias=("nomorIjasah", "Nomor Ijasah", "No Ijazah")),
    Kolom(
        "Tanggal Lulus",
        "tanggal_lulus",
        tanggal,
        alias=("tglLulus", "Tanggal Ijazah", "Tgl Lulus"),
        contoh="2008-08-30",
    ),
)

KOLOM_IMPOR_KOMPETENSI = (
    KOLOM_NIP,
    KOLOM_NAMA,
    Kolom(
        "Kompetensi",
        "kompetensi",
        Teks(150),
        alias=("Nama Kompetensi", "Competence", "Skill"),
        wajib=True,
        contoh="Analisis Kebijakan",
    ),
)

KOLOM_IMPOR_HUKUMAN = (
    KOLOM_NIP,
    KOLOM_NAMA,
    Kolom(
        "Tingkat",
        "tingkat",
        TINGKAT,
        alias=("Tingkat Hukuman", "Tingkat Hukuman Disiplin"),
        wajib=True,
        contoh="Ringan",
    ),
    Kolom(
        "Jenis",
        "jenis",
        Teks(200),
        alias=("Jenis Hukuman", "Jenis Hukuman Disiplin", "Hukuman"),
        wajib=True,
        contoh="Teguran lisan",
    ),
    Kolom(
        "Mulai",
        "mulai",
        tanggal,
        alias=("TMT Hukuman", "Tanggal Mulai", "Berlaku Mulai", "TMT"),
        wajib=True,
        contoh="2024-03-01",
    ),
    Kolom(
        "Selesai",
        "selesai",
        tanggal,
        alias=("Akhir Hukuman", "Tanggal Selesai", "Berakhir"),
        wajib=True,
        contoh="2024-08-31",
    ),
    Kolom("Nomor SK", "nomor_sk", Teks(100), alias=("No SK", "SK Nomor", "skNomor"), contoh="800/123/436.7.2/2024"),
)

KOLOM_IMPOR_KINERJA = (
    KOLOM_NIP,
    KOLOM_NAMA,
    Kolom("Tahun", "tahun", Bilangan(2000, 2100), alias=("Year", "Tahun Penilaian"), wajib=True, contoh="2025"),
    Kolom(
        "Predikat",
        "predikat",
        PREDIKAT,
        alias=("Predikat Kinerja", "Nilai", "Rating", "Performance Rating"),
        wajib=True,
        keterangan=gettext_lazy("Sangat Baik, Baik, Butuh Perbaikan, Kurang (Misconduct) atau Sangat Kurang."),
        contoh="Baik",
    ),
    Kolom(
        "Keterangan",
        "keterangan",
        Teks(250),
        alias=("Catatan", "Note", "Notes"),
        keterangan=gettext_lazy("Kolom tidak ada = tidak diubah."),
    ),
)

KOLOM_IMPOR_TUGAS = (
    Kolom(
        "Kode Unit",
        "unit",
        Teks(200),
        alias=("Unit Kerja", "Unit", "Unit Code"),
        wajib=True,
        keterangan=gettext_lazy("Kode unit (atau nama unit persis)."),
        contoh="KEL-MLY-KS",
    ),
    Kolom(
        "Jabatan",
        "jabatan",
        Teks(200),
        alias=("Nama Jabatan", "Position"),
        wajib=True,
        keterangan=gettext_lazy("Nama jabatan persis seperti di daftar jabatan."),
        contoh="Pengadministrasi Umum",
    ),
    Kolom(
        "Uraian Tugas",
        "uraian",
        Teks(300),
        alias=("Uraian", "Tugas", "Task", "Task Description"),
        wajib=True,
        contoh="Mengagendakan surat masuk",
    ),
    Kolom(
        "Satuan Hasil",
        "satuan_hasil",
        Teks(60),
        alias=("Satuan", "Output Unit", "Unit of Output"),
        keterangan=gettext_lazy("Kolom tidak ada = tidak diubah."),
        contoh="Surat",
    ),
    Kolom(
        "Volume",
        "volume",
        Desimal(digit=12, tempat=2, lebih_dari=Decimal(0)),
        alias=("Beban Kerja", "Volume Kerja", "Volume per Tahun", "Workload", "Annual Volume"),
        wajib=True,
        keterangan=gettext_lazy("Jumlah hasil per tahun, lebih dari 0; koma atau titik sebagai desimal."),
        contoh="2400",
    ),
    Kolom(
        "Norma Waktu",
        "norma_waktu",
        Desimal(digit=8, tempat=2, lebih_dari=Decimal(0)),
        alias=("Norma Waktu (Jam)", "Norma Waktu Jam", "Time Norm", "Hours per Output"),
        wajib=True,
        keterangan=gettext_lazy("Jam per satu hasil, lebih dari 0, paling banyak 2 angka desimal."),
        contoh="0,25",
    ),
)

KOLOM_IMPOR_KONTAK = (
    KOLOM_NIP,
    KOLOM_NAMA,
    Kolom(
        "Email",
        "email",
        email,
        alias=("E-mail", "Surel", "Alamat Email", "EMAIL_GOV"),
        contoh="budi@surabaya.go.id",
    ),
    Kolom(
        "Telepon",
        "telepon",
        Teks(30),
        alias=("Nomor HP", "No HP", "noHp", "HP", "Nomor Telepon", "noTelp", "Phone"),
        contoh="081234567890",
    ),
)
