"""Mentoring and adaptation: naming the mentor, the checklist, who ticks, check-ins after 2 and 6
weeks (prompted), and who sees difficulties."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from inti.models import CatatanAudit, Notifikasi
from mutasi.models import StatusUsulan
from pegawai.tests.factories import pegawai_di
from pelatihan import services
from pelatihan.models import CheckInAdaptasi, ItemAdaptasi, Pendampingan
from pelatihan.selectors import adaptasi_daftar, adaptasi_saya, checkin_jatuh_tempo, kandidat_mentor
from pelatihan.services import PelatihanError


@pytest.fixture
def pd(dp):
    return services.pendampingan_tetapkan(usulan=dp.u, mentor=dp.mentor, oleh=dp.kepala_tujuan.akun)


def _tmt_lalu(dp, hari: int):
    dp.u.tmt_usulan = timezone.localdate() - timedelta(days=hari)
    dp.u.save(update_fields=["tmt_usulan"])


# --- Mentor and plan ---------------------------------------------------------------------------------


def test_kandidat_mentor_adalah_staf_aktif_unit_tujuan(dp):
    kandidat = set(kandidat_mentor(dp.u))
    assert kandidat == {dp.kepala_tujuan, dp.mentor}
    nonaktif = pegawai_di(dp.tujuan, aktif=False)
    assert nonaktif not in set(kandidat_mentor(dp.u))


def test_tunjuk_pendamping_membuat_rencana_bawaan(dp, pd, mailoutbox, django_capture_on_commit_callbacks):
    tmt = dp.u.tmt_usulan
    item = list(pd.item.all())
    assert [i.judul for i in item] == [
        "Perkenalan dengan tim",
        "Akses sistem/aplikasi",
        "Prosedur kerja unit",
        "Tugas pertama",
    ]
    assert [i.tenggat for i in item] == [tmt + timedelta(days=d) for d in (3, 7, 14, 30)]
    assert CatatanAudit.objects.filter(aksi="mutasi.pendamping", objek_id=str(dp.u.pk)).exists()


def test_tunjuk_pendamping_mengirim_email_ke_mentor(dp, mailoutbox, django_capture_on_commit_callbacks):
    dp.mentor.email = "mentor@surabaya.go.id"
    dp.mentor.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.pendampingan_tetapkan(usulan=dp.u, mentor=dp.mentor, oleh=dp.org.hr.akun)
    assert mailoutbox[0].to == ["mentor@surabaya.go.id"]
    assert dp.org.anggota.nama_lengkap in mailoutbox[0].body


def test_ganti_pendamping_mempertahankan_rencana(dp, pd):
    ItemAdaptasi.objects.filter(pendampingan=pd, urutan=1).update(selesai_pada=timezone.now())
    lain = pegawai_di(dp.tujuan, akun=True)
    pd2 = services.pendampingan_tetapkan(usulan=dp.u, mentor=lain, oleh=dp.kepala_tujuan.akun)
    assert pd2.pk == pd.pk and pd2.mentor == lain
    assert pd2.item.count() == 4 and pd2.item.filter(selesai_pada__isnull=False).count() == 1


@pytest.mark.parametrize("siapa", ["pegawai_sendiri", "orang_luar", "unit_lain"])
def test_pendamping_harus_staf_unit_tujuan(dp, siapa):
    mentor = {"pegawai_sendiri": dp.org.anggota, "orang_luar": dp.org.orang_luar, "unit_lain": dp.org.kepala}[siapa]
    with pytest.raises(PelatihanError, match="Pendamping harus pegawai aktif di unit tujuan"):
        services.pendampingan_tetapkan(usulan=dp.u, mentor=mentor, oleh=dp.kepala_tujuan.akun)
    assert not Pendampingan.objects.exists()


@pytest.mark.parametrize("peran", ["kepala", "ppk", "anggota", "orang_luar"])
def test_hanya_kepala_tujuan_atau_hr_yang_menunjuk(dp, peran):
    with pytest.raises(PelatihanError, match="Hanya kepala unit tujuan"):
        services.pendampingan_tetapkan(usulan=dp.u, mentor=dp.mentor, oleh=getattr(dp.org, peran).akun)


def test_pendampingan_untuk_mutasi_yang_diputuskan_saja(dp):
    u = dp.usulan(pegawai=dp.org.orang_luar, status=StatusUsulan.DILEPAS)
    with pytest.raises(PelatihanError, match="sudah diputuskan"):
        services.pendampingan_tetapkan(usulan=u, mentor=dp.mentor, oleh=dp.org.hr.akun)


def test_database_satu_pendamping_per_usulan(dp, pd):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pendampingan.objects.create(usulan=dp.u, mentor=dp.kepala_tujuan)


def test_kelola_kegiatan_rencana(dp, pd):
    item = services.item_simpan(
        pendampingan=pd, oleh=dp.kepala_tujuan.akun, judul="Kunjungan posyandu", tenggat=dp.u.tmt_usulan
    )
    assert item.urutan == 5
    with pytest.raises(PelatihanError, match="sudah ada"):
        services.item_simpan(pendampingan=pd, oleh=dp.org.hr.akun, judul="kunjungan POSYANDU", tenggat=dp.u.tmt_usulan)
    services.item_simpan(
        pendampingan=pd, oleh=dp.org.hr.akun, judul="Kunjungan posyandu wilayah", tenggat=dp.u.tmt_usulan, item=item
    )
    item.refresh_from_db()
    assert item.judul == "Kunjungan posyandu wilayah"
    with pytest.raises(PelatihanError, match="Hanya kepala unit tujuan"):
        services.item_hapus(item=item, oleh=dp.mentor.akun)
    services.item_hapus(item=item, oleh=dp.kepala_tujuan.akun)
    assert pd.item.count() == 4


# --- Ticking ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("siapa", ["anggota", "mentor"])
def test_pegawai_dan_mentor_mencentang(dp, pd, siapa):
    user = dp.org.anggota.akun if siapa == "anggota" else dp.mentor.akun
    item = pd.item.first()
    services.item_centang(item=item, oleh=user, selesai=True)
    assert item.selesai and item.selesai_oleh == user
    services.item_centang(item=item, oleh=user, selesai=False)
    assert not item.selesai and item.selesai_oleh is None


@pytest.mark.parametrize("peran", ["kepala_tujuan", "hr", "kepala", "orang_luar"])
def test_yang_lain_tidak_mencentang(dp, pd, peran):
    user = dp.kepala_tujuan.akun if peran == "kepala_tujuan" else getattr(dp.org, peran).akun
    with pytest.raises(PelatihanError, match="Hanya pegawai yang dimutasi dan pendampingnya"):
        services.item_centang(item=pd.item.first(), oleh=user, selesai=True)


def test_database_pencentang_hanya_bila_selesai(dp, pd):
    with pytest.raises(IntegrityError), transaction.atomic():
        ItemAdaptasi.objects.filter(pk=pd.item.first().pk).update(selesai_oleh=dp.mentor.akun)


# --- Check-ins -------------------------------------------------------------------------------------------


def test_checkin_jatuh_tempo_setelah_2_dan_6_minggu(dp):
    tmt = dp.u.tmt_usulan
    assert checkin_jatuh_tempo(dp.u, hari_ini=tmt + timedelta(days=13)) == []
    assert checkin_jatuh_tempo(dp.u, hari_ini=tmt + timedelta(weeks=2)) == [2]
    assert checkin_jatuh_tempo(dp.u, hari_ini=tmt + timedelta(weeks=6)) == [2, 6]
    CheckInAdaptasi.objects.create(usulan=dp.u, minggu_ke=2, isi="Baik.")
    assert checkin_jatuh_tempo(dp.u, hari_ini=tmt + timedelta(weeks=6)) == [6]


def test_checkin_ditulis_pegawai_pada_waktunya(dp):
    tmt = dp.u.tmt_usulan
    with pytest.raises(PelatihanError, match="dapat ditulis mulai"):
        services.checkin_tulis(
            usulan=dp.u, oleh=dp.org.anggota.akun, minggu_ke=2, isi="Baik.", hari_ini=tmt + timedelta(days=3)
        )
    c = services.checkin_tulis(
        usulan=dp.u, oleh=dp.org.anggota.akun, minggu_ke=2, isi="Tim ramah.", hari_ini=tmt + timedelta(days=15)
    )
    assert c.minggu_ke == 2 and not c.kesulitan
    with pytest.raises(PelatihanError, match="sudah ditulis"):
        services.checkin_tulis(
            usulan=dp.u, oleh=dp.org.anggota.akun, minggu_ke=2, isi="Lagi.", hari_ini=tmt + timedelta(days=16)
        )


@pytest.mark.parametrize("peran", ["mentor", "kepala_tujuan", "hr"])
def test_checkin_hanya_oleh_pegawai_yang_dimutasi(dp, peran):
    user = {"mentor": dp.mentor, "kepala_tujuan": dp.kepala_tujuan, "hr": dp.org.hr}[peran].akun
    with pytest.raises(PelatihanError, match="Hanya pegawai yang dimutasi"):
        services.checkin_tulis(
            usulan=dp.u, oleh=user, minggu_ke=2, isi="x", hari_ini=dp.u.tmt_usulan + timedelta(days=20)
        )


def test_checkin_kesulitan_wajib_diuraikan_dan_dikabarkan(dp, mailoutbox, django_capture_on_commit_callbacks):
    hari = dp.u.tmt_usulan + timedelta(weeks=6)
    with pytest.raises(PelatihanError, match="Uraikan kesulitan"):
        services.checkin_tulis(
            usulan=dp.u, oleh=dp.org.anggota.akun, minggu_ke=6, isi="x", kesulitan=True, hari_ini=hari
        )
    dp.org.hr.akun.email = "bkpsdm@surabaya.go.id"
    dp.org.hr.akun.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.checkin_tulis(
            usulan=dp.u,
            oleh=dp.org.anggota.akun,
            minggu_ke=6,
            isi="Masih menyesuaikan.",
            kesulitan=True,
            kesulitan_isi="Belum mendapat akses aplikasi SIMPUS.",
            hari_ini=hari,
        )
    # One mail per person (each chose their own channel), and a notice in each one's notice centre.
    assert sorted(a for m in mailoutbox for a in m.to) == ["bkpsdm@surabaya.go.id", "kapus@surabaya.go.id"]
    assert all("SIMPUS" in m.body for m in mailoutbox)
    assert set(Notifikasi.objects.filter(jenis="pelatihan.kesulitan").values_list("penerima", flat=True)) == {
        dp.org.hr.akun.pk,
        dp.kepala_tujuan.akun.pk,
    }


def test_ajakan_checkin_di_pelatihan_saya(c, dp):
    _tmt_lalu(dp, 16)
    html = c["anggota"].get(reverse("pelatihan:saya")).content.decode()
    assert f'id="ajakan-checkin-{dp.u.pk}-2"' in html
    assert f'id="ajakan-checkin-{dp.u.pk}-6"' not in html
    assert adaptasi_saya(dp.org.anggota.akun)[0].jatuh_tempo == [2]


# --- Pages --------------------------------------------------------------------------------------------------


def _kode(klien, url, method="get", data=None):
    return getattr(klien, method)(url, data or {}).status_code


def test_halaman_adaptasi_per_peran(c, dp, pd):
    url = reverse("pelatihan:adaptasi", args=[dp.u.pk])
    assert _kode(c["anon"], url) == 302
    for peran in ("hr", "ppk", "anggota", "mentor", "kepala_tujuan"):
        assert _kode(c[peran], url) == 200, peran
    # The sending head and outsiders do not see the new unit's plan.
    for peran in ("kepala", "orang_luar"):
        assert _kode(c[peran], url) == 404, peran


def test_mentor_tidak_melihat_checkin_kepala_dan_hr_melihat_kesulitan(c, dp, pd):
    CheckInAdaptasi.objects.create(
        usulan=dp.u, minggu_ke=2, isi="Baik.", kesulitan=True, kesulitan_isi="Belum ada meja kerja."
    )
    url = reverse("pelatihan:adaptasi", args=[dp.u.pk])
    assert "Belum ada meja kerja" not in c["mentor"].get(url).content.decode()
    for peran in ("kepala_tujuan", "hr", "anggota"):
        assert "Belum ada meja kerja" in c[peran].get(url).content.decode(), peran
    # On the proposal page, the receiving head and HR get the warning.
    html = c["kepala_tujuan"].get(reverse("mutasi:detail", args=[dp.u.pk])).content.decode()
    assert 'id="ada-kesulitan"' in html
    assert 'id="ada-kesulitan"' not in c["kepala"].get(reverse("mutasi:detail", args=[dp.u.pk])).content.decode()


def test_daftar_adaptasi_lingkup(c, dp, pd):
    url = reverse("pelatihan:adaptasi_daftar")
    assert _kode(c["anon"], url) == 302
    for peran, terlihat in [
        ("hr", True),
        ("ppk", True),
        ("kepala_tujuan", True),
        ("mentor", True),
        ("anggota", True),
        ("kepala", False),
        ("orang_luar", False),
    ]:
        r = c[peran].get(url)
        assert r.status_code == 200
        assert (dp.u in list(r.context["page_obj"])) is terlihat, peran


def test_daftar_adaptasi_saringan_dan_kemajuan(dp, pd):
    u2 = dp.usulan(pegawai=dp.org.orang_luar)
    CheckInAdaptasi.objects.create(usulan=dp.u, minggu_ke=2, isi="x", kesulitan=True, kesulitan_isi="y")
    ItemAdaptasi.objects.filter(pendampingan=pd, urutan__lte=2).update(selesai_pada=timezone.now())
    hr = dp.org.hr.akun
    baris = {u.pk: u for u in adaptasi_daftar(hr)}
    assert (baris[dp.u.pk].item_selesai, baris[dp.u.pk].item_total, baris[dp.u.pk].jumlah_checkin) == (2, 4, 1)
    assert [u.pk for u in adaptasi_daftar(hr, kesulitan=True)] == [dp.u.pk]
    assert [u.pk for u in adaptasi_daftar(hr, tanpa_mentor=True)] == [u2.pk]


def test_post_pendamping_per_peran(c, dp):
    url = reverse("pelatihan:adaptasi_mentor", args=[dp.u.pk])
    data = {"mentor": dp.mentor.pk}
    assert _kode(c["anon"], url, "post", data) == 302
    assert _kode(c["orang_luar"], url, "post", data) == 404
    assert _kode(c["kepala"], url, "post", data) == 404
    assert _kode(c["mentor"], url, "post", data) == 404  # not named yet: the plan is not theirs
    for peran in ("anggota", "ppk"):  # they see the plan; the service refuses them with a message
        r = c[peran].post(url, data, follow=True)
        assert "Hanya kepala unit tujuan atau staf BKPSDM" in r.content.decode(), peran
    assert not Pendampingan.objects.exists()
    assert _kode(c["kepala_tujuan"], url, "post", data) == 302
    assert Pendampingan.objects.get().mentor == dp.mentor


def test_post_kegiatan_per_peran(c, dp, pd):
    url = reverse("pelatihan:adaptasi_item_tambah", args=[dp.u.pk])
    data = {"judul": "Pelatihan SIMPUS", "tenggat": dp.u.tmt_usulan.isoformat()}
    assert _kode(c["anon"], url, "post", data) == 302
    assert _kode(c["orang_luar"], url, "post", data) == 404
    for peran in ("anggota", "mentor"):
        r = c[peran].post(url, data, follow=True)
        assert "Hanya kepala unit tujuan atau staf BKPSDM" in r.content.decode(), peran
    assert not pd.item.filter(judul="Pelatihan SIMPUS").exists()
    assert _kode(c["kepala_tujuan"], url, "post", data) == 302
    item = pd.item.get(judul="Pelatihan SIMPUS")
    ubah = reverse("pelatihan:adaptasi_item_ubah", args=[item.pk])
    r = c["mentor"].post(ubah, {"hapus": "1"}, follow=True)
    assert "Hanya kepala unit tujuan atau staf BKPSDM" in r.content.decode()
    assert pd.item.filter(pk=item.pk).exists()
    assert _kode(c["orang_luar"], ubah, "post", {"hapus": "1"}) == 404
    assert _kode(c["hr"], ubah, "post", {"judul": "Pelatihan SIMPUS dasar", "tenggat": data["tenggat"]}) == 302
    item.refresh_from_db()
    assert item.judul == "Pelatihan SIMPUS dasar"
    assert _kode(c["kepala_tujuan"], ubah, "post", {"hapus": "1"}) == 302
    assert not pd.item.filter(pk=item.pk).exists()


def test_post_centang_per_peran(c, dp, pd):
    item = pd.item.first()
    url = reverse("pelatihan:adaptasi_item_centang", args=[item.pk])
    assert _kode(c["anon"], url, "post", {"selesai": "1"}) == 302
    assert _kode(c["orang_luar"], url, "post", {"selesai": "1"}) == 404
    c["kepala_tujuan"].post(url, {"selesai": "1"})
    item.refresh_from_db()
    assert not item.selesai
    assert _kode(c["mentor"], url, "post", {"selesai": "1"}) == 302
    item.refresh_from_db()
    assert item.selesai and item.selesai_oleh == dp.mentor.akun
    c["anggota"].post(url, {"selesai": "0"})
    item.refresh_from_db()
    assert not item.selesai


def test_post_checkin_per_peran_dan_isian_tidak_hilang(c, dp, pd):
    _tmt_lalu(dp, 20)
    url = reverse("pelatihan:adaptasi_checkin", args=[dp.u.pk])
    data = {"minggu_ke": 2, "isi": "Tim sangat membantu.", "kesulitan": "on", "kesulitan_isi": ""}
    assert _kode(c["anon"], url, "post", data) == 302
    assert _kode(c["orang_luar"], url, "post", data) == 404
    for peran in ("mentor", "kepala_tujuan", "hr"):
        r = c[peran].post(url, {**data, "kesulitan_isi": "Belum hafal wilayah."}, follow=True)
        assert "Hanya pegawai yang dimutasi" in r.content.decode(), peran
    assert not CheckInAdaptasi.objects.exists()
    r = c["anggota"].post(url, data)
    assert r.status_code == 200 and "Tim sangat membantu." in r.content.decode()
    assert "Uraikan kesulitan" in r.content.decode()
    r = c["anggota"].post(url, {**data, "minggu_ke": 6, "kesulitan_isi": "Shift malam."})
    assert "dapat ditulis mulai" in r.content.decode()
    r = c["anggota"].post(url, {**data, "kesulitan_isi": "Belum hafal wilayah."})
    assert r.status_code == 302
    assert CheckInAdaptasi.objects.get().kesulitan_isi == "Belum hafal wilayah."


def test_daftar_adaptasi_query_tetap(c, dp, pd):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def hitung():
        with CaptureQueriesContext(connection) as ctx:
            assert c["hr"].get(reverse("pelatihan:adaptasi_daftar")).status_code == 200
        return len(ctx.captured_queries)

    awal = hitung()
    for _ in range(8):
        u = dp.usulan(pegawai=pegawai_di(dp.org.subunit))
        services.pendampingan_tetapkan(usulan=u, mentor=dp.mentor, oleh=dp.org.hr.akun)
        CheckInAdaptasi.objects.create(usulan=u, minggu_ke=2, isi="x")
    assert hitung() == awal
