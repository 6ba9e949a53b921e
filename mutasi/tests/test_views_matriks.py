"""The GET permission matrix of the transfer pages: what each role gets on each page, on one world
built for the module (a decree signed, a draft, an attachment, an objection, a request). The rest
of the views' tests (posts, visibility over time, lists, export, forms) are in test_views.py."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mutasi.models import StatusUsulan
from mutasi.services.keberatan import keberatan_ajukan
from mutasi.services.permohonan import permohonan_buat
from mutasi.services.usulan import lampiran_tambah
from mutasi.tests.helpers import Dunia
from pegawai.tests.factories import buat_org, klien_org, pegawai_di

S = StatusUsulan
pytestmark = pytest.mark.django_db
SEMUA = ["anon", "hr", "ppk", "kepala", "anggota", "orang_luar"]


@pytest.fixture(scope="module")
def _dunia_matriks(bangun_sekali):
    with bangun_sekali("media_matriks") as media:
        dunia = Dunia(buat_org())
        yield media, _sasaran(dunia), klien_org(dunia.org)


@pytest.fixture
def obj_klien(_dunia_matriks, db, settings):
    """The objects and a client per role, built once for the module: the matrix only reads (the
    attachment's file too, where the module's data put it)."""
    media, obj, klien = _dunia_matriks
    settings.MEDIA_ROOT = media
    return obj, klien


def _sasaran(dunia) -> dict:
    u = dunia.sampai(S.SK_TERBIT)
    draf = dunia.usulan(pegawai=pegawai_di(dunia.org.subunit, mulai=date(2019, 1, 1)))
    lampiran = lampiran_tambah(
        oleh=dunia.org.hr.akun,
        usulan=u,
        berkas=SimpleUploadedFile("abk.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
        jenis="ANJAB_ABK",
    )
    k = keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi="Mohon ditinjau kembali lokasinya.")
    p = permohonan_buat(
        oleh=dunia.org.anggota.akun, jenis="DALAM", alasan="Dekat keluarga, orang tua sakit.", unit_pilihan=[]
    )
    return {"u": u, "draf": draf, "k": k, "p": p, "lampiran": lampiran}


def _harapan(anon=302, hr=200, ppk=200, kepala=200, anggota=200, orang_luar=200):
    return {"anon": anon, "hr": hr, "ppk": ppk, "kepala": kepala, "anggota": anggota, "orang_luar": orang_luar}


MATRIKS = [
    ("mutasi:daftar", None, _harapan(anggota=403, orang_luar=403)),
    ("mutasi:ekspor", None, _harapan(anggota=403, orang_luar=403)),
    ("mutasi:kotak_masuk", None, _harapan()),
    ("mutasi:baru", None, _harapan(ppk=403, anggota=403, orang_luar=403)),
    ("mutasi:detail", "u", _harapan(orang_luar=404)),
    ("mutasi:detail", "draf", _harapan(ppk=404, kepala=404, anggota=404, orang_luar=404)),
    ("mutasi:ubah", "draf", _harapan(ppk=404, kepala=404, anggota=404, orang_luar=404)),
    ("mutasi:ubah", "u", _harapan(hr=403, ppk=403, kepala=403, anggota=403, orang_luar=404)),
    ("mutasi:batch_daftar", None, _harapan(anggota=403, orang_luar=403)),
    ("mutasi:batch_baru", None, _harapan(ppk=403, kepala=403, anggota=403, orang_luar=403)),
    ("mutasi:sk_detail", "sk", _harapan(orang_luar=404)),
    ("mutasi:pemberitahuan", "u", _harapan(orang_luar=404)),
    ("mutasi:lampiran_unduh", "lampiran", _harapan(orang_luar=404)),
    ("mutasi:saya", None, _harapan()),
    ("mutasi:permohonan_baru", None, _harapan()),
    ("mutasi:permohonan_daftar", None, _harapan(ppk=403, kepala=403, anggota=403, orang_luar=403)),
    ("mutasi:permohonan_detail", "p", _harapan(ppk=404, kepala=404, orang_luar=404)),
    ("mutasi:keberatan_daftar", None, _harapan(ppk=403, kepala=403, anggota=403, orang_luar=403)),
    ("mutasi:keberatan_jawab", "k", _harapan(ppk=403, kepala=403, anggota=403, orang_luar=403)),
]


@pytest.mark.parametrize(("nama", "kunci", "harapan"), MATRIKS, ids=[f"{m[0]}-{m[1]}" for m in MATRIKS])
def test_matriks_izin_get(obj_klien, nama, kunci, harapan):
    obj, clients = obj_klien
    args = []
    if kunci == "sk":
        args = [obj["u"].sk_id]
    elif kunci:
        args = [obj[kunci].pk]
    url = reverse(nama, args=args)
    hasil = {peran: clients[peran].get(url).status_code for peran in SEMUA}
    assert hasil == harapan


def test_verifikasi_publik_terbuka_untuk_semua(obj_klien):
    obj, clients = obj_klien
    url = reverse("mutasi:verifikasi", args=[obj["u"].sk.kode_verifikasi])
    assert {p: clients[p].get(url).status_code for p in SEMUA} == dict.fromkeys(SEMUA, 200)
