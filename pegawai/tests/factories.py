"""Factories for people and organisation. NIPs are generated valid: birth date, TMT CPNS
and gender digit agree with the record."""

import itertools
from datetime import date
from types import SimpleNamespace

import factory

from pegawai.models import (
    Jabatan,
    JenisJabatan,
    JenisUnit,
    Pegawai,
    Peran,
    RiwayatJabatan,
    UnitKerja,
    User,
)

_urut = itertools.count(1)


def nip_untuk(tanggal_lahir: date, jenis_kelamin: str, tmt: date | None = None, urut: int | None = None) -> str:
    """A valid PNS NIP for the given birth date and gender."""
    tmt = tmt or date(tanggal_lahir.year + 24, 3, 1)
    seq = (urut if urut is not None else next(_urut)) % 1000
    return f"{tanggal_lahir:%Y%m%d}{tmt:%Y%m}{'1' if jenis_kelamin == 'L' else '2'}{seq:03d}"


class UnitKerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKerja

    kode = factory.Sequence(lambda n: f"U{n:04d}")
    nama = factory.Sequence(lambda n: f"Unit Kerja {n}")
    jenis = JenisUnit.OPD


class JabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jabatan

    nama = factory.Sequence(lambda n: f"Jabatan {n}")
    jenis = JenisJabatan.PELAKSANA
    kelas = 7


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    nip = factory.Sequence(lambda n: f"99{n:016d}")
    peran = Peran.PEGAWAI
    password = factory.PostGenerationMethodCall("set_password", "rahasia-123")

    @factory.post_generation
    def simpan(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    nama = factory.Faker("name", locale="id_ID")
    jenis_kelamin = "L"
    # Born 1972-1994: nobody reaches a retirement age (BUP 58-65) within a year of a test TMT by chance,
    # and every NIP's TMT CPNS (birth year + 24) is before the default post start.
    tanggal_lahir = factory.Sequence(lambda n: date(1972 + n % 23, 1 + n % 12, 1 + n % 28))
    nip = factory.LazyAttribute(lambda o: nip_untuk(o.tanggal_lahir, o.jenis_kelamin))
    golongan = "III/a"


class RiwayatJabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiwayatJabatan

    pegawai = factory.SubFactory(PegawaiFactory)
    unit = factory.SubFactory(UnitKerjaFactory)
    jabatan = factory.SubFactory(JabatanFactory)
    mulai = date(2021, 1, 1)


def pegawai_di(unit, jabatan=None, *, mulai=date(2021, 1, 1), akun=False, peran=Peran.PEGAWAI, **kwargs) -> Pegawai:
    """An employee currently posted in `unit`, optionally with a login account."""
    pegawai = PegawaiFactory(**kwargs)
    RiwayatJabatanFactory(pegawai=pegawai, unit=unit, jabatan=jabatan or JabatanFactory(), mulai=mulai)
    if akun:
        pegawai.akun = UserFactory(nip=pegawai.nip, peran=peran)
        pegawai.save(update_fields=["akun"])
    return pegawai


def kepala_dari(unit, **kwargs) -> Pegawai:
    """An employee who heads `unit` (with an account)."""
    kepala = pegawai_di(unit, JabatanFactory(jenis=JenisJabatan.PENGAWAS, kepala_unit=True), akun=True, **kwargs)
    unit.kepala = kepala
    unit.save(update_fields=["kepala"])
    return kepala


def buat_org() -> SimpleNamespace:
    """A small organisation: two OPDs, one with a sub-unit, and one person in each role (the roles of
    conftest's `org` fixture, which is this, built for one test)."""
    o = SimpleNamespace()
    o.bkpsdm = UnitKerjaFactory(nama="BKPSDM", jenis=JenisUnit.OPD)
    o.unit = UnitKerjaFactory(nama="Kecamatan Mulyorejo", jenis=JenisUnit.KECAMATAN)
    o.subunit = UnitKerjaFactory(nama="Kelurahan Kalisari", jenis=JenisUnit.KELURAHAN, induk=o.unit)
    o.lain = UnitKerjaFactory(nama="Dinas Sosial", jenis=JenisUnit.OPD)
    o.hr = pegawai_di(o.bkpsdm, akun=True, peran=Peran.HR)
    o.ppk = pegawai_di(o.lain, akun=True, peran=Peran.PPK)
    o.kepala = kepala_dari(o.unit)
    o.anggota = pegawai_di(o.subunit, akun=True)
    o.orang_luar = pegawai_di(o.lain, akun=True)
    return o


def klien_org(o) -> dict:
    """A signed-in test client for each role of `buat_org`, plus "anon"."""
    from django.test import Client

    klien = {"anon": Client()}
    for peran in ("hr", "ppk", "kepala", "anggota", "orang_luar"):
        klien[peran] = Client()
        klien[peran].force_login(getattr(o, peran).akun)
    return klien
