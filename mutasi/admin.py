from django.contrib import admin

from inti.admin import RiwayatStatusInline

from .models import (
    BatchUsulan,
    DasarHukum,
    Keberatan,
    MasaTenang,
    NomorUrutSK,
    PejabatPenandatangan,
    PermohonanMutasi,
    RiwayatStatusKeberatan,
    RiwayatStatusSK,
    RiwayatStatusUsulan,
    SuratKeputusan,
    SuratPemberitahuan,
    TembusanSK,
    UsulanMutasi,
)


@admin.register(MasaTenang)
class MasaTenangAdmin(admin.ModelAdmin):
    list_display = ["keterangan", "mulai", "selesai"]
    date_hierarchy = "mulai"


class RiwayatInline(RiwayatStatusInline):
    model = RiwayatStatusUsulan


class RiwayatKeberatanInline(RiwayatInline):
    model = RiwayatStatusKeberatan


class RiwayatSKInline(RiwayatInline):
    model = RiwayatStatusSK


class HanyaBaca(admin.ModelAdmin):
    """Read only: these records change through the application so every step is checked and audited."""

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(UsulanMutasi)
class UsulanMutasiAdmin(HanyaBaca):
    list_display = ["nomor", "pegawai", "jenis", "status", "tujuan_unit", "tmt_usulan", "sk"]
    list_filter = ["status", "jenis", "dasar"]
    search_fields = ["pegawai__nama", "pegawai__nip"]
    raw_id_fields = ["pegawai", "asal_riwayat", "riwayat_baru", "batch", "sk"]
    inlines = [RiwayatInline]


@admin.register(SuratKeputusan)
class SuratKeputusanAdmin(HanyaBaca):
    list_display = ["__str__", "jenis", "status", "tanggal", "tmt", "penandatangan_nama", "kode_verifikasi"]
    list_filter = ["status", "jenis"]
    search_fields = ["nomor", "kode_verifikasi", "tentang"]
    inlines = [RiwayatSKInline]


@admin.register(SuratPemberitahuan)
class SuratPemberitahuanAdmin(HanyaBaca):
    list_display = ["nomor", "tanggal", "usulan", "sk", "diserahkan_pada"]
    search_fields = ["nomor", "kode_verifikasi", "usulan__pegawai__nama", "usulan__pegawai__nip"]


@admin.register(DasarHukum)
class DasarHukumAdmin(admin.ModelAdmin):
    """The decree's "Mengingat", kept by HR: order, kind of transfer and status it applies to."""

    list_display = ["urutan", "teks", "jenis_mutasi", "status_asn", "aktif"]
    fields = ["teks", "urutan", "aktif", "jenis_mutasi", "status_asn"]
    list_display_links = ["teks"]
    list_editable = ["urutan", "aktif"]
    list_filter = ["aktif", "jenis_mutasi", "status_asn"]


@admin.register(TembusanSK)
class TembusanSKAdmin(admin.ModelAdmin):
    """The decree's copies ("Tembusan Yth."); {opd_asal}, {opd_tujuan}, {instansi_lain} filled per decree."""

    list_display = ["urutan", "teks", "jenis_mutasi", "aktif"]
    fields = ["teks", "urutan", "aktif", "jenis_mutasi"]
    list_display_links = ["teks"]
    list_editable = ["urutan", "aktif"]
    list_filter = ["aktif", "jenis_mutasi"]


@admin.register(PejabatPenandatangan)
class PejabatPenandatanganAdmin(admin.ModelAdmin):
    """How a PPK account signs decrees (position, a.n., Plh./Plt.); name and NIP come from the account."""

    list_display = ["akun", "jabatan_ttd", "atas_nama", "plh"]
    raw_id_fields = ["akun"]


@admin.register(Keberatan)
class KeberatanAdmin(HanyaBaca):
    list_display = ["usulan", "diajukan_pada", "status", "keputusan", "dijawab_pada"]
    list_filter = ["status", "keputusan"]
    raw_id_fields = ["usulan"]
    inlines = [RiwayatKeberatanInline]


@admin.register(NomorUrutSK)
class NomorUrutSKAdmin(admin.ModelAdmin):
    list_display = ["jenis", "tahun", "terakhir"]
    readonly_fields = ["jenis", "tahun", "terakhir"]

    def has_add_permission(self, request):
        return False


admin.site.register(BatchUsulan, list_display=["nama", "dasar", "tmt_usulan", "dibuat"])
admin.site.register(PermohonanMutasi, list_display=["pegawai", "jenis", "status", "dibuat"], raw_id_fields=["pegawai"])
