"""inti.CatatanAudit takes over the table `pegawai_catatanaudit` (state only: no data moves)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("pegawai", "0003_catatanaudit_ke_inti"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="CatatanAudit",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "waktu",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now, verbose_name="waktu"
                            ),
                        ),
                        ("aksi", models.CharField(max_length=60, verbose_name="aksi")),
                        ("objek_tipe", models.CharField(max_length=60, verbose_name="jenis objek")),
                        ("objek_id", models.CharField(max_length=40, verbose_name="id objek")),
                        ("ringkasan", models.CharField(max_length=500, verbose_name="ringkasan")),
                        ("perubahan", models.JSONField(blank=True, default=dict, verbose_name="perubahan")),
                        (
                            "oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "catatan audit",
                        "verbose_name_plural": "catatan audit",
                        "db_table": "pegawai_catatanaudit",
                        "ordering": ["-waktu", "-id"],
                        "indexes": [models.Index(fields=["objek_tipe", "objek_id"], name="audit_objek_idx")],
                    },
                )
            ],
        )
    ]
