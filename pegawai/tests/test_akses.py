"""The permission rules (pegawai.akses), the same rules in templates (pegawai_akses tags), and
the `*_ambil` helpers that answer 404 to whoever may not see an object."""

import pytest
from django.http import Http404
from django.template import Context, Template
from django.urls import reverse

from pegawai import akses
from pegawai.models import TugasJabatan
from pegawai.selectors.abk import tugas_ambil
from pegawai.selectors.impor import riwayat_impor_ambil
from pegawai.services.impor import impor_catat_ditolak
from pegawai.tests.factories import JabatanFactory, UserFactory

PERAN = ["hr", "ppk", "kepala", "anggota", "orang_luar"]


def _user(org, peran):
    return getattr(org, peran).akun


@pytest.mark.parametrize(
    ("fungsi", "boleh"),
    [
        (akses.boleh_lihat_semua, {"hr", "ppk"}),
        (akses.boleh_lihat_organisasi, {"hr", "ppk", "kepala"}),
        (akses.boleh_lihat_kandidat, {"hr", "ppk"}),
        (akses.boleh_lihat_audit, {"hr"}),
        (akses.boleh_kelola_pegawai, {"hr"}),
        (akses.boleh_kelola_akun, {"hr"}),
        (akses.boleh_kelola_tugas, {"hr"}),
        (akses.boleh_impor, {"hr"}),
    ],
)
def test_role_rules(org, fungsi, boleh):
    assert {p for p in PERAN if fungsi(_user(org, p))} == boleh


@pytest.mark.django_db
def test_anonymous_and_switched_off_users_may_nothing(org):
    from django.contrib.auth.models import AnonymousUser

    hr = org.hr.akun
    hr.is_active = False
    for user in (AnonymousUser(), hr):
        assert not akses.boleh_lihat_organisasi(user)
        assert not akses.boleh_kelola_pegawai(user)
        assert not akses.boleh_lihat_unit(user, org.unit)


def test_unit_rule_follows_the_headed_subtree(org):
    kepala = org.kepala.akun
    assert akses.boleh_lihat_unit(kepala, org.unit)
    assert akses.boleh_lihat_unit(kepala, org.subunit.pk)  # an id works too
    assert not akses.boleh_lihat_unit(kepala, org.lain)
    assert not akses.boleh_lihat_unit(kepala, org.bkpsdm)
    assert akses.boleh_lihat_unit(org.ppk.akun, org.bkpsdm)
    assert not akses.boleh_lihat_unit(org.anggota.akun, org.subunit)


def test_employee_rule_matches_the_list_rule(org):
    from pegawai.selectors.pegawai import pegawai_terlihat

    semua = [org.hr, org.ppk, org.kepala, org.anggota, org.orang_luar]
    for peran in PERAN:
        user = _user(org, peran)
        daftar = set(pegawai_terlihat(user))
        assert {p for p in semua if akses.boleh_lihat_pegawai(user, p)} == daftar, peran


def test_template_filters_say_what_the_functions_say(org):
    t = Template(
        "{% load pegawai_akses %}{% if user|boleh_kelola_pegawai %}K{% endif %}"
        "{% if user|boleh_lihat_unit:unit %}U{% endif %}{% if user|boleh_lihat_pegawai:orang %}P{% endif %}"
    )

    def tampil(peran, unit, orang):
        return t.render(Context({"user": _user(org, peran), "unit": unit, "orang": orang}))

    assert tampil("hr", org.lain, org.orang_luar) == "KUP"
    assert tampil("kepala", org.subunit, org.anggota) == "UP"
    assert tampil("kepala", org.lain, org.orang_luar) == ""
    assert tampil("anggota", org.subunit, None) == ""


def test_task_of_another_unit_is_a_404(org):
    jabatan = JabatanFactory()
    di_sini = TugasJabatan.objects.create(unit=org.subunit, jabatan=jabatan, uraian="A", volume=1, norma_waktu=1)
    di_sana = TugasJabatan.objects.create(unit=org.lain, jabatan=jabatan, uraian="B", volume=1, norma_waktu=1)
    assert tugas_ambil(org.kepala.akun, di_sini.pk) == di_sini
    assert tugas_ambil(org.hr.akun, di_sana.pk) == di_sana
    with pytest.raises(Http404):
        tugas_ambil(org.kepala.akun, di_sana.pk)
    with pytest.raises(Http404):
        tugas_ambil(org.anggota.akun, di_sini.pk)


def test_import_run_is_hr_only(org):
    r = impor_catat_ditolak(jenis="pegawai", nama_file="x.csv", oleh=org.hr.akun, pesan="rusak")
    assert riwayat_impor_ambil(org.hr.akun, r.pk) == r
    for peran in ("ppk", "kepala", "anggota"):
        with pytest.raises(Http404):
            riwayat_impor_ambil(_user(org, peran), r.pk)
    with pytest.raises(Http404):
        riwayat_impor_ambil(UserFactory(), r.pk)


def test_superior_is_linked_only_for_whoever_may_open_their_page(org, clients):
    """The employee page links the direct superior exactly when that page would open."""
    url_kepala = reverse("pegawai:detail", args=[org.kepala.pk])
    # The head reading a staff member's page: the superior is the head themself, whose page opens.
    r = clients["kepala"].get(reverse("pegawai:detail", args=[org.anggota.pk]))
    assert r.status_code == 200 and url_kepala in r.content.decode()
    # The staff member on their own page: the head's page would be a 404, so no link.
    r = clients["anggota"].get(reverse("pegawai:profil_saya"))
    assert r.status_code == 200 and org.kepala.nama_lengkap in r.content.decode()
    assert url_kepala not in r.content.decode()
    assert clients["anggota"].get(url_kepala).status_code == 404
