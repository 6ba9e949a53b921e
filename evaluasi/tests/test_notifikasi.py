"""Every mail of the reviews goes out in the site's language (Indonesian) whatever the acting user
browses in, after the commit, and not at all inside `inti.surel.tanpa_notifikasi()`."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from evaluasi.models import Evaluasi, StatusEvaluasi
from evaluasi.services.alur import evaluasi_ganti_penilai, evaluasi_simpan, evaluasi_tanggapi
from evaluasi.services.notifikasi import ingatkan_evaluasi
from evaluasi.tests.factories import LENGKAP
from inti.surel import tanpa_notifikasi
from pegawai.tests.factories import UnitKerjaFactory

pytestmark = pytest.mark.django_db


def _surat(kepada: str):
    surat = [m for m in mail.outbox if m.to == [kepada]]
    assert len(surat) == 1, [m.subject for m in mail.outbox]
    return surat[0]


def _kirim(org, ev):
    return evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=True)


def test_terkirim_dalam_bahasa_indonesia(org, ev, alamat, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        _kirim(org, ev)
    m = _surat("pegawai@example.org")
    assert m.subject == "[SIMUTASI] Umpan balik Evaluasi 3 bulan telah dikirim"
    assert "Silakan baca umpan balik tersebut" in m.body and "review" not in m.body


def test_terkirim_dari_halaman_berbahasa_inggris(org, ev, alamat, clients, django_capture_on_commit_callbacks):
    """The reviewer's browser asks for English: the page answers in English, the mail stays Indonesian."""
    c = clients["kepala"]
    c.cookies["django_language"] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(reverse("evaluasi:isi", args=[ev.pk]), {**LENGKAP, "aksi": "kirim"}, follow=True)
    assert r.status_code == 200 and "Review sent to the employee" in r.text
    m = _surat("pegawai@example.org")
    assert m.subject.startswith("[SIMUTASI] Umpan balik")
    assert "Silakan baca umpan balik tersebut" in m.body


def test_ditanggapi_dalam_bahasa_indonesia(org, ev, alamat, django_capture_on_commit_callbacks):
    _kirim(org, ev)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="")
    m = _surat("camat@example.org")
    assert m.subject == f"[SIMUTASI] {org.orang_luar.nama_lengkap} telah menanggapi Evaluasi 3 bulan"
    assert "Evaluasi kini final" in m.body and "Pegawai menyetujui tanpa tanggapan." in m.body


def test_penilai_baru_dalam_bahasa_indonesia(org, ev, alamat, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        evaluasi_ganti_penilai(evaluasi=ev, oleh=org.hr.akun, penilai=org.hr, alasan="Camat cuti")
    m = _surat("hr@example.org")
    assert m.subject == "[SIMUTASI] Anda ditetapkan sebagai penilai Evaluasi 3 bulan"
    assert "BKPSDM menetapkan Anda sebagai penilai" in m.body


def test_pengingat_penilai_dan_ringkasan_hr_dalam_bahasa_indonesia(org, ev, alamat):
    with translation.override("en"):
        lap = ingatkan_evaluasi(hari_ini=ev.jatuh_tempo + timedelta(days=1))
    assert lap.penilai == 1 and lap.hr == 1
    m = _surat("camat@example.org")
    assert m.subject == "[SIMUTASI] Pengingat: 1 evaluasi pasca mutasi menunggu Anda"
    assert "TERLAMBAT" in m.body and "jatuh tempo" in m.body
    m = _surat("hr@example.org")
    assert m.subject.startswith("[SIMUTASI] Ringkasan evaluasi pasca mutasi yang perlu perhatian")
    assert "melewati jatuh tempo" in m.body


def test_ringkasan_hr_tanpa_penilai_dalam_bahasa_indonesia(org, alamat, hari_ini):
    from evaluasi.services.jadwal import evaluasi_jadwalkan
    from evaluasi.tests.factories import usulan_buat

    u = usulan_buat(org.orang_luar, tujuan_unit=UnitKerjaFactory(), tmt=hari_ini - timedelta(days=95))
    evaluasi_jadwalkan(usulan=u)
    with translation.override("en"):
        assert ingatkan_evaluasi(hari_ini=hari_ini).hr == 1
    assert "mohon tetapkan penilainya" in _surat("hr@example.org").body


def test_pengingat_pegawai_dalam_bahasa_indonesia(org, ev, alamat, hari_ini):
    _kirim(org, ev)
    Evaluasi.objects.filter(pk=ev.pk).update(dikirim_pada=timezone.now() - timedelta(days=8))
    with translation.override("en"):
        assert ingatkan_evaluasi(hari_ini=hari_ini).pegawai == 1
    m = _surat("pegawai@example.org")
    assert m.subject == "[SIMUTASI] Pengingat: umpan balik Evaluasi 3 bulan menunggu tanggapan Anda"
    assert "belum Anda tanggapi" in m.body


def test_dibungkam_tanpa_notifikasi(org, ev, alamat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), tanpa_notifikasi():
        ev = _kirim(org, ev)
        evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="")
    assert ev.status == StatusEvaluasi.FINAL
    assert mail.outbox == []
