"""Acting officials (Plh./Plt.): the recording rules (boundary dates included), who acts on which
day, and every page for each role that may not use it."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from inti.models import CatatanAudit
from pegawai.akses import peran_user
from pegawai.models import JenisPengganti, PenggantiPejabat, PeranPejabat, User
from pegawai.selectors.pengganti import bertindak_untuk
from pegawai.services.pengganti import PenggantiError, pengganti_batalkan, pengganti_catat
from pegawai.tests.factories import pegawai_di

HARI = timezone.localdate()


def segar(pegawai) -> User:
    """The account as a new request sees it (the roles are cached on the user object)."""
    return User.objects.get(pk=pegawai.akun_id)


@pytest.fixture
def plh(org):
    """An employee of the head's unit, with an account, who will act for the head."""
    return pegawai_di(org.unit, akun=True)


def catat(org, plh, *, mulai=HARI, selesai=HARI + timedelta(days=5), oleh=None, **kw):
    data = {
        "yang_digantikan": org.kepala,
        "pengganti": plh,
        "peran": PeranPejabat.KEPALA,
        "unit": org.unit,
        "jenis": JenisPengganti.PLH,
        "mulai": mulai,
        "selesai": selesai,
        "dasar": "800.1.3/12/436.8.3/2026",
    }
    data.update(kw)
    return pengganti_catat(oleh=(oleh or org.hr).akun, **data)


# --- The rules ---------------------------------------------------------------------------------


def test_tumpang_tindih_ditolak_pada_hari_yang_sama_diterima_sehari_sesudahnya(org, plh):
    d = HARI + timedelta(days=5)
    catat(org, plh, mulai=HARI, selesai=d)
    lain = pegawai_di(org.unit, akun=True)
    with pytest.raises(PenggantiError, match="bertumpang"):
        catat(org, lain, mulai=d, selesai=d + timedelta(days=3))
    with pytest.raises(PenggantiError, match="bertumpang"):
        catat(org, lain, mulai=HARI - timedelta(days=2), selesai=HARI)
    berikut = catat(org, lain, mulai=d + timedelta(days=1), selesai=d + timedelta(days=3))
    assert berikut.pk and PenggantiPejabat.objects.count() == 2


def test_yang_dibatalkan_tidak_menghalangi(org, plh):
    d = catat(org, plh)
    pengganti_batalkan(oleh=org.hr.akun, pengganti=d, alasan="Pejabat kembali lebih awal.")
    assert catat(org, pegawai_di(org.unit, akun=True)).pk


def test_jabatan_lain_pejabat_yang_sama_tidak_bertumpang(org, plh):
    """The PPK who also heads a unit may have one acting person for each post."""
    o = org
    o.unit.kepala = o.ppk
    o.unit.save(update_fields=["kepala"])
    catat(org, plh, yang_digantikan=o.ppk)
    assert catat(org, plh, yang_digantikan=o.ppk, peran=PeranPejabat.PPK, unit=None).pk


def test_menggantikan_diri_sendiri_ditolak(org):
    with pytest.raises(PenggantiError, match="dirinya sendiri"):
        catat(org, org.kepala)
    with pytest.raises(IntegrityError), transaction.atomic():
        PenggantiPejabat.objects.create(
            yang_digantikan=org.kepala,
            pengganti=org.kepala,
            peran=PeranPejabat.KEPALA,
            unit=org.unit,
            mulai=HARI,
            selesai=HARI,
            dasar="x",
        )


def test_selesai_sebelum_mulai_ditolak_juga_oleh_basis_data(org, plh):
    with pytest.raises(PenggantiError, match="sebelum tanggal mulai"):
        catat(org, plh, mulai=HARI + timedelta(days=2), selesai=HARI + timedelta(days=1))
    with pytest.raises(IntegrityError), transaction.atomic():
        PenggantiPejabat.objects.create(
            yang_digantikan=org.kepala,
            pengganti=plh,
            peran=PeranPejabat.KEPALA,
            unit=org.unit,
            mulai=HARI,
            selesai=HARI - timedelta(days=1),
            dasar="x",
        )


def test_pengganti_harus_pegawai_aktif_berakun(org):
    tanpa_akun = pegawai_di(org.unit)
    with pytest.raises(PenggantiError, match="akun aktif"):
        catat(org, tanpa_akun)
    nonaktif = pegawai_di(org.unit, akun=True, aktif=False)
    with pytest.raises(PenggantiError, match="akun aktif"):
        catat(org, nonaktif)


def test_pejabat_harus_memegang_jabatannya(org, plh):
    with pytest.raises(PenggantiError, match="bukan kepala"):
        catat(org, plh, yang_digantikan=org.anggota)
    with pytest.raises(PenggantiError, match="bukan Pejabat Pembina"):
        catat(org, plh, yang_digantikan=org.kepala, peran=PeranPejabat.PPK, unit=None)


def test_periode_yang_sudah_berakhir_ditolak(org, plh):
    with pytest.raises(PenggantiError, match="sudah berakhir"):
        catat(org, plh, mulai=HARI - timedelta(days=5), selesai=HARI - timedelta(days=1))


def test_kepala_hanya_untuk_dirinya_sendiri(org, plh):
    """A head records their own absence; not someone else's; an employee nobody's."""
    assert catat(org, plh, oleh=org.kepala).dibuat_oleh == org.kepala.akun
    with pytest.raises(PenggantiError, match="Hanya staf BKPSDM"):
        catat(org, plh, oleh=org.anggota, mulai=HARI + timedelta(days=30), selesai=HARI + timedelta(days=31))


def test_dicatat_di_audit(org, plh):
    d = catat(org, plh)
    a = CatatanAudit.objects.get(aksi="pegawai.pengganti_catat")
    assert a.objek_id == str(d.pk) and "Plh." in a.ringkasan and org.kepala.nama_lengkap in a.ringkasan
    pengganti_batalkan(oleh=org.hr.akun, pengganti=d, alasan="Salah orang.")
    assert CatatanAudit.objects.get(aksi="pegawai.pengganti_batal").perubahan == {"alasan": "Salah orang."}


def test_pembatalan_perlu_alasan_dan_wewenang(org, plh):
    d = catat(org, plh)
    with pytest.raises(PenggantiError, match="alasan"):
        pengganti_batalkan(oleh=org.hr.akun, pengganti=d, alasan=" ")
    with pytest.raises(PenggantiError, match="Hanya staf BKPSDM"):
        pengganti_batalkan(oleh=segar(plh), pengganti=d, alasan="Saya tidak bersedia.")
    pengganti_batalkan(oleh=segar(org.kepala), pengganti=d, alasan="Saya kembali lebih awal.")
    with pytest.raises(PenggantiError, match="sudah dibatalkan"):
        pengganti_batalkan(oleh=org.hr.akun, pengganti=d, alasan="lagi")


# --- Who acts on which day -------------------------------------------------------------------------


def test_bertindak_pada_hari_dalam_periode_saja(org, plh):
    mulai, selesai = HARI + timedelta(days=1), HARI + timedelta(days=3)
    d = catat(org, plh, mulai=mulai, selesai=selesai)
    akun = segar(plh)
    assert bertindak_untuk(akun, HARI) == []
    assert bertindak_untuk(akun, mulai) == [d] and bertindak_untuk(akun, selesai) == [d]
    assert bertindak_untuk(akun, selesai + timedelta(days=1)) == []


def test_peran_hari_ini_memuat_jabatan_yang_digantikan(org, plh):
    d = catat(org, plh, selesai=HARI)
    p = peran_user(segar(plh))
    assert p.kepala and org.unit.pk in p.unit_dipimpin and org.subunit.pk in p.unit_wewenang
    assert p.plh_unit(org.unit.pk) == d and p.unit_sendiri == frozenset()
    assert peran_user(segar(org.kepala)).plh_unit(org.unit.pk) is None  # the official keeps their own
    pengganti_batalkan(oleh=org.hr.akun, pengganti=d, alasan="Batal.")
    assert not peran_user(segar(plh)).kepala


def test_tidak_berlaku_lagi_bila_pejabat_tidak_lagi_memegang_jabatan(org, plh):
    catat(org, plh)
    org.unit.kepala = None
    org.unit.save(update_fields=["kepala"])
    assert bertindak_untuk(segar(plh)) == []


def test_plh_ppk(org, plh):
    d = catat(org, plh, yang_digantikan=org.ppk, peran=PeranPejabat.PPK, unit=None, jenis=JenisPengganti.PLT)
    p = peran_user(segar(plh))
    assert p.ppk and p.plh_ppk == d and not p.ppk_sendiri
    assert peran_user(segar(org.ppk)).plh_ppk is None


# --- Pages -----------------------------------------------------------------------------------------

HR_SAJA = ["pegawai:pengganti_daftar", "pegawai:pengganti_baru"]


@pytest.mark.parametrize("nama", HR_SAJA)
@pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota", "orang_luar"])
def test_halaman_hr_ditolak_untuk_peran_lain(clients, nama, peran):
    assert clients[peran].get(reverse(nama)).status_code == 403
    assert clients[peran].post(reverse(nama), {}).status_code == 403


@pytest.mark.parametrize("nama", [*HR_SAJA, "pegawai:berhalangan"])
def test_anonim_ke_halaman_masuk(clients, nama):
    r = clients["anon"].get(reverse(nama))
    assert r.status_code == 302 and reverse("login") in r["Location"]


def test_daftar_hr_saring_dan_halaman(org, plh, clients):
    aktif = catat(org, plh)
    lalu = catat(org, plh, mulai=HARI + timedelta(days=20), selesai=HARI + timedelta(days=21))
    pengganti_batalkan(oleh=org.hr.akun, pengganti=lalu, alasan="Tidak jadi cuti.")
    url = reverse("pegawai:pengganti_daftar")
    r = clients["hr"].get(url)
    assert r.status_code == 200 and list(r.context["page_obj"]) == [aktif]
    assert plh.nama_lengkap in r.content.decode()
    r = clients["hr"].get(url, {"status": "lalu"})
    assert list(r.context["page_obj"]) == [lalu] and "Tidak jadi cuti." in r.content.decode()
    assert len(clients["hr"].get(url, {"status": "semua", "per": "25", "page": "x"}).context["page_obj"]) == 2
    assert clients["hr"].get(url, {"status": "<junk>"}).context["status"] == "aktif"


def test_hr_mencatat_lewat_formulir(org, plh, clients):
    data = {
        "jabatan": f"kepala:{org.unit.pk}",
        "pengganti_nip": plh.nip_tampil,
        "jenis": "Plh.",
        "mulai": HARI.isoformat(),
        "selesai": (HARI + timedelta(days=2)).isoformat(),
        "dasar": "800/77/2026",
    }
    r = clients["hr"].post(reverse("pegawai:pengganti_baru"), data)
    assert r.status_code == 302
    d = PenggantiPejabat.objects.get()
    assert (d.pengganti, d.yang_digantikan, d.unit, d.dasar) == (plh, org.kepala, org.unit, "800/77/2026")
    # The same again: refused with the reason, the input kept.
    r = clients["hr"].post(reverse("pegawai:pengganti_baru"), {**data, "dasar": "800/78/2026"})
    isi = r.content.decode()
    assert r.status_code == 200 and "bertumpang" in isi and 'value="800/78/2026"' in isi
    assert PenggantiPejabat.objects.count() == 1


def test_formulir_menolak_nip_tidak_dikenal_dan_diri_sendiri(org, clients):
    data = {
        "jabatan": f"kepala:{org.unit.pk}",
        "pengganti_nip": "199999999999999999",
        "jenis": "Plh.",
        "mulai": HARI.isoformat(),
        "selesai": HARI.isoformat(),
        "dasar": "x",
    }
    r = clients["hr"].post(reverse("pegawai:pengganti_baru"), data)
    assert r.status_code == 200 and "Tidak ada pegawai dengan NIP ini." in r.content.decode()
    r = clients["hr"].post(reverse("pegawai:pengganti_baru"), {**data, "pengganti_nip": org.kepala.nip})
    assert "dirinya sendiri" in r.content.decode()
    assert not PenggantiPejabat.objects.exists()


@pytest.mark.parametrize("peran", ["hr", "anggota", "orang_luar"])
def test_berhalangan_hanya_untuk_pejabat(clients, peran):
    assert clients[peran].get(reverse("pegawai:berhalangan")).status_code == 403


def test_kepala_mencatat_ketidakhadirannya_sendiri(org, plh, clients):
    url = reverse("pegawai:berhalangan")
    r = clients["kepala"].get(url)
    pilihan = [v for v, _label in r.context["form"].fields["jabatan"].choices if v]
    assert r.status_code == 200 and pilihan == [f"kepala:{org.unit.pk}"]
    data = {
        "jabatan": f"kepala:{org.unit.pk}",
        "pengganti_nip": plh.nip,
        "jenis": "Plh.",
        "mulai": HARI.isoformat(),
        "selesai": (HARI + timedelta(days=1)).isoformat(),
        "dasar": "Cuti tahunan",
    }
    assert clients["kepala"].post(url, data).status_code == 302
    assert PenggantiPejabat.objects.get().dibuat_oleh == org.kepala.akun
    # Another unit's head post is not among the choices: refused by the form.
    r = clients["kepala"].post(url, {**data, "jabatan": f"kepala:{org.lain.pk}"})
    assert r.status_code == 200 and PenggantiPejabat.objects.count() == 1
    assert clients["ppk"].get(url).status_code == 200


def test_batal_per_peran(org, plh, clients):
    d = catat(org, plh)
    url = reverse("pegawai:pengganti_batal", args=[d.pk])
    assert clients["anon"].get(url).status_code == 302
    for peran in ("ppk", "anggota", "orang_luar"):
        assert clients[peran].get(url).status_code == 404
        assert clients[peran].post(url, {"alasan": "x"}).status_code == 404
    c = clients["hr"]
    r = c.get(url)
    assert r.status_code == 200 and "js-confirm" in r.content.decode()
    r = c.post(url, {"alasan": ""})
    assert r.status_code == 200 and not PenggantiPejabat.objects.get().dibatalkan
    assert c.post(url, {"alasan": "Pejabat kembali."}).status_code == 302
    d.refresh_from_db()
    assert d.dibatalkan and d.alasan_batal == "Pejabat kembali." and d.dibatalkan_oleh == org.hr.akun
    assert c.get(url).status_code == 403  # already cancelled


def test_pengganti_sendiri_tidak_dapat_membatalkan(org, plh, clients):
    from django.test import Client

    d = catat(org, plh)
    c = Client()
    c.force_login(plh.akun)
    url = reverse("pegawai:pengganti_batal", args=[d.pk])
    assert c.get(url).status_code == 403
    assert clients["kepala"].get(url).status_code == 200  # the official may


def test_pengganti_dan_pejabat_dikabari(org, plh, mailoutbox, django_capture_on_commit_callbacks):
    org.kepala.email, plh.email = "camat@surabaya.go.id", "sekcam@surabaya.go.id"
    org.kepala.save(update_fields=["email"])
    plh.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        d = catat(org, plh)
    assert len(mailoutbox) == 1
    m = mailoutbox[0]
    assert sorted(m.to) == ["camat@surabaya.go.id", "sekcam@surabaya.go.id"]
    assert "Plh. Kepala Kecamatan Mulyorejo" in m.subject and org.kepala.nama_lengkap in m.body
    with django_capture_on_commit_callbacks(execute=True):
        pengganti_batalkan(oleh=org.hr.akun, pengganti=d, alasan="Pejabat kembali.")
    assert len(mailoutbox) == 2 and "dibatalkan" in mailoutbox[1].subject and "Pejabat kembali." in mailoutbox[1].body
