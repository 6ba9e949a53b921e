"""Plausibility rules (pegawai.aturan) in the imports, relaxing them with a reason, the one
empty-cell rule, and files with mixed encodings or mojibake."""

from datetime import date
from decimal import Decimal

import pytest

from inti.models import CatatanAudit
from pegawai import aturan
from pegawai.aturan.data import golongan_maksimal, jenjang_pendidikan
from pegawai.impor.mesin import proses
from pegawai.models import Pegawai, RiwayatImpor
from pegawai.services.impor import impor_jalankan
from pegawai.tests.factories import nip_untuk, pegawai_di
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, sebagai_tabel, tulis_csv


@pytest.fixture
def ruj(db):
    return buat_rujukan()


def pesan(hasil):
    return [str(g) for g in hasil.galat]


def impor_csv(tmp_path, rows, jenis="pegawai", **kw):
    path = tulis_csv(tmp_path / "f.csv", sebagai_tabel(rows))
    return proses(path, "f.csv", jenis, **kw)


# --- the rules on their own -------------------------------------------------------------


def test_registry_names_every_rule():
    assert {
        "jabatan_sebelum_cpns",
        "usia_pengangkatan",
        "golongan_masa_kerja",
        "tanggal_lampau",
        "tahun_lampau",
        "tugas_positif",
        "formasi_unit_jabatan",
    } <= set(aturan.ATURAN)
    assert not aturan.ATURAN["tugas_positif"].dilonggarkan


@pytest.mark.parametrize(
    ("teks", "jenjang"),
    [("S1 Psikologi", "S1"), ("D-III Keperawatan", "D3"), ("SLTA", "SMA"), ("S-2 Manajemen", "S2"), ("", None)],
)
def test_education_level_from_free_text(teks, jenjang):
    assert jenjang_pendidikan(teks) == jenjang


def test_highest_golongan_per_education_and_service():
    assert golongan_maksimal("S1", 0) == "III/a"
    assert golongan_maksimal("S1", 3) == "III/a"
    assert golongan_maksimal("S1", 4) == "III/b"  # one step per 4 whole years
    assert golongan_maksimal("SMA", 8) == "II/c"
    assert golongan_maksimal(None, 0) == "III/c"  # unknown education: the highest entry
    assert golongan_maksimal("S3", 100) == "IV/e"


def test_settings_override_the_table(settings):
    settings.ATURAN_TAHUN_PER_GOLONGAN = 2
    assert golongan_maksimal("S1", 4) == "III/c"


def test_age_at_appointment_boundaries():
    lahir = date(1990, 5, 1)
    pas_18 = nip_untuk(lahir, "L", tmt=date(2008, 5, 1))
    tua = nip_untuk(lahir, "L", tmt=date(2026, 5, 1))  # 36
    batas = nip_untuk(lahir, "L", tmt=date(2025, 5, 1))  # 35 exactly
    assert aturan.periksa("usia_pengangkatan", nip=pas_18, status="PNS") is None
    assert aturan.periksa("usia_pengangkatan", nip=batas, status="PNS") is None
    assert "36 tahun" in aturan.periksa("usia_pengangkatan", nip=tua, status="PNS")
    assert aturan.periksa("usia_pengangkatan", nip=tua, status="PPPK") is None  # not a PNS NIP


def test_position_start_against_appointment():
    n = nip_untuk(date(1990, 1, 1), "L", tmt=date(2015, 3, 1))
    assert aturan.periksa("jabatan_sebelum_cpns", nip=n, status="PNS", mulai=date(2015, 3, 1)) is None
    assert aturan.periksa("jabatan_sebelum_cpns", nip=n, status="PNS", mulai=date(2015, 2, 28)) == (
        "TMT 28-02-2015 sebelum TMT CPNS di NIP (03-2015)"
    )


def test_workload_volume_and_norm_above_zero():
    assert aturan.periksa("tugas_positif", volume=Decimal("0"), norma_waktu=Decimal(1))
    assert aturan.periksa("tugas_positif", volume=Decimal(1), norma_waktu=Decimal(0))
    assert aturan.periksa("tugas_positif", volume=Decimal("0.01"), norma_waktu=Decimal("0.01")) is None


# --- the issue's example, in an import -----------------------------------------------------


def test_the_issues_nonsense_row_is_refused(ruj, tmp_path):
    # 26 years old, appointed in 2022 per the NIP, golongan IV/e, TMT jabatan 2010.
    hari_ini = date.today()
    lahir = date(hari_ini.year - 26, 1, 15)
    row = baris_pegawai(
        1,
        lahir=lahir,
        NIP=nip_untuk(lahir, "L", tmt=date(2022, 1, 1), urut=1),
        Golongan="IV/e",
        **{"TMT Jabatan": "2010-01-04"},
    )
    row["Jenis Kelamin"] = "L"
    hasil = impor_csv(tmp_path, [row])
    assert not hasil.ok
    assert pesan(hasil) == ["baris 2, kolom TMT Jabatan: TMT 04-01-2010 sebelum TMT CPNS di NIP (01-2022)"]
    # with a plausible TMT, the golongan is what is refused
    row["TMT Jabatan"] = "2023-01-02"
    hasil = impor_csv(tmp_path, [row])
    assert [g.aturan for g in hasil.galat] == ["golongan_masa_kerja"]
    assert "golongan IV/e tidak mungkin dengan pendidikan S1" in pesan(hasil)[0]


def test_a_position_in_a_unit_of_another_kind_is_refused(ruj, tmp_path):
    pegawai_di(ruj.kel, ruj.staf)  # Pengadministrasi Umum exists in kelurahan units
    hasil = impor_csv(tmp_path, [baris_pegawai(1, **{"Unit Kerja": "KEC-MLY"})])
    assert pesan(hasil) == [
        "baris 2, kolom Jabatan: jabatan ini hanya ada di unit berjenis KELURAHAN, bukan di unit berjenis KECAMATAN"
    ]
    assert hasil.bisa_dilonggarkan


def test_relaxing_a_rule_with_a_reason_records_it(ruj, tmp_path):
    pegawai_di(ruj.kel, ruj.staf)
    path = tulis_csv(tmp_path / "f.csv", sebagai_tabel([baris_pegawai(1, **{"Unit Kerja": "KEC-MLY"})]))
    alasan = {"formasi_unit_jabatan": "penugasan khusus SK Wali Kota 2020"}
    riwayat, hasil = impor_jalankan(path=path, nama_file="f.csv", jenis="pegawai", oleh=None, longgar=alasan)
    assert hasil.ok and hasil.baru == 1
    assert hasil.dilonggarkan == {"formasi_unit_jabatan": 1}
    assert "penugasan khusus SK Wali Kota 2020" in RiwayatImpor.objects.get(pk=riwayat.pk).catatan
    audit = CatatanAudit.objects.get(aksi="impor.pegawai")
    assert audit.perubahan == {"aturan_dilonggarkan": alasan}


def test_a_rule_that_cannot_be_relaxed_stays(ruj, tmp_path):
    tabel = [
        ["Kode Unit", "Jabatan", "Uraian Tugas", "Volume", "Norma Waktu"],
        ["KEL-MLY-KS", "Pengadministrasi Umum", "Tugas A", "0", "1"],
    ]
    hasil = proses(tulis_csv(tmp_path / "t.csv", tabel), "t.csv", "tugas", longgar={"tugas_positif": "coba saja"})
    assert pesan(hasil) == ["baris 2, kolom Volume: harus lebih dari 0"]
    assert not hasil.bisa_dilonggarkan


def test_future_rating_year_is_refused(ruj, tmp_path):
    p = pegawai_di(ruj.kel, ruj.staf)
    tabel = [["NIP", "Tahun", "Predikat"], [p.nip, str(date.today().year), "Baik"]]
    hasil = proses(tulis_csv(tmp_path / "k.csv", tabel), "k.csv", "kinerja")
    assert pesan(hasil) == [f"baris 2, kolom Tahun: tahun {date.today().year} belum berakhir"]


# --- one rule for empty cells ------------------------------------------------------------


def test_empty_keeps_and_a_dash_clears(ruj, tmp_path):
    p = pegawai_di(ruj.kel, ruj.staf)
    Pegawai.objects.filter(pk=p.pk).update(pendidikan="S1 Hukum", gelar_belakang="S.H.", email="a@b.go.id")
    p.refresh_from_db()
    judul = ["NIP", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Status", "Golongan", "Pendidikan", "Gelar Belakang"]
    judul += ["Jabatan", "Unit Kerja", "TMT Jabatan"]
    nilai = [p.nip, p.nama, p.jenis_kelamin, p.tanggal_lahir.isoformat(), p.status, p.golongan, "", "-", "", "", ""]
    path = tulis_csv(tmp_path / "e.csv", [judul, nilai])
    _r, hasil = impor_jalankan(path=path, nama_file="e.csv", jenis="pegawai", oleh=None)
    assert hasil.ok, pesan(hasil)
    p.refresh_from_db()
    assert p.pendidikan == "S1 Hukum"  # empty: kept
    assert p.gelar_belakang == ""  # '-': cleared
    assert p.email == "a@b.go.id"  # column absent: kept


def test_a_dash_in_a_required_column_is_not_a_clear_marker(ruj, tmp_path):
    hasil = impor_csv(tmp_path, [baris_pegawai(1, Nama="-")])
    assert hasil.ok  # a name '-' is text (an odd one) and the column is required: never a clear


# --- encodings and characters that cannot be right ----------------------------------------


def test_mixed_encodings_are_decoded_line_by_line(ruj, tmp_path):
    kepala = "NIP,Nama,Jenis Kelamin,Tanggal Lahir,Status,Golongan,Jabatan,Unit Kerja,TMT Jabatan\r\n"
    a, b = baris_pegawai(1, Nama="André"), baris_pegawai(2, Nama="José")

    def baris(r):
        kolom = ["NIP", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Status", "Golongan", "Jabatan", "Unit Kerja"]
        return ",".join([r[k] for k in kolom] + [r["TMT Jabatan"]]) + "\r\n"

    path = tmp_path / "campur.csv"
    path.write_bytes(kepala.encode() + baris(a).encode("utf-8") + baris(b).encode("cp1252"))
    _r, hasil = impor_jalankan(path=path, nama_file="campur.csv", jenis="pegawai", oleh=None)
    assert hasil.ok, pesan(hasil)
    assert sorted(Pegawai.objects.values_list("nama", flat=True)) == ["André", "José"]
    assert any(
        "Encoding campuran: baris 2 dibaca sebagai UTF-8 dan baris 3 sebagai Windows-1252" in c for c in hasil.catatan
    )


def test_a_pure_windows_1252_file_has_no_mixed_notice(ruj, tmp_path):
    path = tulis_csv(tmp_path / "w.csv", sebagai_tabel([baris_pegawai(1, Nama="José")]), encoding="cp1252")
    hasil = proses(path, "w.csv", "pegawai")
    assert hasil.ok and hasil.encoding == "Windows-1252"
    assert not any("campuran" in c for c in hasil.catatan)


@pytest.mark.parametrize(
    ("nama", "tampak"), [("AndrÃ©s", "Ã©"), ("Donâ€™t", "â€"), ("Bad\ufffd", "\ufffd"), ("A\x07B", "\\x07")]
)
def test_mojibake_and_control_characters_are_refused(ruj, tmp_path, nama, tampak):
    hasil = impor_csv(tmp_path, [baris_pegawai(1), baris_pegawai(2, Nama=nama)])
    assert len(hasil.galat) == 1
    g = hasil.galat[0]
    assert (g.baris, g.kolom) == (3, "Nama")
    assert tampak in g.pesan and "encoding rusak" in g.pesan
