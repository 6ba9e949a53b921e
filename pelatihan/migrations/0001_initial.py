"""The training models, moved from mutasi: state only, the tables (mutasi_*) stay with their data.
The content types and audit rows that named them under `mutasi` are relabelled."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODEL = ["pelatihan", "penugasanpelatihan", "pendampingan", "itemadaptasi", "checkinadaptasi"]


def _relabel(apps, dari: str, ke: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    CatatanAudit = apps.get_model("inti", "CatatanAudit")
    for model in MODEL:
        if not ContentType.objects.filter(app_label=ke, model=model).exists():
            ContentType.objects.filter(app_label=dari, model=model).update(app_label=ke)
        CatatanAudit.objects.filter(objek_tipe=f"{dari}.{model}").update(objek_tipe=f"{ke}.{model}")


def pindahkan_label(apps, schema_editor):
    _relabel(apps, "mutasi", "pelatihan")


def kembalikan_label(apps, schema_editor):
    _relabel(apps, "pelatihan", "mutasi")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("inti", "0001_initial"),
        ("mutasi", "0003_pelatihan_pindah"),
        ("pegawai", "0003_catatanaudit_ke_inti"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Pelatihan",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("nama", models.CharField(max_length=200, unique=True, verbose_name="nama pelatihan")),
                        (
                            "jenis",
                            models.CharField(
                                choices=[
                                    ("TEKNIS", "Teknis"),
                                    ("MANAJERIAL", "Manajerial"),
                                    ("SOSIAL_KULTURAL", "Sosial kultural"),
                                    ("FUNGSIONAL", "Fungsional"),
                                ],
                                max_length=20,
                                verbose_name="jenis",
                            ),
                        ),
                        (
                            "jp",
                            models.PositiveSmallIntegerField(
                                help_text="1 JP = 45 menit.",
                                validators=[django.core.validators.MinValueValidator(1)],
                                verbose_name="jam pelajaran (JP)",
                            ),
                        ),
                        ("penyelenggara", models.CharField(max_length=200, verbose_name="penyelenggara")),
                        (
                            "mode",
                            models.CharField(
                                choices=[
                                    ("KLASIKAL", "Klasikal"),
                                    ("E_LEARNING", "E-learning"),
                                    ("ON_THE_JOB", "On-the-job training"),
                                ],
                                max_length=12,
                                verbose_name="metode",
                            ),
                        ),
                        ("deskripsi", models.TextField(blank=True, verbose_name="deskripsi")),
                        (
                            "aktif",
                            models.BooleanField(
                                default=True,
                                help_text="Pelatihan tidak aktif tidak disarankan dan tidak dapat ditugaskan.",
                                verbose_name="aktif",
                            ),
                        ),
                        ("dibuat", models.DateTimeField(default=django.utils.timezone.now, verbose_name="dibuat")),
                        ("diubah", models.DateTimeField(auto_now=True, verbose_name="diubah")),
                        (
                            "kompetensi",
                            models.ManyToManyField(
                                blank=True,
                                related_name="pelatihan",
                                to="pegawai.kompetensi",
                                verbose_name="kompetensi yang dibangun",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "pelatihan",
                        "verbose_name_plural": "katalog pelatihan",
                        "db_table": "mutasi_pelatihan",
                        "ordering": ["nama"],
                    },
                ),
                migrations.CreateModel(
                    name="Pendampingan",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "ditunjuk_pada",
                            models.DateTimeField(default=django.utils.timezone.now, verbose_name="ditunjuk pada"),
                        ),
                        (
                            "ditunjuk_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "mentor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="pendampingan_mentor",
                                to="pegawai.pegawai",
                                verbose_name="pendamping",
                            ),
                        ),
                        (
                            "usulan",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="pendampingan",
                                to="mutasi.usulanmutasi",
                                verbose_name="usulan mutasi",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "pendampingan",
                        "verbose_name_plural": "pendampingan",
                        "db_table": "mutasi_pendampingan",
                        "ordering": ["-ditunjuk_pada", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="ItemAdaptasi",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("judul", models.CharField(max_length=200, verbose_name="kegiatan")),
                        ("urutan", models.PositiveSmallIntegerField(default=0, verbose_name="urutan")),
                        ("tenggat", models.DateField(verbose_name="tenggat")),
                        ("selesai_pada", models.DateTimeField(blank=True, null=True, verbose_name="selesai pada")),
                        (
                            "selesai_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "pendampingan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="item",
                                to="pelatihan.pendampingan",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "item rencana adaptasi",
                        "verbose_name_plural": "item rencana adaptasi",
                        "db_table": "mutasi_itemadaptasi",
                        "ordering": ["urutan", "tenggat", "id"],
                    },
                ),
                migrations.CreateModel(
                    name="PenugasanPelatihan",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("tenggat", models.DateField(verbose_name="tenggat")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("DITUGASKAN", "Ditugaskan"),
                                    ("BERLANGSUNG", "Sedang berlangsung"),
                                    ("SELESAI", "Selesai"),
                                    ("TIDAK_SELESAI", "Tidak selesai"),
                                    ("DIBATALKAN", "Dibatalkan"),
                                ],
                                default="DITUGASKAN",
                                max_length=14,
                                verbose_name="status",
                            ),
                        ),
                        ("tanggal_selesai", models.DateField(blank=True, null=True, verbose_name="tanggal selesai")),
                        ("jp_diperoleh", models.PositiveSmallIntegerField(default=0, verbose_name="JP diperoleh")),
                        (
                            "bukti",
                            models.FileField(
                                blank=True,
                                max_length=255,
                                upload_to="pelatihan/bukti/%Y/%m/",
                                verbose_name="sertifikat / bukti",
                            ),
                        ),
                        ("bukti_nama", models.CharField(blank=True, max_length=255, verbose_name="nama berkas bukti")),
                        ("bukti_tipe", models.CharField(blank=True, max_length=50, verbose_name="tipe berkas bukti")),
                        (
                            "bukti_diunggah_pada",
                            models.DateTimeField(blank=True, null=True, verbose_name="bukti diunggah pada"),
                        ),
                        (
                            "diverifikasi_pada",
                            models.DateTimeField(blank=True, null=True, verbose_name="diverifikasi pada"),
                        ),
                        (
                            "ditugaskan_pada",
                            models.DateTimeField(default=django.utils.timezone.now, verbose_name="ditugaskan pada"),
                        ),
                        ("catatan", models.TextField(blank=True, verbose_name="catatan")),
                        (
                            "alasan",
                            models.TextField(
                                blank=True,
                                help_text="Alasan tidak selesai, dibatalkan, atau bukti dikembalikan.",
                                verbose_name="alasan",
                            ),
                        ),
                        (
                            "diingatkan_pada",
                            models.DateField(blank=True, null=True, verbose_name="terakhir diingatkan"),
                        ),
                        (
                            "ditugaskan_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="ditugaskan oleh",
                            ),
                        ),
                        (
                            "diverifikasi_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="diverifikasi oleh",
                            ),
                        ),
                        (
                            "pegawai",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="penugasan_pelatihan",
                                to="pegawai.pegawai",
                                verbose_name="pegawai",
                            ),
                        ),
                        (
                            "pelatihan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="penugasan",
                                to="pelatihan.pelatihan",
                                verbose_name="pelatihan",
                            ),
                        ),
                        (
                            "usulan",
                            models.ForeignKey(
                                blank=True,
                                help_text="Kosong bila pelatihan ditugaskan di luar mutasi.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="penugasan_pelatihan",
                                to="mutasi.usulanmutasi",
                                verbose_name="usulan mutasi",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "penugasan pelatihan",
                        "verbose_name_plural": "penugasan pelatihan",
                        "db_table": "mutasi_penugasanpelatihan",
                        "ordering": ["tenggat", "id"],
                    },
                ),
                migrations.CreateModel(
                    name="CheckInAdaptasi",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "minggu_ke",
                            models.PositiveSmallIntegerField(choices=[(2, 2), (6, 6)], verbose_name="minggu ke"),
                        ),
                        ("isi", models.TextField(verbose_name="bagaimana adaptasi Anda berjalan")),
                        ("kesulitan", models.BooleanField(default=False, verbose_name="saya mengalami kesulitan")),
                        ("kesulitan_isi", models.TextField(blank=True, verbose_name="kesulitan yang dihadapi")),
                        ("waktu", models.DateTimeField(default=django.utils.timezone.now, verbose_name="waktu")),
                        (
                            "usulan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="checkin_adaptasi",
                                to="mutasi.usulanmutasi",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "check-in adaptasi",
                        "verbose_name_plural": "check-in adaptasi",
                        "db_table": "mutasi_checkinadaptasi",
                        "ordering": ["usulan", "minggu_ke"],
                        "constraints": [
                            models.UniqueConstraint(fields=("usulan", "minggu_ke"), name="checkin_satu_per_minggu"),
                            models.CheckConstraint(
                                condition=models.Q(("minggu_ke__in", [2, 6])), name="checkin_minggu_2_atau_6"
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("kesulitan", False),
                                    models.Q(("kesulitan_isi", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="checkin_kesulitan_diuraikan",
                            ),
                        ],
                    },
                ),
                migrations.AddConstraint(
                    model_name="pelatihan",
                    constraint=models.CheckConstraint(condition=models.Q(("jp__gte", 1)), name="pelatihan_jp_positif"),
                ),
                migrations.AddConstraint(
                    model_name="itemadaptasi",
                    constraint=models.UniqueConstraint(
                        fields=("pendampingan", "judul"), name="adaptasi_item_judul_unik"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="itemadaptasi",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("selesai_pada__isnull", False), ("selesai_oleh__isnull", True), _connector="OR"
                        ),
                        name="adaptasi_item_pencentang_hanya_bila_selesai",
                    ),
                ),
                migrations.AddIndex(
                    model_name="penugasanpelatihan",
                    index=models.Index(fields=["status", "tenggat"], name="penugasan_status_tenggat_idx"),
                ),
                migrations.AddIndex(
                    model_name="penugasanpelatihan",
                    index=models.Index(fields=["pegawai", "status"], name="penugasan_pegawai_status_idx"),
                ),
                migrations.AddConstraint(
                    model_name="penugasanpelatihan",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("status__in", ("DITUGASKAN", "BERLANGSUNG"))),
                        fields=("pegawai", "pelatihan"),
                        name="penugasan_satu_aktif_per_pelatihan",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="penugasanpelatihan",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("status", "SELESAI"), _negated=True),
                            models.Q(("diverifikasi_pada__isnull", False), ("tanggal_selesai__isnull", False)),
                            _connector="OR",
                        ),
                        name="penugasan_selesai_bertanggal_terverifikasi",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="penugasanpelatihan",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("status", "SELESAI"), ("jp_diperoleh", 0), _connector="OR"),
                        name="penugasan_jp_hanya_bila_selesai",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="penugasanpelatihan",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("status__in", ["TIDAK_SELESAI", "DIBATALKAN"]), _negated=True),
                            models.Q(("alasan", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="penugasan_gagal_beralasan",
                    ),
                ),
            ],
        ),
        migrations.RunPython(pindahkan_label, kembalikan_label),
    ]
