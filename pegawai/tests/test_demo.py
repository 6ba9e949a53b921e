"""`manage.py demo`: the demo data is valid, complete and idempotent.

The organisation step is built once per module (inside a transaction rolled back at the end) and
the tests read it; each test's own writes are rolled back by the `db` fixture as usual."""

import io
import itertools
import logging
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from pegawai import nip as nip_rules
from pegawai.demo.akun import AKUN, DEMO_PASSWORD
from pegawai.demo.rencana import Perencana
from pegawai.demo.unit import KELURAHAN
from pegawai.models import (
    HukumanDisiplin,
    Jabatan,
    JenisJabatan,
    KinerjaTahunan,
    Kompetensi,
    Pegawai,
    Peran,
    RiwayatGolongan,
    RiwayatJabatan,
    RiwayatPendidikan,
    StatusAsn,
    UnitKerja,
    User,
)

LANGKAH = ["pegawai.demo.simpan.organisasi", "pegawai.demo.pangkat.riwayat_pangkat"]
MODEL = [UnitKerja, Jabatan, Kompetensi, Pegawai, RiwayatJabatan, KinerjaTahunan, HukumanDisiplin, User]
MODEL += [RiwayatGolongan, RiwayatPendidikan]


def _jumlah() -> dict[str, int]:
    counts = {m.__name__: m.objects.count() for m in MODEL}
    counts["kompetensi pegawai"] = Pegawai.kompetensi.through.objects.count()
    counts["kompetensi jabatan"] = Jabatan.kompetensi.through.objects.count()
    counts["kepala"] = UnitKerja.objects.filter(kepala__isnull=False).count()
    return counts


@pytest.fixture(scope="module")
def demo(bangun_sekali):
    """The organisation step, run once for the module; rolled back afterwards."""
    with bangun_sekali("media_demo"):
        out = io.StringIO()
        t0 = time.perf_counter()
        call_command("demo", langkah=LANGKAH, stdout=out)
        detik = time.perf_counter() - t0
        yield {"out": out.getvalue(), "detik": detik, "jumlah": _jumlah()}


@pytest.fixture
def pegawai_semua(demo, db):
    return list(Pegawai.objects.prefetch_related("riwayat_jabatan__jabatan", "riwayat_jabatan__unit"))


def test_kedua_kalinya_tidak_menambah_apa_pun(demo, db):
    sebelum = demo["jumlah"]
    assert sebelum["Pegawai"] > 0
    t0 = time.perf_counter()
    call_command("demo", langkah=LANGKAH, stdout=io.StringIO())
    assert _jumlah() == sebelum
    assert time.perf_counter() - t0 < 3, "a second run must only check, not rebuild"


def test_ringkasan_dan_akun_dicetak(demo):
    out = demo["out"]
    assert "pegawai" in out and "unit kerja" in out
    for nip in AKUN.values():
        assert nip_rules.tampil(nip) in out
    assert DEMO_PASSWORD in out


def test_cepat(demo):
    # Aim: < 5 s on SQLite; the margin covers slow CI machines and PostgreSQL.
    assert demo["detik"] < 15


def test_sekitar_300_pegawai_dengan_nip_sah(pegawai_semua):
    assert 280 <= len(pegawai_semua) <= 330
    for p in pegawai_semua:
        p.full_clean()  # NIP rules, birth date and gender against the NIP, golongan per status
    status = Counter(p.status for p in pegawai_semua)
    assert 0.10 <= status[StatusAsn.PPPK] / len(pegawai_semua) <= 0.20
    assert {p.jenis_kelamin for p in pegawai_semua} == {"L", "P"}
    assert len({p.nama for p in pegawai_semua}) == len(pegawai_semua)


def test_pppk_memakai_ni_pppk_dan_golongan_pppk(pegawai_semua):
    for p in pegawai_semua:
        if p.status == StatusAsn.PPPK:
            info = nip_rules.parse(p.nip, StatusAsn.PPPK)
            assert info.bulan_masuk is None
            assert p.golongan in ("V", "VII", "IX", "X")
        else:
            assert "/" in p.golongan


def test_usia_dan_masa_kerja_masuk_akal(pegawai_semua):
    hari_ini = timezone.localdate()
    for p in pegawai_semua:
        jabatan = p.riwayat_jabatan.all()[0].jabatan  # ordered newest first: the current post
        batas = 60 if jabatan.jenis == JenisJabatan.JPT else 58
        assert 20 <= p.usia_pada(hari_ini) < batas, p
        tmt = p.tmt_cpns
        assert tmt <= hari_ini
        if p.status == StatusAsn.PNS and p.golongan.startswith("IV"):
            assert hari_ini.year - tmt.year >= 12, f"{p}: golongan IV after only {hari_ini.year - tmt.year} years"


def test_riwayat_2_sampai_4_baris_bersambung_dengan_satu_yang_terbuka(pegawai_semua):
    hari_ini = timezone.localdate()
    lama_di_jabatan = []
    for p in pegawai_semua:
        baris = sorted(p.riwayat_jabatan.all(), key=lambda r: r.mulai)
        assert 2 <= len(baris) <= 4, p
        assert [r.sampai is None for r in baris] == [False] * (len(baris) - 1) + [True]
        for a, b in itertools.pairwise(baris):
            assert (b.mulai - a.sampai).days == 1, f"{p}: gap or overlap between {a} and {b}"
        tahun = (hari_ini - baris[0].mulai).days / 365.25
        assert 2 <= tahun <= 12.5, f"{p}: {tahun:.1f} years of history"
        assert baris[0].mulai >= p.tmt_cpns
        lama_di_jabatan.append((hari_ini - baris[-1].mulai).days / 365.25)
    assert sum(x > 5 for x in lama_di_jabatan) >= 5, "a few employees are due for rotation"
    assert sum(x < 2 for x in lama_di_jabatan) >= 20, "some moved recently"


def test_setiap_unit_punya_kepala_yang_menjabat_di_unit_itu(demo, db):
    units = list(UnitKerja.objects.all())
    assert len(units) >= 50
    aktif = {
        (r.pegawai_id, r.unit_id): r.jabatan
        for r in RiwayatJabatan.objects.filter(sampai__isnull=True).select_related("jabatan")
    }
    for u in units:
        assert u.kepala_id, f"{u.kode} has no head"
        jabatan = aktif.get((u.kepala_id, u.pk))
        assert jabatan is not None, f"the head of {u.kode} holds no post there"
        assert jabatan.kepala_unit, f"the head of {u.kode} holds {jabatan}, not a head post"
    # One head post per unit: nobody else currently holds a head post in a unit they do not head.
    for (pegawai_id, unit_id), jabatan in aktif.items():
        if jabatan.kepala_unit:
            assert UnitKerja.objects.get(pk=unit_id).kepala_id == pegawai_id


def test_unit_dan_jabatan_yang_dijanjikan_ada(demo, db):
    kode = set(UnitKerja.objects.values_list("kode", flat=True))
    wajib = {"SETDA", "BKPSDM", "DISDIK", "DINKES", "DINSOS", "DISPENDUKCAPIL", "DISHUB", "DISKOMINFO"}
    wajib |= {"SATPOLPP", "INSPEKTORAT", "KEC-MLY", "PKM-MLY", "RSUD-ST", "SDN-KALISARI-1"}
    wajib |= {k for k, _ in KELURAHAN}
    assert wajib <= kode
    kecamatan = UnitKerja.objects.get(kode="KEC-MLY")
    assert set(UnitKerja.objects.filter(induk=kecamatan, jenis="KELURAHAN").values_list("kode", flat=True)) == {
        k for k, _ in KELURAHAN
    }
    assert UnitKerja.objects.get(kode="SDN-KALISARI-1").induk.kode == "DISDIK"
    assert UnitKerja.objects.get(kode="PKM-MLY").induk.kode == "DINKES"
    nama = set(Jabatan.objects.values_list("nama", flat=True))
    assert {"Kepala Dinas Kesehatan", "Camat", "Lurah", "Sekretaris Kelurahan", "Pengadministrasi Umum"} <= nama
    assert {"Analis SDM Aparatur Ahli Pertama", "Perawat Ahli Pertama", "Bidan Terampil", "Guru Ahli Pertama"} <= nama
    # Every kelurahan: a lurah (its head), a sekretaris and about three kasi.
    for kode, _ in KELURAHAN:
        jabatan = Counter(
            RiwayatJabatan.objects.filter(unit__kode=kode, sampai__isnull=True).values_list("jabatan__nama", flat=True)
        )
        assert jabatan["Lurah"] == 1 and jabatan["Sekretaris Kelurahan"] == 1
        assert sum(n for j, n in jabatan.items() if j.startswith("Kepala Seksi")) == 3


def test_kompetensi_kinerja_dan_hukuman(demo, db):
    assert Jabatan.objects.filter(kompetensi__isnull=False).distinct().count() == Jabatan.objects.count()
    jumlah = Pegawai.objects.count()
    assert Pegawai.objects.filter(kompetensi__isnull=False).distinct().count() > 0.8 * jumlah
    tahun_lalu = timezone.localdate().year - 1
    assert KinerjaTahunan.objects.filter(tahun=tahun_lalu).count() > 0.8 * jumlah
    assert set(KinerjaTahunan.objects.values_list("tahun", flat=True)) == {tahun_lalu - 2, tahun_lalu - 1, tahun_lalu}
    assert 3 <= HukumanDisiplin.objects.count() <= 10
    hari_ini = timezone.localdate()
    assert any(h.berlaku_pada(hari_ini) for h in HukumanDisiplin.objects.all()), "some sanction still runs"


def test_akun_demo_bisa_masuk_dengan_peran_yang_benar(demo, client):
    nama = {
        "hr": "Rina Wulandari",
        "ppk": "Ikhsan",
        "kepala": "Hendro Gunawan",
        "kepala_pkm": "Laksmi Ayuningtyas",
        "pegawai": "Ahmad Fauzi",
    }
    for role, nip in AKUN.items():
        user = User.objects.select_related("pegawai").get(nip=nip)
        assert user.pegawai.nama == nama[role]
        assert user.is_active and user.diaktifkan
        assert user.peran == {"hr": Peran.HR, "ppk": Peran.PPK}.get(role, Peran.PEGAWAI)
        client.logout()
        r = client.post(reverse("login"), {"username": nip, "password": DEMO_PASSWORD})
        assert r.status_code == 302, f"{role} could not sign in"
        assert client.session.get("_auth_user_id") == str(user.pk)
    assert UnitKerja.objects.get(kode="KEC-MLY").kepala.nip == AKUN["kepala"]
    assert UnitKerja.objects.get(kode="PKM-MLY").kepala.nip == AKUN["kepala_pkm"]
    assert UnitKerja.objects.get(kode="SETDA").kepala.nip == AKUN["ppk"]
    ahmad = Pegawai.objects.with_posisi().get(nip=AKUN["pegawai"])
    assert ahmad.posisi_sekarang.unit.kode == "KEL-MLY-KS"
    assert not ahmad.unit_dipimpin.exists()


def test_akun_saja_tidak_mengisi_data(demo, db):
    settings_langkah = ["pegawai.tests.test_demo.langkah_satu"]
    LANGKAH_DICATAT.clear()
    out = io.StringIO()
    with override_settings(DEMO_LANGKAH=settings_langkah):
        call_command("demo", akun=True, stdout=out)
    assert LANGKAH_DICATAT == []
    assert "Rina Wulandari" in out.getvalue()


def test_jika_kosong_melewati_bila_sudah_ada_pegawai(demo, db):
    LANGKAH_DICATAT.clear()
    out = io.StringIO()
    with override_settings(DEMO_LANGKAH=["pegawai.tests.test_demo.langkah_satu"]):
        call_command("demo", jika_kosong=True, stdout=out)
    assert "tidak dimuat ulang" in out.getvalue()
    assert LANGKAH_DICATAT == []


def test_langkah_yang_modulnya_belum_ada_gagal_keras(db, settings):
    settings.DEMO_LANGKAH = ["pegawai.tests.test_demo.langkah_satu", "pegawai.demo_belum_ada.langkah"]
    LANGKAH_DICATAT.clear()
    with pytest.raises(CommandError, match="demo_belum_ada"):
        call_command("demo", stdout=io.StringIO())
    assert LANGKAH_DICATAT == [], "no step runs when one cannot be loaded"


def test_langkah_dijalankan_berurutan(db, settings):
    settings.DEMO_LANGKAH = ["pegawai.tests.test_demo.langkah_satu", "pegawai.tests.test_demo.langkah_dua"]
    LANGKAH_DICATAT.clear()
    call_command("demo", stdout=io.StringIO())
    assert LANGKAH_DICATAT == ["satu", "dua"]


def test_langkah_tidak_membanjiri_log_info_tetapi_peringatan_tetap(db, settings, caplog):
    """A step's services log at INFO (a signature per decree): the demo's own summary is what a
    newcomer reads, so INFO is held back while the steps run; a warning still shows, and logging is
    back to normal afterwards."""
    settings.DEMO_LANGKAH = ["pegawai.tests.test_demo.langkah_mencatat_log"]
    with caplog.at_level(logging.INFO):
        call_command("demo", stdout=io.StringIO())
        assert [r.levelname for r in caplog.records if r.name == "demo.uji"] == ["WARNING"]
        logging.getLogger("demo.uji").info("sesudah demo")
    assert [r.getMessage() for r in caplog.records if r.name == "demo.uji"][-1] == "sesudah demo"


def langkah_mencatat_log(stdout):
    logging.getLogger("demo.uji").info("ditandatangani")
    logging.getLogger("demo.uji").warning("perhatian")


LANGKAH_DICATAT: list[str] = []


def langkah_satu(stdout):
    LANGKAH_DICATAT.append("satu")


def langkah_dua(stdout):
    LANGKAH_DICATAT.append("dua")


def test_rencana_deterministik():
    hari = date(2026, 6, 1)
    a = Perencana(hari).rencana()
    b = Perencana(hari).rencana()
    assert [(o.nip, o.nama, o.riwayat) for o in a] == [(o.nip, o.nama, o.riwayat) for o in b]


def test_readme_mencantumkan_akun_demo():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for nip in AKUN.values():
        assert f"`{nip}`" in readme
    assert f"`{DEMO_PASSWORD}`" in readme
    assert "demo only" in readme


def test_riwayat_golongan_dan_pendidikan_sesuai_profil_dan_aturan(demo, db):
    from django.utils import timezone

    from pegawai.aturan import periksa
    from pegawai.services.pangkat import golongan_berlaku, pendidikan_tertinggi

    hari = timezone.localdate()
    semua = Pegawai.objects.prefetch_related("riwayat_golongan", "riwayat_pendidikan")
    for p in semua:
        pangkat = [(r.tmt, r.golongan) for r in p.riwayat_golongan.all()]
        assert pangkat, p
        assert golongan_berlaku(pangkat, hari) == p.golongan, p
        for tmt, gol in pangkat:
            assert periksa("golongan_naik", golongan=gol, tmt=tmt, lain=pangkat) is None, p
            assert periksa("golongan_sebelum_cpns", nip=p.nip, status=p.status, tmt=tmt) is None, p
        sekolah = list(p.riwayat_pendidikan.all())
        assert pendidikan_tertinggi(sekolah).teks == p.pendidikan, p
        profil = {"nip": p.nip, "status": p.status, "golongan": p.golongan, "pendidikan": p.pendidikan}
        if periksa("golongan_masa_kerja", **profil) is not None:
            continue  # doctors enter at III/b, above the rule's S1 entry (the profile itself is relaxed)
        for tmt, gol in pangkat:  # the rank fits the education and the service on its TMT
            kw = {"nip": p.nip, "status": p.status, "golongan": gol, "pendidikan": p.pendidikan, "pada": tmt}
            assert periksa("golongan_masa_kerja", **kw) is None, (p, tmt, gol)
        for r in sekolah:
            assert periksa("lulus_usia", tahun=r.tahun_lulus, lahir=p.tanggal_lahir) is None, p
            assert r.tahun_lulus <= hari.year
