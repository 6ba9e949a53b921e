"""PPPK contract periods: record, renew, the current contract on the employee page, and HR's watch
list of contracts ending within KONTRAK_PPPK_PANTAU_BULAN months (page, XLSX, home count)."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from inti.models import CatatanAudit
from pegawai.models import KontrakPPPK, StatusAsn
from pegawai.selectors.kontrak import kontrak_berakhir, kontrak_sekarang
from pegawai.services.kontrak import KontrakError, kontrak_catat, kontrak_perpanjang
from pegawai.tests.factories import pegawai_di

pytestmark = pytest.mark.django_db
HARI = date(2026, 3, 1)


@pytest.fixture
def pppk(org):
    return pegawai_di(
        org.subunit,
        status=StatusAsn.PPPK,
        golongan="IX",
        nip="199009132025242014",
        tanggal_lahir=date(1990, 9, 13),
        jenis_kelamin="P",
        nama="Sari PPPK",
    )


def test_contract_only_for_pppk(org):
    with pytest.raises(KontrakError, match="hanya untuk pegawai PPPK"):
        kontrak_catat(oleh=org.hr.akun, pegawai=org.anggota, mulai=HARI, selesai=date(2031, 2, 28))


def test_end_must_follow_start_and_periods_must_not_overlap(org, pppk):
    with pytest.raises(KontrakError):
        kontrak_catat(oleh=org.hr.akun, pegawai=pppk, mulai=HARI, selesai=HARI)
    kontrak_catat(oleh=org.hr.akun, pegawai=pppk, mulai=date(2021, 3, 1), selesai=date(2026, 2, 28))
    with pytest.raises(KontrakError, match="bertumpang"):
        kontrak_catat(oleh=org.hr.akun, pegawai=pppk, mulai=date(2026, 2, 28), selesai=date(2027, 2, 28))


def test_renewal_starts_the_next_day_and_only_once(org, pppk):
    k = kontrak_catat(oleh=org.hr.akun, pegawai=pppk, mulai=date(2021, 3, 1), selesai=date(2026, 5, 31), nomor="PK-1")
    baru = kontrak_perpanjang(oleh=org.hr.akun, kontrak=k, selesai=date(2031, 5, 31), nomor="PK-2")
    assert (baru.mulai, baru.diperpanjang_dari) == (date(2026, 6, 1), k)
    with pytest.raises(KontrakError, match="sudah diperpanjang"):
        kontrak_perpanjang(oleh=org.hr.akun, kontrak=k, selesai=date(2032, 5, 31))
    assert list(CatatanAudit.objects.filter(objek_id=str(pppk.pk)).values_list("aksi", flat=True)) == [
        "pegawai.kontrak_perpanjang",
        "pegawai.kontrak_catat",
    ]
    assert kontrak_sekarang([k, baru], HARI) == k
    assert kontrak_sekarang([k, baru], date(2026, 6, 1)) == baru


def test_watch_list_boundaries_and_order(org, pppk, settings):
    settings.KONTRAK_PPPK_PANTAU_BULAN = 6
    lain = pegawai_di(
        org.lain,
        status=StatusAsn.PPPK,
        golongan="V",
        nip="199101012024241001",
        tanggal_lahir=date(1991, 1, 1),
        jenis_kelamin="L",
    )
    jauh = pegawai_di(
        org.lain,
        status=StatusAsn.PPPK,
        golongan="V",
        nip="199202022024242002",
        tanggal_lahir=date(1992, 2, 2),
        jenis_kelamin="P",
    )
    a = kontrak_catat(oleh=org.hr.akun, pegawai=pppk, mulai=date(2021, 9, 1), selesai=date(2026, 9, 1))  # last day in
    b = kontrak_catat(oleh=org.hr.akun, pegawai=lain, mulai=date(2021, 4, 1), selesai=date(2026, 3, 31))
    kontrak_catat(oleh=org.hr.akun, pegawai=jauh, mulai=date(2021, 9, 2), selesai=date(2026, 9, 2))  # a day past
    assert list(kontrak_berakhir(HARI)) == [b, a]
    kontrak_perpanjang(oleh=org.hr.akun, kontrak=b, selesai=date(2031, 3, 31))
    assert list(kontrak_berakhir(HARI)) == [a]  # renewed: off the list


def test_hr_watch_page_and_xlsx(clients, org, pppk):
    kontrak_catat(
        oleh=org.hr.akun, pegawai=pppk, mulai=date(2021, 1, 1), selesai=date.today().replace(day=1), nomor="=PK/1"
    )
    r = clients["hr"].get(reverse("pegawai:kontrak_pantau"))
    assert r.status_code == 200
    assert "Sari PPPK" in r.content.decode()
    r = clients["hr"].get(reverse("pegawai:kontrak_pantau"), {"format": "xlsx"})
    ws = load_workbook(BytesIO(b"".join(r.streaming_content))).active
    nilai = [c for row in ws.iter_rows(values_only=True) for c in row]
    assert "Sari PPPK" in nilai and "=PK/1" in nilai  # a text, never a formula
    assert "kontrak PPPK berakhir" in clients["hr"].get(reverse("beranda")).content.decode()


@pytest.mark.parametrize("peran", ["ppk", "kepala", "anggota"])
def test_other_roles_are_refused(clients, org, pppk, peran):
    assert clients[peran].get(reverse("pegawai:kontrak_pantau")).status_code == 403
    assert clients[peran].post(
        reverse("pegawai:kontrak_baru", args=[pppk.pk]), {"mulai": "2026-01-01", "selesai": "2030-12-31"}
    ).status_code in (403, 404)
    assert not KontrakPPPK.objects.exists()
    assert "kontrak-berakhir" not in clients[peran].get(reverse("beranda")).content.decode()


def test_anonymous_goes_to_login(clients, org, pppk):
    for url in (reverse("pegawai:kontrak_pantau"), reverse("pegawai:kontrak_baru", args=[pppk.pk])):
        r = clients["anon"].get(url)
        assert r.status_code == 302 and "/akun/" in r["Location"]


def test_employee_page_shows_the_current_contract(clients, org, pppk):
    url = reverse("pegawai:kontrak_baru", args=[pppk.pk])
    data = {"nomor": "800/12/PK/2024", "mulai": "2024-01-01", "selesai": "2028-12-31"}
    assert clients["hr"].post(url, data).status_code == 302
    html = clients["hr"].get(reverse("pegawai:detail", args=[pppk.pk])).content.decode()
    assert 'id="kontrak-sekarang"' in html and "31 Desember 2028" in html and "800/12/PK/2024" in html
    k = KontrakPPPK.objects.get()
    r = clients["hr"].post(reverse("pegawai:kontrak_perpanjang", args=[pppk.pk, k.pk]), {"selesai": "2033-12-31"})
    assert r.status_code == 302
    assert KontrakPPPK.objects.get(diperpanjang_dari=k).mulai == date(2029, 1, 1)
    assert 'id="kontrak"' not in clients["hr"].get(reverse("pegawai:detail", args=[org.anggota.pk])).content.decode()
