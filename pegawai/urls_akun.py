"""Accounts, mounted at /akun/. Names are global (no namespace) because Django's auth settings
and templates refer to `login`, `logout`, `password_change`, `password_reset*`."""

from django.urls import path

from .views import akun as v
from .views.kunci import akun_buka_kunci_view

urlpatterns = [
    path("masuk/", v.masuk, name="login"),
    path("keluar/", v.keluar, name="logout"),
    path("sandi/ubah/", v.sandi_ubah, name="password_change"),
    path("sandi/lupa/", v.sandi_lupa, name="password_reset"),
    path("sandi/lupa/terkirim/", v.sandi_lupa_terkirim, name="password_reset_done"),
    path("sandi/atur/<uidb64>/<token>/", v.sandi_reset, name="password_reset_confirm"),
    path("aktivasi/<uidb64>/<token>/", v.aktivasi, name="akun_aktivasi"),
    # HR: employees' accounts
    path("pegawai/", v.akun_pegawai, name="akun_pegawai"),
    path("pegawai/undang/", v.akun_undang_massal, name="akun_undang_massal"),
    path("pegawai/<int:pk>/", v.akun_pegawai_detail, name="akun_pegawai_detail"),
    path("pegawai/<int:pk>/buat/", v.akun_buat_view, name="akun_buat"),
    path("pegawai/<int:pk>/undang-ulang/", v.akun_undang_ulang_view, name="akun_undang_ulang"),
    path("pegawai/<int:pk>/nonaktifkan/", v.akun_nonaktifkan_view, name="akun_nonaktifkan"),
    path("pegawai/<int:pk>/aktifkan/", v.akun_aktifkan_view, name="akun_aktifkan"),
    path("pegawai/<int:pk>/peran/", v.akun_ubah_peran_view, name="akun_ubah_peran"),
    path("pegawai/<int:pk>/buka-kunci/", akun_buka_kunci_view, name="akun_buka_kunci"),
]
