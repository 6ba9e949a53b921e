"""Shared test helpers: a destination with a head, and a proposal at any state."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import ProjectState

from mutasi.demo import dokumen_contoh
from mutasi.models import JenisMutasi, StatusUsulan
from mutasi.services.alur import TRANSISI, usulan_transisi
from mutasi.services.pelaksanaan import usulan_laksanakan
from mutasi.services.sk import sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan
from mutasi.services.usulan import usulan_buat
from pegawai.models import JenisUnit, KinerjaTahunan, Peran, Predikat
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, kepala_dari, pegawai_di

TMT = date.today() + timedelta(days=30)


def data_usulan(tujuan_unit, tujuan_jabatan, **kw) -> dict:
    data = {
        "jenis": JenisMutasi.DALAM,
        "dasar": "ROTASI",
        "tujuan_unit": tujuan_unit,
        "tujuan_jabatan": tujuan_jabatan,
        "alasan": "Penyegaran dan pemerataan pegawai.",
        "manfaat_organisasi": "Pelayanan di unit tujuan lebih kuat.",
        "manfaat_pegawai": "Pengalaman di bidang baru.",
        "alasan_tanpa_kekurangan": "Unit tujuan akan membuka layanan baru.",
        "tmt_usulan": TMT,
        "instansi_eksternal": "",
        "jabatan_eksternal": "",
        "nomor_keputusan_eksternal": "",
        "tanggal_keputusan_eksternal": None,
    }
    data.update(kw)
    return data


def kinerja_baik(*pegawai) -> None:
    """Ratings "Baik" for the years the performance check may look at (the two before the
    submission), unless some are recorded: a proposal in a test is eligible unless it says so."""
    tahun_ini = date.today().year
    for p in pegawai:
        if not KinerjaTahunan.objects.filter(pegawai=p).exists():
            KinerjaTahunan.objects.bulk_create(
                [
                    KinerjaTahunan(pegawai=p, tahun=t, predikat=Predikat.BAIK)
                    for t in range(tahun_ini - 3, tahun_ini + 1)
                ]
            )


def katalog_dokumen() -> None:
    """The required-documents catalogue as migrate seeds it (mutasi 0015, 0017): a transactional
    test's flush (live_server, the PostgreSQL concurrency tests) empties every table, seeded data
    included, for the tests after it in the same process. Idempotent."""
    from importlib import import_module

    from django.apps import apps

    for nama in ("0015_dokumen_syarat_data", "0017_dokumen_syarat_jenis_lampiran"):
        import_module(f"mutasi.migrations.{nama}").isi(apps, None)


class Dunia:
    """org plus a receiving unit with its own head, and a second HR and PPK account."""

    def __init__(self, org):
        self.org = org
        katalog_dokumen()
        kinerja_baik(org.anggota, org.orang_luar, org.kepala)
        self.tujuan = UnitKerjaFactory(nama="Dinas Kesehatan", jenis=JenisUnit.OPD)
        self.kepala_tujuan = kepala_dari(self.tujuan)
        self.jabatan_tujuan = JabatanFactory(nama="Pengelola Data Kesehatan")
        self.hr2 = pegawai_di(org.bkpsdm, akun=True, peran=Peran.HR)
        # The Kepala BKPSDM signs the notices (settings.UNIT_KEPEGAWAIAN_KODE); a unit of its own so
        # that org's units keep their heads as they are.
        self.bkpsdm = UnitKerjaFactory(kode="BKPSDM", nama="Badan Kepegawaian dan Pengembangan SDM")
        self.kepala_bkpsdm = kepala_dari(self.bkpsdm, gelar_depan="", gelar_belakang="S.H., M.M.")

    def usulan(self, pegawai=None, oleh=None, tujuan_unit="-", tujuan_jabatan="-", dokumen=True, **kw):
        """A draft; with the required documents nobody gives in the application uploaded by HR
        (`dokumen=False`: none), so that it may go all the way."""
        pegawai = pegawai or self.org.anggota
        kinerja_baik(pegawai)
        u = usulan_buat(
            oleh=(oleh or self.org.hr).akun,
            pegawai=pegawai,
            data=data_usulan(
                self.tujuan if tujuan_unit == "-" else tujuan_unit,
                self.jabatan_tujuan if tujuan_jabatan == "-" else tujuan_jabatan,
                **kw,
            ),
        )
        if dokumen:
            dokumen_contoh(u, self.org.hr.akun)
        return u

    def pelaku(self, u, aksi):
        """Who acts on `aksi` now: the resolved head (or HR where BKPSDM acts)."""
        from mutasi.selectors.penyetuju import KEPALA_ASAL, KEPALA_TUJUAN, penyetuju_langkah
        from pegawai.models import Pegawai

        p = penyetuju_langkah(u, KEPALA_ASAL if aksi == "lepas" else KEPALA_TUJUAN)
        return self.org.hr if p.oleh_bkpsdm else Pegawai.objects.get(pk=p.kepala_id)

    def sampai(self, status: str, usulan=None, **kw):
        """A proposal moved along the happy path up to `status`."""
        o = self.org
        u = usulan or self.usulan(**kw)
        langkah = [
            ("ajukan", o.hr, StatusUsulan.DIAJUKAN),
            ("lepas", o.kepala, StatusUsulan.DILEPAS),
            ("terima", self.kepala_tujuan, StatusUsulan.DITERIMA),
            ("verifikasi", o.hr, StatusUsulan.DIVERIFIKASI),
            ("putuskan", o.ppk, StatusUsulan.DIPUTUSKAN),
        ]
        for aksi, siapa, ke in langkah:
            if u.status == status:
                return u
            if u.status not in TRANSISI[aksi].dari:
                continue
            if aksi in ("lepas", "terima"):
                siapa = self.pelaku(u, aksi)
            dokumen_contoh(u, o.hr.akun, sampai=aksi)  # a proposal made elsewhere (a request, a batch)
            u = usulan_transisi(usulan=u, aksi=aksi, oleh=siapa.akun)
            assert u.status == ke
        if status in (StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN):
            tmt = kw.get("tmt_sk") or (date.today() if status == StatusUsulan.DILAKSANAKAN else TMT)
            self.sk_tetapkan([u], tmt=tmt)
            u.refresh_from_db()
            if status == StatusUsulan.DILAKSANAKAN and u.status == StatusUsulan.SK_TERBIT:
                usulan_laksanakan(usulan=u, oleh=o.hr.akun)
                u.refresh_from_db()
        assert u.status == status, u.status
        return u

    def sk_tetapkan(self, usulan, tmt=TMT, **kw):
        """HR prepares the decree, the PPK signs it (with the test run's installation certificate)."""
        sk = sk_siapkan(oleh=self.org.hr.akun, usulan_ids=[u.pk for u in usulan], tmt=tmt, **kw)
        return sk_tandatangani(oleh=self.org.ppk.akun, sk=sk, laksanakan_segera=False)


@pytest.fixture
def dunia(org):
    return Dunia(org)


def migrasi_ke(target: list[tuple[str, str]] | None = None) -> ProjectState:
    """Migrate the test database to `target` ((app, migration) nodes; None: every app's latest, as
    the other tests expect it) and return the project state there: `.apps` gives the models as they
    were, for writing rows of that time."""
    executor = MigrationExecutor(connection)
    return executor.migrate(target or executor.loader.graph.leaf_nodes())
