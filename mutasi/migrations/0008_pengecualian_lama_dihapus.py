"""Issue 12, schema step 2: the single override is gone (its rows are PengecualianSyarat since 0007),
and an employee has at most one open transfer request (duplicates were closed in 0007)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mutasi", "0007_pengecualian_per_syarat_data"),
        ("pegawai", "0003_catatanaudit_ke_inti"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveField(
            model_name="usulanmutasi",
            name="override_alasan",
        ),
        migrations.RemoveField(
            model_name="usulanmutasi",
            name="override_oleh",
        ),
        migrations.RemoveField(
            model_name="usulanmutasi",
            name="override_pada",
        ),
        migrations.AddConstraint(
            model_name="permohonanmutasi",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ("DIAJUKAN",))),
                fields=("pegawai",),
                name="permohonan_satu_terbuka_per_pegawai",
                violation_error_message="Pegawai ini masih punya permohonan yang menunggu tanggapan.",
            ),
        ),
    ]
