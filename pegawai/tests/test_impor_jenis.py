"""The other kinds on the same engine: units, positions, ABK tasks, yearly performance."""

from datetime import date
from decimal import Decimal

import pytest

from pegawai.impor.dasar import normal_judul
from pegawai.impor.jenis import JENIS
from pegawai.impor.mesin import proses
from pegawai.models import Jabatan, JenisJabatan, JenisUnit, KinerjaTahunan, Predikat, TugasJabatan, UnitKerja
from pegawai.services.impor import impor_jalankan
from pegawai.tests.factories import UnitKerjaFactory, pegawai_di
from pegawai.tests.fixtures.impor import buat_rujukan, tulis_csv, tulis_xlsx


@pytest.fixture
def ruj(db):
    return buat_rujukan()


def pesan(hasil) -> list[str]:
    return [str(g) for g in hasil.galat]


def jalankan(path, jenis):
    return impor_jalankan(path=path, nama_file=path.name, jenis=jenis, oleh=None)[1]


@pytest.mark.parametrize("kode", sorted(JENIS))
def test_no_two_columns_of_a_kind_share_a_header_name(kode):
    dilihat = {}
    for k in JENIS[kode].kolom:
        for n in k.nama_dikenal():
            assert dilihat.setdefault(n, k.kunci) == k.kunci, f"{kode}: {n} dipakai {dilihat[n]} dan {k.kunci}"


def test_header_normalisation():
    assert normal_judul("  Tanggal_Lahir ") == normal_judul("TANGGAL LAHIR") == "tanggallahir"


# --- units --------------------------------------------------------------------------------


def test_units_create_update_and_parents_later_in_the_file(ruj, tmp_path):
    tabel = [
        ["Kode", "Nama", "Jenis", "Kode Induk"],
        ["KEL-MLY-MS", "Kelurahan Manyar Sabrangan", "Kelurahan", "KEC-BARU"],
        ["KEC-BARU", "Kecamatan Baru", "KECAMATAN", ""],
        ["KEL-MLY-KS", "Kelurahan Kalisari (baru)", "kelurahan", "KEC-BARU"],
        ["KEC-MLY", "Kecamatan Mulyorejo", "Kecamatan", ""],
    ]
    hasil = proses(tulis_csv(tmp_path / "u.csv", tabel), "u.csv", "unit")
    assert (hasil.baru, hasil.ubah, hasil.sama) == (2, 1, 1), pesan(hasil)

    hasil = jalankan(tmp_path / "u.csv", "unit")
    assert hasil.ok, pesan(hasil)
    baru = UnitKerja.objects.get(kode="KEC-BARU")
    assert UnitKerja.objects.get(kode="KEL-MLY-MS").induk == baru
    ruj.kel.refresh_from_db()
    assert (ruj.kel.nama, ruj.kel.induk) == ("Kelurahan Kalisari (baru)", baru)
    assert baru.jenis == JenisUnit.KECAMATAN


def test_unit_parent_errors(ruj, tmp_path):
    tabel = [
        ["Kode", "Nama", "Jenis", "Kode Induk"],
        ["A", "Unit A", "OPD", "A"],
        ["B", "Unit B", "Bidang", "TIDAK-ADA"],
        ["KEC-MLY", "Kecamatan Mulyorejo", "Kecamatan", "KEL-MLY-KS"],
        ["C", "Unit C", "Dinas Rahasia", ""],
    ]
    hasil = proses(tulis_csv(tmp_path / "u.csv", tabel), "u.csv", "unit")
    assert pesan(hasil) == [
        "baris 5, kolom Jenis: Dinas Rahasia tidak dikenal; pilihan: Perangkat Daerah (OPD), Sekretariat, Bidang, "
        "Bagian, Subbagian, Seksi, Kecamatan, Kelurahan, Puskesmas, Rumah Sakit Daerah, Sekolah, UPTD",
        "baris 2, kolom Kode Induk: unit tidak boleh menjadi induk dirinya sendiri",
        "baris 3, kolom Kode Induk: unit induk TIDAK-ADA tidak ada di basis data maupun di file ini",
        "baris 4, kolom Kode Induk: unit induk membentuk lingkaran: KEC-MLY → KEL-MLY-KS → KEC-MLY",
    ]


def test_units_without_parent_column_keep_their_parent(ruj, tmp_path):
    tabel = [["kode", "nama", "jenis"], ["KEL-MLY-KS", "Kelurahan Kalisari", "Kelurahan"]]
    hasil = jalankan(tulis_csv(tmp_path / "u.csv", tabel), "unit")
    assert hasil.ok and hasil.sama == 1
    ruj.kel.refresh_from_db()
    assert ruj.kel.induk == ruj.kec


# --- positions ----------------------------------------------------------------------------


def test_positions_create_and_update(ruj, tmp_path):
    tabel = [
        ["Nama Jabatan", "Jenis", "Kelas", "Jenjang", "Kepala Unit"],
        ["Pranata Komputer Ahli Pertama", "Jabatan Fungsional", "8", "Ahli Pertama", "Tidak"],
        ["Analis Kebijakan", "Fungsional", 10, "Ahli Muda", ""],
        ["Camat Mulyorejo", "Administrator", "12", "", "Ya"],
    ]
    hasil = jalankan(tulis_xlsx(tmp_path / "j.xlsx", tabel), "jabatan")
    assert hasil.ok, pesan(hasil)
    assert (hasil.baru, hasil.ubah) == (2, 1)
    camat = Jabatan.objects.get(nama="Camat Mulyorejo")
    assert (camat.jenis, camat.kelas, camat.kepala_unit) == (JenisJabatan.ADMINISTRATOR, 12, True)
    ruj.analis.refresh_from_db()
    assert (ruj.analis.kelas, ruj.analis.jenjang) == (10, "AHLI_MUDA")


def test_position_errors(ruj, tmp_path):
    tabel = [
        ["Nama", "Jenis", "Kelas", "Jenjang"],
        ["Lurah X", "Administrator", "18", ""],
        ["Lurah Y", "Administrator", "11", "Ahli Muda"],
        ["Lurah Y", "Administrator", "11", ""],
    ]
    hasil = proses(tulis_csv(tmp_path / "j.csv", tabel), "j.csv", "jabatan")
    assert pesan(hasil) == [
        "baris 2, kolom Kelas: harus antara 1 dan 17 (18)",
        "baris 3, kolom Jenjang: jenjang ini tidak cocok dengan jenis jabatan ADMINISTRATOR",
        "baris 4, kolom Nama: Nama Lurah Y ganda: sudah ada di baris 3 (baris 3 dan 4 sama)",
    ]


# --- ABK tasks ----------------------------------------------------------------------------


def test_tasks_create_then_update_by_unit_position_and_description(ruj, tmp_path):
    tabel = [
        ["Kode Unit", "Jabatan", "Uraian Tugas", "Satuan Hasil", "Volume", "Norma Waktu"],
        ["KEL-MLY-KS", "Pengadministrasi Umum", "Mengagendakan surat masuk", "Surat", "2400", "0,25"],
        ["Kelurahan Kalisari", "Pengadministrasi Umum", "Menyusun laporan bulanan", "Laporan", 12, 8],
    ]
    hasil = jalankan(tulis_csv(tmp_path / "t.csv", tabel, pemisah=";"), "tugas")
    assert hasil.ok and hasil.baru == 2, pesan(hasil)
    t = TugasJabatan.objects.get(uraian="Mengagendakan surat masuk")
    assert (t.unit, t.jabatan, t.volume, t.norma_waktu, t.satuan_hasil) == (
        ruj.kel,
        ruj.staf,
        Decimal("2400"),
        Decimal("0.25"),
        "Surat",
    )
    tabel[1][4] = "3000"
    hasil = jalankan(tulis_csv(tmp_path / "t2.csv", tabel), "tugas")
    assert (hasil.baru, hasil.ubah, hasil.sama) == (0, 1, 1)
    t.refresh_from_db()
    assert t.volume == Decimal("3000")


def test_task_errors(ruj, tmp_path):
    tabel = [
        ["Kode Unit", "Jabatan", "Uraian Tugas", "Volume", "Norma Waktu"],
        ["KEL-MLY-KS", "Pengadministrasi Umum", "Tugas A", "-1", "0"],
        ["KEL-XXX", "Jabatan Tak Ada", "Tugas B", "1", "1"],
        ["KEL-MLY-KS", "Pengadministrasi Umum", "Tugas C", "1", "1"],
        ["Kelurahan Kalisari", "Pengadministrasi Umum", "Tugas C", "2", "1"],
    ]
    hasil = proses(tulis_csv(tmp_path / "t.csv", tabel), "t.csv", "tugas")
    assert pesan(hasil) == [
        "baris 2, kolom Volume: harus lebih dari 0",
        "baris 2, kolom Norma Waktu: harus lebih dari 0",
        "baris 3, kolom Kode Unit: unit kerja KEL-XXX tidak ditemukan (bukan kode maupun nama unit)",
        "baris 3, kolom Jabatan: jabatan Jabatan Tak Ada tidak ada di daftar jabatan",
        "baris 5, kolom Kode Unit: Kode Unit Kelurahan Kalisari / Pengadministrasi Umum / Tugas C ganda: "
        "sudah ada di baris 4 (baris 4 dan 5 sama)",
    ]


def test_an_inactive_unit_is_refused(ruj, tmp_path):
    UnitKerjaFactory(kode="LAMA", nama="Unit Lama", aktif=False)
    tabel = [["Kode Unit", "Jabatan", "Uraian Tugas", "Volume", "Norma Waktu"], ["LAMA", "Analis Kebijakan", "X", 1, 1]]
    hasil = proses(tulis_csv(tmp_path / "t.csv", tabel), "t.csv", "tugas")
    assert pesan(hasil) == ["baris 2, kolom Kode Unit: unit kerja Unit Lama (kode LAMA) sudah tidak aktif"]


# --- yearly performance -------------------------------------------------------------------


def test_performance_predicates_case_insensitive(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf)
    b = pegawai_di(ruj.kel, ruj.staf)
    KinerjaTahunan.objects.create(pegawai=a, tahun=2023, predikat=Predikat.BAIK)
    tabel = [
        ["NIP", "Nama", "Tahun", "Predikat"],
        [a.nip, a.nama, "2023", "sangat baik"],
        [a.nip, a.nama, 2024, "BAIK"],
        [b.nip, b.nama, "2024", "Misconduct"],
        [b.nip, b.nama, "2023", "butuh perbaikan"],
        [b.nip, b.nama, "2022", "Sangat Kurang"],
        [b.nip, b.nama, "2021", "Kurang"],
    ]
    hasil = jalankan(tulis_csv(tmp_path / "k.csv", tabel), "kinerja")
    assert hasil.ok, pesan(hasil)
    assert (hasil.baru, hasil.ubah) == (5, 1)
    assert dict(b.kinerja_tahunan.values_list("tahun", "predikat")) == {
        2024: Predikat.KURANG,
        2023: Predikat.BUTUH_PERBAIKAN,
        2022: Predikat.SANGAT_KURANG,
        2021: Predikat.KURANG,
    }
    assert a.kinerja_tahunan.get(tahun=2023).predikat == Predikat.SANGAT_BAIK


def test_performance_errors(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf)
    tahun_depan = date.today().year + 1
    tabel = [
        ["NIP", "Tahun", "Predikat"],
        ["199901012020011001", "2023", "Baik"],
        [a.nip, str(tahun_depan), "Baik"],
        [a.nip, "2023", "Luar Biasa"],
        [a.nip, "2022", "Baik"],
        [a.nip, "2022", "Baik"],
    ]
    hasil = proses(tulis_csv(tmp_path / "k.csv", tabel), "k.csv", "kinerja")
    assert pesan(hasil) == [
        f"baris 3, kolom Tahun: tahun {tahun_depan} belum berakhir",
        "baris 4, kolom Predikat: Luar Biasa tidak dikenal; pilihan: Sangat Baik, Baik, Butuh Perbaikan, Kurang, "
        "Misconduct, Sangat Kurang",
        f"baris 6, kolom NIP: NIP {a.nip} / 2022 ganda: sudah ada di baris 5 (baris 5 dan 6 sama)",
        "baris 2, kolom NIP: pegawai dengan NIP 199901012020011001 tidak terdaftar",
    ]
