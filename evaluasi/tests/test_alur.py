import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from evaluasi.models import FIELD_PERILAKU, Evaluasi, RiwayatStatusEvaluasi, StatusEvaluasi
from evaluasi.services.alur import (
    EvaluasiError,
    evaluasi_ganti_penilai,
    evaluasi_simpan,
    evaluasi_tandai_dibaca,
    evaluasi_tanggapi,
    evaluasi_tutup,
)
from evaluasi.tests.factories import LENGKAP
from inti.models import CatatanAudit
from pegawai.models import Predikat

pytestmark = pytest.mark.django_db


def _kirim(ev, org, **ubah):
    return evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={**LENGKAP, **ubah}, kirim=True)


def test_draf_menghitung_predikat(org, ev):
    ev = evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"hasil_kerja": "SESUAI", "perilaku": "DI_BAWAH"})
    assert ev.status == StatusEvaluasi.DRAF
    assert ev.predikat == Predikat.KURANG
    ev = evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"perilaku": ""})
    assert ev.predikat == ""


def test_predikat_tidak_pernah_dari_masukan(org, ev):
    ev = evaluasi_simpan(
        evaluasi=ev,
        oleh=org.kepala.akun,
        data={"hasil_kerja": "DI_BAWAH", "perilaku": "DI_BAWAH", "predikat": Predikat.SANGAT_BAIK},
    )
    assert ev.predikat == Predikat.SANGAT_KURANG


def test_kirim_belum_lengkap_ditolak_dan_tidak_berubah(org, ev):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"hasil_kerja": "SESUAI", "kekuatan": "Rajin"})
    with pytest.raises(ValidationError) as e:
        evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"umpan_balik": "Bagus"}, kirim=True)
    kosong = set(e.value.message_dict)
    assert {"hasil_kerja_bukti", "perilaku", "adaptasi", "perbaikan", *FIELD_PERILAKU} <= kosong
    assert "umpan_balik" not in kosong and "hasil_kerja" not in kosong
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DRAF
    assert ev.umpan_balik == ""  # the refused send saved nothing


def test_kirim_lengkap_mengabari_pegawai(org, ev, django_capture_on_commit_callbacks):
    org.orang_luar.email = "pegawai@example.org"
    org.orang_luar.save()
    with django_capture_on_commit_callbacks(execute=True):
        ev = _kirim(ev, org)
    assert ev.status == StatusEvaluasi.DIKIRIM
    assert ev.predikat == Predikat.SANGAT_BAIK
    assert ev.dikirim_pada is not None
    assert [m.to for m in mail.outbox] == [["pegawai@example.org"]]
    assert f"/evaluasi/{ev.pk}/" in mail.outbox[0].body
    assert CatatanAudit.objects.filter(aksi="evaluasi.kirim", objek_id=str(ev.pk)).exists()


@pytest.mark.parametrize("siapa", ["hr", "ppk", "orang_luar", "anggota"])
def test_hanya_penilai_yang_mengisi(org, ev, siapa):
    with pytest.raises(EvaluasiError):
        evaluasi_simpan(evaluasi=ev, oleh=getattr(org, siapa).akun, data={"kekuatan": "x"})


def test_setelah_dikirim_tidak_dapat_diubah(org, ev):
    _kirim(ev, org)
    with pytest.raises(EvaluasiError):
        evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"umpan_balik": "Ubah"})


def test_pegawai_membaca_lalu_menanggapi(org, ev, django_capture_on_commit_callbacks):
    org.kepala.email = "camat@example.org"
    org.kepala.save()
    _kirim(ev, org)
    assert evaluasi_tandai_dibaca(evaluasi=ev, oleh=org.orang_luar.akun)
    assert not evaluasi_tandai_dibaca(evaluasi=ev, oleh=org.orang_luar.akun)  # first time only
    ev.refresh_from_db()
    dibaca = ev.dibaca_pada
    assert dibaca is not None
    with django_capture_on_commit_callbacks(execute=True):
        ev = evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="  Terima kasih, saya setuju.  ")
    assert ev.status == StatusEvaluasi.FINAL
    assert ev.tanggapan_pegawai == "Terima kasih, saya setuju."
    assert ev.final_pada and ev.tanggapan_pada
    assert ev.dibaca_pada == dibaca
    assert mail.outbox[-1].to == ["camat@example.org"]
    assert "saya setuju" in mail.outbox[-1].body


def test_final_tanpa_tanggapan(org, ev):
    _kirim(ev, org)
    ev = evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun)
    assert ev.status == StatusEvaluasi.FINAL
    assert ev.tanggapan_pegawai == ""
    assert ev.dibaca_pada is not None


def test_hanya_pegawai_ybs_menanggapi(org, ev):
    _kirim(ev, org)
    for siapa in (org.kepala, org.hr, org.anggota):
        with pytest.raises(EvaluasiError):
            evaluasi_tanggapi(evaluasi=ev, oleh=siapa.akun, tanggapan="x")


def test_draf_belum_dapat_ditanggapi(org, ev):
    with pytest.raises(EvaluasiError):
        evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="x")


def test_tanggapan_kedua_ditolak(org, ev):
    _kirim(ev, org)
    evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="a")
    with pytest.raises(EvaluasiError):
        evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="b")
    ev.refresh_from_db()
    assert ev.tanggapan_pegawai == "a"


def test_tutup_bkpsdm_setelah_batas(org, ev, settings):
    settings.EVALUASI_BATAS_TANGGAPAN_HARI = 14
    _kirim(ev, org)
    with pytest.raises(EvaluasiError):
        evaluasi_tutup(evaluasi=ev, oleh=org.hr.akun, catatan="Tidak menanggapi")
    Evaluasi.objects.filter(pk=ev.pk).update(dikirim_pada=timezone.now() - timedelta(days=15))
    with pytest.raises(EvaluasiError):
        evaluasi_tutup(evaluasi=ev, oleh=org.kepala.akun, catatan="x")
    with pytest.raises(EvaluasiError):
        evaluasi_tutup(evaluasi=ev, oleh=org.hr.akun, catatan="  ")
    ev = evaluasi_tutup(evaluasi=ev, oleh=org.hr.akun, catatan="Tidak menanggapi meski diingatkan")
    assert ev.status == StatusEvaluasi.FINAL
    assert ev.tanggapan_pada is None


def test_ganti_penilai(org, ev, django_capture_on_commit_callbacks):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"kekuatan": "Rajin"})
    org.hr.email = "hr@example.org"
    org.hr.save()
    with pytest.raises(EvaluasiError):
        evaluasi_ganti_penilai(evaluasi=ev, oleh=org.kepala.akun, penilai=org.hr, alasan="x")
    with pytest.raises(ValidationError):
        evaluasi_ganti_penilai(evaluasi=ev, oleh=org.hr.akun, penilai=org.orang_luar, alasan="diri sendiri")
    with django_capture_on_commit_callbacks(execute=True):
        ev = evaluasi_ganti_penilai(evaluasi=ev, oleh=org.hr.akun, penilai=org.hr, alasan="Camat cuti panjang")
    assert ev.penilai == org.hr and ev.penilai_ditetapkan
    assert mail.outbox[-1].to == ["hr@example.org"]
    # The draft passes to the new reviewer; the old one may no longer write it.
    with pytest.raises(EvaluasiError):
        evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"kekuatan": "x"})
    ev = evaluasi_simpan(evaluasi=ev, oleh=org.hr.akun, data={"perbaikan": "y"})
    assert ev.kekuatan == "Rajin"


def test_ganti_penilai_setelah_dikirim_ditolak(org, ev):
    _kirim(ev, org)
    with pytest.raises(EvaluasiError):
        evaluasi_ganti_penilai(evaluasi=ev, oleh=org.hr.akun, penilai=org.hr, alasan="x")


# --- History of the moves (RiwayatStatusEvaluasi) -----------------------------------------------------


def _riwayat(ev):
    return [
        (r.aksi, r.dari, r.ke, r.oleh_id, r.catatan)
        for r in RiwayatStatusEvaluasi.objects.filter(evaluasi=ev).order_by("waktu", "id")
    ]


def test_riwayat_setiap_langkah(org, ev):
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"kekuatan": "Rajin"})
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"perbaikan": "Tepat waktu"})
    _kirim(ev, org)
    evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun, tanggapan="Terima kasih.")
    S = StatusEvaluasi
    kepala, pegawai = org.kepala.akun.pk, org.orang_luar.akun.pk
    assert _riwayat(ev) == [
        ("jadwalkan", "", S.TERJADWAL, None, ""),
        ("simpan", S.TERJADWAL, S.DRAF, kepala, ""),
        ("simpan", S.DRAF, S.DRAF, kepala, ""),  # saving a draft again: a move draf -> draf
        ("kirim", S.DRAF, S.DIKIRIM, kepala, ""),
        ("tanggapi", S.DIKIRIM, S.FINAL, pegawai, "Terima kasih."),
    ]
    audit = list(
        CatatanAudit.objects.filter(objek_tipe="evaluasi.evaluasi", objek_id=str(ev.pk))
        .order_by("waktu", "id")
        .values_list("aksi", flat=True)
    )
    assert audit == ["evaluasi.simpan", "evaluasi.simpan", "evaluasi.kirim", "evaluasi.tanggapi"]


def test_riwayat_draf_tanpa_isi(org, ev):
    """A draft's save leaves a row that says when, never what was written."""
    evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={**LENGKAP, "umpan_balik": "RAHASIA DRAF"})
    r = RiwayatStatusEvaluasi.objects.get(evaluasi=ev, aksi="simpan")
    assert r.catatan == "" and "RAHASIA" not in r.sebagai
    a = CatatanAudit.objects.get(aksi="evaluasi.simpan", objek_id=str(ev.pk))
    assert "RAHASIA" not in a.ringkasan and "RAHASIA" not in str(a.perubahan)


def test_langkah_ditolak_tanpa_riwayat(org, ev):
    with pytest.raises(ValidationError):
        evaluasi_simpan(evaluasi=ev, oleh=org.kepala.akun, data={"kekuatan": "x"}, kirim=True)
    with pytest.raises(EvaluasiError):
        evaluasi_tanggapi(evaluasi=ev, oleh=org.orang_luar.akun)
    assert [r[0] for r in _riwayat(ev)] == ["jadwalkan"]
    assert not CatatanAudit.objects.filter(objek_tipe="evaluasi.evaluasi", objek_id=str(ev.pk)).exists()


def test_langkah_basi_ditolak(org, ev):
    """Two tabs: the review was sent from one; saving the other's stale copy is refused."""
    basi = Evaluasi.objects.get(pk=ev.pk)
    _kirim(ev, org)
    with pytest.raises(EvaluasiError, match="sudah dikirim"):
        evaluasi_simpan(evaluasi=basi, oleh=org.kepala.akun, data={"umpan_balik": "Ubah"})
    ev.refresh_from_db()
    assert ev.umpan_balik == LENGKAP["umpan_balik"]


def test_tutup_tercatat_dengan_alasan(org, ev, settings):
    settings.EVALUASI_BATAS_TANGGAPAN_HARI = 14
    _kirim(ev, org)
    Evaluasi.objects.filter(pk=ev.pk).update(dikirim_pada=timezone.now() - timedelta(days=15))
    evaluasi_tutup(evaluasi=ev, oleh=org.hr.akun, catatan="Tidak menanggapi meski diingatkan")
    assert _riwayat(ev)[-1] == (
        "tutup",
        StatusEvaluasi.DIKIRIM,
        StatusEvaluasi.FINAL,
        org.hr.akun.pk,
        "Tidak menanggapi meski diingatkan",
    )
    assert ev.final_catatan == "Tidak menanggapi meski diingatkan"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_tanggapan_dan_penutupan_bersamaan_hanya_satu(org, ev, settings):
    """The employee answers just as BKPSDM closes the review: the second waits for the lock, finds
    it final and is refused; one history row, one final state."""
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (SELECT ... FOR UPDATE)")
    settings.EVALUASI_BATAS_TANGGAPAN_HARI = 14
    _kirim(ev, org)
    Evaluasi.objects.filter(pk=ev.pk).update(dikirim_pada=timezone.now() - timedelta(days=15))
    hasil, mulai = {}, threading.Barrier(2)

    def jalan(nama, langkah):
        from django.db import connections

        try:
            mulai.wait()
            langkah()
            hasil[nama] = "ok"
        except EvaluasiError as exc:
            hasil[nama] = str(exc)
        finally:
            connections.close_all()

    ts = [
        threading.Thread(
            target=jalan,
            args=(
                "tanggapi",
                lambda: evaluasi_tanggapi(evaluasi=Evaluasi(pk=ev.pk), oleh=org.orang_luar.akun, tanggapan="Ya"),
            ),
        ),
        threading.Thread(
            target=jalan,
            args=("tutup", lambda: evaluasi_tutup(evaluasi=Evaluasi(pk=ev.pk), oleh=org.hr.akun, catatan="Lewat")),
        ),
    ]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert sorted(v == "ok" for v in hasil.values()) == [False, True], hasil
    assert RiwayatStatusEvaluasi.objects.filter(evaluasi=ev, dari=StatusEvaluasi.DIKIRIM).count() == 1
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.FINAL
