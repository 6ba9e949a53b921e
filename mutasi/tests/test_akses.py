"""`mutasi.akses` is the one place permissions are decided: what it says a user may see is what the
views let them open, and a button is on the page exactly when the action behind it is accepted."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mutasi import akses
from mutasi.models import StatusUsulan
from mutasi.services import AlurError
from mutasi.services.keberatan import keberatan_ajukan
from mutasi.services.permohonan import permohonan_buat, permohonan_tolak
from mutasi.services.usulan import lampiran_tambah, usulan_tandai_perubahan
from pegawai.models import Peran
from pegawai.services.pegawai import pegawai_pindah_jabatan
from pegawai.tests.factories import JabatanFactory, pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
PERAN = ["hr", "ppk", "kepala", "anggota", "orang_luar"]


def _akun(dunia, peran):
    return getattr(dunia.org, peran).akun


@pytest.fixture
def objek(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    k = keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi="Mohon ditinjau kembali lokasinya.")
    p = permohonan_buat(oleh=dunia.org.orang_luar.akun, jenis="DALAM", alasan="Dekat keluarga.", unit_pilihan=[])
    return {"u": u, "sk": u.sk, "k": k, "p": p}


@pytest.mark.parametrize("peran", PERAN)
def test_boleh_lihat_sama_dengan_halaman(dunia, clients, objek, peran):
    user = _akun(dunia, peran)
    kasus = [
        (akses.boleh_lihat_usulan, objek["u"], "mutasi:detail"),
        (akses.boleh_lihat_sk, objek["sk"], "mutasi:sk_detail"),
        (akses.boleh_lihat_permohonan, objek["p"], "mutasi:permohonan_detail"),
    ]
    for boleh, obj, url in kasus:
        kode = clients[peran].get(reverse(url, args=[obj.pk])).status_code
        assert (kode == 200) == boleh(user, obj), (peran, url, kode)
    # objections are opened by HR only (their page is the answer form); the employee reads theirs
    assert akses.boleh_lihat_keberatan(user, objek["k"]) == (peran in ("hr", "anggota"))


@pytest.mark.parametrize("peran", PERAN)
def test_tombol_ubah_dan_lampiran_sesuai_izin(dunia, clients, peran):
    draf = dunia.usulan(pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1)), oleh=dunia.org.kepala)
    lampiran_tambah(
        oleh=dunia.org.kepala.akun,
        usulan=draf,
        berkas=SimpleUploadedFile("abk.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
        jenis="ANJAB_ABK",
    )
    r = clients[peran].get(reverse("mutasi:detail", args=[draf.pk]))
    if r.status_code == 404:  # a draft is seen by its proposer and HR only
        assert not akses.boleh_lihat_usulan(_akun(dunia, peran), draf)
        return
    html = r.content.decode()
    ubah = clients[peran].get(reverse("mutasi:ubah", args=[draf.pk])).status_code == 200
    assert (reverse("mutasi:ubah", args=[draf.pk]) in html) == ubah
    assert ('id="form-lampiran"' in html) == bool(akses.boleh_lampir(_akun(dunia, peran), draf))
    hapus = reverse("mutasi:lampiran_hapus", args=[draf.lampiran.get().pk])
    assert (hapus in html) == bool(akses.boleh_hapus_lampiran(_akun(dunia, peran), draf.lampiran.get()))


def test_form_tinjauan_hanya_bila_tinjauan_diterima(dunia, clients):
    o = dunia.org
    u = dunia.sampai(S.DIVERIFIKASI)
    pegawai_pindah_jabatan(oleh=o.hr.akun, pegawai=o.anggota, unit=o.unit, jabatan=JabatanFactory(), tmt=date.today())
    assert usulan_tandai_perubahan(usulan=u)
    tinjau = reverse("mutasi:tinjau", args=[u.pk])
    assert tinjau in clients["hr"].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
    assert tinjau not in clients["ppk"].get(reverse("mutasi:detail", args=[u.pk])).content.decode()
    assert not akses.boleh_tinjau(o.ppk.akun, u) and akses.boleh_tinjau(o.hr.akun, u)


def test_tombol_jawab_keberatan_hilang_setelah_dijawab(dunia, clients, objek):
    k = objek["k"]
    url = reverse("mutasi:keberatan_jawab", args=[k.pk])
    assert url in clients["hr"].get(reverse("mutasi:keberatan_daftar") + "?status=semua").content.decode()
    clients["hr"].post(url, {"keputusan": "TETAP", "jawaban": "Mutasi tetap dilaksanakan."})
    k.refresh_from_db()
    assert k.terjawab and not akses.boleh_jawab_keberatan(dunia.org.hr.akun, k)
    assert url not in clients["hr"].get(reverse("mutasi:keberatan_daftar") + "?status=semua").content.decode()
    assert url not in clients["hr"].get(reverse("mutasi:detail", args=[k.usulan_id])).content.decode()


def test_staf_bkpsdm_tidak_menanggapi_permohonannya_sendiri(dunia, clients):
    """One rule for requests: HR answers the requests of others, never their own (declining it, or
    making a proposal of it)."""
    hr = pegawai_di(dunia.org.bkpsdm, akun=True, peran=Peran.HR)
    p = permohonan_buat(oleh=hr.akun, jenis="DALAM", alasan="Ingin pindah ke dinas teknis.", unit_pilihan=[])
    izin = akses.boleh_tanggapi_permohonan(hr.akun, p)
    assert not izin and "sendiri" in izin.pesan
    with pytest.raises(AlurError, match="sendiri"):
        permohonan_tolak(oleh=hr.akun, permohonan=p, alasan="Formasi unit tujuan sudah penuh.")
    assert akses.boleh_tanggapi_permohonan(dunia.org.hr.akun, p)
    c = clients["hr"]
    c.force_login(hr.akun)
    assert c.get(reverse("mutasi:baru") + f"?permohonan={p.pk}").status_code == 403


def test_pemberitahuan_404_selama_sk_tidak_berlaku(dunia, clients):
    u = dunia.sampai(S.DIPUTUSKAN)
    assert clients["anggota"].get(reverse("mutasi:detail", args=[u.pk])).status_code == 200
    for nama in ("mutasi:pemberitahuan", "mutasi:pemberitahuan_pdf"):
        assert clients["anggota"].get(reverse(nama, args=[u.pk])).status_code == 404
        assert clients["hr"].get(reverse(nama, args=[u.pk])).status_code == 404
