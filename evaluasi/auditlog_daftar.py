"""The reviews' field-level trail (inti/jejak.py): who reviews whom, when, and each step's dates.

Only those fields: a review's content (scores, notes, feedback, the employee's answer) stays out of
the trail, because HR may read a draft only as its reviewer and the employee never reads one."""

from inti.jejak import daftarkan

FIELD = (
    "usulan",
    "pegawai",
    "penilai",
    "penilai_ditetapkan",
    "bulan_ke",
    "jatuh_tempo",
    "status",
    "dikirim_pada",
    "dibaca_pada",
    "tanggapan_pada",
    "final_pada",
    "final_catatan",
    "dibatalkan_alasan",
)


def daftarkan_model() -> None:
    from .models import Evaluasi

    daftarkan(Evaluasi, hanya=FIELD, induk={"pegawai": "pegawai_id", "usulan": "usulan_id"})
