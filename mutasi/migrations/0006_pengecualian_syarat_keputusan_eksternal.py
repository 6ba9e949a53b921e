"""Issue 12, schema step 1: one override per failed check (PengecualianSyarat, confirmed by the PPK
for the hard rules), where and when the checks were last evaluated, and the external decision of a
transfer out of or into the city. The old single override moves over in 0007; 0008 drops it."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mutasi", "0005_keberatan_status_turunkan"),
        ("pegawai", "0003_catatanaudit_ke_inti"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PengecualianSyarat",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kode", models.CharField(max_length=30, verbose_name="kode syarat")),
                ("judul", models.CharField(max_length=200, verbose_name="syarat")),
                (
                    "pesan_cek",
                    models.CharField(blank=True, max_length=500, verbose_name="hasil pemeriksaan yang dikecualikan"),
                ),
                ("alasan", models.TextField(verbose_name="justifikasi tertulis")),
                ("waktu", models.DateTimeField(default=django.utils.timezone.now, verbose_name="dicatat pada")),
                ("dikonfirmasi_pada", models.DateTimeField(blank=True, null=True, verbose_name="dikonfirmasi pada")),
            ],
            options={
                "verbose_name": "pengecualian syarat",
                "verbose_name_plural": "pengecualian syarat",
                "ordering": ["waktu", "id"],
            },
        ),
        migrations.AddField(
            model_name="usulanmutasi",
            name="cek_langkah",
            field=models.CharField(blank=True, max_length=20, verbose_name="syarat diperiksa pada langkah"),
        ),
        migrations.AddField(
            model_name="usulanmutasi",
            name="cek_pada",
            field=models.DateField(blank=True, null=True, verbose_name="syarat diperiksa per tanggal"),
        ),
        migrations.AddField(
            model_name="usulanmutasi",
            name="keputusan_eksternal_oleh",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="usulanmutasi",
            name="keputusan_eksternal_pada",
            field=models.DateTimeField(blank=True, null=True, verbose_name="keputusan eksternal dicatat pada"),
        ),
        migrations.AddField(
            model_name="usulanmutasi",
            name="lingkup_eksternal",
            field=models.CharField(
                blank=True,
                choices=[
                    (
                        "SEPROVINSI",
                        "Antar kabupaten/kota dalam satu provinsi (Gubernur, dengan pertimbangan teknis BKN)",
                    ),
                    (
                        "ANTAR_PROVINSI",
                        "Antar provinsi atau ke kab/kota provinsi lain (Menteri Dalam Negeri, dengan pertimbangan teknis BKN)",
                    ),
                    ("PUSAT", "Dengan instansi pusat (Kepala BKN)"),
                ],
                max_length=16,
                verbose_name="lingkup mutasi antar instansi",
            ),
        ),
        migrations.AddField(
            model_name="usulanmutasi",
            name="nomor_pertimbangan_teknis",
            field=models.CharField(blank=True, max_length=100, verbose_name="nomor pertimbangan teknis BKN"),
        ),
        migrations.AddField(
            model_name="usulanmutasi",
            name="penerbit_keputusan_eksternal",
            field=models.CharField(blank=True, max_length=200, verbose_name="pejabat yang menetapkan"),
        ),
        migrations.AddField(
            model_name="usulanmutasi",
            name="tanggal_pertimbangan_teknis",
            field=models.DateField(blank=True, null=True, verbose_name="tanggal pertimbangan teknis BKN"),
        ),
        migrations.AddField(
            model_name="pengecualiansyarat",
            name="dikonfirmasi_oleh",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="dikonfirmasi PPK",
            ),
        ),
        migrations.AddField(
            model_name="pengecualiansyarat",
            name="oleh",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="dicatat oleh",
            ),
        ),
        migrations.AddField(
            model_name="pengecualiansyarat",
            name="usulan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="pengecualian",
                to="mutasi.usulanmutasi",
                verbose_name="usulan",
            ),
        ),
        migrations.AddConstraint(
            model_name="pengecualiansyarat",
            constraint=models.UniqueConstraint(fields=("usulan", "kode"), name="pengecualian_satu_per_syarat"),
        ),
        migrations.AddConstraint(
            model_name="pengecualiansyarat",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("dikonfirmasi_oleh__isnull", True), ("dikonfirmasi_pada__isnull", False), _connector="OR"
                ),
                name="pengecualian_konfirmasi_bertanggal",
            ),
        ),
    ]
