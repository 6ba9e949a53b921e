"""The history of the reviews that existed before RiwayatStatusEvaluasi, rebuilt from the audit
trail (every step has always left an audit row "evaluasi.<step>"): the review's page then shows
their whole timeline. Reviews that already have history rows are left alone (rerunnable)."""

from django.db import migrations

# audit action -> (history action, status after, as what, the review's field holding the note)
LANGKAH = {
    "evaluasi.simpan": ("simpan", "DRAF", "penilai", ""),
    "evaluasi.kirim": ("kirim", "DIKIRIM", "penilai", ""),
    "evaluasi.tanggapi": ("tanggapi", "FINAL", "pegawai yang dievaluasi", "tanggapan_pegawai"),
    "evaluasi.tutup": ("tutup", "FINAL", "staf BKPSDM", "final_catatan"),
    "evaluasi.batal": ("batal", "DIBATALKAN", "sistem", "dibatalkan_alasan"),
}


def isi(apps, schema_editor):
    Evaluasi = apps.get_model("evaluasi", "Evaluasi")
    Riwayat = apps.get_model("evaluasi", "RiwayatStatusEvaluasi")
    CatatanAudit = apps.get_model("inti", "CatatanAudit")
    ada = set(Riwayat.objects.values_list("evaluasi_id", flat=True).distinct())
    audit: dict[str, list] = {}
    for a in CatatanAudit.objects.filter(objek_tipe="evaluasi.evaluasi", aksi__in=list(LANGKAH)).order_by(
        "waktu", "id"
    ):
        audit.setdefault(a.objek_id, []).append(a)
    baru = []
    for ev in Evaluasi.objects.exclude(pk__in=ada).iterator():
        baru.append(
            Riwayat(evaluasi_id=ev.pk, aksi="jadwalkan", dari="", ke="TERJADWAL", sebagai="sistem", waktu=ev.dibuat)
        )
        status = "TERJADWAL"
        for a in audit.get(str(ev.pk), []):
            aksi, ke, sebagai, kolom = LANGKAH[a.aksi]
            catatan = getattr(ev, kolom) if kolom else ""
            baru.append(
                Riwayat(
                    evaluasi_id=ev.pk,
                    aksi=aksi,
                    dari=status,
                    ke=ke,
                    oleh_id=a.oleh_id,
                    sebagai=sebagai,
                    catatan=catatan or "",
                    waktu=a.waktu,
                )
            )
            status = ke
    Riwayat.objects.bulk_create(baru, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("evaluasi", "0002_riwayat_status"),
        ("inti", "0001_initial"),
    ]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
