"""Transfers (mutasi): proposals and their batches, the approval trail, the employee's own
requests, decrees (SK) with gap-free numbering, objections, and election blackout periods.

The workflows themselves (which state may follow which, and who may move it) live in
`mutasi.services.alur` (proposals) and `mutasi.services.keberatan` (objections), both performed by
`inti.transisi.Alur`; who may do what is `mutasi.akses`. These models only hold state and the
invariants the database can hold.
"""

from .keberatan import Keberatan, KeputusanKeberatan, RiwayatStatusKeberatan, StatusKeberatan
from .permohonan import LampiranPermohonan, PermohonanMutasi, StatusPermohonan
from .sk import NomorUrutSK, SuratKeputusan
from .usulan import (
    FIELD_USULAN,
    STATUS_BERJALAN,
    STATUS_DRAF,
    STATUS_SELESAI,
    STATUS_SK_BERLAKU,
    STATUS_TERBUKA,
    STATUS_TERLIHAT_PEGAWAI,
    BatchUsulan,
    DasarMutasi,
    JenisLampiran,
    JenisMutasi,
    LampiranUsulan,
    MasaTenang,
    RiwayatStatusUsulan,
    StatusUsulan,
    UsulanMutasi,
)

__all__ = [
    "FIELD_USULAN",
    "STATUS_BERJALAN",
    "STATUS_DRAF",
    "STATUS_SELESAI",
    "STATUS_SK_BERLAKU",
    "STATUS_TERBUKA",
    "STATUS_TERLIHAT_PEGAWAI",
    "BatchUsulan",
    "DasarMutasi",
    "JenisLampiran",
    "JenisMutasi",
    "Keberatan",
    "KeputusanKeberatan",
    "LampiranPermohonan",
    "LampiranUsulan",
    "MasaTenang",
    "NomorUrutSK",
    "PermohonanMutasi",
    "RiwayatStatusKeberatan",
    "RiwayatStatusUsulan",
    "StatusKeberatan",
    "StatusPermohonan",
    "StatusUsulan",
    "SuratKeputusan",
    "UsulanMutasi",
]
