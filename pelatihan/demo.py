"""Demo data for training and adaptation (`manage.py demo`, step `pelatihan.demo.pelatihan`).

Runs after `mutasi.demo.usulan`: a realistic catalogue tied to the demo competences (looked up by
name, created when missing), assignments in every status for the demo transfers that were decided,
a mentor and adaptation plan for them, check-ins, and some training outside transfers so the 20-JP
page has people on both sides of the line. Changes go through the services (rights, audit) as the
demo HR officer or the receiving head; dates in the past are set afterwards, as the proposals demo
does. Idempotent: the catalogue is matched by name, and assignments are made only once."""

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db.models import Count
from django.utils import timezone

from inti.surel import tanpa_notifikasi
from mutasi.models import STATUS_TERLIHAT_PEGAWAI, StatusUsulan, UsulanMutasi
from mutasi.selectors import atasan_baru
from pegawai.demo import AKUN
from pegawai.models import JenisKompetensi, Kompetensi, Pegawai, User

from . import services
from .models import (
    CheckInAdaptasi,
    ItemAdaptasi,
    JenisPelatihan,
    ModePelatihan,
    Pelatihan,
    Pendampingan,
    PenugasanPelatihan,
    RiwayatStatusPenugasan,
)
from .selectors import kandidat_mentor, kesenjangan_usulan, tmt_usulan

J, M = JenisPelatihan, ModePelatihan
T, MJ, SK = JenisKompetensi.TEKNIS, JenisKompetensi.MANAJERIAL, JenisKompetensi.SOSIAL_KULTURAL

# (name, kind, JP, organiser, mode, competences (name, kind when it must be created), description)
KATALOG = [
    (
        "Pelayanan Prima",
        J.TEKNIS,
        24,
        "BPSDM Provinsi Jawa Timur",
        M.KLASIKAL,
        [("Pelayanan Publik", MJ), ("Komunikasi Publik", MJ)],
        "Standar pelayanan, budaya melayani, penanganan pengaduan dan komunikasi dengan warga.",
    ),
    (
        "Administrasi Perkantoran Digital",
        J.TEKNIS,
        16,
        "BKPSDM Kota Surabaya",
        M.E_LEARNING,
        [("Administrasi Perkantoran", T), ("Teknologi Informasi", T)],
        "Tata naskah dinas elektronik, surat-menyurat digital dan tanda tangan elektronik.",
    ),
    (
        "Manajemen Puskesmas",
        J.MANAJERIAL,
        40,
        "Dinas Kesehatan Kota Surabaya",
        M.KLASIKAL,
        [("Kesehatan Masyarakat", T), ("Kepemimpinan", MJ)],
        "Perencanaan tingkat puskesmas, lokakarya mini, mutu layanan dan akreditasi.",
    ),
    (
        "Kepemimpinan Pengawas",
        J.MANAJERIAL,
        60,
        "BPSDM Provinsi Jawa Timur",
        M.KLASIKAL,
        [("Kepemimpinan", MJ), ("Pengambilan Keputusan", MJ)],
        "Pelatihan Kepemimpinan Pengawas (PKP): memimpin tim dan mengendalikan pelaksanaan kegiatan.",
    ),
    (
        "Pengelolaan Arsip Dinamis",
        J.TEKNIS,
        24,
        "Dinas Perpustakaan dan Kearsipan Kota Surabaya",
        M.KLASIKAL,
        [("Pengelolaan Arsip", T)],
        "Penciptaan, penggunaan, pemeliharaan dan penyusutan arsip dinamis.",
    ),
    (
        "Tata Kelola Pemerintahan Kelurahan",
        J.TEKNIS,
        20,
        "BKPSDM Kota Surabaya",
        M.KLASIKAL,
        [("Pemerintahan Umum", T), ("Pelayanan Publik", MJ)],
        "Tugas dan fungsi kelurahan, musyawarah pembangunan, dan koordinasi dengan RT/RW.",
    ),
    (
        "Administrasi Kependudukan dan SIAK",
        J.TEKNIS,
        24,
        "Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya",
        M.ON_THE_JOB,
        [("Administrasi Kependudukan", T)],
        "Layanan pendaftaran penduduk dan pencatatan sipil dengan aplikasi SIAK, praktik di loket.",
    ),
    (
        "Analisis Data dengan Spreadsheet",
        J.TEKNIS,
        16,
        "Dinas Komunikasi dan Informatika Kota Surabaya",
        M.E_LEARNING,
        [("Manajemen Data", T)],
        "Membersihkan, mengolah dan menyajikan data dengan lembar kerja dan tabel pivot.",
    ),
    (
        "Keamanan Informasi untuk ASN",
        J.TEKNIS,
        8,
        "Dinas Komunikasi dan Informatika Kota Surabaya",
        M.E_LEARNING,
        [("Teknologi Informasi", T)],
        "Kata sandi, phishing, perlindungan data pribadi dan pelaporan insiden.",
    ),
    (
        "Wawasan Kebangsaan dan Nilai Bela Negara",
        J.SOSIAL_KULTURAL,
        12,
        "BPSDM Provinsi Jawa Timur",
        M.E_LEARNING,
        [("Perekat Bangsa", SK)],
        "Moderasi, keberagaman dan nilai dasar ASN BerAKHLAK.",
    ),
    (
        "Manajemen ASN dan SIASN",
        J.TEKNIS,
        20,
        "Kantor Regional II BKN Surabaya",
        M.E_LEARNING,
        [("Manajemen SDM Aparatur", T), ("Manajemen Data", T)],
        "Layanan kepegawaian, pemutakhiran data dan penggunaan SIASN.",
    ),
    (
        "Pengelolaan Keuangan Daerah dengan SIPD",
        J.TEKNIS,
        24,
        "Badan Pengelolaan Keuangan dan Pajak Daerah Kota Surabaya",
        M.KLASIKAL,
        [("Pengelolaan Keuangan Daerah", T)],
        "Penatausahaan dan pelaporan keuangan daerah dengan SIPD.",
    ),
    (
        "Pelatihan Fungsional Arsiparis Terampil",
        J.FUNGSIONAL,
        90,
        "Arsip Nasional Republik Indonesia",
        M.KLASIKAL,
        [("Pengelolaan Arsip", T), ("Administrasi Perkantoran", T)],
        "Pelatihan pembentukan jabatan fungsional arsiparis kategori keterampilan.",
    ),
    (
        "Penegakan Peraturan Daerah",
        J.TEKNIS,
        30,
        "Satuan Polisi Pamong Praja Kota Surabaya",
        M.KLASIKAL,
        [("Penegakan Peraturan Daerah", T), ("Komunikasi Publik", MJ)],
        "Prosedur penertiban, pendekatan persuasif dan hak asasi manusia.",
    ),
    (
        "Pengawasan dan Audit Intern",
        J.TEKNIS,
        30,
        "Inspektorat Kota Surabaya",
        M.KLASIKAL,
        [("Pengawasan Internal", T)],
        "Reviu, audit kinerja dan evaluasi SAKIP.",
    ),
    (
        "Penyusunan Produk Hukum Daerah",
        J.TEKNIS,
        24,
        "Bagian Hukum Sekretariat Daerah Kota Surabaya",
        M.KLASIKAL,
        [("Hukum dan Perundang-undangan", T)],
        "Teknik penyusunan peraturan daerah dan peraturan wali kota.",
    ),
]

ALASAN_BATAL = "Penyelenggara menunda angkatan ini; diganti pelatihan yang setara pada semester berikutnya."
ALASAN_TIDAK_SELESAI = "Tidak memenuhi syarat kehadiran karena bertugas pada pelayanan akhir tahun."


def _pdf(judul: str) -> ContentFile:
    isi = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"% Sertifikat " + judul.encode() + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return ContentFile(isi, name=f"sertifikat-{judul.lower().replace(' ', '-')[:40]}.pdf")


def _katalog(stdout) -> dict[str, Pelatihan]:
    kompetensi = Kompetensi.objects.in_bulk(field_name="nama")
    dibuat_k = 0
    for *_x, komp, _d in KATALOG:
        for nama, jenis in komp:
            if nama not in kompetensi:
                kompetensi[nama] = Kompetensi.objects.create(nama=nama, jenis=jenis)
                dibuat_k += 1
    ada = Pelatihan.objects.in_bulk(field_name="nama")
    baru = 0
    for nama, jenis, jp, penyelenggara, mode, komp, deskripsi in KATALOG:
        if nama in ada:
            continue
        p = Pelatihan.objects.create(
            nama=nama, jenis=jenis, jp=jp, penyelenggara=penyelenggara, mode=mode, deskripsi=deskripsi
        )
        p.kompetensi.set([kompetensi[k] for k, _j in komp])
        ada[nama] = p
        baru += 1
    stdout.write(f"  katalog pelatihan     {baru:>5} baru ({dibuat_k} kompetensi baru)")
    return ada


def _pada(hari: date, jam: int) -> datetime:
    return min(timezone.make_aware(datetime.combine(hari, time(jam))), timezone.now())


def _mundur(t: PenugasanPelatihan, *, ditugaskan: date, tenggat: date | None = None, **lain) -> None:
    """Date an assignment (and its history's first row) in the past."""
    awal = _pada(ditugaskan, 8)
    PenugasanPelatihan.objects.filter(pk=t.pk).update(ditugaskan_pada=awal, tenggat=tenggat or t.tenggat, **lain)
    RiwayatStatusPenugasan.objects.filter(penugasan=t, aksi="tugaskan").update(waktu=awal)


def _kepala_tujuan(u: UsulanMutasi) -> User:
    kepala = atasan_baru(u)
    if kepala is not None and kepala.akun_id and kepala.pk != u.pegawai_id:
        return kepala.akun
    return User.objects.get(nip=AKUN["hr"])


class _Isi:
    def __init__(self, stdout, katalog: dict[str, Pelatihan]):
        self.out = stdout
        self.katalog = katalog
        self.hr = User.objects.get(nip=AKUN["hr"])
        self.hari = timezone.localdate()

    def tugaskan(self, u: UsulanMutasi, tambahan: list[str] = ()) -> list[PenugasanPelatihan]:
        """The suggestions for the gap (as the receiving head would confirm them), plus `tambahan`."""
        gap = kesenjangan_usulan(u)
        pilihan = [s.pelatihan for s in gap.saran] + [self.katalog[n] for n in tambahan]
        pilihan = list({p.pk: p for p in pilihan}.values())
        if not pilihan:
            pilihan = [self.katalog["Pelayanan Prima"]]
        tenggat = max(services.tenggat_bawaan(u), self.hari)
        oleh = _kepala_tujuan(u)
        return services.penugasan_dari_usulan(
            oleh=oleh,
            usulan=u,
            pilihan=[services.Pilihan(p, tenggat) for p in pilihan],
            catatan="Disarankan berdasarkan kesenjangan kompetensi jabatan baru.",
            hari_ini=self.hari,
        )

    def unggah(self, t: PenugasanPelatihan) -> None:
        services.penugasan_transisi(
            penugasan=t, aksi="unggah", oleh=t.pegawai.akun or self.hr, berkas=_pdf(t.pelatihan.nama)
        )

    def selesai(self, t: PenugasanPelatihan, tanggal: date) -> None:
        self.unggah(t)
        tanggal = min(tanggal, self.hari)
        services.penugasan_transisi(
            penugasan=t, aksi="verifikasi", oleh=self.hr, tanggal_selesai=tanggal, hari_ini=self.hari
        )
        # The history tells it as it happened (the certificate the day before, verified that day),
        # never before the assignment itself: date that first, with `_mundur`.
        riwayat = RiwayatStatusPenugasan.objects.filter(penugasan=t)
        awal = riwayat.get(aksi="tugaskan").waktu
        riwayat.filter(aksi="unggah").update(waktu=max(awal, _pada(tanggal - timedelta(days=1), 9)))
        riwayat.filter(aksi="verifikasi").update(waktu=max(awal, _pada(tanggal, 10)))

    def tutup(self, t: PenugasanPelatihan, aksi: str, alasan: str) -> None:
        services.penugasan_transisi(penugasan=t, aksi=aksi, oleh=self.hr, alasan=alasan)

    def pendamping(self, u: UsulanMutasi, centang: int = 0) -> Pendampingan | None:
        mentor = kandidat_mentor(u).first()
        if mentor is None:
            return None
        pd = services.pendampingan_tetapkan(usulan=u, mentor=mentor, oleh=_kepala_tujuan(u))
        tmt = tmt_usulan(u)
        ditunjuk = timezone.make_aware(datetime.combine(tmt - timedelta(days=7), time(9)))
        Pendampingan.objects.filter(pk=pd.pk).update(ditunjuk_pada=min(ditunjuk, timezone.now()))
        for i, item in enumerate(pd.item.order_by("urutan")[:centang]):
            waktu = timezone.make_aware(datetime.combine(tmt + timedelta(days=2 + 3 * i), time(10)))
            pelaku = u.pegawai.akun if i % 2 == 0 and u.pegawai.akun_id else mentor.akun
            ItemAdaptasi.objects.filter(pk=item.pk).update(selesai_pada=min(waktu, timezone.now()), selesai_oleh=pelaku)
        return pd

    def checkin(self, u: UsulanMutasi, minggu: int, isi: str, kesulitan: str = "") -> None:
        tmt = tmt_usulan(u)
        if tmt + timedelta(weeks=minggu) > self.hari:
            return
        c = CheckInAdaptasi.objects.create(
            usulan=u, minggu_ke=minggu, isi=isi, kesulitan=bool(kesulitan), kesulitan_isi=kesulitan
        )
        waktu = timezone.make_aware(datetime.combine(tmt + timedelta(weeks=minggu, days=1), time(9)))
        CheckInAdaptasi.objects.filter(pk=c.pk).update(waktu=waktu)


def pelatihan(stdout) -> None:
    katalog = _katalog(stdout)
    if PenugasanPelatihan.objects.exists():
        stdout.write("  penugasan pelatihan demo sudah ada: tidak ada yang ditambahkan")
        return
    with tanpa_notifikasi():
        d = _Isi(stdout, katalog)
        _isi(d)


def _isi(d: _Isi) -> None:
    hari = d.hari
    usulan = list(
        UsulanMutasi.objects.filter(status__in=STATUS_TERLIHAT_PEGAWAI, tujuan_jabatan__isnull=False)
        .select_related("pegawai", "pegawai__akun", "tujuan_unit", "tujuan_jabatan")
        .order_by("tmt", "tmt_usulan", "pk")
    )
    ahmad = next((u for u in usulan if u.pegawai.nip == AKUN["pegawai"]), None)
    lain = [u for u in usulan if u is not ahmad]

    umum = ["Pelayanan Prima", "Administrasi Perkantoran Digital", "Wawasan Kebangsaan dan Nilai Bela Negara"]
    lama_ke = 0
    for u in lain:
        tmt = tmt_usulan(u)
        daftar = d.tugaskan(u, tambahan=umum)
        if u.status == StatusUsulan.DIPUTUSKAN:
            # Not yet in post: assigned, and one cancelled by the organiser.
            d.tutup(daftar[-1], "batalkan", ALASAN_BATAL)
            continue
        if (hari - tmt).days > 120:
            # Carried out months or years ago: mostly done; one not completed, one left overdue.
            for t in daftar:
                _mundur(t, ditugaskan=tmt - timedelta(days=10), tenggat=services.tenggat_bawaan(u))
            for i, t in enumerate(daftar):
                if lama_ke == 0 and i == 0:
                    d.tutup(t, "tidak_selesai", ALASAN_TIDAK_SELESAI)
                elif lama_ke == 1 and i == len(daftar) - 1:
                    pass  # still open long after its due date: overdue
                else:
                    d.selesai(t, tmt + timedelta(days=40 + 12 * i))
            d.pendamping(u, centang=4)
            d.checkin(u, 2, "Tim menerima saya dengan baik; saya mulai memahami alur layanan di unit ini.")
            d.checkin(
                u,
                6,
                "Sudah menangani layanan sendiri; masih belajar aplikasi unit.",
                kesulitan="Akses aplikasi unit baru diberikan setelah tiga minggu, sehingga pekerjaan menumpuk."
                if lama_ke == 1
                else "",
            )
            lama_ke += 1
        else:
            # Just arrived: one finished already, one in progress with the certificate uploaded, the rest assigned.
            d.selesai(daftar[0], hari - timedelta(days=1))
            d.unggah(daftar[1])
            d.pendamping(u, centang=2)

    if ahmad is not None:
        daftar = d.tugaskan(ahmad, tambahan=["Pelayanan Prima", "Administrasi Perkantoran Digital"])
        d.unggah(daftar[-1])  # waiting for HR's verification
        d.pendamping(ahmad, centang=1)
        # Earlier this year, outside the transfer: 8 JP so far, below the yearly minimum.
        t = services.penugasan_buat(
            oleh=d.hr,
            pegawai=ahmad.pegawai,
            pelatihan=d.katalog["Keamanan Informasi untuk ASN"],
            tenggat=hari + timedelta(days=1),
            hari_ini=hari,
        )
        selesai = min(date(hari.year, 3, 20), hari)
        _mundur(t, ditugaskan=selesai - timedelta(days=30), tenggat=selesai + timedelta(days=30))
        d.selesai(t, selesai)

    _di_luar_mutasi(d)
    n = PenugasanPelatihan.objects.values("status").order_by("status").annotate(n=Count("id"))
    rekap = ", ".join(f"{r['status'].lower()} {r['n']}" for r in n)
    d.out.write(f"  penugasan pelatihan   {PenugasanPelatihan.objects.count():>5} ({rekap})")
    d.out.write(f"  pendampingan          {Pendampingan.objects.count():>5}")


def _di_luar_mutasi(d: _Isi) -> None:
    """Training outside transfers for about half the employees, so the 20-JP page shows both sides:
    some reached the minimum (one or two trainings), some are below it, some have open, overdue or
    awaiting-verification assignments."""
    hari = d.hari
    staf = list(
        Pegawai.objects.filter(aktif=True, riwayat_jabatan__sampai__isnull=True)
        .exclude(nip__in=[AKUN["pegawai"], AKUN["hr"]])
        .exclude(penugasan_pelatihan__isnull=False)
        .select_related("akun")
        .order_by("nip")
    )
    k = d.katalog
    pola = [
        [(k["Pelayanan Prima"], "selesai")],
        [(k["Analisis Data dengan Spreadsheet"], "selesai"), (k["Keamanan Informasi untuk ASN"], "selesai")],
        [(k["Administrasi Perkantoran Digital"], "selesai")],
        [(k["Wawasan Kebangsaan dan Nilai Bela Negara"], "selesai"), (k["Pelayanan Prima"], "terlambat")],
        [(k["Manajemen ASN dan SIASN"], "ditugaskan")],
        [(k["Keamanan Informasi untuk ASN"], "unggah")],
    ]
    for i, p in enumerate(staf):
        if i % 2:
            continue  # about half the staff have had training this year
        for j, (pel, nasib) in enumerate(pola[(i // 2) % len(pola)]):
            t = services.penugasan_buat(
                oleh=d.hr, pegawai=p, pelatihan=pel, tenggat=hari + timedelta(days=5 + (i % 50)), hari_ini=hari
            )
            if nasib == "selesai":
                selesai = min(date(hari.year, 1, 20) + timedelta(days=(7 * i + 40 * j) % 300), hari)
                _mundur(t, ditugaskan=selesai - timedelta(days=30), tenggat=selesai + timedelta(days=30))
                d.selesai(t, selesai)
            elif nasib == "terlambat":
                _mundur(t, ditugaskan=hari - timedelta(days=60), tenggat=hari - timedelta(days=3 + i % 20))
            elif nasib == "unggah":
                d.unggah(t)
