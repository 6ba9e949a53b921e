"""Objections get their status and history from the data (after 0004 made the columns).

Existing objections: the status follows from the data (answered = has an answer date), and the
history is derived: the raising (from the objection, with who raised it from the proposal's old
note row) and the answer (who and when from the objection). The proposal's old note rows about
objections ("keberatan", "jawab_keberatan") move into that history (the proposal page shows it)."""

from django.db import migrations, models

KEPUTUSAN = {"TETAP": "Mutasi tetap dilaksanakan", "REVISI": "Mutasi direvisi", "BATAL": "Mutasi dibatalkan"}


def turunkan(apps, schema_editor):
    Keberatan = apps.get_model("mutasi", "Keberatan")
    RiwayatKeberatan = apps.get_model("mutasi", "RiwayatStatusKeberatan")
    RiwayatUsulan = apps.get_model("mutasi", "RiwayatStatusUsulan")
    Keberatan.objects.filter(dijawab_pada__isnull=False).update(status="DIJAWAB")
    catatan_lama = RiwayatUsulan.objects.filter(aksi__in=["keberatan", "jawab_keberatan"])
    baris = []
    for k in Keberatan.objects.select_related("usulan__pegawai").order_by("diajukan_pada", "id").iterator():
        ajuan = catatan_lama.filter(usulan_id=k.usulan_id, aksi="keberatan", catatan=k.isi).order_by("waktu", "id")
        ajuan = ajuan.first()
        baris.append(
            RiwayatKeberatan(
                keberatan_id=k.pk,
                aksi="ajukan",
                dari="",
                ke="DIAJUKAN",
                oleh_id=ajuan.oleh_id if ajuan else k.usulan.pegawai.akun_id,
                sebagai=ajuan.sebagai if ajuan else "pegawai",
                catatan=k.isi,
                waktu=k.diajukan_pada,
            )
        )
        if k.dijawab_pada is not None:
            baris.append(
                RiwayatKeberatan(
                    keberatan_id=k.pk,
                    aksi="jawab",
                    dari="DIAJUKAN",
                    ke="DIJAWAB",
                    oleh_id=k.dijawab_oleh_id,
                    sebagai="staf BKPSDM",
                    catatan=k.jawaban,
                    waktu=k.dijawab_pada,
                )
            )
    RiwayatKeberatan.objects.bulk_create(baris)
    catatan_lama.delete()


def kembalikan(apps, schema_editor):
    """Back to note rows on the proposal (the objection's own table is dropped next)."""
    RiwayatKeberatan = apps.get_model("mutasi", "RiwayatStatusKeberatan")
    RiwayatUsulan = apps.get_model("mutasi", "RiwayatStatusUsulan")
    baris = []
    for r in RiwayatKeberatan.objects.select_related("keberatan__usulan").iterator():
        k = r.keberatan
        jawab = r.aksi == "jawab"
        baris.append(
            RiwayatUsulan(
                usulan_id=k.usulan_id,
                aksi="jawab_keberatan" if jawab else "keberatan",
                dari=k.usulan.status,
                ke=k.usulan.status,
                oleh_id=r.oleh_id,
                sebagai=r.sebagai,
                catatan=f"{KEPUTUSAN.get(k.keputusan, k.keputusan)}: {r.catatan}" if jawab else r.catatan,
                waktu=r.waktu,
            )
        )
    RiwayatUsulan.objects.bulk_create(baris)


class Migration(migrations.Migration):
    dependencies = [("mutasi", "0004_keberatan_status_riwayat")]

    operations = [
        migrations.RunPython(turunkan, kembalikan),
        migrations.AddConstraint(
            model_name="keberatan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("dijawab_pada__isnull", True), ("status", "DIAJUKAN")),
                    models.Q(("dijawab_pada__isnull", False), ("status", "DIJAWAB")),
                    _connector="OR",
                ),
                name="keberatan_status_sesuai_jawaban",
            ),
        ),
    ]
