"""Every URL of the project, as every role, with real, missing and junk input: never a server error.

Walks `get_resolver().url_patterns` (admin/ and i18n/ left out) so a new page is covered the day it is
added. For each URL name, as anon, hr, ppk, kepala, anggota and orang_luar (the roles of conftest's
`org`):

- GET with real ids of the right kind (several objects where the page has several shapes, e.g. a
  proposal in every state; see `_objek`), with ids that do not exist (999999 and one past the 64-bit
  range) and, on every page the role may open, with junk query strings (bad page numbers, an unknown
  sort key, non-numeric filters, Unicode digits, an SQL-ish search, a NUL byte, and junk in every
  field of the page's own GET forms);
- POST with an empty body to the same URLs;
- POST junk into every field of every form the opened pages show (single selects keep their first
  option so the junk gets past "unknown action"), once per form.

Asserted: never a 5xx; anon is sent to the login page except on the public pages (PUBLIK) and except a
405 on GET of a POST-only URL; a signed-in role gets 200/302/403/404/405 on GET (400 too on POST) and
is never sent to the login page. A failing run prints the URL's (role x request kind) table of status
codes and the traceback head of each failure. `SEMUA_URL_TABEL=/path.txt` writes every URL's table.

The world is built once per class with the same layout as conftest's `org` (a function fixture: built
per URL it would be rebuilt ~120 times) and every request runs inside a savepoint that is rolled back,
so a POST does not change what the next request sees; uploaded files are copied fresh per URL.
`manage.py demo` would make a richer world but takes 12 s on SQLite and 28-58 s on PostgreSQL, over
the 20 s this test may spend on data.

`TestBasisDataKosong`: a fresh install (no units, no employees) and an org with nothing else: every
page without parameters renders for every role, and the pages HR needs on day one answer 200.
"""

from __future__ import annotations

import contextlib
import html as htmlmod
import logging
import os
import re
import shutil
import time
import traceback
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, include, path, resolve, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

PERAN = ["anon", "hr", "ppk", "kepala", "anggota", "orang_luar"]
# Pages anyone may open without signing in.
PUBLIK = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "akun_aktivasi",
    "mutasi:verifikasi",
    "notifikasi:wa_webhook",  # Meta calls it; it answers 403 to anything not signed with the app secret
}
DILEWATI = ("admin/", "i18n/")
TIDAK_ADA = [999999, 2**63]  # a missing id, and one past the 64-bit range
BOLEH_GET = {200, 302, 403, 404, 405}
BOLEH_POST = BOLEH_GET | {400}

# Junk query strings: each alone (one bad value must not hide another behind an early error page) ...
SAMPAH = [
    {"page": "abc"},
    {"page": "-1"},
    {"page": "99999999999999999999"},
    {"urut": "__class__"},
    {"urut": "-pegawai__akun__password"},
    {"unit": "abc"},
    {"unit": "99999999999999999999"},
    {"status": "zzz"},
    {"q": "' OR 1=1 --"},
    {"q": "\x00"},
    {"tahun": "abc"},
    {"format": "xyz"},
    # Unicode digits: "²".isdigit() is True, int("²") raises
    {"unit": "²", "pegawai": "²", "pelatihan": "²", "permohonan": "²", "jabatan": "²"},
]
# ... and all at once, plus these values in every field of the page's own GET forms.
SAMPAH_GABUNG = "page=abc&page=-1&urut=__class__&unit=abc&status=zzz&q=%27+OR+1%3D1+--&tahun=abc&format=xyz"
NILAI_SAMPAH = ["abc", "99999999999999999999", "\x00", "2024-13-45", "²"]
# Values POSTed into every field of every form a page shows (file fields left empty).
NILAI_POST = ["abc", "99999999999999999999", "²", "\x00"]
FORM_DILEWATI = ("/akun/keluar/", "/i18n/")  # signing out would end the role's session for the rest
SAMPAH_ANGKA = {"page": "99999999999999999999", "unit": "99999999999999999999", "tahun": "99999999"}


# --- The URL patterns -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pola:
    nama: str  # "namespace:name"
    rute: str  # the pattern as written, for the report
    param: tuple[tuple[str, str], ...]  # (name, converter) in order


_KONVERTER = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<nama>\w+)>")
_REGEX_GRUP = re.compile(r"\(\?P<(?P<nama>\w+)>")


TANPA_NAMA: list[str] = []  # patterns without a name cannot be reversed, so are not walked


def _pola_semua() -> list[Pola]:
    hasil: dict[str, Pola] = {}

    def jalan(patterns, awalan: str, ns: str):
        for p in patterns:
            teks = str(p.pattern)
            if not awalan and teks.startswith(DILEWATI):
                continue
            if isinstance(p, URLResolver):
                jalan(p.url_patterns, awalan + teks, f"{ns}:{p.namespace}".strip(":") if p.namespace else ns)
            elif isinstance(p, URLPattern) and not p.name:
                if p.callback.__module__ != "django.views.static":  # MEDIA_URL when DEBUG is on
                    TANPA_NAMA.append(awalan + teks)
            elif isinstance(p, URLPattern):
                nama = f"{ns}:{p.name}" if ns else p.name
                rute = awalan + teks
                param = [(m["nama"], m["conv"] or "str") for m in _KONVERTER.finditer(rute)]
                param += [(m["nama"], "regex") for m in _REGEX_GRUP.finditer(rute)]
                hasil.setdefault(nama, Pola(nama, rute, tuple(param)))

    jalan(get_resolver().url_patterns, "", "")
    return sorted(hasil.values(), key=lambda p: p.nama)


POLA = _pola_semua()


# --- The world ----------------------------------------------------------------------------------------


def _berkas(nama="dokumen.pdf"):
    return SimpleUploadedFile(nama, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def _dunia_bangun():
    """org plus one or more objects of every kind a URL names, each in reach of kepala and anggota
    where the kind allows it (so the 200 branches of detail pages are walked, not only 403/404)."""
    from evaluasi.models import Evaluasi
    from evaluasi.services.jadwal import evaluasi_jadwalkan
    from evaluasi.tests.factories import evaluasi_final
    from evaluasi.tests.factories import usulan_buat as usulan_lampau
    from mutasi.models import StatusUsulan as S
    from mutasi.services.alur import usulan_transisi
    from mutasi.services.keberatan import keberatan_ajukan
    from mutasi.services.pelaksanaan import usulan_laksanakan
    from mutasi.services.permohonan import permohonan_buat
    from mutasi.services.sk_konsep import sk_siapkan
    from mutasi.services.usulan import batch_baca_daftar, batch_buat, lampiran_tambah
    from mutasi.tests.helpers import TMT, Dunia
    from pegawai.models import RiwayatImpor, TugasJabatan
    from pegawai.services.akun import aktivasi_token, akun_buat, reset_token
    from pegawai.services.impor import impor_unggah
    from pegawai.tests.factories import JabatanFactory, buat_org, pegawai_di
    from pelatihan import services as pelatihan_services
    from pelatihan.models import StatusPenugasan
    from pelatihan.tests.factories import DuniaPelatihan, penugasan_buat

    o = buat_org()
    w = SimpleNamespace(org=o)

    # People and units
    w.tanpa_akun = pegawai_di(o.subunit, email="tanpa.akun@surabaya.go.id")
    w.nonaktif = pegawai_di(o.subunit, aktif=False)
    w.perempuan = pegawai_di(o.subunit, jenis_kelamin="P", email="baru@surabaya.go.id")
    w.akun_baru, _ = akun_buat(oleh=o.hr.akun, pegawai=w.perempuan, base_url="http://testserver/")
    w.uid_baru = urlsafe_base64_encode(force_bytes(w.akun_baru.pk))
    w.token_aktivasi = aktivasi_token.make_token(w.akun_baru)
    w.rekan = pegawai_di(o.subunit, akun=True)  # signing in would change the reset token's hash

    # Needs analysis: tasks for anggota's post in the sub-unit; a post without tasks
    w.jabatan = o.anggota.posisi_sekarang.jabatan
    w.tugas = TugasJabatan.objects.create(
        unit=o.subunit, jabatan=w.jabatan, uraian="Menyusun laporan", satuan_hasil="laporan", volume=12, norma_waktu=8
    )
    w.jabatan_kosong = JabatanFactory(nama="Analis Tanpa Tugas")

    # Import: a pending preview (HR's) and a finished run
    w.unggahan = impor_unggah(
        berkas=SimpleUploadedFile("pegawai.csv", b"nip;nama\n123;Tanpa Nama\n", content_type="text/csv"),
        jenis="pegawai",
        oleh=o.hr.akun,
    )
    w.riwayat_impor = RiwayatImpor.objects.create(jenis="pegawai", nama_file="pegawai.xlsx", oleh=o.hr.akun)

    # Transfer proposals in every state, all from kepala's reach; anggota's own reaches the decree
    d = Dunia(o)
    w.dunia = d
    w.usulan = {}
    for status in [S.DRAFT, S.DIAJUKAN, S.DILEPAS, S.DITERIMA, S.DIVERIFIKASI, S.DIPUTUSKAN]:
        w.usulan[status] = d.sampai(status, pegawai=pegawai_di(o.subunit, mulai=date(2019, 1, 1)))
    u = d.sampai(S.SK_TERBIT, pegawai=pegawai_di(o.subunit, mulai=date(2019, 1, 1)), tmt_sk=date.today())
    usulan_laksanakan(usulan=u, oleh=o.hr.akun)
    u.refresh_from_db()
    w.usulan[S.DILAKSANAKAN] = u
    w.usulan[S.SK_TERBIT] = d.sampai(S.SK_TERBIT)  # anggota's
    for aksi, status in [("tolak", S.DITOLAK), ("kembalikan", S.DIKEMBALIKAN), ("tarik", S.DIBATALKAN)]:
        u = d.sampai(S.DIAJUKAN, pegawai=pegawai_di(o.subunit, mulai=date(2019, 1, 1)))
        pelaku = o.hr if aksi == "tarik" else d.pelaku(u, "lepas")
        w.usulan[status] = usulan_transisi(usulan=u, aksi=aksi, oleh=pelaku.akun, catatan="Belum lengkap.")
    w.sk = w.usulan[S.SK_TERBIT].sk
    # a draft decree waiting for the PPK (another decided transfer)
    w.konsep = sk_siapkan(
        oleh=o.hr.akun,
        usulan_ids=[d.sampai(S.DIPUTUSKAN, pegawai=pegawai_di(o.subunit, mulai=date(2019, 1, 1))).pk],
        tmt=TMT,
    )
    w.lampiran = lampiran_tambah(oleh=o.hr.akun, usulan=w.usulan[S.DIAJUKAN], berkas=_berkas(), jenis="ANJAB_ABK")
    w.keberatan = keberatan_ajukan(oleh=o.anggota.akun, usulan=w.usulan[S.SK_TERBIT], isi="Mohon ditinjau kembali.")
    w.batch = batch_buat(
        oleh=o.hr.akun,
        nama="Rotasi 2026",
        dasar="ROTASI",
        tmt_usulan=TMT,
        keterangan="",
        baris=batch_baca_daftar(
            f"{pegawai_di(o.subunit, mulai=date(2019, 1, 1)).nip}\t{d.tujuan.kode}\t{d.jabatan_tujuan.nama}"
        ),
        alasan="Rotasi berkala.",
        manfaat_organisasi="Layanan merata.",
        manfaat_pegawai="Pengalaman baru.",
        alasan_tanpa_kekurangan="Rotasi tanpa menambah pegawai.",
    )
    # anggota's own request (with an attachment) stays open
    pemohon = o.orang_luar
    w.permohonan = permohonan_buat(
        oleh=pemohon.akun, jenis="DALAM", alasan="Dekat keluarga.", unit_pilihan=[], berkas=[_berkas("surat.pdf")]
    )
    w.lampiran_permohonan = w.permohonan.lampiran.first()

    # Training and adaptation: a decided transfer to a Puskesmas, with a mentor, of a colleague of
    # anggota (one open proposal per employee, and anggota's own is at the decree); anggota's own
    # assignments come with and without a transfer.
    rekan = w.rekan
    dp = DuniaPelatihan(SimpleNamespace(**{**vars(o), "anggota": rekan}))
    w.dp = dp
    w.pelatihan = dp.p_prima
    w.penugasan = [
        penugasan_buat(o.anggota, dp.p_prima),
        penugasan_buat(o.anggota, dp.p_data, status=StatusPenugasan.SELESAI),
        penugasan_buat(rekan, dp.p_dasar, usulan=dp.u),
    ]
    w.pendampingan = pelatihan_services.pendampingan_tetapkan(usulan=dp.u, mentor=dp.mentor, oleh=dp.kepala_tujuan.akun)
    w.item_adaptasi = w.pendampingan.item.first()

    # Post-transfer reviews: orang_luar moved into the sub-unit; reviewed by kepala
    pindah = usulan_lampau(o.orang_luar, tujuan_unit=o.subunit, tmt=date.today() - timedelta(days=400))
    evaluasi_jadwalkan(usulan=pindah)
    w.evaluasi_final = evaluasi_final(pindah, bulan_ke=3, predikat="BAIK", penilai=o.kepala)
    w.evaluasi_terbuka = Evaluasi.objects.get(usulan=pindah, bulan_ke=6)  # overdue, still to be filled in

    # SIASN: an outbox row refused by SIASN and a finished unit comparison
    from inti.tugas import ProgresTugas
    from pegawai.models import KirimanSiasn, StatusKiriman

    w.kiriman = KirimanSiasn.objects.create(pegawai=o.anggota, status=StatusKiriman.GAGAL, galat_terakhir="x")
    w.banding = ProgresTugas.objects.create(
        jenis="siasn.banding",
        status=ProgresTugas.Status.SELESAI,
        dibuat_oleh=o.hr.akun,
        hasil={"unit": o.unit.nama, "baris": [{"pegawai_id": o.anggota.pk, "nip": o.anggota.nip, "nama": "x",
                                                "galat": "", "beda": [{"kunci": "nama", "label": "Nama", "kami": "a",
                                                                       "siasn": "b", "beda": True}]}]},
    )  # fmt: skip
    # A notice in anggota's notice centre (others get 404), pointing at one of anggota's pages
    from inti.notifikasi.models import Notifikasi

    w.notifikasi = Notifikasi.objects.create(
        penerima=o.anggota.akun,
        jenis="pelatihan.ditugaskan",
        judul="Penugasan pelatihan baru",
        tautan="/pelatihan/saya/",
    )
    # Acting officials: kepala's absence covered by a colleague for a week; one cancelled (the 403 branch)
    from pegawai.models import PeranPejabat
    from pegawai.services.pengganti import pengganti_batalkan, pengganti_catat

    ganti = {"yang_digantikan": o.kepala, "pengganti": pegawai_di(o.unit, akun=True), "peran": PeranPejabat.KEPALA}
    ganti.update(unit=o.unit, dasar="800/1/2026")
    w.pengganti = pengganti_catat(oleh=o.hr.akun, mulai=date.today(), selesai=date.today() + timedelta(days=7), **ganti)
    w.pengganti_batal = pengganti_catat(
        oleh=o.hr.akun, mulai=date.today() + timedelta(days=30), selesai=date.today() + timedelta(days=31), **ganti
    )
    pengganti_batalkan(oleh=o.hr.akun, pengganti=w.pengganti_batal, alasan="Tidak jadi.")

    # Last: a reset token is bound to the account's state at this moment.
    w.rekan.akun.refresh_from_db()
    w.uid_rekan = urlsafe_base64_encode(force_bytes(w.rekan.akun.pk))
    w.token_reset = reset_token.make_token(w.rekan.akun)
    return w


def _objek(w) -> dict[str, list[dict]]:
    """Real URL kwargs per URL name: one dict per variant. Names not listed get id 1 (a guess) and
    a warning; add them here."""
    from mutasi.models import JenisDokumenSyarat
    from mutasi.models import StatusUsulan as S
    from mutasi.services.alur import TRANSISI
    from pegawai.impor.jenis import JENIS
    from pelatihan.services import AKSI as AKSI_PELATIHAN

    o = w.org
    pegawai = [{"pk": o.anggota.pk}, {"pk": w.tanpa_akun.pk}, {"pk": w.nonaktif.pk}]
    akun = [{"pk": o.anggota.pk}, {"pk": w.tanpa_akun.pk}, {"pk": w.perempuan.pk}]
    u = w.usulan
    usulan_semua = [{"pk": x.pk} for x in u.values()]
    usulan_dua = [{"pk": u[S.DRAFT].pk}, {"pk": u[S.SK_TERBIT].pk}]
    usulan_sk = [{"pk": u[S.SK_TERBIT].pk}, {"pk": u[S.DILAKSANAKAN].pk}, {"pk": u[S.DRAFT].pk}]
    aksi_usulan = []
    for nama, t in TRANSISI.items():
        contoh = next((x for s, x in u.items() if s in t.dari), u[S.DRAFT])
        aksi_usulan.append({"pk": contoh.pk, "nama": nama})
    tugas = {"unit": o.subunit.pk, "jabatan": w.jabatan.pk}
    tugas_kosong = {"unit": o.subunit.pk, "jabatan": w.jabatan_kosong.pk}
    adaptasi = [{"pk": w.dp.u.pk}]
    dokumen = [{"pk": u[S.DRAFT].dokumen.first().pk}, {"pk": u[S.SK_TERBIT].dokumen.first().pk}]
    return {
        # accounts
        "password_reset_confirm": [{"uidb64": w.uid_rekan, "token": w.token_reset}],
        "akun_aktivasi": [{"uidb64": w.uid_baru, "token": w.token_aktivasi}],
        **dict.fromkeys(
            ["akun_pegawai_detail", "akun_buat", "akun_undang_ulang", "akun_nonaktifkan", "akun_aktifkan"], akun
        ),
        "akun_ubah_peran": akun,
        # employees and units
        **{
            f"pegawai:{n}": pegawai
            for n in ["detail", "ubah", "pindah_jabatan", "nonaktifkan", "hukuman_baru", "kinerja_baru"]
        },
        **{
            n: [{"pk": o.subunit.pk}, {"pk": o.unit.pk}, {"pk": o.lain.pk}]
            for n in ["pegawai:unit_detail", "pegawai:unit_anak"]
        },
        "pegawai:siasn_banding": pegawai,
        "pegawai:siasn_ambil": pegawai,
        "pegawai:siasn_unit_hasil": [{"pk": w.banding.pk}],
        "pegawai:siasn_unit_xlsx": [{"pk": w.banding.pk}],
        "pegawai:siasn_kiriman_ulang": [{"pk": w.kiriman.pk}],
        "pegawai:pengganti_batal": [{"pk": w.pengganti.pk}, {"pk": w.pengganti_batal.pk}],
        # needs analysis
        "abk:rincian": [{"pk": o.unit.pk}, {"pk": o.lain.pk}],
        "abk:unit": [{"pk": o.subunit.pk}, {"pk": o.unit.pk}],
        "abk:jabatan_pilih": [{"pk": o.subunit.pk}],
        **{f"abk:{n}": [tugas, tugas_kosong] for n in ["tugas", "tugas_tambah", "tugas_salin", "kandidat", "tujuan"]},
        "abk:tugas_ubah": [{"pk": w.tugas.pk}],
        "abk:tugas_hapus": [{"pk": w.tugas.pk}],
        # import
        **{f"impor:{n}": [{"token": w.unggahan.token}] for n in ["pratinjau", "konfirmasi", "batal", "galat_csv"]},
        "impor:templat": [{"jenis": j} for j in JENIS],
        "impor:riwayat_detail": [{"pk": w.riwayat_impor.pk}],
        "impor:ekspor_pegawai": [{"format": "csv"}, {"format": "xlsx"}],
        # transfers
        "mutasi:detail": usulan_semua,
        "mutasi:ubah": usulan_dua,
        "mutasi:aksi": aksi_usulan,
        **{f"mutasi:{n}": usulan_dua for n in ["pengecualian", "tinjau", "menteri", "lampiran_tambah"]},
        "mutasi:sk_terbitkan": [{"pk": u[S.DIPUTUSKAN].pk}, {"pk": u[S.DRAFT].pk}],
        **{f"mutasi:{n}": usulan_sk for n in ["pemberitahuan", "pemberitahuan_pdf", "konfirmasi", "keberatan_ajukan"]},
        "mutasi:dokumen_unggah": usulan_dua,
        **{f"mutasi:dokumen_{n}": dokumen for n in ["unduh", "hapus"]},
        "mutasi:dokumen_syarat_ubah": [{"pk": JenisDokumenSyarat.objects.order_by("pk").first().pk}],
        "mutasi:lampiran_unduh": [{"pk": w.lampiran.pk}],
        "mutasi:lampiran_hapus": [{"pk": w.lampiran.pk}],
        **{f"mutasi:batch_{n}": [{"pk": w.batch.pk}] for n in ["detail", "aksi", "sk"]},
        "mutasi:sk_detail": [{"pk": w.sk.pk}, {"pk": w.konsep.pk}],
        "mutasi:sk_pdf": [{"pk": w.sk.pk}, {"pk": w.konsep.pk}],
        "mutasi:sk_tandatangani": [{"pk": w.konsep.pk}, {"pk": w.sk.pk}],
        "mutasi:sk_aksi": [{"pk": w.konsep.pk, "nama": n} for n in ("kembalikan", "tarik", "tandatangani")],
        "mutasi:sk_ubah": usulan_sk,
        "mutasi:pemberitahuan_serahkan": usulan_sk,
        "mutasi:verifikasi": [{"kode": w.sk.kode_verifikasi}],
        **{f"mutasi:permohonan_{n}": [{"pk": w.permohonan.pk}] for n in ["detail", "tolak", "tarik"]},
        "mutasi:permohonan_lampiran": [{"pk": w.lampiran_permohonan.pk}],
        "mutasi:keberatan_jawab": [{"pk": w.keberatan.pk}],
        # training and adaptation
        "pelatihan:katalog_detail": [{"pk": w.pelatihan.pk}],
        "pelatihan:katalog_ubah": [{"pk": w.pelatihan.pk}],
        **{f"pelatihan:penugasan_{n}": [{"pk": t.pk} for t in w.penugasan] for n in ["detail", "tenggat", "bukti"]},
        "pelatihan:penugasan_aksi": [{"pk": w.penugasan[0].pk, "nama": n} for n in AKSI_PELATIHAN],
        "pelatihan:usulan_tugaskan": [{"pk": w.dp.u.pk}, {"pk": u[S.DRAFT].pk}],
        **{
            f"pelatihan:{n}": adaptasi
            for n in ["adaptasi", "adaptasi_mentor", "adaptasi_item_tambah", "adaptasi_checkin"]
        },
        "pelatihan:adaptasi_item_ubah": [{"pk": w.item_adaptasi.pk}],
        "pelatihan:adaptasi_item_centang": [{"pk": w.item_adaptasi.pk}],
        # notices
        "notifikasi:buka": [{"pk": w.notifikasi.pk}],
        # reviews
        **{
            f"evaluasi:{n}": [{"pk": e.pk} for e in [w.evaluasi_terbuka, w.evaluasi_final]]
            for n in ["detail", "isi", "tanggapi", "tutup", "penilai"]
        },
    }


def _kwargs_tidak_ada(pola: Pola) -> list[dict]:
    """Variants with each parameter replaced by something that names nothing."""
    varian = []
    if not pola.param:
        return varian
    for nilai in TIDAK_ADA:
        kw = {}
        for nama, conv in pola.param:
            if conv == "int":
                kw[nama] = nilai
            elif conv in ("str", "slug"):
                kw[nama] = "xxx"
            else:  # a regex group: only its own values match, nothing to vary
                return varian
        if kw not in varian:
            varian.append(kw)
    return varian


# --- Requests and the report -------------------------------------------------------------------------


@dataclass
class Hasil:
    peran: str
    jenis: str  # "GET", "GET tidak ada", "GET sampah", "POST", "POST tidak ada"
    url: str
    status: int
    lokasi: str = ""
    galat: str = ""


@dataclass
class Catatan:
    pola: Pola
    hasil: list[Hasil] = field(default_factory=list)
    gagal: list[tuple[Hasil, str]] = field(default_factory=list)

    def tabel(self) -> str:
        jenis = ["GET", "GET tidak ada", "GET sampah", "POST", "POST tidak ada", "POST formulir"]
        sel: dict[tuple[str, str], set[int]] = defaultdict(set)
        for h in self.hasil:
            sel[h.peran, h.jenis].add(h.status)
        lebar = 15
        baris = [f"{self.pola.nama}  (/{self.pola.rute})", "peran       " + "".join(f"{j:<{lebar}}" for j in jenis)]
        for p in PERAN:
            isi = "".join(f"{','.join(map(str, sorted(sel[p, j]))) or '-':<{lebar}}" for j in jenis)
            baris.append(f"{p:<12}{isi}")
        if self.gagal:
            baris.append("")
            baris.append(f"GAGAL ({len(self.gagal)}):")
            for h, alasan in self.gagal[:40]:
                baris.append(f"  {h.peran:<10} {h.jenis:<14} {h.url!r} -> {h.status} {h.lokasi}: {alasan}")
                if h.galat:
                    baris.extend("      " + g for g in h.galat.splitlines())
            if len(self.gagal) > 40:
                baris.append(f"  ... dan {len(self.gagal) - 40} lagi")
        return "\n".join(baris)


def _kepala_galat(exc_info) -> str:
    """Exception and the innermost frames of project code (not the virtualenv)."""
    if not exc_info:
        return ""
    _tipe, nilai, tb = exc_info
    bingkai = [f for f in traceback.extract_tb(tb) if "/.venv/" not in f.filename and "site-packages" not in f.filename]
    baris = [f"{f.filename.split('/main/')[-1]}:{f.lineno} in {f.name}: {f.line}" for f in bingkai[-3:]]
    return "\n".join([*baris, f"{type(nilai).__name__}: {str(nilai)[:300]}"])


def _minta(
    klien: Client, method: str, url: str, *, lalu: str = "", data: dict | None = None
) -> tuple[int, str, str, bytes]:
    """One request inside a savepoint rolled back afterwards: the next request sees the same world,
    and a database error in one view (PostgreSQL aborts the transaction) does not poison the rest.
    `lalu`: a GET made first in the same savepoint (a link that stores its token in the session and
    redirects to the form)."""
    sid = transaction.savepoint_create()
    try:
        if lalu:
            klien.get(lalu)
        r = klien.get(url) if method == "GET" else klien.post(url, data or {})
    finally:
        transaction.savepoint_rollback(sid)
        transaction.set_rollback(False)
    isi = b""
    if r.status_code == 200 and r.get("Content-Type", "").startswith("text/html") and not r.streaming:
        isi = r.content
    return r.status_code, r.get("Location", ""), _kepala_galat(getattr(r, "exc_info", None)), isi


def _ke_sini(pola: Pola, lokasi: str) -> bool:
    """The redirect goes to the same URL name (e.g. /aktivasi/<uid>/<token>/ -> /aktivasi/<uid>/set-password/)."""
    try:
        return resolve(urlsplit(lokasi).path).view_name == pola.nama
    except Resolver404:
        return False


_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.I)
_SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S | re.I)
_OPSI = re.compile(r"<option\b[^>]*\bvalue=\"([^\"]*)\"", re.I)
_ATTR = re.compile(r"(?<![\w-])(name|type|action|method|id|form)=\"([^\"]*)\"", re.I)


def _formulir(html: bytes, url: str) -> list[tuple[str, str, tuple[str, ...], dict[str, str]]]:
    """The page's forms: (method, action, field names, first real option of each select), with the
    fields placed outside a form that name it (`form="id"`, e.g. the checkboxes of a list); file
    fields and the CSRF token left out."""
    teks = html.decode("utf-8", "replace")

    def field(bagian: str, milik: str | None = None) -> tuple[set[str], dict[str, str]]:
        nama, pilihan = set(), {}
        for _tag, f in _FIELD.findall(bagian):
            fa = {k.lower(): v for k, v in _ATTR.findall(f)}
            if milik is not None and fa.get("form") != milik:
                continue
            if fa.get("name") and fa["name"] != "csrfmiddlewaretoken" and fa.get("type", "").lower() != "file":
                nama.add(fa["name"])
        for attrs, opsi in _SELECT.findall(bagian):
            fa = {k.lower(): v for k, v in _ATTR.findall(attrs)}
            tunggal = not re.search(r"\bmultiple\b", attrs)  # a multiple select gets the junk too
            nilai = next((v for v in _OPSI.findall(opsi) if v), None)
            if fa.get("name") and tunggal and nilai and (milik is None or fa.get("form") == milik):
                pilihan[fa["name"]] = htmlmod.unescape(nilai)
        return nama, pilihan

    hasil = []
    for attrs, isi in _FORM.findall(teks):
        a = {k.lower(): v for k, v in _ATTR.findall(attrs)}
        nama, pilihan = field(isi)
        if a.get("id"):
            luar_nama, luar_pilihan = field(teks, a["id"])
            nama, pilihan = nama | luar_nama, pilihan | luar_pilihan
        aksi = htmlmod.unescape(a.get("action") or url)
        hasil.append((a.get("method", "get").upper(), aksi, tuple(sorted(nama)), pilihan))
    return hasil


def _field_get(html: bytes, url: str) -> set[str]:
    return {n for method, _aksi, nama, _pilihan in _formulir(html, url) if method == "GET" for n in nama}


def _url_dengan(url: str, query: dict | str) -> str:
    return f"{url}?{query if isinstance(query, str) else urlencode(query)}"


def _periksa(cat: Catatan, h: Hasil, login_url: str):
    cat.hasil.append(h)
    publik = cat.pola.nama in PUBLIK
    if h.status >= 500:
        cat.gagal.append((h, "galat server"))
    elif h.peran == "anon" and not publik:
        # A POST-only view refuses GET before it asks who is there (405 for any id: nothing leaks).
        if not (h.status == 302 and h.lokasi.startswith(login_url)) and not (h.status == 405 and h.jenis != "POST"):
            cat.gagal.append((h, "anonim harus diarahkan ke halaman masuk"))
    elif h.peran != "anon":
        boleh = BOLEH_GET if h.jenis.startswith("GET") else BOLEH_POST
        if h.status not in boleh:
            cat.gagal.append((h, f"status di luar {sorted(boleh)}"))
        elif h.status == 302 and h.lokasi.startswith(login_url) and cat.pola.nama != "logout":
            cat.gagal.append((h, "pengguna yang sudah masuk diarahkan ke halaman masuk"))


def _jalankan(pola: Pola, klien: dict[str, Client], objek: dict[str, list[dict]]) -> Catatan:
    cat = Catatan(pola)
    login_url = reverse("login")
    if pola.param:
        nyata = objek.get(pola.nama)
        if nyata is None:
            warnings.warn(f"{pola.nama}: tidak ada objek nyata di _objek(); dicoba id 1", stacklevel=1)
            nyata = [{n: 1 if c == "int" else "xxx" for n, c in pola.param}]
    else:
        nyata = [{}]
    url_nyata = [reverse(pola.nama, kwargs=kw) for kw in nyata]
    url_tidak_ada = []
    for kw in _kwargs_tidak_ada(pola):
        with contextlib.suppress(NoReverseMatch):  # a regex group takes only its own values
            url_tidak_ada.append(reverse(pola.nama, kwargs=kw))

    sampah_lengkap_sudah = sampah_berkas_sudah = False
    formulir_sudah: set[tuple[str, tuple[str, ...]]] = set()
    for peran in PERAN:  # hr first: the role that sees the most gets every kind of junk
        c = klien[peran]
        bisa_dibuka = []
        for url in url_nyata:
            status, lokasi, galat, html = _minta(c, "GET", url)
            _periksa(cat, Hasil(peran, "GET", url, status, lokasi, galat), login_url)
            if status == 200:
                bisa_dibuka.append((url, html))
            elif status == 302 and _ke_sini(pola, lokasi):
                for method in ("GET", "POST"):
                    status, lokasi2, galat, _html = _minta(c, method, lokasi, lalu=url)
                    _periksa(cat, Hasil(peran, method, lokasi, status, lokasi2, galat), login_url)
        for url in url_tidak_ada:
            status, lokasi, galat, *_ = _minta(c, "GET", url)
            _periksa(cat, Hasil(peran, "GET tidak ada", url, status, lokasi, galat), login_url)
        # Junk only where the role sees the page (elsewhere the answer comes before the query is read):
        # every kind for the first role that sees it, the combined and form-field junk for the others.
        # A file (PDF, spreadsheet) is costly to make and reads at most the list filters: once, few kinds.
        for url, html in bisa_dibuka[:1]:
            if not html:
                if sampah_berkas_sudah:
                    continue
                sampah_berkas_sudah = True
                kueri = [SAMPAH_GABUNG, SAMPAH_ANGKA, {"q": "\x00"}]
            else:
                kueri = [*SAMPAH, SAMPAH_GABUNG] if not sampah_lengkap_sudah else [SAMPAH_GABUNG]
                sampah_lengkap_sudah = True
                if field_form := _field_get(html, url):
                    kueri += [dict.fromkeys(sorted(field_form), nilai) for nilai in NILAI_SAMPAH]
            for q in kueri:
                u = _url_dengan(url, q)
                status, lokasi, galat, *_ = _minta(c, "GET", u)
                _periksa(cat, Hasil(peran, "GET sampah", u, status, lokasi, galat), login_url)
        # Every form the page shows, once per form (the first role that sees it): junk in every field
        # except single selects, which keep their first option (so the junk gets past "unknown action").
        for url, html in bisa_dibuka:
            for method, aksi, nama, pilihan in _formulir(html, url) if html else []:
                if method != "POST" or not aksi.startswith("/") or aksi.startswith(FORM_DILEWATI):
                    continue
                if (aksi, nama) in formulir_sudah:
                    continue
                formulir_sudah.add((aksi, nama))
                for nilai in NILAI_POST:
                    data = dict.fromkeys(nama, nilai) | pilihan
                    status, lokasi, galat, _html = _minta(c, "POST", aksi, data=data)
                    label = f"{aksi} {{{', '.join(nama)}}} = {nilai!r}"
                    _periksa(cat, Hasil(peran, "POST formulir", label, status, lokasi, galat), login_url)
    # POST last, the least privileged first (the savepoints undo every write anyway).
    for peran in PERAN:
        c = klien[peran]
        for url in url_nyata:
            status, lokasi, galat, *_ = _minta(c, "POST", url)
            _periksa(cat, Hasil(peran, "POST", url, status, lokasi, galat), login_url)
        for url in url_tidak_ada[:1]:
            status, lokasi, galat, *_ = _minta(c, "POST", url)
            _periksa(cat, Hasil(peran, "POST tidak ada", url, status, lokasi, galat), login_url)
    return cat


def _klien(orang: dict) -> dict[str, Client]:
    hasil = {"anon": Client(raise_request_exception=False)}
    for peran, p in orang.items():
        c = Client(raise_request_exception=False)
        c.force_login(p.akun)
        hasil[peran] = c
    return hasil


# --- The walk -------------------------------------------------------------------------------------------


@pytest.fixture(scope="class")
def dunia_url(bangun_sekali):
    """The world, built once for the class inside a transaction rolled back at the end."""
    with bangun_sekali("media_semua_url") as media:
        w = _dunia_bangun()
        w.media = media
        w.objek = _objek(w)
        yield w


@pytest.fixture
def senyap():
    """Thousands of expected 403/404 warnings would bury the table; the table has the server errors."""
    log = logging.getLogger("django.request")
    semula = log.level
    log.setLevel(logging.CRITICAL)
    yield
    log.setLevel(semula)


class TestSemuaUrl:
    @pytest.mark.parametrize("pola", POLA, ids=[p.nama for p in POLA])
    def test_tidak_pernah_galat_server(self, pola, dunia_url, db, settings, tmp_path, senyap):
        # Uploaded files are not rolled back with the savepoints: each URL starts from a fresh copy.
        settings.MEDIA_ROOT = shutil.copytree(dunia_url.media, tmp_path / "media", dirs_exist_ok=True)
        o = dunia_url.org
        klien = _klien({p: getattr(o, p) for p in PERAN if p != "anon"})
        mulai = time.perf_counter()
        cat = _jalankan(pola, klien, dunia_url.objek)
        if berkas := os.environ.get("SEMUA_URL_TABEL"):  # the whole matrix, for a report
            with open(berkas, "a", encoding="utf-8") as f:
                f.write(cat.tabel() + f"\n({len(cat.hasil)} permintaan, {time.perf_counter() - mulai:.1f} s)\n\n")
        if cat.gagal:
            pytest.fail("\n" + cat.tabel(), pytrace=False)


def test_semua_pola_terdaftar():
    """The walk sees every app's URLs (a resolver walk that silently found nothing would pass)."""
    nama = {p.nama for p in POLA}
    assert {"beranda", "login", "pegawai:detail", "abk:ikhtisar", "impor:index", "mutasi:detail"} <= nama
    assert {"pelatihan:katalog", "evaluasi:daftar", "impor:ekspor_pegawai"} <= nama
    assert not any(p.rute.startswith(DILEWATI) for p in POLA)
    assert len(POLA) > 100
    assert not TANPA_NAMA, f"give these URL patterns a name so the walk covers them: {TANPA_NAMA}"


def _meledak(request):
    raise ZeroDivisionError("sengaja")


urlpatterns = [path("meledak/", _meledak, name="meledak"), path("", include("config.urls"))]


@override_settings(ROOT_URLCONF=__name__)
def test_galat_server_tercatat_dengan_asalnya(db):
    """The checker itself: a view that raises is reported as a server error, with where it raised."""
    status, _lokasi, galat, _isi = _minta(Client(raise_request_exception=False), "GET", "/meledak/")
    assert status == 500
    assert "in _meledak" in galat and "ZeroDivisionError: sengaja" in galat
    cat = Catatan(Pola("meledak", "meledak/", ()))
    _periksa(cat, Hasil("hr", "GET", "/meledak/", status, "", galat), reverse("login"))
    _periksa(cat, Hasil("anon", "GET", "/meledak/", 200), reverse("login"))
    assert [alasan for _h, alasan in cat.gagal] == ["galat server", "anonim harus diarahkan ke halaman masuk"]
    assert "ZeroDivisionError" in cat.tabel()


# --- An empty database ----------------------------------------------------------------------------------

TANPA_PARAM = [p for p in POLA if not p.param]
# What HR opens on day one of a fresh install (no units, no employees yet).
HR_HARI_PERTAMA = [
    "beranda",
    "pegawai:daftar",
    "pegawai:buat",
    "pegawai:unit_daftar",
    "pegawai:profil_saya",
    "abk:ikhtisar",
    "abk:rotasi",
    "akun_pegawai",
    "impor:index",
    "impor:riwayat",
    "mutasi:daftar",
    "mutasi:kotak_masuk",
    "pelatihan:katalog",
    "evaluasi:daftar",
    "evaluasi:laporan",
    "notifikasi:daftar",
    "notifikasi:preferensi",
]


def _jalan_kosong(klien: dict[str, Client]) -> list[str]:
    """GET every page without parameters as every client; the server errors, as report lines."""
    galat = []
    for pola in TANPA_PARAM:
        url = reverse(pola.nama)
        for peran, c in klien.items():
            status, _lokasi, tb, _isi = _minta(c, "GET", url)
            if status >= 500:
                galat.append(f"{pola.nama} ({url}) as {peran}: {status}\n{tb}")
    return galat


class TestBasisDataKosong:
    def test_instalasi_baru_tanpa_unit_dan_pegawai(self, db):
        """Fresh install: only accounts (a superuser, HR, PPK and an employee login without a record)."""
        from pegawai.models import Peran, UnitKerja
        from pegawai.tests.factories import UserFactory

        assert not UnitKerja.objects.exists()
        akun = {
            "superuser": UserFactory(peran=Peran.PEGAWAI, is_superuser=True, is_staff=True),
            "hr": UserFactory(peran=Peran.HR),
            "ppk": UserFactory(peran=Peran.PPK),
            "pegawai": UserFactory(peran=Peran.PEGAWAI),
        }
        klien = {"anon": Client(raise_request_exception=False)}
        for peran, user in akun.items():
            klien[peran] = Client(raise_request_exception=False)
            klien[peran].force_login(user)
        galat = _jalan_kosong(klien)
        assert not galat, "\n\n".join(galat)
        for nama in HR_HARI_PERTAMA:
            for peran in ("superuser", "hr"):
                status, lokasi, *_ = _minta(klien[peran], "GET", reverse(nama))
                assert status == 200 or (nama == "pegawai:profil_saya" and status in (302, 404)), (
                    f"{nama} as {peran} -> {status} {lokasi}"
                )

    def test_organisasi_tanpa_data_lain(self, org, db):
        """The conftest org only: units and people, no tasks, proposals, reviews or training yet."""
        klien = {"anon": Client(raise_request_exception=False)}
        for peran in PERAN[1:]:
            klien[peran] = Client(raise_request_exception=False)
            klien[peran].force_login(getattr(org, peran).akun)
        galat = _jalan_kosong(klien)
        assert not galat, "\n\n".join(galat)
        for nama in HR_HARI_PERTAMA:
            status, lokasi, *_ = _minta(klien["hr"], "GET", reverse(nama))
            assert status == 200, f"{nama} as hr -> {status} {lokasi}"
