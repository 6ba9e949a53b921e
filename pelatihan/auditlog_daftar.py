"""The models of pelatihan whose every change the field-level trail records (inti/jejak.py).

Left out: `diubah`, the reminder date the daily job moves (`diingatkan_pada`), and what the employee
writes in an adaptation check-in (only who wrote one and whether they report difficulty): the mentor
does not read it and the trail is no back door to it."""

from inti.jejak import daftarkan


def daftarkan_model() -> None:
    from .models import CheckInAdaptasi, ItemAdaptasi, Pelatihan, Pendampingan, PenugasanPelatihan

    daftarkan(Pelatihan, kecuali=("diubah",))
    daftarkan(PenugasanPelatihan, kecuali=("diingatkan_pada",), induk={"pegawai": "pegawai_id", "usulan": "usulan_id"})
    daftarkan(Pendampingan, induk={"usulan": "usulan_id"})
    daftarkan(ItemAdaptasi)
    daftarkan(CheckInAdaptasi, hanya=("usulan", "minggu_ke", "kesulitan"), induk={"usulan": "usulan_id"})
