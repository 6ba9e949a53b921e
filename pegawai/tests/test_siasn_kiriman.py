"""The SIASN outbox: a row per position taken up, written in the mover's transaction and only when
SIASN is on; the sender (service, task, `kirim_siasn`) with backoff through an outage, refusals
marked failed for HR to resend, and a push whose answer was lost never sent twice."""

import threading
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from inti.galat import LayananError
from inti.models import CatatanAudit
from pegawai.models import JenisJabatan, KirimanSiasn, StatusKiriman
from pegawai.services.pindah import pindah_jabatan_catat, pindah_terapkan_jatuh_tempo
from pegawai.services.siasn import jeda_berikut, siasn_antrekan_jabatan, siasn_kirim_jatuh_tempo, siasn_kirim_ulang
from pegawai.tasks import siasn_kirim_tugas
from pegawai.tests.factories import JabatanFactory
from pegawai.tests.palsu_siasn import rekaman_muat

SK = StatusKiriman
HARI = date(2026, 12, 6)


@pytest.fixture
def tujuan(org):
    org.lain.id_siasn = "UNOR-DINSOS"
    org.lain.save()
    return JabatanFactory(nama="Pengelola Data", jenis=JenisJabatan.PELAKSANA, id_siasn="JFU-PD")


def _antre(org, tujuan, nomor="800/1/436.7.2/2026", tmt=HARI):
    return siasn_antrekan_jabatan(
        pegawai=org.anggota,
        unit=org.lain,
        jabatan=tujuan,
        nomor_sk=nomor,
        tanggal_sk=tmt - timedelta(days=5),
        tmt=tmt,
        sumber="uji",
    )


@pytest.mark.django_db
def test_nothing_is_queued_when_siasn_is_off(org, tujuan):
    pindah_jabatan_catat(oleh=org.hr.akun, pegawai=org.anggota, unit=org.lain, jabatan=tujuan, tmt=HARI, hari_ini=HARI)
    assert _antre(org, tujuan) is None
    assert not KirimanSiasn.objects.exists()


@pytest.mark.django_db
def test_a_manual_move_queues_its_position_and_wakes_the_worker(org, tujuan, siasn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as antre:
        pindah_jabatan_catat(
            oleh=org.hr.akun,
            pegawai=org.anggota,
            unit=org.lain,
            jabatan=tujuan,
            tmt=HARI,
            nomor_sk="800/9/436.7.2/2026",
            tanggal_sk=HARI,
            hari_ini=HARI,
        )
    k = KirimanSiasn.objects.get()
    assert (k.pegawai, k.status, k.sumber) == (org.anggota, SK.MENUNGGU, "Pindah jabatan manual")
    assert k.payload == {
        "nip": org.anggota.nip,
        "unit_id": org.lain.pk,
        "unit": org.lain.nama,
        "jabatan_id": tujuan.pk,
        "jabatan": tujuan.nama,
        "jenis_jabatan": "PELAKSANA",
        "nomor_sk": "800/9/436.7.2/2026",
        "tanggal_sk": HARI.isoformat(),
        "tmt": HARI.isoformat(),
    }
    assert list(k.riwayat_status.values_list("aksi", "ke")) == [("antrekan", SK.MENUNGGU)]
    kirim = [f for f in antre if f.__qualname__ == "_kirim_nanti.<locals>.antre"]
    assert len(kirim) == 1  # the send task is queued after the commit


@pytest.mark.django_db
def test_a_scheduled_move_queues_on_its_tmt(org, tujuan, siasn):
    tmt = HARI + timedelta(days=10)
    pindah_jabatan_catat(oleh=org.hr.akun, pegawai=org.anggota, unit=org.lain, jabatan=tujuan, tmt=tmt, hari_ini=HARI)
    assert not KirimanSiasn.objects.exists()
    pindah_terapkan_jatuh_tempo(hari_ini=tmt)
    assert KirimanSiasn.objects.get().sumber.startswith("Pindah jabatan terjadwal #")


@pytest.mark.django_db
def test_the_row_lives_and_dies_with_the_callers_transaction(org, tujuan, siasn):
    with pytest.raises(RuntimeError), transaction.atomic():
        _antre(org, tujuan)
        assert KirimanSiasn.objects.count() == 1
        raise RuntimeError("langkah berikutnya gagal")
    assert not KirimanSiasn.objects.exists()


@pytest.mark.django_db
def test_sending_pushes_the_documented_body_and_records_siasns_id(org, tujuan, siasn):
    siasn.daftar(org.anggota.nip)
    k = _antre(org, tujuan)
    laporan = siasn_kirim_jatuh_tempo()
    assert laporan.terkirim == [k.pk]
    k.refresh_from_db()
    assert k.status == SK.TERKIRIM and k.id_siasn.startswith("RW-") and k.terkirim_pada and k.percobaan == 1
    badan = siasn.jalur("/apisiasn/1.0/jabatan/save")[0]["json"]
    assert badan == {
        "id": None,
        "pnsId": f"PNS-{org.anggota.nip}",
        "instansiId": "INSTANSI-SBY",
        "satuanKerjaId": "SATKER-SBY",
        "unorId": "UNOR-DINSOS",
        "jenisJabatan": "4",
        "eselonId": "",
        "jabatanFungsionalId": "",
        "jabatanFungsionalUmumId": "JFU-PD",
        "nomorSk": "800/1/436.7.2/2026",
        "tanggalSk": "01-12-2026",
        "tmtJabatan": "06-12-2026",
        "tmtPelantikan": "",
    }
    assert list(k.riwayat_status.values_list("aksi", flat=True)) == ["antrekan", "terkirim"]
    audit = CatatanAudit.objects.get(aksi="pegawai.siasn_kiriman.terkirim")
    assert audit.perubahan["status"] == [SK.MENUNGGU, SK.TERKIRIM] and audit.perubahan["id_siasn"] == k.id_siasn
    assert siasn_kirim_jatuh_tempo().terkirim == []  # nothing due any more


@pytest.mark.django_db
def test_a_refusal_fails_the_row_and_hr_sends_it_again(org, tujuan, siasn):
    siasn.daftar(org.anggota.nip)
    k = _antre(org, tujuan)
    siasn.mode = "tolak_simpan"
    assert siasn_kirim_jatuh_tempo().gagal == [k.pk]
    k.refresh_from_db()
    assert k.status == SK.GAGAL and "Unor tidak ditemukan" in k.galat_terakhir
    with pytest.raises(LayananError, match="staf BKPSDM"):
        siasn_kirim_ulang(oleh=org.anggota.akun, kiriman=k)
    siasn.mode = "normal"
    siasn_kirim_ulang(oleh=org.hr.akun, kiriman=k)
    k.refresh_from_db()
    assert (k.status, k.percobaan) == (SK.MENUNGGU, 0) and k.coba_lagi_pada <= timezone.now()
    assert siasn_kirim_jatuh_tempo().terkirim == [k.pk]
    assert list(k.riwayat_status.values_list("aksi", flat=True)) == ["antrekan", "gagal", "kirim_ulang", "terkirim"]
    assert CatatanAudit.objects.filter(aksi="pegawai.siasn_kiriman.kirim_ulang", oleh=org.hr.akun).exists()


@pytest.mark.django_db
def test_a_unit_without_its_siasn_id_is_refused_with_what_to_do(org, tujuan, siasn):
    siasn.daftar(org.anggota.nip)
    org.lain.id_siasn = ""
    org.lain.save()
    k = _antre(org, tujuan)
    siasn_kirim_jatuh_tempo()
    k.refresh_from_db()
    assert k.status == SK.GAGAL and "belum punya ID unor SIASN" in k.galat_terakhir
    assert not siasn.jalur("/apisiasn/")  # refused before anything was sent


@pytest.mark.django_db
def test_an_outage_for_a_while_then_success_nothing_lost(org, tujuan, siasn, settings):
    settings.SIASN_ULANG = 0
    siasn.daftar(org.anggota.nip)
    k1 = _antre(org, tujuan, nomor="1")
    k2 = _antre(org, tujuan, nomor="2", tmt=HARI + timedelta(days=1))
    siasn.mode = "sibuk_503"
    laporan = siasn_kirim_jatuh_tempo()
    assert laporan.ditunda == [k1.pk] and laporan.terkirim == [] and laporan.gagal == []
    k1.refresh_from_db()
    assert k1.status == SK.MENUNGGU and k1.percobaan == 1 and "gangguan" in k1.galat_terakhir
    assert timedelta(minutes=4) < k1.coba_lagi_pada - timezone.now() <= timedelta(minutes=5)
    k2.refresh_from_db()
    assert k2.percobaan == 0  # SIASN is down: the others wait for the next run
    # the whole day: every run finds SIASN down, the waits grow, nothing is given up
    for _ in range(6):
        KirimanSiasn.objects.update(coba_lagi_pada=timezone.now() - timedelta(seconds=1))
        siasn_kirim_jatuh_tempo()
    k1.refresh_from_db()
    assert k1.status == SK.MENUNGGU and k1.percobaan == 7
    assert k1.coba_lagi_pada - timezone.now() > timedelta(minutes=115)  # capped at SIASN_KIRIM_JEDA_MAKS_MENIT
    siasn.mode = "normal"
    KirimanSiasn.objects.update(coba_lagi_pada=timezone.now() - timedelta(seconds=1))
    assert sorted(siasn_kirim_jatuh_tempo().terkirim) == sorted([k1.pk, k2.pk])
    assert KirimanSiasn.objects.filter(status=SK.TERKIRIM).count() == 2
    assert len(siasn.rw_jabatan[org.anggota.nip]) == 2


def test_backoff_doubles_and_is_capped(settings):
    settings.SIASN_KIRIM_JEDA_MENIT, settings.SIASN_KIRIM_JEDA_MAKS_MENIT = 5, 120
    assert [jeda_berikut(n).seconds // 60 for n in (1, 2, 3, 4, 5, 6, 12)] == [5, 10, 20, 40, 80, 120, 120]


@pytest.mark.django_db
def test_a_push_whose_answer_was_lost_is_not_sent_twice(org, tujuan, siasn):
    siasn.daftar(org.anggota.nip)
    k = _antre(org, tujuan)
    # an earlier attempt reached SIASN, but its answer never came back
    sampai = {"id": "RW-SUDAH", "nomorSk": k.payload["nomor_sk"], "tmtJabatan": "06-12-2026"}
    siasn.rw_jabatan[org.anggota.nip].append(sampai)
    KirimanSiasn.objects.filter(pk=k.pk).update(percobaan=1, galat_terakhir="SIASN tidak menjawab dalam batas waktu.")
    assert siasn_kirim_jatuh_tempo().terkirim == [k.pk]
    k.refresh_from_db()
    assert k.id_siasn == "RW-SUDAH" and not siasn.jalur("/apisiasn/1.0/jabatan/save")


@pytest.mark.django_db
def test_token_trouble_keeps_rows_waiting(org, tujuan, siasn, settings):
    k = _antre(org, tujuan)
    settings.SIASN_SSO_PASSWORD = "salah"
    assert siasn_kirim_jatuh_tempo().ditunda == [k.pk]
    k.refresh_from_db()
    assert k.status == SK.MENUNGGU and "Token SSO" in k.galat_terakhir


@pytest.mark.django_db
def test_command_and_task(org, tujuan, siasn, settings):
    siasn.daftar(org.anggota.nip)
    _antre(org, tujuan)
    out = StringIO()
    call_command("kirim_siasn", stdout=out)
    assert "1 terkirim" in out.getvalue()
    _antre(org, tujuan, nomor="2")
    assert "1 terkirim" in siasn_kirim_tugas.call()
    settings.SIASN_AKTIF = False
    out = StringIO()
    call_command("kirim_siasn", stdout=out)
    assert "tidak aktif" in out.getvalue()
    assert "tidak aktif" in siasn_kirim_tugas.call()


@pytest.mark.django_db
def test_a_retry_for_someone_with_no_history_in_siasn_is_still_pushed(org, tujuan, siasn):
    siasn.daftar(org.anggota.nip)
    siasn.rekaman[f"/apisiasn/1.0/pns/rw-jabatan/{org.anggota.nip}"] = rekaman_muat("tidak_ditemukan")
    k = _antre(org, tujuan)
    KirimanSiasn.objects.filter(pk=k.pk).update(percobaan=2)
    assert siasn_kirim_jatuh_tempo().terkirim == [k.pk]
    assert len(siasn.jalur("/apisiasn/1.0/jabatan/save")) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_push_each_row_once(org, tujuan, siasn):
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (SELECT ... FOR UPDATE SKIP LOCKED)")
    siasn.daftar(org.anggota.nip)
    for i in range(6):
        _antre(org, tujuan, nomor=str(i), tmt=HARI + timedelta(days=i))
    mulai, laporan = threading.Barrier(2), []

    def kirim():
        try:
            mulai.wait()
            laporan.append(siasn_kirim_jatuh_tempo())
        finally:
            connections.close_all()

    ts = [threading.Thread(target=kirim) for _ in range(2)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    terkirim = sorted(pk for lap in laporan for pk in lap.terkirim)
    assert terkirim == sorted(KirimanSiasn.objects.values_list("pk", flat=True))  # each once, none lost
    assert len(siasn.jalur("/apisiasn/1.0/jabatan/save")) == 6


@pytest.mark.django_db
def test_a_missing_setting_is_said_plainly_by_the_task(org, tujuan, siasn, settings):
    k = _antre(org, tujuan)
    settings.SIASN_CONSUMER_KEY = ""
    assert "SIASN_CONSUMER_KEY" in siasn_kirim_tugas.call()
    k.refresh_from_db()
    assert (k.status, k.percobaan) == (SK.MENUNGGU, 0)
