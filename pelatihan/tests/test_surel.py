"""Every mail of the training topic goes out in the site's language (Indonesian), whatever
language the acting user browses in: one test per kind of mail, the actor in English."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from pelatihan import services
from pelatihan.models import StatusPenugasan
from pelatihan.services import Pilihan
from pelatihan.tests.factories import PDF, hari, penugasan_buat

SP = StatusPenugasan
KAKI = "Pesan ini dikirim otomatis oleh SIMUTASI BKPSDM."  # every mail's last line


@pytest.fixture
def inggris(django_capture_on_commit_callbacks):
    """Run a block as a user browsing in English; mail queued for after the commit goes out
    before the block ends (still in English, as a request would be)."""

    class Blok:
        def __enter__(self):
            self.bahasa = translation.override("en")
            self.bahasa.__enter__()
            self.commit = django_capture_on_commit_callbacks(execute=True)
            self.commit.__enter__()

        def __exit__(self, *exc):
            self.commit.__exit__(*exc)
            self.bahasa.__exit__(*exc)

    return Blok()


def _indonesia(pesan, judul: str, kalimat: str) -> None:
    assert pesan.subject == f"[SIMUTASI] {judul}"
    assert kalimat in pesan.body and KAKI in pesan.body
    assert "This message was sent automatically" not in pesan.body


def test_penugasan_baru_dalam_bahasa_indonesia(dp, mailoutbox, inggris):
    with inggris:
        services.penugasan_buat(oleh=dp.org.kepala.akun, pegawai=dp.org.anggota, pelatihan=dp.p_data, tenggat=hari(30))
    assert len(mailoutbox) == 1
    _indonesia(mailoutbox[0], "Penugasan pelatihan baru", "Anda ditugaskan mengikuti pelatihan berikut:")


def test_penugasan_dari_usulan_dalam_bahasa_indonesia(dp, mailoutbox, inggris):
    with inggris:
        services.penugasan_dari_usulan(oleh=dp.kepala_tujuan.akun, usulan=dp.u, pilihan=[Pilihan(dp.p_dasar, hari(30))])
    _indonesia(mailoutbox[0], "Penugasan pelatihan baru", "Anda ditugaskan mengikuti pelatihan berikut:")


@pytest.mark.parametrize(
    ("aksi", "judul", "kalimat"),
    [
        ("verifikasi", "Pelatihan diverifikasi selesai", "kompetensinya telah ditambahkan"),
        ("kembalikan_bukti", "Bukti pelatihan dikembalikan", "Mohon unggah bukti yang benar."),
        ("tidak_selesai", "Pelatihan dinyatakan tidak selesai", "Alasan: Tidak hadir."),
        ("batalkan", "Penugasan pelatihan dibatalkan", "Alasan: Tidak hadir."),
    ],
)
def test_perubahan_status_dalam_bahasa_indonesia(dp, mailoutbox, inggris, aksi, judul, kalimat):
    t = penugasan_buat(dp.org.anggota, dp.p_dasar, usulan=dp.u)
    berkas = SimpleUploadedFile("sertifikat.pdf", PDF, content_type="application/pdf")
    services.penugasan_transisi(penugasan=t, aksi="unggah", oleh=dp.org.anggota.akun, berkas=berkas)
    with inggris:
        services.penugasan_transisi(penugasan=t, aksi=aksi, oleh=dp.org.hr.akun, alasan="Tidak hadir.")
    assert len(mailoutbox) == 1
    _indonesia(mailoutbox[0], f"{judul}: Layanan Kesehatan Dasar", kalimat)


def test_penunjukan_pendamping_dalam_bahasa_indonesia(dp, mailoutbox, inggris):
    dp.mentor.email = "mentor@surabaya.go.id"
    dp.mentor.save(update_fields=["email"])
    with inggris:
        services.pendampingan_tetapkan(usulan=dp.u, mentor=dp.mentor, oleh=dp.kepala_tujuan.akun)
    assert mailoutbox[0].to == ["mentor@surabaya.go.id"]
    _indonesia(mailoutbox[0], "Anda ditunjuk sebagai pendamping pegawai baru", "Rencana adaptasi: http")


def test_kesulitan_adaptasi_dalam_bahasa_indonesia(dp, mailoutbox, inggris):
    with inggris:
        services.checkin_tulis(
            usulan=dp.u,
            oleh=dp.org.anggota.akun,
            minggu_ke=2,
            isi="Masih menyesuaikan.",
            kesulitan=True,
            kesulitan_isi="Belum mendapat akses aplikasi.",
            hari_ini=dp.u.tmt_usulan + timedelta(weeks=2),
        )
    _indonesia(mailoutbox[0], "Pegawai baru melaporkan kesulitan adaptasi", "Lihat rencana adaptasi dan check-in:")


def test_pengingat_pegawai_dan_kepala_dalam_bahasa_indonesia(dp, mailoutbox, settings):
    settings.PELATIHAN_INGATKAN_HARI = 7
    penugasan_buat(dp.org.anggota, dp.p_prima, tenggat=hari(-1))
    penugasan_buat(dp.org.anggota, dp.p_data, tenggat=hari(3))
    with translation.override("en"):  # e.g. the daily command started from an English shell
        assert services.pengingat_kirim(hari_ini=hari()).email == 2
    surat = {tuple(m.to): m for m in mailoutbox}
    _indonesia(
        surat[("anggota@surabaya.go.id",)], "Pengingat tenggat pelatihan", "Pelatihan berikut mendekati tenggat:"
    )
    _indonesia(
        surat[("camat@surabaya.go.id",)],
        "Pelatihan staf yang melewati tenggat",
        "Pelatihan staf Anda berikut sudah melewati tenggat:",
    )
