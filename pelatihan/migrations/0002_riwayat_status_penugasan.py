"""The assignments' own history table. Existing assignments get their history derived: the
creation from the assignment itself, then every status move and due-date change from the audit
trail (which recorded each with its old and new state), replayed in time order."""

from datetime import date

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

AKSI_STATUS = {"mulai", "unggah", "verifikasi", "kembalikan_bukti", "tidak_selesai", "batalkan"}


def _tanggal(teks: str) -> str:
    try:
        return f"{date.fromisoformat(teks):%d-%m-%Y}"
    except (TypeError, ValueError):
        return str(teks)


def riwayat_turunkan(apps, schema_editor):
    Penugasan = apps.get_model("pelatihan", "PenugasanPelatihan")
    Riwayat = apps.get_model("pelatihan", "RiwayatStatusPenugasan")
    CatatanAudit = apps.get_model("inti", "CatatanAudit")
    status: dict[int, str] = {}
    baris = []
    for pk, oleh_id, waktu, catatan in Penugasan.objects.values_list(
        "pk", "ditugaskan_oleh_id", "ditugaskan_pada", "catatan"
    ).iterator():
        status[pk] = "DITUGASKAN"
        baris.append(
            Riwayat(
                penugasan_id=pk,
                aksi="tugaskan",
                dari="",
                ke="DITUGASKAN",
                oleh_id=oleh_id,
                waktu=waktu,
                catatan=catatan,
            )
        )
    audit = CatatanAudit.objects.filter(objek_tipe="pelatihan.penugasanpelatihan", aksi__startswith="pelatihan.")
    for aksi, objek_id, oleh_id, waktu, perubahan in audit.order_by("waktu", "id").values_list(
        "aksi", "objek_id", "oleh_id", "waktu", "perubahan"
    ):
        aksi = aksi.removeprefix("pelatihan.")
        pk = int(objek_id) if objek_id.isdigit() else None
        if pk not in status or not isinstance(perubahan, dict):
            continue
        alasan = str(perubahan.get("alasan") or "")
        if aksi in AKSI_STATUS and len(perubahan.get("status") or ()) == 2:
            dari, ke = perubahan["status"]
            status[pk] = ke
            baris.append(
                Riwayat(penugasan_id=pk, aksi=aksi, dari=dari, ke=ke, oleh_id=oleh_id, waktu=waktu, catatan=alasan)
            )
        elif aksi == "tenggat" and len(perubahan.get("tenggat") or ()) == 2:
            lama, baru = perubahan["tenggat"]
            catatan = f"{_tanggal(lama)} -> {_tanggal(baru)}" + (f". {alasan}" if alasan else "")
            baris.append(
                Riwayat(
                    penugasan_id=pk,
                    aksi="ubah_tenggat",
                    dari=status[pk],
                    ke=status[pk],
                    oleh_id=oleh_id,
                    waktu=waktu,
                    catatan=catatan,
                )
            )
    Riwayat.objects.bulk_create(baris, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("inti", "0001_initial"),
        ("pelatihan", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="RiwayatStatusPenugasan",
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
                        choices=[
                            ("DITUGASKAN", "Ditugaskan"),
                            ("BERLANGSUNG", "Sedang berlangsung"),
                            ("SELESAI", "Selesai"),
                            ("TIDAK_SELESAI", "Tidak selesai"),
                            ("DIBATALKAN", "Dibatalkan"),
                        ],
                        max_length=20,
                        verbose_name="dari status",
                    ),
                ),
                (
                    "ke",
                    models.CharField(
                        choices=[
                            ("DITUGASKAN", "Ditugaskan"),
                            ("BERLANGSUNG", "Sedang berlangsung"),
                            ("SELESAI", "Selesai"),
                            ("TIDAK_SELESAI", "Tidak selesai"),
                            ("DIBATALKAN", "Dibatalkan"),
                        ],
                        max_length=20,
                        verbose_name="ke status",
                    ),
                ),
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
                (
                    "penugasan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="riwayat_status",
                        to="pelatihan.penugasanpelatihan",
                    ),
                ),
            ],
            options={
                "verbose_name": "riwayat status penugasan",
                "verbose_name_plural": "riwayat status penugasan",
                "ordering": ["waktu", "id"],
                "abstract": False,
            },
        ),
        migrations.RunPython(riwayat_turunkan, migrations.RunPython.noop),
    ]
