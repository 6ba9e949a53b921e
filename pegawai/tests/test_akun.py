"""Accounts: signing in with the NIP, HR giving employees accounts (one by one and in bulk),
activation by emailed link, resend/disable/enable/role, password reset and change."""

import re
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from inti.models import CatatanAudit
from pegawai import nip as nip_rules
from pegawai.models import Pegawai, Peran, User
from pegawai.selectors.akun import StatusAkun, status_akun
from pegawai.services.akun import akun_buat_massal
from pegawai.tests.factories import PegawaiFactory, UserFactory, pegawai_di

SANDI = "rahasia-123"
SANDI_BARU = "Kalisari#Mulyorejo-2025"


def _tautan(email, jenis="aktivasi") -> str:
    """The path of the first activation/reset link in an email body."""
    pola = (
        r"https?://[^/\s]+(/akun/aktivasi/[^\s]+/)"
        if jenis == "aktivasi"
        else r"https?://[^/\s]+(/akun/sandi/atur/[^\s]+/)"
    )
    cocok = re.search(pola, email.body)
    assert cocok, email.body
    return cocok.group(1)


def _aktifkan(client: Client, tautan: str, sandi: str = SANDI_BARU):
    """Open the link (it redirects to a token-free URL), then set the password."""
    r = client.get(tautan)
    assert r.status_code == 302
    form_url = r["Location"]
    assert client.get(form_url).status_code == 200
    return client.post(form_url, {"new_password1": sandi, "new_password2": sandi})


def _masuk(nip: str, sandi: str) -> Client:
    c = Client()
    r = c.post(reverse("login"), {"username": nip, "password": sandi})
    assert r.status_code == 302, r.content.decode()[:3000]
    return c


@pytest.fixture
def calon(org):
    """An employee in the sub-unit with an email address and no account."""
    return pegawai_di(org.subunit, email="siti.calon@surabaya.go.id", nama="Siti Calon")


# --- Signing in -----------------------------------------------------------------------


class TestMasuk:
    def test_nip_polos(self, org, client):
        r = client.post(reverse("login"), {"username": org.anggota.nip, "password": SANDI})
        assert r.status_code == 302
        assert r["Location"] == reverse("beranda")
        assert client.session["_auth_user_id"] == str(org.anggota.akun_id)

    def test_nip_berkelompok(self, org, client):
        dikelompokkan = nip_rules.tampil(org.anggota.nip)
        assert " " in dikelompokkan
        r = client.post(reverse("login"), {"username": f"  {dikelompokkan} ", "password": SANDI})
        assert r.status_code == 302
        assert client.session["_auth_user_id"] == str(org.anggota.akun_id)

    def test_halaman_berlabel_indonesia(self, client, db):
        html = client.get(reverse("login")).content.decode()
        assert "NIP" in html
        assert "Kata sandi" in html
        assert "Lupa kata sandi?" in html

    def test_sandi_salah(self, org, client):
        r = client.post(reverse("login"), {"username": org.anggota.nip, "password": "salah-sekali"})
        assert r.status_code == 200
        assert "NIP atau kata sandi salah" in r.content.decode()
        assert "_auth_user_id" not in client.session
        # What was typed stays in the form.
        assert org.anggota.nip in r.content.decode()

    def test_nip_tidak_dikenal(self, db, client):
        r = client.post(reverse("login"), {"username": "199001012015031999", "password": SANDI})
        assert "NIP atau kata sandi salah" in r.content.decode()

    def test_akun_nonaktif_ditolak(self, org, client):
        User.objects.filter(pk=org.anggota.akun_id).update(is_active=False)
        r = client.post(reverse("login"), {"username": org.anggota.nip, "password": SANDI})
        assert r.status_code == 200
        # The same answer as a wrong password (issue 14: a sign-in page does not tell accounts apart).
        assert "NIP atau kata sandi salah" in r.content.decode()
        assert "_auth_user_id" not in client.session

    def test_akun_nonaktif_sandi_salah_tidak_membuka_status(self, org, client):
        User.objects.filter(pk=org.anggota.akun_id).update(is_active=False)
        r = client.post(reverse("login"), {"username": org.anggota.nip, "password": "salah-sekali"})
        html = r.content.decode()
        assert "NIP atau kata sandi salah" in html
        assert "dinonaktifkan" not in html

    def test_akun_belum_diaktifkan(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        r = Client().post(reverse("login"), {"username": calon.nip, "password": "apa-saja-123"})
        assert "NIP atau kata sandi salah" in r.content.decode()  # the same answer as any refusal

    def test_sudah_masuk_dialihkan(self, clients):
        r = clients["anggota"].get(reverse("login"))
        assert r.status_code == 302

    def test_nip_diisi_dari_tautan(self, org, client):
        r = client.get(reverse("login") + f"?nip={org.anggota.nip}")
        assert nip_rules.tampil(org.anggota.nip) in r.content.decode()

    def test_keluar_dengan_post(self, clients):
        c = clients["anggota"]
        assert c.get(reverse("logout")).status_code == 405
        r = c.post(reverse("logout"))
        assert r.status_code == 302
        assert r["Location"] == reverse("login")
        assert "_auth_user_id" not in c.session
        assert c.get(reverse("beranda")).status_code == 302


# --- HR creates one account ------------------------------------------------------------


class TestBuatAkun:
    def test_buat_undang_aktivasi_lalu_masuk(self, org, clients, calon):
        r = clients["hr"].post(reverse("akun_buat", args=[calon.pk]), follow=True)
        assert "undangan aktivasi dikirim" in r.content.decode()
        calon.refresh_from_db()
        akun = calon.akun
        assert akun.nip == calon.nip
        assert akun.email == calon.email
        assert akun.peran == Peran.PEGAWAI
        assert not akun.has_usable_password()
        assert status_akun(akun) == StatusAkun.DIUNDANG
        assert len(mail.outbox) == 1
        email = mail.outbox[0]
        assert email.to == [calon.email]
        assert "Aktivasi" in email.subject
        assert calon.nip_tampil in email.body

        c = Client()
        r = _aktifkan(c, _tautan(email))
        assert r.status_code == 302
        assert r["Location"].startswith(reverse("login"))
        akun.refresh_from_db()
        assert akun.has_usable_password()
        assert akun.diaktifkan is not None
        assert status_akun(akun) == StatusAkun.AKTIF
        masuk = _masuk(nip_rules.tampil(calon.nip), SANDI_BARU)
        assert "Siti Calon" in masuk.get(reverse("beranda")).content.decode()
        aksi = set(CatatanAudit.objects.filter(objek_id=str(akun.pk)).values_list("aksi", flat=True))
        assert {"akun.buat", "akun.aktivasi"} <= aksi

    def test_validator_sandi_berlaku(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        r = _aktifkan(Client(), _tautan(mail.outbox[0]), sandi="12345678")
        assert r.status_code == 200  # the form again, with the validators' messages
        assert "Kata sandi ini terlalu umum" in r.content.decode()
        calon.refresh_from_db()
        assert not calon.akun.has_usable_password()

    def test_sandi_tidak_sama(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        c = Client()
        form_url = c.get(_tautan(mail.outbox[0]))["Location"]
        r = c.post(form_url, {"new_password1": SANDI_BARU, "new_password2": SANDI_BARU + "x"})
        assert "Kedua kata sandi tidak sama" in r.content.decode()

    def test_tautan_dipakai_lagi_akun_sudah_aktif(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        tautan = _tautan(mail.outbox[0])
        _aktifkan(Client(), tautan)
        r = Client().get(tautan)
        assert r.status_code == 200
        html = r.content.decode()
        assert "Akun Anda sudah aktif" in html
        assert reverse("login") in html

    def test_tautan_kedaluwarsa(self, org, clients, calon, settings):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        tautan = _tautan(mail.outbox[0])
        settings.PASSWORD_RESET_TIMEOUT = -1
        r = Client().get(tautan)
        assert r.status_code == 200
        assert "kedaluwarsa" in r.content.decode()

    def test_tautan_rusak(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        tautan = _tautan(mail.outbox[0])
        r = Client().get(tautan[:-4] + "abc/")
        assert r.status_code == 200
        assert "Tautan tidak dapat dipakai" in r.content.decode()
        r = Client().get(reverse("akun_aktivasi", kwargs={"uidb64": "xx", "token": "1-2"}))
        assert "Tautan tidak dapat dipakai" in r.content.decode()

    def test_tautan_karangan_tidak_membuka_status_akun(self, org):
        # A made-up link to an existing active or disabled account says only "invalid".
        User.objects.filter(pk=org.orang_luar.akun_id).update(is_active=False)
        for pegawai in (org.anggota, org.orang_luar):
            uid = urlsafe_base64_encode(force_bytes(pegawai.akun_id))
            html = Client().get(reverse("akun_aktivasi", kwargs={"uidb64": uid, "token": "dis6if-0123abcd"})).content
            assert "Tautan tidak dapat dipakai" in html.decode()

    def test_tautan_akun_dinonaktifkan(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        tautan = _tautan(mail.outbox[0])
        User.objects.filter(nip=calon.nip).update(is_active=False)
        r = Client().get(tautan)
        assert "Akun dinonaktifkan" in r.content.decode()

    def test_tanpa_email_ditolak(self, org, clients):
        tanpa = pegawai_di(org.subunit, email="")
        r = clients["hr"].post(reverse("akun_buat", args=[tanpa.pk]), follow=True)
        assert "belum punya alamat email" in r.content.decode()
        tanpa.refresh_from_db()
        assert tanpa.akun_id is None
        assert mail.outbox == []

    def test_sudah_punya_akun_ditolak(self, org, clients):
        r = clients["hr"].post(reverse("akun_buat", args=[org.anggota.pk]), follow=True)
        assert "sudah punya akun" in r.content.decode()
        assert mail.outbox == []

    def test_pegawai_tidak_aktif_ditolak(self, org, clients):
        pensiun = pegawai_di(org.subunit, email="pensiun@surabaya.go.id", aktif=False)
        r = clients["hr"].post(reverse("akun_buat", args=[pensiun.pk]), follow=True)
        assert "tidak aktif" in r.content.decode()
        assert not User.objects.filter(nip=pensiun.nip).exists()

    def test_nip_dipakai_akun_lain(self, org, clients, calon):
        UserFactory(nip=calon.nip)
        r = clients["hr"].post(reverse("akun_buat", args=[calon.pk]), follow=True)
        assert "sudah dipakai akun lain" in r.content.decode()
        calon.refresh_from_db()
        assert calon.akun_id is None

    def test_email_gagal_akun_tetap_dibuat(self, org, clients, calon, settings):
        settings.MAILERS = {"default": {"BACKEND": "pegawai.tests.test_akun.MailerGagal"}}
        r = clients["hr"].post(reverse("akun_buat", args=[calon.pk]), follow=True)
        assert "gagal dikirim" in r.content.decode()
        calon.refresh_from_db()
        assert status_akun(calon.akun) == StatusAkun.DIUNDANG

    def test_kembali_ke_daftar_dengan_saringan(self, org, clients, calon):
        asal = reverse("akun_pegawai") + "?q=Siti&page=1"
        r = clients["hr"].post(reverse("akun_buat", args=[calon.pk]), {"next": asal})
        assert r["Location"] == asal
        r = clients["hr"].post(reverse("akun_buat", args=[calon.pk]), {"next": "https://jahat.example/"})
        assert r["Location"] == reverse("akun_pegawai")


class MailerGagal(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("server mati")


# --- Bulk -------------------------------------------------------------------------------


class TestMassal:
    def test_terpilih(self, org, clients):
        siap = [pegawai_di(org.subunit, email=f"p{i}@surabaya.go.id") for i in range(3)]
        tanpa_email = pegawai_di(org.subunit, email="")
        ids = [p.pk for p in siap] + [tanpa_email.pk, org.anggota.pk]
        r = clients["hr"].post(reverse("akun_undang_massal"), {"aksi": "terpilih", "pegawai": ids}, follow=True)
        html = r.content.decode()
        assert "3 akun dibuat; 3 undangan aktivasi terkirim" in html
        assert "1 sudah punya akun" in html
        assert "1 email pegawai belum diisi" in html
        assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in siap)
        for p in siap:
            p.refresh_from_db()
            assert p.akun.nip == p.nip
            assert p.akun.email == p.email
            assert p.akun.peran == Peran.PEGAWAI
            assert not p.akun.has_usable_password()
        assert CatatanAudit.objects.filter(aksi="akun.buat").count() == 3
        # Every link works: activate one and sign in with it.
        email = next(m for m in mail.outbox if m.to == [siap[1].email])
        _aktifkan(Client(), _tautan(email))
        _masuk(siap[1].nip, SANDI_BARU)

    def test_semua_di_saringan(self, org, clients):
        di_unit = [pegawai_di(org.subunit, email=f"u{i}@surabaya.go.id") for i in range(2)]
        di_luar = pegawai_di(org.lain, email="luar@surabaya.go.id")
        r = clients["hr"].post(
            reverse("akun_undang_massal"), {"aksi": "semua", "unit": org.unit.pk, "aktif": "ya"}, follow=True
        )
        assert "2 akun dibuat" in r.content.decode()
        assert {m.to[0] for m in mail.outbox} == {p.email for p in di_unit}
        di_luar.refresh_from_db()
        assert di_luar.akun_id is None

    def test_tanpa_pilihan(self, org, clients):
        r = clients["hr"].post(reverse("akun_undang_massal"), {"aksi": "terpilih"}, follow=True)
        assert "Tidak ada pegawai yang dipilih" in r.content.decode()

    def test_jumlah_query_tetap(self, org):
        from pegawai.akses import peran_user

        peran_user(org.hr.akun)  # the role lookup is cached on the user: keep it out of the count

        def jalankan(n: int) -> int:
            ids = [PegawaiFactory(email=f"q{n}-{i}@surabaya.go.id").pk for i in range(n)]
            with CaptureQueriesContext(connection) as ctx:
                hasil = akun_buat_massal(oleh=org.hr.akun, pegawai_ids=ids, base_url="http://testserver/")
            assert len(hasil.dibuat) == n
            return len(ctx.captured_queries)

        assert jalankan(2) == jalankan(25)

    def test_batas_per_proses(self, org, monkeypatch):
        monkeypatch.setattr("pegawai.services.akun.AKUN_MASSAL_MAKS", 2)
        ids = [PegawaiFactory(email=f"b{i}@surabaya.go.id").pk for i in range(3)]
        hasil = akun_buat_massal(oleh=org.hr.akun, pegawai_ids=ids, base_url="http://testserver/")
        assert len(hasil.dibuat) == 2
        assert hasil.sisa == 1

    def test_nip_bentrok_dilewati(self, org):
        a = PegawaiFactory(email="a@surabaya.go.id")
        b = PegawaiFactory(email="b@surabaya.go.id")
        UserFactory(nip=b.nip)
        hasil = akun_buat_massal(oleh=org.hr.akun, pegawai_ids=[a.pk, b.pk], base_url="http://testserver/")
        assert [p.pk for p in hasil.dibuat] == [a.pk]
        assert [p.pk for p in hasil.dilewati["nip_dipakai"]] == [b.pk]

    def test_email_gagal_dilaporkan(self, org, clients, settings):
        settings.MAILERS = {"default": {"BACKEND": "pegawai.tests.test_akun.MailerGagal"}}
        p = pegawai_di(org.subunit, email="gagal@surabaya.go.id")
        r = clients["hr"].post(reverse("akun_undang_massal"), {"aksi": "terpilih", "pegawai": [p.pk]}, follow=True)
        html = r.content.decode()
        assert "1 akun dibuat; 0 undangan aktivasi terkirim" in html
        assert "Undangan gagal dikirim ke" in html

    def test_hanya_hr(self, org):
        from inti.galat import LayananError

        p = PegawaiFactory(email="x@surabaya.go.id")
        with pytest.raises(LayananError):
            akun_buat_massal(oleh=org.kepala.akun, pegawai_ids=[p.pk], base_url="http://testserver/")


# --- Managing an account -----------------------------------------------------------------


class TestKelola:
    def test_undang_ulang_ikut_email_pegawai(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        Pegawai.objects.filter(pk=calon.pk).update(email="siti.baru@surabaya.go.id")
        mail.outbox.clear()
        r = clients["hr"].post(reverse("akun_undang_ulang", args=[calon.pk]), follow=True)
        assert "dikirim ulang" in r.content.decode()
        assert mail.outbox[0].to == ["siti.baru@surabaya.go.id"]
        calon.refresh_from_db()
        assert calon.akun.email == "siti.baru@surabaya.go.id"
        _aktifkan(Client(), _tautan(mail.outbox[0]))
        assert CatatanAudit.objects.filter(aksi="akun.undang_ulang", objek_id=str(calon.akun_id)).exists()

    def test_undang_ulang_akun_aktif_ditolak(self, org, clients):
        r = clients["hr"].post(reverse("akun_undang_ulang", args=[org.anggota.pk]), follow=True)
        assert "sudah aktif" in r.content.decode()
        assert mail.outbox == []

    def test_nonaktifkan_lalu_aktifkan(self, org, clients):
        anggota = clients["anggota"]
        assert anggota.get(reverse("beranda")).status_code == 200
        r = clients["hr"].post(reverse("akun_nonaktifkan", args=[org.anggota.pk]), follow=True)
        assert "dinonaktifkan" in r.content.decode()
        org.anggota.akun.refresh_from_db()
        assert not org.anggota.akun.is_active
        assert anggota.get(reverse("beranda")).status_code == 302  # the open session ends
        clients["hr"].post(reverse("akun_aktifkan", args=[org.anggota.pk]))
        org.anggota.akun.refresh_from_db()
        assert org.anggota.akun.is_active
        aksi = list(CatatanAudit.objects.filter(objek_id=str(org.anggota.akun_id)).values_list("aksi", flat=True))
        assert "akun.nonaktifkan" in aksi
        assert "akun.aktifkan" in aksi

    def test_tidak_bisa_nonaktifkan_diri_sendiri(self, org, clients):
        r = clients["hr"].post(reverse("akun_nonaktifkan", args=[org.hr.pk]), follow=True)
        assert "akun Anda sendiri" in r.content.decode()
        org.hr.akun.refresh_from_db()
        assert org.hr.akun.is_active

    def test_aktifkan_pegawai_tidak_aktif_ditolak(self, org, clients):
        Pegawai.objects.filter(pk=org.anggota.pk).update(aktif=False)
        User.objects.filter(pk=org.anggota.akun_id).update(is_active=False)
        r = clients["hr"].post(reverse("akun_aktifkan", args=[org.anggota.pk]), follow=True)
        assert "tidak aktif lagi" in r.content.decode()
        org.anggota.akun.refresh_from_db()
        assert not org.anggota.akun.is_active

    def test_detail_menampilkan_riwayat(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        html = clients["hr"].get(reverse("akun_pegawai_detail", args=[calon.pk])).content.decode()
        assert "Akun dibuat untuk Siti Calon" in html
        assert "Kirim ulang undangan" in html


class TestPeran:
    def test_hr_mengubah_peran(self, org, clients):
        r = clients["hr"].post(reverse("akun_ubah_peran", args=[org.anggota.pk]), {"peran": Peran.PPK}, follow=True)
        assert "sudah diubah" in r.content.decode()
        org.anggota.akun.refresh_from_db()
        assert org.anggota.akun.peran == Peran.PPK
        audit = CatatanAudit.objects.get(aksi="akun.ubah_peran")
        assert audit.perubahan == {"peran": [Peran.PEGAWAI, Peran.PPK]}

    def test_menjadikan_hr(self, org, clients):
        clients["hr"].post(reverse("akun_ubah_peran", args=[org.anggota.pk]), {"peran": Peran.HR})
        org.anggota.akun.refresh_from_db()
        assert org.anggota.akun.peran == Peran.HR
        assert clients["anggota"].get(reverse("akun_pegawai")).status_code == 200

    def test_tidak_bisa_mencabut_hr_sendiri(self, org, clients):
        r = clients["hr"].post(reverse("akun_ubah_peran", args=[org.hr.pk]), {"peran": Peran.PEGAWAI}, follow=True)
        assert "tidak dapat mencabut" in r.content.decode()
        org.hr.akun.refresh_from_db()
        assert org.hr.akun.peran == Peran.HR

    def test_hr_lain_boleh_dicabut(self, org, clients):
        hr2 = pegawai_di(org.bkpsdm, akun=True, peran=Peran.HR)
        clients["hr"].post(reverse("akun_ubah_peran", args=[hr2.pk]), {"peran": Peran.PEGAWAI})
        hr2.akun.refresh_from_db()
        assert hr2.akun.peran == Peran.PEGAWAI

    def test_peran_tidak_sah(self, org, clients):
        r = clients["hr"].post(reverse("akun_ubah_peran", args=[org.anggota.pk]), {"peran": "RAJA"}, follow=True)
        assert "Pilih peran yang sah" in r.content.decode()
        org.anggota.akun.refresh_from_db()
        assert org.anggota.akun.peran == Peran.PEGAWAI

    @pytest.mark.parametrize("role", ["ppk", "kepala", "anggota", "orang_luar"])
    def test_selain_hr_tidak_boleh(self, org, clients, role):
        r = clients[role].post(reverse("akun_ubah_peran", args=[org.anggota.pk]), {"peran": Peran.HR})
        assert r.status_code == 403
        org.anggota.akun.refresh_from_db()
        assert org.anggota.akun.peran == Peran.PEGAWAI


# --- Permission matrix -----------------------------------------------------------------------

TIDAK_BOLEH = ["ppk", "kepala", "anggota", "orang_luar"]


def _halaman_hr(org):
    """(method, url, data, expected status for HR) for every HR view."""
    return [
        ("get", reverse("akun_pegawai"), {}, 200),
        ("get", reverse("akun_pegawai_detail", args=[org.anggota.pk]), {}, 200),
        ("post", reverse("akun_buat", args=[org.orang_luar.pk]), {}, 302),
        ("post", reverse("akun_undang_massal"), {"aksi": "terpilih", "pegawai": [org.orang_luar.pk]}, 302),
        ("post", reverse("akun_undang_ulang", args=[org.anggota.pk]), {}, 302),
        ("post", reverse("akun_nonaktifkan", args=[org.anggota.pk]), {}, 302),
        ("post", reverse("akun_aktifkan", args=[org.anggota.pk]), {}, 302),
        ("post", reverse("akun_ubah_peran", args=[org.anggota.pk]), {"peran": Peran.PPK}, 302),
    ]


class TestHakAkses:
    def test_anonim_diarahkan_ke_masuk(self, org, clients):
        for method, url, data, _ok in _halaman_hr(org):
            r = getattr(clients["anon"], method)(url, data)
            assert r.status_code == 302, url
            assert r["Location"].startswith(reverse("login")), url

    @pytest.mark.parametrize("role", TIDAK_BOLEH)
    def test_peran_lain_ditolak(self, org, clients, role):
        for method, url, data, _ok in _halaman_hr(org):
            r = getattr(clients[role], method)(url, data)
            assert r.status_code == 403, (role, url)
        org.anggota.akun.refresh_from_db()
        assert org.anggota.akun.is_active
        assert org.anggota.akun.peran == Peran.PEGAWAI
        assert mail.outbox == []

    def test_hr_boleh(self, org, clients):
        for method, url, data, ok in _halaman_hr(org):
            r = getattr(clients["hr"], method)(url, data)
            assert r.status_code == ok, url

    def test_aksi_hanya_post(self, org, clients):
        for _m, url, _d, ok in _halaman_hr(org):
            if ok == 302:
                assert clients["hr"].get(url).status_code == 405, url

    def test_detail_pegawai_tidak_ada(self, org, clients):
        assert clients["hr"].get(reverse("akun_pegawai_detail", args=[999999])).status_code == 404

    def test_halaman_umum(self, org, clients):
        # Sign-in, reset and activation pages are for everyone; password change needs a session.
        for url in (reverse("login"), reverse("password_reset"), reverse("password_reset_done")):
            assert clients["anon"].get(url).status_code == 200, url
        r = clients["anon"].get(reverse("password_change"))
        assert r.status_code == 302
        assert r["Location"].startswith(reverse("login"))
        for role in ("hr", *TIDAK_BOLEH):
            assert clients[role].get(reverse("password_change")).status_code == 200, role


# --- The accounts list --------------------------------------------------------------------------


def _isi(org, n: int, awal: int) -> None:
    """n employees in mixed account states."""
    for i in range(n):
        jenis = i % 4
        p = pegawai_di(org.subunit, email=f"isi{awal + i}@surabaya.go.id" if jenis != 3 else "")
        if jenis == 1:
            akun = UserFactory(nip=p.nip, email=p.email)
            akun.set_unusable_password()
            akun.save()
            Pegawai.objects.filter(pk=p.pk).update(akun=akun)
        elif jenis == 2:
            akun = UserFactory(nip=p.nip, email=p.email, is_active=False)
            Pegawai.objects.filter(pk=p.pk).update(akun=akun)


class TestDaftar:
    def test_jumlah_query_tetap(self, org, clients, django_assert_max_num_queries):
        url = reverse("akun_pegawai")
        _isi(org, 4, 0)
        with CaptureQueriesContext(connection) as sedikit:
            assert clients["hr"].get(url).status_code == 200
        _isi(org, 40, 100)
        with django_assert_max_num_queries(len(sedikit.captured_queries)):
            r = clients["hr"].get(url)
        assert r.status_code == 200
        assert len(r.context["page_obj"].object_list) == 44 + 5  # plus the org's own five

    def test_status_dan_ringkasan(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        tanpa = pegawai_di(org.subunit, email="", nama="Tanpa Surel")
        r = clients["hr"].get(reverse("akun_pegawai"))
        baris = {p.pk: p.status_akun for p in r.context["page_obj"]}
        assert baris[calon.pk] == StatusAkun.DIUNDANG
        assert baris[org.anggota.pk] == StatusAkun.AKTIF
        assert baris[tanpa.pk] == StatusAkun.BELUM
        assert r.context["ringkasan"]["DIUNDANG"] == 1
        assert r.context["ringkasan"]["SIAP"] == 0
        html = r.content.decode()
        assert "Isi email dulu" in html

    def test_saringan(self, org, clients, calon):
        tanpa = pegawai_di(org.lain, email="", nama="Tanpa Surel")
        hr = clients["hr"]

        def pks(**q):
            return {p.pk for p in hr.get(reverse("akun_pegawai"), q).context["page_obj"]}

        assert pks(status="BELUM") == {calon.pk, tanpa.pk}
        assert pks(status="BELUM", email="ada") == {calon.pk}
        assert pks(q=nip_rules.tampil(calon.nip)[:15]) == {calon.pk}
        assert pks(q="Tanpa") == {tanpa.pk}
        assert pks(unit=org.lain.pk) == {org.ppk.pk, org.orang_luar.pk, tanpa.pk}
        assert pks(peran=Peran.HR) == {org.hr.pk}
        r = hr.get(reverse("akun_pegawai"), {"status": "BELUM"})
        assert r.context["ringkasan"]["SIAP"] == 1
        assert 'class="form-check-input js-check-all"' in r.content.decode()

    def test_urut(self, org, clients):
        hr = clients["hr"]
        for urut in ("nama", "-nama", "nip", "unit", "status", "-status", "masuk", "email", "tak-dikenal"):
            assert hr.get(reverse("akun_pegawai"), {"urut": urut}).status_code == 200, urut

    def test_kosong(self, org, clients):
        r = clients["hr"].get(reverse("akun_pegawai"), {"q": "tidak ada orang ini"})
        assert "Tidak ada pegawai yang cocok" in r.content.decode()

    def test_halaman(self, org, clients):
        _isi(org, 60, 0)
        r = clients["hr"].get(reverse("akun_pegawai"), {"page": 2})
        assert r.context["page_obj"].number == 2


# --- Passwords ------------------------------------------------------------------------------------


class TestSandi:
    def test_reset_lewat_email(self, org, client):
        User.objects.filter(pk=org.anggota.akun_id).update(email="anggota@surabaya.go.id")
        r = client.post(reverse("password_reset"), {"email": "ANGGOTA@surabaya.go.id"})
        assert r["Location"] == reverse("password_reset_done")
        assert len(mail.outbox) == 1
        email = mail.outbox[0]
        assert email.to == ["anggota@surabaya.go.id"]
        assert "kata sandi" in email.subject.lower()
        c = Client()
        tautan = _tautan(email, "reset")
        r = c.get(tautan)
        assert r.status_code == 302
        r = c.post(r["Location"], {"new_password1": SANDI_BARU, "new_password2": SANDI_BARU})
        assert r.status_code == 302
        _masuk(org.anggota.nip, SANDI_BARU)
        assert CatatanAudit.objects.filter(aksi="akun.reset_sandi", objek_id=str(org.anggota.akun_id)).exists()
        # The link is single-use.
        assert "Tautan tidak dapat dipakai" in Client().get(tautan, follow=True).content.decode()

    def test_email_tidak_dikenal_tidak_mengirim(self, db, client):
        r = client.post(reverse("password_reset"), {"email": "siapa@contoh.id"})
        assert r.status_code == 302
        assert mail.outbox == []

    def test_akun_nonaktif_tidak_dapat_reset(self, org, client):
        User.objects.filter(pk=org.anggota.akun_id).update(email="a@surabaya.go.id", is_active=False)
        client.post(reverse("password_reset"), {"email": "a@surabaya.go.id"})
        assert mail.outbox == []

    def test_belum_aktivasi_mendapat_tautan_aktivasi(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        mail.outbox.clear()
        Client().post(reverse("password_reset"), {"email": calon.email})
        assert len(mail.outbox) == 1
        _aktifkan(Client(), _tautan(mail.outbox[0], "aktivasi"))
        _masuk(calon.nip, SANDI_BARU)

    def test_tautan_aktivasi_bukan_tautan_reset(self, org, clients, calon):
        clients["hr"].post(reverse("akun_buat", args=[calon.pk]))
        tautan = _tautan(mail.outbox[0]).replace("/akun/aktivasi/", "/akun/sandi/atur/")
        assert "Tautan tidak dapat dipakai" in Client().get(tautan).content.decode()

    def test_ubah_sandi(self, org, clients):
        c = clients["anggota"]
        r = c.post(
            reverse("password_change"),
            {"old_password": "salah", "new_password1": SANDI_BARU, "new_password2": SANDI_BARU},
        )
        assert "Kata sandi sekarang salah" in r.content.decode()
        r = c.post(
            reverse("password_change"),
            {"old_password": SANDI, "new_password1": SANDI_BARU, "new_password2": SANDI_BARU},
            follow=True,
        )
        assert "Kata sandi Anda sudah diubah" in r.content.decode()
        assert c.get(reverse("beranda")).status_code == 200  # still signed in
        _masuk(org.anggota.nip, SANDI_BARU)
        assert CatatanAudit.objects.filter(aksi="akun.ubah_sandi").exists()


def test_saringan_salah_tidak_membuang_yang_lain(org, clients):
    r = clients["hr"].get(reverse("akun_pegawai"), {"q": "tidak ada orang ini", "unit": "999999", "status": "XX"})
    assert r.status_code == 200
    assert list(r.context["page_obj"]) == []


# --- Mail language: the site's, whatever the sender browses in ----------------------------------


def _berbahasa_inggris(pegawai) -> Client:
    from django.conf import settings

    c = Client()
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    c.force_login(pegawai.akun)
    return c


class TestBahasaSurel:
    def test_undangan_berbahasa_indonesia_walau_hr_memakai_bahasa_inggris(self, org, calon):
        r = _berbahasa_inggris(org.hr).post(reverse("akun_buat", args=[calon.pk]), follow=True)
        assert "Account" in r.text  # the page HR sees is in English ...
        email = mail.outbox[0]  # ... the mail is not
        assert email.subject == "[SIMUTASI] Aktivasi akun Anda"
        assert email.body.startswith("Yth. Siti Calon,")
        assert "BKPSDM telah membuatkan akun SIMUTASI" in email.body
        assert "Dear" not in email.body

    def test_undangan_dari_thread_berbahasa_inggris(self, org, calon):
        from django.utils import translation

        with translation.override("en"):
            akun_buat_massal(oleh=org.hr.akun, pegawai_ids=[calon.pk], base_url="http://x/")
            assert translation.get_language() == "en"  # the caller's language is left as it was
        assert mail.outbox[0].subject == "[SIMUTASI] Aktivasi akun Anda"
        assert "Untuk mengaktifkan akun" in mail.outbox[0].body

    def test_reset_sandi_berbahasa_indonesia(self, org):
        from django.conf import settings

        User.objects.filter(pk=org.anggota.akun_id).update(email="anggota@surabaya.go.id")
        c = Client()
        c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        c.post(reverse("password_reset"), {"email": "anggota@surabaya.go.id"})
        email = mail.outbox[0]
        assert email.subject == "[SIMUTASI] Atur ulang kata sandi SIMUTASI"
        assert "Kami menerima permintaan untuk mengatur ulang kata sandi" in email.body
