"""The daily job on the TMT (issue 12, item 4): `--tanggal` never after today; eligibility checked
again on the TMT, a transfer that now fails is left, noted in its history and audit, and HR told."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from inti.models import CatatanAudit
from mutasi.models import StatusUsulan, UsulanMutasi
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo
from mutasi.services.usulan import pengecualian_konfirmasi, usulan_pengecualian
from mutasi.tests.helpers import TMT
from pegawai.models import HukumanDisiplin

S = StatusUsulan
pytestmark = pytest.mark.django_db
HARI_INI = date.today()


@pytest.mark.parametrize(
    ("tanggal", "ditolak"),
    [
        (HARI_INI + timedelta(days=1), True),  # tomorrow
        (HARI_INI + timedelta(days=40), True),
        (HARI_INI, False),  # today
        (HARI_INI - timedelta(days=1), False),  # a missed run
    ],
)
def test_tanggal_acuan_tidak_boleh_sesudah_hari_ini(dunia, tanggal, ditolak):
    """Before: `--tanggal` in the future carried transfers out weeks early."""
    u = dunia.sampai(S.SK_TERBIT)  # TMT in 30 days
    out = StringIO()
    if ditolak:
        with pytest.raises(CommandError, match=r"sesudah hari ini.*sebelum TMT-nya tiba"):
            call_command("laksanakan_mutasi", "--tanggal", tanggal.isoformat(), stdout=out)
    else:
        call_command("laksanakan_mutasi", "--tanggal", tanggal.isoformat(), stdout=out)
        assert "0 dilaksanakan" in out.getvalue()
    assert UsulanMutasi.objects.get(pk=u.pk).status == S.SK_TERBIT


def test_tanggal_acuan_29_februari_dan_salah_tulis(dunia):
    out = StringIO()
    call_command("laksanakan_mutasi", "--tanggal", "2024-02-29", stdout=out)  # a past leap day is fine
    assert "Selesai" in out.getvalue()
    with pytest.raises(CommandError, match="tidak dikenal"):
        call_command("laksanakan_mutasi", "--tanggal", "2025-02-29", stdout=out)


def test_hukuman_baru_sebelum_tmt_menahan_pelaksanaan(dunia, mailoutbox, django_capture_on_commit_callbacks):
    """A sanction that begins after the decision: on the TMT the transfer is NOT carried out."""
    o = dunia.org
    o.hr.email = "bkpsdm@surabaya.go.id"
    o.hr.save()
    u = dunia.sampai(S.SK_TERBIT)
    HukumanDisiplin.objects.create(
        pegawai=o.anggota, tingkat="RINGAN", jenis="Teguran tertulis", mulai=TMT - timedelta(days=2), selesai=TMT
    )
    with django_capture_on_commit_callbacks(execute=True):
        laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    u.refresh_from_db()
    assert u.status == S.SK_TERBIT and not laporan.dilaksanakan
    assert len(laporan.tertahan) == 1 and "Hukuman disiplin" in laporan.tertahan[0]
    catatan = u.riwayat_status.get(aksi="laksanakan_tertahan")
    assert "Hukuman disiplin" in catatan.catatan and catatan.dari == catatan.ke == S.SK_TERBIT
    assert CatatanAudit.objects.filter(aksi="mutasi.laksanakan_tertahan", objek_id=str(u.pk)).count() == 1
    assert (u.cek_langkah, u.cek_pada) == ("laksanakan", TMT)
    surel = [m for m in mailoutbox if "bkpsdm@surabaya.go.id" in m.to]
    assert len(surel) == 1 and "tidak dilaksanakan" in surel[0].subject and "Hukuman disiplin" in surel[0].body
    assert o.anggota.posisi_sekarang.unit == o.subunit

    # The job runs daily: the same reason is noted and mailed once.
    with django_capture_on_commit_callbacks(execute=True):
        mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    assert u.riwayat_status.filter(aksi="laksanakan_tertahan").count() == 1
    assert len([m for m in mailoutbox if "bkpsdm@surabaya.go.id" in m.to]) == 1

    # HR overrides it, the PPK confirms (a hard rule): the next run carries it out.
    usulan_pengecualian(
        oleh=o.hr.akun, usulan=u, kode="hukuman", alasan="Teguran tertulis ringan; tugas di unit baru tetap mendesak."
    )
    assert not mutasi_laksanakan_jatuh_tempo(hari_ini=TMT).dilaksanakan  # not yet confirmed
    pengecualian_konfirmasi(oleh=o.ppk.akun, usulan=u, kode="hukuman")
    assert mutasi_laksanakan_jatuh_tempo(hari_ini=TMT).dilaksanakan
    assert UsulanMutasi.objects.get(pk=u.pk).status == S.DILAKSANAKAN


def test_hukuman_yang_berakhir_sebelum_tmt_tidak_menahan(dunia):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    HukumanDisiplin.objects.create(
        pegawai=o.anggota,
        tingkat="RINGAN",
        jenis="Teguran lisan",
        mulai=HARI_INI,
        selesai=TMT - timedelta(days=1),  # ends the day before the TMT
    )
    assert mutasi_laksanakan_jatuh_tempo(hari_ini=TMT).dilaksanakan
    assert UsulanMutasi.objects.get(pk=u.pk).status == S.DILAKSANAKAN
