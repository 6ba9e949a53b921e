"""manage.py buat_berkas_kota: a city-sized set of import files that imports cleanly through the CLI,
in order, and builds each employee's position history."""

import csv
from io import StringIO

import pytest
from django.core.management import call_command

from pegawai import nip as nip_rules
from pegawai.models import Pegawai, RiwayatGolongan, RiwayatImpor, RiwayatJabatan, RiwayatPendidikan, UnitKerja

URUTAN = [
    ("01-unit.csv", "unit"),
    ("02-jabatan.csv", "jabatan"),
    ("03-tugas.csv", "tugas"),
    ("03-pegawai-riwayat-1.csv", "pegawai"),
    ("04-pegawai-riwayat-2.csv", "pegawai"),
    ("05-pegawai.csv", "pegawai"),
    ("06-riwayat-golongan.csv", "riwayat_golongan"),
    ("07-pendidikan.csv", "pendidikan"),
]


@pytest.mark.django_db
def test_generated_city_files_import_cleanly_through_the_cli_with_history(tmp_path):
    out = StringIO()
    call_command("buat_berkas_kota", "--pegawai", "150", "--ke", str(tmp_path), "--benih", "7", stdout=out)
    assert "150 pegawai" in out.getvalue()
    assert (tmp_path / "00-BACA.txt").read_text(encoding="utf-8").count("manage.py impor") == len(URUTAN)
    with open(tmp_path / "05-pegawai.csv", encoding="utf-8") as f:
        baris = list(csv.DictReader(f))
    assert len(baris) == 150 and len({b["NIP"] for b in baris}) == 150
    for b in baris:  # NIPs agree with birth date and gender, TMT CPNS at a plausible age
        info = nip_rules.parse(b["NIP"])
        assert info.tanggal_lahir.isoformat() == b["Tanggal Lahir"] and info.jenis_kelamin == b["Jenis Kelamin"]
        assert b["TMT Jabatan"] >= f"{info.tahun_masuk}-{info.bulan_masuk:02d}-01"
    lama = (tmp_path / "03-pegawai-riwayat-1.csv", tmp_path / "04-pegawai-riwayat-2.csv")
    riwayat = len(baris) + sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in lama)
    with open(tmp_path / "06-riwayat-golongan.csv", encoding="utf-8") as f:
        pangkat = list(csv.DictReader(f))
    with open(tmp_path / "07-pendidikan.csv", encoding="utf-8") as f:
        sekolah = list(csv.DictReader(f))
    golongan = {b["NIP"]: b["Golongan"] for b in baris}

    for nama, jenis in URUTAN:  # CommandError (a failing test) on any refused row
        call_command("impor", str(tmp_path / nama), "--jenis", jenis, stdout=StringIO(), stderr=StringIO())

    assert RiwayatImpor.objects.filter(berhasil=True).count() == len(URUTAN)
    assert Pegawai.objects.count() == 150 and UnitKerja.objects.count() > 800
    assert RiwayatJabatan.objects.count() == riwayat > 150  # earlier posts closed, not overwritten
    assert RiwayatJabatan.objects.filter(sampai__isnull=True).count() == 150
    # rank history ends at each current golongan (unchanged by its import); education sets pendidikan
    assert RiwayatGolongan.objects.count() == len(pangkat) > 150
    assert dict(Pegawai.objects.values_list("nip", "golongan")) == golongan
    assert RiwayatPendidikan.objects.count() == len(sekolah) > 150
    assert not Pegawai.objects.filter(pendidikan__in=["SMA", "D3", "S1", "S2"]).exists()
    assert Pegawai.objects.filter(pendidikan__startswith="S-1 ").exists()


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_files(tmp_path):
    for d in ("a", "b"):
        call_command("buat_berkas_kota", "--pegawai", "40", "--ke", str(tmp_path / d), stdout=StringIO())
    assert (tmp_path / "a" / "05-pegawai.csv").read_bytes() == (tmp_path / "b" / "05-pegawai.csv").read_bytes()
