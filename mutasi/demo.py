"""Demo transfers for Kota Surabaya (`manage.py demo`, steps `mutasi.demo.usulan` and
`mutasi.demo.keputusan`).

Runs after the pegawai steps; finds units by code and people by the fixed demo NIPs. Every step
goes through the real services (rights, checks, audit), acting as the person whose turn it is;
heads without a login get a demo account. Idempotent: a second run adds nothing.

Decrees are signed through the real workflow (HR prepares, the PPK signs; numbered, rendered once,
signed with the installation certificate, stored with the employees' notices), so the demo loads
them in date order: a decree may not be dated before the latest one of its year's sequence. The
first step signs only the history older than the review step's (`evaluasi.demo`, transfers 3-26
months ago, loaded after it); the last step, after the reviews, signs this month's decrees."""

import contextlib
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone

from inti.kalender import tambah_bulan
from inti.surel import tanpa_notifikasi
from pegawai.demo import AKUN, akun_untuk
from pegawai.models import Pegawai, RiwayatJabatan, UnitKerja, User

from .models import (
    BatchUsulan,
    DasarMutasi,
    JenisMutasi,
    KeputusanKeberatan,
    MasaTenang,
    RiwayatStatusUsulan,
    StatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from .selectors.dokumen_syarat import daftar_dokumen
from .selectors.penyetuju import KEPALA_ASAL, KEPALA_TUJUAN, penyetuju_langkah
from .services.alur import usulan_transisi
from .services.dokumen_syarat import dokumen_unggah
from .services.keberatan import keberatan_ajukan, keberatan_jawab
from .services.kelayakan import kelayakan_usulan
from .services.pelaksanaan import usulan_laksanakan
from .services.pemberitahuan import pemberitahuan_serahkan
from .services.permohonan import permohonan_buat, permohonan_tautkan
from .services.sk import sk_tandatangani
from .services.sk_konsep import sk_siapkan
from .services.usulan import batch_baca_daftar, batch_buat, pengecualian_konfirmasi, usulan_buat, usulan_pengecualian

PENANDA = "Rotasi staf kelurahan Kecamatan Mulyorejo"
PENANDA_BATCH_SK = "Rotasi staf pelayanan lapangan"
ALASAN_BULAN_LALU = "Bidang Aplikasi Informatika kekurangan pengolah data menurut ABK."
# The review step loads transfers up to 26 months back: the history here is older.
SEJARAH_BULAN = 28
S = StatusUsulan


class _Demo:
    def __init__(self, stdout):
        self.out = stdout
        self.hari = timezone.localdate()
        self.akun = {k: User.objects.get(nip=v) for k, v in AKUN.items()}
        self.dipakai: set[int] = set(
            Pegawai.objects.filter(Q(nip__in=AKUN.values()) | Q(unit_dipimpin__isnull=False)).values_list(
                "pk", flat=True
            )
        )

    # --- people --------------------------------------------------------------------
    def staf(self, kode: str) -> Pegawai:
        """A non-head employee of the unit, not used elsewhere in the demo."""
        r = (
            RiwayatJabatan.objects.filter(
                unit__kode__startswith=kode, sampai__isnull=True, pegawai__aktif=True, jabatan__kepala_unit=False
            )
            .exclude(pegawai_id__in=self.dipakai)
            .select_related("pegawai", "jabatan")
            .order_by("pegawai__nip")
            .first()
        )
        if r is None:
            raise LookupError(kode)
        self.dipakai.add(r.pegawai_id)
        return Pegawai.objects.get(pk=r.pegawai_id)

    # --- workflow ------------------------------------------------------------------
    def usulan(self, pegawai: Pegawai, kode_tujuan: str, *, oleh=None, tmt=None, **kw) -> UsulanMutasi:
        posisi = pegawai.posisi_sekarang
        data = {
            "jenis": JenisMutasi.DALAM,
            "dasar": kw.pop("dasar", DasarMutasi.ROTASI),
            "tujuan_unit": UnitKerja.objects.get(kode=kode_tujuan),
            "tujuan_jabatan": kw.pop("jabatan", posisi.jabatan),
            "alasan": kw.pop(
                "alasan",
                f"Penyegaran setelah {posisi.lama_tahun(self.hari)} tahun di {posisi.unit} dan pemerataan "
                "kompetensi antarunit.",
            ),
            "manfaat_organisasi": "Beban kerja unit tujuan lebih seimbang; layanan kepada warga lebih cepat.",
            "manfaat_pegawai": "Memperluas pengalaman kerja dan membuka jalur karier pada bidang baru.",
            "alasan_tanpa_kekurangan": "Penguatan layanan sesuai rencana kerja tahun berjalan.",
            "tmt_usulan": tmt or (self.hari.replace(day=1) + timedelta(days=62)).replace(day=1),
            "instansi_eksternal": "",
            "jabatan_eksternal": "",
            "nomor_keputusan_eksternal": "",
            "tanggal_keputusan_eksternal": None,
        }
        data.update(kw)
        return usulan_buat(oleh=oleh or self.akun["hr"], pegawai=pegawai, data=data)

    def maju(self, u: UsulanMutasi, sampai: str, *, tmt_sk: date | None = None, tanggal_sk: date | None = None):
        """Move a proposal along the normal path up to `sampai`, each step by whoever's turn it is."""
        urutan = [S.DRAFT, S.DIAJUKAN, S.DILEPAS, S.DITERIMA, S.DIVERIFIKASI, S.DIPUTUSKAN, S.SK_TERBIT, S.DILAKSANAKAN]
        langkah = {S.DRAFT: "ajukan", S.DIAJUKAN: "lepas", S.DILEPAS: "terima", S.DITERIMA: "verifikasi"}
        while urutan.index(u.status) < urutan.index(sampai):
            if u.status in langkah:  # the documents the step needs, uploaded by HR just before it
                dokumen_contoh(u, self.akun["hr"], sampai=langkah[u.status])
            if u.status == S.DRAFT:
                for c in kelayakan_usulan(u):  # each failed check its own override (HR)
                    if c.gagal and not u.pengecualian.filter(kode=c.kode).exists():
                        usulan_pengecualian(
                            oleh=self.akun["hr"],
                            usulan=u,
                            kode=c.kode,
                            alasan="Kebutuhan layanan mendesak; dibahas dan disetujui dalam rapat tim penilai kinerja.",
                        )
                u = usulan_transisi(usulan=u, aksi="ajukan", oleh=u.diusulkan_oleh)
            elif u.status in (S.DIAJUKAN, S.DILEPAS):
                aksi = "lepas" if u.status == S.DIAJUKAN else "terima"
                p = penyetuju_langkah(u, KEPALA_ASAL if aksi == "lepas" else KEPALA_TUJUAN)
                oleh = self.akun["hr"] if p.oleh_bkpsdm else akun_untuk(p.kepala_id)
                u = usulan_transisi(usulan=u, aksi=aksi, oleh=oleh, catatan="Setuju.")
            elif u.status == S.DITERIMA:
                u = usulan_transisi(usulan=u, aksi="verifikasi", oleh=self.akun["hr"], catatan="Berkas lengkap.")
            elif u.status == S.DIVERIFIKASI:
                for p in u.pengecualian.filter(dikonfirmasi_pada=None):  # the PPK confirms hard overrides
                    if p.berat:
                        pengecualian_konfirmasi(oleh=self.akun["ppk"], usulan=u, kode=p.kode)
                u = usulan_transisi(usulan=u, aksi="putuskan", oleh=self.akun["ppk"], catatan="Disetujui.")
            elif u.status == S.DIPUTUSKAN:
                self.sk([u], tmt=tmt_sk or u.tmt_usulan, tanggal=tanggal_sk)
                u.refresh_from_db()
            elif u.status == S.SK_TERBIT:
                usulan_laksanakan(usulan=u, oleh=self.akun["hr"], hari_ini=max(self.hari, u.tmt))
                u.refresh_from_db()
        return u

    def sk(self, usulan: list[UsulanMutasi], *, tmt: date, tanggal: date | None = None, **kw) -> SuratKeputusan:
        """HR prepares the decree, the PPK (the demo account) signs it: numbered, rendered once,
        signed with the installation certificate, stored with the employees' notices. A decree of
        the past (history loaded after the fact) is dated then; its decision is moved before it."""
        tanggal = tanggal or self.hari
        waktu = timezone.make_aware(timezone.datetime.combine(tanggal, timezone.datetime.min.time()))
        UsulanMutasi.objects.filter(pk__in=[u.pk for u in usulan], diputuskan_pada__gt=waktu).update(
            diputuskan_pada=waktu + timedelta(hours=8)
        )
        konsep = sk_siapkan(oleh=self.akun["hr"], usulan_ids=[u.pk for u in usulan], tmt=tmt, hari_ini=tanggal, **kw)
        return sk_tandatangani(oleh=self.akun["ppk"], sk=konsep, tanggal=tanggal, laksanakan_segera=False)

    def mundurkan(self, u: UsulanMutasi, hari: date) -> None:
        """Make a finished demo transfer look as if it happened on `hari`."""
        waktu = timezone.make_aware(timezone.datetime.combine(hari, timezone.datetime.min.time())) + timedelta(hours=9)
        UsulanMutasi.objects.filter(pk=u.pk).update(
            dibuat=waktu - timedelta(days=45), diajukan_pada=waktu - timedelta(days=40)
        )
        for i, r in enumerate(RiwayatStatusUsulan.objects.filter(usulan=u).order_by("id")):
            RiwayatStatusUsulan.objects.filter(pk=r.pk).update(waktu=waktu - timedelta(days=45 - 5 * i))


# A one-page PDF standing in for a scanned letter (the demo's uploads of required documents).
PDF_CONTOH = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def dokumen_contoh(u: UsulanMutasi, oleh: User, *, sampai: str = "putuskan") -> None:
    """Upload a sample file for each document the proposal needs by step `sampai` that nobody
    gives in the application (the demo's, and the tests' proposals that go past that step)."""
    from .models import URUTAN_LANGKAH_DOKUMEN

    batas = URUTAN_LANGKAH_DOKUMEN.index(sampai)
    for b in daftar_dokumen(u):
        if b.langkah and b.perlu_unggah and URUTAN_LANGKAH_DOKUMEN.index(b.langkah) <= batas:
            berkas = SimpleUploadedFile(f"{b.jenis.kode}.pdf", PDF_CONTOH, content_type="application/pdf")
            dokumen_unggah(oleh=oleh, usulan=u, jenis=b.jenis, berkas=berkas)


def usulan(stdout) -> None:
    if BatchUsulan.objects.filter(nama__startswith=PENANDA).exists():
        stdout.write("  usulan mutasi demo sudah ada: tidak ada yang ditambahkan")
        return
    with tanpa_notifikasi():
        _isi(_Demo(stdout))


def _isi(d: _Demo) -> None:
    hari = d.hari
    n0 = UsulanMutasi.objects.count()
    MasaTenang.objects.get_or_create(
        keterangan="Pilkada serentak 2029 (contoh)", defaults={"mulai": date(2029, 3, 1), "selesai": date(2030, 2, 28)}
    )

    # Transfers carried out in past years (history and the employee's own record), older than the
    # review step's history so that decree dates rise with their numbers.
    batas = tambah_bulan(hari.replace(day=1), -SEJARAH_BULAN)
    for tahun, asal, tujuan in [
        (hari.year - 5, "DISDIK-SEK", "DISPENDUKCAPIL"),
        (hari.year - 4, "DINSOS", "KEL-MLY-MLY"),
        (hari.year - 3, "SETDA-PEM", "KEC-MLY-PEM"),
    ]:
        try:
            p = d.staf(asal)
        except LookupError:
            continue
        mulai = p.posisi_sekarang.mulai
        tmt = max(date(tahun, 7, 1), mulai + timedelta(days=370))
        if tmt >= batas:
            continue
        u = d.usulan(p, tujuan, tmt=tmt)
        u = d.maju(u, S.DILAKSANAKAN, tmt_sk=tmt, tanggal_sk=min(tmt - timedelta(days=14), hari))
        d.mundurkan(u, tmt - timedelta(days=14))

    # Decreed ten days ago, with an objection HR answered (upheld): `keputusan`.
    p = d.staf("DISKOMINFO-SEK")
    tmt = hari + timedelta(days=3)
    u = d.usulan(
        p,
        "DISKOMINFO-APTIKA",
        dasar=DasarMutasi.ANALISIS,
        tmt=tmt,
        alasan=ALASAN_BULAN_LALU,
    )
    d.maju(u, S.DIPUTUSKAN)  # its decree: `keputusan`, after the review step's history

    # The demo employee asked for it (their request, with its registration number); HR made the
    # proposal of it; decided; the decree (`keputusan`) waits for their acknowledgement. Their page
    # shows both timelines.
    ahmad = Pegawai.objects.get(nip=AKUN["pegawai"])
    d.dipakai.add(ahmad.pk)
    permohonan = permohonan_buat(
        oleh=akun_untuk(ahmad.pk),
        jenis=JenisMutasi.DALAM,
        alasan="Saya ingin mengembangkan kemampuan pengolahan data kependudukan di kelurahan yang lebih padat.",
        unit_pilihan=UnitKerja.objects.filter(kode="KEL-MLY-MS"),
    )
    u = d.usulan(
        ahmad,
        "KEL-MLY-MS",
        dasar=DasarMutasi.PERMINTAAN,
        alasan="Kelurahan Manyar Sabrangan membutuhkan pengolah data untuk pemutakhiran data kependudukan.",
        manfaat_pegawai=(
            "Pengalaman mengelola data wilayah yang lebih padat penduduk; menjadi bekal promosi ke jabatan fungsional."
        ),
    )
    permohonan_tautkan(oleh=d.akun["hr"], permohonan=permohonan, usulan=u)
    d.maju(u, S.DIPUTUSKAN)  # its decree: `keputusan`

    # Inbox of the Camat (AKUN kepala): a lurah moved (escalates to the Camat) and a newcomer to the Kecamatan.
    lurah_ds = UnitKerja.objects.get(kode="KEL-MLY-DS").kepala
    if lurah_ds:
        d.dipakai.add(lurah_ds.pk)
        u = d.usulan(lurah_ds, "KEL-MLY-KJ", alasan="Rotasi lurah untuk penyegaran kepemimpinan wilayah.")
        d.maju(u, S.DIAJUKAN)
    u = d.usulan(d.staf("DISKOMINFO-IKP"), "KEC-MLY", dasar=DasarMutasi.ANALISIS)
    d.maju(u, S.DILEPAS)

    # HR's inbox: an OPD head rotated. Nobody heads a unit above an OPD, so BKPSDM records the release.
    inspektorat, dinsos = UnitKerja.objects.get(kode="INSPEKTORAT"), UnitKerja.objects.get(kode="DINSOS")
    if inspektorat.kepala_id and dinsos.kepala_id and inspektorat.kepala_id not in (d.akun["ppk"].pegawai.pk,):
        d.dipakai.add(inspektorat.kepala_id)
        u = d.usulan(
            inspektorat.kepala,
            "DINSOS",
            jabatan=dinsos.kepala.posisi_sekarang.jabatan,
            alasan="Rotasi jabatan pimpinan tinggi pratama sesuai rekomendasi tim penilai kinerja.",
            manfaat_organisasi="Penguatan tata kelola bantuan sosial dengan pengalaman pengawasan internal.",
            manfaat_pegawai="Pengalaman memimpin perangkat daerah pelayanan langsung kepada warga.",
        )
        d.maju(u, S.DIAJUKAN)

    # Inbox of the Kepala Puskesmas (AKUN kepala_pkm): one leaving, one joining.
    u = d.usulan(d.staf("PKM-MLY"), "RSUD-ST-YANMED", dasar=DasarMutasi.ANALISIS)
    d.maju(u, S.DIAJUKAN)
    u = d.usulan(d.staf("DINKES-YANKES"), "PKM-MLY")
    d.maju(u, S.DILEPAS)

    # HR: to verify, to issue a decree; PPK: to decide.
    d.maju(d.usulan(d.staf("DISDIK-SEK"), "DISKOMINFO-SEK"), S.DITERIMA)
    d.maju(d.usulan(d.staf("SETDA-ORG"), "BKPSDM-MP"), S.DIPUTUSKAN)
    d.maju(d.usulan(d.staf("BKPSDM-PPI"), "SATPOLPP"), S.DIVERIFIKASI)
    d.maju(d.usulan(d.staf("SETDA-HKM"), "INSPEKTORAT"), S.DIVERIFIKASI)
    # PPK: a decree BKPSDM prepared, waiting for his decision and signature.
    with contextlib.suppress(LookupError):
        u = d.maju(d.usulan(d.staf("BKPSDM-PK"), "DISKOMINFO-SEK"), S.DIPUTUSKAN)
        sk_siapkan(oleh=d.akun["hr"], usulan_ids=[u.pk], tmt=u.tmt_usulan)

    # The other ends: a draft, a returned one, a rejected one, a withdrawn one.
    d.usulan(d.staf("KEC-MLY-SEK"), "KEL-MLY-KS", oleh=d.akun["kepala"])
    u = d.maju(d.usulan(d.staf("DISHUB"), "KEC-MLY-TRANTIB"), S.DITERIMA)
    usulan_transisi(usulan=u, aksi="kembalikan", oleh=d.akun["hr"], catatan="Lampirkan Anjab/ABK jabatan tujuan.")
    u = d.maju(d.usulan(d.staf("SATPOLPP"), "DISHUB"), S.DIAJUKAN)
    p = penyetuju_langkah(u, KEPALA_ASAL)
    usulan_transisi(
        usulan=u,
        aksi="tolak",
        oleh=d.akun["hr"] if p.oleh_bkpsdm else akun_untuk(p.kepala_id),
        catatan="Pegawai sedang menjadi koordinator operasi penertiban sampai akhir tahun.",
    )
    u = d.maju(d.usulan(d.staf("INSPEKTORAT"), "SETDA-ORG"), S.DIAJUKAN)
    usulan_transisi(usulan=u, aksi="tarik", oleh=u.diusulkan_oleh, catatan="Pegawai akan mengikuti tugas belajar.")

    # A batch: rotation of kelurahan staff; one release done, the rest waiting.
    nips = []
    for kode in ["KEL-MLY-DS", "KEL-MLY-KJ", "KEL-MLY-KPT", "KEL-MLY-MLY"]:
        with contextlib.suppress(LookupError):
            nips.append(d.staf(kode).nip)
    if len(nips) >= 2:
        batch = batch_buat(
            oleh=d.akun["hr"],
            nama=f"{PENANDA} {hari.year}",
            dasar=DasarMutasi.ROTASI,
            tmt_usulan=(hari.replace(day=1) + timedelta(days=62)).replace(day=1),
            keterangan="Rotasi berkala staf pelayanan kelurahan.",
            baris=batch_baca_daftar("\n".join(nips), rotasi=True),
            alasan="Rotasi berkala agar setiap staf memahami layanan di lebih dari satu kelurahan.",
            manfaat_organisasi="Layanan antarkelurahan lebih seragam; tidak bergantung pada satu orang.",
            manfaat_pegawai="Pengalaman wilayah baru dan jejaring kerja yang lebih luas.",
            alasan_tanpa_kekurangan="Rotasi tanpa menambah jumlah pegawai.",
        )
        for i, u in enumerate(batch.usulan.order_by("pk")):
            d.maju(u, S.DILEPAS if i == 0 else S.DIAJUKAN)
    else:
        BatchUsulan.objects.create(nama=f"{PENANDA} {hari.year}", tmt_usulan=hari, dibuat_oleh=d.akun["hr"])

    # A batch decided and decreed: one signed decree with the list of people as its lampiran.
    nips = []
    for kode in ["DISHUB", "SATPOLPP", "DINSOS"]:
        with contextlib.suppress(LookupError):
            nips.append(d.staf(kode).nip)
    if len(nips) >= 2:
        tmt = (hari.replace(day=1) + timedelta(days=32)).replace(day=1)
        batch = batch_buat(
            oleh=d.akun["hr"],
            nama=f"{PENANDA_BATCH_SK} {hari.year}",
            dasar=DasarMutasi.ROTASI,
            tmt_usulan=tmt,
            keterangan="Rotasi antar-OPD pelayanan lapangan.",
            baris=batch_baca_daftar("\n".join(nips), rotasi=True),
            alasan="Rotasi berkala staf pelayanan lapangan antar-OPD untuk pemerataan pengalaman.",
            manfaat_organisasi="Koordinasi lapangan antar-OPD lebih baik.",
            manfaat_pegawai="Pengalaman kerja di OPD lain dan jejaring yang lebih luas.",
            alasan_tanpa_kekurangan="Rotasi tanpa menambah jumlah pegawai.",
        )
        for u in batch.usulan.order_by("pk"):
            d.maju(u, S.DIPUTUSKAN)  # one decree for all: `keputusan`

    # An employee's own request waiting for HR.
    p = d.staf("PKM-MLY")
    permohonan_buat(
        oleh=akun_untuk(p.pk),
        jenis=JenisMutasi.DALAM,
        alasan="Saya ingin mendekatkan tempat kerja dengan domisili karena merawat orang tua yang sakit.",
        unit_pilihan=UnitKerja.objects.filter(kode__in=["RSUD-ST", "DINKES-YANKES"]),
    )
    d.out.write(f"  usulan mutasi         {UsulanMutasi.objects.count() - n0:>5} baru")
    d.out.write(f"  surat keputusan       {SuratKeputusan.objects.count():>5} (konsep dan riwayat)")


def keputusan(stdout) -> None:
    """This month's decrees, after the review step loaded its history (dates rise with numbers):
    a transfer decreed ten days ago, its notice handed over and an objection answered (upheld; the
    daily job carries it out on its TMT in three days); the demo employee's decree waiting for their
    acknowledgement; a batch decree with its lampiran."""
    ahmad = UsulanMutasi.objects.filter(pegawai__nip=AKUN["pegawai"], status=S.DIPUTUSKAN, sk__isnull=True).first()
    if ahmad is None:
        stdout.write("  keputusan mutasi demo sudah ada: tidak ada yang ditambahkan")
        return
    with tanpa_notifikasi():
        d = _Demo(stdout)
        hari = d.hari
        u = UsulanMutasi.objects.filter(alasan=ALASAN_BULAN_LALU, status=S.DIPUTUSKAN).first()
        if u is not None:
            d.sk([u], tmt=hari + timedelta(days=3), tanggal=hari - timedelta(days=10))
            # BKPSDM handed the notice over the next day: the objection window runs from then.
            pemberitahuan_serahkan(oleh=d.akun["hr"], usulan=u, tanggal=hari - timedelta(days=9))
            k = keberatan_ajukan(
                oleh=akun_untuk(u.pegawai_id),
                usulan=u,
                isi="Saya sedang menyelesaikan arsip digital di sekretariat; mohon mutasi ditunda sampai akhir bulan.",
                hari_ini=hari,
            )
            keberatan_jawab(
                oleh=d.akun["hr"],
                keberatan=k,
                keputusan=KeputusanKeberatan.TETAP,
                jawaban=(
                    "Terima kasih atas masukannya. Mutasi tetap dilaksanakan; serah terima arsip dijadwalkan "
                    "bersama atasan baru pada minggu pertama."
                ),
            )
        d.sk([ahmad], tmt=ahmad.tmt_usulan)
        batch = BatchUsulan.objects.filter(nama__startswith=PENANDA_BATCH_SK).first()
        if batch is not None:
            usulan = list(batch.usulan.filter(status=S.DIPUTUSKAN).order_by("pk"))
            if usulan:
                d.sk(usulan, tmt=batch.tmt_usulan, batch=batch)
    stdout.write(
        f"  surat keputusan       {SuratKeputusan.objects.filter(ditandatangani_pada__isnull=False).count():>5}"
    )
