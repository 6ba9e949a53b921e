"""Reads of training and adaptation (they never write, and never import the services). Object
access goes through the `*_ambil` selectors, which answer 404 to whoever may not see the object;
the rules themselves are in `pelatihan.akses`.

Who sees what:
- HR staff and the PPK: everything (only HR changes anything);
- a unit head: the assignments of the staff of the units they head (with sub-units) and of
  the employees transferring into them, and the adaptation plans of those transfers;
- an employee: their own assignments and their own adaptation plan;
- a mentor: the plan of the employee they accompany (not the check-ins: an employee may
  write about difficulties with the mentor).
"""

from ..models import pendampingan_dari
from .adaptasi import (
    adaptasi_ambil,
    adaptasi_daftar,
    adaptasi_saya,
    adaptasi_terlihat,
    checkin_jatuh_tempo,
    item_ambil,
    kandidat_mentor,
    mentee_saya,
    rencana_item,
    tmt_usulan,
    usulan_kelola_ambil,
)
from .jp import RekapUnit, jp_pegawai, jp_rekap_unit, jp_tahun_pegawai
from .katalog import URUTAN_KATALOG, katalog_cari, pelatihan_ambil
from .kesenjangan import Kesenjangan, Saran, kesenjangan_kompetensi, kesenjangan_usulan, saran_dari_katalog
from .penugasan import (
    URUTAN_PENUGASAN,
    pelatihan_saya,
    penugasan_ambil,
    penugasan_cari,
    penugasan_ringkasan,
    penugasan_terlihat,
    riwayat_penugasan,
)

__all__ = [
    "URUTAN_KATALOG",
    "URUTAN_PENUGASAN",
    "Kesenjangan",
    "RekapUnit",
    "Saran",
    "adaptasi_ambil",
    "adaptasi_daftar",
    "adaptasi_saya",
    "adaptasi_terlihat",
    "checkin_jatuh_tempo",
    "item_ambil",
    "jp_pegawai",
    "jp_rekap_unit",
    "jp_tahun_pegawai",
    "kandidat_mentor",
    "katalog_cari",
    "kesenjangan_kompetensi",
    "kesenjangan_usulan",
    "mentee_saya",
    "pelatihan_ambil",
    "pelatihan_saya",
    "pendampingan_dari",
    "penugasan_ambil",
    "penugasan_cari",
    "penugasan_ringkasan",
    "penugasan_terlihat",
    "rencana_item",
    "riwayat_penugasan",
    "saran_dari_katalog",
    "tmt_usulan",
    "usulan_kelola_ambil",
]
