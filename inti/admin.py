"""The Django admin's view of the field-level trail (django-auditlog's LogEntry): read only.

auditlog's own admin already refuses add and change; it allows delete when another admin's delete
cascades. Here nothing is ever deleted or changed through the admin: the trail is append-only."""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin


class LogEntryHanyaBaca(LogEntryAdmin):
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


if admin.site.is_registered(LogEntry):
    admin.site.unregister(LogEntry)
admin.site.register(LogEntry, LogEntryHanyaBaca)
