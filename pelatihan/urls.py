from django.urls import path

from . import views

app_name = "pelatihan"
urlpatterns = [
    path("", views.saya, name="saya"),
    path("katalog/", views.katalog, name="katalog"),
    path("katalog/baru/", views.katalog_baru, name="katalog_baru"),
    path("katalog/<int:pk>/", views.katalog_detail, name="katalog_detail"),
    path("katalog/<int:pk>/ubah/", views.katalog_ubah, name="katalog_ubah"),
    path("penugasan/", views.penugasan_daftar, name="penugasan"),
    path("penugasan/ekspor.xlsx", views.penugasan_ekspor, name="penugasan_ekspor"),
    path("penugasan/baru/", views.penugasan_baru, name="penugasan_baru"),
    path("penugasan/<int:pk>/", views.penugasan_detail, name="penugasan_detail"),
    path("penugasan/<int:pk>/aksi/<slug:nama>/", views.penugasan_aksi, name="penugasan_aksi"),
    path("penugasan/<int:pk>/tenggat/", views.penugasan_tenggat, name="penugasan_tenggat"),
    path("penugasan/<int:pk>/bukti/", views.penugasan_bukti, name="penugasan_bukti"),
    path("jp/", views.jp, name="jp"),
    path("usulan/<int:pk>/tugaskan/", views.usulan_tugaskan, name="usulan_tugaskan"),
    path("adaptasi/", views.adaptasi_daftar_view, name="adaptasi_daftar"),
    path("adaptasi/<int:pk>/", views.adaptasi, name="adaptasi"),
    path("adaptasi/<int:pk>/pendamping/", views.adaptasi_mentor, name="adaptasi_mentor"),
    path("adaptasi/<int:pk>/kegiatan/", views.adaptasi_item_tambah, name="adaptasi_item_tambah"),
    path("adaptasi/<int:pk>/checkin/", views.adaptasi_checkin, name="adaptasi_checkin"),
    path("adaptasi/kegiatan/<int:pk>/", views.adaptasi_item_ubah, name="adaptasi_item_ubah"),
    path("adaptasi/kegiatan/<int:pk>/centang/", views.adaptasi_item_centang, name="adaptasi_item_centang"),
]
