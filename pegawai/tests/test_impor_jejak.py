"""Imports write the field-level trail (inti/jejak.py) by hand, in bulk: one entry per record
created or changed, old and new per field, tied to the run; nothing for unchanged rows."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from pegawai.models import Pegawai, RiwayatJabatan
from pegawai.services.impor import impor_jalankan
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, sebagai_tabel, tulis_csv


@pytest.fixture
def ruj(db):
    return buat_rujukan()


def _impor(path, oleh=None, jenis="pegawai"):
    riwayat, hasil = impor_jalankan(path=path, nama_file=path.name, jenis=jenis, oleh=oleh)
    assert hasil.ok, [str(g) for g in hasil.galat]
    return riwayat, hasil


def _entri(model, riwayat):
    ct = ContentType.objects.get_for_model(model)
    return LogEntry.objects.filter(content_type=ct, additional_data__impor=riwayat.pk)


def test_new_changed_and_unchanged_rows(ruj, tmp_path, org):
    oleh = org.hr.akun
    rows = [baris_pegawai(i) for i in range(1, 6)]
    pertama, _h = _impor(tulis_csv(tmp_path / "a.csv", sebagai_tabel(rows)), oleh)
    dibuat = _entri(Pegawai, pertama)
    assert dibuat.count() == 5 and set(dibuat.values_list("action", flat=True)) == {LogEntry.Action.CREATE}
    e = dibuat.get(object_pk=str(Pegawai.objects.get(nip=rows[0]["NIP"]).pk))
    assert e.changes["nama"] == ["None", "Pegawai Impor 1"]
    assert e.object_repr == f"Pegawai Impor 1, S.Kom. ({rows[0]['NIP']})"
    assert (e.actor, e.cid) == (oleh, f"impor-{pertama.pk}")
    assert _entri(RiwayatJabatan, pertama).count() == 5

    # Three rows change (two names, one post); two stay as they were.
    rows[0]["Nama"] = "Pegawai Satu Baru"
    rows[1]["Pendidikan"] = "S2"
    rows[2].update({"Jabatan": "Analis Kebijakan", "TMT Jabatan": "2024-03-01"})
    kedua, hasil = _impor(tulis_csv(tmp_path / "b.csv", sebagai_tabel(rows)), oleh)
    assert (hasil.ubah, hasil.sama) == (3, 2)

    ubah = _entri(Pegawai, kedua)
    assert ubah.count() == 2  # the post lives in the position history
    p1 = Pegawai.objects.get(nip=rows[0]["NIP"])
    e = ubah.get(object_pk=str(p1.pk))
    assert e.action == LogEntry.Action.UPDATE
    assert e.changes == {"nama": ["Pegawai Impor 1", "Pegawai Satu Baru"]}
    assert e.additional_data == {"impor": kedua.pk, "pegawai": p1.pk}
    assert ubah.get(object_pk=str(Pegawai.objects.get(nip=rows[1]["NIP"]).pk)).changes == {"pendidikan": ["S1", "S2"]}

    p3 = Pegawai.objects.get(nip=rows[2]["NIP"])
    riwayat = _entri(RiwayatJabatan, kedua)
    assert riwayat.count() == 2  # the old post closed, the new one opened
    tutup = riwayat.get(action=LogEntry.Action.UPDATE)
    assert tutup.changes == {"sampai": ["None", "2024-02-29"]}
    buka = riwayat.get(action=LogEntry.Action.CREATE)
    assert buka.changes["jabatan"] == ["None", str(ruj.analis.pk)]
    assert buka.additional_data == {"impor": kedua.pk, "pegawai": p3.pk}

    # The same file again: nothing changes, nothing is written.
    ketiga, hasil = _impor(tulis_csv(tmp_path / "c.csv", sebagai_tabel(rows)), oleh)
    assert hasil.sama == 5
    assert not LogEntry.objects.filter(additional_data__impor=ketiga.pk).exists()


def test_a_refused_import_leaves_no_entries(ruj, tmp_path):
    rows = [baris_pegawai(1), baris_pegawai(2, Golongan="IX")]
    sebelum = LogEntry.objects.count()
    _r, hasil = impor_jalankan(
        path=tulis_csv(tmp_path / "x.csv", sebagai_tabel(rows)), nama_file="x.csv", jenis="pegawai", oleh=None
    )
    assert not hasil.ok
    assert LogEntry.objects.count() == sebelum


def test_contacts_import_records_the_old_and_new_phone(ruj, tmp_path, org):
    p = org.anggota
    path = tulis_csv(tmp_path / "kontak.csv", [["NIP", "Telepon"], [p.nip, "0812 3456 789"]])
    riwayat, _h = _impor(path, org.hr.akun, jenis="kontak")
    e = _entri(Pegawai, riwayat).get()
    assert e.changes == {"telepon": [p.telepon, "0812 3456 789"]}
    assert e.additional_data == {"impor": riwayat.pk, "pegawai": p.pk}
