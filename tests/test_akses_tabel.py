"""Every URL of the project against a table of who may open it and who may act through it (issue 14,
item 7): `tests/akses_harapan.py` says, per URL name, which roles get the page (200) and which may
POST to it; everyone else gets 403/404 (anonymous: the login page) and a refused POST changes nothing.

Roles, each relative to the object the URL names (one object per URL, chosen in `_sasaran`):
- anon: not signed in;
- pegawai: the employee the object belongs to (their proposal, request, objection, review,
  assignment, notice; their own record); on pages without an object, a plain employee;
- pegawai_lain: another plain employee, in another OPD, with nothing of their own in the object;
- kepala: the head of the unit the object belongs to (the owner's unit, or an OPD above it);
- kepala_lain: the head of another OPD, whose units the object does not touch;
- hr: BKPSDM staff; ppk: the official who decides.
So "belongs" is tested by pegawai and kepala, "does not belong" by pegawai_lain and kepala_lain, on
the same object. `VARIAN` adds rows for the same URL on other objects (a draft, a submitted proposal,
a draft decree) and other workflow steps (each approval step has its own actor).

The URL names come from the resolver, walked by `tests/test_semua_url.py` (whose world, object ids
and request helper are reused here): a URL missing from the table fails `test_tabel_lengkap`, naming it.

Per URL and role:
- GET: an allowed role gets 200 (or, where the rule says so, a redirect that is not the login page);
  any other signed-in role gets 403 or 404; anon is sent to the login page (a POST-only URL may
  answer 405 to anyone's GET: that leaks nothing);
- POST (empty body, the action URL itself): a role outside `aksi` gets 403/404 (405 for a page that
  takes no POST) and the request writes nothing: no audit row, no field-level trail entry, no
  status history row (counted before and after, inside the rolled-back savepoint);
- what a page shows: no HTML or CSV page that pegawai_lain or kepala_lain may open (lists, exports,
  their own pages) contains the NIP of anggota, an employee of kepala's sub-unit (public pages aside).

Requests run in savepoints rolled back afterwards (`_minta`), so a POST does not change what the next
request sees. The world is built once per class, as in test_semua_url.
"""

from __future__ import annotations

import logging
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.akses_harapan import HARAPAN, PERAN, VARIAN, Aturan
from tests.test_semua_url import POLA, _dunia_bangun, _objek

LOGIN = "/akun/masuk/"
VARIAN_DAFTAR = [(n, v) for n, semua in VARIAN.items() for v in semua]


# --- The world -------------------------------------------------------------------------------------


def _pemilik(w, nama: str):
    """(the object's employee, the head over its unit) for the URL's object: anggota and kepala,
    except for the objects the world gives to others."""
    o = w.org
    if nama.startswith("evaluasi:") or nama.startswith("mutasi:permohonan_"):
        return o.orang_luar, o.kepala  # moved into kepala's sub-unit; reviewed by kepala
    if nama.startswith("pelatihan:adaptasi") or nama == "pelatihan:usulan_tugaskan":
        return w.rekan, w.dp.kepala_tujuan  # the transfer into the Puskesmas
    return o.anggota, o.kepala


def _sasaran(w) -> dict[str, dict]:
    """The object each URL names, where the first of test_semua_url's variants is not the one the
    table speaks of (e.g. the proposal whose employee has an account and a decree in force)."""
    from mutasi.models import StatusUsulan as S

    u = w.usulan
    milik = u[S.SK_TERBIT]  # anggota's own transfer, decree in force
    pilih = {
        "mutasi:detail": {"pk": milik.pk},
        "mutasi:ubah": {"pk": u[S.DRAFT].pk},
        "mutasi:aksi": {"pk": u[S.DIAJUKAN].pk, "nama": "lepas"},
        "mutasi:sk_terbitkan": {"pk": u[S.DIPUTUSKAN].pk},
        "mutasi:sk_detail": {"pk": w.sk.pk},
        "mutasi:sk_pdf": {"pk": w.sk.pk},
        "mutasi:sk_tandatangani": {"pk": w.konsep.pk},
        "mutasi:sk_aksi": {"pk": w.konsep.pk, "nama": "kembalikan"},
        "pelatihan:penugasan_aksi": {"pk": w.penugasan[0].pk, "nama": "mulai"},
        "evaluasi:detail": {"pk": w.evaluasi_final.pk},
        "evaluasi:isi": {"pk": w.evaluasi_terbuka.pk},
        "evaluasi:penilai": {"pk": w.evaluasi_terbuka.pk},
        "evaluasi:tanggapi": {"pk": w.evaluasi_final.pk},
        "evaluasi:tutup": {"pk": w.evaluasi_final.pk},
        "mutasi:pengecualian_konfirmasi": {"pk": u[S.DIAJUKAN].pk, "kode": "masa_kerja"},
        "impor:tugas": {"pk": w.banding.pk},
        "impor:tugas_status": {"pk": w.banding.pk},
        "pegawai:kontrak_perpanjang": {"pk": w.org.anggota.pk, "kontrak_pk": w.kontrak.pk},
        "pegawai:pindah_terjadwal_batal": {"pk": w.org.anggota.pk, "pindah_pk": 999999},
        "pegawai:unit_ubah": {"pk": w.org.subunit.pk},
        "pegawai:unit_tutup": {"pk": w.org.subunit.pk},
        "pegawai:formasi_simpan": {"pk": w.org.subunit.pk},
        "pegawai:jabatan_ubah": {"pk": w.jabatan.pk},
        "pegawai:jabatan_tutup": {"pk": w.jabatan.pk},
        "akun_buka_kunci": {"pk": w.org.anggota.pk},
        "pegawai:kontrak_baru": {"pk": w.org.anggota.pk},
        "impor:longgarkan": {"token": w.unggahan.token},
        "mutasi:keputusan_eksternal": {"pk": u[S.DRAFT].pk},
    }
    objek = _objek(w)
    hasil = {}
    for pola in POLA:
        if not pola.param:
            hasil[pola.nama] = {}
        elif pola.nama in pilih:
            hasil[pola.nama] = pilih[pola.nama]
        elif pola.nama in objek:
            hasil[pola.nama] = objek[pola.nama][0]
    return hasil


def _sasaran_varian(w) -> dict[tuple[str, str], dict]:
    """The objects of the `VARIAN` rows: a proposal at each approval step, the draft decree."""
    from mutasi.models import StatusUsulan as S

    u = w.usulan
    return {
        ("mutasi:aksi", "terima"): {"pk": u[S.DILEPAS].pk, "nama": "terima"},
        ("mutasi:aksi", "verifikasi"): {"pk": u[S.DITERIMA].pk, "nama": "verifikasi"},
        ("mutasi:aksi", "putuskan"): {"pk": u[S.DIVERIFIKASI].pk, "nama": "putuskan"},
        ("mutasi:aksi", "tarik"): {"pk": u[S.DIAJUKAN].pk, "nama": "tarik"},
        ("mutasi:sk_aksi", "tarik"): {"pk": w.konsep.pk, "nama": "tarik"},
        ("mutasi:detail", "draf"): {"pk": u[S.DRAFT].pk},
        ("mutasi:detail", "diajukan"): {"pk": u[S.DIAJUKAN].pk},
        ("mutasi:sk_detail", "konsep"): {"pk": w.konsep.pk},
    }


@pytest.fixture(scope="class")
def dunia_akses(bangun_sekali):
    from pegawai.models import KontrakPPPK
    from pegawai.tests.factories import kepala_dari, pegawai_di

    with bangun_sekali("media_akses") as media:
        w = _dunia_bangun()
        o = w.org
        w.kepala_lain = kepala_dari(o.lain)
        w.pegawai_lain = pegawai_di(o.lain, akun=True)
        w.kontrak = KontrakPPPK.objects.create(pegawai=o.anggota, mulai=date(2024, 1, 1), selesai=date(2029, 1, 1))
        bukti = w.penugasan[0]
        bukti.bukti.save("sertifikat.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
        bukti.bukti_nama, bukti.bukti_tipe = "sertifikat.pdf", "application/pdf"
        bukti.save()
        w.media = media
        w.sasaran = _sasaran(w)
        w.orang = {"pegawai_lain": w.pegawai_lain, "kepala_lain": w.kepala_lain, "hr": o.hr, "ppk": o.ppk}
        w.klien = _klien_semua(w)
        yield w


@pytest.fixture
def senyap():
    log = logging.getLogger("django.request")
    semula = log.level
    log.setLevel(logging.CRITICAL)
    yield
    log.setLevel(semula)


# --- Requests ---------------------------------------------------------------------------------------


def _jejak() -> tuple[int, ...]:
    """What any write leaves behind: audit rows, field-level trail entries, status history rows."""
    from auditlog.models import LogEntry

    from inti.models import CatatanAudit, RiwayatStatus

    riwayat = [m for m in _semua_model() if issubclass(m, RiwayatStatus) and not m._meta.abstract]
    return (CatatanAudit.objects.count(), LogEntry.objects.count(), *(m.objects.count() for m in riwayat))


def _semua_model():
    from django.apps import apps

    return apps.get_models()


def _minta(klien: Client, method: str, url: str) -> tuple[int, str, bool, str]:
    """One request in a savepoint rolled back afterwards: (status, Location, wrote something, the
    text of an HTML or CSV answer)."""
    sid = transaction.savepoint_create()
    try:
        sebelum = _jejak() if method == "POST" else ()
        r = klien.get(url) if method == "GET" else klien.post(url, {})
        menulis = method == "POST" and _jejak() != sebelum
    finally:
        transaction.savepoint_rollback(sid)
        transaction.set_rollback(False)
    teks = ""
    if r.status_code == 200 and not r.streaming and r.get("Content-Type", "").startswith(("text/html", "text/csv")):
        teks = r.content.decode("utf-8", "replace")
    return r.status_code, r.get("Location", ""), menulis, teks


def _nip_bocor(w, peran: str, teks: str) -> bool:
    """A page another employee or another unit's head may open names anggota (an employee of
    kepala's sub-unit, nothing to either of them): its NIP, as stored or as shown."""
    if peran not in ("pegawai_lain", "kepala_lain") or not teks:
        return False
    p = w.org.anggota
    return p.nip in teks or p.nip_tampil in teks


def _klien_semua(w) -> dict[int, Client]:
    """A signed-in client per person the roles may name, made once for the class."""
    o = w.org
    orang = [*w.orang.values(), o.anggota, o.kepala, o.orang_luar, w.rekan, w.dp.kepala_tujuan]
    hasil = {}
    for p in orang:
        c = Client(raise_request_exception=False)
        c.force_login(p.akun)
        hasil[p.pk] = c
    return hasil


def _klien(w, nama: str) -> dict[str, Client]:
    pemilik, kepala = _pemilik(w, nama)
    orang = {**w.orang, "pegawai": pemilik, "kepala": kepala}
    return {"anon": Client(raise_request_exception=False)} | {peran: w.klien[p.pk] for peran, p in orang.items()}


def _ke_login(status: int, lokasi: str) -> bool:
    return status == 302 and lokasi.startswith(LOGIN)


def _nilai(aturan: Aturan, peran: str, status: int, lokasi: str, method: str) -> str | None:
    """Why the answer breaks the rule, or None."""
    if status >= 500:
        return "galat server"
    if aturan.umum:  # public pages: open to anyone, nothing more to say here
        return None
    if peran == "anon":
        if _ke_login(status, lokasi) or (method == "GET" and status == 405 and aturan.lihat is None):
            return None
        return "anonim harus diarahkan ke halaman masuk"
    if _ke_login(status, lokasi):
        return "pengguna yang sudah masuk diarahkan ke halaman masuk"
    if method == "GET":
        if aturan.lihat is None:  # POST only: refused before or after the method check
            if status in (403, 404, 405) or (aturan.alih and peran in aturan.boleh_aksi and status == 302):
                return None
            return "GET pada URL khusus POST harus 403/404/405"
        if peran in aturan.lihat:
            ok = status == 200 or (aturan.alih and status == 302)
            return None if ok else "seharusnya boleh membuka (200)"
        return None if status in (403, 404) else "seharusnya ditolak (403/404)"
    if peran in aturan.boleh_aksi:
        return None
    if peran in aturan.pesan and status == 302:
        return None  # refused with the reason as a message (the caller checks nothing was written)
    tolak = {403, 404, 405}  # 405: a page that takes no POST
    return None if status in tolak else "POST seharusnya ditolak (403/404)"


# --- The tests --------------------------------------------------------------------------------------


def test_tabel_lengkap():
    """Every URL name the resolver knows has a row; every row names a URL that exists."""
    nama = {p.nama for p in POLA}
    hilang = sorted(nama - set(HARAPAN))
    assert not hilang, f"URL tanpa baris di tests/akses_harapan.py HARAPAN: {hilang}"
    usang = sorted(set(HARAPAN) - nama)
    assert not usang, f"baris HARAPAN untuk URL yang tidak ada lagi: {usang}"


def _periksa(w, settings, nama: str, aturan: Aturan, kwargs: dict) -> None:
    """Every role's GET and refused POST on the URL against the row; fails with the whole table."""
    settings.MEDIA_ROOT = w.media  # only refused requests write: nothing to copy afresh
    url = reverse(nama, kwargs=kwargs)
    klien = _klien(w, nama)
    gagal, baris = [], []
    for method in ("GET", "POST"):
        for peran in PERAN:
            if method == "POST" and (aturan.umum or (peran != "anon" and peran in aturan.boleh_aksi)):
                continue  # an allowed POST's answer is test_semua_url's (never a 5xx); the refusals are here
            status, lokasi, menulis, teks = _minta(klien[peran], method, url)
            baris.append(f"{method:<5}{peran:<13}{status} {lokasi}")
            alasan = _nilai(aturan, peran, status, lokasi, method)
            if alasan is None and method == "POST" and menulis and peran not in aturan.boleh_aksi:
                alasan = "POST yang ditolak tetap menulis sesuatu"
            if alasan is None and not aturan.umum and _nip_bocor(w, peran, teks):
                alasan = "halaman menampilkan NIP pegawai yang bukan urusannya"
            if alasan:
                gagal.append(f"{method} {url} sebagai {peran} -> {status} {lokasi}: {alasan}")
    if gagal:
        pytest.fail(f"{nama} ({aturan})\n" + "\n".join(gagal) + "\n\n" + "\n".join(baris), pytrace=False)


@pytest.mark.django_db
class TestTabelAkses:
    @pytest.mark.parametrize("pola", POLA, ids=[p.nama for p in POLA])
    def test_url_sesuai_tabel(self, pola, dunia_akses, settings, senyap):
        aturan = HARAPAN.get(pola.nama)
        if aturan is None:
            pytest.fail(f"{pola.nama}: tidak ada di tabel HARAPAN (tests/akses_harapan.py)", pytrace=False)
        kwargs = dunia_akses.sasaran.get(pola.nama)
        assert kwargs is not None, f"{pola.nama}: tidak ada objek di _sasaran()"
        _periksa(dunia_akses, settings, pola.nama, aturan, kwargs)

    @pytest.mark.parametrize(("nama", "label"), VARIAN_DAFTAR, ids=[f"{n}[{v}]" for n, v in VARIAN_DAFTAR])
    def test_varian_sesuai_tabel(self, nama, label, dunia_akses, settings, senyap):
        """The same URL on other objects or steps, with their own rows (`VARIAN`)."""
        _periksa(dunia_akses, settings, nama, VARIAN[nama][label], _sasaran_varian(dunia_akses)[nama, label])

    def test_pemeriksa_nip_melihat_yang_boleh(self, dunia_akses, settings, senyap):
        """The NIP check is not vacuous: kepala's employee list names anggota, kepala_lain's does not."""
        settings.MEDIA_ROOT = dunia_akses.media
        klien = _klien(dunia_akses, "pegawai:daftar")
        _s, _l, _m, teks = _minta(klien["kepala"], "GET", reverse("pegawai:daftar"))
        assert _nip_bocor(dunia_akses, "kepala_lain", teks)  # what the check would see, were it there
        _s, _l, _m, teks = _minta(klien["kepala_lain"], "GET", reverse("pegawai:daftar"))
        assert teks and not _nip_bocor(dunia_akses, "kepala_lain", teks)


def test_pemeriksa_menangkap_kebocoran():
    """The checker itself: a page opened by a role the row does not name, a refused POST answered
    200, a signed-in user sent to sign in, an anonymous user let in: each is reported."""
    aturan = HARAPAN["pegawai:detail"]
    assert _nilai(aturan, "pegawai_lain", 200, "", "GET") == "seharusnya ditolak (403/404)"
    assert _nilai(aturan, "pegawai_lain", 404, "", "GET") is None
    assert _nilai(aturan, "pegawai", 403, "", "GET") == "seharusnya boleh membuka (200)"
    assert _nilai(aturan, "anon", 200, "", "GET") == "anonim harus diarahkan ke halaman masuk"
    assert _nilai(aturan, "hr", 302, LOGIN + "?next=/", "GET") == "pengguna yang sudah masuk diarahkan ke halaman masuk"
    aksi = HARAPAN["mutasi:aksi"]
    assert _nilai(aksi, "pegawai_lain", 302, "/mutasi/1/", "POST") == "POST seharusnya ditolak (403/404)"
    assert _nilai(aksi, "hr", 302, "/mutasi/1/", "POST") is None  # with a message; the write check follows
    assert _nilai(aksi, "ppk", 500, "", "POST") == "galat server"
