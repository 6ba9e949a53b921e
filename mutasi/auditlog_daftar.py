"""The models of mutasi whose every change the field-level trail records (inti/jejak.py).

A proposal's attachments, overrides, notices and objections are filed under {"usulan": id} (and the
proposal under its employee too), so the proposal's page lists them. Left out: the derived check
results (`hasil_cek`, recomputed at each step), `diubah`, the decree number counters, the history
tables (append-only themselves)."""

from inti.jejak import daftarkan


def daftarkan_model() -> None:
    from .models import (
        AturanDokumenSyarat,
        BatchUsulan,
        DasarHukum,
        DokumenUsulan,
        JenisDokumenSyarat,
        Keberatan,
        LampiranPermohonan,
        LampiranUsulan,
        MasaTenang,
        PejabatPenandatangan,
        PengecualianSyarat,
        PermohonanMutasi,
        SuratKeputusan,
        SuratPemberitahuan,
        TembusanSK,
        UsulanMutasi,
    )

    usulan = {"usulan": "usulan_id"}
    daftarkan(UsulanMutasi, kecuali=("hasil_cek", "diubah"), induk={"usulan": "id", "pegawai": "pegawai_id"})
    daftarkan(LampiranUsulan, induk=usulan)
    daftarkan(DokumenUsulan, induk=usulan)
    daftarkan(PengecualianSyarat, induk=usulan)
    daftarkan(SuratPemberitahuan, induk=usulan)
    daftarkan(Keberatan, induk=usulan)
    daftarkan(SuratKeputusan, m2m=("cakupan",))
    daftarkan(PermohonanMutasi, induk={"pegawai": "pegawai_id"})
    daftarkan(LampiranPermohonan)
    daftarkan(BatchUsulan)
    daftarkan(MasaTenang)
    daftarkan(DasarHukum)
    daftarkan(TembusanSK)
    daftarkan(JenisDokumenSyarat)
    daftarkan(AturanDokumenSyarat)
    daftarkan(PejabatPenandatangan)
