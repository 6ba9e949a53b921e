"""Every main page (the pages `make bench` times at 100,000 employees, bench/halaman.py) costs the same
number of queries whatever the amount of data: each page is counted on a small world, then again after
more units, employees, workload and proposals at every approval step were added. A count that grows
is an N+1 (issue 15: "tests assert constant query counts for every main page").

Each count is of a cold request (the cache cleared first), so the queries that compute the cached
figures are counted too; a warm request only costs fewer."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mutasi.models import StatusUsulan
from mutasi.tests.helpers import Dunia, kinerja_baik
from pegawai.models import JenisUnit
from pegawai.models.abk import TugasJabatan
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, kepala_dari, pegawai_di

pytestmark = pytest.mark.django_db

# (label, role, url name, object the url takes)
HALAMAN = [
    ("employee list", "hr", "pegawai:daftar", None),
    ("search by name", "hr", "pegawai:daftar", "?q=Santoso"),
    ("search by NIP", "hr", "pegawai:daftar", "?q=nip"),
    ("employee detail", "hr", "pegawai:detail", "pegawai"),
    ("unit tree", "hr", "pegawai:unit_daftar", None),
    ("needs overview", "hr", "abk:ikhtisar", None),
    ("candidates", "hr", "abk:kandidat", "tugas"),
    ("proposal list", "hr", "mutasi:daftar", None),
    ("proposal detail", "hr", "mutasi:detail", "usulan"),
    ("HR inbox", "hr", "mutasi:kotak_masuk", None),
    ("impact report", "hr", "evaluasi:laporan", None),
    ("HR home", "hr", "beranda", None),
    ("PPK home", "ppk", "beranda", None),
    ("PPK inbox", "ppk", "mutasi:kotak_masuk", None),
    ("head home", "kepala", "beranda", None),
    ("head inbox", "kepala", "mutasi:kotak_masuk", None),
    ("employee home", "anggota", "beranda", None),
    ("employee: my transfers", "anggota", "mutasi:saya", None),
    ("employee: my profile", "anggota", "pegawai:profil_saya", None),
]


def _url(nama: str, objek: str | None, w) -> str:
    if objek is None:
        return reverse(nama)
    if objek.startswith("?"):
        return reverse(nama) + (f"?q={w.org.anggota.nip[:8]}" if objek == "?q=nip" else objek)
    if objek == "tugas":
        return reverse(nama, args=[w.tugas.unit_id, w.tugas.jabatan_id])
    return reverse(nama, args=[{"pegawai": w.org.anggota, "usulan": w.usulan}[objek].pk])


def _hitung(clients, w) -> dict[str, int]:
    hasil = {}
    for label, peran, nama, objek in HALAMAN:
        url = _url(nama, objek, w)
        cache.clear()
        with CaptureQueriesContext(connection) as q:
            r = clients[peran].get(url)
        assert r.status_code == 200, (label, url, r.status_code)
        hasil[label] = len(q)
    return hasil


def _tambah(w, n: int) -> None:
    """n more sub-units under the head's unit, each with a head, staff, workload, and a proposal at
    each of the steps that fill the head's, HR's and the PPK's inboxes."""
    o = w.org
    for i in range(n):
        sub = UnitKerjaFactory(nama=f"Kelurahan Uji {i}", jenis=JenisUnit.KELURAHAN, induk=o.unit)
        kepala_dari(sub)
        TugasJabatan.objects.create(unit=sub, jabatan=w.tugas.jabatan, uraian=f"Tugas {i}", volume=1000, norma_waktu=60)
        staf = [pegawai_di(sub, nama=f"Budi Santoso {i}{k}") for k in range(4)]
        kinerja_baik(*staf)
        for p, status in zip(
            staf, (StatusUsulan.DIAJUKAN, StatusUsulan.DILEPAS, StatusUsulan.DIVERIFIKASI), strict=False
        ):
            w.dunia.sampai(status, usulan=w.dunia.usulan(pegawai=p))


def test_main_pages_cost_the_same_queries_with_more_data(org, clients):
    dunia = Dunia(org)

    class W:
        pass

    w = W()
    w.org, w.dunia = org, dunia
    jabatan = JabatanFactory(nama="Pengadministrasi Umum")
    w.tugas = TugasJabatan.objects.create(unit=org.unit, jabatan=jabatan, uraian="Surat", volume=1000, norma_waktu=60)
    w.usulan = dunia.sampai(StatusUsulan.DIAJUKAN)  # the employee's own, waiting at the head
    _tambah(w, 1)
    _hitung(clients, w)  # warm-up: per-process lookups (content types, site) paid once
    sedikit = _hitung(clients, w)
    _tambah(w, 3)
    banyak = _hitung(clients, w)
    tumbuh = {k: (sedikit[k], banyak[k]) for k in sedikit if banyak[k] != sedikit[k]}
    assert not tumbuh, f"query counts that grow with the data (small, larger): {tumbuh}"
