from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from evaluasi.models import Evaluasi, StatusEvaluasi
from evaluasi.services.jadwal import evaluasi_jadwalkan
from evaluasi.services.notifikasi import ingatkan_evaluasi
from evaluasi.tests.factories import usulan_buat
from pegawai.tests.factories import UnitKerjaFactory

pytestmark = pytest.mark.django_db


def test_penilai_diingatkan_sekali_sehari(org, pindah, alamat, hari_ini, settings):
    settings.EVALUASI_PENGINGAT_HARI = 7
    evaluasi_jadwalkan(usulan=pindah)
    # Two months after the TMT the 3-month review is 30 days away: nothing yet.
    assert ingatkan_evaluasi(hari_ini=hari_ini).penilai == 0
    # Six days before it falls due: one email to the Camat.
    tempo = Evaluasi.objects.get(usulan=pindah, bulan_ke=3).jatuh_tempo
    lap = ingatkan_evaluasi(hari_ini=tempo - timedelta(days=6))
    assert lap.penilai == 1
    assert mail.outbox[-1].to == ["camat@example.org"]
    assert org.orang_luar.nama_lengkap in mail.outbox[-1].body
    n = len(mail.outbox)
    assert ingatkan_evaluasi(hari_ini=tempo - timedelta(days=6)).penilai == 0
    assert len(mail.outbox) == n
    # Overdue a week later: reminded again, with BKPSDM's digest.
    lap = ingatkan_evaluasi(hari_ini=tempo + timedelta(days=1))
    assert lap.penilai == 1 and lap.hr == 1
    assert "TERLAMBAT" in mail.outbox[-2].body
    assert mail.outbox[-1].to == ["hr@example.org"]


def test_satu_email_per_penilai(org, alamat, hari_ini):
    a = usulan_buat(org.orang_luar, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=200))
    b = usulan_buat(org.ppk, tujuan_unit=org.subunit, tmt=hari_ini - timedelta(days=100))
    evaluasi_jadwalkan(usulan=a)
    evaluasi_jadwalkan(usulan=b)
    lap = ingatkan_evaluasi(hari_ini=hari_ini)
    assert lap.penilai == 1
    surat = [m for m in mail.outbox if m.to == ["camat@example.org"]]
    assert len(surat) == 1
    assert "3 evaluasi" in surat[0].subject


def test_tanpa_penilai_ke_bkpsdm(org, alamat, hari_ini):
    opd = UnitKerjaFactory(nama="Dinas Tanpa Kepala")
    u = usulan_buat(org.orang_luar, tujuan_unit=opd, tmt=hari_ini - timedelta(days=95))
    evaluasi_jadwalkan(usulan=u)
    lap = ingatkan_evaluasi(hari_ini=hari_ini)
    assert lap.hr == 1 and lap.penilai == 0
    assert "tanpa penilai" in mail.outbox[-1].body
    assert ingatkan_evaluasi(hari_ini=hari_ini).hr == 0


def test_pegawai_diingatkan_menanggapi(org, ev, alamat, hari_ini):
    Evaluasi.objects.filter(pk=ev.pk).update(
        status=StatusEvaluasi.DIKIRIM, predikat="BAIK", dikirim_pada=timezone.now() - timedelta(days=8)
    )
    lap = ingatkan_evaluasi(hari_ini=hari_ini)
    assert lap.pegawai == 1
    assert mail.outbox[-1].to == ["pegawai@example.org"]
    assert ingatkan_evaluasi(hari_ini=hari_ini).pegawai == 0


def test_perintah(org, pindah, alamat):
    u = usulan_buat(org.anggota, tujuan_unit=org.subunit, tmt=timezone.localdate() - timedelta(days=120))
    evaluasi_jadwalkan(usulan=u)
    out = StringIO()
    call_command("ingatkan_evaluasi", stdout=out)
    assert "Email ke penilai: 1" in out.getvalue()
    out = StringIO()
    call_command("ingatkan_evaluasi", stdout=out)
    assert "Email ke penilai: 0" in out.getvalue()
