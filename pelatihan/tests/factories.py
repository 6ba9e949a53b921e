"""Test data for the training and adaptation tests (no tests here): catalogue factories and a
transfer at a given state, built directly with the models so these tests do not depend on the
workflow's services. `DuniaPelatihan`: the org of conftest plus a receiving unit ("Puskesmas") with
its head and a staff member (the mentor), a destination position requiring three competences of
which the employee (org.anggota) has one, a catalogue, and the decided transfer `dp.u`.

The fixtures `dp` (a `DuniaPelatihan`) and `c` (clients by role) are in `conftest.py`.
"""

import itertools
from datetime import date, timedelta

import factory
from django.utils import timezone

from mutasi.models import JenisMutasi, StatusUsulan, SuratKeputusan, UsulanMutasi
from pegawai.models import JenisKompetensi, JenisUnit, Kompetensi, RiwayatJabatan
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, kepala_dari, pegawai_di
from pelatihan.models import JenisPelatihan, ModePelatihan, Pelatihan, PenugasanPelatihan, StatusPenugasan

_sk = itertools.count(1)


class KompetensiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kompetensi
        django_get_or_create = ("nama",)

    nama = factory.Sequence(lambda n: f"Kompetensi {n}")
    jenis = JenisKompetensi.TEKNIS


class PelatihanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pelatihan
        skip_postgeneration_save = True

    nama = factory.Sequence(lambda n: f"Pelatihan {n}")
    jenis = JenisPelatihan.TEKNIS
    jp = 16
    penyelenggara = "BKPSDM Kota Surabaya"
    mode = ModePelatihan.KLASIKAL

    @factory.post_generation
    def kompetensi(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.kompetensi.set(extracted)


def usulan_dengan_status(pegawai, tujuan_unit, tujuan_jabatan, status=StatusUsulan.DIPUTUSKAN, *, tmt=None, oleh=None):
    """A transfer at `status`, written directly. SK_TERBIT/DILAKSANAKAN get a decree; DILAKSANAKAN
    also moves the employee's current post to the destination."""
    tmt = tmt or timezone.localdate() + timedelta(days=30)
    posisi = pegawai.posisi_sekarang
    sekarang = timezone.now()
    diputuskan = status in (StatusUsulan.DIPUTUSKAN, StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN)
    dengan_sk = status in (StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN)
    u = UsulanMutasi.objects.create(
        pegawai=pegawai,
        jenis=JenisMutasi.DALAM,
        dasar="ROTASI",
        status=StatusUsulan.DIPUTUSKAN if dengan_sk else status,  # the decree comes first (a constraint)
        asal_riwayat=posisi,
        asal_unit=posisi.unit,
        asal_jabatan=posisi.jabatan,
        asal_mulai=posisi.mulai,
        tujuan_unit=tujuan_unit,
        tujuan_jabatan=tujuan_jabatan,
        alasan="Puskesmas membutuhkan tenaga pelayanan.",
        manfaat_organisasi="Pelayanan lebih cepat.",
        manfaat_pegawai="Pengalaman di layanan kesehatan.",
        tmt_usulan=tmt,
        diusulkan_oleh=oleh,
        diajukan_pada=sekarang if status != StatusUsulan.DRAFT else None,
        diputuskan_pada=sekarang if diputuskan else None,
    )
    if dengan_sk:
        n = next(_sk)
        u.sk = SuratKeputusan.objects.create(
            nomor=f"800/{n}/436.7.2/{tmt.year}",
            tahun=tmt.year,
            urut=n,
            tanggal=timezone.localdate(),
            tmt=tmt,
            tentang="Mutasi",
            penandatangan_nama="Drs. Ikhsan, M.Si.",
            penandatangan_jabatan="Sekretaris Daerah",
            kode_verifikasi=f"KODE{n:08d}",
        )
        u.tmt, u.status = tmt, status
        u.save(update_fields=["sk", "tmt", "status"])
    if status == StatusUsulan.DILAKSANAKAN:
        RiwayatJabatan.objects.filter(pk=posisi.pk).update(sampai=max(tmt - timedelta(days=1), posisi.mulai))
        u.riwayat_baru = RiwayatJabatan.objects.create(
            pegawai=pegawai, unit=tujuan_unit, jabatan=tujuan_jabatan, mulai=tmt
        )
        u.dilaksanakan_pada = sekarang
        u.save(update_fields=["riwayat_baru", "dilaksanakan_pada"])
    return u


def penugasan_buat(pegawai, pelatihan, *, usulan=None, status=StatusPenugasan.DITUGASKAN, tenggat=None, **kw):
    """An assignment at `status`, written directly (the services are tested on their own)."""
    tenggat = tenggat or timezone.localdate() + timedelta(days=60)
    if status == StatusPenugasan.SELESAI:
        kw.setdefault("tanggal_selesai", timezone.localdate())
        kw.setdefault("diverifikasi_pada", timezone.now())
        kw.setdefault("jp_diperoleh", pelatihan.jp)
    if status in (StatusPenugasan.TIDAK_SELESAI, StatusPenugasan.DIBATALKAN):
        kw.setdefault("alasan", "Alasan uji.")
    return PenugasanPelatihan.objects.create(
        pegawai=pegawai, pelatihan=pelatihan, usulan=usulan, status=status, tenggat=tenggat, **kw
    )


class DuniaPelatihan:
    def __init__(self, org):
        self.org = org
        self.tujuan = UnitKerjaFactory(nama="Puskesmas Mulyorejo", jenis=JenisUnit.PUSKESMAS)
        self.kepala_tujuan = kepala_dari(self.tujuan)
        self.mentor = pegawai_di(self.tujuan, akun=True, nama="Sri Mentor")
        self.k_layanan = KompetensiFactory(nama="Pelayanan Publik", jenis=JenisKompetensi.MANAJERIAL)
        self.k_kesmas = KompetensiFactory(nama="Kesehatan Masyarakat")
        self.k_data = KompetensiFactory(nama="Manajemen Data")
        self.k_pimpin = KompetensiFactory(nama="Kepemimpinan", jenis=JenisKompetensi.MANAJERIAL)
        self.jabatan_tujuan = JabatanFactory(nama="Pengelola Layanan Kesehatan")
        self.jabatan_tujuan.kompetensi.set([self.k_layanan, self.k_kesmas, self.k_data])
        org.anggota.kompetensi.add(self.k_data)
        for orang, email in [(org.anggota, "anggota"), (org.kepala, "camat"), (self.kepala_tujuan, "kapus")]:
            orang.email = f"{email}@surabaya.go.id"
            orang.save(update_fields=["email"])
        self.p_prima = PelatihanFactory(nama="Pelayanan Prima", jp=24, kompetensi=[self.k_layanan])
        self.p_puskesmas = PelatihanFactory(
            nama="Manajemen Puskesmas",
            jp=40,
            jenis=JenisPelatihan.MANAJERIAL,
            kompetensi=[self.k_kesmas, self.k_pimpin],
        )
        self.p_dasar = PelatihanFactory(
            nama="Layanan Kesehatan Dasar", jp=30, kompetensi=[self.k_layanan, self.k_kesmas]
        )
        self.p_data = PelatihanFactory(nama="Analisis Data", jp=16, kompetensi=[self.k_data])
        self.p_lain = PelatihanFactory(nama="Wawasan Kebangsaan", jp=12, jenis=JenisPelatihan.SOSIAL_KULTURAL)
        self.u = self.usulan()

    def usulan(self, pegawai=None, status=StatusUsulan.DIPUTUSKAN, **kw):
        return usulan_dengan_status(
            pegawai or self.org.anggota, self.tujuan, self.jabatan_tujuan, status, oleh=self.org.hr.akun, **kw
        )


PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def hari(n: int = 0) -> date:
    return timezone.localdate() + timedelta(days=n)
