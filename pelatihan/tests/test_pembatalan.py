"""A decided transfer cancelled or revoked closes what it left open in pelatihan (issue 12): its open
training assignments are cancelled through the assignment workflow by the system (a history row and
an audit row each, the employee told after the commit), completed ones stay, the mentoring ends (an
audit row, the mentor told). All in the cancelling transaction: a rolled-back cancellation changes
nothing. mutasi announces it with `mutasi.signals.usulan_dibatalkan`; these tests send it as mutasi's
cancelling step does."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from inti.galat import LayananError
from inti.models import CatatanAudit
from mutasi.models import StatusUsulan, UsulanMutasi
from mutasi.services.alur import usulan_transisi
from mutasi.signals import usulan_dibatalkan
from pelatihan.models import ItemAdaptasi, Pendampingan, PenugasanPelatihan, RiwayatStatusPenugasan
from pelatihan.models import StatusPenugasan as SP
from pelatihan.services import mutasi_batal_susulan
from pelatihan.services.alur import ALUR
from pelatihan.services.pembatalan import usulan_dibatalkan_terima
from pelatihan.tests.factories import hari, penugasan_buat


@pytest.fixture
def w(dp):
    """The decided transfer dp.u with two open assignments, one completed, one failed, one outside
    the transfer, and a mentor with the default plan."""
    pg = dp.org.anggota
    dp.mentor.email = "mentor@surabaya.go.id"
    dp.mentor.save(update_fields=["email"])
    dp.buka = [
        penugasan_buat(pg, dp.p_prima, usulan=dp.u),
        penugasan_buat(pg, dp.p_puskesmas, usulan=dp.u, status=SP.BERLANGSUNG),
    ]
    dp.tutup = [
        penugasan_buat(pg, dp.p_dasar, usulan=dp.u, status=SP.SELESAI),
        penugasan_buat(pg, dp.p_data, usulan=dp.u, status=SP.TIDAK_SELESAI),
    ]
    dp.lain = penugasan_buat(pg, dp.p_lain)  # assigned outside the transfer
    dp.pd = Pendampingan.objects.create(usulan=dp.u, mentor=dp.mentor)
    ItemAdaptasi.objects.create(pendampingan=dp.pd, judul="Perkenalan dengan tim", tenggat=hari(3))
    return dp


def _keadaan(w):
    return (
        sorted(PenugasanPelatihan.objects.values_list("pk", "status", "alasan")),
        RiwayatStatusPenugasan.objects.count(),
        list(Pendampingan.objects.values_list("pk", "berakhir_pada", "berakhir_alasan")),
        CatatanAudit.objects.filter(aksi__startswith="pelatihan.").count(),
    )


def _periksa_tertutup(w):
    catatan = f"Mutasi dibatalkan ({w.u.nomor})"
    for t in w.buka:
        lama = t.status
        t.refresh_from_db()
        assert (t.status, t.alasan) == (SP.DIBATALKAN, catatan)
        baris = t.riwayat_status.last()
        assert (baris.aksi, baris.dari, baris.ke, baris.oleh, baris.sebagai) == (
            "batalkan",
            lama,
            SP.DIBATALKAN,
            None,
            "sistem",
        )
        assert baris.catatan == catatan
        audit = CatatanAudit.objects.get(aksi="pelatihan.batalkan", objek_id=str(t.pk))
        assert audit.oleh is None and audit.perubahan["status"] == [lama, SP.DIBATALKAN]
    for t, status in zip(w.tutup, (SP.SELESAI, SP.TIDAK_SELESAI), strict=True):
        t.refresh_from_db()
        assert t.status == status and t.alasan != catatan
    w.lain.refresh_from_db()
    assert w.lain.status == SP.DITUGASKAN
    w.pd.refresh_from_db()
    assert w.pd.berakhir and w.pd.berakhir_alasan == catatan
    assert w.pd.item.count() == 1  # the plan is kept
    assert CatatanAudit.objects.filter(
        aksi="pelatihan.pendampingan_berakhir", objek_tipe="mutasi.usulanmutasi", objek_id=str(w.u.pk)
    ).exists()


def test_sinyal_tersambung_di_apps(w):
    """The receiver is connected in pelatihan.apps: sending the signal is enough."""
    UsulanMutasi.objects.filter(pk=w.u.pk).update(status=StatusUsulan.DIBATALKAN)
    with transaction.atomic():
        usulan_dibatalkan.send(sender=UsulanMutasi, usulan=UsulanMutasi.objects.get(pk=w.u.pk))
    _periksa_tertutup(w)


def test_penerima_tidak_pernah_menggagalkan_pembatalan(w, monkeypatch, caplog):
    """One assignment that cannot be closed is logged and left open; the rest are closed and the
    receiver does not raise (it would undo the cancellation)."""
    asli = ALUR.jalankan
    gagal = w.buka[0].pk

    def jalankan(*, objek, **kw):
        if objek == gagal:
            raise LayananError("rusak")
        return asli(objek=objek, **kw)

    monkeypatch.setattr(ALUR, "jalankan", jalankan)
    with transaction.atomic():
        usulan_dibatalkan_terima(sender=UsulanMutasi, usulan=w.u)
    assert PenugasanPelatihan.objects.get(pk=gagal).status == SP.DITUGASKAN
    assert PenugasanPelatihan.objects.get(pk=w.buka[1].pk).status == SP.DIBATALKAN
    assert Pendampingan.objects.get(pk=w.pd.pk).berakhir
    assert "tidak dapat ditutup" in caplog.text


def test_penerima_menelan_galat_basis_data(w, monkeypatch, caplog):
    """Even a failure outside the per-assignment savepoints leaves the caller's transaction usable."""

    def rusak(**kw):
        raise RuntimeError("basis data")

    monkeypatch.setattr("pelatihan.services.pembatalan.mutasi_batal_tutup", rusak)
    with transaction.atomic():
        usulan_dibatalkan_terima(sender=UsulanMutasi, usulan=w.u)
        assert UsulanMutasi.objects.filter(pk=w.u.pk).exists()
    assert "tidak dapat ditutup" in caplog.text


def test_sistem_hanya_boleh_membatalkan(w):
    for aksi in ("mulai", "verifikasi", "tidak_selesai"):
        with pytest.raises(LayananError):
            ALUR.jalankan(objek=w.buka[0], aksi=aksi, oleh=None, catatan="x")
    # A request's user is never None: an anonymous one gets no button and no move.
    assert ALUR.tersedia(w.buka[0], AnonymousUser()) == []
    with pytest.raises(LayananError):
        ALUR.jalankan(objek=w.buka[0], aksi="batalkan", oleh=AnonymousUser(), catatan="x")


def test_susulan_harian_menutup_yang_terlewat_tanpa_pengingat(w, mailoutbox):
    """A cancellation whose signal was missed: the daily reminder job closes it first and sends
    no reminder for it; a second run changes nothing."""
    for t in w.buka:
        PenugasanPelatihan.objects.filter(pk=t.pk).update(tenggat=hari(1))  # due for a reminder
    UsulanMutasi.objects.filter(pk=w.u.pk).update(status=StatusUsulan.DIBATALKAN)
    call_command("ingatkan_pelatihan")
    _periksa_tertutup(w)
    assert not any("Pengingat" in m.subject for m in mailoutbox)
    sebelum = _keadaan(w)
    assert mutasi_batal_susulan() == 0
    assert _keadaan(w) == sebelum


def test_susulan_tidak_menyentuh_usulan_yang_dibatalkan_sebelum_diputuskan(dp):
    u = dp.usulan(pegawai=dp.mentor, status=StatusUsulan.DIVERIFIKASI)
    t = penugasan_buat(dp.mentor, dp.p_prima, usulan=u)
    UsulanMutasi.objects.filter(pk=u.pk).update(status=StatusUsulan.DIBATALKAN)
    assert mutasi_batal_susulan() == 0
    t.refresh_from_db()
    assert t.status == SP.DITUGASKAN


def _batal_dalam_transaksi(w):
    """What mutasi's cancelling step does, as far as pelatihan sees it: in one transaction the
    proposal becomes "Dibatalkan" and `usulan_dibatalkan` is sent (mutasi's own tests cover the
    sending)."""
    UsulanMutasi.objects.filter(pk=w.u.pk).update(status=StatusUsulan.DIBATALKAN)
    usulan_dibatalkan.send(sender=UsulanMutasi, usulan=UsulanMutasi.objects.get(pk=w.u.pk))


def test_pembatalan_yang_digulung_tidak_mengubah_apa_pun(w, mailoutbox, django_capture_on_commit_callbacks):
    sebelum = _keadaan(w)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        _batal_dalam_transaksi(w)
        assert PenugasanPelatihan.objects.get(pk=w.buka[0].pk).status == SP.DIBATALKAN  # done inside
        raise RuntimeError("SK pembatalan gagal ditandatangani")
    assert _keadaan(w) == sebelum
    assert UsulanMutasi.objects.get(pk=w.u.pk).status == StatusUsulan.DIPUTUSKAN
    assert mailoutbox == []


def test_pemberitahuan_setelah_commit(w, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        _batal_dalam_transaksi(w)
        assert mailoutbox == []  # nothing before the commit
    pegawai = sorted(m.subject for m in mailoutbox if m.to == ["anggota@surabaya.go.id"])
    assert pegawai == [
        "[SIMUTASI] Penugasan pelatihan dibatalkan: Manajemen Puskesmas",
        "[SIMUTASI] Penugasan pelatihan dibatalkan: Pelayanan Prima",
    ]
    mentor = [m for m in mailoutbox if m.to == ["mentor@surabaya.go.id"]]
    assert len(mentor) == 1 and "berakhir" in mentor[0].subject
    assert w.u.nomor in mentor[0].body


def test_halaman_usulan_yang_dibatalkan_menunjukkan_yang_ditutup(w, c):
    _batal_dalam_transaksi(w)
    html = c["hr"].get(reverse("mutasi:detail", args=[w.u.pk])).content.decode()
    assert 'id="pelatihan-batal"' in html and 'id="pendamping-berakhir"' in html
    assert "Pelayanan Prima" in html


# --- Through mutasi's services ----------------------------------------------------------------------

ALASAN = "Kebutuhan unit tujuan berubah setelah penataan organisasi."


def _batalkan_lewat_mutasi(w):
    """The PPK cancels the decided transfer through mutasi's workflow (before any decree)."""
    return usulan_transisi(usulan=w.u, aksi="batalkan_keputusan", oleh=w.org.ppk.akun, catatan=ALASAN)


def test_batal_lewat_layanan_mutasi_menutup_pelatihan(w, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        u = _batalkan_lewat_mutasi(w)
    assert u.status == StatusUsulan.DIBATALKAN
    _periksa_tertutup(w)
    assert len([m for m in mailoutbox if m.to == ["mentor@surabaya.go.id"]]) == 1


def test_pembatalan_lewat_mutasi_yang_digulung_tidak_mengubah_apa_pun(
    w, mailoutbox, django_capture_on_commit_callbacks
):
    sebelum = _keadaan(w)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        _batalkan_lewat_mutasi(w)
        raise RuntimeError("gagal sesudahnya")
    assert _keadaan(w) == sebelum
    assert UsulanMutasi.objects.get(pk=w.u.pk).status == StatusUsulan.DIPUTUSKAN
    assert mailoutbox == []
