"""Writes of training and adaptation, by topic: the catalogue (`katalog`), assignments
(`penugasan`) and their status workflow (`alur`, the one way an assignment changes status),
mentoring and adaptation (`adaptasi`), the daily reminders (`pengingat`), and what a cancelled
transfer leaves open (`pembatalan`, the receiver of mutasi's `usulan_dibatalkan`).

Every service is typed, takes keyword arguments, checks the actor through `pelatihan.akses`,
raises `PelatihanError` (a message for the user) when refused, audits what it does, and sends its
mail through `inti.surel` after the commit. The names below are the public ones."""

from .adaptasi import checkin_tulis, item_centang, item_hapus, item_simpan, pendampingan_tetapkan
from .alur import AKSI, ALUR, AlurPenugasan, aksi_tersedia, penugasan_transisi
from .katalog import pelatihan_simpan
from .pembatalan import mutasi_batal_susulan, mutasi_batal_tutup
from .pengingat import LaporanPengingat, pengingat_kirim
from .penugasan import Pilihan, penugasan_buat, penugasan_dari_usulan, penugasan_ubah_tenggat, tenggat_bawaan
from .umum import PelatihanError

__all__ = [
    "AKSI",
    "ALUR",
    "AlurPenugasan",
    "LaporanPengingat",
    "PelatihanError",
    "Pilihan",
    "aksi_tersedia",
    "checkin_tulis",
    "item_centang",
    "item_hapus",
    "item_simpan",
    "mutasi_batal_susulan",
    "mutasi_batal_tutup",
    "pelatihan_simpan",
    "pendampingan_tetapkan",
    "pengingat_kirim",
    "penugasan_buat",
    "penugasan_dari_usulan",
    "penugasan_transisi",
    "penugasan_ubah_tenggat",
    "tenggat_bawaan",
]
