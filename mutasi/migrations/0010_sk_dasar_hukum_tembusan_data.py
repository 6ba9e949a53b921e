"""Data for decrees (after 0009 made the columns and tables):

- the laws a transfer decree cites ("Mengingat"), in the order written, and its copies ("Tembusan"),
  as editable rows HR keeps in the admin;
- decrees issued before drafts existed: they cover the proposals pointing at them (and those
  pointing at the decrees that amended them); one with `mengganti` is an amending decree.

Backwards: the rows seeded here go, drafts (never decrees: no number) and the notices' number
counters are removed so the number column can be required again and one counter per year remains,
and the kinds fall back to the default."""

from django.db import migrations

DASAR_HUKUM = [
    # (order, text, kind of transfer, status): "" = every kind / both statuses
    (
        10,
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, "
        "terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
        "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang",
        "",
        "",
    ),
    (20, "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara", "", ""),
    (
        30,
        "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana telah diubah "
        "dengan Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas Peraturan Pemerintah Nomor 11 "
        "Tahun 2017 tentang Manajemen Pegawai Negeri Sipil",
        "",
        "PNS",
    ),
    (
        40,
        "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja",
        "",
        "PPPK",
    ),
    (50, "Peraturan Badan Kepegawaian Negara Nomor 5 Tahun 2019 tentang Tata Cara Pelaksanaan Mutasi", "", ""),
]

TEMBUSAN = [
    # (order, text, kind of transfer)
    (10, "Gubernur Jawa Timur", ""),
    (20, "Kepala Badan Kepegawaian Negara", "KELUAR"),
    (21, "Kepala Badan Kepegawaian Negara", "MASUK"),
    (30, "Kepala Kantor Regional II Badan Kepegawaian Negara Surabaya", ""),
    (40, "Inspektur Kota Surabaya", ""),
    (50, "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Surabaya", ""),
    (60, "Kepala {opd_asal}", ""),
    (70, "Kepala {opd_tujuan}", ""),
    (80, "Pimpinan {instansi_lain}", ""),
    (90, "Yang bersangkutan", ""),
]


def isi(apps, schema_editor):
    DasarHukum = apps.get_model("mutasi", "DasarHukum")
    TembusanSK = apps.get_model("mutasi", "TembusanSK")
    SuratKeputusan = apps.get_model("mutasi", "SuratKeputusan")
    UsulanMutasi = apps.get_model("mutasi", "UsulanMutasi")
    DasarHukum.objects.bulk_create(
        [DasarHukum(urutan=u, teks=t, jenis_mutasi=j, status_asn=s) for u, t, j, s in DASAR_HUKUM]
    )
    TembusanSK.objects.bulk_create([TembusanSK(urutan=u, teks=t, jenis_mutasi=j) for u, t, j in TEMBUSAN])
    SuratKeputusan.objects.filter(mengganti__isnull=False).update(jenis="PERUBAHAN")
    Cakupan = SuratKeputusan.cakupan.through
    pasangan = set()
    for u in UsulanMutasi.objects.filter(sk__isnull=False).values("pk", "sk_id", "sk__mengganti_id").iterator():
        pasangan.add((u["sk_id"], u["pk"]))
        lama = u["sk__mengganti_id"]
        while lama is not None:  # the decrees this one amended covered the same proposal
            pasangan.add((lama, u["pk"]))
            lama = SuratKeputusan.objects.filter(pk=lama).values_list("mengganti_id", flat=True).first()
    Cakupan.objects.bulk_create([Cakupan(suratkeputusan_id=s, usulanmutasi_id=u) for s, u in sorted(pasangan)])


def kembalikan(apps, schema_editor):
    DasarHukum = apps.get_model("mutasi", "DasarHukum")
    TembusanSK = apps.get_model("mutasi", "TembusanSK")
    SuratKeputusan = apps.get_model("mutasi", "SuratKeputusan")
    NomorUrutSK = apps.get_model("mutasi", "NomorUrutSK")
    NomorUrutSK.objects.exclude(jenis="SK").delete()  # one counter per year again
    DasarHukum.objects.filter(teks__in=[t for _u, t, _j, _s in DASAR_HUKUM]).delete()
    TembusanSK.objects.filter(teks__in=[t for _u, t, _j in TEMBUSAN]).delete()
    konsep = SuratKeputusan.objects.exclude(status="DITETAPKAN")
    SuratKeputusan.cakupan.through.objects.filter(suratkeputusan__in=konsep).delete()
    konsep.delete()
    SuratKeputusan.objects.update(jenis="PENETAPAN")


class Migration(migrations.Migration):
    dependencies = [("mutasi", "0009_sk_konsep_ttd_pemberitahuan")]

    operations = [migrations.RunPython(isi, kembalikan)]
