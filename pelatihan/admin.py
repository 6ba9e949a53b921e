"""Admin of the training topic. The catalogue is reference data; assignments and plans are
read-mostly here, because their rules (evidence, verification, competences) run in the services."""

from django.contrib import admin

from inti.admin import RiwayatStatusInline

from .models import CheckInAdaptasi, ItemAdaptasi, Pelatihan, Pendampingan, PenugasanPelatihan, RiwayatStatusPenugasan


@admin.register(Pelatihan)
class PelatihanAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "jp", "mode", "penyelenggara", "aktif"]
    list_filter = ["jenis", "mode", "aktif"]
    search_fields = ["nama", "penyelenggara"]
    filter_horizontal = ["kompetensi"]


class RiwayatStatusPenugasanInline(RiwayatStatusInline):
    model = RiwayatStatusPenugasan
    fields = readonly_fields = ["waktu", "aksi", "dari", "ke", "oleh", "sebagai", "catatan"]


@admin.register(PenugasanPelatihan)
class PenugasanPelatihanAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "pelatihan", "status", "tenggat", "tanggal_selesai", "jp_diperoleh"]
    list_filter = ["status", "pelatihan__jenis"]
    search_fields = ["pegawai__nama", "pegawai__nip", "pelatihan__nama"]
    raw_id_fields = ["pegawai", "usulan"]
    date_hierarchy = "tenggat"
    inlines = [RiwayatStatusPenugasanInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]


class ItemAdaptasiInline(admin.TabularInline):
    model = ItemAdaptasi
    extra = 0
    readonly_fields = ["selesai_pada", "selesai_oleh"]


@admin.register(Pendampingan)
class PendampinganAdmin(admin.ModelAdmin):
    list_display = ["usulan", "mentor", "ditunjuk_pada"]
    search_fields = ["mentor__nama", "usulan__pegawai__nama"]
    raw_id_fields = ["usulan", "mentor"]
    readonly_fields = ["ditunjuk_oleh", "ditunjuk_pada"]
    inlines = [ItemAdaptasiInline]


@admin.register(CheckInAdaptasi)
class CheckInAdaptasiAdmin(admin.ModelAdmin):
    list_display = ["usulan", "minggu_ke", "kesulitan", "waktu"]
    list_filter = ["minggu_ke", "kesulitan"]
    raw_id_fields = ["usulan"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]
