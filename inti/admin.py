"""Read-only admin pages of the shared layer: the WhatsApp message log (status from the webhook)."""

from django.contrib import admin

from .notifikasi.models import PesanWhatsApp


@admin.register(PesanWhatsApp)
class PesanWhatsAppAdmin(admin.ModelAdmin):
    list_display = ["dibuat", "nomor", "templat", "status", "percobaan", "wamid", "galat"]
    list_filter = ["status", "templat"]
    search_fields = ["nomor", "wamid"]
    date_hierarchy = "dibuat"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
