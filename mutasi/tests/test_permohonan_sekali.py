"""Transfer requests exactly once (issue 12, item 5): the database holds one open request per
employee; simultaneous identical submissions leave one and tell the others why."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from mutasi.models import PermohonanMutasi, StatusPermohonan
from mutasi.services import AlurError
from mutasi.services import permohonan as layanan
from mutasi.services.permohonan import permohonan_buat, permohonan_tarik

ALASAN = "Saya ingin lebih dekat dengan keluarga yang sedang sakit."


@pytest.mark.django_db
def test_basis_data_menolak_permohonan_terbuka_kedua(org):
    p = org.anggota
    PermohonanMutasi.objects.create(pegawai=p, jenis="DALAM", alasan=ALASAN)
    with pytest.raises(IntegrityError), transaction.atomic():
        PermohonanMutasi.objects.create(pegawai=p, jenis="DALAM", alasan=ALASAN)
    # Answered or withdrawn requests do not count.
    PermohonanMutasi.objects.update(status=StatusPermohonan.DITOLAK)
    PermohonanMutasi.objects.create(pegawai=p, jenis="DALAM", alasan=ALASAN)
    PermohonanMutasi.objects.update(status=StatusPermohonan.DITARIK)
    PermohonanMutasi.objects.create(pegawai=p, jenis="DALAM", alasan=ALASAN)
    assert PermohonanMutasi.objects.filter(pegawai=p, status=StatusPermohonan.DIAJUKAN).count() == 1


@pytest.mark.django_db
def test_layanan_mengubah_bentrok_basis_data_menjadi_pesan(org, monkeypatch):
    """The check before the insert can miss a simultaneous one; the constraint then answers."""
    permohonan_buat(oleh=org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    monkeypatch.setattr(layanan, "STATUS_PERMOHONAN_TERBUKA", ())  # the check sees nothing, as in a race
    with pytest.raises(AlurError, match="masih punya permohonan yang menunggu tanggapan"):
        permohonan_buat(oleh=org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    assert PermohonanMutasi.objects.count() == 1


@pytest.mark.django_db
def test_setelah_ditarik_boleh_mengajukan_lagi(org):
    p = permohonan_buat(oleh=org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    permohonan_tarik(oleh=org.anggota.akun, permohonan=p)
    assert permohonan_buat(oleh=org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[]).pk != p.pk


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_dua_puluh_permohonan_serentak_hanya_satu_terbuka(org):
    """Before: 20 simultaneous identical POSTs created 3 open requests for one employee."""
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (koneksi serentak)")
    klien = []
    for _ in range(20):
        c = Client()
        c.force_login(org.anggota.akun)
        klien.append(c)
    mulai, hasil = threading.Barrier(20), []
    kunci = threading.Lock()

    def kirim(c):
        from django.db import connections

        try:
            mulai.wait()
            r = c.post(reverse("mutasi:permohonan_baru"), {"jenis": "DALAM", "alasan": ALASAN})
            with kunci:
                hasil.append(r.status_code)
        finally:
            connections.close_all()

    ts = [threading.Thread(target=kirim, args=(c,)) for c in klien]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert len(hasil) == 20 and set(hasil) <= {200, 302}
    assert PermohonanMutasi.objects.filter(pegawai=org.anggota, status=StatusPermohonan.DIAJUKAN).count() == 1
    assert PermohonanMutasi.objects.count() == 1
    assert hasil.count(302) == 1  # one saved and redirected; the others get the form with the message
