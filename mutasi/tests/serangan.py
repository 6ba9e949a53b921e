"""What the hostile tester's passes share (`test_serangan.py`, each test with its own world, and
`test_serangan_permintaan.py`, requests only, on one world built for the module): the people with a
client per role, the proposals they aim at, and what a refused request must leave untouched."""

from datetime import date

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from inti.models import CatatanAudit
from mutasi.models import (
    BatchUsulan,
    Keberatan,
    LampiranPermohonan,
    LampiranUsulan,
    NomorUrutSK,
    PengecualianSyarat,
    PermohonanMutasi,
    RiwayatStatusUsulan,
    StatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from mutasi.services.alur import usulan_transisi
from mutasi.services.keberatan import keberatan_ajukan
from mutasi.services.permohonan import permohonan_buat
from mutasi.services.usulan import lampiran_tambah
from pegawai.models import JenisUnit
from pegawai.tests.factories import UnitKerjaFactory, kepala_dari, pegawai_di

S = StatusUsulan

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
BESAR = 10**20  # beyond any database integer
PERAN = ["anon", "pegawai", "pegawai_lain", "kepala_asal", "kepala_tujuan", "kepala_lain", "hr", "ppk"]


class Dunia:
    """The proposal's people, one client per role; clients return a 500 instead of raising, so a
    crash shows up as a failed assertion on the status code."""

    def __init__(self, dunia):
        self.d = dunia
        o = dunia.org
        self.unit_lain = UnitKerjaFactory(nama="Dinas Perhubungan", jenis=JenisUnit.OPD)
        self.kepala_lain = kepala_dari(self.unit_lain)
        self.orang = {
            "pegawai": o.anggota,
            "pegawai_lain": o.orang_luar,
            "kepala_asal": o.kepala,
            "kepala_tujuan": dunia.kepala_tujuan,
            "kepala_lain": self.kepala_lain,
            "hr": o.hr,
            "ppk": o.ppk,
        }
        self.klien = {"anon": Client(raise_request_exception=False)}
        for nama, orang in self.orang.items():
            c = Client(raise_request_exception=False)
            c.force_login(orang.akun)
            self.klien[nama] = c

    def akun(self, peran):
        return self.orang[peran].akun


def jejak() -> tuple:
    """Everything a refused request must leave untouched."""
    return (
        sorted(
            UsulanMutasi.objects.values_list(
                "pk",
                "status",
                "tujuan_unit_id",
                "tujuan_jabatan_id",
                "tmt",
                "sk_id",
                "perlu_tinjauan",
                "cek_langkah",
                "keputusan_eksternal_pada",
                "persetujuan_menteri",
                "pemberitahuan_dikonfirmasi",
                "diverifikasi_oleh_id",
                "diputuskan_oleh_id",
            )
        ),
        RiwayatStatusUsulan.objects.count(),
        sorted(PengecualianSyarat.objects.values_list("pk", "dikonfirmasi_pada")),
        LampiranUsulan.objects.count(),
        LampiranPermohonan.objects.count(),
        sorted(Keberatan.objects.values_list("pk", "keputusan", "jawaban")),
        sorted(PermohonanMutasi.objects.values_list("pk", "status")),
        SuratKeputusan.objects.count(),
        list(NomorUrutSK.objects.values_list("tahun", "terakhir")),
        BatchUsulan.objects.count(),
        CatatanAudit.objects.filter(aksi__startswith="mutasi.").count(),
    )


def pesan_dari(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def bersih(r, *boleh):
    """A clean refusal (or a page): never a server error."""
    assert r.status_code != 500, r.content[:500]
    assert r.status_code in (boleh or (200, 302, 400, 403, 404, 405)), r.status_code


# --- The objects a hostile user aims at ---------------------------------------------------------------


def sasaran_bangun(w) -> dict:
    """A proposal at every interesting point, with its notice, attachment, objection and request."""
    d, o = w.d, w.d.org
    terbit = d.sampai(S.SK_TERBIT)
    lampiran = lampiran_tambah(
        oleh=o.hr.akun,
        usulan=terbit,
        berkas=SimpleUploadedFile("anjab.pdf", PDF, content_type="application/pdf"),
        jenis="ANJAB_ABK",
    )
    keberatan = keberatan_ajukan(oleh=o.anggota.akun, usulan=terbit, isi="Lokasi baru terlalu jauh dari rumah.")
    pemohon = pegawai_di(o.lain, akun=True)  # someone none of the roles is
    permohonan = permohonan_buat(
        oleh=pemohon.akun,
        jenis="DALAM",
        alasan="Ingin dekat dengan keluarga yang sakit.",
        unit_pilihan=[],
        berkas=[SimpleUploadedFile("surat.pdf", PDF, content_type="application/pdf")],
    )
    draf = d.usulan(pegawai=pegawai_di(o.subunit, mulai=date(2018, 1, 1)))
    diajukan = d.sampai(S.DIAJUKAN, pegawai=pegawai_di(o.subunit, mulai=date(2018, 1, 1)))
    batal = d.sampai(S.DIAJUKAN, pegawai=pegawai_di(o.subunit, mulai=date(2018, 1, 1)))
    usulan_transisi(usulan=batal, aksi="tarik", oleh=o.hr.akun)
    return {
        "terbit": terbit,
        "sk": terbit.sk,
        "lampiran": lampiran,
        "keberatan": keberatan,
        "permohonan": permohonan,
        "lampiran_permohonan": permohonan.lampiran.get(),
        "draf": draf,
        "diajukan": diajukan,
        "batal": batal,
    }
