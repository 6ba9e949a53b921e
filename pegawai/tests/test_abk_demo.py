"""The demo step `pegawai.demo.abk.beban_kerja`: workload shaped into shortages and surpluses,
idempotent, and tolerant of a smaller organisation."""

import io

import pytest

from pegawai.demo.abk import SELISIH, beban_kerja
from pegawai.models import JenisJabatan, JenisUnit, TugasJabatan, UnitKerja
from pegawai.selectors.abk import abk_posisi
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, pegawai_di

pytestmark = pytest.mark.django_db


def test_shapes_shortage_surplus_and_balance_and_is_idempotent():
    pkm = UnitKerjaFactory(kode="PKM-MLY", nama="Puskesmas Mulyorejo", jenis=JenisUnit.PUSKESMAS)
    sek = UnitKerjaFactory(kode="KEC-MLY-SEK", nama="Sekretariat Kecamatan Mulyorejo", jenis=JenisUnit.SEKRETARIAT)
    lain = UnitKerjaFactory(kode="DINSOS-X", nama="Bidang Lain")
    perawat = JabatanFactory(nama="Perawat Terampil", jenis=JenisJabatan.FUNGSIONAL)
    admin = JabatanFactory(nama="Pengadministrasi Umum")
    kepala = JabatanFactory(nama="Kepala Puskesmas", jenis=JenisJabatan.PENGAWAS, kepala_unit=True)
    for _ in range(4):
        pegawai_di(pkm, perawat)
    pegawai_di(pkm, kepala)
    for _ in range(3):
        pegawai_di(sek, admin)
    pegawai_di(lain, admin)
    out = io.StringIO()
    beban_kerja(out)
    posisi = abk_posisi()
    assert posisi[pkm.pk, perawat.pk].selisih == SELISIH["PKM-MLY", "Perawat Terampil"] == 3
    assert posisi[sek.pk, admin.pk].selisih == SELISIH["KEC-MLY-SEK", "Pengadministrasi Umum"] == -1
    assert posisi[pkm.pk, kepala.pk].selisih == 0
    assert posisi[lain.pk, admin.pk].selisih == 0
    assert TugasJabatan.objects.filter(unit=pkm, jabatan=perawat, uraian__icontains="keperawatan").exists()
    assert TugasJabatan.objects.filter(unit=pkm, jabatan=kepala, uraian__icontains="kinerja bawahan").exists()
    # Units named in the plan but absent are skipped and said so.
    assert "unit KEL-MLY-KS tidak ada: dilewati" in out.getvalue()

    # A second run adds nothing and leaves HR's edits alone.
    TugasJabatan.objects.filter(unit=pkm, jabatan=perawat).update(volume=1)
    n = TugasJabatan.objects.count()
    out = io.StringIO()
    beban_kerja(out)
    assert TugasJabatan.objects.count() == n
    assert set(TugasJabatan.objects.filter(unit=pkm, jabatan=perawat).values_list("volume", flat=True)) == {1}
    assert "0 baru" in out.getvalue()


def test_with_the_demo_organisation_the_overview_shows_the_story():
    """Both demo steps together, as `manage.py demo` runs them."""
    from pegawai.demo.simpan import organisasi

    organisasi(io.StringIO())
    beban_kerja(io.StringIO())
    posisi = abk_posisi()
    kode = dict(UnitKerja.objects.values_list("pk", "kode"))
    kurang = {kode[u] for (u, _j), p in posisi.items() if p.kekurangan}
    lebih = {kode[u] for (u, _j), p in posisi.items() if p.kelebihan}
    assert {"PKM-MLY", "KEL-MLY-KS", "KEL-MLY-KJ"} <= kurang
    assert {"KEC-MLY-SEK", "DISDIK-SEK", "RSUD-ST-YANMED"} <= lebih
    assert all(p.dianalisis for p in posisi.values())  # every staffed position has tasks
