"""Every eligibility rule, and HR's override of failed ones."""

from datetime import date, timedelta

import pytest

from mutasi.models import DasarMutasi, JenisMutasi, MasaTenang, StatusUsulan
from mutasi.services import AlurError
from mutasi.services.alur import usulan_transisi
from mutasi.services.kelayakan import kelayakan_periksa, kelayakan_usulan
from mutasi.services.usulan import usulan_pengecualian
from mutasi.tests.helpers import TMT
from pegawai.models import BatasUsiaPensiun, HukumanDisiplin, JenisJabatan, KinerjaTahunan, Predikat, TugasJabatan
from pegawai.tests.factories import JabatanFactory, PegawaiFactory, RiwayatJabatanFactory, nip_untuk, pegawai_di

pytestmark = pytest.mark.django_db


def _cek(dunia, pegawai=None, **kw):
    args = {
        "pegawai": pegawai or dunia.org.anggota,
        "jenis": JenisMutasi.DALAM,
        "dasar": DasarMutasi.ROTASI,
        "tujuan_unit_id": dunia.tujuan.pk,
        "tujuan_jabatan_id": dunia.jabatan_tujuan.pk,
        "tmt": TMT,
        "alasan_tanpa_kekurangan": "ada alasan",
    }
    args.update(kw)
    return {c.kode: c for c in kelayakan_periksa(**args)}


def test_masa_jabatan_minimal_dan_jatuh_tempo(dunia):
    baru = pegawai_di(dunia.org.subunit, mulai=TMT - timedelta(days=300))
    assert _cek(dunia, baru)["masa_jabatan"].hasil == "gagal"
    cukup = pegawai_di(dunia.org.subunit, mulai=TMT - timedelta(days=3 * 366))
    assert _cek(dunia, cukup)["masa_jabatan"].hasil == "lulus"
    lama = pegawai_di(dunia.org.subunit, mulai=TMT - timedelta(days=6 * 366))
    c = _cek(dunia, lama)["masa_jabatan"]
    assert c.hasil == "info" and "waktunya" in c.pesan


def test_hukuman_disiplin_aktif(dunia):
    p = dunia.org.anggota
    HukumanDisiplin.objects.create(
        pegawai=p,
        tingkat="SEDANG",
        jenis="Penundaan pangkat",
        mulai=date.today() - timedelta(days=400),
        selesai=date.today() - timedelta(days=1),
    )
    assert _cek(dunia)["hukuman"].hasil == "lulus"  # ended: fine
    HukumanDisiplin.objects.create(
        pegawai=p,
        tingkat="RINGAN",
        jenis="Teguran tertulis",
        mulai=date.today() - timedelta(days=10),
        selesai=date.today() + timedelta(days=100),
    )
    assert _cek(dunia)["hukuman"].hasil == "gagal"


def test_predikat_kinerja_dua_tahun(dunia):
    p, tahun = dunia.org.anggota, date.today().year
    KinerjaTahunan.objects.filter(pegawai=p).delete()
    assert _cek(dunia)["kinerja"].hasil == "gagal"  # none recorded: HR records them or overrides
    KinerjaTahunan.objects.create(pegawai=p, tahun=tahun - 1, predikat=Predikat.BAIK)
    KinerjaTahunan.objects.create(pegawai=p, tahun=tahun - 2, predikat=Predikat.SANGAT_BAIK)
    KinerjaTahunan.objects.create(pegawai=p, tahun=tahun - 3, predikat=Predikat.KURANG)  # too old to count
    assert _cek(dunia)["kinerja"].hasil == "lulus"
    KinerjaTahunan.objects.filter(pegawai=p, tahun=tahun - 2).update(predikat=Predikat.BUTUH_PERBAIKAN)
    c = _cek(dunia)["kinerja"]
    assert c.hasil == "gagal" and "Butuh Perbaikan" in c.pesan


def test_batas_usia_pensiun(dunia):
    jab = JabatanFactory(jenis=JenisJabatan.PELAKSANA)
    BatasUsiaPensiun.objects.update_or_create(jenis=JenisJabatan.PELAKSANA, jenjang="", defaults={"usia": 58})
    lahir_dekat = TMT.replace(year=TMT.year - 58) + timedelta(days=100)  # retires 100 days after the TMT
    p = PegawaiFactory(tanggal_lahir=lahir_dekat, nip=nip_untuk(lahir_dekat, "L"))
    RiwayatJabatanFactory(pegawai=p, unit=dunia.org.subunit, jabatan=jab, mulai=date(2015, 1, 1))
    assert _cek(dunia, p)["bup"].hasil == "gagal"
    muda = pegawai_di(dunia.org.subunit, jab, mulai=date(2015, 1, 1), tanggal_lahir=date(1990, 1, 1))
    assert _cek(dunia, muda)["bup"].hasil == "lulus"


def test_usulan_lain_terbuka(dunia):
    u = dunia.usulan()
    assert _cek(dunia)["usulan_lain"].hasil == "gagal"
    assert _cek(dunia, kecuali_usulan_id=u.pk)["usulan_lain"].hasil == "lulus"


def test_kebutuhan_abk_atau_alasan(dunia):
    kw = {"alasan_tanpa_kekurangan": ""}
    c = _cek(dunia, **kw)["kebutuhan"]
    assert c.hasil == "gagal" and "Belum ada ABK" in c.pesan
    # 2,500 hours / 1,250 = 2 people needed, none there: a shortage of 2
    TugasJabatan.objects.create(
        unit=dunia.tujuan, jabatan=dunia.jabatan_tujuan, uraian="Mengolah data", volume=2500, norma_waktu=1
    )
    c = _cek(dunia, **kw)["kebutuhan"]
    assert c.hasil == "lulus" and "2" in c.pesan
    for _ in range(2):
        pegawai_di(dunia.tujuan, dunia.jabatan_tujuan)
    assert _cek(dunia, **kw)["kebutuhan"].hasil == "gagal"
    assert _cek(dunia, alasan_tanpa_kekurangan="Layanan baru dibuka.")["kebutuhan"].hasil == "peringatan"


def test_masa_tenang(dunia):
    assert _cek(dunia)["masa_tenang"].hasil == "lulus"
    MasaTenang.objects.create(mulai=TMT - timedelta(days=1), selesai=TMT + timedelta(days=1), keterangan="Pilkada 2029")
    c = _cek(dunia)["masa_tenang"]
    assert c.hasil == "gagal" and "Menteri" in c.pesan
    c = _cek(dunia, persetujuan_menteri="100.2.2.6/1234/OTDA")["masa_tenang"]
    assert c.hasil == "peringatan" and "100.2.2.6/1234/OTDA" in c.pesan


def test_sepuluh_tahun_untuk_pindah_instansi(dunia):
    lahir = date(1995, 5, 5)
    muda = PegawaiFactory(tanggal_lahir=lahir, nip=nip_untuk(lahir, "L", tmt=date(2020, 3, 1)))
    RiwayatJabatanFactory(pegawai=muda, unit=dunia.org.subunit, mulai=date(2020, 3, 1))
    kw = {
        "jenis": JenisMutasi.KELUAR,
        "dasar": DasarMutasi.PERMINTAAN,
        "tujuan_unit_id": None,
        "tujuan_jabatan_id": None,
    }
    assert _cek(dunia, muda, **kw)["sepuluh_tahun"].hasil == "gagal"
    lahir = date(1985, 5, 5)
    lama = PegawaiFactory(tanggal_lahir=lahir, nip=nip_untuk(lahir, "L", tmt=date(2012, 3, 1)))
    RiwayatJabatanFactory(pegawai=lama, unit=dunia.org.subunit, mulai=date(2012, 3, 1))
    assert _cek(dunia, lama, **kw)["sepuluh_tahun"].hasil == "lulus"
    # only for leaving at one's own request
    assert "sepuluh_tahun" not in _cek(dunia, muda, jenis=JenisMutasi.DALAM)


def test_syarat_gagal_memblokir_pengajuan_kecuali_pengecualian_hr(dunia):
    o = dunia.org
    baru = pegawai_di(o.subunit, mulai=TMT - timedelta(days=200))
    u = dunia.usulan(pegawai=baru)
    assert any(c.gagal for c in kelayakan_usulan(u))
    with pytest.raises(AlurError, match="Belum memenuhi syarat"):
        usulan_transisi(usulan=u, aksi="ajukan", oleh=o.hr.akun)
    alasan = "Kebutuhan mendesak untuk layanan puskesmas baru."
    with pytest.raises(AlurError):
        usulan_pengecualian(oleh=o.kepala.akun, usulan=u, kode="masa_jabatan", alasan=alasan)
    with pytest.raises(AlurError, match="20"):
        usulan_pengecualian(oleh=o.hr.akun, usulan=u, kode="masa_jabatan", alasan="mendesak")
    usulan_pengecualian(oleh=o.hr.akun, usulan=u, kode="masa_jabatan", alasan=alasan)
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=o.hr.akun)
    assert u.status == StatusUsulan.DIAJUKAN
    assert u.pengecualian.get(kode="masa_jabatan").oleh == o.hr.akun
    assert any(c["kode"] == "masa_jabatan" and c["hasil"] == "gagal" for c in u.hasil_cek)  # snapshot kept
    assert u.riwayat_status.filter(aksi="pengecualian").exists()


# --- Whole years by the calendar (inti.kalender), never days / 365.25 ---------------------------


@pytest.mark.parametrize(
    ("mulai", "tmt", "hasil", "pesan"),
    [
        (date(2024, 3, 1), date(2026, 2, 28), "gagal", "1 tahun 11 bulan pada TMT usulan; minimal 2 tahun"),
        (date(2024, 3, 1), date(2026, 3, 1), "lulus", "2 tahun pada TMT usulan."),  # the anniversary itself
        (date(2024, 3, 1), date(2026, 3, 2), "lulus", "2 tahun pada TMT usulan."),
        (date(2024, 3, 2), date(2026, 3, 1), "gagal", "1 tahun 11 bulan"),
        # a post taken on 29 February has its anniversaries on 28 February in common years
        (date(2024, 2, 29), date(2026, 2, 27), "gagal", "1 tahun 11 bulan"),
        (date(2024, 2, 29), date(2026, 2, 28), "lulus", "2 tahun pada TMT usulan."),
        (date(2024, 2, 29), date(2026, 3, 1), "lulus", "2 tahun pada TMT usulan."),
        # the 5-year watch: due from the fifth anniversary on
        (date(2021, 3, 1), date(2026, 2, 28), "lulus", "4 tahun 11 bulan pada TMT usulan."),
        (date(2021, 3, 1), date(2026, 3, 1), "info", "5 tahun: sudah 5 tahun atau lebih"),
        (date(2020, 2, 29), date(2025, 2, 28), "info", "5 tahun: sudah 5 tahun atau lebih"),
    ],
)
def test_masa_jabatan_dihitung_dengan_tahun_kalender(dunia, mulai, tmt, hasil, pesan):
    p = pegawai_di(dunia.org.subunit, mulai=mulai)
    c = _cek(dunia, p, tmt=tmt)["masa_jabatan"]
    assert (c.hasil, pesan in c.pesan) == (hasil, True), c.pesan
    assert "." not in c.pesan.split(" tahun")[0]  # whole years, never "1.9 tahun"


@pytest.mark.parametrize(
    ("tmt_cpns", "tanggal", "hasil", "pesan"),
    [
        (date(2016, 3, 1), date(2026, 2, 28), "gagal", "Baru 9 tahun 11 bulan sejak TMT CPNS 03-2016"),
        (date(2016, 3, 1), date(2026, 3, 1), "lulus", "10 tahun sejak TMT CPNS."),  # the anniversary itself
        (date(2016, 3, 1), date(2026, 3, 2), "lulus", "10 tahun sejak TMT CPNS."),
        # checked on 29 February
        (date(2014, 3, 1), date(2024, 2, 29), "gagal", "Baru 9 tahun 11 bulan"),
        (date(2014, 2, 1), date(2024, 2, 29), "lulus", "10 tahun sejak TMT CPNS."),
    ],
)
def test_sepuluh_tahun_dihitung_dengan_tahun_kalender(tmt_cpns, tanggal, hasil, pesan):
    from mutasi.services.kelayakan import cek_sepuluh_tahun

    lahir = date(1990, 5, 5)
    p = PegawaiFactory(tanggal_lahir=lahir, nip=nip_untuk(lahir, "L", tmt=tmt_cpns))
    assert p.tmt_cpns == tmt_cpns
    c = cek_sepuluh_tahun(p, tanggal)
    assert (c.hasil, pesan in c.pesan) == (hasil, True), c.pesan


def test_batas_usia_pensiun_lahir_29_februari(dunia):
    """Born 29 February 1968, BUP 58: retires on 28 February 2026; a TMT a year before that day
    still leaves one whole year, a day later does not."""
    jab = JabatanFactory(jenis=JenisJabatan.PELAKSANA)
    BatasUsiaPensiun.objects.update_or_create(jenis=JenisJabatan.PELAKSANA, jenjang="", defaults={"usia": 58})
    lahir = date(1968, 2, 29)
    p = PegawaiFactory(tanggal_lahir=lahir, nip=nip_untuk(lahir, "L"))
    RiwayatJabatanFactory(pegawai=p, unit=dunia.org.subunit, jabatan=jab, mulai=date(2015, 1, 1))
    c = _cek(dunia, p, tmt=date(2025, 2, 28))["bup"]
    assert c.hasil == "lulus" and "28-02-2026" in c.pesan
    assert _cek(dunia, p, tmt=date(2025, 3, 1))["bup"].hasil == "gagal"
