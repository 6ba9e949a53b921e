from django.conf import settings
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
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
