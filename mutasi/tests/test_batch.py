"""Batches across units: each head acts on their own people; one decree for those decided."""

from datetime import date

import pytest
from django.urls import reverse

from mutasi.demo import dokumen_contoh
from mutasi.models import BatchUsulan, StatusUsulan, SuratKeputusan
from mutasi.services import AlurError
from mutasi.services.usulan import batch_baca_daftar, batch_buat
from mutasi.tests.helpers import TMT, kinerja_baik
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, kepala_dari, pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db


def _buat(dunia, baris):
    """A batch whose proposals have the required documents uploaded (they may go all the way)."""
    batch = batch_buat(
        oleh=dunia.org.hr.akun,
        nama="Rotasi 2026",
        dasar="ROTASI",
        tmt_usulan=TMT,
        keterangan="",
        baris=baris,
        alasan="Rotasi berkala.",
        manfaat_organisasi="Layanan merata.",
        manfaat_pegawai="Pengalaman baru.",
        alasan_tanpa_kekurangan="Rotasi tanpa menambah pegawai.",
    )
    for u in batch.usulan.all():
        dokumen_contoh(u, dunia.org.hr.akun)
    return batch


@pytest.fixture
def dua_unit(dunia):
    o = dunia.org
    unit_b = UnitKerjaFactory(nama="Dinas Perhubungan", kode="DISHUB")
    kepala_b = kepala_dari(unit_b)
    a = pegawai_di(o.unit, mulai=date(2019, 1, 1))  # released by o.kepala
    b = pegawai_di(unit_b, mulai=date(2019, 1, 1))  # released by kepala_b
    kinerja_baik(a, b)
    return a, b, unit_b, kepala_b


def test_batch_dari_daftar_tempel(dunia, dua_unit):
    a, b, _unit_b, _k = dua_unit
    jab = JabatanFactory(nama="Analis Kebijakan")
    teks = f"{a.nip}\t{dunia.tujuan.kode}\tAnalis Kebijakan\n{b.nip}; {dunia.tujuan.kode.lower()}; analis kebijakan\n"
    baris = batch_baca_daftar(teks)
    assert [(x.pegawai, x.tujuan_unit, x.tujuan_jabatan) for x in baris] == [
        (a, dunia.tujuan, jab),
        (b, dunia.tujuan, jab),
    ]
    with pytest.raises(AlurError, match="Baris 2"):
        batch_baca_daftar(f"{a.nip};{dunia.tujuan.kode};Analis Kebijakan\n999;XX;Tidak Ada")


def test_batch_rotasi_melingkar(dunia, dua_unit):
    a, b, unit_b, _k = dua_unit
    baris = batch_baca_daftar(f"{a.nip}\n{b.nip}", rotasi=True)
    assert (baris[0].tujuan_unit, baris[1].tujuan_unit) == (unit_b, dunia.org.unit)


def test_batch_lintas_unit_sampai_satu_sk(dunia, dua_unit, clients):
    o = dunia.org
    a, b, _unit_b, kepala_b = dua_unit
    batch = _buat(dunia, batch_baca_daftar(f"{a.nip}\n{b.nip}", rotasi=True))
    ua, ub = batch.usulan.get(pegawai=a), batch.usulan.get(pegawai=b)
    r = clients["hr"].post(reverse("mutasi:batch_aksi", args=[batch.pk]), {"aksi": "ajukan", "usulan": [ua.pk, ub.pk]})
    assert r.status_code == 302
    ua.refresh_from_db(), ub.refresh_from_db()
    assert ua.status == ub.status == S.DIAJUKAN
    # the kecamatan head releases both selected, but only their own person moves on
    clients["kepala"].post(reverse("mutasi:batch_aksi", args=[batch.pk]), {"aksi": "lepas", "usulan": [ua.pk, ub.pk]})
    ua.refresh_from_db(), ub.refresh_from_db()
    assert (ua.status, ub.status) == (S.DILEPAS, S.DIAJUKAN)
    # each person goes through the states on their own: only a is decided when the decree is issued
    from mutasi.services.alur import usulan_transisi

    ua = usulan_transisi(usulan=ua, aksi="terima", oleh=kepala_b.akun)
    ua = usulan_transisi(usulan=ua, aksi="verifikasi", oleh=o.hr.akun)
    ua = usulan_transisi(usulan=ua, aksi="putuskan", oleh=o.ppk.akun)
    r = clients["hr"].post(reverse("mutasi:batch_sk", args=[batch.pk]), {"tmt": TMT.isoformat()})
    sk = SuratKeputusan.objects.get(batch=batch)
    assert r.status_code == 302 and r.url == reverse("mutasi:sk_detail", args=[sk.pk])
    assert list(sk.cakupan.all()) == [ua]  # a draft for the PPK, covering only the decided one
    clients["ppk"].post(reverse("mutasi:sk_tandatangani", args=[sk.pk]), {"setuju": "on"})
    ua.refresh_from_db(), ub.refresh_from_db()
    assert ua.status == S.SK_TERBIT and ub.status == S.DIAJUKAN
    assert ua.sk == sk and list(sk.usulan.all()) == [ua]
    html = clients["hr"].get(reverse("mutasi:sk_detail", args=[sk.pk])).content.decode()
    assert a.nama in html and b.nama not in html


def test_batch_semua_atau_tidak_sama_sekali(dunia, dua_unit):
    a, b, unit_b, _k = dua_unit
    baris = batch_baca_daftar(f"{a.nip}\n{b.nip}", rotasi=True)
    baris[1].tujuan_unit, baris[1].tujuan_jabatan = unit_b, b.posisi_sekarang.jabatan  # same post: invalid
    with pytest.raises(AlurError, match="Batch tidak dibuat"):
        _buat(dunia, baris)
    assert not BatchUsulan.objects.exists()


def test_hanya_hr_membuat_batch(dunia, clients):
    for nama in ["anon", "ppk", "kepala", "anggota"]:
        r = clients[nama].get(reverse("mutasi:batch_baru"))
        assert r.status_code in (302, 403), nama
    assert clients["hr"].get(reverse("mutasi:batch_baru")).status_code == 200
