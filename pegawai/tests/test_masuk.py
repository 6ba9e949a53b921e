"""Signing in that resists guessing (issue 14, item 2): lockout per account and per address,
one answer for every refusal, passwords that are not the user's own data, sessions ended on a
password change, and every sign-in event in the audit trail."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from inti.models import CatatanAudit
from pegawai import nip as nip_rules
from pegawai.masuk import SandiDataPribadiValidator
from pegawai.models import User

SANDI = "rahasia-123"  # the factories' password
URL = "/akun/masuk/"


def _masuk(client: Client, nip: str, sandi: str, ip: str = "10.0.0.1"):
    return client.post(URL, {"username": nip, "password": sandi}, REMOTE_ADDR=ip)


@pytest.fixture
def akun(org):
    return org.anggota.akun


def test_lockout_after_the_limit_then_even_the_right_password_is_refused(akun, settings):
    c = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _masuk(c, akun.nip, "salah-sekali").status_code == 200
    r = _masuk(c, akun.nip, "salah-sekali")
    assert r.status_code == 429
    assert "Coba lagi setelah pukul" in r.content.decode()
    assert int(r["Retry-After"]) == int(settings.AXES_COOLOFF_TIME.total_seconds())
    assert _masuk(c, akun.nip, SANDI).status_code == 429
    assert "_auth_user_id" not in c.session


def test_the_nip_written_with_spaces_counts_as_the_same_account(akun, settings):
    c = Client()
    tampil = nip_rules.tampil(akun.nip)
    for i in range(settings.AXES_FAILURE_LIMIT):
        _masuk(c, tampil if i % 2 else akun.nip, "salah-sekali", ip=f"10.0.1.{i}")  # other addresses too
    assert _masuk(Client(), akun.nip, SANDI, ip="10.0.9.9").status_code == 429


def test_lockout_per_address_across_many_nips(org, settings):
    c = Client()
    for i in range(settings.AXES_FAILURE_LIMIT):
        _masuk(c, f"19900101201501100{i}", "salah-sekali", ip="10.0.2.2")
    # The right password of a real account from that address is refused now ...
    assert _masuk(c, org.hr.akun.nip, SANDI, ip="10.0.2.2").status_code == 429
    # ... and works from another address.
    assert _masuk(Client(), org.hr.akun.nip, SANDI, ip="10.0.3.3").status_code == 302


def test_success_resets_the_count(akun, settings):
    c = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _masuk(c, akun.nip, "salah-sekali")
    assert _masuk(c, akun.nip, SANDI).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _masuk(Client(), akun.nip, "salah-sekali").status_code == 200


def test_hr_unlocks_an_account_and_others_may_not(org, akun, clients, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _masuk(Client(), akun.nip, "salah-sekali")
    url = reverse("akun_buka_kunci", args=[org.anggota.pk])
    detail = clients["hr"].get(reverse("akun_pegawai_detail", args=[org.anggota.pk]))
    assert 'id="akun-terkunci"' in detail.content.decode()
    for peran in ("ppk", "kepala", "anggota", "orang_luar"):
        assert clients[peran].post(url).status_code in (403, 404)
    assert clients["anon"].post(url).status_code == 302
    assert _masuk(Client(), akun.nip, SANDI, ip="10.0.4.4").status_code == 429
    assert clients["hr"].post(url).status_code == 302
    assert CatatanAudit.objects.filter(aksi="akun.buka_kunci", objek_id=str(akun.pk)).exists()
    assert _masuk(Client(), akun.nip, SANDI, ip="10.0.4.4").status_code == 302


def test_one_answer_for_unknown_uninvited_switched_off_and_wrong(org):
    diundang = org.orang_luar.akun
    diundang.set_unusable_password()
    diundang.save()
    mati = org.kepala.akun
    mati.is_active = False
    mati.save()
    jawaban = set()
    for i, (nip, sandi) in enumerate(
        [
            ("199001012015011999", SANDI),  # no such account
            (diundang.nip, SANDI),  # invited, not activated
            (diundang.nip, "apa-saja-123"),
            (mati.nip, SANDI),  # switched off, right password
            (org.anggota.akun.nip, "salah-sekali"),  # wrong password
        ]
    ):
        r = _masuk(Client(), nip, sandi, ip=f"10.0.5.{i}")
        assert r.status_code == 200
        jawaban.add(str(r.context["form"].non_field_errors()))
    assert len(jawaban) == 1


@pytest.mark.parametrize("sandi", ["ahmadfauzi", "AhmadFauzi2026!", "fauzi-aman-99", "Sandi-19860926", "26091986xyz"])
def test_passwords_made_of_the_users_own_data_are_refused(org, sandi):
    p = org.anggota
    p.nama, p.tanggal_lahir = "Ahmad Fauzi", p.tanggal_lahir.replace(year=1986, month=9, day=26)
    p.save()
    with pytest.raises(ValidationError):
        SandiDataPribadiValidator().validate(sandi, p.akun)


def test_own_nip_refused_and_an_unrelated_password_accepted(org):
    akun = org.anggota.akun
    with pytest.raises(ValidationError):
        SandiDataPribadiValidator().validate(f"x{akun.nip}x", akun)
    SandiDataPribadiValidator().validate("Kopi-Tubruk-Pagi-7", akun)


def test_the_change_password_form_refuses_the_users_name(org):
    org.anggota.nama = "Wahyuningsih Pratiwi"
    org.anggota.save()
    c = Client()
    c.force_login(org.anggota.akun)
    r = c.post(
        reverse("password_change"),
        {"old_password": SANDI, "new_password1": "Pratiwi-Kopi-77", "new_password2": "Pratiwi-Kopi-77"},
    )
    assert r.status_code == 200
    assert "nama Anda" in r.content.decode()


def test_a_password_change_ends_the_other_sessions(akun):
    lain, ini = Client(), Client()
    assert _masuk(lain, akun.nip, SANDI, ip="10.0.6.1").status_code == 302
    assert _masuk(ini, akun.nip, SANDI, ip="10.0.6.2").status_code == 302
    assert lain.get("/").status_code == 200
    r = ini.post(
        reverse("password_change"),
        {"old_password": SANDI, "new_password1": "Kopi-Tubruk-Pagi-7", "new_password2": "Kopi-Tubruk-Pagi-7"},
    )
    assert r.status_code == 302
    assert ini.get("/").status_code == 200  # the session that changed it stays
    r = lain.get("/")
    assert r.status_code == 302 and reverse("login") in r["Location"]


def test_sign_in_events_are_audited_with_the_address(akun):
    c = Client()
    _masuk(c, akun.nip, "salah-sekali", ip="10.0.7.7")
    _masuk(c, akun.nip, SANDI, ip="10.0.7.7")
    c.post(reverse("logout"), REMOTE_ADDR="10.0.7.7")
    aksi = list(
        CatatanAudit.objects.filter(objek_tipe="pegawai.user").order_by("waktu", "id").values_list("aksi", "perubahan")
    )
    assert [a for a, _p in aksi] == ["akun.masuk_gagal", "akun.masuk", "akun.keluar"]
    assert all(p["alamat"] == "10.0.7.7" for _a, p in aksi)
    assert CatatanAudit.objects.get(aksi="akun.masuk_gagal").objek_id == akun.nip
    assert User.objects.get(pk=akun.pk).last_login is not None
