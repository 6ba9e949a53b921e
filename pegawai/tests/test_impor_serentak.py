"""An import confirmed twice at once (two tabs, a double click; issue 14, item 7), on PostgreSQL:
the file is applied exactly once, one run is recorded as applied, the other click is told the file
is gone. (SQLite serialises writers: skipped there.)"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from inti.models import CatatanAudit
from pegawai.models import Pegawai, RiwayatImpor
from pegawai.tests.fixtures.impor import baris_pegawai, buat_rujukan, sebagai_tabel, teks_csv
from pegawai.tests.test_impor_views import token_dari, unggah

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
N = 6


def test_impor_dikonfirmasi_serentak_sekali(org):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (koneksi serentak)")
    buat_rujukan()
    klien = []
    for _ in range(N):
        c = Client()
        c.force_login(org.hr.akun)
        klien.append(c)
    isi = teks_csv(sebagai_tabel([baris_pegawai(i) for i in (1, 2, 3)])).encode()
    token = token_dari(unggah(klien[0], isi))
    url = reverse("impor:konfirmasi", args=[token])
    mulai, status = threading.Barrier(N), []

    def kirim(c):
        try:
            mulai.wait()
            status.append(c.post(url).status_code)
        finally:
            connections.close_all()

    ts = [threading.Thread(target=kirim, args=(c,)) for c in klien]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert len(status) == N and set(status) <= {302, 404}, status
    assert RiwayatImpor.objects.filter(berhasil=True).count() == 1
    assert not RiwayatImpor.objects.filter(berhasil=False).exists()  # no "refused" run from a clash either
    assert CatatanAudit.objects.filter(aksi="impor.pegawai").count() == 1
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 3


def test_dua_file_sama_dikonfirmasi_serentak_tanpa_galat_server(org):
    """Two uploads of the same new employees (two HR staff), confirmed at the same moment: the
    employees are created once; the other run is refused with a message ("Data berubah saat impor
    berjalan") or, if it started after the first was saved, finds nothing to change. Before: the
    clash in PostgreSQL's COPY escaped as a server error."""
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (koneksi serentak)")
    from pegawai.models import Peran
    from pegawai.tests.factories import pegawai_di

    buat_rujukan()
    isi = teks_csv(sebagai_tabel([baris_pegawai(i) for i in (1, 2, 3)])).encode()
    klien, url = [], []
    for hr in (org.hr, *(pegawai_di(org.bkpsdm, akun=True, peran=Peran.HR) for _ in range(3))):
        c = Client()
        c.force_login(hr.akun)
        klien.append(c)
        url.append(reverse("impor:konfirmasi", args=[token_dari(unggah(c, isi))]))
    mulai, status = threading.Barrier(len(klien)), []

    def kirim(i):
        try:
            mulai.wait()
            status.append(klien[i].post(url[i]).status_code)
        finally:
            connections.close_all()

    ts = [threading.Thread(target=kirim, args=(i,)) for i in range(len(klien))]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert status == [302] * len(klien), status
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 3
    runs = list(RiwayatImpor.objects.all())
    assert len(runs) == len(klien)
    assert [r.dibuat for r in runs if r.berhasil].count(3) == 1
    for r in runs:
        assert (r.berhasil and r.dibuat in (0, 3)) or (not r.berhasil and "Data berubah saat impor" in r.catatan)
