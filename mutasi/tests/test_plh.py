"""Acting officials (Plh./Plt.) in the transfer workflow: the acting head releases on a day of the
delegation and not the day after; the acting PPK decides and signs a decree whose signatory block
says "Plh."; the history, the audit and the pages say who acted on whose behalf; the official keeps
their own powers meanwhile (both may act)."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from inti.models import CatatanAudit
from mutasi.models import RiwayatStatusSK, StatusUsulan
from mutasi.selectors import kotak_masuk
from mutasi.services import AlurError
from mutasi.services.alur import ALUR, usulan_transisi
from mutasi.services.sk import sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan
from mutasi.tests.helpers import TMT
from pegawai.models import JenisPengganti, PenggantiPejabat, PeranPejabat, User
from pegawai.tests.factories import pegawai_di

S = StatusUsulan
HARI = timezone.localdate()
PDFTOTEXT = shutil.which("pdftotext")


def segar(pegawai) -> User:
    """The account as a new request sees it (roles are cached per user object)."""
    return User.objects.get(pk=pegawai.akun_id)


def tunjuk(pejabat, pengganti, *, unit=None, mulai=HARI, selesai=HARI, jenis=JenisPengganti.PLH):
    """A delegation as recorded (created directly: the service refuses periods already over)."""
    return PenggantiPejabat.objects.create(
        yang_digantikan=pejabat,
        pengganti=pengganti,
        peran=PeranPejabat.KEPALA if unit else PeranPejabat.PPK,
        unit=unit,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        dasar="800.1.3/1/436.8.3/2026",
    )


@pytest.fixture
def plh(org):
    return pegawai_di(org.unit, akun=True)


def _klien(pegawai) -> Client:
    c = Client()
    c.force_login(pegawai.akun)
    return c


# --- An acting head -------------------------------------------------------------------------------


def test_plh_kepala_melepas_pada_hari_dalam_periode(dunia, plh):
    o = dunia.org
    tunjuk(o.kepala, plh, unit=o.unit, mulai=HARI - timedelta(days=3), selesai=HARI)  # the last day
    u = dunia.sampai(S.DIAJUKAN)
    assert [t.aksi for t in ALUR.tersedia(u, segar(plh))] == ["lepas", "kembalikan", "tolak"]
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=segar(plh))
    assert u.status == S.DILEPAS
    r = u.riwayat_status.get(aksi="lepas")
    assert (r.oleh_id, r.jenis_pengganti, r.atas_nama_id) == (plh.akun_id, "Plh.", o.kepala.akun_id)
    assert r.atas_nama_nama == o.kepala.nama_lengkap and r.sebagai.startswith("Plh. Kepala Kecamatan Mulyorejo")
    a = CatatanAudit.objects.get(aksi="mutasi.lepas")
    assert a.oleh_id == plh.akun_id and f"[Plh. a.n. {o.kepala.nama_lengkap}]" in a.ringkasan
    assert a.perubahan["pengganti"] == {
        "jenis": "Plh.",
        "atas_nama": o.kepala.nama_lengkap,
        "atas_nama_id": o.kepala.akun_id,
    }
    # The proposal's page says who acted on whose behalf.
    isi = dunia_halaman(dunia, u)
    assert escape(f"Plh. {plh.nama_lengkap} a.n. {o.kepala.nama_lengkap}") in isi


def dunia_halaman(dunia, u) -> str:
    return _klien(dunia.org.hr).get(reverse("mutasi:detail", args=[u.pk])).content.decode()


def test_plh_kepala_ditolak_sehari_sesudah_selesai(dunia, plh):
    o = dunia.org
    tunjuk(o.kepala, plh, unit=o.unit, mulai=HARI - timedelta(days=3), selesai=HARI - timedelta(days=1))
    u = dunia.sampai(S.DIAJUKAN)
    assert ALUR.tersedia(u, segar(plh)) == []
    with pytest.raises(AlurError, match="menunggu Kepala"):
        usulan_transisi(usulan=u, aksi="lepas", oleh=segar(plh))
    assert _klien(plh).get(reverse("mutasi:detail", args=[u.pk])).status_code == 404


def test_plh_yang_belum_mulai_atau_dibatalkan_tidak_bertindak(dunia, plh):
    o = dunia.org
    d = tunjuk(o.kepala, plh, unit=o.unit, mulai=HARI + timedelta(days=1), selesai=HARI + timedelta(days=2))
    u = dunia.sampai(S.DIAJUKAN)
    assert not ALUR.boleh("lepas", u, segar(plh))
    d.mulai, d.dibatalkan_pada, d.alasan_batal = HARI, timezone.now(), "Batal"
    d.save()
    assert not ALUR.boleh("lepas", u, segar(plh))


def test_pejabat_sendiri_tetap_dapat_bertindak(dunia, plh):
    """Decision: both the official and the acting person may act during the delegation (a Plh.
    stands in, the official is not suspended); the history says which of them did."""
    o = dunia.org
    tunjuk(o.kepala, plh, unit=o.unit)
    u = dunia.sampai(S.DIAJUKAN)
    assert ALUR.boleh("lepas", u, segar(plh)) and ALUR.boleh("lepas", u, segar(o.kepala))
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=segar(o.kepala))
    r = u.riwayat_status.get(aksi="lepas")
    assert r.oleh_id == o.kepala.akun_id and r.jenis_pengganti == "" and r.atas_nama_id is None


def test_kotak_masuk_plh(dunia, plh):
    o = dunia.org
    tunjuk(o.kepala, plh, unit=o.unit, selesai=HARI + timedelta(days=4))
    u = dunia.sampai(S.DIAJUKAN)
    bagian = {k: rows for k, _j, rows in kotak_masuk(segar(plh))}
    assert [x.pk for x in bagian["lepas"]] == [u.pk]
    r = _klien(plh).get(reverse("mutasi:kotak_masuk"))
    isi = r.content.decode()
    assert "Anda bertindak sebagai Plh. Kepala Kecamatan Mulyorejo" in isi and u.nomor in isi
    assert f"{(HARI + timedelta(days=4)):%d}" in isi
    # The official's own inbox is unchanged.
    assert [x.pk for x in {k: v for k, _j, v in kotak_masuk(segar(o.kepala))}["lepas"]] == [u.pk]


# --- An acting PPK ---------------------------------------------------------------------------------


@pytest.fixture
def plh_ppk(org):
    p = pegawai_di(org.lain, akun=True)
    tunjuk(org.ppk, p, mulai=HARI - timedelta(days=1), selesai=HARI + timedelta(days=1))
    return p


def _pdf_teks(isi: bytes, tmp_path) -> str:
    berkas = tmp_path / "sk.pdf"
    berkas.write_bytes(isi)
    keluar = subprocess.run(  # noqa: S603 - a fixed program on a file the test wrote
        [PDFTOTEXT, "-layout", str(berkas), "-"], capture_output=True, check=True, text=True
    )
    return " ".join(keluar.stdout.split())


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) tidak terpasang")
def test_plh_ppk_memutuskan_dan_menandatangani_sk(dunia, plh_ppk, tmp_path):
    o = dunia.org
    u = dunia.sampai(S.DIVERIFIKASI)
    u = usulan_transisi(usulan=u, aksi="putuskan", oleh=segar(plh_ppk))
    r = u.riwayat_status.get(aksi="putuskan")
    assert (r.jenis_pengganti, r.atas_nama_id, r.sebagai) == ("Plh.", o.ppk.akun_id, "Plh. Pejabat Pembina Kepegawaian")
    assert u.diputuskan_oleh_id == plh_ppk.akun_id
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    halaman = _klien(plh_ppk).get(reverse("mutasi:sk_detail", args=[sk.pk])).content.decode()
    assert "Anda menandatangani sebagai Plh. Pejabat Pembina Kepegawaian" in halaman
    assert 'id="ttd-pengganti"' not in _klien(o.ppk).get(reverse("mutasi:sk_detail", args=[sk.pk])).content.decode()
    sk = sk_tandatangani(oleh=segar(plh_ppk), sk=sk, laksanakan_segera=False)
    assert sk.penandatangan_plh == "Plh." and sk.penandatangan_nip == plh_ppk.nip
    assert plh_ppk.nama.upper() in sk.penandatangan_nama
    assert sk.penandatangan_jabatan == o.ppk.posisi_sekarang.jabatan.nama.upper()  # the official's post
    t = _pdf_teks(sk.berkas.read(), tmp_path)
    assert f"Plh. {sk.penandatangan_jabatan}" in t
    assert sk.penandatangan_nama in t and plh_ppk.nip_tampil in t and o.ppk.nip_tampil not in t
    rs = RiwayatStatusSK.objects.get(sk=sk, aksi="tandatangani")
    assert (rs.jenis_pengganti, rs.atas_nama_id) == ("Plh.", o.ppk.akun_id)
    u.refresh_from_db()
    assert u.status == S.SK_TERBIT and u.riwayat_status.get(aksi="terbitkan_sk").jenis_pengganti == "Plh."
    a = CatatanAudit.objects.get(aksi="mutasi.sk.tandatangani")
    assert a.perubahan["pengganti"]["jenis"] == "Plh." and o.ppk.nama_lengkap in a.ringkasan
    isi = _klien(o.hr).get(reverse("mutasi:sk_detail", args=[sk.pk])).content.decode()
    assert escape(f"Plh. {plh_ppk.nama_lengkap} a.n. {o.ppk.nama_lengkap}") in isi


def test_plt_ppk_tertulis_plt(dunia, org):
    p = pegawai_di(org.lain, akun=True)
    tunjuk(org.ppk, p, jenis=JenisPengganti.PLT)
    u = dunia.sampai(S.DIVERIFIKASI)
    u = usulan_transisi(usulan=u, aksi="putuskan", oleh=segar(p))
    sk = sk_tandatangani(
        oleh=segar(p), sk=sk_siapkan(oleh=org.hr.akun, usulan_ids=[u.pk], tmt=TMT), laksanakan_segera=False
    )
    assert sk.penandatangan_plh == "Plt."


def test_plh_ppk_tidak_memutuskan_mutasi_pejabat_yang_digantikan(dunia, plh_ppk):
    o = dunia.org
    u = dunia.sampai(S.DIVERIFIKASI, pegawai=o.ppk)
    with pytest.raises(AlurError, match="pejabat yang digantikannya"):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=segar(plh_ppk))
    assert u.pk not in [x.pk for _k, _j, rows in kotak_masuk(segar(plh_ppk)) for x in rows]
    # The official's own transfer is never decided by themselves either: HR's way stays open to another PPK.


def test_ppk_sendiri_tetap_dapat_memutuskan(dunia, plh_ppk):
    u = dunia.sampai(S.DIVERIFIKASI)
    u = usulan_transisi(usulan=u, aksi="putuskan", oleh=segar(dunia.org.ppk))
    assert u.riwayat_status.get(aksi="putuskan").jenis_pengganti == ""


def test_plh_ppk_sesudah_selesai_tidak_lagi_ppk(dunia, org):
    p = pegawai_di(org.lain, akun=True)
    tunjuk(org.ppk, p, mulai=HARI - timedelta(days=5), selesai=HARI - timedelta(days=1))
    u = dunia.sampai(S.DIVERIFIKASI)
    with pytest.raises(AlurError, match="Hanya PPK"):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=segar(p))
