"""The 403 page names the roles the refusing rule lets in: taken from the rule itself."""

import pytest
from django.urls import reverse

from pegawai import akses


def _alasan(response) -> str:
    html = response.content.decode()
    awal = html.index('id="alasan-403">') + len('id="alasan-403">')
    return html[awal : html.index("</p>", awal)]


def test_ppk_refused_on_an_hr_page_is_not_told_ppk_may_enter(clients):
    r = clients["ppk"].get(reverse("pegawai:buat"))
    assert r.status_code == 403
    alasan = _alasan(r)
    assert "staf BKPSDM" in alasan
    assert "PPK" not in alasan
    assert "kepala unit" not in alasan


def test_employee_refused_on_the_organisation_pages_sees_the_three_roles(clients):
    r = clients["anggota"].get(reverse("pegawai:daftar"))
    assert r.status_code == 403
    assert _alasan(r) == "Halaman ini hanya untuk staf BKPSDM, PPK atau kepala unit."


def test_unit_head_refused_on_candidates_is_told_hr_or_ppk(clients, org):
    r = clients["kepala"].get(reverse("abk:kandidat", args=[org.unit.pk, 1]))
    assert r.status_code == 403
    assert _alasan(r) == "Halaman ini hanya untuk staf BKPSDM atau PPK."


@pytest.mark.parametrize(
    ("aturan", "diizinkan"),
    [
        (akses.boleh_kelola_pegawai, {"hr"}),
        (akses.boleh_lihat_kandidat, {"hr", "ppk"}),
        (akses.boleh_lihat_organisasi, {"hr", "ppk", "kepala"}),
        (akses.boleh_kelola_organisasi, {"hr"}),
    ],
)
def test_the_rule_and_its_role_list_agree(org, aturan, diizinkan):
    for peran in ("hr", "ppk", "kepala", "anggota"):
        assert aturan(getattr(org, peran).akun) == (peran in diizinkan), peran
    assert set(aturan.peran) == diizinkan


def test_a_rule_without_roles_names_none(clients):
    assert akses.pesan_ditolak(lambda user: False) == ""


def test_hr_required_and_peran_required_name_their_roles(rf, org):
    from django.core.exceptions import PermissionDenied

    req = rf.get("/")
    req.user = org.anggota.akun
    with pytest.raises(PermissionDenied, match="hanya untuk staf BKPSDM atau kepala unit"):
        akses.peran_required(hr=True, kepala=True)(lambda r: None)(req)
    with pytest.raises(PermissionDenied, match=r"hanya untuk staf BKPSDM\.$"):
        akses.hr_required(lambda r: None)(req)
