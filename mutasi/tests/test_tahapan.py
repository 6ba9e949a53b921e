"""Employees follow their own case (issue 16, item 4): each stage of their request and of the
proposal made from it, with dates and who acts next; transfers others proposed from the stage
MUTASI_PEGAWAI_LIHAT_SEJAK names; no approver's note on the page; nobody else's case."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from mutasi.models import StatusUsulan
from mutasi.selectors import mutasi_saya, tahapan_permohonan, tahapan_usulan, usulan_terlihat
from mutasi.selectors.tahapan import BERAKHIR, NANTI, SEKARANG, SELESAI
from mutasi.services.alur import usulan_transisi
from mutasi.services.permohonan import permohonan_buat, permohonan_tautkan, permohonan_tolak

pytestmark = pytest.mark.django_db
S = StatusUsulan
ALASAN = "Saya ingin lebih dekat dengan keluarga yang sedang sakit."
RAHASIA = "Catatan internal kepala: kinerja kurang"


def _menunggu(tahapan):
    sekarang = [t for t in tahapan if t.keadaan == SEKARANG]
    return sekarang[0].menunggu if sekarang else ""


def _dari_permohonan(dunia):
    o = dunia.org
    p = permohonan_buat(oleh=o.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[dunia.tujuan])
    u = dunia.usulan()
    permohonan_tautkan(oleh=o.hr.akun, permohonan=p, usulan=u)
    return p, u


def test_tahapan_permohonan(dunia):
    o = dunia.org
    p = permohonan_buat(oleh=o.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    t = tahapan_permohonan(p)
    assert [(x.keadaan, x.menunggu) for x in t] == [(SELESAI, ""), (SEKARANG, "BKPSDM")]
    assert t[0].waktu is not None
    permohonan_tolak(oleh=o.hr.akun, permohonan=p, alasan="Formasi unit tujuan sudah penuh.")
    p.refresh_from_db()
    t = tahapan_permohonan(p)
    assert [x.keadaan for x in t] == [SELESAI, BERAKHIR] and t[1].label == "Ditolak" and t[1].waktu


def test_tahapan_usulan_dari_permohonan_setiap_langkah(dunia):
    """Every stage, submitted to carried out: its date once reached, who acts next while waiting."""
    p, u = _dari_permohonan(dunia)
    assert [x.keadaan for x in tahapan_permohonan(p)] == [SELESAI, SELESAI]
    assert _menunggu(tahapan_usulan(u)) == "BKPSDM"  # the draft HR made: HR submits it
    harapan = [
        (S.DIAJUKAN, "Kepala Kecamatan Mulyorejo"),  # the sub-unit has no head: its parent's
        (S.DILEPAS, "Kepala Dinas Kesehatan"),
        (S.DITERIMA, "BKPSDM"),
        (S.DIVERIFIKASI, "PPK"),
        (S.DIPUTUSKAN, "BKPSDM"),
    ]
    for i, (status, siapa) in enumerate(harapan):
        u = dunia.sampai(status, usulan=u)
        t = tahapan_usulan(u)
        assert len(t) == 7
        assert [x.keadaan for x in t] == [SELESAI] * (i + 1) + [SEKARANG] + [NANTI] * (5 - i), status
        assert all(x.waktu for x in t[: i + 1]) and not any(x.waktu for x in t[i + 1 :])
        assert _menunggu(t) == siapa, status
    u = dunia.sampai(S.DILAKSANAKAN, usulan=u)  # the decree signed, carried out on its TMT
    t = tahapan_usulan(u)
    assert [x.keadaan for x in t] == [SELESAI] * 7 and all(x.waktu for x in t)


def test_tahapan_sk_terbit_menunggu_tmt(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    t = tahapan_usulan(u)
    assert [x.keadaan for x in t] == [SELESAI] * 6 + [SEKARANG]
    assert _menunggu(t) == f"BKPSDM (pelaksanaan pada TMT {u.tmt:%d-%m-%Y})"


def test_tahapan_berakhir_saat_ditolak(dunia):
    u = dunia.sampai(S.DILEPAS)
    u = usulan_transisi(usulan=u, aksi="tolak", oleh=dunia.kepala_tujuan.akun, catatan=RAHASIA)
    t = tahapan_usulan(u)
    assert [x.keadaan for x in t] == [SELESAI, SELESAI, BERAKHIR]
    assert t[-1].label == "Ditolak" and t[-1].waktu and not t[-1].menunggu
    assert all(RAHASIA not in (x.label + x.menunggu) for x in t)


def test_halaman_saya_menampilkan_nomor_tahapan_tanpa_catatan(dunia, clients):
    o = dunia.org
    r = clients["anggota"].post(reverse("mutasi:permohonan_baru"), {"jenis": "DALAM", "alasan": ALASAN}, follow=True)
    halaman = r.content.decode()
    from mutasi.models import PermohonanMutasi

    p = PermohonanMutasi.objects.get()
    assert f"nomor registrasi {p.nomor}" in halaman  # the success message
    assert p.nomor in halaman and "Permohonan diajukan" in halaman and "Menunggu: BKPSDM" in halaman
    u = dunia.usulan()
    permohonan_tautkan(oleh=o.hr.akun, permohonan=p, usulan=u)
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=o.hr.akun, catatan=RAHASIA + " (ajukan)")
    u = usulan_transisi(usulan=u, aksi="kembalikan", oleh=o.kepala.akun, catatan=RAHASIA + " (kembalikan)")
    u = usulan_transisi(usulan=u, aksi="ajukan", oleh=o.hr.akun)
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=o.kepala.akun, catatan=RAHASIA + " (lepas)")
    halaman = clients["anggota"].get(reverse("mutasi:saya")).content.decode()
    assert f'id="tahapan-{u.pk}"' in halaman and "Menunggu: Kepala Dinas Kesehatan" in halaman
    assert "Disetujui unit asal" in halaman and "Dibuatkan usulan mutasi" in halaman
    assert RAHASIA not in halaman
    assert o.kepala.nama not in halaman and o.hr.nama not in halaman  # who acted: never named
    # The proposal's own page (with the notes) stays closed until the decision.
    assert clients["anggota"].get(reverse("mutasi:detail", args=[u.pk])).status_code == 404


def test_orang_lain_tidak_melihat(dunia, clients):
    p, u = _dari_permohonan(dunia)
    u = dunia.sampai(S.DIPUTUSKAN, usulan=u)
    lain = clients["orang_luar"]
    assert lain.get(reverse("mutasi:permohonan_detail", args=[p.pk])).status_code == 404
    assert lain.get(reverse("mutasi:detail", args=[u.pk])).status_code == 404
    halaman = lain.get(reverse("mutasi:saya")).content.decode()
    assert p.nomor not in halaman and f'id="tahapan-{u.pk}"' not in halaman
    assert clients["anggota"].get(reverse("mutasi:detail", args=[u.pk])).status_code == 200


@pytest.mark.parametrize(
    ("sejak", "sebelum"),
    [
        ("DIAJUKAN", None),
        ("DILEPAS", S.DIAJUKAN),
        ("DITERIMA", S.DILEPAS),
        ("DIVERIFIKASI", S.DITERIMA),
        ("DIPUTUSKAN", S.DIVERIFIKASI),
    ],
)
def test_pengaturan_lihat_sejak(dunia, settings, sejak, sebelum):
    """One status before the setting's: not on the employee's page; at it: on it."""
    settings.MUTASI_PEGAWAI_LIHAT_SEJAK = sejak
    akun = dunia.org.anggota.akun
    u = dunia.usulan()  # HR's own proposal, not from a request
    assert u not in mutasi_saya(akun)  # a draft: never
    if sebelum is not None:
        u = dunia.sampai(sebelum, usulan=u)
        assert u not in mutasi_saya(akun)
    u = dunia.sampai(sejak, usulan=u)
    assert u in mutasi_saya(akun)


def test_pengaturan_sesudah_keputusan_dan_yang_sudah_lewat(dunia, settings):
    akun = dunia.org.anggota.akun
    settings.MUTASI_PEGAWAI_LIHAT_SEJAK = "SK_TERBIT"
    u = dunia.sampai(S.DIPUTUSKAN)
    assert u not in mutasi_saya(akun) and u not in usulan_terlihat(akun)  # its page follows too
    u = dunia.sampai(S.SK_TERBIT, usulan=u)
    assert u in mutasi_saya(akun) and u in usulan_terlihat(akun)
    # Reached once, then cancelled: still the employee's to see (from the history).
    settings.MUTASI_PEGAWAI_LIHAT_SEJAK = "DILEPAS"
    v = dunia.sampai(S.DITERIMA, pegawai=dunia.org.orang_luar)
    v = usulan_transisi(usulan=v, aksi="batalkan", oleh=dunia.org.hr.akun, catatan="Formasi berubah.")
    assert v in mutasi_saya(dunia.org.orang_luar.akun)
    assert v not in usulan_terlihat(dunia.org.orang_luar.akun)  # never decided: no page


def test_pengaturan_salah_ditolak(dunia, settings):
    settings.MUTASI_PEGAWAI_LIHAT_SEJAK = "DRAFT"
    with pytest.raises(ImproperlyConfigured):
        list(mutasi_saya(dunia.org.anggota.akun))


def test_hr_dan_kepala_tidak_terpengaruh(dunia, settings, clients):
    o = dunia.org
    u = dunia.sampai(S.DILEPAS)
    v = dunia.sampai(S.DIAJUKAN, pegawai=o.orang_luar)
    siapa = [o.hr, o.ppk, o.kepala, dunia.kepala_tujuan]

    def terlihat():
        return {x.pk: set(usulan_terlihat(x.akun).values_list("pk", flat=True)) for x in siapa}

    awal = terlihat()
    settings.MUTASI_PEGAWAI_LIHAT_SEJAK = "DIAJUKAN"
    assert terlihat() == awal
    assert {u.pk, v.pk} <= awal[o.hr.pk]
    for c in ("hr", "kepala", "ppk"):
        assert clients[c].get(reverse("mutasi:detail", args=[u.pk])).status_code == 200
    assert clients["hr"].get(reverse("mutasi:daftar")).status_code == 200
    # The employee now sees both of theirs on their page, but not their pages (undecided).
    assert u in mutasi_saya(o.anggota.akun) and v in mutasi_saya(o.orang_luar.akun)
    assert clients["anggota"].get(reverse("mutasi:detail", args=[u.pk])).status_code == 404


def test_konsep_sk_menunggu_ppk(dunia):
    from mutasi.services.sk_konsep import sk_siapkan
    from mutasi.tests.helpers import TMT

    u = dunia.sampai(S.DIPUTUSKAN)
    assert _menunggu(tahapan_usulan(u)) == "BKPSDM"  # HR prepares the decree
    sk_siapkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    assert _menunggu(tahapan_usulan(u)) == "PPK"  # the draft waits for his signature


def test_halaman_permohonan_nomor_dan_tahapan(dunia, clients):
    p, u = _dari_permohonan(dunia)
    hr = clients["hr"].get(reverse("mutasi:permohonan_detail", args=[p.pk])).content.decode()
    assert p.nomor in hr and "Tahapan permohonan" in hr and reverse("mutasi:detail", args=[u.pk]) in hr
    assert p.nomor in clients["hr"].get(reverse("mutasi:permohonan_daftar") + "?status=DIPROSES").content.decode()
    sendiri = clients["anggota"].get(reverse("mutasi:permohonan_detail", args=[p.pk])).content.decode()
    # Undecided: the proposal's page is not theirs yet; the link leads to its stages on their page.
    assert f"#tahapan-{u.pk}" in sendiri and reverse("mutasi:detail", args=[u.pk]) + '"' not in sendiri


def test_hr_mencari_nomor_registrasi(dunia, clients):
    o = dunia.org
    a = permohonan_buat(oleh=o.anggota.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    b = permohonan_buat(oleh=o.orang_luar.akun, jenis="DALAM", alasan=ALASAN, unit_pilihan=[])
    permohonan_tolak(oleh=o.hr.akun, permohonan=a, alasan="Formasi unit tujuan sudah penuh.")
    url = reverse("mutasi:permohonan_daftar")
    hasil = clients["hr"].get(url, {"q": a.nomor.lower()}).content.decode()  # answered: found all the same
    assert a.nomor in hasil and b.nomor not in hasil
    assert clients["anggota"].get(url, {"q": a.nomor}).status_code in (302, 403, 404)
