import pytest

from evaluasi.services.matriks import MATRIKS, matriks_json, predikat_kinerja
from pegawai.models import Predikat

# DOMAIN.md, PermenPANRB 6/2022: rows = hasil kerja, columns = perilaku kerja.
SEL = [
    ("DI_ATAS", "DI_ATAS", Predikat.SANGAT_BAIK),
    ("DI_ATAS", "SESUAI", Predikat.BAIK),
    ("DI_ATAS", "DI_BAWAH", Predikat.KURANG),
    ("SESUAI", "DI_ATAS", Predikat.BAIK),
    ("SESUAI", "SESUAI", Predikat.BAIK),
    ("SESUAI", "DI_BAWAH", Predikat.KURANG),
    ("DI_BAWAH", "DI_ATAS", Predikat.BUTUH_PERBAIKAN),
    ("DI_BAWAH", "SESUAI", Predikat.BUTUH_PERBAIKAN),
    ("DI_BAWAH", "DI_BAWAH", Predikat.SANGAT_KURANG),
]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), SEL)
def test_sel_matriks(hasil, perilaku, predikat):
    assert predikat_kinerja(hasil, perilaku) == predikat


def test_matriks_tepat_sembilan_sel():
    assert len(MATRIKS) == 9
    assert {(h, p) for h, p, _x in SEL} == set(MATRIKS)


@pytest.mark.parametrize(("hasil", "perilaku"), [("", "SESUAI"), ("DI_ATAS", ""), ("", ""), ("BAGUS", "SESUAI")])
def test_belum_lengkap_tanpa_predikat(hasil, perilaku):
    assert predikat_kinerja(hasil, perilaku) == ""


def test_matriks_untuk_pratinjau_berlabel():
    data = matriks_json()
    assert data["DI_ATAS|DI_ATAS"] == "Sangat Baik"
    assert data["SESUAI|DI_BAWAH"] == "Kurang/Misconduct"
    assert len(data) == 9
