"""The kinds of import, by code. Adding a kind: declare its columns in .kolom, subclass `JenisImpor`
(see ..dasar) and list it here."""

from ..dasar import JenisImpor
from .abk import ImporKinerja, ImporTugas
from .organisasi import ImporJabatan, ImporUnit
from .pangkat import ImporPendidikan, ImporRiwayatGolongan
from .pegawai import ImporPegawai
from .riwayat import ImporHukuman, ImporKompetensi, ImporKontak, ImporRiwayatJabatan

JENIS: dict[str, type[JenisImpor]] = {
    k.kode: k
    for k in (
        ImporUnit,
        ImporJabatan,
        ImporPegawai,
        ImporRiwayatJabatan,
        ImporRiwayatGolongan,
        ImporPendidikan,
        ImporKompetensi,
        ImporHukuman,
        ImporKinerja,
        ImporTugas,
        ImporKontak,
    )
}


def jenis_impor(kode: str) -> type[JenisImpor]:
    try:
        return JENIS[kode]
    except KeyError:
        raise ValueError(f"Jenis impor tidak dikenal: {kode} (pilihan: {', '.join(JENIS)})") from None


def pilihan_jenis() -> list[tuple[str, str]]:
    return [(k.kode, k.label) for k in JENIS.values()]
