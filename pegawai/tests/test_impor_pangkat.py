"""Imports of rank history (riwayat_golongan) and education history (pendidikan): good files,
errors by row and column, SIASN headers, the empty-cell rule, all or nothing, the plausibility
rules at their boundaries, and the profile following its histories."""

from datetime import date, timedelta

import pytest

from inti.models import CatatanAudit
from pegawai.impor.mesin import proses
from pegawai.models import RiwayatGolongan, RiwayatPendidikan
from pegawai.services.impor import impor_jalankan
from pegawai.tests.factories import pegawai_di
from pegawai.tests.fixtures.impor import buat_rujukan, tulis_csv


@pytest.fixture
def ruj(db):
    r = buat_rujukan()
    r.p = pegawai_di(r.kel, r.staf, mulai=date(2020, 1, 2), golongan="II/a", pendidikan="SMA")
    return r


def jalankan(tmp_path, jenis, tabel, **kw):
    path = tulis_csv(tmp_path / f"{jenis}.csv", tabel)
    return impor_jalankan(path=path, nama_file=path.name, jenis=jenis, oleh=None, **kw)[1]


def periksa(tmp_path, jenis, tabel):
    return proses(tulis_csv(tmp_path / "p.csv", tabel), "p.csv", jenis)


def pesan(hasil):
    return [str(g) for g in hasil.galat]


def _tahun(d: date, n: int) -> date:
    return d.replace(year=d.year + n)


# --- rank history -----------------------------------------------------------------------------


def test_rank_history_with_siasn_headers_sets_the_current_rank(ruj, tmp_path):
    cpns = ruj.p.tmt_cpns
    tabel = [
        ["nipBaru", "golongan", "tmtGolongan", "skNomor", "skTanggal", "jenisKPNama"],
        [ruj.p.nip, "II/a", cpns.isoformat(), "813/1", cpns.isoformat(), "Gol. dari Pengadaan CPNS/PNS"],
        [ruj.p.nip, "II/b", _tahun(cpns, 4).isoformat(), "823/2", "", "Reguler"],
    ]
    hasil = jalankan(tmp_path, "riwayat_golongan", tabel)
    assert hasil.ok and hasil.baru == 2, pesan(hasil)
    ruj.p.refresh_from_db()
    assert ruj.p.golongan == "II/b"
    r = RiwayatGolongan.objects.get(golongan="II/a")
    assert (r.tmt, r.nomor_sk, r.tanggal_sk, r.jenis_kenaikan, r.sumber) == (
        cpns,
        "813/1",
        cpns,
        "PENGANGKATAN",
        "IMPOR",
    )
    sinkron = CatatanAudit.objects.get(aksi="pegawai.profil_sinkron", objek_id=str(ruj.p.pk))
    assert sinkron.perubahan == {"golongan": ["II/a", "II/b"]}
    # again: unchanged; an empty cell keeps the SK number, `-` clears it
    assert jalankan(tmp_path, "riwayat_golongan", tabel).sama == 2
    tabel[1][3], tabel[2][3] = "", "-"
    hasil = jalankan(tmp_path, "riwayat_golongan", tabel)
    assert (hasil.sama, hasil.ubah) == (1, 1), pesan(hasil)
    assert dict(RiwayatGolongan.objects.values_list("golongan", "nomor_sk")) == {"II/a": "813/1", "II/b": ""}


def test_rank_tmt_equal_to_tmt_cpns_accepted_a_day_before_refused(ruj, tmp_path):
    cpns = ruj.p.tmt_cpns
    kepala = ["NIP", "Golongan", "TMT Golongan"]
    assert periksa(tmp_path, "riwayat_golongan", [kepala, [ruj.p.nip, "II/a", cpns.isoformat()]]).ok
    hasil = periksa(tmp_path, "riwayat_golongan", [kepala, [ruj.p.nip, "II/a", (cpns - timedelta(days=1)).isoformat()]])
    assert [(g.baris, g.kolom, g.aturan) for g in hasil.galat] == [(2, "TMT Golongan", "golongan_sebelum_cpns")]
    assert hasil.bisa_dilonggarkan


def test_rank_errors_by_row_and_column_and_nothing_saved(ruj, tmp_path):
    cpns = ruj.p.tmt_cpns
    besok = date.today() + timedelta(days=1)
    tabel = [
        ["NIP", "Golongan", "TMT Golongan", "Jenis Kenaikan"],
        [ruj.p.nip, "II/a", cpns.isoformat(), "Reguler"],  # good
        [ruj.p.nip, "II/c", besok.isoformat(), ""],  # future
        [ruj.p.nip, "Z/z", _tahun(cpns, 2).isoformat(), ""],  # unknown rank
        [ruj.p.nip, "IX", _tahun(cpns, 3).isoformat(), ""],  # a PPPK rank for a PNS
        [ruj.p.nip, "II/b", _tahun(cpns, 4).isoformat(), "Lompat"],  # unknown kind
        ["199001012015031001", "III/a", "2016-01-01", ""],  # not registered
    ]
    hasil = jalankan(tmp_path, "riwayat_golongan", tabel)
    assert [(g.baris, g.kolom) for g in hasil.galat] == [
        (3, "TMT Golongan"),
        (4, "Golongan"),
        (6, "Jenis Kenaikan"),
        (7, "NIP"),
        (5, "Golongan"),
    ], pesan(hasil)
    assert "masa depan" in hasil.galat[0].pesan
    assert not RiwayatGolongan.objects.exists()  # all or nothing: the good row is not written either


def test_a_lower_rank_at_a_later_tmt_is_flagged_and_relaxable(ruj, tmp_path):
    cpns = ruj.p.tmt_cpns
    tabel = [
        ["NIP", "Golongan", "TMT Golongan"],
        [ruj.p.nip, "II/b", _tahun(cpns, 4).isoformat()],
        [ruj.p.nip, "II/a", _tahun(cpns, 8).isoformat()],
    ]
    hasil = periksa(tmp_path, "riwayat_golongan", tabel)
    assert [(g.baris, g.kolom, g.aturan) for g in hasil.galat] == [(3, "Golongan", "golongan_naik")]
    assert "tidak naik" in hasil.galat[0].pesan
    hasil = jalankan(tmp_path, "riwayat_golongan", tabel, longgar={"golongan_naik": "SK penurunan pangkat 2024"})
    assert hasil.ok and hasil.baru == 2 and hasil.dilonggarkan == {"golongan_naik": 1}
    ruj.p.refresh_from_db()
    assert ruj.p.golongan == "II/a"  # the latest TMT wins, as recorded


def test_rank_must_be_possible_for_education_and_service(ruj, tmp_path):
    tabel = [["NIP", "Golongan", "TMT Golongan"], [ruj.p.nip, "IV/a", _tahun(ruj.p.tmt_cpns, 1).isoformat()]]
    hasil = periksa(tmp_path, "riwayat_golongan", tabel)
    assert [(g.kolom, g.aturan) for g in hasil.galat] == [("Golongan", "golongan_masa_kerja")]
    assert "pendidikan SMA" in hasil.galat[0].pesan


# --- education history ------------------------------------------------------------------------


def test_education_with_siasn_headers_sets_the_highest(ruj, tmp_path):
    lahir = ruj.p.tanggal_lahir.year
    tabel = [
        ["nipBaru", "tkPendidikanNama", "pendidikanNama", "namaSekolah", "tahunLulus", "nomorIjasah"],
        [ruj.p.nip, "SLTA", "", "SMA Negeri 1 Surabaya", lahir + 18, "DN-05/1"],
        [ruj.p.nip, "S-1/Sarjana", "S-1 ILMU HUKUM", "Universitas Airlangga", lahir + 23, ""],
    ]
    hasil = jalankan(tmp_path, "pendidikan", tabel)
    assert hasil.ok and hasil.baru == 2, pesan(hasil)
    s1 = RiwayatPendidikan.objects.get(tingkat="S1")
    assert (s1.jurusan, s1.institusi, s1.tahun_lulus) == ("ILMU HUKUM", "Universitas Airlangga", lahir + 23)
    ruj.p.refresh_from_db()
    assert ruj.p.pendidikan == "S-1 ILMU HUKUM"
    # the key matches without case; empty keeps, `-` clears
    tabel[1][5], tabel[2][2] = "-", "s-1 ilmu hukum"
    hasil = jalankan(tmp_path, "pendidikan", tabel)
    assert (hasil.ubah, hasil.sama) == (1, 1), pesan(hasil)
    assert RiwayatPendidikan.objects.get(tingkat="SMA").nomor_ijazah == ""
    assert RiwayatPendidikan.objects.count() == 2


def test_education_graduation_year_boundaries(ruj, tmp_path):
    lahir = ruj.p.tanggal_lahir.year
    tahun_ini = date.today().year
    tabel = [
        ["NIP", "Tingkat", "Jurusan", "Institusi", "Tahun Lulus", "Tanggal Lulus"],
        [ruj.p.nip, "SD", "", "SDN 1", lahir + 5, ""],  # age 5: accepted
        [ruj.p.nip, "SMP", "", "SMPN 1", lahir + 4, ""],  # age 4: refused (relaxable)
        [ruj.p.nip, "D3", "Akuntansi", "Poltek", tahun_ini + 1, ""],  # future: refused
        [ruj.p.nip, "SMA", "", "SMAN 1", lahir + 18, f"{lahir + 17}-06-01"],  # date outside the year
        [ruj.p.nip, "Sarjana Hukum", "", "Unair", lahir + 23, ""],  # unknown level
    ]
    hasil = periksa(tmp_path, "pendidikan", tabel)
    assert [(g.baris, g.kolom, g.aturan) for g in hasil.galat] == [
        (4, "Tahun Lulus", "lulus_lampau"),
        (5, "Tanggal Lulus", ""),
        (6, "Tingkat", ""),
        (3, "Tahun Lulus", "lulus_usia"),
    ], pesan(hasil)
    assert not hasil.bisa_dilonggarkan


def test_education_duplicate_rows_named(ruj, tmp_path):
    tabel = [
        ["NIP", "Tingkat", "Jurusan", "Institusi", "Tahun Lulus"],
        [ruj.p.nip, "S1", "Hukum", "Unair", 2000],
        [ruj.p.nip, "S-1", "HUKUM", "Unair", 2000],
    ]
    hasil = periksa(tmp_path, "pendidikan", tabel)
    assert [(g.baris, g.kolom) for g in hasil.galat] == [(3, "NIP")]
    assert "baris 2 dan 3" in hasil.galat[0].pesan


@pytest.mark.parametrize(
    ("jenis", "kolom", "isi"),
    [
        ("riwayat_golongan", "Golongan", "III/b"),
        ("riwayat_golongan", "Jenis Kenaikan", "Reguler"),
        ("pendidikan", "Tingkat", "S-1"),
    ],
)
def test_templates_have_drop_down_lists(ruj, tmp_path, jenis, kolom, isi):
    import openpyxl

    from pegawai.impor.ekspor import xlsx_templat
    from pegawai.impor.jenis import JENIS

    path = tmp_path / "t.xlsx"
    with open(path, "wb") as f:
        xlsx_templat(JENIS[jenis], f)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    huruf = next(c.column_letter for c in ws[1] if c.value == kolom)
    dv = next(d for d in ws.data_validations.dataValidation if f"{huruf}2" in d.sqref)
    ref = dv.formula1.split("!")[1].replace("$", "")
    assert isi in [c.value for row in wb["Daftar"][ref] for c in row]
