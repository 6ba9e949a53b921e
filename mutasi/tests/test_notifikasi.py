"""Every kind of mail of the transfer workflow goes out in the site's language (Indonesian), through
`inti.surel`, after the commit, even when the user whose action causes it browses in English."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from inti.surel import tanpa_notifikasi
from mutasi.models import StatusUsulan
from mutasi.services.permohonan import permohonan_buat

pytestmark = pytest.mark.django_db
S = StatusUsulan
ISI_KEBERATAN = "Saya merawat orang tua; lokasi baru terlalu jauh."


@pytest.fixture
def alamat(dunia):
    """Known addresses for the people the mails go to."""
    o = dunia.org
    for p, email in [(o.anggota, "anggota@surabaya.go.id"), (o.hr, "hr@surabaya.go.id")]:
        p.email = email
        p.save(update_fields=["email"])
    o.ppk.akun.email = "ppk@surabaya.go.id"
    o.ppk.akun.save(update_fields=["email"])
    return {"anggota": "anggota@surabaya.go.id", "hr": "hr@surabaya.go.id", "ppk": "ppk@surabaya.go.id"}


def _dalam_bahasa_inggris(client, url, data, capture):
    """POST as a user browsing in English; the mails queued for after the commit are sent."""
    with capture(execute=True):
        r = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert r.wsgi_request.LANGUAGE_CODE == "en"  # the request really was in English
    return r


def _surat(mailoutbox, kepada: str, judul: str):
    cocok = [m for m in mailoutbox if kepada in m.to and m.subject.startswith(f"[SIMUTASI] {judul}")]
    assert cocok, [(m.to, m.subject) for m in mailoutbox]
    return cocok[-1]


def _indonesia(m, judul: str, isi: str, nama: str = "") -> None:
    """The subject (a message id, `%(nama)s` filled in) and a sentence of the body in Indonesian,
    where English would read otherwise."""
    with translation.override("en"):
        assert gettext(judul) != judul and gettext(isi) != isi  # the catalog would translate them
    assert (judul % {"nama": nama} if "%(nama)s" in judul else judul) in m.subject and isi in m.body


def test_langkah_berikut(dunia, clients, alamat, mailoutbox, django_capture_on_commit_callbacks):
    u = dunia.sampai(S.DITERIMA)
    url = reverse("mutasi:aksi", args=[u.pk, "verifikasi"])
    _dalam_bahasa_inggris(clients["hr"], url, {"catatan": ""}, django_capture_on_commit_callbacks)
    m = _surat(mailoutbox, alamat["ppk"], "Usulan mutasi menunggu keputusan PPK")
    _indonesia(m, "Usulan mutasi menunggu keputusan PPK", "Silakan buka usulan ini di SIMUTASI")


def test_pegawai_setelah_diputuskan(dunia, clients, alamat, mailoutbox, django_capture_on_commit_callbacks):
    u = dunia.sampai(S.DIVERIFIKASI)
    url = reverse("mutasi:aksi", args=[u.pk, "putuskan"])
    _dalam_bahasa_inggris(clients["ppk"], url, {"catatan": ""}, django_capture_on_commit_callbacks)
    m = _surat(mailoutbox, alamat["anggota"], "Mutasi telah diputuskan")
    _indonesia(
        m,
        "Mutasi telah diputuskan",
        "Pejabat Pembina Kepegawaian telah memutuskan mutasi Anda. Surat Keputusan dan pemberitahuan resmi "
        "akan segera diterbitkan.",
    )


def test_keberatan_ke_bkpsdm(dunia, clients, alamat, mailoutbox, django_capture_on_commit_callbacks):
    u = dunia.sampai(S.SK_TERBIT)
    url = reverse("mutasi:keberatan_ajukan", args=[u.pk])
    _dalam_bahasa_inggris(clients["anggota"], url, {"isi": ISI_KEBERATAN}, django_capture_on_commit_callbacks)
    m = _surat(mailoutbox, alamat["hr"], "Keberatan pegawai atas mutasi")
    _indonesia(m, "Keberatan pegawai atas mutasi: %(nama)s", "Keberatan baru atas mutasi", u.pegawai.nama_lengkap)


def test_jawaban_keberatan_ke_pegawai(dunia, clients, alamat, mailoutbox, django_capture_on_commit_callbacks):
    from mutasi.services.keberatan import keberatan_ajukan

    u = dunia.sampai(S.SK_TERBIT)
    k = keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=ISI_KEBERATAN)
    url = reverse("mutasi:keberatan_jawab", args=[k.pk])
    data = {"keputusan": "TETAP", "jawaban": "Mutasi tetap; jadwal kerja disesuaikan."}
    _dalam_bahasa_inggris(clients["hr"], url, data, django_capture_on_commit_callbacks)
    m = _surat(mailoutbox, alamat["anggota"], "Jawaban atas keberatan Anda")
    _indonesia(m, "Jawaban atas keberatan Anda", "BKPSDM telah menjawab keberatan Anda atas mutasi")


def test_permohonan_ke_bkpsdm(dunia, clients, alamat, mailoutbox, django_capture_on_commit_callbacks):
    data = {"jenis": "DALAM", "alasan": "Ingin mengembangkan kompetensi di bidang kesehatan.", "instansi_tujuan": ""}
    _dalam_bahasa_inggris(
        clients["anggota"], reverse("mutasi:permohonan_baru"), data, django_capture_on_commit_callbacks
    )
    m = _surat(mailoutbox, alamat["hr"], "Permohonan mutasi baru")
    _indonesia(m, "Permohonan mutasi baru: %(nama)s", "Tanggapi melalui menu Mutasi > Permohonan pegawai di SIMUTASI.")


def test_permohonan_ditolak_ke_pegawai(dunia, clients, alamat, mailoutbox, django_capture_on_commit_callbacks):
    with tanpa_notifikasi():
        p = permohonan_buat(
            oleh=dunia.org.anggota.akun,
            jenis="DALAM",
            alasan="Ingin mengembangkan kompetensi di bidang kesehatan.",
            unit_pilihan=[],
        )
    url = reverse("mutasi:permohonan_tolak", args=[p.pk])
    _dalam_bahasa_inggris(
        clients["hr"], url, {"alasan": "Formasi unit tujuan sudah penuh."}, django_capture_on_commit_callbacks
    )
    m = _surat(mailoutbox, alamat["anggota"], "Tanggapan atas permohonan mutasi Anda")
    _indonesia(
        m,
        "Tanggapan atas permohonan mutasi Anda",
        "Permohonan mutasi Anda tidak dapat dipenuhi saat ini, dengan alasan",
    )


def test_tanpa_notifikasi_membungkam_semua(dunia, alamat, mailoutbox, django_capture_on_commit_callbacks):
    """The one mute switch (inti.surel) silences the workflow's mail too."""
    from mutasi.services.alur import usulan_transisi

    u = dunia.sampai(S.DITERIMA)
    with django_capture_on_commit_callbacks(execute=True), tanpa_notifikasi():
        usulan_transisi(usulan=u, aksi="verifikasi", oleh=dunia.org.hr.akun)
    assert mailoutbox == []
    u = dunia.sampai(S.DIVERIFIKASI, usulan=u)
    with django_capture_on_commit_callbacks(execute=True):
        usulan_transisi(usulan=u, aksi="putuskan", oleh=dunia.org.ppk.akun)
    assert {a for m in mailoutbox for a in m.to} >= {alamat["anggota"]}
