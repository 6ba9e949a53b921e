"""Employee import: good files in every accepted shape, each row-level error with its exact
message, all or nothing, the update path and position history."""

from datetime import date, datetime

import pytest

from inti.models import CatatanAudit
from pegawai.impor.mesin import proses
from pegawai.models import Pegawai, RiwayatImpor, RiwayatJabatan
from pegawai.services.impor import impor_jalankan
from pegawai.tests.factories import UnitKerjaFactory, kepala_dari, nip_untuk, pegawai_di
from pegawai.tests.fixtures.impor import (
    JUDUL_PEGAWAI,
    baris_pegawai,
    buat_rujukan,
    sebagai_tabel,
    tulis_csv,
    tulis_xlsx,
)


@pytest.fixture
def ruj(db):
    return buat_rujukan()


def pesan(hasil) -> list[str]:
    return [str(g) for g in hasil.galat]


def impor(path, **kw):
    return impor_jalankan(path=path, nama_file=path.name, jenis="pegawai", oleh=kw.get("oleh"))


# --- good files -------------------------------------------------------------------------


def test_csv_with_commas_creates_employees_with_their_post(ruj, tmp_path):
    rows = [baris_pegawai(i) for i in range(1, 4)]
    riwayat, hasil = impor(tulis_csv(tmp_path / "pegawai.csv", sebagai_tabel(rows)))

    assert hasil.ok, pesan(hasil)
    assert (hasil.jumlah_baris, hasil.baru, hasil.ubah, hasil.sama) == (3, 3, 0, 0)
    assert (hasil.format, hasil.encoding, hasil.pemisah) == ("csv", "UTF-8", ",")
    p = Pegawai.objects.with_posisi().get(nip=rows[0]["NIP"])
    assert (p.nama, p.gelar_belakang, p.golongan, p.email) == ("Pegawai Impor 1", "S.Kom.", "III/a", rows[0]["Email"])
    assert (p.posisi_sekarang.unit, p.posisi_sekarang.jabatan) == (ruj.kel, ruj.staf)
    assert p.posisi_sekarang.mulai == date(2020, 1, 2)
    assert p.posisi_sekarang.keterangan == f"Impor #{riwayat.pk}"
    assert riwayat.berhasil and (riwayat.jumlah_baris, riwayat.dibuat) == (3, 3)
    assert CatatanAudit.objects.filter(aksi="pegawai.impor_buat", objek_id=str(p.pk)).exists()
    assert CatatanAudit.objects.filter(aksi="impor.pegawai", objek_id=str(riwayat.pk)).exists()


def test_semicolon_csv_in_windows_1252_keeps_accented_names(ruj, tmp_path):
    rows = [baris_pegawai(1, Nama="Ni Luh Ayu Çahyani Ñoman"), baris_pegawai(2, Nama="José Sânchez")]
    path = tulis_csv(tmp_path / "excel.csv", sebagai_tabel(rows), pemisah=";", encoding="cp1252")

    _riwayat, hasil = impor(path)

    assert hasil.ok, pesan(hasil)
    assert (hasil.encoding, hasil.pemisah) == ("Windows-1252", ";")
    assert Pegawai.objects.get(nip=rows[0]["NIP"]).nama == "Ni Luh Ayu Çahyani Ñoman"
    assert Pegawai.objects.get(nip=rows[1]["NIP"]).nama == "José Sânchez"


def test_utf8_with_bom_reads_the_first_header(ruj, tmp_path):
    rows = [baris_pegawai(1, Nama="Dwi Astuti Ō")]
    path = tulis_csv(tmp_path / "bom.csv", sebagai_tabel(rows), encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfNIP")

    _r, hasil = impor(path)

    assert hasil.ok, pesan(hasil)
    assert hasil.encoding == "UTF-8 (BOM)"
    assert Pegawai.objects.get(nip=rows[0]["NIP"]).nama == "Dwi Astuti Ō"


def test_xlsx_with_real_date_cells(ruj, tmp_path):
    row = baris_pegawai(1)
    tabel = sebagai_tabel([row])
    tabel[1][JUDUL_PEGAWAI.index("Tanggal Lahir")] = date.fromisoformat(row["Tanggal Lahir"])
    tabel[1][JUDUL_PEGAWAI.index("TMT Jabatan")] = datetime(2019, 7, 1)

    _r, hasil = impor(tulis_xlsx(tmp_path / "pegawai.xlsx", tabel))

    assert hasil.ok, pesan(hasil)
    assert hasil.format == "xlsx"
    p = Pegawai.objects.with_posisi().get(nip=row["NIP"])
    assert p.tanggal_lahir == date.fromisoformat(row["Tanggal Lahir"])
    assert p.posisi_sekarang.mulai == date(2019, 7, 1)


@pytest.mark.parametrize("teks", ["02-01-2020", "02/01/2020", "2020-01-02", "2/1/2020"])
def test_text_dates_in_each_accepted_format(ruj, tmp_path, teks):
    row = baris_pegawai(1, **{"TMT Jabatan": teks})
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])))
    assert hasil.ok, pesan(hasil)
    assert Pegawai.objects.with_posisi().get(nip=row["NIP"]).posisi_sekarang.mulai == date(2020, 1, 2)


def test_headers_ignore_case_and_spaces_and_accept_english_names(ruj, tmp_path):
    row = baris_pegawai(1)
    judul = {
        "NIP": "nip",
        "Nama": "NAME",
        "Jenis Kelamin": "gender",
        "Tanggal Lahir": "Birth  Date",
        "Status": " status ",
        "Golongan": "Grade",
        "Jabatan": "Position",
        "Unit Kerja": "unit",
        "TMT Jabatan": "Start_Date",
        "Email": "E-mail",
    }
    tabel = [list(judul.values()), [row[k] for k in judul]]

    _r, hasil = impor(tulis_csv(tmp_path / "en.csv", tabel))

    assert hasil.ok, pesan(hasil)
    assert Pegawai.objects.get(nip=row["NIP"]).email == row["Email"]


def test_unknown_columns_are_ignored_with_a_note(ruj, tmp_path):
    row = baris_pegawai(1)
    row["Agama"] = "Islam"
    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])), "p.csv", "pegawai")
    assert hasil.ok
    assert "Kolom 'Agama' tidak dikenal dan diabaikan." in hasil.catatan


def test_unit_by_exact_name_and_grouped_nip_and_pppk(ruj, tmp_path):
    pppk = baris_pegawai(
        2,
        NIP="19900913 2025 24 2 014",
        lahir=date(1990, 9, 13),
        jk="P",
        Status="PPPK",
        Golongan="IX",
        **{"Unit Kerja": "Kelurahan Kalisari", "Tanggal Lahir": "1990-09-13", "Jenis Kelamin": "P"},
    )
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel([pppk])))
    assert hasil.ok, pesan(hasil)
    p = Pegawai.objects.with_posisi().get(nip="199009132025242014")
    assert (p.status, p.golongan, p.posisi_sekarang.unit) == ("PPPK", "IX", ruj.kel)


def test_dry_run_writes_nothing(ruj, tmp_path):
    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel([baris_pegawai(1)])), "p.csv", "pegawai")
    assert hasil.ok and hasil.baru == 1
    assert not Pegawai.objects.exists()
    assert not RiwayatImpor.objects.exists()


# --- row errors: row number, column, Indonesian message ---------------------------------


def satu_galat(ruj, tmp_path, **ubah) -> list[str]:
    rows = [baris_pegawai(1), baris_pegawai(2, **ubah)]
    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel(rows)), "p.csv", "pegawai")
    return pesan(hasil)


def test_nip_with_an_impossible_birth_date(ruj, tmp_path):
    assert satu_galat(ruj, tmp_path, NIP="198609312015051001") == [
        "baris 3, kolom NIP: tanggal lahir di NIP (1986-09-31) bukan tanggal yang sah"
    ]


def test_nip_must_agree_with_birth_date_and_gender(ruj, tmp_path):
    nip = nip_untuk(date(1986, 9, 26), "L", urut=7)
    galat = satu_galat(ruj, tmp_path, NIP=nip, **{"Tanggal Lahir": "1986-09-27", "Jenis Kelamin": "P"})
    assert galat == [
        "baris 3, kolom Tanggal Lahir: tanggal lahir (1986-09-27) tidak sama dengan tanggal lahir di NIP (1986-09-26)",
        "baris 3, kolom Jenis Kelamin: jenis kelamin tidak sesuai dengan digit ke-15 NIP",
    ]


def test_pppk_number_is_refused_when_status_says_pns(ruj, tmp_path):
    galat = satu_galat(
        ruj, tmp_path, NIP="199009132025242014", Golongan="IX", **{"Tanggal Lahir": "1990-09-13", "Jenis Kelamin": "P"}
    )
    assert galat == [
        "baris 3, kolom NIP: TMT CPNS di NIP (2025-24) bukan bulan yang sah",
        "baris 3, kolom Golongan: golongan PNS adalah I/a sampai IV/e, bukan IX",
    ]


def test_golongan_must_fit_the_status(ruj, tmp_path):
    assert satu_galat(ruj, tmp_path, Golongan="IV/f") == [
        "baris 3, kolom Golongan: golongan IV/f tidak dikenal; PNS: I/a sampai IV/e, PPPK: I sampai XVII"
    ]


def test_unknown_unit_and_position_with_a_suggestion(ruj, tmp_path):
    galat = satu_galat(ruj, tmp_path, Jabatan="Pengadminstrasi Umun", **{"Unit Kerja": "KEL-XXX"})
    assert galat == [
        "baris 3, kolom Unit Kerja: unit kerja KEL-XXX tidak ditemukan (bukan kode maupun nama unit)",
        "baris 3, kolom Jabatan: jabatan Pengadminstrasi Umun tidak ada di daftar jabatan; "
        "maksud Anda Pengadministrasi Umum?",
    ]


def test_names_match_without_case_or_extra_spaces(ruj, tmp_path):
    # Position and unit names: case and extra spaces do not matter (a unit by name or code).
    assert satu_galat(ruj, tmp_path, Jabatan="  pengadministrasi   UMUM ", **{"Unit Kerja": "kel-mly-ks"}) == []


def test_a_unit_name_shared_by_two_units_needs_the_code(ruj, tmp_path):
    UnitKerjaFactory(kode="SEKSI-A", nama="Seksi Pemerintahan")
    UnitKerjaFactory(kode="SEKSI-B", nama="Seksi Pemerintahan")
    assert satu_galat(ruj, tmp_path, **{"Unit Kerja": "Seksi Pemerintahan"}) == [
        "baris 3, kolom Unit Kerja: nama unit Seksi Pemerintahan dipakai oleh 2 unit (kode SEKSI-A, SEKSI-B); "
        "tulis kode unitnya"
    ]


def test_duplicate_nips_name_both_rows(ruj, tmp_path):
    a = baris_pegawai(1)
    b = dict(a, NIP=a["NIP"][:8] + " " + a["NIP"][8:])  # the same NIP, typed grouped
    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel([a, baris_pegawai(3), b])), "p.csv", "pegawai")
    assert pesan(hasil) == [f"baris 4, kolom NIP: NIP {a['NIP']} ganda: sudah ada di baris 2 (baris 2 dan 4 sama)"]


def test_missing_cells_and_bad_values(ruj, tmp_path):
    galat = satu_galat(
        ruj, tmp_path, Nama="", **{"Jenis Kelamin": "X", "Tanggal Lahir": "31-02-1990", "Email": "bukan-email"}
    )
    assert galat == [
        "baris 3, kolom Nama: wajib diisi",
        "baris 3, kolom Jenis Kelamin: X tidak dikenal; pilihan: L, P",
        "baris 3, kolom Tanggal Lahir: tanggal 31-02-1990 tidak ada di kalender",
        "baris 3, kolom Email: alamat email bukan-email tidak sah",
    ]


def test_post_columns_go_together_and_new_employees_need_them(ruj, tmp_path):
    galat = satu_galat(ruj, tmp_path, Jabatan="", **{"TMT Jabatan": ""})
    assert galat == [
        "baris 3, kolom Jabatan: wajib diisi bila Jabatan, Unit Kerja atau TMT Jabatan diisi",
        "baris 3, kolom TMT Jabatan: wajib diisi bila Jabatan, Unit Kerja atau TMT Jabatan diisi",
    ]
    galat = satu_galat(ruj, tmp_path, Jabatan="", **{"TMT Jabatan": "", "Unit Kerja": ""})
    assert galat == [
        "baris 3, kolom Jabatan: wajib diisi untuk pegawai baru",
        "baris 3, kolom Unit Kerja: wajib diisi untuk pegawai baru",
        "baris 3, kolom TMT Jabatan: wajib diisi untuk pegawai baru",
    ]


def test_future_tmt_is_refused(ruj, tmp_path):
    assert satu_galat(ruj, tmp_path, **{"TMT Jabatan": "2999-01-01"}) == [
        "baris 3, kolom TMT Jabatan: TMT 01-01-2999 ada di masa depan"
    ]


def test_missing_required_columns_are_named(ruj, tmp_path):
    row = baris_pegawai(1)
    del row["Golongan"], row["Status"]
    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])), "p.csv", "pegawai")
    assert hasil.ditolak
    assert pesan(hasil)[0].startswith("Kolom wajib tidak ada: Status, Golongan. Judul kolom yang terbaca: NIP, Nama,")


def test_formula_cells_are_refused_with_the_cell_named(ruj, tmp_path):
    tabel = sebagai_tabel([baris_pegawai(1), baris_pegawai(2)])
    tabel[2][JUDUL_PEGAWAI.index("Nama")] = '=UPPER("budi")'
    hasil = proses(tulis_xlsx(tmp_path / "p.xlsx", tabel), "p.xlsx", "pegawai")
    assert pesan(hasil) == [
        'baris 3, kolom Nama: sel B3 berisi rumus (=UPPER("budi")), bukan nilai; '
        "salin lalu tempel sebagai nilai (Paste Special > Values)"
    ]


def test_nip_stored_as_a_number_is_refused(ruj, tmp_path):
    tabel = sebagai_tabel([baris_pegawai(1)])
    tabel[1][0] = float(tabel[1][0])
    hasil = proses(tulis_xlsx(tmp_path / "p.xlsx", tabel), "p.xlsx", "pegawai")
    assert len(hasil.galat) == 1
    assert str(hasil.galat[0]).startswith("baris 2, kolom NIP: NIP tersimpan sebagai angka")
    tabel[1][0] = "1,98609E+17"  # what Excel leaves in a CSV
    hasil = proses(tulis_csv(tmp_path / "p.csv", tabel), "p.csv", "pegawai")
    assert str(hasil.galat[0]).startswith("baris 2, kolom NIP: NIP tersimpan sebagai angka (1,98609E+17)")


# --- all or nothing ---------------------------------------------------------------------


def test_one_bad_row_among_good_ones_writes_nothing(ruj, tmp_path):
    rows = [baris_pegawai(i) for i in range(1, 50)]
    rows[30]["Golongan"] = "IX"
    riwayat, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel(rows)))

    assert pesan(hasil) == ["baris 32, kolom Golongan: golongan PNS adalah I/a sampai IV/e, bukan IX"]
    assert not Pegawai.objects.exists()
    assert not RiwayatJabatan.objects.exists()
    assert not CatatanAudit.objects.exists()
    assert RiwayatImpor.objects.get() == riwayat
    assert not riwayat.berhasil
    assert riwayat.jumlah_baris == 49 and riwayat.dibuat == 0
    assert "baris 32, kolom Golongan" in riwayat.catatan


def test_an_error_found_after_batches_were_written_rolls_everything_back(ruj, tmp_path, monkeypatch):
    from pegawai.impor.jenis.pegawai import ImporPegawai

    monkeypatch.setattr(ImporPegawai, "ukuran_batch", 10)
    rows = [baris_pegawai(i) for i in range(1, 40)]
    rows[-1]["Unit Kerja"] = "TIDAK-ADA"
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel(rows)))
    assert not hasil.ok
    assert not Pegawai.objects.exists()


def test_batches_write_everything_when_clean(ruj, tmp_path, monkeypatch):
    from pegawai.impor.jenis.pegawai import ImporPegawai

    monkeypatch.setattr(ImporPegawai, "ukuran_batch", 10)
    rows = [baris_pegawai(i) for i in range(1, 40)]
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel(rows)))
    assert hasil.ok and hasil.baru == 39
    assert Pegawai.objects.count() == 39 == RiwayatJabatan.objects.filter(sampai__isnull=True).count()


# --- updates and position history -------------------------------------------------------


def baris_dari(p, **ubah) -> dict:
    posisi = p.riwayat_jabatan.get(sampai__isnull=True)
    row = {
        "NIP": p.nip,
        "Nama": p.nama,
        "Gelar Depan": p.gelar_depan,
        "Gelar Belakang": p.gelar_belakang,
        "Jenis Kelamin": p.jenis_kelamin,
        "Tanggal Lahir": p.tanggal_lahir.isoformat(),
        "Status": p.status,
        "Golongan": p.golongan,
        "Jabatan": posisi.jabatan.nama,
        "Unit Kerja": posisi.unit.kode,
        "TMT Jabatan": posisi.mulai.isoformat(),
        "Pendidikan": p.pendidikan,
        "Email": p.email,
    }
    row.update(ubah)
    return row


def test_update_changes_fields_and_counts_unchanged_rows(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1))
    b = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1))
    rows = [baris_dari(a, Golongan="III/b", Nama="Nama Baru"), baris_dari(b), baris_pegawai(5)]

    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel(rows)), "p.csv", "pegawai")
    assert (hasil.baru, hasil.ubah, hasil.sama) == (1, 1, 1)
    ubah = next(c for c in hasil.contoh if c["aksi"] == "ubah")
    assert ["Golongan", "III/a", "III/b"] in ubah["perubahan"]

    _r, hasil = impor(tmp_path / "p.csv")
    assert hasil.ok
    a.refresh_from_db()
    assert (a.golongan, a.nama) == ("III/b", "Nama Baru")
    assert RiwayatJabatan.objects.filter(pegawai=a).count() == 1  # the post did not change
    audit = CatatanAudit.objects.get(aksi="pegawai.impor_ubah", objek_id=str(a.pk))
    assert audit.perubahan["Golongan"] == ["III/a", "III/b"]


def test_a_changed_unit_closes_the_post_the_day_before_and_opens_a_new_one(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1))
    row = baris_dari(a, **{"Unit Kerja": "KEC-MLY", "Jabatan": "Analis Kebijakan", "TMT Jabatan": "01-03-2024"})

    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])))

    assert hasil.ok and hasil.ubah == 1
    lama, baru = RiwayatJabatan.objects.filter(pegawai=a).order_by("mulai")
    assert (lama.unit, lama.mulai, lama.sampai) == (ruj.kel, date(2019, 1, 1), date(2024, 2, 29))
    assert (baru.unit, baru.jabatan, baru.mulai, baru.sampai) == (ruj.kec, ruj.analis, date(2024, 3, 1), None)


def test_a_new_post_must_start_after_the_current_one(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1))
    row = baris_dari(a, **{"Unit Kerja": "KEC-MLY", "TMT Jabatan": "2019-01-01"})
    # the position exists only in kelurahan units: relax that rule to reach the TMT check
    longgar = {"formasi_unit_jabatan": "uji"}
    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])), "p.csv", "pegawai", longgar=longgar)
    assert pesan(hasil) == [
        "baris 2, kolom TMT Jabatan: TMT baru (01-01-2019) harus sesudah TMT jabatan sekarang (01-01-2019)"
    ]


def test_a_corrected_tmt_on_the_same_post_moves_its_start(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1))
    RiwayatJabatan.objects.create(
        pegawai=a, unit=ruj.kec, jabatan=ruj.staf, mulai=date(2015, 1, 1), sampai=date(2018, 12, 31)
    )
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel([baris_dari(a, **{"TMT Jabatan": "2019-02-01"})])))
    assert hasil.ok and hasil.ubah == 1
    assert a.riwayat_jabatan.get(sampai__isnull=True).mulai == date(2019, 2, 1)

    row = baris_dari(a, **{"TMT Jabatan": "2018-06-01"})
    hasil = proses(tulis_csv(tmp_path / "q.csv", sebagai_tabel([row])), "q.csv", "pegawai")
    assert pesan(hasil) == [
        "baris 2, kolom TMT Jabatan: TMT 01-06-2018 harus sesudah akhir jabatan sebelumnya (31-12-2018)"
    ]


def test_blank_post_cells_leave_an_existing_post_alone(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1))
    row = baris_dari(a, Jabatan="", **{"Unit Kerja": "", "TMT Jabatan": ""})
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])))
    assert hasil.ok and hasil.sama == 1


def test_absent_optional_columns_are_not_blanked(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1), email="tetap@surabaya.go.id", pendidikan="S2")
    row = baris_dari(a)
    del row["Email"], row["Pendidikan"]
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])))
    assert hasil.ok and hasil.sama == 1
    a.refresh_from_db()
    assert (a.email, a.pendidikan) == ("tetap@surabaya.go.id", "S2")


def test_moving_into_a_head_post_makes_the_unit_head_and_the_old_head_leaves(ruj, tmp_path):
    lama = kepala_dari(ruj.kel)  # holds a head post of kel
    calon = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1))
    rows = [
        baris_dari(calon, Jabatan="Lurah Kalisari", **{"TMT Jabatan": "2024-01-02"}),
        baris_dari(lama, Jabatan="Analis Kebijakan", **{"Unit Kerja": "KEC-MLY", "TMT Jabatan": "2024-01-02"}),
    ]
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel(rows)))
    assert hasil.ok, pesan(hasil)
    ruj.kel.refresh_from_db()
    assert ruj.kel.kepala == calon


def test_a_head_who_moves_away_stops_heading_the_unit(ruj, tmp_path):
    lama = kepala_dari(ruj.kel)
    row = baris_dari(lama, Jabatan="Analis Kebijakan", **{"Unit Kerja": "KEC-MLY", "TMT Jabatan": "2024-01-02"})
    _r, hasil = impor(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])))
    assert hasil.ok
    ruj.kel.refresh_from_db()
    assert ruj.kel.kepala is None


def test_two_rows_cannot_both_become_head_of_one_unit(ruj, tmp_path):
    rows = [baris_pegawai(1, Jabatan="Lurah Kalisari"), baris_pegawai(2, Jabatan="Lurah Kalisari")]
    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel(rows)), "p.csv", "pegawai")
    assert pesan(hasil) == ["baris 3, kolom Jabatan: baris 2 dan 3 sama-sama menjadi kepala unit KEL-MLY-KS"]


def test_inactive_employee_post_cannot_change_by_import(ruj, tmp_path):
    a = pegawai_di(ruj.kel, ruj.staf, mulai=date(2019, 1, 1))
    RiwayatJabatan.objects.filter(pegawai=a).update(sampai=date(2023, 1, 1))
    Pegawai.objects.filter(pk=a.pk).update(aktif=False)
    row = baris_pegawai(1, NIP=a.nip, **{"Tanggal Lahir": a.tanggal_lahir.isoformat(), "Jenis Kelamin": "L"})
    hasil = proses(tulis_csv(tmp_path / "p.csv", sebagai_tabel([row])), "p.csv", "pegawai")
    assert pesan(hasil) == [
        "baris 2, kolom Jabatan: pegawai ini tidak aktif; jabatannya tidak dapat diubah lewat impor"
    ]


def test_the_fast_insert_stores_what_the_orm_would(db):
    from django.utils import timezone

    from pegawai.impor.sisip import sisip_massal

    waktu = timezone.now()
    sisip_massal(
        CatatanAudit,
        [{"aksi": "x", "objek_tipe": "t", "objek_id": "1", "ringkasan": "r", "perubahan": {"a": ["b", "ç"]}}],
        waktu=waktu,
    )
    c = CatatanAudit.objects.get()
    assert (c.perubahan, c.oleh, c.aksi) == ({"a": ["b", "ç"]}, None, "x")
    lahir = date(1990, 1, 2)
    n = sisip_massal(
        Pegawai,
        [
            {"nip": nip_untuk(lahir, "L", urut=i) if i < 1000 else f"{i:018d}", "nama": "X", "tanggal_lahir": lahir}
            for i in range(1, 2502)  # more than one batch
        ],
        waktu=waktu,
    )
    assert n == 2501 == Pegawai.objects.count()
    p = Pegawai.objects.get(nip=nip_untuk(lahir, "L", urut=1))
    assert (p.status, p.aktif, p.gelar_depan, p.tanggal_lahir) == ("PNS", True, "", lahir)
    assert p.dibuat == waktu == p.diubah
