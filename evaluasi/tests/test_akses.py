"""The rules of `evaluasi.akses` (what pages, buttons and templates ask) and the workflow's table
(what the services accept) agree, for every state and every role: a button is shown exactly when
the move would be accepted."""

from datetime import timedelta

import pytest
from django.utils import timezone

from evaluasi import akses
from evaluasi.models import StatusEvaluasi
from evaluasi.services.alur import ALUR

pytestmark = pytest.mark.django_db
PERAN = ("hr", "ppk", "kepala", "anggota", "orang_luar")

# The akses rule asked for each move of the table (every move that is offered to a person).
ATURAN = {
    "simpan": akses.boleh_isi,
    "kirim": akses.boleh_isi,
    "tanggapi": akses.boleh_tanggapi,
    "tutup": akses.boleh_tutup,
}


@pytest.mark.parametrize("status", StatusEvaluasi.values)
@pytest.mark.parametrize("jendela_lewat", [False, True])
def test_akses_sama_dengan_tabel_alur(org, ev, status, jendela_lewat):
    ev.status = status
    ev.dikirim_pada = timezone.now() - timedelta(days=30 if jendela_lewat else 1)
    for peran in PERAN:
        user = getattr(org, peran).akun
        for aksi, boleh in ATURAN.items():
            assert boleh(user, ev) == ALUR.boleh(aksi, ev, user), (status, peran, aksi)


def test_setiap_langkah_berpelaku_punya_aturan_akses():
    assert {t.aksi for t in ALUR.transisi.values() if not t.internal} == set(ATURAN)


def test_tombol_menurut_peran(org, ev):
    assert [t.aksi for t in ALUR.tersedia(ev, org.kepala.akun)] == ["simpan", "kirim"]
    for peran in ("hr", "ppk", "anggota", "orang_luar"):
        assert ALUR.tersedia(ev, getattr(org, peran).akun) == [], peran
    # Nobody gets the system's move (cancelling) as a button, not even HR.
    assert not ALUR.boleh("batal", ev, org.hr.akun)
    assert ALUR.boleh("batal", ev, None)


@pytest.mark.parametrize(
    ("status", "pegawai", "penilai", "hr"),
    [
        (StatusEvaluasi.TERJADWAL, False, True, False),
        (StatusEvaluasi.DRAF, False, True, False),
        (StatusEvaluasi.DIKIRIM, True, True, True),
        (StatusEvaluasi.FINAL, True, True, True),
    ],
)
def test_boleh_baca_isi(org, ev, status, pegawai, penilai, hr):
    ev.status = status
    assert akses.boleh_baca_isi(org.orang_luar.akun, ev) == pegawai
    assert akses.boleh_baca_isi(org.kepala.akun, ev) == penilai
    assert akses.boleh_baca_isi(org.hr.akun, ev) == hr
    assert akses.boleh_baca_isi(org.ppk.akun, ev) == hr
