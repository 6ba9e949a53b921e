"""Read-only admin pages of the shared layer: the WhatsApp message log and background work's progress
(each with its status history), and the field-level trail (django-auditlog's LogEntry).

auditlog's own admin already refuses add and change; it allows delete when another admin's delete
cascades. Here nothing is ever deleted or changed through the admin: the trail is append-only."""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin

from .models import ProgresTugas, RiwayatStatusPesanWa, RiwayatStatusTugas
from .notifikasi.models import PesanWhatsApp


class HanyaBaca:
    """Nothing added, changed or deleted through the admin."""

    actions = None

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RiwayatStatusInline(admin.TabularInline):
    """A workflow's history rows (`inti.models.RiwayatStatus` tables), read only: the workflow writes them.
    Subclasses name the `model`."""

    extra = 0
    can_delete = False
    readonly_fields = ["aksi", "dari", "ke", "oleh", "sebagai", "catatan", "waktu"]

    def has_add_permission(self, request, obj=None):
        return False


def riwayat_inline(model: type) -> type[RiwayatStatusInline]:
    """The read-only inline of one workflow's history table."""
    return type(f"{model.__name__}Inline", (RiwayatStatusInline,), {"model": model})


@admin.register(PesanWhatsApp)
class PesanWhatsAppAdmin(HanyaBaca, admin.ModelAdmin):
    inlines = [riwayat_inline(RiwayatStatusPesanWa)]
    list_display = ["dibuat", "nomor", "templat", "status", "percobaan", "wamid", "galat"]
    list_filter = ["status", "templat"]
    search_fields = ["nomor", "wamid"]
    date_hierarchy = "dibuat"


@admin.register(ProgresTugas)
class ProgresTugasAdmin(HanyaBaca, admin.ModelAdmin):
    inlines = [riwayat_inline(RiwayatStatusTugas)]
    list_display = ["dibuat", "jenis", "status", "selesai", "total", "percobaan", "dibuat_oleh"]
    list_filter = ["status", "jenis"]
    date_hierarchy = "dibuat"


class LogEntryHanyaBaca(HanyaBaca, LogEntryAdmin):
    pass


if admin.site.is_registered(LogEntry):
    admin.site.unregister(LogEntry)
admin.site.register(LogEntry, LogEntryHanyaBaca)
