"""The audit trail moved to the shared layer (inti.CatatanAudit): state only, the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0002_bup_awal")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CatatanAudit")],
            database_operations=[],
        )
    ]
