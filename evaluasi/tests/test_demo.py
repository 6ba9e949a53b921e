"""`manage.py demo` with the review step: on first run the reports have something to show (reviews in
every state, outcomes in every direction, trainings against outcomes), and a second run adds nothing."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from evaluasi.demo import evaluasi
from evaluasi.models import Evaluasi, StatusEvaluasi
from evaluasi.selectors.dampak import kinerja_kurang, laporan_dampak
from mutasi.models import StatusUsulan, UsulanMutasi
from pegawai.demo import AKUN
from pegawai.models import KinerjaTahunan

pytestmark = pytest.mark.django_db


def test_demo_evaluasi(mailoutbox):
    # The reviews' history, then this month's decrees (mutasi signs them after it: dates rise with numbers).
    assert settings.DEMO_LANGKAH[-2:] == ["evaluasi.demo.evaluasi", "mutasi.demo.keputusan"]
    call_command("demo", stdout=StringIO())
    dilaksanakan = UsulanMutasi.objects.filter(status=StatusUsulan.DILAKSANAKAN)
    assert dilaksanakan.count() >= 20
    status = set(Evaluasi.objects.values_list("status", flat=True))
    assert {StatusEvaluasi.TERJADWAL, StatusEvaluasi.DRAF, StatusEvaluasi.DIKIRIM, StatusEvaluasi.FINAL} <= status
    # Final reviews carry the employee's answer (most with a comment).
    final = Evaluasi.objects.filter(status=StatusEvaluasi.FINAL)
    assert final.exclude(tanggapan_pegawai="").exists() and final.filter(tanggapan_pegawai="").exists()
    assert not final.filter(dibaca_pada__isnull=True).exists()
    # Overdue ones for the lists and reminders; the demo Camat has a draft to finish.
    assert any(e.terlambat for e in Evaluasi.objects.filter(status=StatusEvaluasi.TERJADWAL))
    assert Evaluasi.objects.filter(status=StatusEvaluasi.DRAF, penilai__nip=AKUN["kepala"]).exists()
    lap = laporan_dampak()
    assert lap.total.naik and lap.total.tetap and lap.total.turun
    assert len(lap.per_dasar) == 4 and len(lap.per_tahun) >= 2
    assert any(f.kekurangan_sebelum > f.kekurangan_sesudah for f in lap.formasi)
    if lap.pelatihan is not None:
        assert all(k.jumlah for k in lap.pelatihan)
    assert kinerja_kurang() == []  # earlier predicates filled where missing
    assert mailoutbox == []  # demo data sends no email

    jumlah = (UsulanMutasi.objects.count(), Evaluasi.objects.count(), KinerjaTahunan.objects.count())
    status_per = list(Evaluasi.objects.order_by("pk").values_list("status", flat=True))
    evaluasi(StringIO())
    assert (UsulanMutasi.objects.count(), Evaluasi.objects.count(), KinerjaTahunan.objects.count()) == jumlah
    assert list(Evaluasi.objects.order_by("pk").values_list("status", flat=True)) == status_per
