"""The decree and notice pages, for every role that may NOT use each one, and the one that may:
HR prepares (also amending/revoking decrees) and records the notice's delivery; only the PPK signs
or returns a draft; only HR withdraws one; drafts are HR's and the PPK's; an employee downloads their
own decree (not a batch decree listing colleagues) and their notice; the public checks a code."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from mutasi.models import StatusSK, StatusUsulan, SuratKeputusan, SuratPemberitahuan
from mutasi.services.sk_konsep import sk_siapkan
from mutasi.tests.helpers import TMT
from pegawai.tests.factories import pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
BUKAN_HR = ["anggota", "orang_luar", "kepala", "ppk"]


def _login(r) -> bool:
    """Sent to the sign-in page."""
    return r.status_code == 302 and r["Location"].startswith(reverse("login"))


@pytest.fixture
def konsep(dunia):
    u = dunia.sampai(S.DIPUTUSKAN)
    return sk_siapkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk], tmt=TMT)


def test_siapkan_sk_hanya_hr(dunia, clients):
    u = dunia.sampai(S.DIPUTUSKAN)
    url = reverse("mutasi:sk_terbitkan", args=[u.pk])
    data = {"tmt": TMT.isoformat(), "tentang": ""}
    assert _login(clients["anon"].post(url, data))
    for peran in BUKAN_HR:
        assert clients[peran].post(url, data).status_code in (403, 404), peran
    assert not SuratKeputusan.objects.exists()
    r = clients["hr"].post(url, data)
    sk = SuratKeputusan.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("mutasi:sk_detail", args=[sk.pk])
    assert sk.status == StatusSK.KONSEP


def test_daftar_konsep_hr_dan_ppk(konsep, clients):
    url = reverse("mutasi:sk_konsep_daftar")
    assert _login(clients["anon"].get(url))
    for peran in ["anggota", "orang_luar", "kepala"]:
        assert clients[peran].get(url).status_code == 403, peran
    for peran in ["hr", "ppk"]:
        r = clients[peran].get(url)
        assert r.status_code == 200 and reverse("mutasi:sk_detail", args=[konsep.pk]) in r.content.decode()


def test_konsep_hanya_terlihat_hr_dan_ppk(konsep, clients):
    for nama in ["mutasi:sk_detail", "mutasi:sk_pdf"]:
        url = reverse(nama, args=[konsep.pk])
        assert _login(clients["anon"].get(url))
        for peran in ["anggota", "orang_luar", "kepala"]:  # anggota's own transfer: not yet a decree
            assert clients[peran].get(url).status_code == 404, (nama, peran)
        for peran in ["hr", "ppk"]:
            assert clients[peran].get(url).status_code == 200, (nama, peran)


def test_tanda_tangan_hanya_ppk(konsep, clients):
    url = reverse("mutasi:sk_tandatangani", args=[konsep.pk])
    data = {"setuju": "on"}
    assert _login(clients["anon"].post(url, data))
    for peran in ["anggota", "orang_luar", "kepala"]:
        assert clients[peran].post(url, data).status_code == 404, peran
    assert clients["hr"].post(url, data).status_code == 403
    konsep.refresh_from_db()
    assert konsep.status == StatusSK.KONSEP
    assert clients["ppk"].post(url, {}).status_code == 302  # without the statement: refused, nothing signed
    konsep.refresh_from_db()
    assert konsep.status == StatusSK.KONSEP
    html = clients["ppk"].get(reverse("mutasi:sk_detail", args=[konsep.pk])).content.decode()
    assert 'id="form-ttd"' in html and 'name="passphrase"' not in html  # the local backend asks no secret
    assert 'id="form-ttd"' not in clients["hr"].get(reverse("mutasi:sk_detail", args=[konsep.pk])).content.decode()
    r = clients["ppk"].post(url, data)
    konsep.refresh_from_db()
    assert r.status_code == 302 and konsep.status == StatusSK.DITETAPKAN


def test_bsre_meminta_nik_dan_passphrase_tanpa_menyimpannya(konsep, clients, settings, monkeypatch):
    settings.TTD_BACKEND = "inti.ttd.bsre.PenandaBsre"
    dikirim = {}

    def palsu(pdf, *, penanda, rahasia=None, lokal=False):
        if not lokal:
            dikirim.update(rahasia or {})
        from inti.ttd.lokal import PenandaLokal

        return PenandaLokal().tandatangani(pdf, penanda=penanda)

    monkeypatch.setattr("mutasi.services.sk.tandatangani_pdf", palsu)
    url = reverse("mutasi:sk_tandatangani", args=[konsep.pk])
    html = clients["ppk"].get(reverse("mutasi:sk_detail", args=[konsep.pk])).content.decode()
    assert 'name="nik"' in html and 'name="passphrase"' in html and 'type="password"' in html
    r = clients["ppk"].post(url, {"setuju": "on", "nik": "3578010101800001"})  # no passphrase: refused
    konsep.refresh_from_db()
    assert konsep.status == StatusSK.KONSEP and not dikirim
    r = clients["ppk"].post(url, {"setuju": "on", "nik": "3578010101800001", "passphrase": "Rahasia#Benar-2024"})
    konsep.refresh_from_db()
    assert r.status_code == 302 and konsep.status == StatusSK.DITETAPKAN
    assert dikirim == {"nik": "3578010101800001", "passphrase": "Rahasia#Benar-2024"}
    # kept nowhere: not in the decree, its history or the audit trail
    from inti.models import CatatanAudit

    jejak = str(list(CatatanAudit.objects.values_list("ringkasan", "perubahan")))
    jejak += str(list(konsep.riwayat_status.values_list("catatan", "sebagai")))
    jejak += str(SuratKeputusan.objects.filter(pk=konsep.pk).values().first())
    assert "Rahasia#Benar-2024" not in jejak and "3578010101800001" not in jejak


def test_kembalikan_hanya_ppk_tarik_hanya_hr(konsep, clients):
    kembalikan = reverse("mutasi:sk_aksi", args=[konsep.pk, "kembalikan"])
    tarik = reverse("mutasi:sk_aksi", args=[konsep.pk, "tarik"])
    data = {"catatan": "Perlu diperbaiki."}
    for url in (kembalikan, tarik):
        assert _login(clients["anon"].post(url, data))
        for peran in ["anggota", "orang_luar", "kepala"]:
            assert clients[peran].post(url, data).status_code == 404, peran
    assert clients["hr"].post(kembalikan, data).status_code == 403
    assert clients["ppk"].post(tarik, data).status_code == 403
    assert clients["ppk"].post(reverse("mutasi:sk_aksi", args=[konsep.pk, "tandatangani"]), data).status_code == 404
    konsep.refresh_from_db()
    assert konsep.status == StatusSK.KONSEP
    clients["ppk"].post(kembalikan, data)
    konsep.refresh_from_db()
    assert konsep.status == StatusSK.DIKEMBALIKAN


def test_tarik_oleh_hr(konsep, clients):
    r = clients["hr"].post(reverse("mutasi:sk_aksi", args=[konsep.pk, "tarik"]), {"catatan": "Salah TMT."})
    konsep.refresh_from_db()
    assert r.status_code == 302 and konsep.status == StatusSK.DITARIK


def test_sk_perubahan_atau_pembatalan_hanya_hr(dunia, clients):
    u = dunia.sampai(S.SK_TERBIT)
    url = reverse("mutasi:sk_ubah", args=[u.pk])
    assert _login(clients["anon"].get(url))
    for peran in BUKAN_HR:
        assert clients[peran].get(url).status_code in (403, 404), peran
        data = {"jenis": "pembatalan", "alasan": "Pegawai ditugaskan belajar."}
        assert clients[peran].post(url, data).status_code in (403, 404), peran
    assert not SuratKeputusan.objects.filter(status=StatusSK.KONSEP).exists()
    assert clients["hr"].get(url).status_code == 200
    r = clients["hr"].post(
        url, {"jenis": "perubahan", "tmt": (TMT + timedelta(days=7)).isoformat(), "alasan": "Jadwal serah terima."}
    )
    sk = SuratKeputusan.objects.get(status=StatusSK.KONSEP)
    assert r.status_code == 302 and sk.jenis == "PERUBAHAN" and sk.mengganti == u.sk
    # a second draft while one waits: refused with the reason
    assert clients["hr"].get(url).status_code == 403


def test_unduh_sk_pegawai_sendiri_bukan_sk_batch(dunia, clients):
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    url = reverse("mutasi:sk_pdf", args=[u.sk_id])
    assert _login(clients["anon"].get(url))
    assert clients["orang_luar"].get(url).status_code == 404
    for peran in ["anggota", "kepala", "hr", "ppk"]:
        assert clients[peran].get(url).status_code == 200, peran
    # a batch decree lists colleagues: the employee reads their own notice instead
    rekan = pegawai_di(o.subunit, mulai=date(2019, 1, 1))
    a = dunia.sampai(S.DIPUTUSKAN, pegawai=o.orang_luar)
    b = dunia.sampai(S.DIPUTUSKAN, pegawai=rekan)
    sk = dunia.sk_tetapkan([a, b])
    url = reverse("mutasi:sk_pdf", args=[sk.pk])
    assert clients["orang_luar"].get(url).status_code == 403
    assert clients["hr"].get(url).status_code == 200
    html = clients["orang_luar"].get(reverse("mutasi:sk_detail", args=[sk.pk])).content.decode()
    assert o.orang_luar.nama_lengkap in html and rekan.nama_lengkap not in html


def test_catat_penyerahan_pemberitahuan_hanya_hr(dunia, clients):
    u = dunia.sampai(S.SK_TERBIT)
    url = reverse("mutasi:pemberitahuan_serahkan", args=[u.pk])
    data = {"tanggal": date.today().isoformat()}
    assert _login(clients["anon"].post(url, data))
    assert clients["orang_luar"].post(url, data).status_code == 404
    for peran in ["anggota", "kepala", "ppk"]:
        assert clients[peran].post(url, data).status_code == 403, peran
    assert SuratPemberitahuan.objects.get(usulan=u).diserahkan_pada is None
    assert clients["hr"].post(url, data).status_code == 302
    assert SuratPemberitahuan.objects.get(usulan=u).diserahkan_pada == date.today()


def test_pemberitahuan_pdf_milik_pegawai(dunia, clients):
    u = dunia.sampai(S.SK_TERBIT)
    url = reverse("mutasi:pemberitahuan_pdf", args=[u.pk])
    assert _login(clients["anon"].get(url))
    assert clients["orang_luar"].get(url).status_code == 404
    for peran in ["anggota", "hr"]:
        r = clients[peran].get(url)
        assert r.status_code == 200 and r.content == SuratPemberitahuan.objects.get(usulan=u).berkas.read()
