"""Retirement ages of PP 11/2017 as starting data; HR edits them in the admin."""

from django.db import migrations

BUP = [
    ("JPT", "", 60),
    ("ADMINISTRATOR", "", 58),
    ("PENGAWAS", "", 58),
    ("PELAKSANA", "", 58),
    ("FUNGSIONAL", "", 58),
    ("FUNGSIONAL", "AHLI_MADYA", 60),
    ("FUNGSIONAL", "AHLI_UTAMA", 65),
]


def isi(apps, schema_editor):
    model = apps.get_model("pegawai", "BatasUsiaPensiun")
    for jenis, jenjang, usia in BUP:
        model.objects.get_or_create(jenis=jenis, jenjang=jenjang, defaults={"usia": usia})


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0001_initial")]
    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
