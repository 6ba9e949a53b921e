"""Notices where people are: the one way to tell users something (`beri_tahu`).

- Every notice is a row in the notice centre (the bell in the top bar, `notifikasi:daftar`), written
  in the caller's transaction: a rolled-back step leaves none, `inti.surel.tanpa_notifikasi()` mutes
  it (no row, no mail, no WhatsApp).
- After the commit the mail and the WhatsApp message go to the background worker
  (`inti.tasks.notifikasi_kirim_tugas`, on the task backend `NOTIFIKASI_TUGAS_BACKEND`), as each user
  chose for that kind (`PreferensiNotifikasi`; email when they chose nothing): email, WhatsApp, both,
  the notice centre only, or a daily digest mail (`manage.py kirim_ringkasan`).
- Kinds are registered by the apps (`jenis_daftarkan`, in their AppConfig.ready()), as audit labels are.

Recipients: users, employees (their account; without one, a plain mail to `alamat_surel`), plain
addresses, or iterables of them. WhatsApp: `inti.notifikasi.whatsapp` (Meta's Cloud API, off unless
WA_AKTIF), to the number a user model gives as `nomor_wa`.
"""

from .layanan import (
    JenisNotifikasi,
    beri_tahu,
    jenis_daftarkan,
    jenis_label,
    jenis_semua,
    preferensi_simpan,
    saluran_untuk,
)

__all__ = [
    "JenisNotifikasi",
    "beri_tahu",
    "jenis_daftarkan",
    "jenis_label",
    "jenis_semua",
    "preferensi_simpan",
    "saluran_untuk",
]
