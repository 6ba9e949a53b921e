"""Migrations 0004-0005: objections get their status and their own history, derived from the data; the
proposal's old note rows about objections move into that history, and back on reversal."""

import pytest

from mutasi.models import Keberatan, RiwayatStatusKeberatan, RiwayatStatusUsulan, StatusUsulan
from mutasi.services.keberatan import keberatan_ajukan, keberatan_jawab
from mutasi.tests.helpers import migrasi_ke

SEBELUM = [("mutasi", "0003_pelatihan_pindah")]
SESUDAH = [("mutasi", "0005_keberatan_status_turunkan")]


ISI = "Saya merawat orang tua; lokasi baru terlalu jauh."


@pytest.mark.django_db(transaction=True)
def test_status_dan_riwayat_keberatan_diturunkan_dari_data(dunia):
    o = dunia.org
    u = dunia.sampai(StatusUsulan.SK_TERBIT)
    dijawab = keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi=ISI)
    keberatan_jawab(oleh=o.hr.akun, keberatan=dijawab, jawaban="Mutasi tetap dilaksanakan.", keputusan="TETAP")
    terbuka = keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi="Masih keberatan: " + ISI)
    kolom = ("keberatan_id", "aksi", "dari", "ke", "oleh_id")
    riwayat = sorted(RiwayatStatusKeberatan.objects.values_list(*kolom))
    try:
        migrasi_ke(SEBELUM)  # back: the history becomes the proposal's note rows again
        catatan = RiwayatStatusUsulan.objects.filter(usulan=u, aksi__in=["keberatan", "jawab_keberatan"])
        assert sorted(catatan.values_list("aksi", flat=True)) == ["jawab_keberatan", "keberatan", "keberatan"]
    finally:
        migrasi_ke(SESUDAH)
        migrasi_ke()
    statuses = dict(Keberatan.objects.values_list("pk", "status"))
    assert statuses == {dijawab.pk: "DIJAWAB", terbuka.pk: "DIAJUKAN"}
    assert sorted(RiwayatStatusKeberatan.objects.values_list(*kolom)) == riwayat
    assert not RiwayatStatusUsulan.objects.filter(aksi__in=["keberatan", "jawab_keberatan"]).exists()
