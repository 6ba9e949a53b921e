"""Eligibility as a function of the proposal and a date, evaluated at every step (issue 12, item 1):
a sanction in force on any day up to the TMT, a blackout looked up on the decision date, missing
performance ratings, the target position's retirement age; results stored for later approvers."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from mutasi.models import JenisMutasi, MasaTenang, StatusUsulan, UsulanMutasi
from mutasi.services.alur import usulan_transisi
from mutasi.services.kelayakan import SyaratError, kelayakan_periksa, kelayakan_usulan
from mutasi.services.usulan import persetujuan_menteri_catat
from mutasi.tests.helpers import TMT
from pegawai.models import BatasUsiaPensiun, HukumanDisiplin, JenisJabatan, KinerjaTahunan, Predikat
from pegawai.tests.factories import JabatanFactory, PegawaiFactory, RiwayatJabatanFactory, nip_untuk, pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
HARI_INI = date.today()


def _hukuman(pegawai, mulai, selesai):
    return HukumanDisiplin.objects.create(
        pegawai=pegawai, tingkat="SEDANG", jenis="Penundaan kenaikan pangkat", mulai=mulai, selesai=selesai
    )


def _kode(cek):
    return {c.kode: c for c in cek}


# --- Sanctions: in force on ANY day from the check date up to the TMT ------------------------------


@pytest.mark.parametrize(
    ("mulai", "selesai", "hasil"),
    [
        (HARI_INI - timedelta(days=100), HARI_INI - timedelta(days=1), "lulus"),  # ended yesterday
        (HARI_INI - timedelta(days=100), HARI_INI, "gagal"),  # ends on the check date
        (HARI_INI + timedelta(days=5), HARI_INI + timedelta(days=200), "gagal"),  # starts after the check
        (TMT, TMT + timedelta(days=200), "gagal"),  # starts on the TMT itself
        (TMT + timedelta(days=1), TMT + timedelta(days=200), "lulus"),  # starts the day after the TMT
    ],
)
def test_hukuman_berlaku_sampai_tmt(dunia, mulai, selesai, hasil):
    u = dunia.usulan()
    _hukuman(dunia.org.anggota, mulai, selesai)
    c = _kode(kelayakan_usulan(u, HARI_INI))["hukuman"]
    assert c.hasil == hasil, c.pesan


def test_hukuman_yang_mulai_setelah_pengajuan_menghentikan_langkah_berikut(dunia):
    """Before: checked once, at submission, for sanctions in force that day only."""
    o = dunia.org
    u = dunia.sampai(S.DIAJUKAN)
    _hukuman(o.anggota, TMT - timedelta(days=3), TMT + timedelta(days=180))  # after submission, before the TMT
    with pytest.raises(SyaratError, match="Hukuman disiplin") as exc:
        usulan_transisi(usulan=u, aksi="lepas", oleh=o.kepala.akun)
    assert "mulai berlaku" in str(exc.value)
    u.refresh_from_db()
    assert u.status == S.DIAJUKAN and not u.riwayat_status.filter(aksi="lepas").exists()


@pytest.mark.parametrize("aksi", ["terima", "verifikasi", "putuskan"])
def test_setiap_langkah_persetujuan_memeriksa_lagi(dunia, aksi):
    o = dunia.org
    sebelum = {"terima": S.DILEPAS, "verifikasi": S.DITERIMA, "putuskan": S.DIVERIFIKASI}[aksi]
    u = dunia.sampai(sebelum)
    _hukuman(o.anggota, HARI_INI, HARI_INI + timedelta(days=90))
    pelaku = {"terima": dunia.kepala_tujuan, "verifikasi": o.hr, "putuskan": o.ppk}[aksi]
    with pytest.raises(SyaratError, match="Hukuman disiplin"):
        usulan_transisi(usulan=u, aksi=aksi, oleh=pelaku.akun)
    assert UsulanMutasi.objects.get(pk=u.pk).status == sebelum


# --- Election blackout: looked up on the decision date -------------------------------------------------


def test_masa_tenang_yang_dicatat_setelah_pengajuan_menghentikan_putusan(dunia):
    """Before: the blackout flag was set at submission only, so one entered later was bypassed."""
    o = dunia.org
    u = dunia.sampai(S.DITERIMA)
    # Covers the decision date (today) but not the TMT; entered after submission.
    MasaTenang.objects.create(mulai=HARI_INI, selesai=TMT - timedelta(days=1), keterangan="Pilkada ulang")
    u = usulan_transisi(usulan=u, aksi="verifikasi", oleh=o.hr.akun)  # earlier steps: shown, not stopped
    assert u.dalam_masa_tenang
    with pytest.raises(SyaratError, match="Masa tenang pilkada"):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    persetujuan_menteri_catat(oleh=o.hr.akun, usulan=u, teks="100.2.2.6/1234/OTDA tanggal 1 Desember 2026")
    u = usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    assert u.status == S.DIPUTUSKAN
    assert next(c for c in u.hasil_cek if c["kode"] == "masa_tenang")["hasil"] == "peringatan"


@pytest.mark.parametrize(
    ("mulai", "selesai", "hasil"),
    [
        (HARI_INI - timedelta(days=30), HARI_INI - timedelta(days=1), "lulus"),  # ended the day before
        (HARI_INI - timedelta(days=30), HARI_INI, "gagal"),  # ends on the decision date
        (HARI_INI + timedelta(days=1), TMT - timedelta(days=1), "lulus"),  # neither the decision nor the TMT
        (TMT, TMT, "gagal"),  # on the TMT
    ],
)
def test_masa_tenang_batas_hari(dunia, mulai, selesai, hasil):
    u = dunia.usulan()
    MasaTenang.objects.create(mulai=mulai, selesai=selesai, keterangan="Pilkada")
    assert _kode(kelayakan_usulan(u, HARI_INI))["masa_tenang"].hasil == hasil


# --- Performance: both of the two calendar years before submission must be rated Baik or better ----------


@pytest.mark.parametrize(
    ("predikat", "hasil", "pesan"),
    [
        ({}, "gagal", "belum ada predikat tercatat untuk 2024, 2025"),
        ({2025: Predikat.BAIK}, "gagal", "belum ada predikat tercatat untuk 2024"),
        ({2024: Predikat.SANGAT_BAIK}, "gagal", "belum ada predikat tercatat untuk 2025"),
        ({2024: Predikat.BAIK, 2025: Predikat.BUTUH_PERBAIKAN}, "gagal", "Butuh Perbaikan"),
        ({2024: Predikat.BAIK, 2025: Predikat.SANGAT_BAIK}, "lulus", "2024: Baik, 2025: Sangat Baik"),
    ],
)
def test_kinerja_dua_tahun_tanpa_predikat_gagal(dunia, predikat, hasil, pesan):
    """Before: no rating passed as "info" and one year alone passed."""
    p = pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1))
    for tahun, pred in predikat.items():
        KinerjaTahunan.objects.create(pegawai=p, tahun=tahun, predikat=pred)
    c = _kode(
        kelayakan_periksa(
            pegawai=p,
            jenis=JenisMutasi.DALAM,
            dasar="ROTASI",
            tujuan_unit_id=dunia.tujuan.pk,
            tujuan_jabatan_id=dunia.jabatan_tujuan.pk,
            tmt=date(2027, 3, 1),
            pada=date(2026, 12, 6),
            alasan_tanpa_kekurangan="ada",
        )
    )["kinerja"]
    assert (c.hasil, pesan.lower() in c.pesan.lower()) == (hasil, True), c.pesan


@pytest.mark.parametrize(
    ("diajukan", "tahun"),
    [
        (date(2024, 2, 29), (2022, 2023)),  # submitted on 29 February
        (date(2026, 12, 31), (2024, 2025)),
        (date(2027, 1, 1), (2025, 2026)),  # the day after: the next pair of years
    ],
)
def test_tahun_kinerja_dihitung_dari_tanggal_pengajuan(dunia, diajukan, tahun):
    """A later step (or the TMT in a new year) looks at the same two years as the submission."""
    u = dunia.usulan()
    KinerjaTahunan.objects.filter(pegawai=u.pegawai).delete()
    for t in tahun:
        KinerjaTahunan.objects.create(pegawai=u.pegawai, tahun=t, predikat=Predikat.BAIK)
    waktu = timezone.make_aware(datetime.combine(diajukan, datetime.min.time()) + timedelta(hours=9))
    UsulanMutasi.objects.filter(pk=u.pk).update(diajukan_pada=waktu)
    u.refresh_from_db()
    assert _kode(kelayakan_usulan(u, diajukan + timedelta(days=400)))["kinerja"].hasil == "lulus"


# --- Retirement age of the TARGET position ------------------------------------------------------------


def _orang_dengan_lahir(dunia, lahir, jabatan):
    p = PegawaiFactory(tanggal_lahir=lahir, nip=nip_untuk(lahir, "L"))
    RiwayatJabatanFactory(pegawai=p, unit=dunia.org.subunit, jabatan=jabatan, mulai=date(2015, 1, 1))
    return p


def _cek_bup(dunia, p, tujuan, tmt):
    return _kode(
        kelayakan_periksa(
            pegawai=p,
            jenis=JenisMutasi.DALAM,
            dasar="ROTASI",
            tujuan_unit_id=dunia.tujuan.pk,
            tujuan_jabatan_id=tujuan.pk,
            tmt=tmt,
            pada=date(2026, 12, 6),
            alasan_tanpa_kekurangan="ada",
        )
    )["bup"]


def test_bup_menurut_jabatan_tujuan(dunia):
    """Before: the current position's BUP was used (60 here), so a move into a 58 post passed."""
    sekarang = JabatanFactory(nama="Kepala Dinas", jenis=JenisJabatan.JPT)
    BatasUsiaPensiun.objects.update_or_create(jenis=JenisJabatan.JPT, jenjang="", defaults={"usia": 60})
    BatasUsiaPensiun.objects.update_or_create(jenis=JenisJabatan.PELAKSANA, jenjang="", defaults={"usia": 58})
    p = _orang_dengan_lahir(dunia, date(1969, 6, 1), sekarang)  # 58 on 1 June 2027
    tujuan_58 = JabatanFactory(jenis=JenisJabatan.PELAKSANA)
    tujuan_60 = JabatanFactory(jenis=JenisJabatan.JPT)
    c = _cek_bup(dunia, p, tujuan_58, date(2027, 3, 1))
    assert c.hasil == "gagal" and "jabatan tujuan" in c.pesan and "01-06-2027" in c.pesan
    assert _cek_bup(dunia, p, tujuan_60, date(2027, 3, 1)).hasil == "lulus"


@pytest.mark.parametrize(
    ("lahir", "tmt", "hasil"),
    [
        (date(1969, 3, 1), date(2027, 3, 1), "lulus"),  # reaches 58 on the TMT itself: not before it
        (date(1969, 2, 28), date(2027, 3, 1), "gagal"),  # the day before the TMT
        (date(1969, 3, 2), date(2027, 3, 1), "lulus"),
        # born 29 February: reaches the age on 28 February in a common year
        (date(1968, 2, 29), date(2026, 2, 28), "lulus"),
        (date(1968, 2, 29), date(2026, 3, 1), "gagal"),
    ],
)
def test_bup_tidak_tercapai_sebelum_tmt(dunia, settings, lahir, tmt, hasil):
    settings.MUTASI_BUP_SISA_BULAN = 0
    BatasUsiaPensiun.objects.update_or_create(jenis=JenisJabatan.PELAKSANA, jenjang="", defaults={"usia": 58})
    jab = JabatanFactory(jenis=JenisJabatan.PELAKSANA)
    p = _orang_dengan_lahir(dunia, lahir, jab)
    c = _cek_bup(dunia, p, JabatanFactory(jenis=JenisJabatan.PELAKSANA), tmt)
    assert c.hasil == hasil, c.pesan


# --- Stored on the proposal for every later approver ------------------------------------------------


def test_hasil_cek_disimpan_pada_setiap_langkah(dunia, clients):
    o = dunia.org
    u = dunia.sampai(S.DILEPAS)
    assert (u.cek_langkah, u.cek_pada) == ("lepas", HARI_INI)
    assert {c["kode"] for c in u.hasil_cek} >= {"masa_jabatan", "hukuman", "kinerja", "bup", "masa_tenang"}
    u = dunia.sampai(S.DIVERIFIKASI, usulan=u)
    assert u.cek_langkah == "verifikasi"
    halaman = clients["ppk"].get(f"/mutasi/{u.pk}/").content.decode()
    assert 'id="syarat"' in halaman and "Predikat kinerja 2 tahun terakhir" in halaman
    assert 'langkah "Verifikasi berkas"' in halaman  # the step the stored checks come from
    # The next approver sees the checks as of today too, with what would stop the decision.
    _hukuman(o.anggota, HARI_INI, HARI_INI + timedelta(days=30))
    halaman = clients["ppk"].get(f"/mutasi/{u.pk}/").content.decode()
    assert 'id="syarat-penghalang"' in halaman and "Sedang menjalani hukuman disiplin" in halaman
