"""Django admin for the reference data (units, positions, competences, retirement ages, workload)
and read-mostly views of people records. Employee records change through the app's pages, whose
services keep the position history and the audit trail consistent; here they are for looking up."""

from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inti.admin import HanyaBaca
from inti.audit import audit_catat
from inti.models import CatatanAudit

from .models import (
    BatasUsiaPensiun,
    HukumanDisiplin,
    Jabatan,
    KinerjaTahunan,
    Kompetensi,
    Pegawai,
    RiwayatGolongan,
    RiwayatImpor,
    RiwayatJabatan,
    RiwayatPendidikan,
    TugasJabatan,
    UnitKerja,
    User,
)
from .services.pangkat import profil_sinkron


class AuditAdminMixin:
    """Reference-data edits made here land in the same audit trail as the app's own."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and not form.changed_data:
            return
        audit_catat(
            oleh=request.user,
            aksi=f"admin.{'ubah' if change else 'buat'}",
            objek=obj,
            ringkasan=f"{obj._meta.verbose_name} {obj} {'diubah' if change else 'dibuat'} lewat admin",
            perubahan={"kolom": form.changed_data} if change else {},
        )

    def delete_model(self, request, obj):
        audit_catat(
            oleh=request.user,
            aksi="admin.hapus",
            objek=obj,
            ringkasan=f"{obj._meta.verbose_name} {obj} dihapus lewat admin",
        )
        super().delete_model(request, obj)


# --- Organisation and positions ---------------------------------------------------------


@admin.register(UnitKerja)
class UnitKerjaAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ["kode", "nama", "jenis", "induk", "kepala", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama"]
    list_select_related = ["induk", "kepala"]
    autocomplete_fields = ["induk", "kepala"]
    fields = ["kode", "nama", "jenis", "induk", "kepala", "alamat", "aktif"]

    def view_on_site(self, obj):
        return reverse("pegawai:unit_detail", args=[obj.pk])


@admin.register(Kompetensi)
class KompetensiAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ["nama", "jenis"]
    list_filter = ["jenis"]
    search_fields = ["nama", "deskripsi"]


@admin.register(Jabatan)
class JabatanAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ["nama", "jenis", "jenjang", "kelas", "kepala_unit"]
    list_filter = ["jenis", "jenjang", "kepala_unit", "kelas"]
    search_fields = ["nama"]
    filter_horizontal = ["kompetensi", "setara"]
    fieldsets = [
        (None, {"fields": ["nama", "jenis", "jenjang", "kelas", "kepala_unit", "deskripsi"]}),
        (_("Persyaratan dan kesetaraan"), {"fields": ["kompetensi", "setara"]}),
    ]


@admin.register(BatasUsiaPensiun)
class BatasUsiaPensiunAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ["jenis", "jenjang", "usia"]
    list_editable = ["usia"]
    list_filter = ["jenis"]
    list_display_links = ["jenis"]


@admin.register(TugasJabatan)
class TugasJabatanAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ["uraian", "unit", "jabatan", "volume", "satuan_hasil", "norma_waktu"]
    list_filter = ["jabatan__jenis"]
    search_fields = ["uraian", "unit__nama", "jabatan__nama"]
    list_select_related = ["unit", "jabatan"]
    autocomplete_fields = ["unit", "jabatan"]


# --- People (read-mostly) -----------------------------------------------------------------


class RiwayatJabatanInline(admin.TabularInline):
    model = RiwayatJabatan
    fields = ["jabatan", "unit", "mulai", "sampai", "nomor_sk", "tanggal_sk", "keterangan"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-mulai"]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Pegawai)
class PegawaiAdmin(admin.ModelAdmin):
    """Look-up only: create, edit, move and deactivate on the employee pages, which keep the
    history and the audit trail."""

    list_display = ["nip", "nama", "status", "golongan", "aktif", "akun"]
    list_filter = ["status", "aktif", "golongan", "jenis_kelamin"]
    search_fields = ["nip", "nama"]
    list_select_related = ["akun"]
    readonly_fields = [
        *Pegawai.FIELD_PROFIL,
        "aktif",
        "alasan_nonaktif",
        "akun",
        "dibuat",
        "diubah",
    ]
    fields = readonly_fields
    inlines = [RiwayatJabatanInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def view_on_site(self, obj):
        return reverse("pegawai:detail", args=[obj.pk])


@admin.register(RiwayatJabatan)
class RiwayatJabatanAdmin(AuditAdminMixin, admin.ModelAdmin):
    """Corrections of a history row (a decree number, a date). Moves go through `Pindah jabatan`."""

    list_display = ["pegawai", "jabatan", "unit", "mulai", "sampai", "nomor_sk"]
    list_filter = [("sampai", admin.EmptyFieldListFilter), "jabatan__jenis"]
    search_fields = ["pegawai__nip", "pegawai__nama", "nomor_sk"]
    list_select_related = ["pegawai", "jabatan", "unit"]
    autocomplete_fields = ["unit", "jabatan"]
    readonly_fields = ["pegawai"]
    date_hierarchy = "mulai"

    def has_add_permission(self, request):
        return False


class SinkronProfilMixin(AuditAdminMixin):
    """A history row changed here carries through to the profile's golongan / pendidikan, as the
    services do (same request transaction, audited)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        profil_sinkron(oleh=request.user, pegawai_ids=[obj.pegawai_id], lewat="admin")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        profil_sinkron(oleh=request.user, pegawai_ids=[obj.pegawai_id], lewat="admin")


@admin.register(RiwayatGolongan)
class RiwayatGolonganAdmin(SinkronProfilMixin, admin.ModelAdmin):
    list_display = ["pegawai", "golongan", "tmt", "nomor_sk", "tanggal_sk", "jenis_kenaikan", "sumber"]
    list_filter = ["golongan", "jenis_kenaikan", "sumber"]
    search_fields = ["pegawai__nip", "pegawai__nama", "nomor_sk"]
    list_select_related = ["pegawai"]
    autocomplete_fields = ["pegawai"]
    date_hierarchy = "tmt"


@admin.register(RiwayatPendidikan)
class RiwayatPendidikanAdmin(SinkronProfilMixin, admin.ModelAdmin):
    list_display = ["pegawai", "tingkat", "jurusan", "institusi", "tahun_lulus", "nomor_ijazah", "sumber"]
    list_filter = ["tingkat", "sumber"]
    search_fields = ["pegawai__nip", "pegawai__nama", "jurusan", "institusi", "nomor_ijazah"]
    list_select_related = ["pegawai"]
    autocomplete_fields = ["pegawai"]


@admin.register(HukumanDisiplin)
class HukumanDisiplinAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ["pegawai", "tingkat", "jenis", "mulai", "selesai", "nomor_sk"]
    list_filter = ["tingkat"]
    search_fields = ["pegawai__nip", "pegawai__nama", "jenis", "nomor_sk"]
    list_select_related = ["pegawai"]
    autocomplete_fields = ["pegawai"]


@admin.register(KinerjaTahunan)
class KinerjaTahunanAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ["pegawai", "tahun", "predikat"]
    list_filter = ["tahun", "predikat"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    list_select_related = ["pegawai"]
    autocomplete_fields = ["pegawai"]


# --- Imports and audit (read-only) -----------------------------------------------------------


@admin.register(RiwayatImpor)
class RiwayatImporAdmin(HanyaBaca, admin.ModelAdmin):
    list_display = ["waktu", "jenis", "nama_file", "oleh", "jumlah_baris", "dibuat", "diubah", "berhasil"]
    list_filter = ["jenis", "berhasil"]
    search_fields = ["nama_file"]
    list_select_related = ["oleh"]
    date_hierarchy = "waktu"


@admin.register(CatatanAudit)
class CatatanAuditAdmin(HanyaBaca, admin.ModelAdmin):
    list_display = ["waktu", "oleh", "aksi", "objek_tipe", "objek_id", "ringkasan"]
    list_filter = ["aksi", "objek_tipe"]
    search_fields = ["ringkasan", "objek_id", "oleh__nip"]
    list_select_related = ["oleh"]
    date_hierarchy = "waktu"


# --- Accounts ---------------------------------------------------------------------------------


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta(auth_forms.AdminUserCreationForm.Meta):
        model = User
        fields = ["nip", "email", "peran"]
        field_classes = {}


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta(auth_forms.UserChangeForm.Meta):
        model = User
        fields = "__all__"
        field_classes = {}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Django's user admin with the NIP as the username and the role (peran) beside it."""

    form = UserChangeForm
    add_form = UserCreationForm
    fieldsets = [
        (None, {"fields": ["nip", "password"]}),
        (_("Data akun"), {"fields": ["email", "peran"]}),
        (_("Hak akses"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Tanggal penting"), {"fields": ["last_login", "date_joined", "diaktifkan"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["nip", "email", "peran", "usable_password", "password1", "password2"],
            },
        ),
    ]
    list_display = ["nip", "nama_pegawai", "email", "peran", "is_active", "is_staff", "last_login"]
    list_filter = ["peran", "is_active", "is_staff", "is_superuser"]
    search_fields = ["nip", "email", "pegawai__nama"]
    ordering = ["nip"]
    list_select_related = ["pegawai"]
    readonly_fields = ["last_login", "date_joined", "diaktifkan"]

    @admin.display(description=_("nama pegawai"), ordering="pegawai__nama")
    def nama_pegawai(self, obj):
        pegawai = getattr(obj, "pegawai", None)
        return pegawai.nama_lengkap if pegawai else "—"
