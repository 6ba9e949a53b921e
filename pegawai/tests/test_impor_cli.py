"""manage.py impor: the same preview and errors as the web, a non-zero exit on errors."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pegawai.models import Pegawai, RiwayatImpor
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, sebagai_tabel, tulis_csv


@pytest.fixture
def ruj(db):
    return buat_rujukan()


def jalankan(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("impor", *args, stdout=out, stderr=err)
    except CommandError as e:
        return 1, out.getvalue(), err.getvalue() + str(e)
    return 0, out.getvalue(), err.getvalue()


def test_dry_run_prints_the_preview_and_writes_nothing(ruj, tmp_path):
    path = tulis_csv(tmp_path / "p.csv", sebagai_tabel([baris_pegawai(1), baris_pegawai(2)]), pemisah=";")
    kode, out, _err = jalankan(str(path), "--jenis", "pegawai", "--dry-run")
    assert kode == 0
    assert "Pratinjau (tanpa menyimpan) Pegawai dari p.csv" in out
    assert "format: CSV, UTF-8, pemisah ';'" in out
    assert "2 baris: 2 baru, 0 diubah, 0 tidak berubah" in out
    assert not Pegawai.objects.exists() and not RiwayatImpor.objects.exists()


def test_real_run_writes_and_records_the_run(ruj, tmp_path):
    path = tulis_csv(tmp_path / "p.csv", sebagai_tabel([baris_pegawai(1), baris_pegawai(2)]))
    kode, out, _err = jalankan(str(path), "--jenis", "pegawai")
    assert kode == 0
    riwayat = RiwayatImpor.objects.get()
    assert f"Tersimpan (riwayat impor #{riwayat.pk})." in out
    assert (riwayat.berhasil, riwayat.oleh, riwayat.dibuat) == (True, None, 2)
    assert Pegawai.objects.count() == 2
    kode, out, _err = jalankan(str(path), "--jenis", "pegawai")
    assert "2 baris: 0 baru, 0 diubah, 2 tidak berubah" in out


def test_errors_exit_non_zero_with_row_and_column(ruj, tmp_path):
    path = tulis_csv(tmp_path / "p.csv", sebagai_tabel([baris_pegawai(1), baris_pegawai(2, Golongan="XX")]))
    for extra in (["--dry-run"], []):
        kode, _out, err = jalankan(str(path), "--jenis", "pegawai", *extra)
        assert kode == 1
        assert "baris 3, kolom Golongan: golongan XX tidak dikenal" in err
        assert "1 kesalahan; tidak ada yang disimpan." in err
    assert not Pegawai.objects.exists()
    assert RiwayatImpor.objects.get().berhasil is False  # the real run was logged as refused


def test_missing_file_and_unknown_account(ruj, tmp_path):
    assert jalankan(str(tmp_path / "tidak-ada.csv"), "--jenis", "unit")[0] == 1
    path = tulis_csv(tmp_path / "u.csv", [["Kode", "Nama", "Jenis"], ["X", "Unit X", "OPD"]])
    kode, _o, err = jalankan(str(path), "--jenis", "unit", "--oleh", "000")
    assert kode == 1 and "Akun dengan NIP 000 tidak ditemukan" in err


def test_oleh_records_the_account(org, tmp_path):
    path = tulis_csv(tmp_path / "u.csv", [["Kode", "Nama", "Jenis"], ["X", "Unit X", "OPD"]])
    kode, _o, _e = jalankan(str(path), "--jenis", "unit", "--oleh", org.hr.nip)
    assert kode == 0
    assert RiwayatImpor.objects.get().oleh == org.hr.akun
