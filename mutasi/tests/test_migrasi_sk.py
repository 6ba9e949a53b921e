"""Migrations 0009-0010 (drafts, signatures, notices, laws and copies as data) both ways with real
data: back, the drafts and the notices' counters go and the decrees stay; forward again, the
decrees cover their proposals (also the decree an amendment replaced), an amending decree is of
its kind, and the laws and copies are seeded."""

import importlib
from datetime import timedelta

import pytest
from django.db import connection

from mutasi.models import DasarHukum, JenisSK, NomorUrutSK, StatusUsulan, SuratKeputusan, TembusanSK
from mutasi.services.sk import sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan, sk_siapkan_perubahan
from mutasi.tests.helpers import TMT, migrasi_ke

PERTAMA = "0009_sk_konsep_ttd_pemberitahuan"


def _sebelum() -> list[tuple[str, str]]:
    """The migration mine follows (whatever the other mutasi migrations are numbered)."""
    modul = importlib.import_module(f"mutasi.migrations.{PERTAMA}")
    return [d for d in modul.Migration.dependencies if d[0] == "mutasi"]


@pytest.mark.django_db(transaction=True)
def test_sk_lama_dicakup_dan_konsep_dibuang_saat_mundur(dunia):
    o = dunia.org
    u = dunia.sampai(StatusUsulan.SK_TERBIT)
    awal = u.sk
    ubah = sk_tandatangani(
        oleh=o.ppk.akun,
        sk=sk_siapkan_perubahan(oleh=o.hr.akun, usulan=u, tmt=TMT + timedelta(days=7), alasan="Jadwal serah terima."),
    )
    lain = dunia.sampai(StatusUsulan.DIPUTUSKAN, pegawai=o.orang_luar)
    konsep = sk_siapkan(oleh=o.hr.akun, usulan_ids=[lain.pk], tmt=TMT)
    try:
        migrasi_ke(_sebelum())
        with connection.cursor() as c:
            c.execute("SELECT id FROM mutasi_suratkeputusan ORDER BY id")
            assert [r[0] for r in c.fetchall()] == [awal.pk, ubah.pk]  # the draft is gone, the decrees stay
            c.execute("SELECT tahun, terakhir FROM mutasi_nomorurutsk")
            assert c.fetchall() == [(awal.tahun, 2)]  # the decrees' counter only
    finally:
        migrasi_ke()
    assert not SuratKeputusan.objects.filter(pk=konsep.pk).exists()
    assert list(SuratKeputusan.objects.get(pk=awal.pk).cakupan.all()) == [u]
    assert list(SuratKeputusan.objects.get(pk=ubah.pk).cakupan.all()) == [u]
    assert SuratKeputusan.objects.get(pk=ubah.pk).jenis == JenisSK.PERUBAHAN
    assert SuratKeputusan.objects.get(pk=awal.pk).jenis == JenisSK.PENETAPAN
    assert DasarHukum.objects.filter(teks__contains="Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara").exists()
    assert DasarHukum.objects.filter(status_asn="PPPK", teks__contains="Nomor 49 Tahun 2018").exists()
    assert TembusanSK.objects.filter(teks="Gubernur Jawa Timur").count() == 1
    assert NomorUrutSK.objects.filter(jenis="SK").count() == 1
