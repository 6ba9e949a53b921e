"""Migration 0003 rebuilds the history of reviews made before RiwayatStatusEvaluasi from the audit trail."""

import importlib

import pytest
from django.apps import apps

from evaluasi.models import RiwayatStatusEvaluasi
from evaluasi.services.alur import evaluasi_simpan, evaluasi_tanggapi
from evaluasi.tests.factories import LENGKAP

pytestmark = pytest.mark.django_db
migrasi = importlib.import_module("evaluasi.migrations.0003_riwayat_status_isi")


def _baris(ev):
    return list(
        RiwayatStatusEvaluasi.objects.filter(evaluasi=ev)
        .order_by("waktu", "id")
        .values_list("aksi", "dari", "ke", "oleh_id", "catatan")
    )


def test_riwayat_lama_dibangun_dari_audit(org, ev, pindah):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"kekuatan": "Rajin"})
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)
    evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="Setuju.")
    sekarang = _baris(ev)
    lain = [e for e in pindah.evaluasi.all() if e.pk != ev.pk]
    # As before the history table existed: no rows at all.
    RiwayatStatusEvaluasi.objects.all().delete()

    migrasi.isi(apps, None)
    assert _baris(ev) == sekarang
    assert [r.sebagai for r in ev.riwayat_status.order_by("waktu", "id")] == [
        "sistem",
        "penilai",
        "penilai",
        "pegawai yang dievaluasi",
    ]
    for e in lain:
        assert _baris(e) == [("jadwalkan", "", "TERJADWAL", None, "")]
    # Run again: reviews that have a history are left alone.
    migrasi.isi(apps, None)
    assert RiwayatStatusEvaluasi.objects.count() == 4 + len(lain)
