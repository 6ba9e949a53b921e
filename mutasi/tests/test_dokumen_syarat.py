"""Required documents per transfer kind (Perban BKN 5/2019): the seeded catalogue, the workflow's
refusal with the missing ones named, uploads, what the application gives by itself, HR's rules
taking effect, and who may upload, download and remove."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inti.models import CatatanAudit
from mutasi.demo import PDF_CONTOH
from mutasi.models import DokumenUsulan, JenisDokumenSyarat, JenisMutasi, StatusUsulan
from mutasi.selectors.dokumen_syarat import daftar_dokumen, dokumen_kurang
from mutasi.services import AlurError
from mutasi.services.alur import usulan_transisi
from mutasi.services.dokumen_syarat import dokumen_unggah
from mutasi.services.permohonan import permohonan_buat, permohonan_tautkan
from mutasi.tests.helpers import katalog_dokumen
from pegawai.tests.factories import pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
UNGGAH = ["pernyataan-disiplin", "sk-pangkat", "sk-jabatan", "skp"]


def _pdf(nama="surat.pdf"):
    return SimpleUploadedFile(nama, PDF_CONTOH, content_type="application/pdf")


def _jenis(kode):
    return JenisDokumenSyarat.objects.get(kode=kode)


@pytest.fixture
def diterima(dunia):
    """A proposal accepted by both heads, none of its documents uploaded: waiting for HR's check."""
    u = dunia.usulan(pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1)), dokumen=False)
    return dunia.sampai(S.DITERIMA, usulan=u)


def test_katalog_perban_terisi():
    katalog_dokumen()  # as migrate left it (a transactional test before may have flushed it)
    kode = set(JenisDokumenSyarat.objects.values_list("kode", flat=True))
    assert {"surat-permohonan", "surat-pelepasan", "surat-penerimaan", *UNGGAH} <= kode


def test_verifikasi_ditolak_dengan_daftar_dokumen_yang_kurang(dunia, diterima):
    with pytest.raises(AlurError) as e:
        usulan_transisi(usulan=diterima, aksi="verifikasi", oleh=dunia.org.hr.akun)
    pesan = str(e.value)
    for kode in UNGGAH:
        assert _jenis(kode).nama in pesan
    # The heads approved in the application: their letters count, the request letter is not asked for.
    assert "pelepasan" not in pesan and "penerimaan" not in pesan and "permohonan" not in pesan
    diterima.refresh_from_db()
    assert diterima.status == S.DITERIMA


def test_setelah_diunggah_verifikasi_diterima(dunia, diterima):
    for kode in UNGGAH:
        dokumen_unggah(oleh=dunia.org.hr.akun, usulan=diterima, jenis=_jenis(kode), berkas=_pdf(f"{kode}.pdf"))
    assert dokumen_kurang(diterima, "verifikasi") == []
    u = usulan_transisi(usulan=diterima, aksi="verifikasi", oleh=dunia.org.hr.akun)
    assert u.status == S.DIVERIFIKASI
    assert CatatanAudit.objects.filter(aksi="mutasi.dokumen_unggah", objek_id=str(u.pk)).count() == 4


def test_unggah_ulang_mengganti(dunia, diterima):
    hr = dunia.org.hr.akun
    pertama = dokumen_unggah(oleh=hr, usulan=diterima, jenis=_jenis("skp"), berkas=_pdf("skp-2024.pdf"))
    kedua = dokumen_unggah(oleh=hr, usulan=diterima, jenis=_jenis("skp"), berkas=_pdf("skp-2025.pdf"))
    assert kedua.pk == pertama.pk and kedua.nama_asli == "skp-2025.pdf"
    assert DokumenUsulan.objects.filter(usulan=diterima).count() == 1
    audit = CatatanAudit.objects.filter(aksi="mutasi.dokumen_unggah").latest("id")
    assert "mengganti skp-2024.pdf" in audit.ringkasan


def test_berkas_bukan_pdf_ditolak(dunia, diterima):
    palsu = SimpleUploadedFile("skp.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    with pytest.raises(AlurError, match="bukan PDF"):
        dokumen_unggah(oleh=dunia.org.hr.akun, usulan=diterima, jenis=_jenis("skp"), berkas=palsu)
    assert not DokumenUsulan.objects.exists()


def test_surat_dari_aplikasi_terhitung(dunia):
    """Release and acceptance given in the application count; the request letter counts when the
    proposal was made from the employee's request, and is missing when it was not."""
    o = dunia.org
    p = permohonan_buat(oleh=o.anggota.akun, jenis="DALAM", alasan="Dekat dengan keluarga.", unit_pilihan=[])
    u = dunia.usulan(dasar="PERMINTAAN", dokumen=False)
    kurang = [b.jenis.kode for b in daftar_dokumen(u) if not b.terpenuhi]
    assert "surat-permohonan" in kurang
    permohonan_tautkan(oleh=o.hr.akun, permohonan=p, usulan=u)
    u = dunia.sampai(S.DITERIMA, usulan=u)
    baris = {b.jenis.kode: b for b in daftar_dokumen(u)}
    assert baris["surat-permohonan"].terpenuhi and p.nomor in baris["surat-permohonan"].otomatis
    assert baris["surat-pelepasan"].terpenuhi and baris["surat-penerimaan"].terpenuhi
    assert sorted(dokumen_kurang(u, "verifikasi")) == sorted(_jenis(k).nama for k in UNGGAH)


def test_surat_instansi_lain_harus_diunggah(dunia, diterima):
    """Out of the city: the receiving side is another instansi, its letter is uploaded."""
    diterima.jenis = JenisMutasi.KELUAR
    baris = {b.jenis.kode: b for b in daftar_dokumen(diterima)}
    assert baris["surat-pelepasan"].terpenuhi
    assert not baris["surat-penerimaan"].terpenuhi and baris["surat-penerimaan"].perlu_unggah


def test_persetujuan_pada_langkahnya_sendiri_terhitung(dunia):
    """A rule asking for the release letter before the release itself: the head's approval is it."""
    pelepasan = _jenis("surat-pelepasan")
    pelepasan.aturan.filter(jenis_mutasi="DALAM").update(langkah="lepas")
    u = dunia.sampai(S.DILEPAS)
    assert u.status == S.DILEPAS


def test_aturan_diubah_hr_berlaku(dunia, clients, diterima):
    """HR makes the decree of rank optional and a new document required before submission."""
    url = reverse("mutasi:dokumen_syarat_ubah", args=[_jenis("sk-pangkat").pk])
    data = {"kode": "sk-pangkat", "nama": "SK pangkat terakhir", "keterangan": "", "sumber": "", "urutan": 50}
    data.update({"aktif": "on", "langkah_DALAM": "", "langkah_KELUAR": "verifikasi", "langkah_MASUK": "verifikasi"})
    r = clients["hr"].post(url, data)
    assert r.status_code == 302, r.content.decode()[:2000]
    assert _jenis("sk-pangkat").nama not in dokumen_kurang(diterima, "verifikasi")
    assert _jenis("sk-pangkat").aturan.count() == 2

    r = clients["hr"].post(
        reverse("mutasi:dokumen_syarat_baru"),
        {"kode": "anjab", "nama": "Anjab/ABK jabatan tujuan", "urutan": 5, "aktif": "on", "langkah_DALAM": "ajukan"},
    )
    assert r.status_code == 302
    draf = dunia.usulan(pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1)), dokumen=False)
    with pytest.raises(AlurError, match="Anjab/ABK jabatan tujuan"):
        usulan_transisi(usulan=draf, aksi="ajukan", oleh=dunia.org.hr.akun)
    assert CatatanAudit.objects.filter(aksi="mutasi.dokumen_syarat").count() == 2


def test_jenis_nonaktif_tidak_diwajibkan(dunia, diterima):
    for kode in UNGGAH:
        JenisDokumenSyarat.objects.filter(kode=kode).update(aktif=False)
    assert dokumen_kurang(diterima, "verifikasi") == []


def test_form_hr_menyimpan_isian_saat_galat(clients):
    r = clients["hr"].post(
        reverse("mutasi:dokumen_syarat_baru"),
        {"kode": "skp", "nama": "Nama yang saya ketik", "keterangan": "Keterangan saya", "urutan": 7},
    )
    assert r.status_code == 200
    isi = r.content.decode()
    assert "Nama yang saya ketik" in isi and "Keterangan saya" in isi
    assert JenisDokumenSyarat.objects.filter(nama="Nama yang saya ketik").count() == 0


@pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota", "orang_luar", "anon"])
def test_katalog_hanya_hr(clients, peran):
    r = clients[peran].get(reverse("mutasi:dokumen_syarat_daftar"))
    assert r.status_code == (302 if peran == "anon" else 403)
    assert clients["hr"].get(reverse("mutasi:dokumen_syarat_daftar")).status_code == 200


def test_hak_unggah_unduh_hapus(dunia, clients, diterima):
    dok = dokumen_unggah(oleh=dunia.org.hr.akun, usulan=diterima, jenis=_jenis("skp"), berkas=_pdf("skp.pdf"))
    unggah = reverse("mutasi:dokumen_unggah", args=[diterima.pk])
    unduh = reverse("mutasi:dokumen_unduh", args=[dok.pk])
    hapus = reverse("mutasi:dokumen_hapus", args=[dok.pk])
    data = lambda: {"jenis": _jenis("sk-jabatan").pk, "berkas": _pdf("sk.pdf")}  # noqa: E731
    # The step waits for HR: the heads who already acted and the PPK see it but may not upload.
    assert clients["kepala"].post(unggah, data()).status_code == 403
    assert clients["ppk"].post(unggah, data()).status_code == 403
    # Who does not see the proposal gets 404 (the employee sees it only from the decision on).
    for peran in ("orang_luar", "anggota"):
        assert clients[peran].post(unggah, data()).status_code == 404
        assert clients[peran].get(unduh).status_code == 404
        assert clients[peran].post(hapus).status_code == 404
    assert not DokumenUsulan.objects.filter(jenis__kode="sk-jabatan").exists()
    r = clients["hr"].get(unduh)
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF")
    assert 'filename="skp.pdf"' in r["Content-Disposition"]
    assert clients["kepala"].get(unduh).status_code == 200
    # Submitted: replaced, never removed.
    assert clients["hr"].post(hapus).status_code == 403
    r = clients["hr"].post(unggah, data())
    assert r.status_code == 302 and DokumenUsulan.objects.filter(jenis__kode="sk-jabatan").exists()


def test_hapus_selama_draf(dunia, clients):
    draf = dunia.usulan(pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1)))
    dok = draf.dokumen.first()
    r = clients["hr"].post(reverse("mutasi:dokumen_hapus", args=[dok.pk]))
    assert r.status_code == 302 and not DokumenUsulan.objects.filter(pk=dok.pk).exists()
    assert CatatanAudit.objects.filter(aksi="mutasi.dokumen_hapus").exists()


def test_halaman_usulan_daftar_periksa_dan_tombol(dunia, clients, diterima):
    r = clients["hr"].get(reverse("mutasi:detail", args=[diterima.pk]))
    isi = r.content.decode()
    assert 'id="dokumen-syarat"' in isi
    assert 'class="alert alert-warning small py-1 px-2 mb-1 dokumen-kurang" data-aksi="verifikasi"' in isi
    assert isi.count("form-dokumen") == 4  # what is missing may be uploaded; the heads' approvals were given
    for kode in UNGGAH:
        assert f'data-kode="{kode}" data-terpenuhi="tidak"' in isi
    assert 'data-kode="surat-pelepasan" data-terpenuhi="ya"' in isi


def test_unggah_lewat_halaman_galat_jelas(dunia, clients, diterima):
    url = reverse("mutasi:dokumen_unggah", args=[diterima.pk])
    r = clients["hr"].post(url, {"jenis": _jenis("skp").pk}, follow=True)
    assert "Pilih berkasnya." in r.content.decode()
    r = clients["hr"].post(url, {"jenis": 999999, "berkas": _pdf()}, follow=True)
    assert "tidak dikenal" in r.content.decode()
    assert not DokumenUsulan.objects.exists()


def test_lampiran_berjenis_sama_terhitung(dunia, clients, diterima):
    """A document already attached on the proposal (its attachment kind mapped by HR's catalogue) is
    not asked for again; a kind without the mapping still needs its own upload."""
    from mutasi.models import JenisLampiran
    from mutasi.services.usulan import lampiran_tambah

    hr = dunia.org.hr.akun
    lampiran_tambah(oleh=hr, usulan=diterima, berkas=_pdf("disiplin.pdf"), jenis=JenisLampiran.PERNYATAAN_DISIPLIN)
    lampiran_tambah(oleh=hr, usulan=diterima, berkas=_pdf("sk-terakhir.pdf"), jenis=JenisLampiran.SK_TERAKHIR)
    kurang = dokumen_kurang(diterima, "verifikasi")
    assert kurang == [_jenis("skp").nama]
    baris = {b.jenis.kode: b for b in daftar_dokumen(diterima)}
    assert baris["pernyataan-disiplin"].lampiran.nama_asli == "disiplin.pdf"
    assert baris["sk-jabatan"].terpenuhi and baris["sk-pangkat"].terpenuhi
    halaman = clients["hr"].get(reverse("mutasi:detail", args=[diterima.pk])).content.decode()
    assert (
        "disiplin.pdf" in halaman
        and reverse("mutasi:lampiran_unduh", args=[baris["sk-jabatan"].lampiran.pk]) in halaman
    )
    JenisDokumenSyarat.objects.filter(kode="pernyataan-disiplin").update(jenis_lampiran="")  # HR unmaps it
    assert _jenis("pernyataan-disiplin").nama in dokumen_kurang(diterima, "verifikasi")
