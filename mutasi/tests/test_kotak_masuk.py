"""The "waiting for me" inbox and its navigation count, in particular head steps that fall to
BKPSDM because no head is left up to the OPD (vacant posts, or the only head is the person moved)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from mutasi.models import JenisMutasi, StatusUsulan
from mutasi.selectors import kotak_masuk, kotak_masuk_jumlah
from mutasi.services.alur import usulan_transisi
from pegawai.models import JenisUnit, Peran
from pegawai.tests.factories import UnitKerjaFactory, pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db


def _bagian(user, kunci):
    return next(rows for k, _judul, rows in kotak_masuk(user) if k == kunci)


def _badge(client) -> int:
    html = client.get(reverse("beranda")).content.decode()
    m = re.search(r'id="badge-menunggu">(\d+)<', html)
    return int(m.group(1)) if m else 0


def test_pelepasan_tanpa_kepala_sampai_opd_masuk_kotak_hr(dunia, clients):
    o = dunia.org
    # Dinas Sosial (org.lain) has no head at all: BKPSDM releases its people.
    u = dunia.sampai(S.DIAJUKAN, pegawai=o.orang_luar)
    assert [x.pk for x in _bagian(o.hr.akun, "langkah_kepala")] == [u.pk]
    baris = _bagian(o.hr.akun, "langkah_kepala")[0]
    assert baris.penyetuju.oleh_bkpsdm and "sampai tingkat OPD" in baris.penyetuju.pesan
    assert kotak_masuk_jumlah(o.hr.akun) == 1
    assert _badge(clients["hr"]) == 1
    halaman = clients["hr"].get(reverse("mutasi:kotak_masuk")).content.decode()
    assert 'id="kotak-langkah_kepala"' in halaman and u.nomor in halaman
    # nobody else is waited for
    for orang in (o.kepala, dunia.kepala_tujuan, o.ppk):
        assert kotak_masuk_jumlah(orang.akun) == 0
    # HR acts; the proposal leaves HR's head-step list and reaches the receiving head
    usulan_transisi(usulan=u, aksi="lepas", oleh=o.hr.akun)
    assert _bagian(o.hr.akun, "langkah_kepala") == []
    assert kotak_masuk_jumlah(o.hr.akun) == 0
    assert [x.pk for x in _bagian(dunia.kepala_tujuan.akun, "terima")] == [u.pk]


def test_penerimaan_di_unit_tanpa_kepala_masuk_kotak_hr(dunia, clients):
    o = dunia.org
    kosong = UnitKerjaFactory(nama="UPTD Tanpa Kepala", jenis=JenisUnit.OPD)
    u = dunia.sampai(S.DILEPAS, tujuan_unit=kosong)
    assert [x.pk for x in _bagian(o.hr.akun, "langkah_kepala")] == [u.pk]
    assert _badge(clients["hr"]) == 1
    assert kotak_masuk_jumlah(dunia.kepala_tujuan.akun) == 0
    usulan_transisi(usulan=u, aksi="terima", oleh=o.hr.akun)
    # now it waits for HR's verification: still one item, in another section
    assert _bagian(o.hr.akun, "langkah_kepala") == []
    assert [x.pk for x in _bagian(o.hr.akun, "verifikasi")] == [u.pk]
    assert _badge(clients["hr"]) == 1


def test_kepala_satu_satunya_yang_dimutasi_diteruskan_ke_bkpsdm(dunia, clients):
    o = dunia.org
    # org.kepala heads an OPD with no parent: moving him leaves no head to release him.
    u = dunia.sampai(S.DIAJUKAN, pegawai=o.kepala)
    assert [x.pk for x in _bagian(o.hr.akun, "langkah_kepala")] == [u.pk]
    assert "Kepala" in _bagian(o.hr.akun, "langkah_kepala")[0].penyetuju.pesan
    assert kotak_masuk_jumlah(o.kepala.akun) == 0  # not in his own inbox
    halaman = clients["hr"].get(reverse("mutasi:kotak_masuk")).content.decode()
    assert "pegawai yang dimutasi adalah Kepala" in halaman


def test_kepala_di_atas_yang_kosong_tetap_menerima_bukan_hr(dunia):
    o = dunia.org
    # subunit has no head but its parent (unit) has: the step goes to org.kepala, not to BKPSDM.
    u = dunia.sampai(S.DIAJUKAN)
    assert _bagian(o.hr.akun, "langkah_kepala") == []
    assert [x.pk for x in _bagian(o.kepala.akun, "lepas")] == [u.pk]
    assert kotak_masuk_jumlah(o.hr.akun) == 0


def test_mutasi_masuk_dan_keluar_dicatat_bkpsdm(dunia):
    o = dunia.org
    baru = pegawai_di(o.bkpsdm, mulai=date(2018, 1, 1))
    baru.riwayat_jabatan.all().delete()
    masuk = dunia.usulan(pegawai=baru, jenis=JenisMutasi.MASUK, instansi_eksternal="Pemkab Sidoarjo")
    usulan_transisi(usulan=masuk, aksi="ajukan", oleh=o.hr.akun)
    keluar = dunia.usulan(
        pegawai=pegawai_di(o.subunit, mulai=date(2018, 1, 1)),
        jenis=JenisMutasi.KELUAR,
        tujuan_unit=None,
        tujuan_jabatan=None,
        instansi_eksternal="Pemprov Jawa Timur",
    )
    keluar = dunia.sampai(S.DILEPAS, usulan=keluar)
    assert {x.pk for x in _bagian(o.hr.akun, "langkah_kepala")} == {masuk.pk, keluar.pk}
    assert kotak_masuk_jumlah(o.hr.akun) == 2


def test_mutasi_staf_hr_sendiri_tidak_masuk_kotaknya(dunia):
    o = dunia.org
    hr_lain = pegawai_di(o.lain, akun=True, peran=Peran.HR, mulai=date(2018, 1, 1))
    u = dunia.sampai(S.DIAJUKAN, pegawai=hr_lain)
    assert [x.pk for x in _bagian(o.hr.akun, "langkah_kepala")] == [u.pk]
    assert _bagian(hr_lain.akun, "langkah_kepala") == []
    assert kotak_masuk_jumlah(hr_lain.akun) == 0


def test_jumlah_tidak_ganda_bila_satu_usulan_di_dua_bagian(dunia, clients):
    o = dunia.org
    u = dunia.sampai(S.DITERIMA)
    type(u).objects.filter(pk=u.pk).update(perlu_tinjauan=True, tinjauan_alasan="contoh")
    assert {k for k, _j, rows in kotak_masuk(o.hr.akun) if rows} == {"verifikasi", "tinjauan"}
    assert kotak_masuk_jumlah(o.hr.akun) == 1
    assert clients["hr"].get(reverse("mutasi:kotak_masuk")).context["total"] == 1


def test_kotak_hr_jumlah_query_tetap(dunia, clients, django_assert_max_num_queries):
    o = dunia.org

    def buat(n):
        for _i in range(n):
            kosong = UnitKerjaFactory(jenis=JenisUnit.OPD)
            p = pegawai_di(kosong, mulai=date(2018, 1, 1))
            dunia.sampai(S.DIAJUKAN, pegawai=p)

    buat(1)
    with django_assert_max_num_queries(40) as sedikit:
        clients["hr"].get(reverse("mutasi:kotak_masuk"))
    buat(6)
    with django_assert_max_num_queries(len(sedikit.captured_queries)) as banyak:
        r = clients["hr"].get(reverse("mutasi:kotak_masuk"))
    assert {k: n for k, _j, n in r.context["bagian"]}["langkah_kepala"] == 7
    assert len(r.context["page_obj"].object_list) == 7
    assert len(banyak.captured_queries) == len(sedikit.captured_queries)
    assert kotak_masuk_jumlah(o.hr.akun) == 7


def test_ke_jabatan_kepala_diterima_atasan_bukan_pejabat_yang_diganti(dunia):
    from mutasi.selectors import atasan_baru
    from mutasi.services import AlurError
    from pegawai.models import JenisJabatan
    from pegawai.tests.factories import JabatanFactory, kepala_dari

    o = dunia.org
    lurah_lama = kepala_dari(o.subunit)  # Kelurahan Kalisari has a head now; its parent is headed by org.kepala
    jabatan_lurah = lurah_lama.posisi_sekarang.jabatan
    calon = pegawai_di(o.lain, JabatanFactory(jenis=JenisJabatan.PENGAWAS), mulai=date(2018, 1, 1))
    u = dunia.sampai(S.DILEPAS, pegawai=calon, tujuan_unit=o.subunit, tujuan_jabatan=jabatan_lurah)
    assert [x.pk for x in _bagian(o.kepala.akun, "terima")] == [u.pk]
    assert kotak_masuk_jumlah(lurah_lama.akun) == 0
    with pytest.raises(AlurError):
        usulan_transisi(usulan=u, aksi="terima", oleh=lurah_lama.akun)
    assert atasan_baru(u) == o.kepala  # the new lurah reports to the Camat, not to the lurah he replaces
    usulan_transisi(usulan=u, aksi="terima", oleh=o.kepala.akun)


def test_ke_jabatan_kepala_opd_diterima_bkpsdm(dunia):
    o = dunia.org
    jabatan_kepala_dinkes = dunia.kepala_tujuan.posisi_sekarang.jabatan
    u = dunia.sampai(S.DILEPAS, tujuan_jabatan=jabatan_kepala_dinkes)
    assert [x.pk for x in _bagian(o.hr.akun, "langkah_kepala")] == [u.pk]
    assert kotak_masuk_jumlah(dunia.kepala_tujuan.akun) == 0


def test_lencana_hr_jumlah_query_tetap(dunia, django_assert_num_queries):
    from pegawai.akses import peran_user

    o = dunia.org
    peran_user(o.hr.akun)  # roles are cached on the user for the request, as in a page

    def buat(n):
        for _i in range(n):
            p = pegawai_di(UnitKerjaFactory(jenis=JenisUnit.OPD), mulai=date(2018, 1, 1))
            dunia.sampai(S.DIAJUKAN, pegawai=p)  # BKPSDM releases: nobody heads a unit above
        dunia.sampai(S.DIAJUKAN, pegawai=pegawai_di(o.subunit, mulai=date(2018, 1, 1)))  # the Camat's

    buat(1)
    with django_assert_num_queries(2):  # proposals (approvers worked out in SQL), requests/objections
        assert kotak_masuk_jumlah(o.hr.akun) == 1
    buat(5)
    with django_assert_num_queries(2):
        assert kotak_masuk_jumlah(o.hr.akun) == 6
