"""Reads of the needs analysis (Anjab/ABK, PermenPANRB 1/2020) and of the needs-based transfer
candidates.

By topic: `hitung` (the formula, figures per unit x position), `ikhtisar` (overview, drill-down,
unit page, tasks), `rotasi` (time in post), `kandidat` (candidates and destinations).

How the figures are made (and why), so every page shows the same numbers:

- Per unit x position: `kebutuhan` = sum(volume x norma_waktu) / ABK_JAM_KERJA_EFEKTIF, a Decimal
  rounded half-up to two decimals. The whole number of people (`kebutuhan_orang`) is rounded from
  that two-decimal figure by ABK_PEMBULATAN (half_up | up | down), so the two numbers shown side by
  side never contradict each other.
- `bezetting` = active employees whose open position-history row is that unit x position.
- `selisih` = kebutuhan_orang - bezetting: positive = kekurangan (shortage), negative = kelebihan.
- Totals never re-round: a unit adds its positions' whole people, an OPD adds its units. Shortage and
  surplus are summed separately (a unit short of 2 nurses and over by 2 clerks shows 2 and 2, not 0),
  so OPD total = sum of its units = sum of its positions on every page.
- A position that has staff but no recorded tasks is "belum dianalisis": its need is unknown, not 0.
  Its staff count in the bezetting (they are there) and separately in `bezetting_belum`, but the
  position stays out of kebutuhan, selisih, kekurangan and kelebihan: counting it as a surplus would
  send people away only because nobody has typed in their workload yet.
- Every total comes from two aggregate queries (workload per (unit, jabatan), head-count per
  (unit, jabatan)) plus one query for the units; the roll-up to OPDs happens in Python.
"""

from .hitung import (
    DUA_DESIMAL,
    SATU,
    PosisiAbk,
    RekapAbk,
    abk_posisi,
    bulatkan_orang,
    kebutuhan_dari_jam,
    rekap_per_unit,
)
from .ikhtisar import (
    URUTAN_IKHTISAR,
    BarisRekap,
    JabatanUnit,
    abk_ikhtisar,
    abk_posisi_satu,
    abk_rincian,
    abk_unit,
    grafik_ikhtisar,
    jabatan_ambil,
    tugas_ambil,
    tugas_daftar,
    unit_leluhur_dari,
)
from .kandidat import (
    BOBOT_SKOR,
    PENSIUN_DEKAT_TAHUN,
    HasilKandidat,
    HasilTujuan,
    Kandidat,
    Komponen,
    Tujuan,
    abk_kandidat,
    abk_tujuan,
    jabatan_setara_ids,
    pegawai_dalam_usulan,
)
from .rotasi import (
    KategoriRotasi,
    abk_rotasi,
    abk_rotasi_hitung,
    mulai_paling_lambat,
    q_dini,
    q_wajib,
    rotasi_dini,
    rotasi_wajib,
)

__all__ = [
    "BOBOT_SKOR",
    "DUA_DESIMAL",
    "PENSIUN_DEKAT_TAHUN",
    "SATU",
    "URUTAN_IKHTISAR",
    "BarisRekap",
    "HasilKandidat",
    "HasilTujuan",
    "JabatanUnit",
    "Kandidat",
    "KategoriRotasi",
    "Komponen",
    "PosisiAbk",
    "RekapAbk",
    "Tujuan",
    "abk_ikhtisar",
    "abk_kandidat",
    "abk_posisi",
    "abk_posisi_satu",
    "abk_rincian",
    "abk_rotasi",
    "abk_rotasi_hitung",
    "abk_tujuan",
    "abk_unit",
    "bulatkan_orang",
    "grafik_ikhtisar",
    "jabatan_ambil",
    "jabatan_setara_ids",
    "kebutuhan_dari_jam",
    "mulai_paling_lambat",
    "pegawai_dalam_usulan",
    "q_dini",
    "q_wajib",
    "rekap_per_unit",
    "rotasi_dini",
    "rotasi_wajib",
    "tugas_ambil",
    "tugas_daftar",
    "unit_leluhur_dari",
]
