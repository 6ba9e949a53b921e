"""How the review pages write what they show: a review not written yet has no predikat to hide, and
report rows write the employee as every other page does (degrees; NIP grouped 19860926 201505 1 001)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from evaluasi.models import StatusEvaluasi
from evaluasi.services.alur import evaluasi_simpan
from evaluasi.tests.factories import LENGKAP, usulan_buat
from pegawai.models import StatusAsn
from pegawai.tests.factories import pegawai_di

pytestmark = pytest.mark.django_db


def _sel_predikat(html: str, ev) -> str:
    baris = html.split(f'data-evaluasi="{ev.pk}"', 1)[1].split("</tr>", 1)[0]
    return baris.rsplit("<td", 2)[1]  # the column before the actions


def test_predikat_evaluasi_terjadwal_kosong_bukan_tertutup(clients, ev):
    assert ev.status == StatusEvaluasi.TERJADWAL
    sel = _sel_predikat(clients["hr"].get(reverse("evaluasi:daftar")).text, ev)
    assert "—" in sel and "tertutup" not in sel


def test_predikat_draf_tertutup_kecuali_bagi_penilai(org, clients, ev):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data=LENGKAP, kirim=False)
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DRAF
    assert "tertutup" in _sel_predikat(clients["hr"].get(reverse("evaluasi:daftar")).text, ev)
    sel = _sel_predikat(clients["kepala"].get(reverse("evaluasi:daftar")).text, ev)
    assert "tertutup" not in sel and f'data-predikat="{ev.predikat}"' in sel


def test_laporan_dan_kinerja_menulis_nama_bergelar_dan_nip_berkelompok(org, clients, ev):
    p = org.orang_luar
    p.gelar_depan, p.gelar_belakang = "Dr.", "S.Sos."
    p.save()
    for url in (reverse("evaluasi:laporan"), reverse("evaluasi:kinerja")):
        html = clients["hr"].get(url).text
        assert p.nip_tampil in html and f">{p.nip}<" not in html, url
        assert p.nama_lengkap in html, url


def test_laporan_nip_pppk(org, clients, ev):
    pppk = pegawai_di(
        org.lain,
        status=StatusAsn.PPPK,
        nip="199009132025242014",
        tanggal_lahir=date(1990, 9, 13),
        jenis_kelamin="P",
        golongan="IX",
    )
    usulan_buat(pppk, tujuan_unit=org.subunit, tmt=ev.usulan.tmt - timedelta(days=1))
    assert "19900913 2025 24 2 014" in clients["hr"].get(reverse("evaluasi:laporan")).text
