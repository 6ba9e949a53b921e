"""Honest dates: a decree's date is not after today, not before the decision, not before the latest
decree of its number sequence; its TMT is on or after it (SK_TMT_SEBELUM_HARI days of slack); the
objection window runs from the day the notice was given (acknowledged or delivered), not from the
decree's date. Each on the boundary day, the day before and the day after."""

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from mutasi.models import StatusSK, StatusUsulan, SuratKeputusan, SuratPemberitahuan, UsulanMutasi
from mutasi.services import AlurError
from mutasi.services.keberatan import keberatan_ajukan
from mutasi.services.pemberitahuan import pemberitahuan_konfirmasi, pemberitahuan_serahkan
from mutasi.services.sk import sk_periksa_tanggal, sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan

S = StatusUsulan
pytestmark = pytest.mark.django_db
HARI = date(2026, 6, 15)
ISI = "Saya keberatan karena merawat orang tua di dekat kantor lama."


def _waktu(d: date) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(10, 0)))


def _usulan(diputuskan: date):
    return SimpleNamespace(nomor="USL-2026-00001", diputuskan_pada=_waktu(diputuskan))


def _periksa(tanggal, tmt=None, diputuskan=HARI - timedelta(days=30), **kw):
    sk_periksa_tanggal(
        tanggal=tanggal, tmt=tmt or tanggal, daftar=[_usulan(diputuskan)], hari_ini=kw.pop("hari_ini", HARI), **kw
    )


def _sk_ditetapkan(tanggal: date, urut: int) -> SuratKeputusan:
    return SuratKeputusan.objects.create(
        status=StatusSK.DITETAPKAN,
        nomor=f"800/{urut}/436.7.2/{tanggal.year}",
        tahun=tanggal.year,
        urut=urut,
        tanggal=tanggal,
        tmt=tanggal,
        tentang="Mutasi",
        kode_verifikasi=f"UJI{urut:08d}",
    )


def test_tanggal_sk_tidak_sesudah_hari_ini():
    _periksa(HARI)  # today
    _periksa(HARI - timedelta(days=1))
    with pytest.raises(AlurError, match="sesudah hari ini"):
        _periksa(HARI + timedelta(days=1))


def test_tanggal_sk_tidak_sebelum_keputusan_ppk():
    diputuskan = HARI - timedelta(days=10)
    _periksa(diputuskan, diputuskan=diputuskan)  # the day of the decision itself
    _periksa(diputuskan + timedelta(days=1), diputuskan=diputuskan)
    with pytest.raises(AlurError, match="sebelum keputusan PPK"):
        _periksa(diputuskan - timedelta(days=1), diputuskan=diputuskan)


def test_nomor_dan_tanggal_naik_bersama():
    terakhir = HARI - timedelta(days=5)
    _sk_ditetapkan(terakhir, 12)
    _periksa(terakhir)  # the same day as the latest decree
    _periksa(terakhir + timedelta(days=1))
    with pytest.raises(AlurError, match="naik bersama"):
        _periksa(terakhir - timedelta(days=1))


def test_tahun_lain_urutan_lain():
    _sk_ditetapkan(date(2025, 12, 30), 900)
    _periksa(date(2026, 1, 2), diputuskan=date(2026, 1, 1))  # 2026's sequence has no decree yet


def test_tmt_tidak_sebelum_tanggal_sk(settings):
    settings.SK_TMT_SEBELUM_HARI = 0
    _periksa(HARI, tmt=HARI)
    _periksa(HARI, tmt=HARI + timedelta(days=1))
    with pytest.raises(AlurError, match="tidak boleh sebelum tanggal SK"):
        _periksa(HARI, tmt=HARI - timedelta(days=1))


def test_tmt_boleh_mundur_sesuai_pengaturan(settings):
    settings.SK_TMT_SEBELUM_HARI = 5
    _periksa(HARI, tmt=HARI - timedelta(days=5))
    _periksa(HARI, tmt=HARI - timedelta(days=4))
    with pytest.raises(AlurError, match="paling awal 5 hari"):
        _periksa(HARI, tmt=HARI - timedelta(days=6))


def test_tanggal_sk_tidak_sebelum_sk_yang_diubah():
    lama = _sk_ditetapkan(HARI - timedelta(days=3), 1)
    _periksa(HARI - timedelta(days=3), mengganti=lama)
    with pytest.raises(AlurError, match="diubah atau dicabut"):
        _periksa(HARI - timedelta(days=4), mengganti=lama, diputuskan=HARI - timedelta(days=40))


def test_penandatanganan_memakai_aturan_tanggal(dunia):
    """The signing service applies the rules: a back-dated decree is refused and uses no number."""
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    hari = timezone.localdate()
    UsulanMutasi.objects.filter(pk=u.pk).update(diputuskan_pada=_waktu(hari - timedelta(days=2)))
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=hari + timedelta(days=10))
    with pytest.raises(AlurError, match="sebelum keputusan PPK"):
        sk_tandatangani(oleh=o.ppk.akun, sk=sk, tanggal=hari - timedelta(days=3))
    with pytest.raises(AlurError, match="sesudah hari ini"):
        sk_tandatangani(oleh=o.ppk.akun, sk=sk, tanggal=hari + timedelta(days=1))
    sk.refresh_from_db()
    assert sk.status == StatusSK.KONSEP and sk.nomor is None
    sk = sk_tandatangani(oleh=o.ppk.akun, sk=sk, tanggal=hari - timedelta(days=2))
    assert sk.tanggal == hari - timedelta(days=2) and sk.urut == 1
    # the next decree of the sequence may not go back before it
    lain = dunia.sampai(S.DIPUTUSKAN, pegawai=o.orang_luar)
    UsulanMutasi.objects.filter(pk=lain.pk).update(diputuskan_pada=_waktu(hari - timedelta(days=9)))
    sk2 = sk_siapkan(oleh=o.hr.akun, usulan_ids=[lain.pk], tmt=hari + timedelta(days=10))
    with pytest.raises(AlurError, match="naik bersama"):
        sk_tandatangani(oleh=o.ppk.akun, sk=sk2, tanggal=hari - timedelta(days=3))
    assert sk_tandatangani(oleh=o.ppk.akun, sk=sk2, tanggal=hari - timedelta(days=2)).urut == 2


def test_konsep_menolak_tmt_sebelum_hari_ini(dunia, settings):
    settings.SK_TMT_SEBELUM_HARI = 0
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    hari = timezone.localdate()
    with pytest.raises(AlurError, match="TMT"):
        sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=hari - timedelta(days=1))
    assert sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=hari).tmt == hari


def test_tmt_lama_pada_konsep_ditolak_saat_ditandatangani(dunia):
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    hari = timezone.localdate()
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=hari)
    SuratKeputusan.objects.filter(pk=sk.pk).update(tmt=hari - timedelta(days=1))  # a draft left lying
    with pytest.raises(AlurError, match="TMT"):
        sk_tandatangani(oleh=o.ppk.akun, sk=sk)


# --- The objection window ----------------------------------------------------------------------------


def _keberatan(dunia, u, pada):
    return keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI, hari_ini=pada)


def test_sebelum_pemberitahuan_diterima_tidak_ada_batas_berjalan(dunia, settings):
    settings.KEBERATAN_BATAS_HARI = 14
    u = dunia.sampai(S.SK_TERBIT)
    assert u.batas_keberatan is None and u.pemberitahuan_diterima is None
    # long after the decree's date, but the notice was never given: the window has not started
    _keberatan(dunia, u, timezone.localdate() + timedelta(days=60))


def test_batas_dari_pernyataan_pegawai_bukan_tanggal_sk(dunia, settings):
    settings.KEBERATAN_BATAS_HARI = 14
    u = dunia.sampai(S.SK_TERBIT)
    diterima = timezone.localdate() + timedelta(days=20)  # read 20 days after the decree
    UsulanMutasi.objects.filter(pk=u.pk).update(pemberitahuan_dikonfirmasi=_waktu(diterima))
    u = UsulanMutasi.objects.get(pk=u.pk)
    assert u.batas_keberatan == diterima + timedelta(days=14)
    with pytest.raises(AlurError, match="lewat"):
        _keberatan(dunia, u, diterima + timedelta(days=15))
    _keberatan(dunia, u, diterima + timedelta(days=14))  # the last day


def test_batas_dari_penyerahan_oleh_bkpsdm(dunia, settings):
    settings.KEBERATAN_BATAS_HARI = 14
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    hari = timezone.localdate()
    with pytest.raises(AlurError):
        pemberitahuan_serahkan(oleh=o.anggota.akun, usulan=u, tanggal=hari)  # HR's record
    with pytest.raises(AlurError, match="sesudah hari ini"):
        pemberitahuan_serahkan(oleh=o.hr.akun, usulan=u, tanggal=hari + timedelta(days=1))
    with pytest.raises(AlurError, match="sebelum tanggal surat"):
        pemberitahuan_serahkan(oleh=o.hr.akun, usulan=u, tanggal=hari - timedelta(days=1))
    pemberitahuan_serahkan(oleh=o.hr.akun, usulan=u, tanggal=hari)
    u = UsulanMutasi.objects.get(pk=u.pk)
    assert SuratPemberitahuan.objects.get(usulan=u).diserahkan_pada == hari
    assert u.batas_keberatan == hari + timedelta(days=14)
    with pytest.raises(AlurError, match="lewat"):
        _keberatan(dunia, u, hari + timedelta(days=15))
    _keberatan(dunia, u, hari + timedelta(days=14))


def test_yang_lebih_dulu_dari_penyerahan_dan_pernyataan(dunia):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    hari = timezone.localdate()
    pemberitahuan_serahkan(oleh=o.hr.akun, usulan=u, tanggal=hari)
    UsulanMutasi.objects.filter(pk=u.pk).update(pemberitahuan_dikonfirmasi=_waktu(hari + timedelta(days=3)))
    assert UsulanMutasi.objects.get(pk=u.pk).pemberitahuan_diterima == hari
    pemberitahuan_konfirmasi(oleh=o.anggota.akun, usulan=u)  # already stated: nothing changes
    assert UsulanMutasi.objects.get(pk=u.pk).pemberitahuan_diterima == hari


def test_halaman_pemberitahuan_menyebut_batas(dunia, clients):
    u = dunia.sampai(S.SK_TERBIT)
    html = clients["anggota"].get(reverse("mutasi:pemberitahuan", args=[u.pk])).content.decode()
    assert 'id="batas-keberatan"' in html and "mulai dihitung sejak pemberitahuan ini diterima" in html
    r = clients["hr"].post(reverse("mutasi:pemberitahuan_serahkan", args=[u.pk]), {"tanggal": date.today()})
    assert r.status_code == 302
    html = clients["anggota"].get(reverse("mutasi:pemberitahuan", args=[u.pk])).content.decode()
    batas = (date.today() + timedelta(days=14)).strftime("%d-%m-%Y")
    assert batas in html
