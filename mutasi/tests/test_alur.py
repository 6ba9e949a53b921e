"""The workflow: every transition allowed and refused per role, the edge cases of the issue."""

import threading
from datetime import date, timedelta

import pytest
from django.db import connection

from inti.models import CatatanAudit
from mutasi.models import MasaTenang, RiwayatStatusUsulan, StatusUsulan, UsulanMutasi
from mutasi.services import AlurError
from mutasi.services.alur import ALUR, TRANSISI, aksi_tersedia, usulan_transisi
from mutasi.services.usulan import pengecualian_konfirmasi, usulan_pengecualian, usulan_tinjau
from mutasi.tests.helpers import TMT
from pegawai.models import Peran
from pegawai.services.pegawai import pegawai_nonaktifkan, pegawai_pindah_jabatan
from pegawai.tests.factories import JabatanFactory, kepala_dari, pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db

# state -> action -> the one role (of org/dunia) allowed to do it
LANGKAH = [
    (S.DIAJUKAN, "lepas", "kepala"),
    (S.DILEPAS, "terima", "kepala_tujuan"),
    (S.DITERIMA, "verifikasi", "hr"),
    (S.DIVERIFIKASI, "putuskan", "ppk"),
]
PERAN = ["hr", "ppk", "kepala", "kepala_tujuan", "anggota", "orang_luar"]


def _orang(dunia, nama):
    return dunia.kepala_tujuan if nama == "kepala_tujuan" else getattr(dunia.org, nama)


@pytest.mark.parametrize(("status", "aksi", "boleh"), LANGKAH)
@pytest.mark.parametrize("peran", PERAN)
def test_langkah_hanya_oleh_yang_berhak(dunia, status, aksi, boleh, peran):
    u = dunia.sampai(status)
    siapa = _orang(dunia, peran).akun
    if peran == boleh:
        u = usulan_transisi(usulan=u, aksi=aksi, oleh=siapa)
        assert u.status == TRANSISI[aksi].ke
        r = RiwayatStatusUsulan.objects.filter(usulan=u).last()
        assert (r.dari, r.ke, r.oleh, r.aksi) == (status, TRANSISI[aksi].ke, siapa, aksi)
        assert CatatanAudit.objects.filter(aksi=f"mutasi.{aksi}", objek_id=str(u.pk)).exists()
    else:
        with pytest.raises(AlurError):
            usulan_transisi(usulan=u, aksi=aksi, oleh=siapa)
        u.refresh_from_db()
        assert u.status == status


@pytest.mark.parametrize("aksi", ["lepas", "terima", "verifikasi", "putuskan", "terbitkan_sk", "laksanakan"])
def test_langkah_di_status_salah_ditolak(dunia, aksi):
    u = dunia.usulan()  # still a draft
    for orang in [dunia.org.hr, dunia.org.ppk, dunia.org.kepala, dunia.kepala_tujuan]:
        with pytest.raises(AlurError, match="Draf"):
            usulan_transisi(usulan=u, aksi=aksi, oleh=orang.akun)


@pytest.mark.parametrize(("status", "pelaku"), [(s, p) for s, _a, p in LANGKAH])
def test_kembalikan_dan_tolak_oleh_pelaku_langkah(dunia, status, pelaku):
    u = dunia.sampai(status)
    lain = "orang_luar"
    with pytest.raises(AlurError):
        usulan_transisi(usulan=u, aksi="kembalikan", oleh=_orang(dunia, lain).akun, catatan="x")
    with pytest.raises(AlurError, match="wajib"):
        usulan_transisi(usulan=u, aksi="kembalikan", oleh=_orang(dunia, pelaku).akun, catatan="  ")
    u = usulan_transisi(usulan=u, aksi="kembalikan", oleh=_orang(dunia, pelaku).akun, catatan="Lengkapi ABK.")
    assert u.status == S.DIKEMBALIKAN
    assert RiwayatStatusUsulan.objects.filter(usulan=u, ke=S.DIKEMBALIKAN, catatan="Lengkapi ABK.").exists()
    # a returned proposal is a draft again: it can be edited and resubmitted
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=dunia.org.hr.akun)
    assert u.status == S.DIAJUKAN
    u = dunia.sampai(status, usulan=u)
    u = usulan_transisi(usulan=u, aksi="tolak", oleh=_orang(dunia, pelaku).akun, catatan="Tidak sesuai kebutuhan.")
    assert u.status == S.DITOLAK
    with pytest.raises(AlurError):
        usulan_transisi(usulan=u, aksi="ajukan", oleh=dunia.org.hr.akun)


def test_ajukan_oleh_pengusul_atau_hr_saja(dunia):
    u = dunia.usulan(oleh=dunia.org.kepala)  # the sending head proposes
    for siapa in [dunia.org.ppk, dunia.kepala_tujuan, dunia.org.anggota]:
        with pytest.raises(AlurError):
            usulan_transisi(usulan=u, aksi="ajukan", oleh=siapa.akun)
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=dunia.org.kepala.akun)
    assert u.status == S.DIAJUKAN


def test_kepala_pengusul_tetap_menyetujui_langkahnya_sendiri(dunia):
    u = dunia.usulan(oleh=dunia.org.kepala)
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=dunia.org.kepala.akun)
    assert u.status == S.DIAJUKAN  # not released automatically
    assert [t.aksi for t in aksi_tersedia(u, dunia.org.kepala.akun)] == ["lepas", "kembalikan", "tolak", "tarik"]
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=dunia.org.kepala.akun)
    assert u.status == S.DILEPAS


def test_pengusul_boleh_menarik_sampai_diputuskan(dunia):
    for status in [S.DRAFT, S.DIAJUKAN, S.DILEPAS, S.DITERIMA, S.DIVERIFIKASI]:
        u = dunia.sampai(status, pegawai=pegawai_di(dunia.org.subunit, mulai=date(2020, 1, 1)))
        with pytest.raises(AlurError):
            usulan_transisi(usulan=u, aksi="tarik", oleh=dunia.hr2.akun)  # HR, but not the proposer
        u = usulan_transisi(usulan=u, aksi="tarik", oleh=dunia.org.hr.akun)
        assert u.status == S.DIBATALKAN
    u = dunia.sampai(S.DIPUTUSKAN)
    with pytest.raises(AlurError):
        usulan_transisi(usulan=u, aksi="tarik", oleh=dunia.org.hr.akun)


def test_verifikator_tidak_boleh_memutuskan(dunia):
    # one account that is both HR (superuser) and PPK
    ganda = pegawai_di(dunia.org.bkpsdm, akun=True, peran=Peran.PPK)
    ganda.akun.is_superuser = True
    ganda.akun.save()
    u = dunia.sampai(S.DITERIMA)
    u = usulan_transisi(usulan=u, aksi="verifikasi", oleh=ganda.akun)
    with pytest.raises(AlurError, match="memverifikasi"):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=ganda.akun)
    u = usulan_transisi(usulan=u, aksi="putuskan", oleh=dunia.org.ppk.akun)
    assert u.diverifikasi_oleh == ganda.akun and u.diputuskan_oleh == dunia.org.ppk.akun


def test_tidak_ada_yang_menyetujui_mutasinya_sendiri(dunia):
    hr_pindah = dunia.org.hr
    u = dunia.usulan(pegawai=hr_pindah, oleh=dunia.hr2)
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=dunia.hr2.akun)
    with pytest.raises(AlurError, match="dirinya sendiri"):
        usulan_transisi(usulan=u, aksi="lepas", oleh=hr_pindah.akun)  # BKPSDM has no head: HR acts, not them
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=dunia.hr2.akun)
    u = usulan_transisi(usulan=u, aksi="terima", oleh=dunia.kepala_tujuan.akun)
    assert not ALUR.periksa("verifikasi", u, hr_pindah.akun)[0]
    with pytest.raises(AlurError, match="dirinya sendiri"):
        usulan_transisi(usulan=u, aksi="verifikasi", oleh=hr_pindah.akun)


def test_kepala_kosong_diteruskan_ke_atasan(dunia):
    # anggota sits in `subunit`, whose head post is vacant: the head of the parent unit releases
    assert dunia.org.subunit.kepala is None
    u = dunia.sampai(S.DIAJUKAN)
    ok, sebagai = ALUR.periksa("lepas", u, dunia.org.kepala.akun)
    assert ok and "kosong" in sebagai and "Diteruskan ke atasan" in sebagai
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=dunia.org.kepala.akun)
    assert "kosong" in u.riwayat_status.last().sebagai


def test_kepala_yang_dimutasi_diteruskan_ke_atasan(dunia):
    o = dunia.org
    lurah = kepala_dari(o.subunit)
    staf = pegawai_di(o.subunit, mulai=date(2020, 1, 1))
    u1 = dunia.sampai(S.DIAJUKAN, pegawai=staf)
    assert ALUR.periksa("lepas", u1, lurah.akun)[0]  # the lurah releases their staff
    assert not ALUR.periksa("lepas", u1, o.kepala.akun)[0]
    u2 = dunia.sampai(S.DIAJUKAN, pegawai=lurah)
    assert not ALUR.periksa("lepas", u2, lurah.akun)[0]  # not their own transfer
    ok, sebagai = ALUR.periksa("lepas", u2, o.kepala.akun)
    assert ok and "sendiri" in sebagai


def test_tanpa_kepala_sampai_opd_dilakukan_bkpsdm(dunia):
    o = dunia.org
    o.unit.kepala = None
    o.unit.save()
    u = dunia.sampai(S.DIAJUKAN)
    assert not ALUR.periksa("lepas", u, o.kepala.akun)[0]
    ok, sebagai = ALUR.periksa("lepas", u, o.hr.akun)
    assert ok and "BKPSDM" in sebagai


def test_data_pegawai_berubah_harus_ditinjau(dunia):
    o = dunia.org
    u = dunia.sampai(S.DIVERIFIKASI)
    pegawai_pindah_jabatan(oleh=o.hr.akun, pegawai=o.anggota, unit=o.unit, jabatan=JabatanFactory(), tmt=date.today())
    with pytest.raises(AlurError, match=r"ditinjau|meninjau"):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    from mutasi.services.usulan import usulan_tandai_perubahan

    assert usulan_tandai_perubahan(usulan=u)
    u.refresh_from_db()
    assert u.perlu_tinjauan and "berbeda" in u.tinjauan_alasan
    with pytest.raises(AlurError):
        usulan_tinjau(oleh=o.ppk.akun, usulan=u, catatan="ok")
    usulan_tinjau(oleh=o.hr.akun, usulan=u, catatan="Sudah dicek; tetap relevan.")
    u.refresh_from_db()
    assert not u.perlu_tinjauan and u.asal_unit == o.unit
    # Reviewed, then judged on the new record: in the new post since today, under 2 years.
    with pytest.raises(AlurError, match="Masa jabatan sekarang"):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    alasan = "Penempatan sementara; mutasi ke Dinas Kesehatan tetap dibutuhkan."
    usulan_pengecualian(oleh=o.hr.akun, usulan=u, kode="masa_jabatan", alasan=alasan)
    pengecualian_konfirmasi(oleh=o.ppk.akun, usulan=u, kode="masa_jabatan")
    u = usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    assert u.status == S.DIPUTUSKAN


def test_pegawai_nonaktif_menandai_usulan(dunia):
    o = dunia.org
    u = dunia.sampai(S.DITERIMA)
    pegawai_nonaktifkan(oleh=o.hr.akun, pegawai=o.anggota, alasan="Pensiun", tanggal=date.today())
    with pytest.raises(AlurError, match="tidak memiliki jabatan aktif"):  # checked again at verification
        usulan_transisi(usulan=u, aksi="verifikasi", oleh=o.hr.akun)
    from mutasi.services.usulan import usulan_tandai_perubahan

    assert usulan_tandai_perubahan(usulan=u)  # the page and the daily job flag it
    u.refresh_from_db()
    assert u.perlu_tinjauan and "tidak aktif" in u.tinjauan_alasan
    with pytest.raises(AlurError):
        usulan_tinjau(oleh=o.hr.akun, usulan=u, catatan="cek")
    u = usulan_transisi(usulan=u, aksi="batalkan", oleh=o.hr.akun, catatan="Pegawai pensiun.")
    assert u.status == S.DIBATALKAN


def test_masa_tenang_butuh_persetujuan_menteri(dunia):
    from mutasi.services.usulan import persetujuan_menteri_catat

    MasaTenang.objects.create(mulai=TMT - timedelta(days=10), selesai=TMT + timedelta(days=10), keterangan="Pilkada")
    u = dunia.sampai(S.DIVERIFIKASI)  # the earlier steps show the blackout; they are not stopped by it
    assert u.dalam_masa_tenang
    with pytest.raises(AlurError, match="Menteri"):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=dunia.org.ppk.akun)
    persetujuan_menteri_catat(oleh=dunia.org.hr.akun, usulan=u, teks="800/123/OTDA tgl 1-1-2026")
    assert usulan_transisi(usulan=u, aksi="putuskan", oleh=dunia.org.ppk.akun).status == S.DIPUTUSKAN


def test_satu_usulan_berjalan_per_pegawai(dunia):
    dunia.sampai(S.DIAJUKAN)
    u2 = dunia.usulan()
    with pytest.raises(AlurError, match="usulan lain"):
        usulan_transisi(usulan=u2, aksi="ajukan", oleh=dunia.org.hr.akun)


def test_aksi_internal_tidak_ditawarkan(dunia):
    u = dunia.sampai(S.DIPUTUSKAN)
    assert "terbitkan_sk" not in [t.aksi for t in aksi_tersedia(u, dunia.org.hr.akun)]


def test_notifikasi_ke_pelaku_berikut_dan_pegawai(dunia, mailoutbox, django_capture_on_commit_callbacks):
    o = dunia.org
    dunia.kepala_tujuan.email = "kepala.tujuan@surabaya.go.id"
    dunia.kepala_tujuan.save()
    o.anggota.email = "anggota@surabaya.go.id"
    o.anggota.save()
    o.ppk.akun.email = "ppk@surabaya.go.id"
    o.ppk.akun.save()
    u = dunia.sampai(S.DIAJUKAN)
    with django_capture_on_commit_callbacks(execute=True):
        u = usulan_transisi(usulan=u, aksi="lepas", oleh=o.kepala.akun)
    assert mailoutbox[-1].to == ["kepala.tujuan@surabaya.go.id"]
    assert "persetujuan penerimaan" in mailoutbox[-1].subject
    assert "anggota@surabaya.go.id" not in [a for m in mailoutbox for a in m.to]  # not before the decision
    u = dunia.sampai(S.DITERIMA, usulan=u)
    with django_capture_on_commit_callbacks(execute=True):
        u = usulan_transisi(usulan=u, aksi="verifikasi", oleh=o.hr.akun)
    assert mailoutbox[-1].to == ["ppk@surabaya.go.id"]
    with django_capture_on_commit_callbacks(execute=True):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    assert any(m.to == ["anggota@surabaya.go.id"] and "diputuskan" in m.subject for m in mailoutbox)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_dua_orang_bersamaan_hanya_satu_menang(dunia):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (SELECT ... FOR UPDATE)")
    o = dunia.org
    u = dunia.sampai(S.DIAJUKAN)
    # Two conflicting decisions at once on the same step (the head in two tabs, or the head and
    # whoever answers for him): release and reject. (Release and the proposer's withdrawal do not
    # conflict: a released proposal may still be withdrawn, so both may rightly succeed in turn.)
    hasil, mulai = {}, threading.Barrier(2)

    def jalan(aksi, oleh):
        from django.db import connections

        try:
            mulai.wait()
            usulan_transisi(usulan=u.pk, aksi=aksi, oleh=oleh, catatan="Serentak.")
            hasil[aksi] = "ok"
        except AlurError as exc:
            hasil[aksi] = str(exc)
        finally:
            connections.close_all()

    t1 = threading.Thread(target=jalan, args=("lepas", o.kepala.akun))
    t2 = threading.Thread(target=jalan, args=("tolak", o.kepala.akun))
    t1.start(), t2.start()
    t1.join(), t2.join()
    assert sorted(v == "ok" for v in hasil.values()) == [False, True], hasil
    menang = next(a for a, v in hasil.items() if v == "ok")
    u.refresh_from_db()
    assert u.status == {"lepas": S.DILEPAS, "tolak": S.DITOLAK}[menang]
    assert RiwayatStatusUsulan.objects.filter(usulan=u, dari=S.DIAJUKAN).count() == 1
    assert RiwayatStatusUsulan.objects.filter(usulan=u).exclude(dari=S.DIAJUKAN).filter(aksi__in=hasil).count() == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_aksi_sama_bersamaan_hanya_sekali(dunia):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL")
    u = dunia.sampai(S.DITERIMA)
    hasil, mulai = [], threading.Barrier(2)

    def jalan(oleh):
        from django.db import connections

        try:
            mulai.wait()
            usulan_transisi(usulan=u.pk, aksi="verifikasi", oleh=oleh)
            hasil.append("ok")
        except AlurError:
            hasil.append("ditolak")
        finally:
            connections.close_all()

    ts = [threading.Thread(target=jalan, args=(x.akun,)) for x in (dunia.org.hr, dunia.hr2)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert sorted(hasil) == ["ditolak", "ok"]
    assert RiwayatStatusUsulan.objects.filter(usulan=u, ke=S.DIVERIFIKASI).count() == 1
    assert UsulanMutasi.objects.get(pk=u.pk).status == S.DIVERIFIKASI
