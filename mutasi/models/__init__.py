"""Transfers (mutasi): proposals and their batches, the approval trail, the employee's own
requests, decrees (SK) with gap-free numbering, objections, and election blackout periods.

The workflows themselves (which state may follow which, and who may move it) live in
`mutasi.services.alur` (proposals) and `mutasi.services.keberatan` (objections), both performed by
`inti.transisi.Alur`; who may do what is `mutasi.akses`. These models only hold state and the
invariants the database can hold.
"""

from .dokumen import (
    URUTAN_LANGKAH_DOKUMEN,
    AturanDokumenSyarat,
    DokumenUsulan,
    JenisDokumenSyarat,
    LangkahDokumen,
    SumberDokumen,
)
from .keberatan import Keberatan, KeputusanKeberatan, RiwayatStatusKeberatan, StatusKeberatan
from .kelayakan import KODE_BERAT, PengecualianSyarat
from .naskah import DasarHukum, PejabatPenandatangan, Plh, TembusanSK
from .permohonan import (
    STATUS_PERMOHONAN_TERBUKA,
    LampiranPermohonan,
    PermohonanMutasi,
    RiwayatStatusPermohonan,
    StatusPermohonan,
)
from .sk import (
    JenisNomor,
    JenisSK,
    NomorUrutSK,
    RiwayatStatusSK,
    StatusSK,
    SuratKeputusan,
    SuratPemberitahuan,
    lokasi_dokumen,
)
from .usulan import (
    FIELD_USULAN,
    LINGKUP_PERLU_PERTEK,
    PENERBIT_LAZIM,
    STATUS_BERJALAN,
    STATUS_DRAF,
    STATUS_SELESAI,
    STATUS_SK_BERLAKU,
    STATUS_TERBUKA,
    STATUS_TERLIHAT_PEGAWAI,
    TAHAPAN_USULAN,
    BatchUsulan,
    DasarMutasi,
    JenisLampiran,
    JenisMutasi,
    LampiranUsulan,
    LingkupEksternal,
    MasaTenang,
    RiwayatStatusUsulan,
    StatusUsulan,
    UsulanMutasi,
)

__all__ = [
    "FIELD_USULAN",
    "KODE_BERAT",
    "LINGKUP_PERLU_PERTEK",
    "PENERBIT_LAZIM",
    "STATUS_BERJALAN",
    "STATUS_DRAF",
    "STATUS_PERMOHONAN_TERBUKA",
    "STATUS_SELESAI",
    "STATUS_SK_BERLAKU",
    "STATUS_TERBUKA",
    "STATUS_TERLIHAT_PEGAWAI",
    "TAHAPAN_USULAN",
    "URUTAN_LANGKAH_DOKUMEN",
    "AturanDokumenSyarat",
    "BatchUsulan",
    "DasarHukum",
    "DasarMutasi",
    "DokumenUsulan",
    "JenisDokumenSyarat",
    "JenisLampiran",
    "JenisMutasi",
    "JenisNomor",
    "JenisSK",
    "Keberatan",
    "KeputusanKeberatan",
    "LampiranPermohonan",
    "LampiranUsulan",
    "LangkahDokumen",
    "LingkupEksternal",
    "MasaTenang",
    "NomorUrutSK",
    "PejabatPenandatangan",
    "PengecualianSyarat",
    "PermohonanMutasi",
    "Plh",
    "RiwayatStatusKeberatan",
    "RiwayatStatusPermohonan",
    "RiwayatStatusSK",
    "RiwayatStatusUsulan",
    "StatusKeberatan",
    "StatusPermohonan",
    "StatusSK",
    "StatusUsulan",
    "SumberDokumen",
    "SuratKeputusan",
    "SuratPemberitahuan",
    "TembusanSK",
    "UsulanMutasi",
    "lokasi_dokumen",
]
