"""The models of pegawai whose every change the field-level trail records (inti/jejak.py).

Records about a person are filed under {"pegawai": id} and a unit's workload under {"unit": id}, so
the employee's and the unit's pages list them ("Riwayat perubahan data"). Left out: timestamps that
move on every save, the password hash and the last sign-in (an account's secrets and noise), the
import log and the workflow history tables (themselves append-only records)."""

from inti.jejak import daftarkan


def daftarkan_model() -> None:
    from .models import (
        BatasUsiaPensiun,
        Formasi,
        HukumanDisiplin,
        Jabatan,
        KinerjaTahunan,
        Kompetensi,
        KontrakPPPK,
        Pegawai,
        PenggantiPejabat,
        PindahTerjadwal,
        RiwayatGolongan,
        RiwayatJabatan,
        RiwayatPendidikan,
        TugasJabatan,
        UnitKerja,
        User,
    )

    orang = {"pegawai": "pegawai_id"}
    daftarkan(Pegawai, kecuali=("dibuat", "diubah"), m2m=("kompetensi",), induk={"pegawai": "id"})
    daftarkan(RiwayatJabatan, induk=orang)
    daftarkan(RiwayatGolongan, kecuali=("dibuat",), induk=orang)
    daftarkan(RiwayatPendidikan, kecuali=("dibuat",), induk=orang)
    daftarkan(PenggantiPejabat, kecuali=("dibuat",), induk={"pegawai": "yang_digantikan_id"})
    daftarkan(HukumanDisiplin, induk=orang)
    daftarkan(KinerjaTahunan, induk=orang)
    daftarkan(KontrakPPPK, kecuali=("dibuat",), induk=orang)
    daftarkan(PindahTerjadwal, kecuali=("dibuat",), induk=orang)
    daftarkan(User, kecuali=("password", "last_login"))
    daftarkan(UnitKerja, induk={"unit": "id"})
    daftarkan(Jabatan, m2m=("kompetensi", "setara"))
    daftarkan(Kompetensi)
    daftarkan(BatasUsiaPensiun)
    daftarkan(Formasi, induk={"unit": "unit_id"})
    daftarkan(TugasJabatan, induk={"unit": "unit_id"})
