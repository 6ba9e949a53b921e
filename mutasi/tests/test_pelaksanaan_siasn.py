"""A transfer carried out writes its position to the SIASN outbox, in the same transaction, only
when SIASN is on (pegawai.services.siasn.siasn_antrekan_jabatan)."""

import pytest

from mutasi.models import StatusUsulan
from mutasi.services.pelaksanaan import mutasi_laksanakan_jatuh_tempo
from mutasi.tests.helpers import TMT
from pegawai.models import KirimanSiasn, StatusKiriman

S = StatusUsulan
pytestmark = pytest.mark.django_db


def test_carrying_out_queues_the_position_for_siasn(dunia, settings):
    settings.SIASN_AKTIF = True
    u = dunia.sampai(S.SK_TERBIT)
    mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)  # the daily job on the TMT
    u.refresh_from_db()
    assert u.status == S.DILAKSANAKAN
    k = KirimanSiasn.objects.get()
    assert (k.pegawai, k.status, k.sumber) == (u.pegawai, StatusKiriman.MENUNGGU, f"Mutasi {u.nomor}")
    assert k.payload["nomor_sk"] == u.sk.nomor and k.payload["tmt"] == TMT.isoformat()
    assert k.payload["unit_id"] == dunia.tujuan.pk and k.payload["jabatan_id"] == dunia.jabatan_tujuan.pk


def test_nothing_is_queued_when_siasn_is_off(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    mutasi_laksanakan_jatuh_tempo(hari_ini=TMT)  # the daily job on the TMT
    u.refresh_from_db()
    assert u.status == S.DILAKSANAKAN and not KirimanSiasn.objects.exists()
