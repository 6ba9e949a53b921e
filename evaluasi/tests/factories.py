"""Minimal builders for the review tests: carried-out transfers made directly (with a decree and
the position history moved), not through the proposals workflow, so these tests depend only on
the data model. One test module drives the real workflow end to end (test_jadwal.py)."""

import itertools
from datetime import date, timedelta

from django.utils import timezone

from evaluasi.models import Evaluasi, StatusEvaluasi
from inti.kalender import tambah_bulan
from mutasi.models import DasarMutasi, JenisMutasi, StatusUsulan, SuratKeputusan, UsulanMutasi
from pegawai.models import KinerjaTahunan
from pegawai.services.pegawai import pegawai_pindah_jabatan
from pegawai.tests.factories import JabatanFactory

_urut = itertools.count(1)


def sk_buat(tmt: date) -> SuratKeputusan:
    n = next(_urut)
    return SuratKeputusan.objects.create(
        nomor=f"800/{n}/TEST/{tmt.year}",
        tahun=tmt.year,
        urut=n,
        tanggal=tmt - timedelta(days=7),
        tmt=tmt,
        tentang="Mutasi",
        penandatangan_nama="Sekda",
        penandatangan_jabatan="Sekretaris Daerah",
        kode_verifikasi=f"KODE{n:08d}",
    )


def usulan_buat(
    pegawai,
    *,
    tujuan_unit,
    tmt: date,
    tujuan_jabatan=None,
    dasar: str = DasarMutasi.ROTASI,
    status: str = StatusUsulan.DILAKSANAKAN,
    jenis: str = JenisMutasi.DALAM,
) -> UsulanMutasi:
    """A transfer in `status`; when carried out, the employee's post moves on the TMT."""
    posisi = pegawai.posisi_sekarang
    tujuan_jabatan = tujuan_jabatan or JabatanFactory()
    punya_sk = status in (StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN)
    diputuskan = punya_sk or status == StatusUsulan.DIPUTUSKAN
    sekarang = timezone.now()
    u = UsulanMutasi.objects.create(
        pegawai=pegawai,
        jenis=jenis,
        dasar=dasar,
        status=status,
        asal_riwayat=posisi,
        asal_unit=posisi.unit,
        asal_jabatan=posisi.jabatan,
        asal_mulai=posisi.mulai,
        tujuan_unit=None if jenis == JenisMutasi.KELUAR else tujuan_unit,
        tujuan_jabatan=None if jenis == JenisMutasi.KELUAR else tujuan_jabatan,
        instansi_eksternal="Pemerintah Kabupaten Sidoarjo" if jenis == JenisMutasi.KELUAR else "",
        alasan="Penyegaran.",
        manfaat_organisasi="Pelayanan lebih kuat.",
        manfaat_pegawai="Pengalaman baru.",
        tmt_usulan=tmt,
        tmt=tmt if punya_sk else None,
        sk=sk_buat(tmt) if punya_sk else None,
        diajukan_pada=None if status == StatusUsulan.DRAFT else sekarang,
        diputuskan_pada=sekarang if diputuskan else None,
    )
    if status == StatusUsulan.DILAKSANAKAN and jenis != JenisMutasi.KELUAR:
        u.riwayat_baru = pegawai_pindah_jabatan(
            oleh=None, pegawai=pegawai, unit=tujuan_unit, jabatan=tujuan_jabatan, tmt=tmt
        )
        u.dilaksanakan_pada = timezone.now()
        u.save(update_fields=["riwayat_baru", "dilaksanakan_pada"])
    return u


def kinerja(pegawai, tahun: int, predikat: str) -> KinerjaTahunan:
    return KinerjaTahunan.objects.create(pegawai=pegawai, tahun=tahun, predikat=predikat)


def evaluasi_final(usulan, *, bulan_ke: int, predikat: str, penilai=None) -> Evaluasi:
    """A final review with a given predikat (for report figures; the flow itself is tested apart)."""
    sekarang = timezone.now()
    ev, _ = Evaluasi.objects.update_or_create(
        usulan=usulan,
        bulan_ke=bulan_ke,
        defaults={
            "pegawai": usulan.pegawai,
            "penilai": penilai,
            "jatuh_tempo": tambah_bulan(usulan.tmt, bulan_ke),
            "status": StatusEvaluasi.FINAL,
            "hasil_kerja": "SESUAI",
            "perilaku": "SESUAI",
            "predikat": predikat,
            "dikirim_pada": sekarang,
            "final_pada": sekarang,
        },
    )
    return ev


LENGKAP = {
    "hasil_kerja": "DI_ATAS",
    "hasil_kerja_bukti": "Target layanan tercapai 110%.",
    "perilaku_berorientasi_pelayanan": "DI_ATAS",
    "perilaku_akuntabel": "SESUAI",
    "perilaku_kompeten": "DI_ATAS",
    "perilaku_harmonis": "SESUAI",
    "perilaku_loyal": "SESUAI",
    "perilaku_adaptif": "DI_ATAS",
    "perilaku_kolaboratif": "DI_ATAS",
    "perilaku": "DI_ATAS",
    "adaptasi": "BAIK",
    "adaptasi_catatan": "Cepat mengenal tim.",
    "kekuatan": "Teliti dan ramah.",
    "perbaikan": "Perlu memperdalam aplikasi SIAK.",
    "tindak_lanjut": "Pelatihan administrasi kependudukan.",
    "umpan_balik": "Terima kasih atas kerja keras Anda di unit baru.",
}
