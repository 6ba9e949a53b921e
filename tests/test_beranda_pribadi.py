"""What the front page tells each person about their own work: the "waiting for you" notice (from the
inbox count) for everyone, and for a plain employee three cards (transfers, training with this year's
JP from `ringkasan_pelatihan_saya`, reviews). Also the training pages' breadcrumb for an employee,
which starts from "Pelatihan saya" (the manager lists are not theirs).

It reads several apps at once, so it lives here rather than in one app's tests (mutasi may not
import pelatihan)."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mutasi.models import StatusUsulan
from mutasi.tests.helpers import Dunia
from pelatihan.models import StatusPenugasan
from pelatihan.tests.factories import DuniaPelatihan, penugasan_buat

pytestmark = pytest.mark.django_db
SP = StatusPenugasan


def _beranda(client) -> str:
    r = client.get(reverse("beranda"))
    assert r.status_code == 200
    return r.content.decode()


def _kartu_pelatihan(html: str) -> str:
    return html.split('id="beranda-pelatihan"', 1)[1].split("</a>", 1)[0]


def test_pemberitahuan_menunggu_hanya_bila_ada(org, clients):
    dunia = Dunia(org)
    o = dunia.org
    assert 'id="beranda-menunggu"' not in _beranda(clients["hr"])
    dunia.sampai(StatusUsulan.DIAJUKAN, pegawai=o.orang_luar)  # Dinas Sosial has no head: BKPSDM releases
    html = _beranda(clients["hr"])
    assert 'id="beranda-menunggu"' in html and "Ada 1 hal yang menunggu tindakan Anda." in html
    assert reverse("mutasi:kotak_masuk") in html.split('id="beranda-menunggu"', 1)[1]
    assert 'id="beranda-menunggu"' not in _beranda(clients["ppk"])


def test_kartu_pribadi_hanya_untuk_pegawai_biasa(org, clients):
    html = _beranda(clients["anggota"])
    assert 'id="beranda-saya"' in html
    for url in (reverse("mutasi:saya"), reverse("pelatihan:saya"), reverse("evaluasi:saya")):
        assert f'href="{url}"' in html
    for peran in ("hr", "ppk", "kepala"):
        assert 'id="beranda-saya"' not in _beranda(clients[peran]), peran


def test_kartu_pelatihan_sama_dengan_halaman_pelatihan_saya(org, clients):
    dp = DuniaPelatihan(org)
    ini = timezone.localdate().year
    penugasan_buat(org.anggota, dp.p_data, status=SP.SELESAI, tanggal_selesai=date(ini, 1, 3), jp_diperoleh=16)
    penugasan_buat(org.anggota, dp.p_lain, status=SP.SELESAI, tanggal_selesai=date(ini - 1, 12, 1), jp_diperoleh=12)
    penugasan_buat(org.anggota, dp.p_prima)
    penugasan_buat(org.anggota, dp.p_dasar, status=SP.BERLANGSUNG)
    penugasan_buat(org.anggota, dp.p_puskesmas, status=SP.DIBATALKAN)
    penugasan_buat(org.orang_luar, dp.p_prima)  # someone else's

    kartu = _kartu_pelatihan(_beranda(clients["anggota"]))
    assert "16 <span" in kartu and f"/ {settings.PELATIHAN_JP_MINIMAL} JP" in kartu
    assert f"Pengembangan kompetensi {ini}" in kartu
    assert "2 pelatihan harus Anda ikuti" in kartu
    halaman = clients["anggota"].get(reverse("pelatihan:saya")).context
    assert halaman["jp"] == 16 and len(halaman["aktif"]) == 2


def test_kartu_pelatihan_tanpa_penugasan(org, clients):
    kartu = _kartu_pelatihan(_beranda(clients["anggota"]))
    assert "0 <span" in kartu and "Tidak ada pelatihan yang sedang ditugaskan kepada Anda." in kartu


def test_remah_roti_pelatihan_pegawai_mulai_dari_pelatihan_saya(org, clients):
    dp = DuniaPelatihan(org)
    t = penugasan_buat(org.anggota, dp.p_prima)
    saya = reverse("pelatihan:saya")
    html = clients["anggota"].get(saya).content.decode()
    remah = html.split('aria-label="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{saya}"' not in remah and "Pelatihan saya" in remah  # the page itself, not a link
    remah = clients["anggota"].get(reverse("pelatihan:penugasan_detail", args=[t.pk])).content.decode()
    remah = remah.split('aria-label="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert remah.count(f'href="{saya}"') == 1 and reverse("pelatihan:penugasan") not in remah
    # HR's trail goes through the assignment list
    remah = clients["hr"].get(reverse("pelatihan:penugasan_detail", args=[t.pk])).content.decode()
    remah = remah.split('aria-label="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{reverse("pelatihan:penugasan")}"' in remah
