"""Indexes for the field-level trail's lookups by parent (inti/jejak.py `induk`) and by import run:
`additional_data -> 'pegawai'` etc. on auditlog's table. PostgreSQL only (expression indexes on
jsonb); SQLite scans, which is fine at its sizes."""

from django.db import migrations

KUNCI = ("pegawai", "unit", "usulan", "impor")


def buat(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for k in KUNCI:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS auditlog_logentry_{k}_idx ON auditlog_logentry ((additional_data -> '{k}'))"
        )


def hapus(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for k in KUNCI:
        schema_editor.execute(f"DROP INDEX IF EXISTS auditlog_logentry_{k}_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("inti", "0003_notifikasi"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(buat, hapus)]
