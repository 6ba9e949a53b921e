"""Reads of the transfer workflow (they never write, and never import the services), by topic:

- `usulan`: who sees which proposal (the one visibility rule), one proposal, the list, the
  timeline, the employee's own transfers, what changed in the record;
- `penyetuju`: who acts at each step and who approves for a unit (with escalation);
- `kotak_masuk`: the "waiting for me" page and the navigation badge;
- `terkait`: batches, decrees, objections and requests;
- `tahapan`: what the employee follows of their own case on "Mutasi saya" (stages, dates, who
  acts next; MUTASI_PEGAWAI_LIHAT_SEJAK).

Object access goes through the `*_ambil` selectors, which answer 404 to whoever may not see the
object. Visibility: HR staff see everything; the PPK sees every proposal once submitted; unit heads
see proposals touching their units (from submission on, plus their own drafts), not their own
transfer; employees see their own transfer's page only from the decision on (their page shows its
stages earlier: `tahapan`). What a user may *do* is
`mutasi.akses`.
"""

from .kotak_masuk import kotak_masuk, kotak_masuk_hr_lain, kotak_masuk_jumlah
from .penyetuju import penyetuju_langkah, unit_peta
from .tahapan import menunggu_usulan, mutasi_saya, tahapan_permohonan, tahapan_usulan
from .terkait import (
    batch_ambil,
    batch_daftar,
    batch_terlihat,
    keberatan_ambil,
    keberatan_daftar,
    keberatan_terlihat,
    permohonan_ambil,
    permohonan_lampiran_ambil,
    permohonan_saya,
    permohonan_terlihat,
    sk_ambil,
    sk_terlihat,
    sk_usulan,
)
from .tertunda import mutasi_ke_unit as mutasi_ke_unit  # pegawai's PEGAWAI_MUTASI_KE_UNIT hook
from .tertunda import mutasi_tertunda as mutasi_tertunda  # pegawai's PEGAWAI_MUTASI_TERTUNDA hook
from .usulan import (
    atasan_baru,
    lampiran_ambil,
    linimasa,
    pegawai_dalam_usulan,
    pemberitahuan_ambil,
    perubahan_data_pegawai,
    riwayat_mutasi_pegawai,
    usulan_ambil,
    usulan_cari,
    usulan_terlihat,
)

__all__ = [
    "atasan_baru",
    "batch_ambil",
    "batch_daftar",
    "batch_terlihat",
    "keberatan_ambil",
    "keberatan_daftar",
    "keberatan_terlihat",
    "kotak_masuk",
    "kotak_masuk_hr_lain",
    "kotak_masuk_jumlah",
    "lampiran_ambil",
    "linimasa",
    "menunggu_usulan",
    "mutasi_saya",
    "pegawai_dalam_usulan",
    "pemberitahuan_ambil",
    "penyetuju_langkah",
    "permohonan_ambil",
    "permohonan_lampiran_ambil",
    "permohonan_saya",
    "permohonan_terlihat",
    "perubahan_data_pegawai",
    "riwayat_mutasi_pegawai",
    "sk_ambil",
    "sk_terlihat",
    "sk_usulan",
    "tahapan_permohonan",
    "tahapan_usulan",
    "unit_peta",
    "usulan_ambil",
    "usulan_cari",
    "usulan_terlihat",
]
