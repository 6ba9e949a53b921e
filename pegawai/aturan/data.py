"""The data the plausibility rules read: defaults here, each overridable by a setting of the
same name. A settings dict (not a model): it changes with a regulation, not every week, and
an installation edits it in its settings (documented in docs/IMPOR.md)."""

import re

from django.conf import settings

from ..models import PANGKAT_PNS

# Age at appointment as CPNS (PermenPANRB: at least 18, at most 35 for most formations).
USIA_CPNS = (18, 35)

# The highest golongan a PNS can enter with, per education level (PP 99/2000 and the
# CPNS formation rules). Unknown education: the highest entry (no false refusal).
GOLONGAN_MASUK = {
    "SD": "I/a",
    "SMP": "I/c",
    "SMA": "II/a",
    "D1": "II/a",
    "D2": "II/b",
    "D3": "II/c",
    "D4": "III/a",
    "S1": "III/a",
    "S2": "III/b",
    "S3": "III/c",
}
# No school is finished before this age (a graduation year before it is a typo).
USIA_LULUS_MIN = 5
# One regular promotion step per this many years of service, at most.
TAHUN_PER_GOLONGAN = 4

JENJANG = tuple(GOLONGAN_MASUK)  # lowest to highest
_POLA_JENJANG = (
    (r"\b(S\s*-?\s*3|DOKTOR|DR)\b", "S3"),
    (r"\b(S\s*-?\s*2|MAGISTER|PASCASARJANA|SPESIALIS)\b", "S2"),
    (r"\b(S\s*-?\s*1|SARJANA|D\s*-?\s*IV|D\s*-?\s*4|PROFESI)\b", "S1"),
    (r"\b(D\s*-?\s*III|D\s*-?\s*3|DIPLOMA\s*III|AKADEMI)\b", "D3"),
    (r"\b(D\s*-?\s*II|D\s*-?\s*2|DIPLOMA\s*II)\b", "D2"),
    (r"\b(D\s*-?\s*I|D\s*-?\s*1|DIPLOMA\s*I)\b", "D1"),
    (r"\b(SMA|SMK|SLTA|MA|STM|SMEA|SPK|SMU|SEDERAJAT\s*SLTA)\b", "SMA"),
    (r"\b(SMP|SLTP|MTS)\b", "SMP"),
    (r"\b(SD|MI|SEKOLAH\s*DASAR)\b", "SD"),
)


def _atur(nama: str, bawaan):
    return getattr(settings, nama, bawaan)


def usia_cpns() -> tuple[int, int]:
    return tuple(_atur("ATURAN_USIA_CPNS", USIA_CPNS))


def usia_lulus_minimum() -> int:
    return int(_atur("ATURAN_USIA_LULUS_MIN", USIA_LULUS_MIN))


def jenjang_pendidikan(teks: str | None) -> str | None:
    """'S1 Psikologi' -> 'S1', 'D-III Keperawatan' -> 'D3', 'SLTA' -> 'SMA'; None if unknown."""
    if not teks:
        return None
    besar = teks.upper()
    for pola, jenjang in _POLA_JENJANG:
        if re.search(pola, besar):
            return jenjang
    return None


_URUT = list(PANGKAT_PNS)  # I/a .. IV/e


def golongan_maksimal(jenjang: str | None, masa_kerja_tahun: int) -> str:
    """The highest plausible PNS golongan for an education level and whole years of service."""
    masuk = _atur("ATURAN_GOLONGAN_MASUK", GOLONGAN_MASUK)
    per = _atur("ATURAN_TAHUN_PER_GOLONGAN", TAHUN_PER_GOLONGAN)
    awal = masuk.get(jenjang) if jenjang else None
    if awal is None:
        awal = max(masuk.values(), key=_URUT.index)
    return _URUT[min(len(_URUT) - 1, _URUT.index(awal) + max(0, masa_kerja_tahun) // per)]


def urutan_golongan(golongan: str) -> int:
    return _URUT.index(golongan)
