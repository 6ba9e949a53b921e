from django.urls import path, re_path

from .views import impor as views

app_name = "impor"
urlpatterns = [
    path("", views.index, name="index"),
    path("pratinjau/<str:token>/", views.pratinjau, name="pratinjau"),
    path("pratinjau/<str:token>/konfirmasi/", views.konfirmasi, name="konfirmasi"),
    path("pratinjau/<str:token>/batal/", views.batal, name="batal"),
    path("pratinjau/<str:token>/longgarkan/", views.longgarkan, name="longgarkan"),
    path("pratinjau/<str:token>/kesalahan.csv", views.galat_csv, name="galat_csv"),
    path("templat/<slug:jenis>.xlsx", views.templat, name="templat"),
    path("tugas/<int:pk>/", views.tugas, name="tugas"),
    path("tugas/<int:pk>/status.json", views.tugas_status, name="tugas_status"),
    path("riwayat/", views.riwayat_daftar, name="riwayat"),
    path("riwayat/<int:pk>/", views.riwayat_detail, name="riwayat_detail"),
    re_path(r"^ekspor/pegawai\.(?P<format>csv|xlsx)$", views.ekspor_pegawai, name="ekspor_pegawai"),
]
