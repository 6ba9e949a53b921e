"""People and organisation: units, positions, employees, position history, and the
reference data (competences, retirement ages, sanctions, yearly performance, workload)
that the higher apps (mutasi, evaluasi) read.

By topic: `pilihan` (vocabularies), `akun` (logins), `organisasi` (units, positions, retirement
ages), `pegawai` (employees and their records), `riwayat` (rank and education history), `pindah`
(manual moves waiting for their TMT), `abk` (workload), `impor` (the import log), `siasn` (the outbox
of changes pushed to BKN's SIASN), `pengganti` (acting officials, Plh./Plt.).
Every name is importable from `pegawai.models`."""

from .abk import TugasJabatan
from .akun import User, UserManager
from .impor import RiwayatImpor
from .organisasi import BatasUsiaPensiun, Formasi, Jabatan, Kompetensi, UnitKerja
from .pegawai import HukumanDisiplin, KinerjaTahunan, KontrakPPPK, Pegawai, PegawaiQuerySet, RiwayatJabatan
from .pengganti import JenisPengganti, PenggantiPejabat, PenggantiPejabatQuerySet, PeranPejabat
from .pilihan import (
    GOLONGAN_CHOICES,
    GOLONGAN_PPPK,
    PANGKAT_PNS,
    JenisJabatan,
    JenisKelamin,
    JenisKenaikanPangkat,
    JenisKompetensi,
    JenisUnit,
    JenjangJabatan,
    Peran,
    Predikat,
    StatusAsn,
    SumberData,
    TingkatHukuman,
    TingkatPendidikan,
)
from .pindah import PindahTerjadwal, RiwayatStatusPindah, StatusPindah
from .riwayat import RiwayatGolongan, RiwayatPendidikan
from .siasn import JenisKiriman, KirimanSiasn, RiwayatStatusKiriman, StatusKiriman

__all__ = [
    "GOLONGAN_CHOICES",
    "GOLONGAN_PPPK",
    "PANGKAT_PNS",
    "BatasUsiaPensiun",
    "Formasi",
    "HukumanDisiplin",
    "Jabatan",
    "JenisJabatan",
    "JenisKelamin",
    "JenisKenaikanPangkat",
    "JenisKiriman",
    "JenisKompetensi",
    "JenisPengganti",
    "JenisUnit",
    "JenjangJabatan",
    "KinerjaTahunan",
    "KirimanSiasn",
    "Kompetensi",
    "KontrakPPPK",
    "Pegawai",
    "PegawaiQuerySet",
    "PenggantiPejabat",
    "PenggantiPejabatQuerySet",
    "Peran",
    "PeranPejabat",
    "PindahTerjadwal",
    "Predikat",
    "RiwayatGolongan",
    "RiwayatImpor",
    "RiwayatJabatan",
    "RiwayatPendidikan",
    "RiwayatStatusKiriman",
    "RiwayatStatusPindah",
    "StatusAsn",
    "StatusKiriman",
    "StatusPindah",
    "SumberData",
    "TingkatHukuman",
    "TingkatPendidikan",
    "TugasJabatan",
    "UnitKerja",
    "User",
    "UserManager",
]
