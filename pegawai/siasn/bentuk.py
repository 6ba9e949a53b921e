"""SIASN's shapes and ours: reading an answer's fields into our values, and building the body of a
pushed position (jabatan/save). The field names and their sources are listed in klien.py."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..models import GOLONGAN_CHOICES, JenisJabatan

GOLONGAN_SAH = {g for g, _label in GOLONGAN_CHOICES}

# SIASN jenisJabatan: 1 struktural (the position is the unit itself: unorId), 2 fungsional tertentu
# (jabatanFungsionalId), 4 fungsional umum / pelaksana (jabatanFungsionalUmumId).
JENIS_JABATAN_SIASN = {
    JenisJabatan.JPT: "1",
    JenisJabatan.ADMINISTRATOR: "1",
    JenisJabatan.PENGAWAS: "1",
    JenisJabatan.FUNGSIONAL: "2",
    JenisJabatan.PELAKSANA: "4",
}


def tanggal(nilai: Any) -> date | None:
    """SIASN writes dates dd-mm-yyyy; some answers carry yyyy-mm-dd (with a time)."""
    if isinstance(nilai, date):
        return nilai
    teks = str(nilai or "").strip()[:10]
    for pola in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(teks, pola).date()
        except ValueError:
            continue
    return None


def tanggal_siasn(nilai: date | str | None) -> str:
    d = tanggal(nilai)
    return f"{d:%d-%m-%Y}" if d else ""


def jenis_kelamin(nilai: Any) -> str:
    """M/F (data-utama), Pria/Wanita, Laki-laki/Perempuan, L/P -> our L/P; '' when unknown."""
    teks = str(nilai or "").strip().lower()
    if teks in ("m", "l", "pria", "laki-laki", "laki laki", "1"):
        return "L"
    if teks in ("f", "p", "wanita", "perempuan", "2"):
        return "P"
    return ""


def golongan(nilai: Any) -> str:
    """'III/a', 'III/A', 'III / a' -> 'III/a'; a PPPK 'IX' stays; '' when it is none of ours."""
    teks = re.sub(r"\s+", "", str(nilai or ""))
    if "/" in teks:
        romawi, ruang = teks.split("/", 1)
        teks = f"{romawi.upper()}/{ruang.lower()}"
    else:
        teks = teks.upper()
    return teks if teks in GOLONGAN_SAH else ""


def teks(nilai: Any) -> str:
    return " ".join(str(nilai or "").split())


def sama_teks(a: str, b: str) -> bool:
    return teks(a).casefold() == teks(b).casefold()


def badan_jabatan(
    *, payload: dict[str, Any], pns_id: str, unor_id: str, jabatan_id: str, instansi_id: str, satuan_kerja_id: str
) -> dict[str, Any]:
    """The JSON body of jabatan/save for one move recorded in the outbox."""
    jenis = JENIS_JABATAN_SIASN.get(payload.get("jenis_jabatan", ""), "4")
    return {
        "id": None,
        "pnsId": pns_id,
        "instansiId": instansi_id,
        "satuanKerjaId": satuan_kerja_id,
        "unorId": unor_id,
        "jenisJabatan": jenis,
        "eselonId": "",
        "jabatanFungsionalId": jabatan_id if jenis == "2" else "",
        "jabatanFungsionalUmumId": jabatan_id if jenis == "4" else "",
        "nomorSk": payload.get("nomor_sk", ""),
        "tanggalSk": tanggal_siasn(payload.get("tanggal_sk")),
        "tmtJabatan": tanggal_siasn(payload.get("tmt")),
        "tmtPelantikan": tanggal_siasn(payload.get("tmt")) if jenis == "1" else "",
    }


def riwayat_sama(baris: dict[str, Any], payload: dict[str, Any]) -> bool:
    """Whether a row of rw-jabatan is the move of `payload` (same decree number and TMT): a push whose
    answer was lost may have arrived, and is then not sent twice."""
    nomor = teks(baris.get("nomorSk"))
    if not nomor or not sama_teks(nomor, payload.get("nomor_sk", "")):
        return False
    return tanggal(baris.get("tmtJabatan")) == tanggal(payload.get("tmt"))
