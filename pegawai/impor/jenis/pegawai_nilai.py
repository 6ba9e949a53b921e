"""Cell parsers of the employee import: grade (golongan) in its many written forms, email,
gender and ASN status."""

import re
from functools import lru_cache
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _

from ...models import GOLONGAN_PPPK, PANGKAT_PNS, JenisKelamin, StatusAsn
from ..nilai import NilaiSalah, Pilihan, Teks, kosong

_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PPPK_ANGKA = {str(i): g for i, g in enumerate(GOLONGAN_PPPK, start=1)}


def _peta_golongan() -> dict[str, str]:
    peta = {}
    for g in PANGKAT_PNS:
        romawi, ruang = g.split("/")
        for bentuk in (g, f"{romawi}{ruang}", f"{_ROMAWI[romawi]}/{ruang}", f"{_ROMAWI[romawi]}{ruang}"):
            peta[re.sub(r"[\s/\-.]", "", bentuk).casefold()] = g
    for angka, g in _PPPK_ANGKA.items():
        peta[g.casefold()] = g
        peta[angka] = g
    return peta


_GOLONGAN = _peta_golongan()


def golongan(nilai: Any) -> str | None:
    """III/a, iii-a, 3a, 'Penata Muda, III/a', 'Penata Muda (III/a)'; PPPK I..XVII or 1..17."""
    if kosong(nilai):
        return None
    return _golongan_teks(str(int(nilai) if isinstance(nilai, float) and nilai.is_integer() else nilai).strip())


@lru_cache(maxsize=1024)
def _golongan_teks(teks: str) -> str:
    nilai = teks
    kurung = re.search(r"\(([^)]*)\)\s*$", teks)
    if kurung:
        teks = kurung.group(1)
    elif "," in teks:
        teks = teks.rsplit(",", 1)[1]
    hasil = _GOLONGAN.get(re.sub(r"[\s/\-.]", "", teks).casefold())
    if hasil is None:
        raise NilaiSalah(
            _("golongan %(v)s tidak dikenal; PNS: I/a sampai IV/e, PPPK: I sampai XVII") % {"v": str(nilai).strip()}
        )
    return hasil


_validasi_email = EmailValidator()


def email(nilai: Any) -> str | None:
    teks = Teks(254)(nilai)
    if teks is None:
        return None
    try:
        _validasi_email(teks)
    except ValidationError:
        raise NilaiSalah(_("alamat email %(v)s tidak sah") % {"v": teks}) from None
    return teks


JENIS_KELAMIN = Pilihan(
    {
        "L": JenisKelamin.L,
        "Laki-laki": JenisKelamin.L,
        "Pria": JenisKelamin.L,
        "M": JenisKelamin.L,
        "Male": JenisKelamin.L,
        "P": JenisKelamin.P,
        "Perempuan": JenisKelamin.P,
        "Wanita": JenisKelamin.P,
        "F": JenisKelamin.P,
        "Female": JenisKelamin.P,
    },
    ["L", "P"],
)
STATUS = Pilihan({"PNS": StatusAsn.PNS, "PPPK": StatusAsn.PPPK, "P3K": StatusAsn.PPPK}, ["PNS", "PPPK"])
