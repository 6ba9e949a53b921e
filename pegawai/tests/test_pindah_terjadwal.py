"""A manual move with a future TMT is scheduled, not applied: the current post, head counts and the
needs analysis stay until the day, when `terapkan_pindah_terjadwal` applies it (issue 12). A manual
move is refused while a decided transfer waits (the PEGAWAI_MUTASI_TERTUNDA hook, faked here; the
real mutasi selector is tested in tests/test_pindah_mutasi.py)."""

from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from inti.galat import LayananError
from inti.models import CatatanAudit
from pegawai.models import PindahTerjadwal, RiwayatJabatan, RiwayatStatusPindah, StatusPindah, TugasJabatan
from pegawai.selectors.abk.ikhtisar import abk_posisi_satu
from pegawai.selectors.pegawai import pegawai_cari
from pegawai.services.organisasi import unit_tutup
from pegawai.services.pegawai import pegawai_nonaktifkan, pegawai_pindah_jabatan
from pegawai.services.pindah import pindah_jabatan_catat, pindah_terapkan_jatuh_tempo
from pegawai.services.pindah_terjadwal import pindah_terjadwal_batalkan
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory

HARI = date(2026, 12, 6)  # "today" of the scenario in the issue
TMT = date(2026, 12, 15)

# Filled by tests; read through the PEGAWAI_MUTASI_TERTUNDA hook.
TERTUNDA: dict[int, tuple[str, str]] = {}


def tertunda_palsu(pegawai_id: int):
    return TERTUNDA.get(pegawai_id)


@pytest.fixture(autouse=True)
def _hook(settings):
    settings.PEGAWAI_MUTASI_TERTUNDA = "pegawai.tests.test_pindah_terjadwal.tertunda_palsu"
    TERTUNDA.clear()
    yield
    TERTUNDA.clear()


@pytest.fixture
def tujuan(org):
    """A post in another OPD with workload that needs two people (and nobody holds it)."""
    jabatan = JabatanFactory(nama="Analis SDM Aparatur")
    TugasJabatan.objects.create(
        unit=org.lain, jabatan=jabatan, uraian="Analisis", satuan_hasil="dokumen", volume=250, norma_waktu=10
    )
    return jabatan


def _jadwalkan(org, jabatan, tmt=TMT, hari_ini=HARI, **kw):
    return pindah_jabatan_catat(
        oleh=org.hr.akun,
        pegawai=org.anggota,
        unit=org.lain,
        jabatan=jabatan,
        tmt=tmt,
        nomor_sk="800/77/436.7.2/2026",
        hari_ini=hari_ini,
        **kw,
    )


def _angka(org, jabatan):
    """What must not change before the TMT: the post, both head counts, the ABK figures, the list."""
    asal = org.anggota.posisi_sekarang
    a, t = abk_posisi_satu(org.subunit, asal.jabatan), abk_posisi_satu(org.lain, jabatan)
    di_lain = set(pegawai_cari(org.hr.akun, unit=org.lain.pk).values_list("pk", flat=True))
    return (asal.pk, asal.unit_id, asal.sampai, a.bezetting, t.bezetting, t.kebutuhan_orang, t.selisih, di_lain)


def _riwayat(pegawai):
    return list(RiwayatJabatan.objects.filter(pegawai=pegawai).order_by("pk").values())


# --- Scheduling ---------------------------------------------------------------------------------


class TestJadwalkan:
    def test_tmt_besok_tidak_mengubah_apa_pun_hari_ini(self, org, tujuan):
        sebelum = _angka(org, tujuan)
        assert sebelum[4] == 0 and sebelum[5] == 2  # nobody holds the post, two are needed
        hasil = _jadwalkan(org, tujuan, tmt=HARI + timedelta(days=1))
        assert isinstance(hasil, PindahTerjadwal) and hasil.status == StatusPindah.TERJADWAL
        assert _angka(org, tujuan) == sebelum
        assert org.anggota.posisi_sekarang.unit == org.subunit
        assert RiwayatJabatan.objects.filter(pegawai=org.anggota).count() == 1
        assert list(hasil.riwayat_status.values_list("aksi", "dari", "ke")) == [("jadwalkan", "", "TERJADWAL")]
        assert CatatanAudit.objects.filter(aksi="pegawai.pindah_dijadwalkan", objek_id=str(org.anggota.pk)).exists()
        assert not CatatanAudit.objects.filter(aksi="pegawai.pindah_jabatan").exists()

    @pytest.mark.parametrize("tmt", [HARI, HARI - timedelta(days=1)], ids=["hari_ini", "kemarin"])
    def test_tmt_hari_ini_atau_lampau_langsung_berlaku(self, org, tujuan, tmt):
        hasil = _jadwalkan(org, tujuan, tmt=tmt)
        assert isinstance(hasil, RiwayatJabatan)
        posisi = org.anggota.posisi_sekarang
        assert (posisi.pk, posisi.unit, posisi.mulai) == (hasil.pk, org.lain, tmt)
        assert not PindahTerjadwal.objects.exists()
        assert abk_posisi_satu(org.lain, tujuan).bezetting == 1

    def test_jabatan_yang_sama_ditolak(self, org):
        posisi = org.anggota.posisi_sekarang
        with pytest.raises(LayananError, match="sudah menduduki"):
            pindah_jabatan_catat(
                oleh=org.hr.akun, pegawai=org.anggota, unit=posisi.unit, jabatan=posisi.jabatan, tmt=TMT, hari_ini=HARI
            )
        assert not PindahTerjadwal.objects.exists()

    def test_satu_terjadwal_per_pegawai(self, org, tujuan):
        _jadwalkan(org, tujuan)
        for tmt in (TMT + timedelta(days=10), HARI):  # neither another scheduled move nor one at once
            with pytest.raises(LayananError, match="Sudah ada perpindahan terjadwal"):
                _jadwalkan(org, JabatanFactory(), tmt=tmt)
        assert PindahTerjadwal.objects.count() == 1
        assert RiwayatJabatan.objects.filter(pegawai=org.anggota).count() == 1

    def test_hanya_hr(self, org, tujuan):
        with pytest.raises(LayananError, match="Hanya staf BKPSDM"):
            pindah_jabatan_catat(
                oleh=org.kepala.akun, pegawai=org.anggota, unit=org.lain, jabatan=tujuan, tmt=TMT, hari_ini=HARI
            )
        assert not PindahTerjadwal.objects.exists()


# --- The daily job ------------------------------------------------------------------------------


class TestTerapkan:
    def test_sehari_sebelum_tmt_tidak_diterapkan(self, org, tujuan):
        p = _jadwalkan(org, tujuan)
        sebelum = _angka(org, tujuan)
        laporan = pindah_terapkan_jatuh_tempo(hari_ini=TMT - timedelta(days=1))
        assert laporan.diterapkan == [] and laporan.gagal == []
        p.refresh_from_db()
        assert p.status == StatusPindah.TERJADWAL
        assert _angka(org, tujuan) == sebelum

    def test_pada_hari_tmt_diterapkan_dan_kedua_kali_tidak_mengubah_apa_pun(self, org, tujuan):
        p = _jadwalkan(org, tujuan)
        asal = org.anggota.posisi_sekarang
        laporan = pindah_terapkan_jatuh_tempo(hari_ini=TMT)
        assert len(laporan.diterapkan) == 1 and not laporan.gagal
        p.refresh_from_db()
        assert p.status == StatusPindah.DITERAPKAN and p.diterapkan_pada is not None
        posisi = org.anggota.posisi_sekarang
        assert (posisi.pk, posisi.unit, posisi.jabatan, posisi.mulai) == (p.riwayat_id, org.lain, tujuan, TMT)
        assert posisi.nomor_sk == "800/77/436.7.2/2026"
        asal.refresh_from_db()
        assert asal.sampai == TMT - timedelta(days=1)
        assert abk_posisi_satu(org.lain, tujuan).bezetting == 1
        assert abk_posisi_satu(org.subunit, asal.jabatan).bezetting == 0
        langkah = list(p.riwayat_status.values_list("aksi", "ke"))
        assert langkah == [("jadwalkan", "TERJADWAL"), ("terapkan", "DITERAPKAN")]
        pindah = CatatanAudit.objects.get(aksi="pegawai.pindah_jabatan")
        assert pindah.oleh is None and pindah.perubahan["pindah_terjadwal"] == p.pk
        assert CatatanAudit.objects.filter(aksi="pegawai.pindah_terjadwal.terapkan", objek_id=str(p.pk)).exists()
        # A second run, the same day or later: nothing changes.
        jejak, riwayat = CatatanAudit.objects.count(), _riwayat(org.anggota)
        for hari in (TMT, TMT + timedelta(days=1)):
            assert pindah_terapkan_jatuh_tempo(hari_ini=hari).diterapkan == []
        assert (CatatanAudit.objects.count(), _riwayat(org.anggota)) == (jejak, riwayat)
        assert RiwayatStatusPindah.objects.count() == 2

    def test_hari_terlewat_diterapkan_dengan_tmt_aslinya(self, org, tujuan):
        _jadwalkan(org, tujuan)
        pindah_terapkan_jatuh_tempo(hari_ini=TMT + timedelta(days=1))
        assert org.anggota.posisi_sekarang.mulai == TMT

    def test_jabatan_kepala_berpindah_pada_hari_tmt(self, org):
        camat = JabatanFactory(nama="Camat", kepala_unit=True)
        _jadwalkan(org, camat)
        org.lain.refresh_from_db()
        assert org.lain.kepala_id is None
        pindah_terapkan_jatuh_tempo(hari_ini=TMT)
        org.lain.refresh_from_db()
        assert org.lain.kepala_id == org.anggota.pk

    def test_ditahan_selama_mutasi_yang_diputuskan_menunggu(self, org, tujuan):
        p = _jadwalkan(org, tujuan)
        TERTUNDA[org.anggota.pk] = ("USL-2026-00012", "/mutasi/12/")
        laporan = pindah_terapkan_jatuh_tempo(hari_ini=TMT)
        assert laporan.diterapkan == [] and "USL-2026-00012" in laporan.ditahan[0]
        p.refresh_from_db()
        assert p.status == StatusPindah.TERJADWAL
        assert org.anggota.posisi_sekarang.unit == org.subunit
        TERTUNDA.clear()  # carried out or cancelled: the next run applies it
        assert len(pindah_terapkan_jatuh_tempo(hari_ini=TMT).diterapkan) == 1

    def test_gugur_bila_jabatan_sudah_berubah(self, org, tujuan):
        """A transfer carried out before the TMT: the waiting move was planned from a post that is gone."""
        p = _jadwalkan(org, tujuan)
        pegawai_pindah_jabatan(oleh=None, pegawai=org.anggota, unit=org.unit, jabatan=JabatanFactory(), tmt=HARI)
        p.refresh_from_db()
        assert p.status == StatusPindah.DIBATALKAN and "Jabatan sudah berubah" in p.alasan_batal
        assert pindah_terapkan_jatuh_tempo(hari_ini=TMT).diterapkan == []
        assert org.anggota.posisi_sekarang.unit == org.unit

    def test_gugur_bila_pegawai_dinonaktifkan(self, org, tujuan):
        p = _jadwalkan(org, tujuan)
        pegawai_nonaktifkan(oleh=org.hr.akun, pegawai=org.anggota, alasan="Pensiun (BUP)", tanggal=HARI)
        p.refresh_from_db()
        assert p.status == StatusPindah.DIBATALKAN and "Pensiun" in p.alasan_batal
        assert pindah_terapkan_jatuh_tempo(hari_ini=TMT).diterapkan == []
        assert not RiwayatJabatan.objects.filter(pegawai=org.anggota, sampai__isnull=True).exists()

    def test_pegawai_tidak_aktif_tidak_mendapat_jabatan_baru(self, org):
        """Whoever calls it (a transfer carried out, the daily job, HR's form): no post for someone
        no longer in service."""
        pegawai_nonaktifkan(oleh=org.hr.akun, pegawai=org.anggota, alasan="Meninggal dunia", tanggal=HARI)
        jumlah = RiwayatJabatan.objects.filter(pegawai=org.anggota).count()
        with pytest.raises(LayananError, match="sudah tidak aktif"):
            pegawai_pindah_jabatan(oleh=None, pegawai=org.anggota, unit=org.unit, jabatan=JabatanFactory(), tmt=HARI)
        assert RiwayatJabatan.objects.filter(pegawai=org.anggota).count() == jumlah
        assert org.anggota.posisi_sekarang is None

    def test_unit_yang_ditutup_tidak_menerima_jabatan_baru(self, org, tujuan):
        """A scheduled move into a unit closed before its TMT is cancelled with the reason; and no
        post opens in a closed unit by any other way."""
        kosong = UnitKerjaFactory(nama="UPTD Lama")
        p = pindah_jabatan_catat(
            oleh=org.hr.akun, pegawai=org.anggota, unit=kosong, jabatan=tujuan, tmt=TMT, hari_ini=HARI
        )
        unit_tutup(oleh=org.hr.akun, unit=kosong, tanggal=HARI)
        laporan = pindah_terapkan_jatuh_tempo(hari_ini=TMT)
        assert laporan.diterapkan == [] and len(laporan.dibatalkan) == 1
        p.refresh_from_db()
        assert p.status == StatusPindah.DIBATALKAN and "UPTD Lama sudah ditutup" in p.alasan_batal
        with pytest.raises(LayananError, match="sudah ditutup"):
            pegawai_pindah_jabatan(oleh=None, pegawai=org.anggota, unit=kosong, jabatan=tujuan, tmt=TMT)
        assert org.anggota.posisi_sekarang.unit == org.subunit

    def test_jabatan_berubah_di_luar_layanan_dibatalkan_oleh_job(self, org, tujuan):
        p = _jadwalkan(org, tujuan)
        RiwayatJabatan.objects.filter(pk=org.anggota.posisi_sekarang.pk).update(sampai=HARI)  # e.g. a repair
        laporan = pindah_terapkan_jatuh_tempo(hari_ini=TMT)
        assert laporan.diterapkan == [] and len(laporan.dibatalkan) == 1
        p.refresh_from_db()
        assert p.status == StatusPindah.DIBATALKAN and p.riwayat_status.last().oleh is None


class TestPerintah:
    def test_tanggal_sesudah_hari_ini_ditolak(self, org, tujuan):
        besok = timezone.localdate() + timedelta(days=1)
        p = _jadwalkan(org, tujuan, tmt=besok, hari_ini=timezone.localdate())
        with pytest.raises(CommandError, match="sesudah hari ini"):
            call_command("terapkan_pindah_terjadwal", tanggal=besok)
        with pytest.raises(CommandError, match="sesudah hari ini"):
            call_command("terapkan_pindah_terjadwal", "--tanggal", besok.isoformat())
        p.refresh_from_db()
        assert p.status == StatusPindah.TERJADWAL
        assert org.anggota.posisi_sekarang.unit == org.subunit

    def test_tanggal_hari_ini_dan_sebelumnya(self, org, tujuan, capsys):
        hari = timezone.localdate()
        tmt = hari - timedelta(days=3)
        p = _jadwalkan(org, tujuan, tmt=tmt, hari_ini=tmt - timedelta(days=10))
        call_command("terapkan_pindah_terjadwal", "--tanggal", (tmt - timedelta(days=1)).isoformat())
        p.refresh_from_db()
        assert p.status == StatusPindah.TERJADWAL
        call_command("terapkan_pindah_terjadwal", "--tanggal", tmt.isoformat())
        p.refresh_from_db()
        assert p.status == StatusPindah.DITERAPKAN
        call_command("terapkan_pindah_terjadwal")  # today: nothing left
        assert "0 diterapkan" in capsys.readouterr().out
        assert org.anggota.posisi_sekarang.mulai == tmt


# --- Cancelling -----------------------------------------------------------------------------------


class TestBatalkan:
    def url(self, org, p):
        return reverse("pegawai:pindah_terjadwal_batal", args=[org.anggota.pk, p.pk])

    def test_hr_membatalkan_dengan_alasan(self, clients, org, tujuan):
        p = _jadwalkan(org, tujuan)
        sebelum = _angka(org, tujuan)
        r = clients["hr"].post(self.url(org, p), {"alasan": "SK ditarik kembali"})
        assert r.status_code == 302
        p.refresh_from_db()
        assert (p.status, p.alasan_batal) == (StatusPindah.DIBATALKAN, "SK ditarik kembali")
        baris = p.riwayat_status.last()
        assert (baris.aksi, baris.dari, baris.ke, baris.oleh) == ("batalkan", "TERJADWAL", "DIBATALKAN", org.hr.akun)
        assert CatatanAudit.objects.filter(aksi="pegawai.pindah_terjadwal.batalkan", objek_id=str(p.pk)).exists()
        assert _angka(org, tujuan) == sebelum
        assert pindah_terapkan_jatuh_tempo(hari_ini=TMT).diterapkan == []
        assert org.anggota.posisi_sekarang.unit == org.subunit
        # the employee's page no longer shows it, and the trail on the page has the cancellation
        r = clients["hr"].get(reverse("pegawai:detail", args=[org.anggota.pk]))
        assert "pindah-terjadwal" not in r.content.decode()
        assert "Pindah jabatan terjadwal dibatalkan" in r.content.decode()

    def test_tanpa_alasan_ditolak(self, clients, org, tujuan):
        p = _jadwalkan(org, tujuan)
        clients["hr"].post(self.url(org, p), {"alasan": "  "})
        p.refresh_from_db()
        assert p.status == StatusPindah.TERJADWAL

    @pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota"])
    def test_selain_hr_403(self, clients, org, tujuan, peran):
        p = _jadwalkan(org, tujuan)
        assert clients[peran].post(self.url(org, p), {"alasan": "bukan wewenang"}).status_code == 403
        p.refresh_from_db()
        assert p.status == StatusPindah.TERJADWAL

    def test_anonim_ke_halaman_masuk(self, clients, org, tujuan):
        p = _jadwalkan(org, tujuan)
        r = clients["anon"].post(self.url(org, p), {"alasan": "x"})
        assert r.status_code == 302 and r["Location"].startswith(reverse("login"))

    def test_milik_pegawai_lain_404(self, clients, org, tujuan):
        p = _jadwalkan(org, tujuan)
        url = reverse("pegawai:pindah_terjadwal_batal", args=[org.orang_luar.pk, p.pk])
        assert clients["hr"].post(url, {"alasan": "salah pegawai"}).status_code == 404

    def test_sistem_tidak_bisa_dipanggil_dari_luar_untuk_menerapkan(self, org, tujuan):
        p = _jadwalkan(org, tujuan)
        from pegawai.services.pindah_terjadwal import ALUR

        with pytest.raises(LayananError, match="otomatis"):
            ALUR.jalankan(objek=p, aksi="terapkan", oleh=org.hr.akun)
        with pytest.raises(LayananError):
            pindah_terjadwal_batalkan(oleh=org.kepala.akun, pindah=p, alasan="bukan HR")


# --- The pages ------------------------------------------------------------------------------------


class TestHalaman:
    def test_form_tmt_masa_depan_menjadwalkan(self, clients, org, tujuan):
        tmt = timezone.localdate() + timedelta(days=9)
        r = clients["hr"].post(
            reverse("pegawai:pindah_jabatan", args=[org.anggota.pk]),
            {"unit": org.lain.pk, "jabatan": tujuan.pk, "tmt": tmt.isoformat(), "nomor_sk": "800/1/2026"},
            follow=True,
        )
        assert "dijadwalkan mulai" in r.content.decode()
        assert org.anggota.posisi_sekarang.unit == org.subunit
        assert PindahTerjadwal.objects.get().tmt == tmt

    def test_halaman_pegawai_menampilkan_jadwal_dan_tombol_batal_hanya_untuk_hr(self, clients, org, tujuan):
        p = _jadwalkan(org, tujuan)
        url = reverse("pegawai:detail", args=[org.anggota.pk])
        html = clients["hr"].get(url).content.decode()
        assert "Pindah jabatan dijadwalkan mulai 15 Desember 2026" in html
        assert "dijadwalkan mulai 15-12-2026" in html
        assert reverse("pegawai:pindah_terjadwal_batal", args=[org.anggota.pk, p.pk]) in html
        for peran in ("kepala", "anggota"):
            html = clients[peran].get(url).content.decode()
            assert "dijadwalkan mulai 15 Desember 2026" in html
            assert "/batal/" not in html

    def test_form_menolak_saat_mutasi_tertunda_dengan_tautan(self, clients, org, tujuan):
        TERTUNDA[org.anggota.pk] = ("USL-2026-00012", "/mutasi/12/")
        url = reverse("pegawai:pindah_jabatan", args=[org.anggota.pk])
        html = clients["hr"].get(url).content.decode()
        assert 'href="/mutasi/12/"' in html and "USL-2026-00012" in html
        r = clients["hr"].post(url, {"unit": org.lain.pk, "jabatan": tujuan.pk, "tmt": "2026-01-02"})
        assert r.status_code == 200
        galat = " ".join(r.context["form"].non_field_errors())
        assert "USL-2026-00012" in galat and "/mutasi/12/" in galat
        assert 'href="/mutasi/12/"' in r.content.decode()
        assert RiwayatJabatan.objects.filter(pegawai=org.anggota).count() == 1
        assert not PindahTerjadwal.objects.exists()

    def test_layanan_menolak_saat_mutasi_tertunda(self, org, tujuan):
        TERTUNDA[org.anggota.pk] = ("USL-2026-00012", "/mutasi/12/")
        for tmt in (HARI, TMT):
            with pytest.raises(LayananError, match=r"USL-2026-00012.*/mutasi/12/"):
                _jadwalkan(org, tujuan, tmt=tmt)
        assert RiwayatJabatan.objects.filter(pegawai=org.anggota).count() == 1
        TERTUNDA.clear()
        assert isinstance(_jadwalkan(org, tujuan, tmt=HARI), RiwayatJabatan)

    def test_hook_kosong_tidak_pernah_menolak(self, settings, org, tujuan):
        settings.PEGAWAI_MUTASI_TERTUNDA = ""
        assert isinstance(_jadwalkan(org, tujuan), PindahTerjadwal)
