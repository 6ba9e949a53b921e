"""Carrying out on the TMT: idempotent, by command and at once."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from inti.galat import LayananError
from mutasi.models import JenisMutasi, StatusUsulan, UsulanMutasi
from mutasi.services import AlurError
from mutasi.services.alur import usulan_transisi
from mutasi.services.kelayakan import PelaksanaanTertahan
from mutasi.services.pelaksanaan import AKSI_TERTAHAN, mutasi_laksanakan_jatuh_tempo, usulan_laksanakan
from mutasi.services.sk import sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan
from mutasi.services.usulan import pengecualian_konfirmasi, usulan_pengecualian
from mutasi.tests.helpers import TMT
from pegawai.models import JenisJabatan, RiwayatJabatan, UnitKerja
from pegawai.services.organisasi import unit_tutup
from pegawai.services.pegawai import pegawai_nonaktifkan
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory

S = StatusUsulan
pytestmark = pytest.mark.django_db


def test_perintah_harian_melaksanakan_dan_idempoten(dunia):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)  # TMT in 30 days
    call_command("laksanakan_mutasi", stdout=StringIO())
    u.refresh_from_db()
    assert u.status == S.SK_TERBIT  # not yet due
    laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)  # the job on the TMT (the clock it is given)
    u.refresh_from_db()
    assert u.status == S.DILAKSANAKAN and len(laporan.dilaksanakan) == 1
    posisi = o.anggota.posisi_sekarang
    assert (posisi.unit, posisi.jabatan, posisi.mulai, posisi.nomor_sk) == (
        dunia.tujuan,
        dunia.jabatan_tujuan,
        TMT,
        u.sk.nomor,
    )
    lama = RiwayatJabatan.objects.get(pk=u.asal_riwayat_id)
    assert lama.sampai == TMT - timedelta(days=1)
    assert u.riwayat_baru == posisi
    jumlah = RiwayatJabatan.objects.count()
    assert not mutasi_laksanakan_jatuh_tempo(hari_ini=TMT).dilaksanakan
    out = StringIO()
    call_command("laksanakan_mutasi", stdout=out)
    assert RiwayatJabatan.objects.count() == jumlah and "0 dilaksanakan" in out.getvalue()
    assert u.riwayat_status.filter(ke=S.DILAKSANAKAN).count() == 1


def test_tmt_hari_ini_langsung_dilaksanakan(dunia, django_capture_on_commit_callbacks):
    u = dunia.sampai(S.DIPUTUSKAN)
    sk = sk_siapkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk], tmt=date.today())
    with django_capture_on_commit_callbacks(execute=True):
        sk_tandatangani(oleh=dunia.org.ppk.akun, sk=sk)
    u.refresh_from_db()
    assert u.status == S.DILAKSANAKAN


def test_jabatan_kepala_menjadikan_kepala_unit(dunia):
    o = dunia.org
    kepala_baru = JabatanFactory(jenis=JenisJabatan.PENGAWAS, kepala_unit=True)
    o.subunit.kepala = None
    o.subunit.save()
    u = dunia.usulan(tujuan_unit=o.subunit, tujuan_jabatan=kepala_baru, pegawai=o.orang_luar)
    u = dunia.sampai(S.SK_TERBIT, usulan=u)
    mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    o.subunit.refresh_from_db()
    assert o.subunit.kepala == o.orang_luar


def _keluar_sk_terbit(dunia) -> UsulanMutasi:
    """A signed transfer of org's anggota out of the city, to Malang."""
    o = dunia.org
    u = dunia.usulan(
        jenis=JenisMutasi.KELUAR, tujuan_unit=None, tujuan_jabatan=None, instansi_eksternal="Pemerintah Kota Malang"
    )
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=o.hr.akun)
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=o.kepala.akun)
    u = usulan_transisi(usulan=u, aksi="terima", oleh=o.hr.akun)  # the other instansi's side, recorded by HR
    return dunia.sampai(S.SK_TERBIT, usulan=u)


def test_mutasi_keluar_menonaktifkan(dunia):
    o = dunia.org
    u = _keluar_sk_terbit(dunia)
    from mutasi.services.usulan import KeputusanEksternal, keputusan_eksternal_catat

    keputusan = KeputusanEksternal(
        lingkup="SEPROVINSI",
        penerbit="Gubernur Jawa Timur",
        nomor="800.1.6.4/77/204/2026",
        tanggal=date.today(),
        nomor_pertek="PT-9/KR.II/2026",
        tanggal_pertek=date.today(),
    )
    keputusan_eksternal_catat(oleh=o.hr.akun, usulan=u, data=keputusan)
    mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    o.anggota.refresh_from_db()
    assert not o.anggota.aktif and "Malang" in o.anggota.alasan_nonaktif
    assert UsulanMutasi.objects.get(pk=u.pk).status == S.DILAKSANAKAN


def test_usulan_lain_ditandai_setelah_mutasi_dilaksanakan(dunia):
    dunia.sampai(S.SK_TERBIT)
    draf = dunia.usulan(tujuan_unit=dunia.org.lain)  # a second idea for the same person, still a draft
    laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    draf.refresh_from_db()
    assert draf.perlu_tinjauan and "sudah dilaksanakan" in draf.tinjauan_alasan
    assert laporan.dilaksanakan and laporan.ditandai


def test_pegawai_yang_tidak_aktif_lagi_tidak_dipindahkan(dunia, clients, django_capture_on_commit_callbacks):
    """Died after the decree was signed: on the TMT the transfer is held with the reason and HR is told;
    an override of the failed check, even confirmed by the PPK, does not give them a post either."""
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    pegawai_nonaktifkan(oleh=o.hr.akun, pegawai=o.anggota, alasan="Meninggal dunia", tanggal=TMT - timedelta(days=9))
    riwayat = list(RiwayatJabatan.objects.filter(pegawai=o.anggota).values_list("pk", "sampai"))
    with django_capture_on_commit_callbacks(execute=True):
        laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    assert laporan.dilaksanakan == [] and len(laporan.tertahan) == 1
    catatan = u.riwayat_status.order_by("-id").first()
    assert catatan.aksi == AKSI_TERTAHAN and "sudah tidak aktif (Meninggal dunia)" in catatan.catatan
    assert "SK pembatalan" in catatan.catatan
    html = clients["hr"].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
    assert 'id="pegawai-nonaktif"' in html and "Meninggal dunia" in html and "dilaksanakan otomatis" not in html

    usulan_pengecualian(oleh=o.hr.akun, usulan=u, kode="masa_jabatan", alasan="Kebutuhan layanan yang mendesak.")
    pengecualian_konfirmasi(oleh=o.ppk.akun, usulan=u, kode="masa_jabatan")
    with pytest.raises(PelaksanaanTertahan, match="sudah tidak aktif"):
        usulan_laksanakan(usulan=UsulanMutasi.objects.get(pk=u.pk), hari_ini=TMT)
    assert UsulanMutasi.objects.get(pk=u.pk).status == S.SK_TERBIT
    assert list(RiwayatJabatan.objects.filter(pegawai=o.anggota).values_list("pk", "sampai")) == riwayat


def test_mutasi_keluar_pegawai_yang_sudah_pensiun_tidak_menimpa_alasannya(dunia):
    o = dunia.org
    u = _keluar_sk_terbit(dunia)
    pegawai_nonaktifkan(oleh=o.hr.akun, pegawai=o.anggota, alasan="Pensiun (BUP)", tanggal=TMT - timedelta(days=1))
    with pytest.raises(PelaksanaanTertahan, match="sudah tidak aktif"):
        usulan_laksanakan(usulan=u, hari_ini=TMT)
    o.anggota.refresh_from_db()
    assert o.anggota.alasan_nonaktif == "Pensiun (BUP)"
    assert UsulanMutasi.objects.get(pk=u.pk).status == S.SK_TERBIT


def test_halaman_nonaktifkan_menyebut_mutasi_yang_menunggu(dunia, clients):
    """HR sees, before deactivating, that the decided transfer will not be carried out."""
    u = dunia.sampai(S.SK_TERBIT)
    html = clients["hr"].get(reverse("pegawai:nonaktifkan", args=[dunia.org.anggota.pk])).content.decode()
    assert f'<a href="{reverse("mutasi:detail", args=[u.pk])}">{u.nomor}</a>' in html
    assert "tidak akan dilaksanakan" in html


def test_mutasi_ke_unit_yang_sudah_ditutup_tertahan(dunia, clients):
    """The destination was closed after the decree (its staff moved out first): on the TMT nobody is
    posted into a closed unit; the transfer is held with the reason for HR."""
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    RiwayatJabatan.objects.sekarang().filter(unit=dunia.tujuan).update(sampai=TMT - timedelta(days=30))
    # Closing is refused while the transfer goes there (naming it) ...
    with pytest.raises(LayananError, match=f"tujuan 1 usulan mutasi yang sedang berjalan \\({u.nomor}\\)"):
        unit_tutup(oleh=o.hr.akun, unit=dunia.tujuan, tanggal=TMT - timedelta(days=20))
    # ... so a unit closed another way (an earlier version, a repair in the database) is what is left.
    UnitKerja.objects.filter(pk=dunia.tujuan.pk).update(aktif=False, ditutup_pada=TMT - timedelta(days=20))
    posisi = o.anggota.posisi_sekarang
    laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    assert laporan.dilaksanakan == [] and len(laporan.tertahan) == 1
    assert "Dinas Kesehatan sudah ditutup" in laporan.tertahan[0] and "SK pembatalan" in laporan.tertahan[0]
    assert o.anggota.posisi_sekarang == posisi
    html = clients["hr"].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
    assert 'id="unit-tujuan-tutup"' in html and "dilaksanakan otomatis" not in html


def test_usulan_ke_unit_yang_sudah_ditutup_tidak_maju(dunia):
    o = dunia.org
    kosong = UnitKerjaFactory(nama="UPTD Lama")
    u = dunia.usulan(tujuan_unit=kosong, tujuan_jabatan=dunia.jabatan_tujuan)
    unit_tutup(oleh=o.hr.akun, unit=kosong, tanggal=date.today())
    with pytest.raises(AlurError, match="UPTD Lama sudah ditutup"):
        usulan_transisi(usulan=u, aksi="ajukan", oleh=o.hr.akun)
    assert UsulanMutasi.objects.get(pk=u.pk).status == S.DRAFT
