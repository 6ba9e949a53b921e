"""Objections: raised within the window, answered by HR (uphold / revise / cancel)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from mutasi.models import KeputusanKeberatan, StatusUsulan
from mutasi.services import AlurError
from mutasi.services.keberatan import keberatan_ajukan, keberatan_jawab
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo
from mutasi.tests.helpers import TMT

S = StatusUsulan
pytestmark = pytest.mark.django_db
ISI = "Saya merawat orang tua; lokasi baru terlalu jauh."


def test_alur_keberatan_dijawab_tetap(dunia, clients, settings):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    with pytest.raises(AlurError):
        keberatan_ajukan(oleh=o.hr.akun, usulan=u, isi=ISI)  # only the employee
    r = clients["anggota"].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": ISI})
    assert r.status_code == 302
    k = u.keberatan.get()
    with pytest.raises(AlurError, match="menunggu"):
        keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi=ISI)
    # an unanswered objection holds the move
    laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    assert laporan.ditunda and u.__class__.objects.get(pk=u.pk).status == S.SK_TERBIT
    with pytest.raises(AlurError):
        keberatan_jawab(oleh=o.ppk.akun, keberatan=k, jawaban="Tetap dilaksanakan.", keputusan="TETAP")
    r = clients["hr"].post(
        reverse("mutasi:keberatan_jawab", args=[k.pk]),
        {"keputusan": "TETAP", "jawaban": "Mutasi tetap; jadwal kerja disesuaikan."},
    )
    assert r.status_code == 302
    k.refresh_from_db()
    assert k.keputusan == KeputusanKeberatan.TETAP and k.dijawab_oleh == o.hr.akun
    assert "jadwal kerja disesuaikan" in clients["anggota"].get(reverse("mutasi:saya")).content.decode()
    mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    assert u.__class__.objects.get(pk=u.pk).status == S.DILAKSANAKAN


def test_keberatan_lewat_batas_waktu(dunia, settings):
    settings.KEBERATAN_BATAS_HARI = 14
    u = dunia.sampai(S.SK_TERBIT)
    with pytest.raises(AlurError, match="lewat"):
        keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI, hari_ini=date.today() + timedelta(days=15))
    keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI, hari_ini=date.today() + timedelta(days=14))


def test_keberatan_dibatalkan(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    k = keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI)
    keberatan_jawab(
        oleh=dunia.org.hr.akun, keberatan=k, jawaban="Keberatan diterima, mutasi dibatalkan.", keputusan="BATAL"
    )
    u.refresh_from_db()
    assert u.status == S.DIBATALKAN
    assert u.riwayat_status.filter(aksi="jawab_keberatan").exists()


def test_keberatan_direvisi_dengan_sk_perubahan(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    lama = u.sk
    k = keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI)
    with pytest.raises(AlurError, match="Revisi"):
        keberatan_jawab(oleh=dunia.org.hr.akun, keberatan=k, jawaban="Direvisi sesuai permohonan.", keputusan="REVISI")
    baru_tmt = TMT + timedelta(days=30)
    keberatan_jawab(
        oleh=dunia.org.hr.akun, keberatan=k, jawaban="TMT diundur satu bulan.", keputusan="REVISI", tmt_baru=baru_tmt
    )
    u.refresh_from_db()
    k.refresh_from_db()
    assert u.tmt == baru_tmt and u.sk != lama and u.sk.mengganti == lama and u.status == S.SK_TERBIT
    assert k.perubahan["sk"] == [lama.nomor, u.sk.nomor]
