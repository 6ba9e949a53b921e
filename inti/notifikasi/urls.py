from django.urls import path

from . import views

app_name = "notifikasi"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:pk>/buka/", views.buka, name="buka"),
    path("tandai-semua/", views.tandai_semua, name="tandai_semua"),
    path("pengaturan/", views.preferensi, name="preferensi"),
    path("whatsapp/webhook/", views.wa_webhook, name="wa_webhook"),
]
