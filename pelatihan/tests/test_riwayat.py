"""The assignment's own history (RiwayatStatusPenugasan): a row for the creation, each move (through
inti.transisi) and each due-date change; the page reads it from there; existing assignments get
theirs derived from the audit trail by the migration."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from inti.models import CatatanAudit
from pelatihan import services
from pelatihan.models import PenugasanPelatihan, RiwayatStatusPenugasan, StatusPenugasan
from pelatihan.tests.factories import PDF, hari, penugasan_buat

SP = StatusPenugasan


def _riwayat(t) -> list[tuple]:
    return list(t.riwayat_status.values_list("aksi", "dari", "ke", "oleh", "catatan"))


def test_setiap_langkah_tercatat_dengan_pelaku_dan_alasan(dp):
    anggota, hr = dp.org.anggota.akun, dp.org.hr.akun
    t = services.penugasan_buat(
        oleh=dp.org.kepala.akun, pegawai=dp.org.anggota, pelatihan=dp.p_data, tenggat=hari(30), catatan="Segera."
    )
    services.penugasan_ubah_tenggat(penugasan=t, oleh=hr, tenggat=hari(40), alasan="Angkatan diundur")
    berkas = SimpleUploadedFile("s.pdf", PDF, content_type="application/pdf")
    services.penugasan_transisi(penugasan=t, aksi="unggah", oleh=anggota, berkas=berkas)
    services.penugasan_transisi(penugasan=t, aksi="kembalikan_bukti", oleh=hr, alasan="Tidak terbaca.")
    assert _riwayat(t) == [
        ("tugaskan", "", SP.DITUGASKAN, dp.org.kepala.akun.pk, "Segera."),
        (
            "ubah_tenggat",
            SP.DITUGASKAN,
            SP.DITUGASKAN,
            hr.pk,
            f"{hari(30):%d-%m-%Y} -> {hari(40):%d-%m-%Y}. Angkatan diundur",
        ),
        ("unggah", SP.DITUGASKAN, SP.BERLANGSUNG, anggota.pk, ""),
        ("kembalikan_bukti", SP.BERLANGSUNG, SP.BERLANGSUNG, hr.pk, "Tidak terbaca."),
    ]
    sebagai = list(t.riwayat_status.filter(aksi__in=["unggah", "kembalikan_bukti"]).values_list("sebagai", flat=True))
    assert sebagai == ["pegawai yang bersangkutan", "staf BKPSDM"]
    # The audit trail still has one row per action.
    assert CatatanAudit.objects.filter(objek_id=str(t.pk), aksi__startswith="pelatihan.").count() == 4


def test_judul_riwayat_dari_tabel_alur(dp):
    """`Alur.berjudul` (inti.transisi): a move by its label and the change of state it made, a row
    that is not a move by the workflow's `label_lain`, an unknown action in plain words."""
    anggota, hr = dp.org.anggota.akun, dp.org.hr.akun
    t = services.penugasan_buat(oleh=hr, pegawai=dp.org.anggota, pelatihan=dp.p_data, tenggat=hari(30))
    services.penugasan_ubah_tenggat(penugasan=t, oleh=hr, tenggat=hari(40), alasan="")
    services.penugasan_transisi(penugasan=t, aksi="mulai", oleh=anggota)
    berkas = SimpleUploadedFile("s.pdf", PDF, content_type="application/pdf")
    services.penugasan_transisi(penugasan=t, aksi="unggah", oleh=anggota, berkas=berkas)
    services.penugasan_transisi(penugasan=t, aksi="kembalikan_bukti", oleh=hr, alasan="Tidak terbaca.")
    RiwayatStatusPenugasan.objects.create(penugasan=t, aksi="impor_lama", dari=SP.BERLANGSUNG, ke=SP.BERLANGSUNG)
    baris = services.ALUR.berjudul(t.riwayat_status.order_by("waktu", "id"))
    assert [r.judul for r in baris] == [
        "Ditugaskan",
        "Tenggat diubah",
        "Tandai sedang berlangsung: Ditugaskan → Sedang berlangsung",
        "Unggah sertifikat",  # already in progress: no change of state
        "Kembalikan bukti",
        "Impor lama",
    ]


def test_langkah_ditolak_tidak_meninggalkan_riwayat(dp):
    t = penugasan_buat(dp.org.anggota, dp.p_data)
    with pytest.raises(services.PelatihanError, match="wajib disertai catatan/alasan"):
        services.penugasan_transisi(penugasan=t, aksi="batalkan", oleh=dp.org.hr.akun)
    with pytest.raises(services.PelatihanError, match="Hanya staf BKPSDM"):
        services.penugasan_transisi(penugasan=t, aksi="verifikasi", oleh=dp.org.anggota.akun)
    t.refresh_from_db()
    assert t.status == SP.DITUGASKAN and not t.riwayat_status.exists()


def test_halaman_menampilkan_riwayat_dari_tabel_riwayat(c, dp):
    t = penugasan_buat(dp.org.anggota, dp.p_data)
    RiwayatStatusPenugasan.objects.create(
        penugasan=t, aksi="mulai", dari=SP.DITUGASKAN, ke=SP.BERLANGSUNG, oleh=dp.org.anggota.akun, catatan="Hari 1"
    )
    # An audit row alone is not history any more.
    CatatanAudit.objects.create(aksi="pelatihan.batalkan", objek_tipe="pelatihan.penugasanpelatihan", objek_id=t.pk)
    r = c["hr"].get(reverse("pelatihan:penugasan_detail", args=[t.pk]))
    assert [x.aksi for x in r.context["riwayat"]] == ["mulai"]
    html = r.content.decode()
    assert 'data-aksi="mulai"' in html and "Ditugaskan → Sedang berlangsung" in html and "Hari 1" in html
    assert 'data-aksi="batalkan"' not in html.split('id="riwayat"')[1].split("</ol>")[0]


def test_migrasi_menurunkan_riwayat_dari_penugasan_dan_audit(dp):
    """The data migration of 0002: a creation row from the assignment, then the moves and due-date
    changes the audit trail recorded, replayed in order."""
    migrasi = importlib.import_module("pelatihan.migrations.0002_riwayat_status_penugasan")
    waktu = timezone.now() - timedelta(days=3)
    t = penugasan_buat(
        dp.org.anggota, dp.p_data, catatan="Untuk jabatan baru.", ditugaskan_pada=waktu - timedelta(days=1)
    )
    lain = penugasan_buat(dp.org.orang_luar, dp.p_data)
    for i, (aksi, perubahan) in enumerate(
        [
            ("pelatihan.tenggat", {"tenggat": ["2027-01-01", "2027-02-01"], "alasan": "Diundur"}),
            ("pelatihan.unggah", {"status": ["DITUGASKAN", "BERLANGSUNG"], "bukti": "s.pdf"}),
            ("pelatihan.tenggat", {"tenggat": ["2027-02-01", "2027-03-01"], "alasan": ""}),
            ("pelatihan.batalkan", {"status": ["BERLANGSUNG", "DIBATALKAN"], "alasan": "Ditunda."}),
        ]
    ):
        CatatanAudit.objects.create(
            aksi=aksi,
            objek_tipe="pelatihan.penugasanpelatihan",
            objek_id=str(t.pk),
            oleh=dp.org.hr.akun,
            waktu=waktu + timedelta(hours=i),
            perubahan=perubahan,
        )
    CatatanAudit.objects.create(  # another kind of object with the same id is not this history
        aksi="pelatihan.ubah", objek_tipe="pelatihan.pelatihan", objek_id=str(t.pk), perubahan={"status": ["a", "b"]}
    )
    migrasi.riwayat_turunkan(apps, None)
    hr = dp.org.hr.akun.pk
    assert _riwayat(t) == [
        ("tugaskan", "", "DITUGASKAN", None, "Untuk jabatan baru."),
        ("ubah_tenggat", "DITUGASKAN", "DITUGASKAN", hr, "01-01-2027 -> 01-02-2027. Diundur"),
        ("unggah", "DITUGASKAN", "BERLANGSUNG", hr, ""),
        ("ubah_tenggat", "BERLANGSUNG", "BERLANGSUNG", hr, "01-02-2027 -> 01-03-2027"),
        ("batalkan", "BERLANGSUNG", "DIBATALKAN", hr, "Ditunda."),
    ]
    assert _riwayat(lain) == [("tugaskan", "", "DITUGASKAN", None, "")]
    assert RiwayatStatusPenugasan.objects.count() == 6
    assert PenugasanPelatihan.objects.count() == 2
