"""Demo transfers for Kota Surabaya (`manage.py demo`, step `mutasi.demo.usulan`).

Runs after the pegawai steps; finds units by code and people by the fixed demo NIPs. Every step
goes through the real services (rights, checks, audit), acting as the person whose turn it is;
heads without a login get a demo account. Idempotent: a second run adds nothing."""

import contextlib
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from inti.surel import tanpa_notifikasi
from pegawai.demo import AKUN, DEMO_PASSWORD
from pegawai.models import Pegawai, Peran, RiwayatJabatan, UnitKerja, User

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
from .selectors.penyetuju import KEPALA_ASAL, KEPALA_TUJUAN, penyetuju_langkah
from .services.alur import usulan_transisi
from .services.keberatan import keberatan_ajukan, keberatan_jawab
from .services.kelayakan import kelayakan_usulan
from .services.pelaksanaan import usulan_laksanakan
from .services.permohonan import permohonan_buat
from .services.sk import DataSK, sk_terbitkan
from .services.usulan import batch_baca_daftar, batch_buat, usulan_buat, usulan_pengecualian

JABATAN_PENANDATANGAN = "Sekretaris Daerah selaku Pejabat yang Berwenang atas nama Wali Kota Surabaya"
PENANDA = "Rotasi staf kelurahan Kecamatan Mulyorejo"
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
    def user_untuk(self, pegawai_id: int) -> User:
        p = Pegawai.objects.select_related("akun").get(pk=pegawai_id)
        if p.akun_id:
            return p.akun
        user = User.objects.create_user(p.nip, DEMO_PASSWORD, email=p.email, peran=Peran.PEGAWAI)
        p.akun = user
        p.save(update_fields=["akun"])
        return user

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
        while urutan.index(u.status) < urutan.index(sampai):
            if u.status == S.DRAFT:
                if any(c.gagal for c in kelayakan_usulan(u)):
                    usulan_pengecualian(
                        oleh=self.akun["hr"],
                        usulan=u,
                        alasan="Kebutuhan layanan mendesak; dibahas dan disetujui dalam rapat tim penilai kinerja.",
                    )
                u = usulan_transisi(usulan=u, aksi="ajukan", oleh=u.diusulkan_oleh)
            elif u.status in (S.DIAJUKAN, S.DILEPAS):
                aksi = "lepas" if u.status == S.DIAJUKAN else "terima"
                p = penyetuju_langkah(u, KEPALA_ASAL if aksi == "lepas" else KEPALA_TUJUAN)
                oleh = self.akun["hr"] if p.oleh_bkpsdm else self.user_untuk(p.kepala_id)
                u = usulan_transisi(usulan=u, aksi=aksi, oleh=oleh, catatan="Setuju.")
            elif u.status == S.DITERIMA:
                u = usulan_transisi(usulan=u, aksi="verifikasi", oleh=self.akun["hr"], catatan="Berkas lengkap.")
            elif u.status == S.DIVERIFIKASI:
                u = usulan_transisi(usulan=u, aksi="putuskan", oleh=self.akun["ppk"], catatan="Disetujui.")
            elif u.status == S.DIPUTUSKAN:
                tanggal = tanggal_sk or self.hari
                sk_terbitkan(
                    oleh=self.akun["hr"],
                    usulan_ids=[u.pk],
                    data=DataSK(
                        tanggal=tanggal,
                        tmt=tmt_sk or u.tmt_usulan,
                        penandatangan_nama="Drs. Ikhsan, M.Si.",
                        penandatangan_nip=AKUN["ppk"],
                        penandatangan_jabatan=JABATAN_PENANDATANGAN,
                    ),
                    laksanakan_segera=False,
                )
                u.refresh_from_db()
            elif u.status == S.SK_TERBIT:
                usulan_laksanakan(usulan=u, oleh=self.akun["hr"], hari_ini=max(self.hari, u.tmt))
                u.refresh_from_db()
        return u

    def mundurkan(self, u: UsulanMutasi, hari: date) -> None:
        """Make a finished demo transfer look as if it happened on `hari`."""
        waktu = timezone.make_aware(timezone.datetime.combine(hari, timezone.datetime.min.time())) + timedelta(hours=9)
        UsulanMutasi.objects.filter(pk=u.pk).update(
            dibuat=waktu - timedelta(days=45), diajukan_pada=waktu - timedelta(days=40)
        )
        for i, r in enumerate(RiwayatStatusUsulan.objects.filter(usulan=u).order_by("id")):
            RiwayatStatusUsulan.objects.filter(pk=r.pk).update(waktu=waktu - timedelta(days=45 - 5 * i))


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

    # Transfers carried out in past years (history and the employee's own record).
    for tahun, asal, tujuan in [
        (hari.year - 3, "DISDIK-SEK", "DISPENDUKCAPIL"),
        (hari.year - 2, "DINSOS", "KEL-MLY-MLY"),
        (hari.year - 1, "SETDA-PEM", "KEC-MLY-PEM"),
    ]:
        try:
            p = d.staf(asal)
        except LookupError:
            continue
        mulai = p.posisi_sekarang.mulai
        tmt = max(date(tahun, 7, 1), mulai + timedelta(days=370))
        if tmt >= hari:
            continue
        u = d.usulan(p, tujuan, tmt=tmt)
        u = d.maju(u, S.DILAKSANAKAN, tmt_sk=tmt, tanggal_sk=min(tmt - timedelta(days=14), hari))
        d.mundurkan(u, tmt - timedelta(days=14))

    # Carried out last month, with an objection HR answered (upheld).
    p = d.staf("DISKOMINFO-SEK")
    tmt = hari - timedelta(days=5)
    u = d.usulan(
        p,
        "DISKOMINFO-APTIKA",
        dasar=DasarMutasi.ANALISIS,
        tmt=tmt,
        alasan="Bidang Aplikasi Informatika kekurangan pengolah data menurut ABK.",
    )
    u = d.maju(u, S.SK_TERBIT, tmt_sk=tmt, tanggal_sk=hari - timedelta(days=10))
    k = keberatan_ajukan(
        oleh=d.user_untuk(p.pk),
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
    d.maju(u, S.DILAKSANAKAN)

    # The demo employee: decided, decree issued, waiting for their acknowledgement.
    ahmad = Pegawai.objects.get(nip=AKUN["pegawai"])
    d.dipakai.add(ahmad.pk)
    u = d.usulan(
        ahmad,
        "KEL-MLY-MS",
        alasan="Kelurahan Manyar Sabrangan membutuhkan pengolah data untuk pemutakhiran data kependudukan.",
        manfaat_pegawai=(
            "Pengalaman mengelola data wilayah yang lebih padat penduduk; menjadi bekal promosi ke jabatan fungsional."
        ),
    )
    d.maju(u, S.SK_TERBIT)

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

    # The other ends: a draft, a returned one, a rejected one, a withdrawn one.
    d.usulan(d.staf("KEC-MLY-SEK"), "KEL-MLY-KS", oleh=d.akun["kepala"])
    u = d.maju(d.usulan(d.staf("DISHUB"), "KEC-MLY-TRANTIB"), S.DITERIMA)
    usulan_transisi(usulan=u, aksi="kembalikan", oleh=d.akun["hr"], catatan="Lampirkan Anjab/ABK jabatan tujuan.")
    u = d.maju(d.usulan(d.staf("SATPOLPP"), "DISHUB"), S.DIAJUKAN)
    p = penyetuju_langkah(u, KEPALA_ASAL)
    usulan_transisi(
        usulan=u,
        aksi="tolak",
        oleh=d.akun["hr"] if p.oleh_bkpsdm else d.user_untuk(p.kepala_id),
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

    # An employee's own request waiting for HR.
    p = d.staf("PKM-MLY")
    permohonan_buat(
        oleh=d.user_untuk(p.pk),
        jenis=JenisMutasi.DALAM,
        alasan="Saya ingin mendekatkan tempat kerja dengan domisili karena merawat orang tua yang sakit.",
        unit_pilihan=UnitKerja.objects.filter(kode__in=["RSUD-ST", "DINKES-YANKES"]),
    )
    d.out.write(f"  usulan mutasi         {UsulanMutasi.objects.count() - n0:>5} baru")
    d.out.write(f"  surat keputusan       {SuratKeputusan.objects.count():>5}")
