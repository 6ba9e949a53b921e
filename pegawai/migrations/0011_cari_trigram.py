"""Name and NIP search on PostgreSQL through trigram indexes (pg_trgm): `nama__icontains` is
`UPPER(nama::text) LIKE UPPER('%...%')` there, so the name index is on that expression; a NIP
fragment (`nip__contains`) is `nip::text LIKE '%...%'`. Nothing on SQLite (a small database, no
such index type). The extension needs a superuser or the database owner (pg_trgm is a trusted
extension from PostgreSQL 13)."""

from django.db import migrations

INDEKS = {
    "pegawai_nama_trgm": "UPPER(nama::text) gin_trgm_ops",
    "pegawai_nip_trgm": "(nip::text) gin_trgm_ops",
}


def buat(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for nama, ekspresi in INDEKS.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {nama} ON pegawai_pegawai USING gin ({ekspresi})")


def hapus(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for nama in INDEKS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {nama}")


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0010_pengganti_pejabat")]

    operations = [migrations.RunPython(buat, hapus, elidable=False)]
