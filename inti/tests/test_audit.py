"""The audit helpers (inti.audit): `simpan_tercatat` validates, saves and writes one audit row;
`ubah_tercatat` changes a few fields of a row and writes one."""

import pytest
from django.core.exceptions import ValidationError

from inti.audit import simpan_tercatat, ubah_tercatat
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


def test_ubah_tercatat_hanya_menyimpan_field_yang_diubah():
    p = ProgresTugas.objects.create(jenis="contoh", tahap="awal")
    ProgresTugas.objects.filter(pk=p.pk).update(pesan="ditulis pihak lain")  # a concurrent write elsewhere
    ubah_tercatat(p, {"tahap": "akhir", "selesai": 3}, oleh=None, aksi="inti.contoh", ringkasan="Diubah")
    p.refresh_from_db()
    assert (p.tahap, p.selesai, p.pesan) == ("akhir", 3, "ditulis pihak lain")
    c = CatatanAudit.objects.get(aksi="inti.contoh")
    assert (c.objek_id, c.ringkasan) == (str(p.pk), "Diubah")
