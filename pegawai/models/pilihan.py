"""Reference vocabularies: ASN status, gender, grades, kinds and levels of positions and units,
competences, performance predicates, roles and sanction levels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusAsn(models.TextChoices):
    PNS = "PNS", "PNS"
    PPPK = "PPPK", "PPPK"


class JenisKelamin(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


PANGKAT_PNS = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_PPPK = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
]
GOLONGAN_CHOICES = [(g, f"{g} - {p}") for g, p in PANGKAT_PNS.items()] + [(g, f"{g} (PPPK)") for g in GOLONGAN_PPPK]


class JenisJabatan(models.TextChoices):
    JPT = "JPT", _("Jabatan Pimpinan Tinggi")
    ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")
    PENGAWAS = "PENGAWAS", _("Pengawas")
    FUNGSIONAL = "FUNGSIONAL", _("Fungsional")
    PELAKSANA = "PELAKSANA", _("Pelaksana")


class JenjangJabatan(models.TextChoices):
    NONE = "", "-"
    JPT_UTAMA = "JPT_UTAMA", _("JPT Utama")
    JPT_MADYA = "JPT_MADYA", _("JPT Madya")
    JPT_PRATAMA = "JPT_PRATAMA", _("JPT Pratama")
    AHLI_UTAMA = "AHLI_UTAMA", _("Ahli Utama")
    AHLI_MADYA = "AHLI_MADYA", _("Ahli Madya")
    AHLI_MUDA = "AHLI_MUDA", _("Ahli Muda")
    AHLI_PERTAMA = "AHLI_PERTAMA", _("Ahli Pertama")
    PENYELIA = "PENYELIA", _("Penyelia")
    MAHIR = "MAHIR", _("Mahir")
    TERAMPIL = "TERAMPIL", _("Terampil")
    PEMULA = "PEMULA", _("Pemula")


class JenisUnit(models.TextChoices):
    OPD = "OPD", _("Perangkat Daerah (OPD)")
    SEKRETARIAT = "SEKRETARIAT", _("Sekretariat")
    BIDANG = "BIDANG", _("Bidang")
    BAGIAN = "BAGIAN", _("Bagian")
    SUBBAGIAN = "SUBBAGIAN", _("Subbagian")
    SEKSI = "SEKSI", _("Seksi")
    KECAMATAN = "KECAMATAN", _("Kecamatan")
    KELURAHAN = "KELURAHAN", _("Kelurahan")
    PUSKESMAS = "PUSKESMAS", _("Puskesmas")
    RSUD = "RSUD", _("Rumah Sakit Daerah")
    SEKOLAH = "SEKOLAH", _("Sekolah")
    UPTD = "UPTD", _("UPTD")


class JenisKompetensi(models.TextChoices):
    TEKNIS = "TEKNIS", _("Teknis")
    MANAJERIAL = "MANAJERIAL", _("Manajerial")
    SOSIAL_KULTURAL = "SOSIAL_KULTURAL", _("Sosial Kultural")


class Predikat(models.TextChoices):
    """Predikat kinerja (PermenPANRB 6/2022), best first."""

    SANGAT_BAIK = "SANGAT_BAIK", _("Sangat Baik")
    BAIK = "BAIK", _("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
    KURANG = "KURANG", _("Kurang/Misconduct")
    SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")

    @classmethod
    def skor(cls, value: str) -> int:
        """5 for Sangat Baik down to 1 for Sangat Kurang: for comparing before and after."""
        order = [cls.SANGAT_KURANG, cls.KURANG, cls.BUTUH_PERBAIKAN, cls.BAIK, cls.SANGAT_BAIK]
        return order.index(value) + 1

    @classmethod
    def baik_atau_lebih(cls, value: str) -> bool:
        return value in (cls.SANGAT_BAIK, cls.BAIK)


class Peran(models.TextChoices):
    PEGAWAI = "PEGAWAI", _("Pegawai")
    HR = "HR", _("Staf BKPSDM")
    PPK = "PPK", _("Pejabat Pembina Kepegawaian")


class TingkatHukuman(models.TextChoices):
    RINGAN = "RINGAN", _("Ringan")
    SEDANG = "SEDANG", _("Sedang")
    BERAT = "BERAT", _("Berat")


class TingkatPendidikan(models.TextChoices):
    """Education levels, lowest first (the order is the ranking: the highest sets Pegawai.pendidikan)."""

    SD = "SD", "SD"
    SMP = "SMP", "SMP"
    SMA = "SMA", "SMA/SMK"
    D1 = "D1", "D-I"
    D2 = "D2", "D-II"
    D3 = "D3", "D-III"
    D4 = "D4", "D-IV"
    S1 = "S1", "S-1"
    S2 = "S2", "S-2"
    S3 = "S3", "S-3"

    @classmethod
    def urutan(cls, value: str) -> int:
        return list(cls.values).index(value) if value in cls.values else -1


class JenisKenaikanPangkat(models.TextChoices):
    """How a rank was reached (SIASN's jenisKPNama, shortened)."""

    PENGANGKATAN = "PENGANGKATAN", _("Pengangkatan CPNS/PNS")
    REGULER = "REGULER", _("Reguler")
    PILIHAN = "PILIHAN", _("Pilihan")
    PENYESUAIAN_IJAZAH = "PENYESUAIAN_IJAZAH", _("Penyesuaian ijazah")
    PENGABDIAN = "PENGABDIAN", _("Pengabdian")
    ANUMERTA = "ANUMERTA", _("Anumerta")
    LAINNYA = "LAINNYA", _("Lainnya")


class SumberData(models.TextChoices):
    MANUAL = "MANUAL", _("Diisi manual")
    IMPOR = "IMPOR", _("Impor")
    DEMO = "DEMO", _("Data demo")
