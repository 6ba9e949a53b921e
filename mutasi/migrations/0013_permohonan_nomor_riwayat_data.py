"""Requests made before registration numbers and their own history (after 0011 made the columns):

- each gets its number in the order it was made, one gap-free sequence per year (PMH-2026-00001),
  and the year's counter is set to the last one given, so new requests continue the sequence;
- each gets the history row of its submission (by the employee, when it was made) and, when HR
  answered it (declined, or made a proposal of it), the row of that answer with who and when.
  A withdrawal left no date: the request's history shows its submission only.

Backwards: the history rows, the numbers and the request counters go."""

from django.db import migrations

POLA = "PMH-{tahun}-{seq:05d}"
JENIS_NOMOR = "PERMOHONAN"
AKSI_JAWABAN = {"DITOLAK": "tolak", "DIPROSES": "proses"}


def turunkan(apps, schema_editor):
    Permohonan = apps.get_model("mutasi", "PermohonanMutasi")
    Riwayat = apps.get_model("mutasi", "RiwayatStatusPermohonan")
    NomorUrut = apps.get_model("mutasi", "NomorUrutSK")
    terakhir: dict[int, int] = {}
    baris = []
    for p in Permohonan.objects.select_related("pegawai").order_by("dibuat", "id").iterator():
        if not p.nomor:
            tahun = p.dibuat.year
            terakhir[tahun] = terakhir.get(tahun, 0) + 1
            p.nomor = POLA.format(tahun=tahun, seq=terakhir[tahun])
            p.save(update_fields=["nomor"])
        if p.riwayat_status.exists():
            continue
        baris.append(
            Riwayat(
                permohonan_id=p.pk,
                aksi="ajukan",
                dari="",
                ke="DIAJUKAN",
                oleh_id=p.pegawai.akun_id,
                sebagai="pemohon",
                waktu=p.dibuat,
            )
        )
        if p.status in AKSI_JAWABAN and p.ditangani_pada is not None:
            baris.append(
                Riwayat(
                    permohonan_id=p.pk,
                    aksi=AKSI_JAWABAN[p.status],
                    dari="DIAJUKAN",
                    ke=p.status,
                    oleh_id=p.ditangani_oleh_id,
                    sebagai="staf BKPSDM",
                    catatan=p.alasan_tolak if p.status == "DITOLAK" else "",
                    waktu=p.ditangani_pada,
                )
            )
    Riwayat.objects.bulk_create(baris)
    for tahun, n in terakhir.items():
        NomorUrut.objects.update_or_create(jenis=JENIS_NOMOR, tahun=tahun, defaults={"terakhir": n})


def kembalikan(apps, schema_editor):
    apps.get_model("mutasi", "RiwayatStatusPermohonan").objects.all().delete()
    apps.get_model("mutasi", "PermohonanMutasi").objects.update(nomor=None)
    apps.get_model("mutasi", "NomorUrutSK").objects.filter(jenis=JENIS_NOMOR).delete()


class Migration(migrations.Migration):
    dependencies = [("mutasi", "0012_permohonan_nomor_riwayat")]

    operations = [migrations.RunPython(turunkan, kembalikan)]
