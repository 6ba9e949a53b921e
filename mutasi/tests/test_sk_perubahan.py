"""Amending and revoking decrees are the PPK's decision: after an objection (revise / cancel), a
revision or a cancellation of a decided transfer HR prepares the decree, the PPK decides and signs
it; it is numbered in the same sequence and cites the decree it changes; the PPK is told by mail;
a cancelled decided transfer is announced (`usulan_dibatalkan`)."""

from datetime import date, timedelta

import pytest

from mutasi.models import JenisSK, StatusSK, StatusUsulan, SuratKeputusan, SuratPemberitahuan
from mutasi.services import AlurError
from mutasi.services.alur import usulan_transisi
from mutasi.services.keberatan import keberatan_ajukan, keberatan_jawab
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo
from mutasi.services.sk import sk_kembalikan, sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan, sk_siapkan_pembatalan, sk_siapkan_perubahan
from mutasi.signals import usulan_dibatalkan
from mutasi.tests.helpers import TMT

S = StatusUsulan
pytestmark = pytest.mark.django_db
ISI = "Saya merawat orang tua; lokasi baru terlalu jauh."


@pytest.fixture
def dibatalkan():
    """The proposals `usulan_dibatalkan` was sent for, in order."""
    terkirim = []

    def terima(sender, usulan, **kw):
        terkirim.append(usulan.pk)

    usulan_dibatalkan.connect(terima, dispatch_uid="uji-dibatalkan")
    yield terkirim
    usulan_dibatalkan.disconnect(dispatch_uid="uji-dibatalkan")


def test_keberatan_dibatalkan_lewat_sk_pembatalan_ppk(
    dunia, dibatalkan, mailoutbox, django_capture_on_commit_callbacks, settings
):
    o = dunia.org
    o.ppk.akun.email = "ppk@surabaya.go.id"
    o.ppk.akun.save()
    u = dunia.sampai(S.SK_TERBIT, tmt_sk=date.today())
    lama = u.sk
    k = keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi=ISI)
    with django_capture_on_commit_callbacks(execute=True):
        keberatan_jawab(
            oleh=o.hr.akun, keberatan=k, jawaban="Keberatan diterima, mutasi dibatalkan.", keputusan="BATAL"
        )
    u.refresh_from_db()
    # answered, but the decree in force is revoked only by the PPK: HR prepared a draft and he is told
    assert u.status == S.SK_TERBIT and u.sk == lama and dibatalkan == []
    konsep = SuratKeputusan.objects.get(status=StatusSK.KONSEP)
    assert (konsep.jenis, konsep.mengganti, list(konsep.cakupan.all())) == (JenisSK.PEMBATALAN, lama, [u])
    assert "Keberatan diterima" in konsep.alasan
    assert any("ppk@surabaya.go.id" in m.to for m in mailoutbox)
    # the transfer is held while the PPK has not decided, even on its TMT
    mutasi_laksanakan_jatuh_tempo()
    u.refresh_from_db()
    assert u.status == S.SK_TERBIT
    with pytest.raises(AlurError):
        sk_tandatangani(oleh=o.hr.akun, sk=konsep)
    baru = sk_tandatangani(oleh=o.ppk.akun, sk=konsep)
    u.refresh_from_db()
    assert u.status == S.DIBATALKAN and dibatalkan == [u.pk]
    assert baru.urut == lama.urut + 1 and baru.tahun == lama.tahun  # the same gap-free sequence
    assert baru.mengganti == lama and baru.tmt == baru.tanggal
    assert u.riwayat_status.filter(aksi="batalkan_sk", oleh=o.ppk.akun, ke=S.DIBATALKAN).exists()
    # no notice for the employee's new post: there is none
    assert not SuratPemberitahuan.objects.filter(sk=baru).exists()


def test_keberatan_direvisi_tmt_lewat_sk_perubahan_ppk(dunia):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    lama = u.sk
    k = keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi=ISI)
    with pytest.raises(AlurError, match="Revisi"):
        keberatan_jawab(oleh=o.hr.akun, keberatan=k, jawaban="Direvisi sesuai permohonan.", keputusan="REVISI")
    tmt_baru = TMT + timedelta(days=30)
    keberatan_jawab(
        oleh=o.hr.akun, keberatan=k, jawaban="TMT diundur satu bulan.", keputusan="REVISI", tmt_baru=tmt_baru
    )
    u.refresh_from_db()
    k.refresh_from_db()
    assert (u.sk, u.tmt) == (lama, TMT)  # nothing changes before the PPK decides
    konsep = SuratKeputusan.objects.get(status=StatusSK.KONSEP)
    assert konsep.jenis == JenisSK.PERUBAHAN and konsep.mengganti == lama and konsep.tmt == tmt_baru
    assert k.perubahan["sk_konsep"] == [lama.nomor, str(konsep.pk)]
    baru = sk_tandatangani(oleh=o.ppk.akun, sk=konsep)
    u.refresh_from_db()
    assert (u.status, u.sk, u.tmt) == (S.SK_TERBIT, baru, tmt_baru)
    assert baru.urut == lama.urut + 1 and baru.tentang.startswith("Perubahan atas Keputusan Wali Kota Surabaya Nomor")
    assert u.pemberitahuan_dikonfirmasi is None  # a new notice to read
    assert SuratPemberitahuan.objects.filter(usulan=u).count() == 2
    assert u.riwayat_status.filter(aksi="sk_perubahan", oleh=o.ppk.akun).exists()


def test_pembatalan_mutasi_yang_sk_nya_terbit_bukan_oleh_hr_sendiri(dunia, dibatalkan):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    with pytest.raises(AlurError):  # HR's old cancel button no longer applies to a decree in force
        usulan_transisi(usulan=u, aksi="batalkan", oleh=o.hr.akun, catatan="Dibatalkan.")
    with pytest.raises(AlurError):
        sk_siapkan_pembatalan(oleh=o.ppk.akun, usulan=u, alasan="Pegawai mengundurkan diri dari jabatan.")
    with pytest.raises(AlurError, match="alasan"):
        sk_siapkan_pembatalan(oleh=o.hr.akun, usulan=u, alasan="singkat")
    konsep = sk_siapkan_pembatalan(oleh=o.hr.akun, usulan=u, alasan="Pegawai ditugaskan belajar mulai bulan depan.")
    with pytest.raises(AlurError, match="menunggu"):
        sk_siapkan_perubahan(oleh=o.hr.akun, usulan=u, tmt=TMT + timedelta(days=5), alasan="Penyesuaian jadwal.")
    sk_tandatangani(oleh=o.ppk.akun, sk=konsep)
    u.refresh_from_db()
    assert u.status == S.DIBATALKAN and dibatalkan == [u.pk]


def test_ppk_membatalkan_keputusan_sebelum_sk(dunia, dibatalkan):
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    with pytest.raises(AlurError):
        usulan_transisi(usulan=u, aksi="batalkan", oleh=o.hr.akun, catatan="Dibatalkan BKPSDM.")
    with pytest.raises(AlurError):
        usulan_transisi(usulan=u, aksi="batalkan_keputusan", oleh=o.hr.akun, catatan="Dibatalkan BKPSDM.")
    usulan_transisi(usulan=u, aksi="batalkan_keputusan", oleh=o.ppk.akun, catatan="Formasi tujuan dibekukan.")
    u.refresh_from_db()
    assert u.status == S.DIBATALKAN and dibatalkan == [u.pk]


def test_pembatalan_sebelum_keputusan_tidak_diumumkan(dunia, dibatalkan):
    u = dunia.sampai(S.DITERIMA)
    usulan_transisi(usulan=u, aksi="batalkan", oleh=dunia.org.hr.akun, catatan="Usulan tidak dilanjutkan.")
    assert dibatalkan == []


def test_ppk_mengembalikan_konsep_pembatalan_mutasi_berjalan_lagi(dunia):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT, tmt_sk=date.today())
    konsep = sk_siapkan_pembatalan(oleh=o.hr.akun, usulan=u, alasan="Diminta ditinjau kembali oleh OPD asal.")
    sk_kembalikan(oleh=o.ppk.akun, sk=konsep, catatan="Tidak cukup alasan untuk mencabut keputusan.")
    mutasi_laksanakan_jatuh_tempo()
    u.refresh_from_db()
    assert u.status == S.DILAKSANAKAN


def test_revisi_tujuan_berakhir_dengan_sk_perubahan_yang_ditandatangani_ppk(dunia):
    from pegawai.models import JenisUnit
    from pegawai.tests.factories import UnitKerjaFactory, kepala_dari

    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    lama = u.sk
    unit_baru = UnitKerjaFactory(nama="Puskesmas Mulyorejo", jenis=JenisUnit.PUSKESMAS)
    kepala_baru = kepala_dari(unit_baru)
    k = keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi=ISI)
    keberatan_jawab(
        oleh=o.hr.akun, keberatan=k, jawaban="Ditempatkan di puskesmas.", keputusan="REVISI", tujuan_unit=unit_baru
    )
    for aksi, siapa in [("terima", kepala_baru), ("verifikasi", dunia.hr2), ("putuskan", o.ppk)]:
        usulan_transisi(usulan=u, aksi=aksi, oleh=siapa.akun)
    konsep = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    assert konsep.jenis == JenisSK.PERUBAHAN and konsep.mengganti == lama
    baru = sk_tandatangani(oleh=o.ppk.akun, sk=konsep)
    u.refresh_from_db()
    assert (u.status, u.sk, u.tujuan_unit) == (S.SK_TERBIT, baru, unit_baru)
    assert baru.urut == lama.urut + 1


def test_sk_perubahan_tmt_oleh_hr_tanpa_keberatan(dunia):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    with pytest.raises(AlurError, match="sama"):
        sk_siapkan_perubahan(oleh=o.hr.akun, usulan=u, tmt=u.tmt, alasan="Penyesuaian jadwal serah terima.")
    konsep = sk_siapkan_perubahan(
        oleh=o.hr.akun, usulan=u, tmt=TMT + timedelta(days=3), alasan="Penyesuaian jadwal serah terima."
    )
    assert konsep.jenis == JenisSK.PERUBAHAN and konsep.alasan.startswith("Penyesuaian")
    sk_tandatangani(oleh=o.ppk.akun, sk=konsep)
    u.refresh_from_db()
    assert u.tmt == TMT + timedelta(days=3) and u.sk == konsep
