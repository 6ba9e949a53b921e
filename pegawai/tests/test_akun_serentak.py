"""An employee's account created twice at once (two HR staff, a double click; issue 14, item 7), on
PostgreSQL: one account, one audit row, the other told why. (SQLite serialises writers: skipped.)"""

import threading

import pytest
from django.db import connection, connections

from inti.galat import LayananError
from inti.models import CatatanAudit
from pegawai.models import Peran, User
from pegawai.services.akun import akun_buat
from pegawai.tests.factories import pegawai_di

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_akun_dibuat_serentak_sekali(org):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (koneksi serentak)")
    p = pegawai_di(org.subunit, email="baru@surabaya.go.id")
    staf = [org.hr.akun, pegawai_di(org.bkpsdm, akun=True, peran=Peran.HR).akun]
    n = 6
    mulai, hasil = threading.Barrier(n), []

    def buat(i):
        try:
            mulai.wait()
            akun_buat(oleh=staf[i % 2], pegawai=p, base_url="http://testserver/")
            hasil.append("ok")
        except LayananError as exc:
            hasil.append(str(exc))
        finally:
            connections.close_all()

    ts = [threading.Thread(target=buat, args=(i,)) for i in range(n)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert len(hasil) == n and hasil.count("ok") == 1, hasil
    assert User.objects.filter(nip=p.nip).count() == 1
    assert CatatanAudit.objects.filter(aksi="akun.buat").count() == 1
    p.refresh_from_db()
    assert p.akun is not None
