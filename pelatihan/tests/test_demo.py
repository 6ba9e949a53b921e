"""The demo step `pelatihan.demo.pelatihan`: catalogue, assignments in every status for the
decided demo transfers, a mentor for the demo employee, and idempotency."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.utils import timezone

from mutasi.models import StatusUsulan
from pegawai.demo import AKUN
from pegawai.models import Kompetensi, Peran
from pegawai.tests.factories import pegawai_di
from pelatihan.demo import KATALOG, pelatihan
from pelatihan.models import Pelatihan, Pendampingan, PenugasanPelatihan, StatusPenugasan
from pelatihan.tests.factories import DuniaPelatihan


@pytest.fixture
def dunia_demo(org):
    dp = DuniaPelatihan(org)
    pegawai_di(
        org.bkpsdm, akun=True, peran=Peran.HR, nip=AKUN["hr"], tanggal_lahir=date(1985, 3, 15), jenis_kelamin="P"
    )
    ahmad = pegawai_di(org.subunit, akun=True, nip=AKUN["pegawai"], tanggal_lahir=date(1990, 2, 17))
    hari = timezone.localdate()
    dp.usulan(pegawai=ahmad, status=StatusUsulan.SK_TERBIT)
    dp.usulan(pegawai=org.orang_luar, status=StatusUsulan.DIPUTUSKAN)
    dp.usulan(pegawai=pegawai_di(org.subunit), status=StatusUsulan.DILAKSANAKAN, tmt=hari - timedelta(days=400))
    dp.usulan(pegawai=pegawai_di(org.subunit), status=StatusUsulan.DILAKSANAKAN, tmt=hari - timedelta(days=200))
    dp.usulan(pegawai=pegawai_di(org.subunit), status=StatusUsulan.DILAKSANAKAN, tmt=hari - timedelta(days=5))
    return dp


def test_demo_pelatihan_lengkap_dan_idempoten(dunia_demo, mailoutbox, django_capture_on_commit_callbacks):
    assert "pelatihan.demo.pelatihan" in settings.DEMO_LANGKAH
    sudah_ada = set(Pelatihan.objects.values_list("nama", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        pelatihan(StringIO())
    # The catalogue is matched by name: the fixture's "Pelayanan Prima" is not created twice.
    assert Pelatihan.objects.count() == len(sudah_ada | {k[0] for k in KATALOG})
    assert {"Pelayanan Prima", "Manajemen Puskesmas", "Kepemimpinan Pengawas", "Pengelolaan Arsip Dinamis"} <= set(
        Pelatihan.objects.values_list("nama", flat=True)
    )
    # Competences matched by name; missing ones created.
    assert Kompetensi.objects.filter(nama="Pengelolaan Arsip").exists()
    assert Pelatihan.objects.get(nama="Pelayanan Prima").kompetensi.filter(pk=dunia_demo.k_layanan.pk).exists()
    status = set(PenugasanPelatihan.objects.values_list("status", flat=True))
    assert status == set(StatusPenugasan.values)
    assert PenugasanPelatihan.objects.filter(status=StatusPenugasan.BERLANGSUNG).exclude(bukti="").exists()
    assert Pendampingan.objects.filter(usulan__pegawai__nip=AKUN["pegawai"]).exists()
    assert mailoutbox == []  # demo data sends no email, even once committed
    # Each assignment's history starts with its creation, and is in time order.
    for t in PenugasanPelatihan.objects.prefetch_related("riwayat_status"):
        riwayat = list(t.riwayat_status.all())
        assert riwayat[0].aksi == "tugaskan" and abs(riwayat[0].waktu - t.ditugaskan_pada) < timedelta(minutes=1), t
        assert [r.waktu for r in riwayat] == sorted(r.waktu for r in riwayat), t
    jumlah = (Pelatihan.objects.count(), PenugasanPelatihan.objects.count(), Pendampingan.objects.count())
    pelatihan(StringIO())
    assert (Pelatihan.objects.count(), PenugasanPelatihan.objects.count(), Pendampingan.objects.count()) == jumlah
