"""Migrations 0012-0013: requests made before registration numbers and their own history get their
number (in the order made, per year) and the history row of their submission (and of HR's answer)."""

import pytest
from django.utils import timezone

from mutasi.models import NomorUrutSK, PermohonanMutasi, RiwayatStatusPermohonan
from mutasi.services.permohonan import permohonan_buat, permohonan_tarik, permohonan_tolak
from mutasi.tests.helpers import migrasi_ke

ALASAN = "Saya ingin lebih dekat dengan keluarga yang sedang sakit."


@pytest.mark.django_db(transaction=True)
def test_nomor_dan_riwayat_permohonan_lama(org):
    ditolak = permohonan_buat(oleh=org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    permohonan_tolak(oleh=org.hr.akun, permohonan=ditolak, alasan="Formasi unit tujuan sudah penuh.")
    ditarik = permohonan_buat(oleh=org.orang_luar.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    permohonan_tarik(oleh=org.orang_luar.akun, permohonan=ditarik)
    terbuka = permohonan_buat(oleh=org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    try:
        migrasi_ke([("mutasi", "0011_riwayat_pengganti")])  # before numbers and history
    finally:
        migrasi_ke()
    tahun = timezone.localdate().year
    nomor = dict(PermohonanMutasi.objects.values_list("pk", "nomor"))
    assert nomor == {
        ditolak.pk: f"PMH-{tahun}-00001",
        ditarik.pk: f"PMH-{tahun}-00002",
        terbuka.pk: f"PMH-{tahun}-00003",
    }
    assert NomorUrutSK.objects.get(jenis="PERMOHONAN", tahun=tahun).terakhir == 3

    def riwayat(p):
        return list(RiwayatStatusPermohonan.objects.filter(permohonan=p).values_list("aksi", "ke", "oleh_id"))

    assert riwayat(ditolak) == [("ajukan", "DIAJUKAN", org.anggota.akun.pk), ("tolak", "DITOLAK", org.hr.akun.pk)]
    assert riwayat(ditarik) == [("ajukan", "DIAJUKAN", org.orang_luar.akun.pk)]  # a withdrawal left no date
    assert riwayat(terbuka) == [("ajukan", "DIAJUKAN", org.anggota.akun.pk)]
    # New requests continue the sequence.
    baru = permohonan_buat(oleh=org.kepala.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    assert baru.nomor == f"PMH-{tahun}-00004"
