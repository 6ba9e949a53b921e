"""Objections: raised within the window, answered by HR (uphold / revise / cancel)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from mutasi.models import KeputusanKeberatan, StatusUsulan
from mutasi.services import AlurError
from mutasi.services.keberatan import keberatan_ajukan, keberatan_jawab
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo
from mutasi.services.sk import sk_tandatangani
from mutasi.tests.helpers import TMT

S = StatusUsulan
pytestmark = pytest.mark.django_db
ISI = "Saya merawat orang tua; lokasi baru terlalu jauh."


def test_alur_keberatan_dijawab_tetap(dunia, clients, settings):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    with pytest.raises(AlurError):
        keberatan_ajukan(oleh=o.hr.akun, usulan=u, isi=ISI)  # only the employee
    r = clients["anggota"].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": ISI})
    assert r.status_code == 302
    k = u.keberatan.get()
    with pytest.raises(AlurError, match="menunggu"):
        keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi=ISI)
    # an unanswered objection holds the move
    laporan = mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    assert laporan.ditunda and u.__class__.objects.get(pk=u.pk).status == S.SK_TERBIT
    with pytest.raises(AlurError):
        keberatan_jawab(oleh=o.ppk.akun, keberatan=k, jawaban="Tetap dilaksanakan.", keputusan="TETAP")
    r = clients["hr"].post(
        reverse("mutasi:keberatan_jawab", args=[k.pk]),
        {"keputusan": "TETAP", "jawaban": "Mutasi tetap; jadwal kerja disesuaikan."},
    )
    assert r.status_code == 302
    k.refresh_from_db()
    assert k.keputusan == KeputusanKeberatan.TETAP and k.dijawab_oleh == o.hr.akun
    assert "jadwal kerja disesuaikan" in clients["anggota"].get(reverse("mutasi:saya")).content.decode()
    # the objection's own history: raised by the employee, answered by HR; on the proposal's timeline too
    assert list(k.riwayat_status.values_list("aksi", "dari", "ke", "oleh")) == [
        ("ajukan", "", "DIAJUKAN", o.anggota.akun.pk),
        ("jawab", "DIAJUKAN", "DIJAWAB", o.hr.akun.pk),
    ]
    linimasa = clients["hr"].get(reverse("mutasi:detail", args=[u.pk])).content.decode().split('id="linimasa"')[1]
    assert "Keberatan pegawai" in linimasa and "Jawaban atas keberatan: Mutasi tetap dilaksanakan" in linimasa
    assert linimasa.index("SK terbit") < linimasa.index("Keberatan pegawai") < linimasa.index("Jawaban atas")
    mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    assert u.__class__.objects.get(pk=u.pk).status == S.DILAKSANAKAN


def test_keberatan_lewat_batas_waktu(dunia, settings):
    """The window runs from the day the employee was given the notice (here: acknowledged today)."""
    from mutasi.services.pemberitahuan import pemberitahuan_konfirmasi

    settings.KEBERATAN_BATAS_HARI = 14
    u = dunia.sampai(S.SK_TERBIT)
    pemberitahuan_konfirmasi(oleh=dunia.org.anggota.akun, usulan=u)
    u.refresh_from_db()
    with pytest.raises(AlurError, match="lewat"):
        keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI, hari_ini=date.today() + timedelta(days=15))
    keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI, hari_ini=date.today() + timedelta(days=14))


def test_keberatan_dibatalkan(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    k = keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI)
    keberatan_jawab(
        oleh=dunia.org.hr.akun, keberatan=k, jawaban="Keberatan diterima, mutasi dibatalkan.", keputusan="BATAL"
    )
    # the answer is the objection's own move, with its own history row
    k.refresh_from_db()
    assert k.status == "DIJAWAB" and k.riwayat_status.filter(aksi="jawab", dari="DIAJUKAN", ke="DIJAWAB").exists()
    # the decree in force is revoked by the PPK: a draft revoking decree waits for him
    u.refresh_from_db()
    assert u.status == S.SK_TERBIT
    konsep = u.sk_cakupan.get(status="KONSEP")
    assert konsep.jenis == "PEMBATALAN" and konsep.mengganti == u.sk
    sk_tandatangani(oleh=dunia.org.ppk.akun, sk=konsep)
    u.refresh_from_db()
    assert u.status == S.DIBATALKAN
    assert u.riwayat_status.filter(aksi="batalkan_sk", ke=S.DIBATALKAN, oleh=dunia.org.ppk.akun).exists()


def test_keberatan_direvisi_dengan_sk_perubahan(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    lama = u.sk
    k = keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI)
    with pytest.raises(AlurError, match="Revisi"):
        keberatan_jawab(oleh=dunia.org.hr.akun, keberatan=k, jawaban="Direvisi sesuai permohonan.", keputusan="REVISI")
    baru_tmt = TMT + timedelta(days=30)
    keberatan_jawab(
        oleh=dunia.org.hr.akun, keberatan=k, jawaban="TMT diundur satu bulan.", keputusan="REVISI", tmt_baru=baru_tmt
    )
    konsep = u.sk_cakupan.get(status="KONSEP")
    sk_tandatangani(oleh=dunia.org.ppk.akun, sk=konsep)  # the PPK decides the amending decree
    u.refresh_from_db()
    k.refresh_from_db()
    assert u.tmt == baru_tmt and u.sk == konsep and u.sk.mengganti == lama and u.status == S.SK_TERBIT
    assert k.perubahan["sk_konsep"] == [lama.nomor, str(konsep.pk)]


# --- Revision of the destination: back through the new receiving head, HR and the PPK ----------


@pytest.fixture
def revisi(dunia):
    """A decree issued, the employee objects, HR revises the destination to another unit."""
    from pegawai.models import JenisUnit
    from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, kepala_dari

    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    unit_baru = UnitKerjaFactory(nama="Puskesmas Mulyorejo", jenis=JenisUnit.PUSKESMAS)
    kepala_baru = kepala_dari(unit_baru)
    jabatan_baru = JabatanFactory(nama="Pengadministrasi Umum")
    k = keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi=ISI)
    return dunia, u, u.sk, k, unit_baru, kepala_baru, jabatan_baru


def test_revisi_tujuan_kembali_ke_penerimaan_kepala_tujuan_baru(revisi, clients, settings):
    from mutasi.selectors import kotak_masuk_jumlah, mutasi_saya
    from mutasi.services.alur import usulan_transisi

    dunia, u, sk_lama, k, unit_baru, kepala_baru, jabatan_baru = revisi
    o = dunia.org
    tmt_baru = TMT + timedelta(days=31)
    r = clients["hr"].post(
        reverse("mutasi:keberatan_jawab", args=[k.pk]),
        {
            "keputusan": "REVISI",
            "jawaban": "Ditempatkan di puskesmas dekat domisili.",
            "tmt_baru": tmt_baru.isoformat(),
            "tujuan_unit": unit_baru.pk,
            "tujuan_jabatan": jabatan_baru.pk,
        },
    )
    assert r.status_code == 302
    u.refresh_from_db()
    k.refresh_from_db()
    # back to the receiving step, for the NEW head; the old decree stays on record, not carried out
    assert u.status == S.DILEPAS and u.sk == sk_lama
    assert (u.tujuan_unit, u.tujuan_jabatan, u.tmt_usulan) == (unit_baru, jabatan_baru, tmt_baru)
    assert u.diverifikasi_oleh is None and u.diputuskan_oleh is None and u.diputuskan_pada is not None
    assert set(k.perubahan) >= {"tujuan_unit", "tujuan_jabatan", "tmt", "alur"} and "sk" not in k.perubahan
    assert u.riwayat_status.filter(aksi="revisi_tujuan", dari=S.SK_TERBIT, ke=S.DILEPAS, oleh=o.hr.akun).exists()
    assert kotak_masuk_jumlah(kepala_baru.akun) == 1
    assert kotak_masuk_jumlah(dunia.kepala_tujuan.akun) == 0
    with pytest.raises(AlurError):
        usulan_transisi(usulan=u, aksi="terima", oleh=dunia.kepala_tujuan.akun)  # the old head no longer decides
    with pytest.raises(AlurError):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)  # no skipping to the decision
    assert mutasi_laksanakan_jatuh_tempo(hari_ini=tmt_baru).dilaksanakan == []
    u.refresh_from_db()
    assert u.status == S.DILEPAS
    # the employee keeps seeing the transfer and is told what happens; the old notice is not offered
    assert [x.pk for x in mutasi_saya(o.anggota.akun)] == [u.pk]
    saya = clients["anggota"].get(reverse("mutasi:saya")).content.decode()
    assert f'id="keterangan-{u.pk}"' in saya and "sedang direvisi" in saya
    assert reverse("mutasi:pemberitahuan", args=[u.pk]) not in saya
    assert clients["anggota"].get(reverse("mutasi:pemberitahuan", args=[u.pk])).status_code == 404
    assert clients["anggota"].get(reverse("mutasi:sk_detail", args=[sk_lama.pk])).status_code == 200
    assert clients["anggota"].get(reverse("mutasi:detail", args=[u.pk])).status_code == 200
    # the proposer may no longer withdraw a decided transfer
    with pytest.raises(AlurError, match="hanya BKPSDM"):
        usulan_transisi(usulan=u, aksi="tarik", oleh=o.hr.akun)

    # the approvals again, then the amending decree from the proposal page
    usulan_transisi(usulan=u, aksi="terima", oleh=kepala_baru.akun)
    usulan_transisi(usulan=u, aksi="verifikasi", oleh=dunia.hr2.akun)
    with pytest.raises(AlurError):  # the one who verified may not decide
        usulan_transisi(usulan=u, aksi="putuskan", oleh=dunia.hr2.akun)
    usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    halaman = clients["hr"].get(reverse("mutasi:detail", args=[u.pk]))
    assert halaman.context["sk_form"].initial["tmt"] == tmt_baru
    r = clients["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), {"tmt": tmt_baru.isoformat()})
    assert r.status_code == 302
    konsep = u.sk_cakupan.get(status="KONSEP")
    assert konsep.jenis == "PERUBAHAN" and konsep.mengganti == sk_lama
    r = clients["ppk"].post(reverse("mutasi:sk_tandatangani", args=[konsep.pk]), {"setuju": "on"})
    assert r.status_code == 302
    u.refresh_from_db()
    assert u.status == S.SK_TERBIT and u.sk == konsep and u.sk.mengganti == sk_lama
    assert u.sk.tentang.startswith("Perubahan atas Keputusan Wali Kota Surabaya Nomor") and u.tmt == tmt_baru
    assert u.pemberitahuan_dikonfirmasi is None
    assert clients["anggota"].get(reverse("mutasi:pemberitahuan", args=[u.pk])).status_code == 200
    mutasi_laksanakan_jatuh_tempo(hari_ini=tmt_baru)
    u.refresh_from_db()
    assert u.status == S.DILAKSANAKAN
    posisi = o.anggota.posisi_sekarang
    assert (posisi.unit, posisi.jabatan, posisi.nomor_sk) == (unit_baru, jabatan_baru, u.sk.nomor)


def test_revisi_tujuan_ditolak_kepala_baru_tidak_melaksanakan_sk_lama(revisi):
    """The new head cannot take the revision: the decree in force is not silently dropped by a
    rejection; the head returns it, HR prepares the revoking decree, the PPK signs it."""
    from mutasi.services.alur import usulan_transisi
    from mutasi.services.sk_konsep import sk_siapkan_pembatalan

    dunia, u, sk_lama, k, unit_baru, kepala_baru, jabatan_baru = revisi
    keberatan_jawab(
        oleh=dunia.org.hr.akun,
        keberatan=k,
        jawaban="Ditempatkan di puskesmas.",
        keputusan="REVISI",
        tujuan_unit=unit_baru,
        tujuan_jabatan=jabatan_baru,
    )
    with pytest.raises(AlurError, match="SK pembatalan"):
        usulan_transisi(usulan=u, aksi="tolak", oleh=kepala_baru.akun, catatan="Formasi sudah penuh.")
    usulan_transisi(usulan=u, aksi="kembalikan", oleh=kepala_baru.akun, catatan="Formasi sudah penuh.")
    mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)
    assert dunia.org.anggota.posisi_sekarang.unit == dunia.org.subunit
    konsep = sk_siapkan_pembatalan(oleh=dunia.org.hr.akun, usulan=u, alasan="Unit tujuan hasil revisi tidak menerima.")
    sk_tandatangani(oleh=dunia.org.ppk.akun, sk=konsep)
    u.refresh_from_db()
    assert u.status == S.DIBATALKAN and konsep.mengganti == sk_lama
    assert dunia.org.anggota.posisi_sekarang.unit == dunia.org.subunit


@pytest.mark.parametrize(
    ("kasus", "pesan"),
    [("sama_dengan_sekarang", "sama dengan posisi sekarang"), ("tanpa_perubahan", "berbeda"), ("keluar", "keluar")],
)
def test_revisi_yang_tidak_masuk_akal_ditolak_utuh(dunia, kasus, pesan):
    from mutasi.models import JenisMutasi, Keberatan

    o = dunia.org
    if kasus == "keluar":
        u = dunia.usulan(
            jenis=JenisMutasi.KELUAR, tujuan_unit=None, tujuan_jabatan=None, instansi_eksternal="Pemprov Jatim"
        )
        u = dunia.sampai(S.SK_TERBIT, usulan=u)
    else:
        u = dunia.sampai(S.SK_TERBIT)
    k = keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi=ISI)
    posisi = o.anggota.posisi_sekarang
    arg = {
        "sama_dengan_sekarang": {"tujuan_unit": posisi.unit, "tujuan_jabatan": posisi.jabatan},
        "tanpa_perubahan": {"tujuan_unit": u.tujuan_unit, "tmt_baru": u.tmt},
        "keluar": {"tujuan_unit": dunia.tujuan, "tujuan_jabatan": dunia.jabatan_tujuan},
    }[kasus]
    sebelum = (u.status, u.sk_id, u.tujuan_unit_id, u.tujuan_jabatan_id, u.tmt)
    with pytest.raises(AlurError, match=pesan):
        keberatan_jawab(oleh=o.hr.akun, keberatan=k, jawaban="Direvisi sesuai keberatan.", keputusan="REVISI", **arg)
    u.refresh_from_db()
    assert (u.status, u.sk_id, u.tujuan_unit_id, u.tujuan_jabatan_id, u.tmt) == sebelum
    assert not Keberatan.objects.get(pk=k.pk).terjawab


def test_revisi_tujuan_yang_gagal_syarat_perlu_pengecualiannya_sendiri(revisi):
    dunia, u, _sk_lama, k, unit_baru, _kepala_baru, jabatan_baru = revisi
    type(u).objects.filter(pk=u.pk).update(alasan_tanpa_kekurangan="")  # the new post has no ABK and no reason
    keberatan_jawab(
        oleh=dunia.org.hr.akun,
        keberatan=k,
        jawaban="Ditempatkan di puskesmas dekat domisili.",
        keputusan="REVISI",
        tujuan_unit=unit_baru,
        tujuan_jabatan=jabatan_baru,
    )
    u.refresh_from_db()
    assert any(c["kode"] == "kebutuhan" and c["hasil"] == "gagal" for c in u.hasil_cek)
    # The answer to the objection is no override: the new receiving head's step waits for one.
    from mutasi.services.alur import usulan_transisi
    from mutasi.services.kelayakan import SyaratError
    from mutasi.services.usulan import usulan_pengecualian

    assert not u.pengecualian.exists()
    penerima = dunia.pelaku(u, "terima").akun
    with pytest.raises(SyaratError, match="Kebutuhan pegawai di unit tujuan"):
        usulan_transisi(usulan=u, aksi="terima", oleh=penerima)
    alasan = "Ditempatkan di puskesmas dekat domisili atas keberatan pegawai."
    usulan_pengecualian(oleh=dunia.org.hr.akun, usulan=u, kode="kebutuhan", alasan=alasan)
    assert usulan_transisi(usulan=u, aksi="terima", oleh=penerima).status == S.DITERIMA


def test_sk_batch_menolak_usulan_revisi_bercampur(revisi):
    from mutasi.services.alur import usulan_transisi
    from mutasi.services.sk_konsep import sk_siapkan
    from pegawai.tests.factories import pegawai_di

    dunia, u, sk_lama, k, unit_baru, kepala_baru, _jabatan_baru = revisi
    keberatan_jawab(
        oleh=dunia.org.hr.akun,
        keberatan=k,
        jawaban="Ditempatkan di puskesmas.",
        keputusan="REVISI",
        tujuan_unit=unit_baru,
    )
    for aksi, siapa in [("terima", kepala_baru), ("verifikasi", dunia.hr2), ("putuskan", dunia.org.ppk)]:
        usulan_transisi(usulan=u, aksi=aksi, oleh=siapa.akun)
    lain = dunia.sampai(S.DIPUTUSKAN, pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1)))
    with pytest.raises(AlurError, match="sudah punya SK"):
        sk_siapkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk, lain.pk], tmt=TMT)
    u.refresh_from_db()
    lain.refresh_from_db()
    assert (u.status, lain.status) == (S.DIPUTUSKAN, S.DIPUTUSKAN) and u.sk == sk_lama
