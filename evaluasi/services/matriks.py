"""The predikat kinerja matrix (PermenPANRB 6/2022, DOMAIN.md): results x behaviour -> predikat.

| hasil \\ perilaku | di atas          | sesuai           | di bawah          |
|------------------|------------------|------------------|-------------------|
| di atas          | Sangat Baik      | Baik             | Kurang/Misconduct |
| sesuai           | Baik             | Baik             | Kurang/Misconduct |
| di bawah         | Butuh Perbaikan  | Butuh Perbaikan  | Sangat Kurang     |
"""

from pegawai.models import Predikat

from ..models import Ekspektasi

A, S, B = Ekspektasi.DI_ATAS, Ekspektasi.SESUAI, Ekspektasi.DI_BAWAH

MATRIKS: dict[tuple[str, str], str] = {
    (A, A): Predikat.SANGAT_BAIK,
    (A, S): Predikat.BAIK,
    (A, B): Predikat.KURANG,
    (S, A): Predikat.BAIK,
    (S, S): Predikat.BAIK,
    (S, B): Predikat.KURANG,
    (B, A): Predikat.BUTUH_PERBAIKAN,
    (B, S): Predikat.BUTUH_PERBAIKAN,
    (B, B): Predikat.SANGAT_KURANG,
}


def predikat_kinerja(hasil_kerja: str, perilaku: str) -> str:
    """The predikat for a (results, behaviour) pair; "" while either rating is missing."""
    return MATRIKS.get((hasil_kerja, perilaku), "")


def matriks_json() -> dict:
    """The matrix for the form's live preview (static/js/evaluasi.js): {"HASIL|PERILAKU": label}."""
    return {f"{h}|{p}": str(Predikat(v).label) for (h, p), v in MATRIKS.items()}
