"""Objections get a status and their own history table; proposal history rows take the shared
abstract row (inti.models.RiwayatStatus). Schema only: 0005 derives the data and then adds the
constraint (on PostgreSQL a table may not be altered in the transaction that wrote its rows)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mutasi", "0003_pelatihan_pindah"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="RiwayatStatusKeberatan",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("aksi", models.CharField(max_length=30, verbose_name="aksi")),
                ("sebagai", models.CharField(blank=True, max_length=300, verbose_name="sebagai")),
                ("catatan", models.TextField(blank=True, verbose_name="catatan")),
                ("waktu", models.DateTimeField(default=django.utils.timezone.now, verbose_name="waktu")),
                (
                    "dari",
                    models.CharField(
                        blank=True,
                        choices=[("DIAJUKAN", "Menunggu jawaban BKPSDM"), ("DIJAWAB", "Dijawab")],
                        max_length=20,
                        verbose_name="dari status",
                    ),
                ),
                (
                    "ke",
                    models.CharField(
                        choices=[("DIAJUKAN", "Menunggu jawaban BKPSDM"), ("DIJAWAB", "Dijawab")],
                        max_length=20,
                        verbose_name="ke status",
                    ),
                ),
            ],
            options={
                "verbose_name": "riwayat status keberatan",
                "verbose_name_plural": "riwayat status keberatan",
                "ordering": ["waktu", "id"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="keberatan",
            name="status",
            field=models.CharField(
                choices=[("DIAJUKAN", "Menunggu jawaban BKPSDM"), ("DIJAWAB", "Dijawab")],
                db_index=True,
                default="DIAJUKAN",
                max_length=8,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="riwayatstatususulan",
            name="dari",
            field=models.CharField(
                blank=True,
                choices=[
                    ("DRAFT", "Draf"),
                    ("DIAJUKAN", "Diajukan"),
                    ("DILEPAS", "Dilepas unit asal"),
                    ("DITERIMA", "Diterima unit tujuan"),
                    ("DIVERIFIKASI", "Diverifikasi BKPSDM"),
                    ("DIPUTUSKAN", "Diputuskan PPK"),
                    ("SK_TERBIT", "SK terbit"),
                    ("DILAKSANAKAN", "Dilaksanakan"),
                    ("DIKEMBALIKAN", "Dikembalikan untuk perbaikan"),
                    ("DITOLAK", "Ditolak"),
                    ("DIBATALKAN", "Dibatalkan"),
                ],
                max_length=20,
                verbose_name="dari status",
            ),
        ),
        migrations.AlterField(
            model_name="riwayatstatususulan",
            name="ke",
            field=models.CharField(
                choices=[
                    ("DRAFT", "Draf"),
                    ("DIAJUKAN", "Diajukan"),
                    ("DILEPAS", "Dilepas unit asal"),
                    ("DITERIMA", "Diterima unit tujuan"),
                    ("DIVERIFIKASI", "Diverifikasi BKPSDM"),
                    ("DIPUTUSKAN", "Diputuskan PPK"),
                    ("SK_TERBIT", "SK terbit"),
                    ("DILAKSANAKAN", "Dilaksanakan"),
                    ("DIKEMBALIKAN", "Dikembalikan untuk perbaikan"),
                    ("DITOLAK", "Ditolak"),
                    ("DIBATALKAN", "Dibatalkan"),
                ],
                max_length=20,
                verbose_name="ke status",
            ),
        ),
        migrations.AddField(
            model_name="riwayatstatuskeberatan",
            name="keberatan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="riwayat_status", to="mutasi.keberatan"
            ),
        ),
        migrations.AddField(
            model_name="riwayatstatuskeberatan",
            name="oleh",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
