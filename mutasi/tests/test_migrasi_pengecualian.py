"""Migrations 0006-0008: the single override becomes one row per failed check of its proposal (the
hard ones confirmed by the decision already taken), duplicate open requests are closed before the
one-open-request constraint; and back."""

import pytest
from django.utils import timezone

from mutasi.models import PengecualianSyarat, PermohonanMutasi, StatusUsulan
from mutasi.tests.helpers import migrasi_ke

SEBELUM = [("mutasi", "0006_pengecualian_syarat_keputusan_eksternal")]
ALASAN = "Satu-satunya pengelola data kesehatan yang tersedia untuk layanan baru."


@pytest.mark.django_db(transaction=True)
def test_pengecualian_tunggal_menjadi_satu_baris_per_syarat(dunia):
    o = dunia.org
    diputuskan = dunia.sampai(StatusUsulan.DIPUTUSKAN)
    draf = dunia.usulan(pegawai=o.orang_luar)
    gagal = [
        {"kode": "masa_jabatan", "judul": "Masa jabatan sekarang", "hasil": "gagal", "pesan": "1 tahun 2 bulan"},
        {"kode": "kinerja", "judul": "Predikat kinerja 2 tahun terakhir", "hasil": "gagal", "pesan": "2025 kosong"},
        {"kode": "hukuman", "judul": "Hukuman disiplin", "hasil": "lulus", "pesan": "Tidak ada."},
        {"kode": "usulan_lain", "judul": "Usulan lain", "hasil": "gagal", "pesan": "USL-1"},
    ]
    waktu = timezone.now()
    try:
        lama = migrasi_ke(SEBELUM).apps
        Usulan, Permohonan = lama.get_model("mutasi", "UsulanMutasi"), lama.get_model("mutasi", "PermohonanMutasi")
        Usulan.objects.filter(pk__in=[diputuskan.pk, draf.pk]).update(
            override_alasan=ALASAN, override_oleh_id=o.hr.akun.pk, override_pada=waktu, hasil_cek=gagal
        )
        # Two open requests of one employee (the race the constraint now prevents).
        for _ in range(2):
            Permohonan.objects.create(pegawai_id=o.anggota.pk, jenis="DALAM", alasan="Dekat keluarga.")
    finally:
        migrasi_ke()
    rows = {(p.usulan_id, p.kode): p for p in PengecualianSyarat.objects.all()}
    assert set(rows) == {(u.pk, k) for u in (diputuskan, draf) for k in ("masa_jabatan", "kinerja")}
    assert all(p.alasan == ALASAN and p.oleh_id == o.hr.akun.pk for p in rows.values())
    # Decided with the override in view: the hard one counts as confirmed by that decision.
    assert rows[(diputuskan.pk, "masa_jabatan")].dikonfirmasi_oleh_id == o.ppk.akun.pk
    assert rows[(diputuskan.pk, "kinerja")].dikonfirmasi_oleh_id is None  # a soft rule needs none
    assert rows[(draf.pk, "masa_jabatan")].dikonfirmasi_oleh_id is None
    terbuka = PermohonanMutasi.objects.filter(pegawai=o.anggota, status="DIAJUKAN")
    assert terbuka.count() == 1 and PermohonanMutasi.objects.filter(status="DITOLAK").count() == 1

    try:  # and back: the justifications come together again
        lama = migrasi_ke(SEBELUM).apps
        assert lama.get_model("mutasi", "UsulanMutasi").objects.get(pk=draf.pk).override_alasan == ALASAN
        assert not lama.get_model("mutasi", "PengecualianSyarat").objects.exists()
    finally:
        migrasi_ke()
