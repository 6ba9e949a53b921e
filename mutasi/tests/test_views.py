"""Posts for every role, visibility rules, list queries, export, pre-filled form (the GET permission
matrix is in test_views_matriks.py)."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mutasi.models import StatusUsulan
from pegawai.tests.factories import pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
SEMUA = ["anon", "hr", "ppk", "kepala", "anggota", "orang_luar"]


def test_pegawai_baru_melihat_usulannya_setelah_diputuskan(dunia, clients):
    u = dunia.sampai(S.DIVERIFIKASI)
    assert clients["anggota"].get(reverse("mutasi:detail", args=[u.pk])).status_code == 404
    dunia.sampai(S.DIPUTUSKAN, usulan=u)
    assert clients["anggota"].get(reverse("mutasi:detail", args=[u.pk])).status_code == 200


@pytest.mark.parametrize("peran", SEMUA)
def test_matriks_izin_post_lepas(dunia, clients, peran):
    u = dunia.sampai(S.DIAJUKAN)
    r = clients[peran].post(reverse("mutasi:aksi", args=[u.pk, "lepas"]))
    u.refresh_from_db()
    if peran == "kepala":
        assert r.status_code == 302 and u.status == S.DILEPAS
    else:
        assert r.status_code in (302, 404) and u.status == S.DIAJUKAN
        if peran == "anon":
            assert "/akun/" in r.url


def test_aksi_ditolak_tampil_sebagai_pesan(dunia, clients):
    u = dunia.sampai(S.DIAJUKAN)
    r = clients["hr"].post(reverse("mutasi:aksi", args=[u.pk, "lepas"]), follow=True)
    assert "Langkah ini menunggu Kepala" in r.content.decode()
    assert clients["hr"].post(reverse("mutasi:aksi", args=[u.pk, "terbitkan_sk"])).status_code == 404
    assert clients["hr"].get(reverse("mutasi:aksi", args=[u.pk, "lepas"])).status_code == 405


def test_kepala_hanya_melihat_usulan_unitnya(dunia, clients):
    mine = dunia.sampai(S.DIAJUKAN)
    other = dunia.sampai(S.DIAJUKAN, pegawai=dunia.org.orang_luar)
    r = clients["kepala"].get(reverse("mutasi:daftar"))
    ids = {u.pk for u in r.context["usulan_list"]}
    assert mine.pk in ids and other.pk not in ids
    assert clients["kepala"].get(reverse("mutasi:detail", args=[other.pk])).status_code == 404
    # the receiving head sees proposals coming in; the PPK sees every submitted one
    r = clients["ppk"].get(reverse("mutasi:daftar"))
    assert {mine.pk, other.pk} <= {u.pk for u in r.context["usulan_list"]}


def test_daftar_jumlah_query_tetap(dunia, clients, django_assert_max_num_queries):
    for _ in range(3):
        dunia.sampai(S.DIAJUKAN, pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1)))
    with django_assert_max_num_queries(12) as sedikit:
        clients["hr"].get(reverse("mutasi:daftar"))
    for _ in range(12):
        dunia.sampai(S.DIAJUKAN, pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1)))
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        r = clients["hr"].get(reverse("mutasi:daftar"))
    assert r.context["page_obj"].paginator.count == 15


def test_filter_dan_cari(dunia, clients):
    u = dunia.sampai(S.DIAJUKAN)
    v = dunia.sampai(S.DIVERIFIKASI, pegawai=dunia.org.orang_luar)
    c = clients["hr"]
    ids = lambda q: {x.pk for x in c.get(reverse("mutasi:daftar") + q).context["usulan_list"]}  # noqa: E731
    assert ids("?status=DIAJUKAN") == {u.pk}
    assert ids(f"?unit={dunia.org.unit.pk}") == {u.pk}  # the subunit's employee, via the parent unit
    assert ids(f"?q={dunia.org.orang_luar.nama}") == {v.pk}
    assert ids(f"?q={dunia.org.anggota.nip[:8]}") == {u.pk}
    assert ids("?urut=-nama") == {u.pk, v.pk}


def test_ekspor_xlsx(dunia, clients):
    from openpyxl import load_workbook

    u = dunia.sampai(S.SK_TERBIT)
    r = clients["hr"].get(reverse("mutasi:ekspor") + "?status=SK_TERBIT")
    assert r.status_code == 200 and "spreadsheetml" in r["Content-Type"]
    ws = load_workbook(BytesIO(b"".join(r.streaming_content))).active
    assert ws["A1"].value == "Nomor" and ws.max_row == 2
    assert ws["B2"].value == u.pegawai.nip and ws["M2"].value == u.sk.nomor
    assert ws["J2"].is_date and ws["J2"].value.date() == u.tmt_usulan  # dates stay dates


def test_ekspor_alasan_berbentuk_rumus_menjadi_sel_teks(dunia, clients):
    """A reason typed as `=HYPERLINK("http://x")` is exported as a text cell with exactly that
    text: not a formula, and not altered (no leading apostrophe)."""
    from openpyxl import load_workbook

    u = dunia.usulan(alasan='=HYPERLINK("http://x")')
    r = clients["hr"].get(reverse("mutasi:ekspor"))
    ws = load_workbook(BytesIO(b"".join(r.streaming_content))).active
    sel = next(row[14] for row in ws.iter_rows(min_row=2) if row[0].value == u.nomor)
    assert sel.data_type == "s" and sel.value == '=HYPERLINK("http://x")'


def test_form_terisi_dari_kandidat_abk(dunia, clients):
    o = dunia.org
    url = (
        reverse("mutasi:baru")
        + f"?pegawai={o.anggota.pk}&unit={dunia.tujuan.pk}&jabatan={dunia.jabatan_tujuan.pk}&dasar=analisis"
    )
    r = clients["hr"].get(url)
    awal = r.context["form"].initial
    assert (awal["pegawai"], awal["tujuan_unit"], awal["tujuan_jabatan"], awal["dasar"]) == (
        o.anggota.pk,
        dunia.tujuan.pk,
        dunia.jabatan_tujuan.pk,
        "ANALISIS",
    )
    # a head may not pick someone outside their reach
    r = clients["kepala"].get(reverse("mutasi:baru") + f"?pegawai={o.orang_luar.pk}")
    assert r.context["pegawai"] is None


def test_buat_usulan_lewat_form_dan_salah_isi_tidak_hilang(dunia, clients):
    o = dunia.org
    data = {
        "pegawai": o.anggota.pk,
        "jenis": "DALAM",
        "dasar": "ROTASI",
        "tujuan_unit": "",
        "tujuan_jabatan": dunia.jabatan_tujuan.pk,
        "tmt_usulan": "2030-01-01",
        "alasan": "Alasan yang jelas",
        "manfaat_organisasi": "m1",
        "manfaat_pegawai": "m2",
    }
    url = reverse("mutasi:baru") + f"?pegawai={o.anggota.pk}"
    r = clients["kepala"].post(url, data)
    assert r.status_code == 200 and "Alasan yang jelas" in r.content.decode()
    data["tujuan_unit"] = dunia.tujuan.pk
    r = clients["kepala"].post(url, data)
    assert r.status_code == 302
    u = o.anggota.usulan_mutasi.get()
    assert u.diusulkan_oleh == o.kepala.akun and u.asal_unit == o.subunit and u.status == S.DRAFT


def test_lampiran_diperiksa_isinya(dunia, clients):
    u = dunia.usulan()
    palsu = SimpleUploadedFile("virus.pdf", b"MZ\x90 exe", content_type="application/pdf")
    r = clients["hr"].post(
        reverse("mutasi:lampiran_tambah", args=[u.pk]), {"jenis": "LAINNYA", "berkas": palsu}, follow=True
    )
    assert "bukan PDF" in r.content.decode() and not u.lampiran.exists()
    png = SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\nxxxx", content_type="application/octet-stream")
    clients["hr"].post(reverse("mutasi:lampiran_tambah", args=[u.pk]), {"jenis": "LAINNYA", "berkas": png})
    assert u.lampiran.get().tipe == "image/png"


def test_konfirmasi_baca_oleh_pegawai(dunia, clients):
    u = dunia.sampai(S.SK_TERBIT)
    clients["hr"].post(reverse("mutasi:konfirmasi", args=[u.pk]))
    u.refresh_from_db()
    assert u.pemberitahuan_dikonfirmasi is None
    clients["anggota"].post(reverse("mutasi:konfirmasi", args=[u.pk]))
    u.refresh_from_db()
    assert u.pemberitahuan_dikonfirmasi is not None


def test_kotak_masuk_dan_lencana(dunia, clients):
    u = dunia.sampai(S.DIAJUKAN)
    r = clients["kepala"].get(reverse("mutasi:kotak_masuk"))
    assert u.nomor in r.content.decode() and 'id="badge-menunggu"' in r.content.decode()
    assert "kosong" in r.content.decode()  # escalated: the lurah's post is vacant
    r = clients["ppk"].get(reverse("mutasi:kotak_masuk"))
    assert u.nomor not in r.content.decode()
