from django.urls import path

from .views import jejak, kinerja, kontrak, laporan, organisasi, pegawai, unit

app_name = "pegawai"
urlpatterns = [
    path("", pegawai.daftar, name="daftar"),
    path("baru/", pegawai.buat, name="buat"),
    path("saya/", pegawai.profil_saya, name="profil_saya"),
    path("laporan.xlsx", laporan.pegawai_laporan, name="laporan_xlsx"),
    path("duk/", laporan.duk_halaman, name="duk"),
    path("duk.xlsx", laporan.duk_xlsx, name="duk_xlsx"),
    path("duk.pdf", laporan.duk_pdf, name="duk_pdf"),
    path("<int:pk>/", pegawai.detail, name="detail"),
    path("<int:pk>/ubah/", pegawai.ubah, name="ubah"),
    path("<int:pk>/pindah-jabatan/", pegawai.pindah_jabatan, name="pindah_jabatan"),
    path(
        "<int:pk>/pindah-terjadwal/<int:pindah_pk>/batal/",
        pegawai.pindah_terjadwal_batal,
        name="pindah_terjadwal_batal",
    ),
    path("<int:pk>/nonaktifkan/", pegawai.nonaktifkan, name="nonaktifkan"),
    path("<int:pk>/hukuman/baru/", pegawai.hukuman_baru, name="hukuman_baru"),
    path("<int:pk>/kinerja/baru/", kinerja.kinerja_baru, name="kinerja_baru"),
    path("kontrak-pppk/", kontrak.kontrak_pantau, name="kontrak_pantau"),
    path("<int:pk>/kontrak/baru/", kontrak.kontrak_baru, name="kontrak_baru"),
    path("<int:pk>/kontrak/<int:kontrak_pk>/perpanjang/", kontrak.kontrak_perpanjang_view, name="kontrak_perpanjang"),
    path("unit/", unit.unit_daftar, name="unit_daftar"),
    path("unit/<int:pk>/", unit.unit_detail, name="unit_detail"),
    path("unit/baru/", organisasi.unit_baru, name="unit_baru"),
    path("unit/<int:pk>/ubah/", organisasi.unit_ubah_view, name="unit_ubah"),
    path("unit/<int:pk>/tutup/", organisasi.unit_tutup_view, name="unit_tutup"),
    path("unit/<int:pk>/formasi/", organisasi.formasi_simpan, name="formasi_simpan"),
    path("riwayat-perubahan/", jejak.jejak_daftar, name="jejak"),
    path("jabatan/", organisasi.jabatan_daftar, name="jabatan_daftar"),
    path("jabatan/baru/", organisasi.jabatan_baru, name="jabatan_baru"),
    path("jabatan/<int:pk>/ubah/", organisasi.jabatan_ubah_view, name="jabatan_ubah"),
    path("jabatan/<int:pk>/tutup/", organisasi.jabatan_tutup_view, name="jabatan_tutup"),
]
