"""Plain words for the audit actions pegawai writes, registered in `PegawaiConfig.ready()`
(the employee page's audit trail shows these instead of the codes)."""

from django.utils.translation import gettext_lazy as _

from inti.audit import label_daftarkan

LABEL = {
    "pegawai.buat": _("Pegawai ditambahkan"),
    "pegawai.ubah": _("Data pegawai diubah"),
    "pegawai.ekspor": _("Data pegawai diekspor"),
    "pegawai.nonaktif": _("Pegawai dinonaktifkan"),
    "pegawai.pindah_jabatan": _("Jabatan berpindah"),
    "pegawai.pindah_dijadwalkan": _("Pindah jabatan dijadwalkan"),
    "pegawai.pindah_terjadwal.batalkan": _("Pindah jabatan terjadwal dibatalkan"),
    "pegawai.pindah_terjadwal.terapkan": _("Pindah jabatan terjadwal diterapkan"),
    "pegawai.hukuman_tambah": _("Hukuman disiplin dicatat"),
    "pegawai.golongan_tambah": _("Riwayat golongan dicatat"),
    "pegawai.pendidikan_tambah": _("Riwayat pendidikan dicatat"),
    "pegawai.profil_sinkron": _("Golongan/pendidikan terakhir disesuaikan dengan riwayat"),
    "riwayat_golongan.impor_buat": _("Riwayat golongan ditambahkan lewat impor"),
    "riwayat_golongan.impor_ubah": _("Riwayat golongan diubah lewat impor"),
    "riwayat_pendidikan.impor_buat": _("Riwayat pendidikan ditambahkan lewat impor"),
    "riwayat_pendidikan.impor_ubah": _("Riwayat pendidikan diubah lewat impor"),
    "pegawai.kinerja_catat": _("Predikat kinerja dicatat"),
    "pegawai.kinerja_ganti": _("Predikat kinerja diganti"),
    "pegawai.kompetensi_tambah": _("Kompetensi ditambahkan"),
    "pegawai.impor_buat": _("Pegawai ditambahkan lewat impor"),
    "pegawai.impor_ubah": _("Data pegawai diubah lewat impor"),
    "pegawai.kontrak_catat": _("Kontrak PPPK dicatat"),
    "pegawai.kontrak_perpanjang": _("Kontrak PPPK diperpanjang"),
    "pegawai.siasn_ambil": _("Data diambil dari SIASN"),
    "pegawai.siasn_kiriman.terkirim": _("Terkirim ke SIASN"),
    "pegawai.siasn_kiriman.gagal": _("Ditolak SIASN"),
    "pegawai.siasn_kiriman.kirim_ulang": _("Kiriman SIASN dikirim ulang"),
    "pegawai.pengganti_catat": _("Pejabat pengganti (Plh./Plt.) ditunjuk"),
    "pegawai.pengganti_batal": _("Penunjukan pejabat pengganti dibatalkan"),
    "organisasi.unit_buat": _("Unit kerja dibuat"),
    "organisasi.unit_ubah": _("Unit kerja diubah"),
    "organisasi.unit_pindah": _("Unit kerja dipindah dalam struktur"),
    "organisasi.unit_tutup": _("Unit kerja ditutup"),
    "organisasi.jabatan_buat": _("Jabatan dibuat"),
    "organisasi.jabatan_ubah": _("Jabatan diubah"),
    "organisasi.jabatan_tutup": _("Jabatan ditutup"),
    "organisasi.formasi_ubah": _("Formasi diubah"),
    "abk.tugas_buat": _("Uraian tugas ditambahkan"),
    "abk.tugas_ubah": _("Uraian tugas diubah"),
    "abk.tugas_hapus": _("Uraian tugas dihapus"),
    "abk.tugas_salin": _("Uraian tugas disalin"),
    "akun.buat": _("Akun dibuat"),
    "akun.aktifkan": _("Akun diaktifkan"),
    "akun.nonaktifkan": _("Akun dinonaktifkan"),
    "akun.buka_kunci": _("Kunci akun dibuka"),
    "akun.masuk": _("Masuk"),
    "akun.keluar": _("Keluar"),
    "akun.masuk_gagal": _("Gagal masuk"),
    "akun.reset_sandi": _("Kata sandi direset"),
    "akun.ubah_sandi": _("Kata sandi diubah"),
    "akun.ubah_peran": _("Peran akun diubah"),
    "akun.undang_ulang": _("Undangan akun dikirim ulang"),
    "impor.pegawai": _("Impor data pegawai"),
    "admin.buat": _("Dibuat lewat halaman admin"),
    "admin.ubah": _("Diubah lewat halaman admin"),
    "admin.hapus": _("Dihapus lewat halaman admin"),
}


def daftarkan() -> None:
    label_daftarkan(LABEL)
