"""The daily reminder command `ingatkan_pelatihan`: before the due date, when overdue (also to the
unit head), at most once a day per assignment, and robust to missed days."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pelatihan.models import PenugasanPelatihan, StatusPenugasan
from pelatihan.services import pengingat_kirim
from pelatihan.tests.factories import hari, penugasan_buat

SP = StatusPenugasan


@pytest.fixture(autouse=True)
def _jendela(settings):
    settings.PELATIHAN_INGATKAN_HARI = 7
    settings.PELATIHAN_INGATKAN_TERLAMBAT_HARI = 7


def test_pengingat_sebelum_tenggat_sekali_saja(dp, mailoutbox):
    t = penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(7))
    penugasan_buat(dp.org.anggota, dp.p_data, tenggat=hari(8))  # not yet in the window
    laporan = pengingat_kirim(hari_ini=hari())
    assert (laporan.mendekati, laporan.terlambat, laporan.email) == (1, 0, 1)
    assert mailoutbox[0].to == ["anggota@surabaya.go.id"]
    assert "Pelayanan Prima" in mailoutbox[0].body and "Analisis Data" not in mailoutbox[0].body
    t.refresh_from_db()
    assert t.diingatkan_pada == hari()
    # Same day again: nothing. A later day inside the window: only the one that has just entered it.
    assert pengingat_kirim(hari_ini=hari()).email == 0
    assert pengingat_kirim(hari_ini=hari(1)).mendekati == 1
    assert "Analisis Data" in mailoutbox[1].body and "Pelayanan Prima" not in mailoutbox[1].body
    assert pengingat_kirim(hari_ini=hari(3)).email == 0
    assert len(mailoutbox) == 2


def test_pengingat_jendela_tetap_terkirim_bila_hari_terlewat(dp, mailoutbox):
    penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(3))  # the command did not run 4 days ago
    assert pengingat_kirim(hari_ini=hari()).mendekati == 1


def test_pengingat_terlambat_ke_pegawai_dan_kepala_lalu_diulang_mingguan(dp, mailoutbox):
    t = penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(-1))
    laporan = pengingat_kirim(hari_ini=hari())
    assert (laporan.mendekati, laporan.terlambat, laporan.email) == (0, 1, 2)
    tujuan = {tuple(m.to): m for m in mailoutbox}
    assert "melewati tenggat" in tujuan[("anggota@surabaya.go.id",)].body
    kepala = tujuan[("camat@surabaya.go.id",)]  # head of the employee's unit (escalated from the kelurahan)
    assert dp.org.anggota.nama_lengkap in kepala.body and "?terlambat=on" in kepala.body
    assert pengingat_kirim(hari_ini=hari(6)).email == 0
    assert pengingat_kirim(hari_ini=hari(7)).terlambat == 1
    t.refresh_from_db()
    assert t.diingatkan_pada == hari(7)


def test_pengingat_mendekati_lalu_terlambat(dp, mailoutbox):
    t = penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(5))
    assert pengingat_kirim(hari_ini=hari()).mendekati == 1
    # The day after the due date the overdue reminder goes out even though one went out 6 days ago.
    assert pengingat_kirim(hari_ini=t.tenggat + timedelta(days=1)).terlambat == 1


@pytest.mark.parametrize("status", [SP.SELESAI, SP.TIDAK_SELESAI, SP.DIBATALKAN])
def test_tidak_ada_pengingat_untuk_yang_sudah_ditutup(dp, mailoutbox, status):
    penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(-3), status=status)
    assert pengingat_kirim(hari_ini=hari()).email == 0
    assert mailoutbox == []


def test_satu_email_per_pegawai_untuk_beberapa_pelatihan(dp, mailoutbox):
    penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(2))
    penugasan_buat(dp.org.anggota, dp.p_data, tenggat=hari(-2))
    laporan = pengingat_kirim(hari_ini=hari())
    assert (laporan.mendekati, laporan.terlambat) == (1, 1)
    pegawai = [m for m in mailoutbox if m.to == ["anggota@surabaya.go.id"]]
    assert len(pegawai) == 1
    assert "Pelayanan Prima" in pegawai[0].body and "Analisis Data" in pegawai[0].body


def test_gagal_kirim_tidak_ditandai_sehingga_dicoba_lagi(dp, mailoutbox):
    t = penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(2))
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=OSError("SMTP mati")):
        assert pengingat_kirim(hari_ini=hari()).email == 0
    t.refresh_from_db()
    assert t.diingatkan_pada is None
    assert pengingat_kirim(hari_ini=hari()).email == 1


def test_tanpa_alamat_email_tetap_ditandai(dp, mailoutbox):
    dp.org.orang_luar.email = ""
    dp.org.orang_luar.save()
    t = penugasan_buat(dp.org.orang_luar, dp.p_prima, tenggat=hari(2))
    pengingat_kirim(hari_ini=hari())
    t.refresh_from_db()
    assert t.diingatkan_pada == hari() and mailoutbox == []


def test_perintah_harian_idempoten(dp, mailoutbox):
    penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(1))
    out = StringIO()
    call_command("ingatkan_pelatihan", stdout=out)
    assert "1 mendekati tenggat, 0 terlambat, 1 email terkirim" in out.getvalue()
    out = StringIO()
    call_command("ingatkan_pelatihan", stdout=out)
    assert "0 mendekati tenggat, 0 terlambat, 0 email terkirim" in out.getvalue()
    call_command("ingatkan_pelatihan", "--tanggal", hari(3).isoformat(), stdout=StringIO())
    assert len(mailoutbox) == 3  # one before, then overdue to the employee and the head
    assert PenugasanPelatihan.objects.get().diingatkan_pada == hari(3)


def test_perintah_harian_tanggal_yang_tidak_ada_ditolak(dp, mailoutbox):
    with pytest.raises(CommandError, match="Tanggal 2025-02-29 tidak dikenal"):
        call_command("ingatkan_pelatihan", "--tanggal", "2025-02-29", stdout=StringIO())
    assert mailoutbox == []
