"""Junk from the browser gets a clear answer, never a server error (found by tests/test_semua_url.py):
a `next` that is not a path, Unicode digits ("²".isdigit() is True, int("²") raises), ids past the
64-bit range (SQLite raises OverflowError on a `__in` lookup), an unknown employee with a bad form."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from inti.masukan import ID_MAKS, id_aman, ids_aman
from pegawai.forms.fields import PilihanBanyakField
from pegawai.models import Kompetensi, Peran
from pegawai.tests.factories import JabatanFactory, nip_untuk, pegawai_di

TERLALU_BESAR = str(2**64)
pytestmark = pytest.mark.django_db


def _hr(org) -> Client:
    c = Client(raise_request_exception=False)
    c.force_login(org.hr.akun)
    return c


# --- Parsing ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("masukan", "hasil"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("²", None),
        ("١٢", None),
        ("-1", None),
        ("0", None),
        ("abc", None),
        ("", None),
        (None, None),
        (str(ID_MAKS), ID_MAKS),
        (str(ID_MAKS + 1), None),
        ("1.5", None),
        ("\x00", None),
    ],
)
def test_id_aman(masukan, hasil):
    assert id_aman(masukan) == hasil


def test_ids_aman_membuang_sampah_dan_menjaga_urutan():
    assert ids_aman(["3", "²", TERLALU_BESAR, "1", "x"]) == [3, 1]


def test_pilihan_banyak_menolak_angka_di_luar_jangkauan():
    k = Kompetensi.objects.create(nama="Pelayanan Publik")
    field = PilihanBanyakField(queryset=Kompetensi.objects.all())
    assert list(field.clean([str(k.pk)])) == [k]
    for sampah in [TERLALU_BESAR, "-" + TERLALU_BESAR]:
        with pytest.raises(ValidationError) as e:
            field.clean([str(k.pk), sampah])
        assert e.value.code == "invalid_pk_value"
    with pytest.raises(ValidationError):
        field.clean(["²"])  # Django's own check: not a number


# --- Employee form -----------------------------------------------------------------------------------


def test_buat_pegawai_dengan_kompetensi_di_luar_jangkauan_adalah_galat_formulir(org):
    lahir = date(1990, 2, 17)
    data = {
        "nip": nip_untuk(lahir, "L", date(2015, 3, 1), urut=4),
        "status": "PNS",
        "nama": "Ahmad Fauzi",
        "jenis_kelamin": "L",
        "tanggal_lahir": lahir.isoformat(),
        "golongan": "III/b",
        "unit": org.subunit.pk,
        "jabatan": JabatanFactory().pk,
        "tmt": "2022-01-03",
        "kompetensi": [TERLALU_BESAR],
    }
    r = _hr(org).post(reverse("pegawai:buat"), data)
    assert r.status_code == 200
    assert "kompetensi" in r.context["form"].errors
    assert 'value="Ahmad Fauzi"' in r.content.decode()  # what was typed is kept


def test_ubah_pegawai_dengan_kompetensi_di_luar_jangkauan_adalah_galat_formulir(org):
    p = org.anggota
    data = {
        "nip": p.nip,
        "status": p.status,
        "nama": "Nama Baru",
        "jenis_kelamin": p.jenis_kelamin,
        "tanggal_lahir": p.tanggal_lahir.isoformat(),
        "golongan": p.golongan,
        "kompetensi": [TERLALU_BESAR],
    }
    r = _hr(org).post(reverse("pegawai:ubah", args=[p.pk]), data)
    assert r.status_code == 200
    assert "kompetensi" in r.context["form"].errors
    p.refresh_from_db()
    assert p.nama != "Nama Baru"


# --- Accounts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("tujuan", ["abc", "-1", "²", "2024-02-30", "https://jahat.example/", "//jahat.example/"])
def test_next_yang_bukan_jalur_lokal_kembali_ke_bawaan(org, tujuan):
    calon = pegawai_di(org.subunit, email="calon@surabaya.go.id")
    r = _hr(org).post(reverse("akun_buat", args=[calon.pk]), {"next": tujuan})
    assert r.status_code == 302
    assert r["Location"] == reverse("akun_pegawai")
    calon.refresh_from_db()
    assert calon.akun is not None  # the action itself went through


def test_next_jalur_lokal_tetap_diikuti(org):
    url = reverse("akun_pegawai") + "?status=BELUM&page=2"
    r = _hr(org).post(reverse("akun_undang_ulang", args=[org.anggota.pk]), {"next": url})
    assert r.status_code == 302 and r["Location"] == url


@pytest.mark.parametrize("sampah", ["²", TERLALU_BESAR, "-3", "abc"])
def test_undang_massal_mengabaikan_id_sampah(org, sampah):
    siap = pegawai_di(org.subunit, email="siap@surabaya.go.id")
    r = _hr(org).post(
        reverse("akun_undang_massal"), {"aksi": "terpilih", "pegawai": [sampah, str(siap.pk)]}, follow=True
    )
    assert r.status_code == 200
    assert "1 akun dibuat" in r.content.decode()
    siap.refresh_from_db()
    assert siap.akun.peran == Peran.PEGAWAI


def test_ubah_peran_pegawai_yang_tidak_ada_404_walau_formulir_salah(org):
    c = _hr(org)
    assert c.post(reverse("akun_ubah_peran", args=[999999]), {"peran": "bukan-peran"}).status_code == 404
    r = c.post(reverse("akun_ubah_peran", args=[org.anggota.pk]), {"peran": "bukan-peran"})
    assert r.status_code == 302 and r["Location"] == reverse("akun_pegawai_detail", args=[org.anggota.pk])


# --- Needs analysis --------------------------------------------------------------------------------------


@pytest.mark.parametrize("sampah", ["²", "abc", TERLALU_BESAR, "-1"])
def test_rotasi_mengabaikan_unit_yang_bukan_id(org, sampah):
    r = _hr(org).get(reverse("abk:rotasi"), {"unit": sampah})
    assert r.status_code == 200
    assert r.context["unit"] is None


def test_rotasi_dengan_unit_yang_sah(org):
    r = _hr(org).get(reverse("abk:rotasi"), {"unit": org.subunit.pk})
    assert r.status_code == 200
    assert r.context["unit"] == org.subunit
