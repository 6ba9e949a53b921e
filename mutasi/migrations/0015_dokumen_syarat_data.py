"""The documents a transfer file needs under Peraturan BKN 5/2019, seeded as rows HR edits
(Mutasi > Dokumen syarat): each required for every kind of transfer before BKPSDM verifies the
file ("Verifikasi berkas"); the employee's request letter only for transfers at their own request.
The request and the heads' approvals count without an upload when they were given in the
application (`sumber`); an approval from another instansi is uploaded.

Backwards: the seeded kinds go with their rules (not a kind a proposal's document uses)."""

from django.db import migrations

JENIS = [
    # (code, name, description, automatic source, basis the rule is limited to)
    (
        "surat-permohonan",
        "Surat permohonan pindah dari pegawai",
        "Bila mutasi atas permintaan sendiri. Terpenuhi otomatis bila usulan dibuat dari permohonan pegawai "
        "di aplikasi.",
        "PERMOHONAN",
        "PERMINTAAN",
    ),
    (
        "surat-pelepasan",
        "Surat persetujuan pelepasan dari unit/instansi asal",
        "Menyebut jabatan yang ditinggalkan. Terpenuhi otomatis bila kepala unit asal menyetujui pelepasan di "
        "aplikasi; mutasi masuk: unggah surat lolos butuh instansi asal.",
        "PELEPASAN",
        "",
    ),
    (
        "surat-penerimaan",
        "Surat persetujuan penerimaan dari unit/instansi tujuan",
        "Menyebut jabatan yang akan diduduki. Terpenuhi otomatis bila kepala unit tujuan menyetujui penerimaan "
        "di aplikasi; mutasi keluar: unggah surat persetujuan instansi tujuan.",
        "PENERIMAAN",
        "",
    ),
    (
        "pernyataan-disiplin",
        "Surat pernyataan tidak sedang menjalani proses atau hukuman disiplin",
        "Ditandatangani pejabat yang berwenang di unit asal.",
        "",
        "",
    ),
    ("sk-pangkat", "SK pangkat terakhir", "Salinan sah keputusan kenaikan pangkat terakhir.", "", ""),
    ("sk-jabatan", "SK jabatan terakhir", "Salinan sah keputusan pengangkatan dalam jabatan terakhir.", "", ""),
    (
        "skp",
        "Bukti penilaian kinerja (SKP) 2 tahun terakhir",
        "Predikat kinerja paling rendah Baik pada 2 tahun terakhir.",
        "",
        "",
    ),
]
JENIS_MUTASI = ["DALAM", "KELUAR", "MASUK"]


def isi(apps, schema_editor):
    Jenis = apps.get_model("mutasi", "JenisDokumenSyarat")
    Aturan = apps.get_model("mutasi", "AturanDokumenSyarat")
    for i, (kode, nama, keterangan, sumber, dasar) in enumerate(JENIS, start=1):
        jenis, dibuat = Jenis.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "keterangan": keterangan, "sumber": sumber, "urutan": i * 10}
        )
        if dibuat:
            Aturan.objects.bulk_create(
                [Aturan(jenis_dokumen=jenis, jenis_mutasi=j, dasar=dasar, langkah="verifikasi") for j in JENIS_MUTASI]
            )


def kembalikan(apps, schema_editor):
    Jenis = apps.get_model("mutasi", "JenisDokumenSyarat")
    Jenis.objects.filter(kode__in=[j[0] for j in JENIS], dokumen__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("mutasi", "0014_dokumen_syarat")]

    operations = [migrations.RunPython(isi, kembalikan)]
