"""Backups (inti.cadangan, `manage.py cadangkan` / `pulihkan`): records and uploaded files come back
in a fresh database (a new SQLite file; a new PostgreSQL database made with createdb); a damaged or
altered archive is refused before anything is touched; the retention keeps what docs/DEPLOY.md says.

The people come from the project's `org` fixture (conftest.py; inti may not import pegawai)."""

import copy
import gzip
import io
import json
import subprocess
import tarfile
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from inti import cadangan

MESIN = connections["default"].vendor  # known from the settings, before any connection opens

BERKAS = {
    "pelatihan/bukti/2026/01/sertifikat-latsar.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 40,
    "mutasi/lampiran/surat permohonan (final).txt": b"Surat permohonan pindah, Surabaya.\n",
}


def _simpan_berkas():
    for nama, isi in BERKAS.items():
        assert default_storage.save(nama, ContentFile(isi)) == nama


def _hitung_baris(koneksi) -> dict[str, int]:
    """Rows of every table: "every record" in one comparison."""
    with koneksi.cursor() as c:
        tabel = koneksi.introspection.table_names(c)
        hasil = {}
        for t in tabel:
            c.execute(f"SELECT COUNT(*) FROM {koneksi.ops.quote_name(t)}")  # noqa: S608 - names from introspection
            hasil[t] = c.fetchone()[0]
    return hasil


@pytest.fixture
def basis_data_baru(tmp_path):
    """A fresh, empty database of the suite's engine, reachable as connections["pulih"]: a new SQLite
    file, or a new PostgreSQL database made with `createdb` (dropped afterwards)."""
    sd = copy.deepcopy(connection.settings_dict)
    if connection.vendor == "postgresql":
        sd["NAME"] = f"simutasi_pulih_{uuid.uuid4().hex[:12]}"
        subprocess.run(["createdb", sd["NAME"]], env=cadangan._pg_env(sd), check=True)  # noqa: S603, S607
    else:
        sd["NAME"] = str(tmp_path / "pulih.sqlite3")
    baru = type(connections["default"])(sd, alias="pulih")
    connections["pulih"] = baru
    try:
        yield baru
    finally:
        baru.close()
        del connections["pulih"]
        if connection.vendor == "postgresql":
            subprocess.run(["dropdb", "--if-exists", sd["NAME"]], env=cadangan._pg_env(sd), check=True)  # noqa: S603, S607


def _cadangkan_lalu_pulihkan_ke_basis_data_baru(org, basis_data_baru, tmp_path):
    _simpan_berkas()
    Pegawai = apps.get_model("pegawai", "Pegawai")
    sebelum = _hitung_baris(connection)
    assert sebelum[Pegawai._meta.db_table] == 5

    hasil = cadangan.buat_cadangan(folder=tmp_path / "cadangan")
    assert cadangan.POLA_NAMA.match(hasil.arsip.name)
    assert hasil.arsip.stat().st_mode & 0o777 == 0o600  # personal data: the service user only
    assert hasil.jumlah_berkas == len(BERKAS)
    assert list((tmp_path / "cadangan").iterdir()) == [hasil.arsip]  # no temporary file left behind

    assert _hitung_baris(basis_data_baru) == {}  # fresh: no table at all
    media_baru = tmp_path / "media-baru"
    pulih = cadangan.pulihkan_cadangan(arsip=hasil.arsip, using="pulih", media_root=media_baru)

    assert _hitung_baris(basis_data_baru) == sebelum
    for orang in (org.hr, org.ppk, org.kepala, org.anggota, org.orang_luar):
        p = Pegawai.objects.using("pulih").get(nip=orang.nip)
        assert (p.nama, p.pk) == (orang.nama, orang.pk)
        assert p.akun.password == orang.akun.password  # the same hash: the same password signs in
    for nama, isi in BERKAS.items():
        assert (media_baru / nama).read_bytes() == isi
    assert sorted(p.relative_to(media_baru).as_posix() for p in media_baru.rglob("*") if p.is_file()) == sorted(BERKAS)
    assert pulih.media_lama is None
    assert pulih.catatan == []  # every migration of this code is in the restored database
    m = pulih.manifest
    assert m["mesin"] == connection.vendor
    assert m["jumlah_berkas_media"] == len(BERKAS)
    assert "pegawai.0001_initial" in m["migrasi"]


@pytest.mark.skipif(MESIN != "sqlite", reason="butuh SQLite")
@pytest.mark.django_db(transaction=True)
def test_sqlite_cadangkan_lalu_pulihkan_ke_berkas_baru(org, basis_data_baru, tmp_path):
    _cadangkan_lalu_pulihkan_ke_basis_data_baru(org, basis_data_baru, tmp_path)


@pytest.mark.postgres
@pytest.mark.skipif(MESIN != "postgresql", reason="butuh PostgreSQL (pg_dump, pg_restore, createdb)")
@pytest.mark.django_db(transaction=True)
def test_postgresql_cadangkan_lalu_pulihkan_ke_createdb_baru(org, basis_data_baru, tmp_path):
    _cadangkan_lalu_pulihkan_ke_basis_data_baru(org, basis_data_baru, tmp_path)


@pytest.mark.django_db(transaction=True)
def test_perintah_menolak_basis_data_berisi_lalu_menimpa_dengan_timpa(org, settings, tmp_path):
    """`make backup` / `make restore FILE=...` on the configured database (SQLite or PostgreSQL)."""
    settings.CADANGAN_DIR = tmp_path / "cadangan"
    _simpan_berkas()
    Pegawai = apps.get_model("pegawai", "Pegawai")
    out = io.StringIO()
    call_command("cadangkan", stdout=out)
    (arsip,) = (tmp_path / "cadangan").glob("simutasi-*.tar.gz")
    assert f"Cadangan dibuat: {arsip}" in out.getvalue()

    # Things change after the backup: a name, a file lost, a file added.
    Pegawai.objects.filter(pk=org.anggota.pk).update(nama="Diubah Sesudah Cadangan")
    media = Path(settings.MEDIA_ROOT)
    hilang = next(iter(BERKAS))
    (media / hilang).unlink()
    default_storage.save("baru-sesudah-cadangan.txt", ContentFile(b"baru"))

    with pytest.raises(CommandError, match="Tujuan tidak kosong"):
        call_command("pulihkan", str(arsip), stdout=io.StringIO())
    assert Pegawai.objects.get(pk=org.anggota.pk).nama == "Diubah Sesudah Cadangan"  # untouched

    out = io.StringIO()
    call_command("pulihkan", str(arsip), "--timpa", stdout=out)
    assert Pegawai.objects.get(pk=org.anggota.pk).nama == org.anggota.nama
    assert (media / hilang).read_bytes() == BERKAS[hilang]
    assert not (media / "baru-sesudah-cadangan.txt").exists()
    (lama,) = media.parent.glob(f"{media.name}.sebelum-pulih-*")  # moved aside, not deleted
    assert (lama / "baru-sesudah-cadangan.txt").read_bytes() == b"baru"
    assert "Berkas media sebelumnya dipindah ke" in out.getvalue()


# --- A damaged or altered archive is refused before anything is touched ---------------------


@pytest.fixture
def arsip_sah(db, org, tmp_path):
    _simpan_berkas()
    return cadangan.buat_cadangan(folder=tmp_path / "cadangan").arsip


def _isi_arsip(arsip: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(arsip, "r:gz") as tar:
        return [(m, tar.extractfile(m).read() if m.isfile() else b"") for m in tar.getmembers()]


def _tulis_arsip(arsip: Path, anggota: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    with tarfile.open(arsip, "w:gz") as tar:
        for info, isi in anggota:
            info = copy.copy(info)
            info.size = len(isi)
            tar.addfile(info, io.BytesIO(isi))
    return arsip


def _ubah(arsip: Path, ke: Path, fungsi) -> Path:
    return _tulis_arsip(ke, [fungsi(m, isi) for m, isi in _isi_arsip(arsip)])


def _arsip_rusak(arsip_sah: Path, tmp_path: Path) -> dict[str, Path]:
    data = bytearray(arsip_sah.read_bytes())
    rusak = {}

    p = tmp_path / "bit-terbalik.tar.gz"
    data_balik = bytearray(data)
    data_balik[len(data) // 2] ^= 0x40
    p.write_bytes(bytes(data_balik))
    rusak["satu byte berubah"] = p

    p = tmp_path / "terpotong.tar.gz"
    p.write_bytes(bytes(data[: len(data) * 2 // 3]))
    rusak["terpotong"] = p

    p = tmp_path / "bukan-arsip.tar.gz"
    p.write_bytes(b"ini bukan arsip")
    rusak["bukan arsip"] = p

    nama_berkas = f"media/{next(iter(BERKAS))}"
    rusak["berkas media diganti"] = _ubah(
        arsip_sah,
        tmp_path / "diganti.tar.gz",
        lambda m, isi: (m, b"%PDF-1.4 palsu" if m.name == nama_berkas else isi),
    )
    rusak["basis data diganti"] = _ubah(
        arsip_sah,
        tmp_path / "db-diganti.tar.gz",
        lambda m, isi: (m, isi[:-1] + bytes([isi[-1] ^ 1]) if m.name.startswith("basis_data") else isi),
    )

    anggota = _isi_arsip(arsip_sah)
    rusak["berkas hilang"] = _tulis_arsip(tmp_path / "hilang.tar.gz", [a for a in anggota if a[0].name != nama_berkas])
    selundup = tarfile.TarInfo("media/selundupan.html")
    rusak["berkas tambahan"] = _tulis_arsip(tmp_path / "tambahan.tar.gz", [*anggota, (selundup, b"<script>")])
    keluar = tarfile.TarInfo("media/../../keluar.txt")
    rusak["jalur keluar"] = _tulis_arsip(tmp_path / "keluar.tar.gz", [*anggota, (keluar, b"x")])
    tautan = tarfile.TarInfo("media/tautan")
    tautan.type, tautan.linkname = tarfile.SYMTYPE, "/etc/passwd"
    rusak["tautan"] = _tulis_arsip(tmp_path / "tautan.tar.gz", [*anggota, (tautan, b"")])
    rusak["tanpa manifest"] = _tulis_arsip(
        tmp_path / "tanpa-manifest.tar.gz", [a for a in anggota if a[0].name != cadangan.MANIFEST]
    )
    return rusak


@pytest.mark.django_db(transaction=True)
def test_arsip_rusak_atau_diubah_ditolak_sebelum_menyentuh_apa_pun(arsip_sah, basis_data_baru, tmp_path):
    media_baru = tmp_path / "media-baru"
    for alasan, arsip in _arsip_rusak(arsip_sah, tmp_path).items():
        with pytest.raises(cadangan.CadanganError, match=r"Arsip (rusak|ditolak)"):
            cadangan.pulihkan_cadangan(arsip=arsip, using="pulih", media_root=media_baru)
        assert _hitung_baris(basis_data_baru) == {}, alasan
        assert not media_baru.exists() or not any(media_baru.iterdir()), alasan
    assert not (tmp_path.parent / "keluar.txt").exists()
    # The intact archive still restores into the same (untouched) target.
    cadangan.pulihkan_cadangan(arsip=arsip_sah, using="pulih", media_root=media_baru)
    assert (media_baru / next(iter(BERKAS))).read_bytes() == next(iter(BERKAS.values()))


@pytest.mark.django_db(transaction=True)
def test_perintah_pulihkan_periksa_dan_arsip_rusak(arsip_sah, tmp_path):
    out = io.StringIO()
    call_command("pulihkan", str(arsip_sah), "--periksa", stdout=out)
    assert "Arsip utuh" in out.getvalue()
    assert f"{len(BERKAS)} berkas media" in out.getvalue()
    rusak = tmp_path / "rusak.tar.gz"
    rusak.write_bytes(gzip.compress(b"bukan tar"))
    with pytest.raises(CommandError, match="Arsip rusak"):
        call_command("pulihkan", str(rusak), "--periksa", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_mesin_lain_ditolak(arsip_sah, basis_data_baru, tmp_path):
    lain = "sqlite" if connection.vendor == "postgresql" else "postgresql"

    def ganti_mesin(m, isi):
        if m.name == cadangan.MANIFEST:
            data = json.loads(isi)
            data["mesin"] = lain
            return m, json.dumps(data).encode()
        return m, isi

    arsip = _ubah(arsip_sah, tmp_path / "lain.tar.gz", ganti_mesin)
    with pytest.raises(cadangan.CadanganError, match="lintas mesin"):
        cadangan.pulihkan_cadangan(arsip=arsip, using="pulih", media_root=tmp_path / "m")
    assert _hitung_baris(basis_data_baru) == {}


def test_arsip_tidak_ada(tmp_path):
    with pytest.raises(cadangan.CadanganError, match="tidak ada"):
        cadangan.buka_arsip(tmp_path / "tidak-ada.tar.gz", tmp_path)


# --- Retention --------------------------------------------------------------------------------


def _harian(mulai: datetime, sampai: datetime) -> list[datetime]:
    hasil, t = [], mulai
    while t <= sampai:
        hasil.append(t)
        t += timedelta(days=1)
    return hasil


def test_masa_simpan_14_hari_8_minggu_12_bulan():
    semua = _harian(datetime(2025, 1, 1, 1, 30), datetime(2026, 2, 10, 1, 30))  # nightly, 406 archives
    simpan = cadangan.pilih_simpan(semua, harian=14, mingguan=8, bulanan=12)
    hari = sorted(t.date().isoformat() for t in simpan)
    empat_belas_malam = [f"2026-01-{d}" for d in range(28, 32)] + [f"2026-02-{d:02d}" for d in range(1, 11)]
    # The newest of the 8 most recent ISO weeks: the Sundays back to 2025-12-28 (the current week's
    # newest is 2026-02-10, already a nightly one).
    minggu = ["2025-12-28", "2026-01-04", "2026-01-11", "2026-01-18", "2026-01-25", "2026-02-01", "2026-02-08"]
    # The newest of the 12 most recent months: month ends back to March 2025 (February 2026: the 10th).
    bulan = ["2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30"]
    bulan += ["2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31"]
    assert hari == sorted(set(empat_belas_malam + minggu + bulan))
    assert len(hari) == 29


def test_masa_simpan_bila_cadangan_berhenti_tetap_menyimpan_yang_terakhir():
    # No backup for a year: the retention counts days that HAVE a backup, so nothing recent is lost.
    lama = _harian(datetime(2024, 1, 1, 1, 30), datetime(2024, 1, 20, 1, 30))
    simpan = cadangan.pilih_simpan(lama, harian=14, mingguan=0, bulanan=0)
    assert simpan == set(lama[-14:])
    assert cadangan.pilih_simpan(lama, harian=0, mingguan=0, bulanan=0) == {lama[-1]}


def test_pangkas_hanya_arsip_simutasi(tmp_path):
    for t in _harian(datetime(2026, 1, 1, 1, 30), datetime(2026, 1, 20, 1, 30)):
        (tmp_path / f"simutasi-{t:%Y%m%d-%H%M%S}.tar.gz").write_bytes(b"x")
    (tmp_path / "catatan.txt").write_text("milik operator")
    (tmp_path / "simutasi-rusak.tar.gz").write_bytes(b"x")
    dihapus = cadangan.pangkas(tmp_path, harian=3, mingguan=0, bulanan=0)
    assert len(dihapus) == 17
    sisa = sorted(p.name for p in tmp_path.iterdir())
    assert sisa == [
        "catatan.txt",
        "simutasi-20260118-013000.tar.gz",
        "simutasi-20260119-013000.tar.gz",
        "simutasi-20260120-013000.tar.gz",
        "simutasi-rusak.tar.gz",
    ]


@pytest.mark.django_db(transaction=True)
def test_perintah_cadangkan_pangkas(org, tmp_path):
    folder = tmp_path / "cadangan"
    folder.mkdir()
    for t in _harian(datetime(2020, 1, 1, 1, 30), datetime(2020, 3, 1, 1, 30)):
        (folder / f"simutasi-{t:%Y%m%d-%H%M%S}.tar.gz").write_bytes(b"x")
    out = io.StringIO()
    call_command("cadangkan", "--ke", str(folder), "--pangkas", "--simpan-harian", "2", stdout=out)
    sisa = sorted(p.name[9:17] for p in folder.iterdir())
    # Kept: the new archive (today: the newest day, week and month), and of 2020 the newest of the
    # next day (1 March), of 7 more weeks and of 2 more months.
    assert sisa[:-1] == [
        "20200119",
        "20200126",
        "20200131",
        "20200202",
        "20200209",
        "20200216",
        "20200223",
        "20200229",
        "20200301",
    ]
    assert sisa[-1] >= "2026"
    assert out.getvalue().count("dihapus (di luar masa simpan)") == 61 - 9
