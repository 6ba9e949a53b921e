"""Positions whose retirement age differs from their kind's: teachers (guru) 60, and JF ahli utama
65 where the per-kind table does not already say so. Only empty `bup_tahun` values are set."""

from django.db import migrations


def _guru(nama: str) -> bool:
    nama = " ".join(nama.lower().split())
    return nama.startswith("guru") or nama.startswith("kepala sekolah")


def isi(apps, schema_editor):
    Jabatan = apps.get_model("pegawai", "Jabatan")
    Bup = apps.get_model("pegawai", "BatasUsiaPensiun")
    for j in Jabatan.objects.filter(bup_tahun__isnull=True):
        if _guru(j.nama):
            j.bup_tahun = 60
            j.save(update_fields=["bup_tahun"])
    utama = Bup.objects.filter(jenis="FUNGSIONAL", jenjang="AHLI_UTAMA").values_list("usia", flat=True).first()
    if utama != 65:
        Jabatan.objects.filter(jenis="FUNGSIONAL", jenjang="AHLI_UTAMA", bup_tahun__isnull=True).update(bup_tahun=65)


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0005_organisasi_bup_formasi_kontrak")]
    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
