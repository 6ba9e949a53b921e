"""pegawai's manual move against mutasi's real selector (the PEGAWAI_MUTASI_TERTUNDA hook): refused
while a decided transfer of the employee waits to be carried out, with the proposal's number and
link; allowed again once it is carried out or cancelled (issue 12). Here, not in pegawai/tests:
pegawai's tests may not import mutasi (the layer contract)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from inti.galat import LayananError
from mutasi.models import StatusUsulan as S
from mutasi.selectors import mutasi_tertunda
from mutasi.services.alur import usulan_transisi
from mutasi.services.pelaksanaan import usulan_laksanakan
from mutasi.tests.helpers import Dunia
from pegawai.models import PindahTerjadwal, RiwayatJabatan
from pegawai.services.pindah import pindah_jabatan_catat, pindah_terapkan_jatuh_tempo
from pegawai.tests.factories import JabatanFactory


@pytest.fixture
def d(org):
    return Dunia(org)


def _pindah(org, tmt, **kw):
    return pindah_jabatan_catat(
        oleh=org.hr.akun, pegawai=org.anggota, unit=org.lain, jabatan=JabatanFactory(), tmt=tmt, **kw
    )


@pytest.mark.parametrize("status", [S.DIPUTUSKAN, S.SK_TERBIT])
def test_layanan_dan_form_menolak_dengan_tautan(org, clients, d, status):
    u = d.sampai(status)
    url_usulan = reverse("mutasi:detail", args=[u.pk])
    assert mutasi_tertunda(org.anggota.pk) == (u.nomor, url_usulan)
    riwayat = list(RiwayatJabatan.objects.filter(pegawai=org.anggota).values())
    for tmt in (date.today(), date.today() + timedelta(days=10)):
        with pytest.raises(LayananError) as e:
            _pindah(org, tmt)
        assert u.nomor in str(e.value) and url_usulan in str(e.value)
    form = reverse("pegawai:pindah_jabatan", args=[org.anggota.pk])
    assert f'href="{url_usulan}"' in clients["hr"].get(form).content.decode()
    r = clients["hr"].post(form, {"unit": org.lain.pk, "jabatan": JabatanFactory().pk, "tmt": date.today().isoformat()})
    assert r.status_code == 200
    assert u.nomor in " ".join(r.context["form"].non_field_errors())
    assert f'href="{url_usulan}"' in r.content.decode()
    assert list(RiwayatJabatan.objects.filter(pegawai=org.anggota).values()) == riwayat
    assert not PindahTerjadwal.objects.exists()


def test_sebelum_diputuskan_tidak_menghalangi(org, d):
    d.sampai(S.DIVERIFIKASI)
    assert mutasi_tertunda(org.anggota.pk) is None


def test_setelah_dilaksanakan_boleh_lagi(org, d):
    u = d.sampai(S.SK_TERBIT, tmt_sk=date.today())
    with pytest.raises(LayananError, match=u.nomor):
        _pindah(org, date.today() + timedelta(days=5))
    usulan_laksanakan(usulan=u, oleh=org.hr.akun)
    assert mutasi_tertunda(org.anggota.pk) is None
    hasil = _pindah(org, date.today() + timedelta(days=5))
    assert isinstance(hasil, PindahTerjadwal)


def test_setelah_dibatalkan_boleh_lagi(org, d):
    """Cancelling a decided transfer is the PPK's step (HR may not), and it frees the employee."""
    u = d.sampai(S.DIPUTUSKAN)
    with pytest.raises(LayananError):
        usulan_transisi(usulan=u, aksi="batalkan", oleh=org.hr.akun, catatan="Kebutuhan unit berubah.")
    usulan_transisi(usulan=u, aksi="batalkan_keputusan", oleh=org.ppk.akun, catatan="Kebutuhan unit berubah.")
    assert mutasi_tertunda(org.anggota.pk) is None
    assert isinstance(_pindah(org, date.today()), RiwayatJabatan)


def test_jadwal_yang_lebih_dulu_ditahan_sampai_mutasi_selesai(org, d):
    """A move scheduled before the transfer was decided is not applied while the decree waits."""
    tmt = date.today() + timedelta(days=3)
    p = _pindah(org, tmt)
    u = d.sampai(S.DIPUTUSKAN)
    laporan = pindah_terapkan_jatuh_tempo(hari_ini=tmt)
    assert laporan.diterapkan == [] and u.nomor in laporan.ditahan[0]
    p.refresh_from_db()
    assert p.status == "TERJADWAL"
    assert org.anggota.posisi_sekarang.pk == u.asal_riwayat_id
