from django.urls import path

from . import views

app_name = "evaluasi"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("saya/", views.saya, name="saya"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/isi/", views.isi, name="isi"),
    path("<int:pk>/tanggapan/", views.tanggapi, name="tanggapi"),
    path("<int:pk>/tutup/", views.tutup, name="tutup"),
    path("<int:pk>/penilai/", views.penilai, name="penilai"),
    path("laporan/", views.laporan, name="laporan"),
    path("laporan/cetak/", views.laporan_cetak, name="laporan_cetak"),
    path("laporan/ekspor.xlsx", views.laporan_ekspor, name="laporan_ekspor"),
    path("kinerja/", views.kinerja, name="kinerja"),
]
