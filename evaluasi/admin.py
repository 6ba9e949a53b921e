from django.contrib import admin

from inti.admin import HanyaBaca, RiwayatStatusInline

from .models import Evaluasi, RiwayatStatusEvaluasi


class RiwayatInline(RiwayatStatusInline):
    model = RiwayatStatusEvaluasi

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Evaluasi)
class EvaluasiAdmin(HanyaBaca, admin.ModelAdmin):
    """Read-only: reviews change only through their workflow (evaluasi.services.alur)."""

    list_display = ("pegawai", "bulan_ke", "jatuh_tempo", "status", "penilai", "predikat")
    list_filter = ("status", "bulan_ke", "predikat")
    search_fields = ("pegawai__nama", "pegawai__nip", "penilai__nama")
    raw_id_fields = ("usulan", "pegawai", "penilai")
    date_hierarchy = "jatuh_tempo"
    inlines = [RiwayatInline]
