"""Issue 12, data step (apart from the schema steps so it reverses on PostgreSQL too):

- the single override of a proposal (`override_alasan`) becomes one PengecualianSyarat row per check
  that had failed in its stored results (`hasil_cek`), each with the same justification, author and
  time; on a proposal the PPK has decided since, the hard overrides count as confirmed by that
  decision (the PPK saw the override when deciding), dated with it;
- of two or more open requests (PermohonanMutasi "DIAJUKAN") of one employee, the oldest stays
  open and the others are declined as duplicates, so 0008 can add the one-open-request constraint.

Reversing puts the justifications back together into `override_alasan` (the newest author and time)
and reopens nothing (a declined duplicate stays declined)."""

from django.db import migrations

KODE_BERAT = {"masa_jabatan", "hukuman", "masa_tenang"}
JUDUL_CADANGAN = "Syarat"
ALASAN_GANDA = (
    "Permohonan ganda yang terkirim bersamaan dengan permohonan lain yang masih menunggu tanggapan; "
    "ditutup otomatis saat pembaruan sistem."
)


def maju(apps, schema_editor):
    UsulanMutasi = apps.get_model("mutasi", "UsulanMutasi")
    PengecualianSyarat = apps.get_model("mutasi", "PengecualianSyarat")
    PermohonanMutasi = apps.get_model("mutasi", "PermohonanMutasi")
    baris = []
    for u in UsulanMutasi.objects.exclude(override_alasan="").iterator():
        gagal = [c for c in (u.hasil_cek or []) if c.get("hasil") == "gagal" and c.get("kode") != "usulan_lain"]
        if not gagal:  # an override whose failed checks were not stored: keep it as one row
            gagal = [{"kode": "lainnya", "judul": JUDUL_CADANGAN, "pesan": ""}]
        for c in gagal:
            berat = c["kode"] in KODE_BERAT and u.diputuskan_oleh_id is not None
            baris.append(
                PengecualianSyarat(
                    usulan_id=u.pk,
                    kode=c["kode"][:30],
                    judul=(c.get("judul") or JUDUL_CADANGAN)[:200],
                    pesan_cek=(c.get("pesan") or "")[:500],
                    alasan=u.override_alasan,
                    oleh_id=u.override_oleh_id,
                    waktu=u.override_pada or u.diubah,
                    dikonfirmasi_oleh_id=u.diputuskan_oleh_id if berat else None,
                    dikonfirmasi_pada=(u.diputuskan_pada or u.diubah) if berat else None,
                )
            )
    PengecualianSyarat.objects.bulk_create(baris, batch_size=500)

    dilihat = set()
    ganda = []
    for p in PermohonanMutasi.objects.filter(status="DIAJUKAN").order_by("pegawai_id", "dibuat", "id"):
        if p.pegawai_id in dilihat:
            ganda.append(p.pk)
        dilihat.add(p.pegawai_id)
    if ganda:
        PermohonanMutasi.objects.filter(pk__in=ganda).update(status="DITOLAK", alasan_tolak=ALASAN_GANDA)


def mundur(apps, schema_editor):
    UsulanMutasi = apps.get_model("mutasi", "UsulanMutasi")
    PengecualianSyarat = apps.get_model("mutasi", "PengecualianSyarat")
    per_usulan: dict[int, list] = {}
    for p in PengecualianSyarat.objects.order_by("usulan_id", "waktu", "id"):
        per_usulan.setdefault(p.usulan_id, []).append(p)
    for usulan_id, daftar in per_usulan.items():
        alasan = []
        for p in daftar:
            if p.alasan not in alasan:
                alasan.append(p.alasan)
        terakhir = daftar[-1]
        UsulanMutasi.objects.filter(pk=usulan_id).update(
            override_alasan="\n".join(alasan), override_oleh_id=terakhir.oleh_id, override_pada=terakhir.waktu
        )
    PengecualianSyarat.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("mutasi", "0006_pengecualian_syarat_keputusan_eksternal")]

    operations = [migrations.RunPython(maju, mundur)]
