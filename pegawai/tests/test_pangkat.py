"""Rank and education history: the constraints, and the services keeping Pegawai.golongan and
Pegawai.pendidikan in step (a rank with a future TMT waits for its day)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from inti.galat import LayananError
from inti.models import CatatanAudit
from pegawai.models import RiwayatGolongan, RiwayatPendidikan, StatusAsn
from pegawai.services.pangkat import profil_sinkron, riwayat_golongan_tambah, riwayat_pendidikan_tambah
from pegawai.tests.factories import PegawaiFactory


@pytest.fixture
def p(db):
    return PegawaiFactory(golongan="III/a", pendidikan="S-1 Manajemen")


def test_rank_unique_per_employee_rank_and_tmt(p):
    RiwayatGolongan.objects.create(pegawai=p, golongan="III/a", tmt=date(2015, 4, 1))
    RiwayatGolongan.objects.create(pegawai=p, golongan="III/a", tmt=date(2016, 4, 1))  # another TMT: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        RiwayatGolongan.objects.create(pegawai=p, golongan="III/a", tmt=date(2015, 4, 1))


def test_rank_must_suit_the_employee_kind(p):
    with pytest.raises(ValidationError):
        RiwayatGolongan(pegawai=p, golongan="IX", tmt=date(2015, 4, 1)).full_clean()
    pppk = PegawaiFactory(
        status=StatusAsn.PPPK, golongan="IX", nip="199009132025242014", tanggal_lahir=date(1990, 9, 13)
    )
    with pytest.raises(ValidationError):
        RiwayatGolongan(pegawai=pppk, golongan="III/a", tmt=date(2025, 4, 1)).full_clean()
    RiwayatGolongan(pegawai=pppk, golongan="IX", tmt=date(2025, 4, 1)).full_clean()


def test_education_unique_per_level_and_major(p):
    RiwayatPendidikan.objects.create(pegawai=p, tingkat="S1", jurusan="Manajemen", institusi="Unair", tahun_lulus=2008)
    with pytest.raises(IntegrityError), transaction.atomic():
        RiwayatPendidikan.objects.create(
            pegawai=p, tingkat="S1", jurusan="Manajemen", institusi="ITS", tahun_lulus=2009
        )


def test_latest_rank_sets_the_profile_and_a_future_one_waits(p):
    riwayat_golongan_tambah(oleh=None, pegawai=p, golongan="III/b", tmt=date(2020, 4, 1))
    assert p.golongan == "III/b"
    besok = date.today() + timedelta(days=1)
    riwayat_golongan_tambah(oleh=None, pegawai=p, golongan="III/c", tmt=besok)
    assert p.golongan == "III/b"  # not yet
    # an older row added later does not push the current rank back
    riwayat_golongan_tambah(oleh=None, pegawai=p, golongan="III/a", tmt=date(2016, 4, 1))
    assert p.golongan == "III/b"
    # on the day, the sync (the daily job's call) moves it
    assert profil_sinkron(oleh=None, pegawai_ids=[p.pk], hari=besok) == 1
    p.refresh_from_db()
    assert p.golongan == "III/c"
    audit = CatatanAudit.objects.filter(aksi="pegawai.profil_sinkron", objek_id=str(p.pk)).order_by("id")
    assert [a.perubahan["golongan"] for a in audit] == [["III/a", "III/b"], ["III/b", "III/c"]]
    assert CatatanAudit.objects.filter(aksi="pegawai.golongan_tambah").count() == 3


def test_highest_education_sets_the_profile(p):
    riwayat_pendidikan_tambah(
        oleh=None, pegawai=p, tingkat="S2", jurusan="Manajemen", institusi="Unair", tahun_lulus=2015
    )
    assert p.pendidikan == "S-2 Manajemen"
    riwayat_pendidikan_tambah(oleh=None, pegawai=p, tingkat="SMA", institusi="SMAN 1", tahun_lulus=2003)
    assert p.pendidikan == "S-2 Manajemen"
    with pytest.raises(LayananError):
        riwayat_pendidikan_tambah(
            oleh=None, pegawai=p, tingkat="S3", institusi="ITS", tahun_lulus=date.today().year + 1
        )
    with pytest.raises(LayananError):
        riwayat_pendidikan_tambah(oleh=None, pegawai=p, tingkat="SMA", institusi="SMAN 2", tahun_lulus=2004)


def test_without_history_the_profile_stays(p):
    assert profil_sinkron(oleh=None, pegawai_ids=[p.pk]) == 0
    p.refresh_from_db()
    assert (p.golongan, p.pendidikan) == ("III/a", "S-1 Manajemen")


# --- the employee page --------------------------------------------------------------------------


def test_employee_page_shows_both_histories_and_empty_states(clients, org):
    from django.urls import reverse

    url = reverse("pegawai:detail", args=[org.anggota.pk])
    html = clients["kepala"].get(url).content.decode()
    assert "Belum ada riwayat golongan tercatat." in html and "Belum ada riwayat pendidikan tercatat." in html
    RiwayatGolongan.objects.create(pegawai=org.anggota, golongan="III/a", tmt=date(2012, 4, 1), nomor_sk="823/77")
    RiwayatGolongan.objects.create(pegawai=org.anggota, golongan="III/b", tmt=date.today() + timedelta(days=30))
    RiwayatPendidikan.objects.create(
        pegawai=org.anggota, tingkat="S1", jurusan="Ilmu Hukum", institusi="Universitas Airlangga", tahun_lulus=2008
    )
    RiwayatPendidikan.objects.create(pegawai=org.anggota, tingkat="SMA", institusi="SMAN 5 Surabaya", tahun_lulus=2004)
    html = clients["kepala"].get(url).content.decode()
    assert "823/77" in html and "Penata Muda, III/a" in html and "menunggu TMT" in html
    assert "Universitas Airlangga" in html and "SMAN 5 Surabaya" in html and "tertinggi" in html
    assert "?jenis=riwayat_golongan" not in html  # the import link is HR's
    assert "?jenis=riwayat_golongan" in clients["hr"].get(url).content.decode()


def test_daily_job_applies_a_rank_on_its_tmt(p):
    from io import StringIO

    from django.core.management import CommandError, call_command

    hari = date.today()
    RiwayatGolongan.objects.create(pegawai=p, golongan="III/b", tmt=hari - timedelta(days=1))
    RiwayatGolongan.objects.create(pegawai=p, golongan="III/c", tmt=hari + timedelta(days=1))
    out = StringIO()
    call_command("terapkan_golongan", stdout=out)
    p.refresh_from_db()
    assert p.golongan == "III/b" and "1 pegawai" in out.getvalue()
    call_command("terapkan_golongan", stdout=out)  # twice: nothing more
    assert CatatanAudit.objects.filter(aksi="pegawai.profil_sinkron").count() == 1
    with pytest.raises(CommandError):
        call_command("terapkan_golongan", "--tanggal", (hari + timedelta(days=1)).isoformat(), stdout=out)
