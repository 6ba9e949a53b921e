"""Transfers out of and into the city (issue 12, item 3): carried out only once BKPSDM recorded the
external decision (number, date, issuing body) and, where the law asks for it, BKN's technical
consideration (pertimbangan teknis)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from mutasi.models import JenisMutasi, LingkupEksternal, StatusUsulan, UsulanMutasi
from mutasi.services import AlurError
from mutasi.services.alur import usulan_transisi
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo
from mutasi.services.usulan import KeputusanEksternal, keputusan_eksternal_catat
from mutasi.tests.helpers import TMT

S = StatusUsulan
L = LingkupEksternal
pytestmark = pytest.mark.django_db
HARI_INI = date.today()


def _keluar(dunia, sampai=S.SK_TERBIT):
    o = dunia.org
    u = dunia.usulan(
        jenis=JenisMutasi.KELUAR, tujuan_unit=None, tujuan_jabatan=None, instansi_eksternal="Pemerintah Kota Malang"
    )
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=o.hr.akun)
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=o.kepala.akun)
    u = usulan_transisi(usulan=u, aksi="terima", oleh=o.hr.akun)  # the other instansi's side, recorded by HR
    return dunia.sampai(sampai, usulan=u)


def _keputusan(**kw):
    data = {
        "lingkup": L.SEPROVINSI,
        "penerbit": "Gubernur Jawa Timur",
        "nomor": "800.1.6.4/1234/204/2026",
        "tanggal": HARI_INI - timedelta(days=3),
        "nomor_pertek": "PT-28/KR.II/2026",
        "tanggal_pertek": HARI_INI - timedelta(days=10),
    }
    data.update(kw)
    return KeputusanEksternal(**data)


def test_mutasi_keluar_tidak_dilaksanakan_tanpa_keputusan_eksternal(dunia):
    """Before: a transfer out went to "carried out" with no external decision recorded."""
    o = dunia.org
    u = _keluar(dunia)
    laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    u.refresh_from_db(), o.anggota.refresh_from_db()
    assert u.status == S.SK_TERBIT and o.anggota.aktif
    assert laporan.tertahan and not laporan.dilaksanakan
    pesan = laporan.tertahan[0]
    for kurang in ("lingkup mutasi antar instansi", "pejabat yang menetapkan", "nomor keputusan", "tanggal keputusan"):
        assert kurang in pesan
    keputusan_eksternal_catat(oleh=o.hr.akun, usulan=u, data=_keputusan())
    laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    u.refresh_from_db(), o.anggota.refresh_from_db()
    assert u.status == S.DILAKSANAKAN and not o.anggota.aktif and laporan.dilaksanakan
    assert u.riwayat_status.filter(aksi="keputusan_eksternal", oleh=o.hr.akun).exists()


@pytest.mark.parametrize(
    ("lingkup", "pertek", "kurang"),
    [
        (L.SEPROVINSI, False, "pertimbangan teknis BKN"),
        (L.ANTAR_PROVINSI, False, "pertimbangan teknis BKN"),
        (L.PUSAT, False, ""),  # the Head of BKN decides: no separate consideration
        (L.ANTAR_PROVINSI, True, ""),
    ],
)
def test_pertimbangan_teknis_bkn_menurut_lingkup(dunia, lingkup, pertek, kurang):
    o = dunia.org
    u = _keluar(dunia, S.DIPUTUSKAN)
    data = _keputusan(lingkup=lingkup)
    if not pertek:
        data = _keputusan(lingkup=lingkup, nomor_pertek="", tanggal_pertek=None)
    if kurang:
        with pytest.raises(AlurError, match=kurang):
            keputusan_eksternal_catat(oleh=o.hr.akun, usulan=u, data=data)
        assert UsulanMutasi.objects.get(pk=u.pk).keputusan_eksternal_pada is None
    else:
        u = keputusan_eksternal_catat(oleh=o.hr.akun, usulan=u, data=data)
        assert u.keputusan_eksternal_oleh == o.hr.akun and u.penerbit_keputusan_eksternal == "Gubernur Jawa Timur"
        assert u.nomor_pertimbangan_teknis == (data.nomor_pertek if pertek else "")


@pytest.mark.parametrize(
    ("tanggal", "tanggal_pertek", "pesan"),
    [
        (HARI_INI + timedelta(days=1), HARI_INI - timedelta(days=1), "sesudah hari ini"),  # tomorrow
        (HARI_INI, HARI_INI, ""),  # today, consideration the same day
        (HARI_INI - timedelta(days=1), HARI_INI, "mendahului keputusan"),  # consideration after the decision
        (date(2024, 2, 29), date(2024, 2, 28), ""),
    ],
)
def test_tanggal_keputusan_eksternal(dunia, tanggal, tanggal_pertek, pesan):
    o = dunia.org
    u = _keluar(dunia, S.DIPUTUSKAN)
    data = _keputusan(tanggal=tanggal, tanggal_pertek=tanggal_pertek)
    if pesan:
        with pytest.raises(AlurError, match=pesan):
            keputusan_eksternal_catat(oleh=o.hr.akun, usulan=u, data=data)
    else:
        assert keputusan_eksternal_catat(oleh=o.hr.akun, usulan=u, data=data).tanggal_keputusan_eksternal == tanggal


def test_mutasi_dalam_kota_tidak_memerlukan_keputusan_eksternal(dunia):
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    with pytest.raises(AlurError, match="hanya untuk mutasi keluar atau masuk"):
        keputusan_eksternal_catat(oleh=o.hr.akun, usulan=u, data=_keputusan())


@pytest.mark.parametrize("peran", ["anon", "kepala", "ppk", "anggota", "orang_luar"])
def test_view_keputusan_eksternal_hanya_bkpsdm(dunia, clients, peran):
    u = _keluar(dunia, S.DIPUTUSKAN)
    data = {
        "lingkup": L.PUSAT,
        "penerbit": "Kepala Badan Kepegawaian Negara",
        "nomor": "12/KEP/2026",
        "tanggal": HARI_INI.isoformat(),
    }
    r = clients[peran].post(reverse("mutasi:keputusan_eksternal", args=[u.pk]), data)
    assert r.status_code in (302, 404)
    assert UsulanMutasi.objects.get(pk=u.pk).keputusan_eksternal_pada is None


def test_view_keputusan_eksternal_oleh_bkpsdm(dunia, clients):
    u = _keluar(dunia, S.DIPUTUSKAN)
    halaman = clients["hr"].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
    assert 'id="form-keputusan-eksternal"' in halaman and 'id="eksternal-kurang"' in halaman
    url = reverse("mutasi:keputusan_eksternal", args=[u.pk])
    data = {"lingkup": L.SEPROVINSI, "penerbit": "Gubernur Jawa Timur", "nomor": "800/1/2026", "tanggal": "2026-01-05"}
    r = clients["hr"].post(url, data, follow=True)
    assert "Wajib untuk lingkup ini." in r.content.decode()
    r = clients["hr"].post(url, {**data, "nomor_pertek": "PT-1/2026", "tanggal_pertek": "2026-01-02"}, follow=True)
    assert "Keputusan instansi lain dicatat." in r.content.decode()
    assert 'id="eksternal-kurang"' not in r.content.decode() and "PT-1/2026" in r.content.decode()
