"""Training services and selectors: the competence gap, suggestions, assigning, the status rules
(evidence, verification, competences), and the yearly JP totals."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from inti.models import CatatanAudit
from mutasi.models import StatusUsulan
from pelatihan import services
from pelatihan.models import PenugasanPelatihan, StatusPenugasan
from pelatihan.selectors import (
    jp_pegawai,
    jp_rekap_unit,
    jp_tahun_pegawai,
    kesenjangan_kompetensi,
    kesenjangan_usulan,
    penugasan_cari,
    saran_dari_katalog,
)
from pelatihan.services import PelatihanError, Pilihan, penugasan_transisi
from pelatihan.tests.factories import (
    PDF,
    PNG,
    KompetensiFactory,
    PelatihanFactory,
    hari,
    penugasan_buat,
)

SP = StatusPenugasan


def _berkas(isi=PDF, nama="sertifikat.pdf"):
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


# --- Dates (the month arithmetic itself is inti.kalender's, tested there) ------------------------


def test_tenggat_bawaan_tiga_bulan_setelah_tmt(dp, settings):
    dp.u.tmt_usulan = date(2027, 1, 1)
    assert services.tenggat_bawaan(dp.u) == date(2027, 4, 1)
    dp.u.tmt = date(2027, 2, 1)  # the decree's TMT wins over the proposed one
    assert services.tenggat_bawaan(dp.u) == date(2027, 5, 1)
    settings.PELATIHAN_BATAS_BULAN = 6
    assert services.tenggat_bawaan(dp.u) == date(2027, 8, 1)


# --- Gap and suggestions ----------------------------------------------------------------------


def test_kesenjangan_adalah_syarat_jabatan_dikurangi_kompetensi_pegawai(dp):
    syarat, kurang = kesenjangan_kompetensi(dp.org.anggota, dp.jabatan_tujuan)
    assert {k.nama for k in syarat} == {"Pelayanan Publik", "Kesehatan Masyarakat", "Manajemen Data"}
    assert {k.nama for k in kurang} == {"Pelayanan Publik", "Kesehatan Masyarakat"}


def test_kesenjangan_tanpa_syarat_atau_tanpa_jabatan(dp):
    dp.jabatan_tujuan.kompetensi.clear()
    assert kesenjangan_kompetensi(dp.org.anggota, dp.jabatan_tujuan) == ([], [])
    assert kesenjangan_kompetensi(dp.org.anggota, None) == ([], [])


def test_saran_memilih_pelatihan_paling_sedikit_yang_menutup_kesenjangan(dp):
    gap = kesenjangan_usulan(dp.u)
    # "Layanan Kesehatan Dasar" alone covers both missing competences: one training, not two.
    assert [(s.pelatihan.nama, {k.nama for k in s.menutup}) for s in gap.saran] == [
        ("Layanan Kesehatan Dasar", {"Pelayanan Publik", "Kesehatan Masyarakat"})
    ]
    assert gap.tak_tercakup == []


def test_saran_greedy_yang_terluas_dulu_lalu_sisanya(db):
    a, b, c, d = (KompetensiFactory(nama=n) for n in "ABCD")
    luas = PelatihanFactory(nama="Luas", kompetensi=[a, b, c])
    PelatihanFactory(nama="Sempit", kompetensi=[a])
    PelatihanFactory(nama="Sisa", kompetensi=[c, d])
    tidak_relevan = PelatihanFactory(nama="Lain", kompetensi=[KompetensiFactory(nama="Z")])
    katalog = list(type(luas).objects.prefetch_related("kompetensi"))
    saran = saran_dari_katalog([a, b, c, d], katalog)
    assert [s.pelatihan.nama for s in saran] == ["Luas", "Sisa"]
    # Each suggestion says which gap it covers; a competence is claimed once.
    assert [{k.nama for k in s.menutup} for s in saran] == [{"A", "B", "C"}, {"D"}]
    assert tidak_relevan.nama not in [s.pelatihan.nama for s in saran]


def test_saran_seri_dipecah_dengan_jp_terkecil(db):
    a = KompetensiFactory(nama="A")
    PelatihanFactory(nama="Panjang", jp=40, kompetensi=[a])
    PelatihanFactory(nama="Pendek", jp=8, kompetensi=[a])
    katalog = list(PelatihanFactory._meta.model.objects.prefetch_related("kompetensi"))
    assert [s.pelatihan.nama for s in saran_dari_katalog([a], katalog)] == ["Pendek"]


def test_saran_mengabaikan_pelatihan_tidak_aktif_dan_melaporkan_yang_tak_tercakup(dp):
    dp.p_dasar.aktif = False
    dp.p_dasar.save()
    dp.p_prima.aktif = False
    dp.p_prima.save()
    gap = kesenjangan_usulan(dp.u)
    assert [s.pelatihan.nama for s in gap.saran] == ["Manajemen Puskesmas"]
    assert [k.nama for k in gap.tak_tercakup] == ["Pelayanan Publik"]


def test_saran_tidak_mengulang_kesenjangan_yang_sudah_ditangani(dp):
    penugasan_buat(dp.org.anggota, dp.p_prima)  # covers Pelayanan Publik already
    gap = kesenjangan_usulan(dp.u)
    assert set(gap.ditangani) == {dp.k_layanan.pk}
    assert [k.nama for k in gap.sisa] == ["Kesehatan Masyarakat"]
    assert [s.pelatihan.nama for s in gap.saran] == ["Layanan Kesehatan Dasar"]
    assert [k.nama for k in gap.saran[0].menutup] == ["Kesehatan Masyarakat"]


def test_kesenjangan_usulan_query_tetap(dp, django_assert_max_num_queries):
    for i in range(10):
        PelatihanFactory(nama=f"Ekstra {i}", kompetensi=[dp.k_layanan, dp.k_pimpin])
    with django_assert_max_num_queries(6):
        kesenjangan_usulan(dp.u)


# --- Assigning --------------------------------------------------------------------------------


def test_penugasan_dari_usulan_membuat_semua_dalam_satu_transaksi(dp, mailoutbox, django_capture_on_commit_callbacks):
    tenggat = hari(90)
    with django_capture_on_commit_callbacks(execute=True):
        hasil = services.penugasan_dari_usulan(
            oleh=dp.kepala_tujuan.akun,
            usulan=dp.u,
            pilihan=[Pilihan(dp.p_dasar, tenggat), Pilihan(dp.p_lain, tenggat)],
            catatan="Untuk jabatan baru.",
        )
    assert {t.pelatihan.nama for t in hasil} == {"Layanan Kesehatan Dasar", "Wawasan Kebangsaan"}
    assert all(t.usulan_id == dp.u.pk and t.status == SP.DITUGASKAN for t in hasil)
    assert all(t.ditugaskan_oleh == dp.kepala_tujuan.akun for t in hasil)
    assert CatatanAudit.objects.filter(aksi="pelatihan.tugaskan").count() == 2
    assert CatatanAudit.objects.filter(aksi="pelatihan_ditugaskan", objek_id=str(dp.u.pk)).exists()
    # One email to the employee listing both.
    assert len(mailoutbox) == 1
    assert "Layanan Kesehatan Dasar" in mailoutbox[0].body and "Wawasan Kebangsaan" in mailoutbox[0].body


def test_penugasan_dari_usulan_semua_atau_tidak_sama_sekali(dp):
    penugasan_buat(dp.org.anggota, dp.p_lain)  # already assigned and open
    with pytest.raises(PelatihanError, match="sudah ditugaskan"):
        services.penugasan_dari_usulan(
            oleh=dp.org.hr.akun,
            usulan=dp.u,
            pilihan=[Pilihan(dp.p_dasar, hari(30)), Pilihan(dp.p_lain, hari(30))],
        )
    assert not PenugasanPelatihan.objects.filter(pelatihan=dp.p_dasar).exists()


@pytest.mark.parametrize("peran", ["kepala", "ppk", "anggota", "orang_luar"])
def test_penugasan_dari_usulan_hanya_hr_atau_kepala_unit_tujuan(dp, peran):
    with pytest.raises(PelatihanError, match="Hanya staf BKPSDM atau kepala unit tujuan"):
        services.penugasan_dari_usulan(
            oleh=getattr(dp.org, peran).akun, usulan=dp.u, pilihan=[Pilihan(dp.p_dasar, hari(30))]
        )


@pytest.mark.parametrize("status", [StatusUsulan.DIAJUKAN, StatusUsulan.DITERIMA, StatusUsulan.DIBATALKAN])
def test_penugasan_dari_usulan_hanya_setelah_diputuskan(dp, status):
    dp.u.status = status
    dp.u.save(update_fields=["status"])
    with pytest.raises(PelatihanError, match="setelah mutasi diputuskan"):
        services.penugasan_dari_usulan(oleh=dp.org.hr.akun, usulan=dp.u, pilihan=[Pilihan(dp.p_dasar, hari(30))])


def test_penugasan_menolak_tenggat_lampau_pelatihan_nonaktif_dan_pilihan_ganda(dp):
    with pytest.raises(PelatihanError, match="sudah lewat"):
        services.penugasan_dari_usulan(oleh=dp.org.hr.akun, usulan=dp.u, pilihan=[Pilihan(dp.p_dasar, hari(-1))])
    dp.p_lain.aktif = False
    dp.p_lain.save()
    with pytest.raises(PelatihanError, match="tidak aktif"):
        services.penugasan_dari_usulan(oleh=dp.org.hr.akun, usulan=dp.u, pilihan=[Pilihan(dp.p_lain, hari(5))])
    with pytest.raises(PelatihanError, match="lebih dari sekali"):
        services.penugasan_dari_usulan(
            oleh=dp.org.hr.akun, usulan=dp.u, pilihan=[Pilihan(dp.p_dasar, hari(5)), Pilihan(dp.p_dasar, hari(9))]
        )
    assert not PenugasanPelatihan.objects.exists()


def test_penugasan_di_luar_mutasi_oleh_kepala_untuk_stafnya_saja(dp):
    t = services.penugasan_buat(oleh=dp.org.kepala.akun, pegawai=dp.org.anggota, pelatihan=dp.p_data, tenggat=hari(30))
    assert t.usulan_id is None
    with pytest.raises(PelatihanError, match="tidak berwenang"):
        services.penugasan_buat(
            oleh=dp.org.kepala.akun, pegawai=dp.org.orang_luar, pelatihan=dp.p_data, tenggat=hari(9)
        )
    with pytest.raises(PelatihanError, match="tidak berwenang"):
        services.penugasan_buat(oleh=dp.org.kepala.akun, pegawai=dp.org.kepala, pelatihan=dp.p_data, tenggat=hari(9))
    with pytest.raises(PelatihanError, match="tidak berwenang"):
        services.penugasan_buat(oleh=dp.org.anggota.akun, pegawai=dp.org.anggota, pelatihan=dp.p_lain, tenggat=hari(9))


def test_database_menolak_dua_penugasan_aktif_pelatihan_sama(dp):
    penugasan_buat(dp.org.anggota, dp.p_data)
    with pytest.raises(IntegrityError), transaction.atomic():
        penugasan_buat(dp.org.anggota, dp.p_data, status=SP.BERLANGSUNG)
    # A finished one does not block a new assignment of the same training.
    penugasan_buat(dp.org.orang_luar, dp.p_data, status=SP.SELESAI)
    penugasan_buat(dp.org.orang_luar, dp.p_data)


@pytest.mark.parametrize(
    "kw",
    [
        {"status": SP.SELESAI, "tanggal_selesai": None, "diverifikasi_pada": timezone.now()},
        {"status": SP.SELESAI, "tanggal_selesai": date(2026, 1, 1), "diverifikasi_pada": None},
        {"status": SP.DIBATALKAN, "alasan": ""},
        {"status": SP.TIDAK_SELESAI, "alasan": ""},
        {"status": SP.DITUGASKAN, "jp_diperoleh": 10},
    ],
)
def test_database_menjaga_aturan_status(dp, kw):
    with pytest.raises(IntegrityError), transaction.atomic():
        PenugasanPelatihan.objects.create(pegawai=dp.org.anggota, pelatihan=dp.p_data, tenggat=hari(9), **kw)


# --- Status rules ------------------------------------------------------------------------------


@pytest.fixture
def tugas(dp):
    return penugasan_buat(dp.org.anggota, dp.p_dasar, usulan=dp.u)


def test_tidak_dapat_selesai_tanpa_bukti_bila_diwajibkan(dp, tugas, settings):
    settings.PELATIHAN_WAJIB_BUKTI = True
    with pytest.raises(PelatihanError, match="tanpa bukti"):
        penugasan_transisi(penugasan=tugas, aksi="verifikasi", oleh=dp.org.hr.akun)
    tugas.refresh_from_db()
    assert tugas.status == SP.DITUGASKAN
    assert not dp.org.anggota.kompetensi.filter(pk=dp.k_kesmas.pk).exists()


def test_dapat_selesai_tanpa_bukti_bila_tidak_diwajibkan(dp, tugas, settings):
    settings.PELATIHAN_WAJIB_BUKTI = False
    penugasan_transisi(penugasan=tugas, aksi="verifikasi", oleh=dp.org.hr.akun)
    assert tugas.status == SP.SELESAI


def test_alur_unggah_lalu_verifikasi_menambah_kompetensi(dp, tugas, django_capture_on_commit_callbacks, mailoutbox):
    penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas())
    assert tugas.status == SP.BERLANGSUNG
    assert tugas.menunggu_verifikasi
    assert tugas.bukti_nama == "sertifikat.pdf" and tugas.bukti_tipe == "application/pdf"
    assert tugas.bukti.name.endswith(".pdf") and "penugasan" not in tugas.bukti.name  # a random stored name
    with django_capture_on_commit_callbacks(execute=True):
        penugasan_transisi(penugasan=tugas, aksi="verifikasi", oleh=dp.org.hr.akun, tanggal_selesai=hari(-2), jp=28)
    assert tugas.status == SP.SELESAI
    assert (tugas.tanggal_selesai, tugas.jp_diperoleh) == (hari(-2), 28)
    assert tugas.diverifikasi_oleh == dp.org.hr.akun and tugas.diverifikasi_pada is not None
    nama = set(dp.org.anggota.kompetensi.values_list("nama", flat=True))
    assert {"Pelayanan Publik", "Kesehatan Masyarakat", "Manajemen Data"} <= nama
    audit = CatatanAudit.objects.get(aksi="pegawai.kompetensi_tambah")
    assert audit.objek_id == str(dp.org.anggota.pk)
    assert set(audit.perubahan["kompetensi"]) == {"Pelayanan Publik", "Kesehatan Masyarakat"}
    assert "diverifikasi selesai" in mailoutbox[-1].subject
    # The gap is closed now.
    assert kesenjangan_usulan(dp.u).kurang == []


def test_jp_bawaan_dari_katalog(dp, tugas):
    penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas())
    penugasan_transisi(penugasan=tugas, aksi="verifikasi", oleh=dp.org.hr.akun)
    assert tugas.jp_diperoleh == 30 and tugas.tanggal_selesai == timezone.localdate()


def test_verifikasi_menolak_tanggal_masa_depan_dan_jp_nol(dp, tugas):
    penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas())
    with pytest.raises(PelatihanError, match="masa depan"):
        penugasan_transisi(penugasan=tugas, aksi="verifikasi", oleh=dp.org.hr.akun, tanggal_selesai=hari(1))
    with pytest.raises(PelatihanError, match="minimal 1"):
        penugasan_transisi(penugasan=tugas, aksi="verifikasi", oleh=dp.org.hr.akun, jp=0)
    assert tugas.status == SP.BERLANGSUNG


@pytest.mark.parametrize("peran", ["anggota", "kepala", "ppk", "orang_luar"])
def test_hanya_hr_yang_memverifikasi(dp, tugas, peran):
    penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas())
    with pytest.raises(PelatihanError, match="Hanya staf BKPSDM"):
        penugasan_transisi(penugasan=tugas, aksi="verifikasi", oleh=getattr(dp.org, peran).akun)


def test_hr_tidak_memverifikasi_pelatihannya_sendiri(dp):
    t = penugasan_buat(dp.org.hr, dp.p_data)
    penugasan_transisi(penugasan=t, aksi="unggah", oleh=dp.org.hr.akun, berkas=_berkas())
    with pytest.raises(PelatihanError, match="sendiri"):
        penugasan_transisi(penugasan=t, aksi="verifikasi", oleh=dp.org.hr.akun)


@pytest.mark.parametrize("peran", ["orang_luar", "kepala_tujuan", "mentor"])
def test_hanya_pegawai_sendiri_yang_mengunggah(dp, tugas, peran):
    user = getattr(dp, peran, None) or getattr(dp.org, peran)
    with pytest.raises(PelatihanError, match="pegawai yang bersangkutan"):
        penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=user.akun, berkas=_berkas())


@pytest.mark.parametrize(
    ("isi", "nama", "pesan"),
    [
        (b"MZ\x90\x00 not a certificate", "sertifikat.pdf", "bukan PDF"),
        (b"<html>hi</html>", "sertifikat.png", "bukan PDF"),
    ],
)
def test_unggah_memeriksa_isi_berkas_bukan_namanya(dp, tugas, isi, nama, pesan):
    with pytest.raises(PelatihanError, match=pesan):
        penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas(isi, nama))
    tugas.refresh_from_db()
    assert tugas.status == SP.DITUGASKAN and not tugas.bukti


def test_unggah_menolak_berkas_terlalu_besar(dp, tugas, settings):
    settings.UPLOAD_MAX_MB = 1
    besar = PDF + b"0" * (1024 * 1024)
    with pytest.raises(PelatihanError, match="terlalu besar"):
        penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas(besar))


def test_unggah_png_dan_ganti_berkas(dp, tugas):
    penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas(PNG, "foto.png"))
    assert tugas.bukti_tipe == "image/png"
    lama = tugas.bukti.name
    penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas())
    assert tugas.bukti_tipe == "application/pdf" and tugas.bukti.name != lama


def test_kembalikan_bukti_wajib_alasan_dan_menghapus_bukti(dp, tugas):
    penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas())
    with pytest.raises(PelatihanError, match="wajib disertai catatan/alasan"):
        penugasan_transisi(penugasan=tugas, aksi="kembalikan_bukti", oleh=dp.org.hr.akun)
    penugasan_transisi(
        penugasan=tugas, aksi="kembalikan_bukti", oleh=dp.org.hr.akun, alasan="Sertifikat tidak terbaca."
    )
    assert tugas.status == SP.BERLANGSUNG and not tugas.bukti and not tugas.menunggu_verifikasi
    assert tugas.alasan == "Sertifikat tidak terbaca."


@pytest.mark.parametrize(("aksi", "ke"), [("tidak_selesai", SP.TIDAK_SELESAI), ("batalkan", SP.DIBATALKAN)])
def test_tidak_selesai_dan_batal_wajib_alasan(dp, tugas, aksi, ke):
    with pytest.raises(PelatihanError, match="wajib disertai catatan/alasan"):
        penugasan_transisi(penugasan=tugas, aksi=aksi, oleh=dp.org.hr.akun, alasan="  ")
    penugasan_transisi(penugasan=tugas, aksi=aksi, oleh=dp.kepala_tujuan.akun, alasan="Ditunda penyelenggara.")
    assert tugas.status == ke and tugas.alasan == "Ditunda penyelenggara."
    audit = CatatanAudit.objects.get(aksi=f"pelatihan.{aksi}")
    assert audit.perubahan["status"] == [SP.DITUGASKAN, ke]


@pytest.mark.parametrize("peran", ["anggota", "orang_luar", "ppk"])
def test_tidak_selesai_dan_batal_bukan_oleh_pegawai_atau_orang_lain(dp, tugas, peran):
    with pytest.raises(PelatihanError, match="tidak berwenang"):
        penugasan_transisi(penugasan=tugas, aksi="batalkan", oleh=getattr(dp.org, peran).akun, alasan="x")


@pytest.mark.parametrize("status", [SP.SELESAI, SP.TIDAK_SELESAI, SP.DIBATALKAN])
def test_status_akhir_tidak_dapat_diubah(dp, status):
    t = penugasan_buat(dp.org.anggota, dp.p_data, status=status)
    for aksi in services.AKSI:
        with pytest.raises(PelatihanError):
            penugasan_transisi(penugasan=t, aksi=aksi, oleh=dp.org.hr.akun, alasan="x", berkas=_berkas())


def test_ubah_tenggat(dp, tugas):
    services.penugasan_ubah_tenggat(penugasan=tugas, oleh=dp.org.hr.akun, tenggat=hari(120), alasan="Jadwal baru")
    tugas.refresh_from_db()
    assert tugas.tenggat == hari(120)
    with pytest.raises(PelatihanError, match="sebelum hari ini"):
        services.penugasan_ubah_tenggat(penugasan=tugas, oleh=dp.org.hr.akun, tenggat=hari(-1))
    with pytest.raises(PelatihanError, match="tidak berwenang"):
        services.penugasan_ubah_tenggat(penugasan=tugas, oleh=dp.org.anggota.akun, tenggat=hari(200))


def test_aksi_tersedia_per_peran(dp, tugas):
    assert services.aksi_tersedia(tugas, dp.org.anggota.akun) == ["mulai", "unggah"]
    assert set(services.aksi_tersedia(tugas, dp.org.hr.akun)) == {
        "mulai",
        "unggah",
        "verifikasi",
        "tidak_selesai",
        "batalkan",
    }
    assert services.aksi_tersedia(tugas, dp.kepala_tujuan.akun) == ["tidak_selesai", "batalkan"]
    assert services.aksi_tersedia(tugas, dp.org.orang_luar.akun) == []


# --- 20 JP a year ----------------------------------------------------------------------------------


def test_jp_tahun_ini_hanya_dari_yang_selesai_tahun_ini(dp):
    a = dp.org.anggota
    ini = timezone.localdate().year
    penugasan_buat(a, dp.p_prima, status=SP.SELESAI, tanggal_selesai=date(ini, 1, 10), jp_diperoleh=12)
    penugasan_buat(a, dp.p_data, status=SP.SELESAI, tanggal_selesai=date(ini, 1, 5), jp_diperoleh=5)
    penugasan_buat(a, dp.p_lain, status=SP.SELESAI, tanggal_selesai=date(ini - 1, 12, 31), jp_diperoleh=40)
    penugasan_buat(a, dp.p_dasar, status=SP.BERLANGSUNG)
    penugasan_buat(a, dp.p_puskesmas, status=SP.TIDAK_SELESAI)
    assert jp_tahun_pegawai(a.pk, ini) == 17
    assert jp_tahun_pegawai(a.pk, ini - 1) == 40
    assert jp_tahun_pegawai(dp.org.orang_luar.pk, ini) == 0


def test_jp_per_pegawai_dan_siapa_di_bawah_minimal(dp, settings):
    settings.PELATIHAN_JP_MINIMAL = 20
    ini = timezone.localdate().year
    penugasan_buat(dp.org.anggota, dp.p_prima, status=SP.SELESAI, tanggal_selesai=date(ini, 1, 2), jp_diperoleh=24)
    penugasan_buat(dp.org.kepala, dp.p_data, status=SP.SELESAI, tanggal_selesai=date(ini, 1, 2), jp_diperoleh=16)
    semua = {p.pk: p.jp for p in jp_pegawai(dp.org.hr.akun, tahun=ini)}
    assert semua[dp.org.anggota.pk] == 24
    assert semua[dp.org.kepala.pk] == 16
    assert semua[dp.org.orang_luar.pk] == 0
    kurang = {p.pk for p in jp_pegawai(dp.org.hr.akun, tahun=ini, hanya_kurang=True)}
    assert dp.org.anggota.pk not in kurang and {dp.org.kepala.pk, dp.org.orang_luar.pk} <= kurang
    # A unit head sees their own units' staff only.
    lingkup = {p.pk for p in jp_pegawai(dp.org.kepala.akun, tahun=ini)}
    assert lingkup == {dp.org.kepala.pk, dp.org.anggota.pk}


def test_jp_rekap_per_unit_dan_per_opd(dp):
    ini = timezone.localdate().year
    penugasan_buat(dp.org.anggota, dp.p_prima, status=SP.SELESAI, tanggal_selesai=date(ini, 1, 2), jp_diperoleh=24)
    per_opd = {r.unit.pk: r for r in jp_rekap_unit(dp.org.hr.akun, tahun=ini)}
    # The Kecamatan (OPD) counts its head and the kelurahan employee: one of two reached the minimum.
    r = per_opd[dp.org.unit.pk]
    assert (r.jumlah, r.memenuhi, r.kurang, r.total_jp, r.persen) == (2, 1, 1, 24, 50)
    assert dp.org.subunit.pk not in per_opd
    per_unit = {r.unit.pk: r for r in jp_rekap_unit(dp.org.kepala.akun, tahun=ini)}
    assert set(per_unit) == {dp.org.unit.pk, dp.org.subunit.pk}
    assert per_unit[dp.org.subunit.pk].memenuhi == 1


def test_daftar_penugasan_menyaring_terlambat_dan_menunggu_verifikasi(dp, tugas):
    lewat = penugasan_buat(dp.org.orang_luar, dp.p_data, tenggat=hari(-3))
    selesai_lewat = penugasan_buat(dp.org.orang_luar, dp.p_prima, status=SP.SELESAI, tenggat=hari(-30))
    assert list(penugasan_cari(dp.org.hr.akun, terlambat=True)) == [lewat]
    assert lewat.terlambat and not selesai_lewat.terlambat
    penugasan_transisi(penugasan=tugas, aksi="unggah", oleh=dp.org.anggota.akun, berkas=_berkas())
    assert list(penugasan_cari(dp.org.hr.akun, status="menunggu_verifikasi")) == [tugas]
    # Default order: open work first (overdue on top), finished last.
    assert list(penugasan_cari(dp.org.hr.akun)) == [lewat, tugas, selesai_lewat]


def test_daftar_penugasan_lingkup_kepala(dp, tugas):
    luar = penugasan_buat(dp.org.orang_luar, dp.p_data)
    # The sending head sees their staff's assignment; the receiving head sees the incoming one.
    assert list(penugasan_cari(dp.org.kepala.akun)) == [tugas]
    assert list(penugasan_cari(dp.kepala_tujuan.akun)) == [tugas]
    assert set(penugasan_cari(dp.org.ppk.akun)) == {tugas, luar}


def test_tenggat_kosong_tidak_dianggap_terlambat(dp, tugas):
    assert not tugas.terlambat_pada(tugas.tenggat)
    assert tugas.terlambat_pada(tugas.tenggat + timedelta(days=1))
