from django.urls import path

from .views import adaptasi, katalog, penugasan, saya

app_name = "pelatihan"
urlpatterns = [
    path("", saya.saya, name="saya"),
    path("katalog/", katalog.katalog, name="katalog"),
    path("katalog/baru/", katalog.katalog_baru, name="katalog_baru"),
    path("katalog/<int:pk>/", katalog.katalog_detail, name="katalog_detail"),
    path("katalog/<int:pk>/ubah/", katalog.katalog_ubah, name="katalog_ubah"),
    path("penugasan/", penugasan.penugasan_daftar, name="penugasan"),
    path("penugasan/ekspor.xlsx", penugasan.penugasan_ekspor, name="penugasan_ekspor"),
    path("penugasan/baru/", penugasan.penugasan_baru, name="penugasan_baru"),
    path("penugasan/<int:pk>/", penugasan.penugasan_detail, name="penugasan_detail"),
    path("penugasan/<int:pk>/aksi/<slug:nama>/", penugasan.penugasan_aksi, name="penugasan_aksi"),
    path("penugasan/<int:pk>/tenggat/", penugasan.penugasan_tenggat, name="penugasan_tenggat"),
    path("penugasan/<int:pk>/bukti/", penugasan.penugasan_bukti, name="penugasan_bukti"),
    path("jp/", saya.jp, name="jp"),
    path("usulan/<int:pk>/tugaskan/", adaptasi.usulan_tugaskan, name="usulan_tugaskan"),
    path("adaptasi/", adaptasi.adaptasi_daftar_view, name="adaptasi_daftar"),
    path("adaptasi/<int:pk>/", adaptasi.adaptasi, name="adaptasi"),
    path("adaptasi/<int:pk>/pendamping/", adaptasi.adaptasi_mentor, name="adaptasi_mentor"),
    path("adaptasi/<int:pk>/kegiatan/", adaptasi.adaptasi_item_tambah, name="adaptasi_item_tambah"),
    path("adaptasi/<int:pk>/checkin/", adaptasi.adaptasi_checkin, name="adaptasi_checkin"),
    path("adaptasi/kegiatan/<int:pk>/", adaptasi.adaptasi_item_ubah, name="adaptasi_item_ubah"),
    path("adaptasi/kegiatan/<int:pk>/centang/", adaptasi.adaptasi_item_centang, name="adaptasi_item_centang"),
]
