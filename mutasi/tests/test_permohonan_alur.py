"""The request's workflow (issue 11 leftover): every status change through `AlurPermohonan`, with a
history row, an audit row and its mail after the commit; refused moves change nothing. The
registration number (issue 16, item 4): PMH-<year>-<5 digits>, gap-free per year."""

import re
import threading

import pytest
from django.db import connection
from django.utils import timezone

from inti.models import CatatanAudit
from mutasi.models import NomorUrutSK, PermohonanMutasi, RiwayatStatusPermohonan, StatusPermohonan
from mutasi.services import AlurError
from mutasi.services import permohonan as layanan
from mutasi.services.permohonan import (
    permohonan_aksi_tersedia,
    permohonan_buat,
    permohonan_tarik,
    permohonan_tautkan,
    permohonan_tolak,
)
from pegawai.tests.factories import pegawai_di

ALASAN = "Saya ingin lebih dekat dengan keluarga yang sedang sakit."
TOLAK = "Formasi unit tujuan sudah penuh."
P = StatusPermohonan


def _buat(pegawai):
    return permohonan_buat(oleh=pegawai.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])


@pytest.fixture
def surel(org):
    """Known addresses for the employee and HR (mail goes nowhere without one)."""
    for p, email in [(org.anggota, "anggota@surabaya.go.id"), (org.hr, "hr@surabaya.go.id")]:
        p.email = email
        p.save(update_fields=["email"])
    return {"anggota": "anggota@surabaya.go.id", "hr": "hr@surabaya.go.id"}


def _riwayat(p):
    return list(RiwayatStatusPermohonan.objects.filter(permohonan=p).values_list("aksi", "dari", "ke", "oleh_id"))


@pytest.mark.django_db
def test_pengajuan_dicatat_dengan_nomor_riwayat_audit(org, surel, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        p = _buat(org.anggota)
    tahun = timezone.localdate().year
    assert re.fullmatch(rf"PMH-{tahun}-\d{{5}}", p.nomor) and p.nomor == f"PMH-{tahun}-00001"
    assert _riwayat(p) == [("ajukan", "", P.DIAJUKAN, org.anggota.akun.pk)]
    assert CatatanAudit.objects.filter(aksi="mutasi.permohonan", objek_id=str(p.pk)).exists()
    kepada = {a: m for m in mailoutbox for a in m.to}
    assert p.nomor in kepada[surel["anggota"]].subject  # the employee's receipt
    assert p.nomor in kepada[surel["hr"]].body  # HR's notice


@pytest.mark.django_db
def test_nomor_tanpa_celah_per_tahun(org, monkeypatch):
    """Sequential numbers; a refused submission gives its number back; a new year starts at 1."""
    a = _buat(org.anggota)
    with pytest.raises(AlurError):
        _buat(org.anggota)  # still open: refused, its number is not used up
    monkeypatch.setattr(layanan, "STATUS_PERMOHONAN_TERBUKA", ())  # the race: the constraint refuses
    with pytest.raises(AlurError):
        _buat(org.anggota)
    b = _buat(org.orang_luar)
    c = _buat(org.kepala)
    tahun = timezone.localdate().year
    assert [a.nomor, b.nomor, c.nomor] == [f"PMH-{tahun}-{n:05d}" for n in (1, 2, 3)]
    assert NomorUrutSK.objects.get(jenis="PERMOHONAN", tahun=tahun).terakhir == 3
    NomorUrutSK.objects.filter(jenis="PERMOHONAN").update(tahun=tahun - 1)  # as if those were last year's
    PermohonanMutasi.objects.all().delete()
    d = _buat(org.hr)
    assert d.nomor == f"PMH-{tahun}-00001"


@pytest.mark.django_db
def test_nomor_unik_di_basis_data(org):
    from django.db import IntegrityError, transaction

    a = _buat(org.anggota)
    with pytest.raises(IntegrityError), transaction.atomic():
        PermohonanMutasi.objects.create(pegawai=org.orang_luar, jenis="DALAM", alasan=ALASAN, nomor=a.nomor)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_nomor_serentak_tanpa_celah_dan_ganda(org):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (koneksi serentak)")
    pemohon = [pegawai_di(org.lain, akun=True) for _ in range(8)]
    mulai, hasil = threading.Barrier(len(pemohon)), []

    def kirim(pg):
        from django.db import connections

        try:
            mulai.wait()
            hasil.append(_buat(pg).nomor)
        finally:
            connections.close_all()

    ts = [threading.Thread(target=kirim, args=(pg,)) for pg in pemohon]
    [t.start() for t in ts]
    [t.join() for t in ts]
    tahun = timezone.localdate().year
    assert sorted(hasil) == [f"PMH-{tahun}-{n:05d}" for n in range(1, len(pemohon) + 1)]


@pytest.mark.django_db
def test_tarik_oleh_pemohon(org):
    p = _buat(org.anggota)
    assert [t.aksi for t in permohonan_aksi_tersedia(p, org.anggota.akun)] == ["tarik"]
    assert [t.aksi for t in permohonan_aksi_tersedia(p, org.hr.akun)] == ["tolak"]
    permohonan_tarik(oleh=org.anggota.akun, permohonan=p)
    p.refresh_from_db()
    assert p.status == P.DITARIK
    assert _riwayat(p)[-1] == ("tarik", P.DIAJUKAN, P.DITARIK, org.anggota.akun.pk)
    assert CatatanAudit.objects.filter(aksi="mutasi.permohonan.tarik", objek_id=str(p.pk)).count() == 1


@pytest.mark.django_db
def test_tolak_oleh_hr_dengan_alasan_lalu_surel(org, surel, mailoutbox, django_capture_on_commit_callbacks):
    p = _buat(org.anggota)
    with django_capture_on_commit_callbacks(execute=True):
        permohonan_tolak(oleh=org.hr.akun, permohonan=p, alasan=TOLAK)
    p.refresh_from_db()
    assert (p.status, p.alasan_tolak, p.ditangani_oleh_id) == (P.DITOLAK, TOLAK, org.hr.akun.pk)
    assert _riwayat(p)[-1] == ("tolak", P.DIAJUKAN, P.DITOLAK, org.hr.akun.pk)
    audit = CatatanAudit.objects.get(aksi="mutasi.permohonan.tolak", objek_id=str(p.pk))
    assert audit.perubahan["status"] == [P.DIAJUKAN, P.DITOLAK]
    assert any("Tanggapan atas permohonan" in m.subject and m.to == [surel["anggota"]] for m in mailoutbox)


@pytest.mark.django_db
def test_proses_saat_usulan_dibuat(dunia, surel, django_capture_on_commit_callbacks, mailoutbox):
    o = dunia.org
    p = _buat(o.anggota)
    u = dunia.usulan()
    with django_capture_on_commit_callbacks(execute=True):
        permohonan_tautkan(oleh=o.hr.akun, permohonan=p, usulan=u)
    p.refresh_from_db()
    assert (p.status, p.usulan_id) == (P.DIPROSES, u.pk)
    assert _riwayat(p)[-1] == ("proses", P.DIAJUKAN, P.DIPROSES, o.hr.akun.pk)
    assert CatatanAudit.objects.filter(aksi="mutasi.permohonan.proses", objek_id=str(p.pk)).exists()
    assert any(p.nomor in m.subject and m.to == [surel["anggota"]] for m in mailoutbox)
    # "proses" is the new-proposal page's, never a button.
    assert "proses" not in [t.aksi for t in permohonan_aksi_tersedia(p, o.hr.akun)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("aksi", "siapa", "pesan"),
    [
        ("tarik", "hr", "Hanya pemohon"),
        ("tarik", "orang_luar", "Hanya pemohon"),
        ("tolak", "anggota", "Hanya staf BKPSDM"),
        ("tolak", "kepala", "Hanya staf BKPSDM"),
        ("tolak", "ppk", "Hanya staf BKPSDM"),
    ],
)
def test_pelaku_salah_ditolak(org, aksi, siapa, pesan):
    p = _buat(org.anggota)
    oleh = getattr(org, siapa).akun
    with pytest.raises(AlurError, match=pesan):
        if aksi == "tarik":
            permohonan_tarik(oleh=oleh, permohonan=p)
        else:
            permohonan_tolak(oleh=oleh, permohonan=p, alasan=TOLAK)
    p.refresh_from_db()
    assert p.status == P.DIAJUKAN and len(_riwayat(p)) == 1


@pytest.mark.django_db
def test_hr_tidak_menanggapi_permohonannya_sendiri(org):
    p = _buat(org.hr)
    with pytest.raises(AlurError, match="staf BKPSDM yang lain"):
        permohonan_tolak(oleh=org.hr.akun, permohonan=p, alasan=TOLAK)


@pytest.mark.django_db
def test_keadaan_salah_dan_dua_kali_ditolak(dunia):
    o = dunia.org
    p = _buat(o.anggota)
    with pytest.raises(AlurError, match="minimal 10 karakter"):
        permohonan_tolak(oleh=o.hr.akun, permohonan=p, alasan="Penuh.")
    permohonan_tolak(oleh=o.hr.akun, permohonan=p, alasan=TOLAK)
    with pytest.raises(AlurError, match='berstatus "Ditolak"'):
        permohonan_tolak(oleh=o.hr.akun, permohonan=p, alasan=TOLAK)  # twice
    with pytest.raises(AlurError, match='berstatus "Ditolak"'):
        permohonan_tarik(oleh=o.anggota.akun, permohonan=p)  # declined: nothing to withdraw
    with pytest.raises(AlurError, match='berstatus "Ditolak"'):
        permohonan_tautkan(oleh=o.hr.akun, permohonan=p, usulan=dunia.usulan())
    q = _buat(o.anggota)
    permohonan_tarik(oleh=o.anggota.akun, permohonan=q)
    with pytest.raises(AlurError, match='berstatus "Ditarik pemohon"'):
        permohonan_tarik(oleh=o.anggota.akun, permohonan=q)  # twice
    assert len(_riwayat(p)) == 2 and len(_riwayat(q)) == 2
    assert CatatanAudit.objects.filter(aksi="mutasi.permohonan.tolak").count() == 1


@pytest.mark.django_db
def test_usulan_orang_lain_tidak_ditautkan(dunia):
    o = dunia.org
    p = _buat(o.anggota)
    lain = dunia.usulan(pegawai=o.orang_luar)
    with pytest.raises(AlurError, match="bukan untuk pemohon"):
        permohonan_tautkan(oleh=o.hr.akun, permohonan=p, usulan=lain)
    p.refresh_from_db()
    assert p.status == P.DIAJUKAN and p.usulan_id is None
