"""Overrides per check (issue 12, item 2): each failed check its own override and justification
(20+ characters), recorded by BKPSDM; overrides of the hard rules confirmed by the PPK before the
decision; every override shown to every later approver."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mutasi.models import PengecualianSyarat, StatusUsulan
from mutasi.selectors.kelayakan import pengecualian_usulan
from mutasi.services import AlurError
from mutasi.services.alur import usulan_transisi
from mutasi.services.kelayakan import SyaratError
from mutasi.services.usulan import pengecualian_konfirmasi, usulan_pengecualian
from mutasi.tests.helpers import TMT
from pegawai.models import KinerjaTahunan
from pegawai.tests.factories import pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
ALASAN_MASA = "Satu-satunya pengelola data kesehatan yang tersedia untuk puskesmas baru."
ALASAN_KINERJA = "Predikat 2025 masih diproses atasan; nilai sementara baik menurut SKP."


@pytest.fixture
def baru(dunia):
    """A draft for someone 300 days in post (under 2 years: hard) and without ratings (soft)."""
    p = pegawai_di(dunia.org.subunit, mulai=TMT - timedelta(days=300))
    u = dunia.usulan(pegawai=p)
    KinerjaTahunan.objects.filter(pegawai=p).delete()
    return u


def _gagal(u):
    return {c["kode"] for c in u.hasil_cek if c["hasil"] == "gagal"}


def test_setiap_syarat_gagal_butuh_pengecualiannya_sendiri(dunia, baru):
    """Before: one override (one justification) covered every failed check."""
    hr = dunia.org.hr.akun
    usulan_pengecualian(oleh=hr, usulan=baru, kode="kinerja", alasan=ALASAN_KINERJA)
    with pytest.raises(SyaratError, match="Masa jabatan sekarang") as exc:
        usulan_transisi(usulan=baru, aksi="ajukan", oleh=hr)
    assert "Predikat kinerja" not in str(exc.value)  # that one is covered
    usulan_pengecualian(oleh=hr, usulan=baru, kode="masa_jabatan", alasan=ALASAN_MASA)
    u = usulan_transisi(usulan=baru, aksi="ajukan", oleh=hr)
    assert u.status == S.DIAJUKAN and _gagal(u) == {"masa_jabatan", "kinerja"}
    assert {c["kode"] for c in u.hasil_cek if c["dikecualikan"]} == {"masa_jabatan", "kinerja"}
    rows = {p.kode: p for p in pengecualian_usulan(u)}
    assert (rows["kinerja"].alasan, rows["masa_jabatan"].alasan) == (ALASAN_KINERJA, ALASAN_MASA)
    assert rows["masa_jabatan"].berat and not rows["kinerja"].berat
    assert "bulan pada TMT usulan; minimal 2 tahun" in rows["masa_jabatan"].pesan_cek  # what was excused
    assert u.riwayat_status.filter(aksi="pengecualian").count() == 2


def test_satu_pengecualian_per_syarat(dunia, baru):
    hr = dunia.org.hr.akun
    usulan_pengecualian(oleh=hr, usulan=baru, kode="kinerja", alasan=ALASAN_KINERJA)
    with pytest.raises(AlurError, match="sudah dicatat"):
        usulan_pengecualian(oleh=dunia.hr2.akun, usulan=baru, kode="kinerja", alasan=ALASAN_KINERJA + " Lagi.")
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        PengecualianSyarat.objects.create(usulan=baru, kode="kinerja", judul="x", alasan=ALASAN_KINERJA)


@pytest.mark.parametrize(("panjang", "diterima"), [(19, False), (20, True), (21, True)])
def test_justifikasi_minimal_20_karakter(dunia, baru, panjang, diterima):
    alasan = ("Penugasan khusus " + "x" * 30)[:panjang]
    if diterima:
        assert usulan_pengecualian(oleh=dunia.org.hr.akun, usulan=baru, kode="kinerja", alasan=alasan).pk
    else:
        with pytest.raises(AlurError, match=r"terlalu pendek \(19 karakter\).*minimal 20"):
            usulan_pengecualian(oleh=dunia.org.hr.akun, usulan=baru, kode="kinerja", alasan=alasan)


def test_hanya_syarat_yang_gagal_dan_bukan_usulan_lain(dunia, baru):
    hr = dunia.org.hr.akun
    with pytest.raises(AlurError, match="tidak sedang gagal"):
        usulan_pengecualian(oleh=hr, usulan=baru, kode="hukuman", alasan=ALASAN_MASA)
    with pytest.raises(AlurError, match="tidak dapat dikecualikan"):
        usulan_pengecualian(oleh=hr, usulan=baru, kode="usulan_lain", alasan=ALASAN_MASA)


@pytest.mark.parametrize("peran", ["kepala", "ppk", "anggota", "orang_luar"])
def test_hanya_bkpsdm_mencatat_pengecualian(dunia, baru, peran):
    orang = getattr(dunia.org, peran)
    with pytest.raises(AlurError, match="Hanya staf BKPSDM"):
        usulan_pengecualian(oleh=orang.akun, usulan=baru, kode="kinerja", alasan=ALASAN_KINERJA)


def test_bkpsdm_tidak_mengecualikan_mutasinya_sendiri(dunia):
    hr = dunia.hr2
    u = dunia.usulan(pegawai=hr, tujuan_unit=dunia.tujuan)
    KinerjaTahunan.objects.filter(pegawai=hr).delete()
    with pytest.raises(AlurError, match="sendiri"):
        usulan_pengecualian(oleh=hr.akun, usulan=u, kode="kinerja", alasan=ALASAN_KINERJA)


def _sampai_verifikasi_dengan_pengecualian(dunia, baru):
    hr = dunia.org.hr.akun
    usulan_pengecualian(oleh=hr, usulan=baru, kode="kinerja", alasan=ALASAN_KINERJA)
    usulan_pengecualian(oleh=hr, usulan=baru, kode="masa_jabatan", alasan=ALASAN_MASA)
    return dunia.sampai(S.DIVERIFIKASI, usulan=baru)


def test_pengecualian_syarat_berat_dikonfirmasi_ppk_sebelum_putusan(dunia, baru):
    """Before: nobody but HR ever saw the override as a decision to take."""
    o = dunia.org
    u = _sampai_verifikasi_dengan_pengecualian(dunia, baru)  # release, acceptance, verification: not gated
    with pytest.raises(SyaratError, match="belum dikonfirmasi PPK: Masa jabatan sekarang"):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    with pytest.raises(AlurError, match="tidak memerlukan konfirmasi"):
        pengecualian_konfirmasi(oleh=o.ppk.akun, usulan=u, kode="kinerja")  # a soft rule
    p = pengecualian_konfirmasi(oleh=o.ppk.akun, usulan=u, kode="masa_jabatan")
    assert p.dikonfirmasi_oleh == o.ppk.akun and p.dikonfirmasi_pada is not None
    assert u.riwayat_status.filter(aksi="konfirmasi_pengecualian", oleh=o.ppk.akun).exists()
    with pytest.raises(AlurError, match="sudah dikonfirmasi"):
        pengecualian_konfirmasi(oleh=o.ppk.akun, usulan=u, kode="masa_jabatan")
    u = usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    assert u.status == S.DIPUTUSKAN


@pytest.mark.parametrize("peran", ["hr", "kepala", "anggota", "orang_luar"])
def test_hanya_ppk_mengonfirmasi(dunia, baru, peran):
    u = _sampai_verifikasi_dengan_pengecualian(dunia, baru)
    with pytest.raises(AlurError, match="Hanya PPK"):
        pengecualian_konfirmasi(oleh=getattr(dunia.org, peran).akun, usulan=u, kode="masa_jabatan")


def test_pengecualian_ringan_tidak_perlu_konfirmasi(dunia):
    o = dunia.org
    u = dunia.usulan()
    KinerjaTahunan.objects.filter(pegawai=u.pegawai).delete()
    usulan_pengecualian(oleh=o.hr.akun, usulan=u, kode="kinerja", alasan=ALASAN_KINERJA)
    assert dunia.sampai(S.DIPUTUSKAN, usulan=u).status == S.DIPUTUSKAN


def test_dikembalikan_ppk_mengonfirmasi_lagi(dunia, baru):
    o = dunia.org
    u = _sampai_verifikasi_dengan_pengecualian(dunia, baru)
    pengecualian_konfirmasi(oleh=o.ppk.akun, usulan=u, kode="masa_jabatan")
    u = usulan_transisi(usulan=u, aksi="kembalikan", oleh=o.ppk.akun, catatan="Lengkapi SKP 2025.")
    p = u.pengecualian.get(kode="masa_jabatan")
    assert p.dikonfirmasi_pada is None and u.pengecualian.count() == 2  # kept, to be confirmed again
    assert u.riwayat_status.filter(aksi="konfirmasi_pengecualian").count() == 1  # history keeps the first


def test_pengecualian_baru_setelah_pengajuan(dunia):
    """A check that fails at a later step is overridden there (not only in a draft)."""
    o = dunia.org
    u = dunia.sampai(S.DILEPAS)
    KinerjaTahunan.objects.filter(pegawai=u.pegawai).delete()
    with pytest.raises(SyaratError, match="Predikat kinerja"):
        usulan_transisi(usulan=u, aksi="terima", oleh=dunia.kepala_tujuan.akun)
    usulan_pengecualian(oleh=o.hr.akun, usulan=u, kode="kinerja", alasan=ALASAN_KINERJA)
    assert usulan_transisi(usulan=u, aksi="terima", oleh=dunia.kepala_tujuan.akun).status == S.DITERIMA


# --- Views ------------------------------------------------------------------------------------------


def _post_pengecualian(client, u, alasan=ALASAN_KINERJA, kode="kinerja"):
    return client.post(reverse("mutasi:pengecualian", args=[u.pk]), {"kode": kode, "alasan": alasan}, follow=True)


@pytest.mark.parametrize("peran", ["anon", "kepala", "ppk", "anggota", "orang_luar"])
def test_view_pengecualian_ditolak_selain_bkpsdm(dunia, clients, peran):
    u = dunia.sampai(S.DIAJUKAN)
    KinerjaTahunan.objects.filter(pegawai=u.pegawai).delete()
    r = clients[peran].post(reverse("mutasi:pengecualian", args=[u.pk]), {"kode": "kinerja", "alasan": ALASAN_KINERJA})
    assert r.status_code in (302, 404)
    if peran == "anon":
        assert "/akun/" in r.url
    assert not PengecualianSyarat.objects.exists()


def test_view_pengecualian_oleh_bkpsdm_dan_alasan_pendek_dijelaskan(dunia, clients):
    u = dunia.sampai(S.DIAJUKAN)
    KinerjaTahunan.objects.filter(pegawai=u.pegawai).delete()
    halaman = clients["hr"].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
    assert 'class="mt-2 form-pengecualian" data-kode="kinerja"' in halaman
    r = _post_pengecualian(clients["hr"], u, alasan="Terlalu singkat.")
    assert "terlalu pendek (16 karakter)" in r.content.decode() and not PengecualianSyarat.objects.exists()
    r = _post_pengecualian(clients["hr"], u)
    assert "Pengecualian syarat dicatat." in r.content.decode()
    assert PengecualianSyarat.objects.get().oleh == dunia.org.hr.akun


@pytest.mark.parametrize("peran", ["anon", "hr", "kepala", "anggota", "orang_luar"])
def test_view_konfirmasi_ditolak_selain_ppk(dunia, clients, baru, peran):
    u = _sampai_verifikasi_dengan_pengecualian(dunia, baru)
    r = clients[peran].post(reverse("mutasi:pengecualian_konfirmasi", args=[u.pk, "masa_jabatan"]))
    assert r.status_code in (302, 404)
    assert not PengecualianSyarat.objects.filter(dikonfirmasi_pada__isnull=False).exists()


def test_view_konfirmasi_oleh_ppk(dunia, clients, baru):
    u = _sampai_verifikasi_dengan_pengecualian(dunia, baru)
    halaman = clients["ppk"].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
    assert 'data-konfirmasi="masa_jabatan"' in halaman and 'data-konfirmasi="kinerja"' not in halaman
    r = clients["ppk"].post(reverse("mutasi:pengecualian_konfirmasi", args=[u.pk, "masa_jabatan"]), follow=True)
    assert "Pengecualian syarat dikonfirmasi." in r.content.decode()
    assert u.pengecualian.get(kode="masa_jabatan").dikonfirmasi_oleh == dunia.org.ppk.akun


def test_pengecualian_tampil_bagi_setiap_penyetuju_berikutnya(dunia, clients, baru):
    u = _sampai_verifikasi_dengan_pengecualian(dunia, baru)
    for peran in ("hr", "ppk", "kepala"):
        halaman = clients[peran].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
        assert 'id="pengecualian"' in halaman and ALASAN_MASA in halaman and ALASAN_KINERJA in halaman
        assert "Menunggu konfirmasi PPK" in halaman
    from django.test import Client

    kepala_tujuan = Client()
    kepala_tujuan.force_login(dunia.kepala_tujuan.akun)
    assert ALASAN_MASA in kepala_tujuan.get(reverse("mutasi:detail", args=[u.pk])).content.decode()


def test_selektor_pengecualian_untuk_berkas_sk(dunia, baru):
    u = _sampai_verifikasi_dengan_pengecualian(dunia, baru)
    rows = list(pengecualian_usulan(u.pk))
    assert [p.kode for p in rows] == ["kinerja", "masa_jabatan"]
    # The day in the city's time zone on both sides: between 17:00 and 24:00 UTC it is already tomorrow in WIB.
    assert all(p.oleh == dunia.org.hr.akun and timezone.localdate(p.waktu) == timezone.localdate() for p in rows)
