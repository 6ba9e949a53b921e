"""The employee's own request: made, turned into a proposal or declined with a reason."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mutasi.models import DasarMutasi, PermohonanMutasi, StatusPermohonan
from mutasi.services import AlurError
from mutasi.services.permohonan import permohonan_buat, permohonan_tolak
from pegawai.tests.factories import PegawaiFactory, RiwayatJabatanFactory, UserFactory, nip_untuk

pytestmark = pytest.mark.django_db
ALASAN = "Saya ingin lebih dekat dengan keluarga yang sedang sakit."


def test_permohonan_jadi_usulan(dunia, clients):
    pdf = SimpleUploadedFile("surat.pdf", b"%PDF-1.4 surat", content_type="application/pdf")
    r = clients["anggota"].post(
        reverse("mutasi:permohonan_baru"),
        {"jenis": "DALAM", "alasan": ALASAN, "unit_pilihan": [dunia.tujuan.pk], "berkas": pdf},
    )
    assert r.status_code == 302
    p = PermohonanMutasi.objects.get()
    assert p.lampiran.count() == 1 and list(p.unit_pilihan.all()) == [dunia.tujuan]
    r = clients["hr"].get(reverse("mutasi:baru") + f"?permohonan={p.pk}")
    assert r.status_code == 200 and ALASAN in r.content.decode()
    form = r.context["form"]
    assert form.initial["dasar"] == DasarMutasi.PERMINTAAN and form.initial["tujuan_unit"] == dunia.tujuan.pk
    data = {
        "pegawai": dunia.org.anggota.pk,
        "jenis": "DALAM",
        "dasar": "PERMINTAAN",
        "tujuan_unit": dunia.tujuan.pk,
        "tujuan_jabatan": dunia.jabatan_tujuan.pk,
        "tmt_usulan": "2030-01-01",
        "alasan": ALASAN,
        "manfaat_organisasi": "Unit tujuan kekurangan pegawai.",
        "manfaat_pegawai": "Lebih dekat keluarga.",
        "alasan_tanpa_kekurangan": "",
    }
    r = clients["hr"].post(reverse("mutasi:baru") + f"?permohonan={p.pk}", data)
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == StatusPermohonan.DIPROSES and p.usulan.dasar == DasarMutasi.PERMINTAAN


def test_permohonan_ditolak_dengan_alasan_dibaca_pegawai(dunia, clients):
    p = permohonan_buat(oleh=dunia.org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    with pytest.raises(AlurError):
        permohonan_buat(oleh=dunia.org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    with pytest.raises(AlurError):
        permohonan_tolak(oleh=dunia.org.kepala.akun, permohonan=p, alasan="Formasi unit tujuan penuh.")
    r = clients["hr"].post(
        reverse("mutasi:permohonan_tolak", args=[p.pk]), {"alasan": "Formasi unit tujuan sudah penuh."}
    )
    assert r.status_code == 302
    assert "Formasi unit tujuan sudah penuh." in clients["anggota"].get(reverse("mutasi:saya")).content.decode()
    assert clients["orang_luar"].get(reverse("mutasi:permohonan_detail", args=[p.pk])).status_code == 404


def test_aturan_sepuluh_tahun_permohonan_keluar(dunia):
    lahir = date(1995, 1, 1)
    p = PegawaiFactory(tanggal_lahir=lahir, nip=nip_untuk(lahir, "L", tmt=date(2021, 3, 1)))
    RiwayatJabatanFactory(pegawai=p, unit=dunia.org.subunit, mulai=date(2021, 3, 1))
    p.akun = UserFactory(nip=p.nip)
    p.save()
    with pytest.raises(AlurError, match="10 tahun"):
        permohonan_buat(oleh=p.akun, jenis="KELUAR", alasan=ALASAN, unit_pilihan=[], instansi_tujuan="Kab. Sidoarjo")


def test_lampiran_ditolak_bila_bukan_pdf_gambar(dunia, settings):
    settings.UPLOAD_MAX_MB = 1
    palsu = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    with pytest.raises(AlurError, match="bukan PDF"):
        permohonan_buat(oleh=dunia.org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[], berkas=[palsu])
    besar = SimpleUploadedFile("besar.png", b"\x89PNG\r\n\x1a\n" + b"0" * (1024 * 1024 + 1), content_type="image/png")
    with pytest.raises(AlurError, match="terlalu besar"):
        permohonan_buat(oleh=dunia.org.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[], berkas=[besar])
    assert not PermohonanMutasi.objects.exists()
