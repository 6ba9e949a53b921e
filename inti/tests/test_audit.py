"""The audit helpers (inti.audit): `simpan_tercatat` validates, saves and writes one audit row."""

import pytest
from django.core.exceptions import ValidationError

from inti.audit import simpan_tercatat
from inti.models import CatatanAudit, ProgresTugas

pytestmark = pytest.mark.django_db


def test_simpan_tercatat_menyimpan_dan_mencatat_pada_baris():
    p = ProgresTugas(jenis="contoh")
    simpan_tercatat(p, oleh=None, aksi="inti.contoh", ringkasan="Contoh disimpan", perubahan={"a": 1})
    assert p.pk is not None
    c = CatatanAudit.objects.get(aksi="inti.contoh")
    assert (c.objek_tipe, c.objek_id, c.oleh, c.ringkasan, c.perubahan) == (
        "inti.progrestugas",
        str(p.pk),
        None,
        "Contoh disimpan",
        {"a": 1},
    )


def test_simpan_tercatat_mencatat_pada_objek_induk():
    induk = ProgresTugas.objects.create(jenis="induk")
    simpan_tercatat(ProgresTugas(jenis="anak"), oleh=None, aksi="inti.contoh", objek=induk, ringkasan="Anak")
    c = CatatanAudit.objects.get(aksi="inti.contoh")
    assert (c.objek_id, c.perubahan) == (str(induk.pk), {})


def test_simpan_tercatat_menolak_yang_tidak_valid_tanpa_menulis():
    with pytest.raises(ValidationError):
        simpan_tercatat(ProgresTugas(jenis=""), oleh=None, aksi="inti.contoh", ringkasan="Tidak valid")
    assert not ProgresTugas.objects.exists()
    assert not CatatanAudit.objects.exists()
