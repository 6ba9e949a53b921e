from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from evaluasi.models import Evaluasi, RiwayatStatusEvaluasi, StatusEvaluasi
from evaluasi.services.jadwal import (
    evaluasi_jadwalkan,
    evaluasi_jadwalkan_semua,
    penilai_bawaan,
)
from evaluasi.tests.factories import usulan_buat
from inti.kalender import tambah_bulan
from inti.models import CatatanAudit
from mutasi.models import JenisMutasi, StatusUsulan, UsulanMutasi
from mutasi.signals import usulan_dilaksanakan
from pegawai.services.pegawai import pegawai_nonaktifkan
from pegawai.tests.factories import UnitKerjaFactory, kepala_dari

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("tmt", "jatuh_tempo"),
    [
        # Month-end TMTs: the due day is clamped to the month's end, never spilled into the next month.
        (date(2025, 11, 30), {3: date(2026, 2, 28), 6: date(2026, 5, 30), 12: date(2026, 11, 30)}),
        (date(2023, 11, 30), {3: date(2024, 2, 29), 6: date(2024, 5, 30), 12: date(2024, 11, 30)}),
        (date(2024, 8, 31), {3: date(2024, 11, 30), 6: date(2025, 2, 28), 12: date(2025, 8, 31)}),
        (date(2024, 2, 29), {3: date(2024, 5, 29), 6: date(2024, 8, 29), 12: date(2025, 2, 28)}),
        (date(2025, 1, 15), {3: date(2025, 4, 15), 6: date(2025, 7, 15), 12: date(2026, 1, 15)}),
    ],
)
def test_jatuh_tempo_bulan_kalender(org, tmt, jatuh_tempo):
    """Due 3, 6 and 12 calendar months after the TMT (inti.kalender.tambah_bulan), not 90/180/365 days."""
    u = usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=tmt)
    assert {e.bulan_ke: e.jatuh_tempo for e in evaluasi_jadwalkan(usulan=u)} == jatuh_tempo


def test_jadwal_normal(org, pindah):
    dibuat = evaluasi_jadwalkan(usulan=pindah)
    assert [(e.bulan_ke, e.jatuh_tempo) for e in dibuat] == [
        (3, tambah_bulan(pindah.tmt, 3)),
        (6, tambah_bulan(pindah.tmt, 6)),
        (12, tambah_bulan(pindah.tmt, 12)),
    ]
    for e in dibuat:
        assert e.status == StatusEvaluasi.TERJADWAL
        assert e.pegawai == org.orang_luar
        # The Kelurahan has no head: the reviewer is the Camat above it.
        assert e.penilai == org.kepala
        assert not e.terlambat


def test_penilai_kepala_unit_tujuan_sendiri(org, hari_ini):
    lurah = kepala_dari(org.subunit)
    u = usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=10))
    assert {e.penilai for e in evaluasi_jadwalkan(usulan=u)} == {lurah}


def test_tanpa_kepala_sampai_opd_penilai_kosong(org, hari_ini):
    opd = UnitKerjaFactory(nama="Dinas Tanpa Kepala")
    u = usulan_buat(org.anggota, tujuan_unit=opd, tmt=hari_ini - timedelta(days=10))
    assert penilai_bawaan(u) is None
    assert {e.penilai_id for e in evaluasi_jadwalkan(usulan=u)} == {None}


def test_mutasi_terlambat_dihitung_dari_tmt(org, hari_ini):
    """Carried out today with a TMT 8 months ago: the 3- and 6-month reviews are overdue at once."""
    u = usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=245))
    ev = {e.bulan_ke: e for e in evaluasi_jadwalkan(usulan=u)}
    assert ev[3].jatuh_tempo == tambah_bulan(u.tmt, 3)
    assert ev[3].terlambat and ev[6].terlambat
    assert not ev[12].terlambat


@pytest.mark.parametrize(
    "status",
    [
        StatusUsulan.DIBATALKAN,
        StatusUsulan.DITOLAK,
        StatusUsulan.SK_TERBIT,
        StatusUsulan.DIPUTUSKAN,
        StatusUsulan.DRAFT,
    ],
)
def test_tidak_dilaksanakan_tanpa_evaluasi(org, hari_ini, status):
    u = usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=30), status=status)
    assert evaluasi_jadwalkan(usulan=u) == []
    evaluasi_jadwalkan_semua()
    assert not Evaluasi.objects.filter(usulan=u).exists()


def test_mutasi_keluar_tanpa_evaluasi(org, hari_ini):
    u = usulan_buat(org.orang_luar, tujuan_unit=None, tmt=hari_ini - timedelta(days=30), jenis=JenisMutasi.KELUAR)
    assert evaluasi_jadwalkan(usulan=u) == []


def test_idempoten(org, pindah):
    assert len(evaluasi_jadwalkan(usulan=pindah)) == 3
    assert evaluasi_jadwalkan(usulan=pindah) == []
    laporan = evaluasi_jadwalkan_semua()
    assert laporan.dijadwalkan == []
    assert Evaluasi.objects.filter(usulan=pindah).count() == 3
    assert CatatanAudit.objects.filter(aksi="evaluasi.jadwalkan").count() == 1


def test_perintah_harian_menjadwalkan_yang_terlewat(org, pindah, hari_ini):
    batal = usulan_buat(org.anggota, tujuan_unit=org.lain, tmt=hari_ini, status=StatusUsulan.DIBATALKAN)
    out = StringIO()
    call_command("jadwalkan_evaluasi", stdout=out)
    assert "Selesai: 3 dijadwalkan, 0 penilai diperbarui, 0 dibatalkan." in out.getvalue()
    assert out.getvalue().count("Dijadwalkan: ") == 3  # one line per review
    assert Evaluasi.objects.filter(usulan=pindah).count() == 3
    assert not Evaluasi.objects.filter(usulan=batal).exists()
    out = StringIO()
    call_command("jadwalkan_evaluasi", stdout=out)
    assert "Selesai: 0 dijadwalkan" in out.getvalue()


def test_interval_dari_pengaturan(org, pindah, settings):
    settings.EVALUASI_INTERVAL_BULAN = [1, 2]
    assert [e.bulan_ke for e in evaluasi_jadwalkan(usulan=pindah)] == [1, 2]


def test_tmt_sebelum_batas_tidak_dijadwalkan(org, pindah, settings):
    settings.EVALUASI_TMT_SEJAK = str(pindah.tmt + timedelta(days=1))
    assert evaluasi_jadwalkan(usulan=pindah) == []
    settings.EVALUASI_TMT_SEJAK = str(pindah.tmt)
    assert len(evaluasi_jadwalkan(usulan=pindah)) == 3


def test_sinyal_menjadwalkan_setelah_commit(org, pindah, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        usulan_dilaksanakan.send(sender=UsulanMutasi, usulan=pindah)
    assert Evaluasi.objects.filter(usulan=pindah).count() == 3


def test_penilai_mengikuti_kepala_baru(org, pindah):
    evaluasi_jadwalkan(usulan=pindah)
    lurah = kepala_dari(org.subunit)
    laporan = evaluasi_jadwalkan_semua()
    assert len(laporan.penilai_diperbarui) == 3
    assert set(Evaluasi.objects.filter(usulan=pindah).values_list("penilai_id", flat=True)) == {lurah.pk}


def test_penilai_ditetapkan_bkpsdm_tidak_diganti(org, pindah):
    evaluasi_jadwalkan(usulan=pindah)
    Evaluasi.objects.filter(usulan=pindah).update(penilai=org.hr, penilai_ditetapkan=True)
    kepala_dari(org.subunit)
    evaluasi_jadwalkan_semua()
    assert set(Evaluasi.objects.filter(usulan=pindah).values_list("penilai_id", flat=True)) == {org.hr.pk}


def test_batal_bila_pegawai_nonaktif(org, pindah, hari_ini):
    evaluasi_jadwalkan(usulan=pindah)
    pegawai_nonaktifkan(oleh=None, pegawai=org.orang_luar, alasan="Pensiun", tanggal=hari_ini)
    laporan = evaluasi_jadwalkan_semua()
    assert len(laporan.dibatalkan) == 3
    assert set(Evaluasi.objects.filter(usulan=pindah).values_list("status", flat=True)) == {StatusEvaluasi.DIBATALKAN}
    # Through the workflow: a history row by the system with the reason, and the audit row.
    r = RiwayatStatusEvaluasi.objects.filter(evaluasi__usulan=pindah, aksi="batal")
    assert r.count() == 3
    assert {(x.dari, x.ke, x.oleh_id, x.catatan) for x in r} == {
        (StatusEvaluasi.TERJADWAL, StatusEvaluasi.DIBATALKAN, None, "Pegawai tidak aktif lagi.")
    }
    assert CatatanAudit.objects.filter(aksi="evaluasi.batal").count() == 3
    assert evaluasi_jadwalkan_semua().dibatalkan == []


def test_batal_bila_dimutasi_lagi_sebelum_jatuh_tempo(org, pindah, hari_ini):
    evaluasi_jadwalkan(usulan=pindah)
    usulan_buat(org.orang_luar, tujuan_unit=org.lain, tmt=hari_ini - timedelta(days=5))
    evaluasi_jadwalkan_semua()
    status = dict(Evaluasi.objects.filter(usulan=pindah).values_list("bulan_ke", "status"))
    # Moved again 55 days after the TMT: every review of the first transfer falls after that.
    assert status == {3: "DIBATALKAN", 6: "DIBATALKAN", 12: "DIBATALKAN"}


def test_draf_tidak_dibatalkan(org, pindah, hari_ini):
    ev = evaluasi_jadwalkan(usulan=pindah)[0]
    Evaluasi.objects.filter(pk=ev.pk).update(status=StatusEvaluasi.DRAF)
    pegawai_nonaktifkan(oleh=None, pegawai=org.orang_luar, alasan="Pensiun", tanggal=hari_ini)
    evaluasi_jadwalkan_semua()
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DRAF


@pytest.mark.django_db(transaction=True)
def test_alur_mutasi_nyata_lalu_perintah_harian(org):
    """Through the proposals workflow (issue 5's services): decided, decree with a TMT of today,
    carried out at once; the signal schedules the reviews."""
    from mutasi.tests.helpers import Dunia

    dunia = Dunia(org)
    u = dunia.sampai(StatusUsulan.DILAKSANAKAN)
    assert u.status == StatusUsulan.DILAKSANAKAN
    # mutasi sends `usulan_dilaksanakan`: scheduled already, before any daily run.
    assert Evaluasi.objects.filter(usulan=u).count() == 3
    assert evaluasi_jadwalkan_semua().dijadwalkan == []
    evs = list(Evaluasi.objects.filter(usulan=u).order_by("bulan_ke"))
    assert [e.bulan_ke for e in evs] == [3, 6, 12]
    assert evs[0].penilai == dunia.kepala_tujuan
    assert evs[0].jatuh_tempo == tambah_bulan(u.tmt, 3)
