from django.contrib import admin
from django.urls import include, path

from pegawai.views.beranda import beranda

admin.site.site_header = "SIMUTASI - Administrasi"
admin.site.site_title = "SIMUTASI"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("akun/", include("pegawai.urls_akun")),
    path("", beranda, name="beranda"),
    path("pegawai/", include("pegawai.urls")),
    path("impor/", include("pegawai.urls_impor")),
    path("abk/", include("pegawai.urls_abk")),
    path("mutasi/", include("mutasi.urls")),
    path("pelatihan/", include("pelatihan.urls")),
    path("evaluasi/", include("evaluasi.urls")),
    path("notifikasi/", include("inti.notifikasi.urls")),
]
# Uploaded files (attachments, certificates, signed decrees) are never served from MEDIA_URL, not even
# with DEBUG on: each is downloaded through its own view, which checks who may see it.
