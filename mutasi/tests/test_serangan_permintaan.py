"""The hostile tester's requests (`test_serangan.py` has the rest of the pass): every role sends junk
ids, junk query parameters and posts it has no business sending, to every transfer view, on one
world built once for the module (a signed decree, a notice, an objection, a request). Each must end
in a clean refusal or a page, never a 500, and write nothing."""

import pytest
from django.urls import reverse

from mutasi.services.alur import TRANSISI
from mutasi.tests.helpers import Dunia as DuniaMutasi
from mutasi.tests.serangan import BESAR, PERAN, Dunia, bersih, jejak, pesan_dari, sasaran_bangun
from pegawai.tests.factories import buat_org

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _bersama(bangun_sekali):
    with bangun_sekali("media_serangan") as media:
        w = Dunia(DuniaMutasi(buat_org()))
        yield media, w, sasaran_bangun(w)


@pytest.fixture
def bersama(_bersama, db, settings):
    """`w` and `sasaran` built once for the module, for the tests that only send requests as each
    role: building them costs about two seconds (a signed decree), and these tests run a hundred
    times. What a request wrongly wrote would still be rolled back with its test; the uploaded
    files stay where the module's data put them, so a download that may succeed does."""
    media, w, sasaran = _bersama
    settings.MEDIA_ROOT = media
    return w, sasaran


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
def test_tidak_ada_500_untuk_id_asing_dan_sampah(bersama, peran):
    w, sasaran = bersama
    c = w.klien[peran]
    for nama, args in _rute(sasaran):
        url = reverse(nama, args=args)
        bersih(c.get(url))
        if args and isinstance(args[0], int):
            for palsu in (0, BESAR):
                url_palsu = reverse(nama, args=[palsu, *args[1:]])
                for r in (c.get(url_palsu), c.post(url_palsu)):
                    bersih(r, 302, 403, 404, 405)
    for nama in ("mutasi:batch_detail", "mutasi:batch_aksi", "mutasi:batch_sk"):
        for palsu in (0, BESAR):
            bersih(c.get(reverse(nama, args=[palsu])), 302, 403, 404, 405)
            bersih(c.post(reverse(nama, args=[palsu])), 302, 403, 404, 405)
    for path in (
        "/mutasi/abc/",
        "/mutasi/-1/",
        "/mutasi/1.5/aksi/lepas/",
        "/mutasi/sk/x/pdf/",
        "/mutasi/lampiran/%00/",
    ):
        bersih(c.get(path), 302, 404)


@pytest.mark.parametrize("peran", ["anon", "pegawai", "pegawai_lain", "kepala_lain", "ppk"])
def test_post_sampah_ke_setiap_view_tidak_mengubah_apa_pun(bersama, peran):
    """Roles with no business on this proposal post everything they can think of: nothing changes."""
    w, sasaran = bersama
    c = w.klien[peran]
    sebelum = jejak()
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
        bersih(c.post(reverse(nama, args=args), isian))
    for aksi in TRANSISI:
        for target in ("terbit", "draf", "diajukan", "batal"):
            bersih(c.post(reverse("mutasi:aksi", args=[sasaran[target].pk, aksi]), {"catatan": "iseng"}))
    assert jejak() == sebelum


# --- 2. Guessing other people's ids ------------------------------------------------------------------


@pytest.mark.parametrize("peran", ["pegawai_lain", "kepala_lain"])
def test_menebak_id_milik_orang_lain_404(bersama, peran):
    w, sasaran = bersama
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


# --- 3. Other people's notices and objections ------------------------------------------------------------


@pytest.mark.parametrize("peran", ["hr", "ppk", "kepala_asal", "kepala_tujuan"])
def test_konfirmasi_dan_keberatan_atas_nama_orang_lain_ditolak(bersama, peran):
    w, sasaran = bersama
    u = sasaran["terbit"]
    c = w.klien[peran]
    sebelum = jejak()
    r = c.post(reverse("mutasi:konfirmasi", args=[u.pk]))
    assert r.status_code == 302 and pesan_dari(r)
    r = c.post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "Keberatan atas nama pegawai."})
    assert r.status_code == 302 and any("Hanya pegawai" in m for m in pesan_dari(r))
    assert jejak() == sebelum


@pytest.mark.parametrize("peran", ["pegawai_lain", "kepala_lain"])
def test_konfirmasi_dan_keberatan_tanpa_akses_404(bersama, peran):
    w, sasaran = bersama
    u = sasaran["terbit"]
    sebelum = jejak()
    assert w.klien[peran].post(reverse("mutasi:konfirmasi", args=[u.pk])).status_code == 404
    assert w.klien[peran].post(reverse("mutasi:keberatan_ajukan", args=[u.pk]), {"isi": "x" * 20}).status_code == 404
    assert jejak() == sebelum


# --- 4. Junk query parameters ------------------------------------------------------------------------------


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
def test_parameter_sampah_di_daftar_dan_ekspor(bersama, query, peran):
    w, _ = bersama  # the lists show the targets
    c = w.klien[peran]
    for nama in ("mutasi:daftar", "mutasi:ekspor", "mutasi:batch_daftar"):
        r = c.get(reverse(nama) + "?" + query)
        assert r.status_code == 200, (nama, query, r.status_code)
        isi = b"".join(r.streaming_content) if r.streaming else r.content
        assert b"<script>alert(1)" not in isi


@pytest.mark.parametrize("query", ["status=nonsense", "status=DIAJUKAN&page=abc", f"page={BESAR}", "page=0"])
def test_parameter_sampah_di_daftar_hr(bersama, query):
    w, _ = bersama  # the lists show the targets
    for nama in ("mutasi:permohonan_daftar", "mutasi:keberatan_daftar"):
        assert w.klien["hr"].get(reverse(nama) + "?" + query).status_code == 200
