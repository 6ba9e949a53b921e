"""The notices of the transfer workflow, all given through `inti.notifikasi.beri_tahu`: a row in each
recipient's notice centre, then mail and/or WhatsApp as each chose (in the site's language, through the
worker), muted by `inti.surel.tanpa_notifikasi`.

- every step: to whoever the proposal waits for next (or, returned/rejected/cancelled, to its
  proposer); from the decision on, the employee hears of the decision, the decree, the carrying
  out and a cancellation too;
- an objection raised: to HR; answered: to the employee;
- a request made: to HR, and its receipt with the registration number to the employee; declined
  or made a proposal of: to the employee.

The workflow's steps call `notifikasi_transisi` after the commit (Alur.kabari); objections and
requests call theirs inside the service's transaction. Each reads what it tells from the database.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.notifikasi import beri_tahu
from inti.surel import bahasa_situs
from pegawai.models import Pegawai, Peran, User

from ..models import Keberatan, PermohonanMutasi, StatusUsulan, UsulanMutasi
from ..selectors.penyetuju import KEPALA_ASAL, KEPALA_TUJUAN, penyetuju_langkah

S = StatusUsulan

JUDUL = {
    "ajukan": gettext_lazy("Usulan mutasi menunggu persetujuan pelepasan"),
    "lepas": gettext_lazy("Usulan mutasi menunggu persetujuan penerimaan"),
    "terima": gettext_lazy("Usulan mutasi menunggu verifikasi BKPSDM"),
    "verifikasi": gettext_lazy("Usulan mutasi menunggu keputusan PPK"),
    "putuskan": gettext_lazy("Mutasi telah diputuskan"),
    "terbitkan_sk": gettext_lazy("SK mutasi telah terbit"),
    "laksanakan": gettext_lazy("Mutasi telah dilaksanakan"),
    "revisi_tujuan": gettext_lazy("Tujuan mutasi direvisi: menunggu persetujuan penerimaan"),
    "kembalikan": gettext_lazy("Usulan mutasi dikembalikan untuk perbaikan"),
    "tolak": gettext_lazy("Usulan mutasi ditolak"),
    "tarik": gettext_lazy("Usulan mutasi ditarik pengusul"),
    "batalkan": gettext_lazy("Usulan mutasi dibatalkan"),
    "batalkan_keputusan": gettext_lazy("Keputusan mutasi dibatalkan PPK"),
    "batalkan_sk": gettext_lazy("Mutasi dibatalkan dengan SK pembatalan"),
}
# Steps the employee hears of, once the transfer has been decided.
AKSI_KE_PEGAWAI = ("putuskan", "terbitkan_sk", "laksanakan", "batalkan", "batalkan_keputusan", "batalkan_sk")


def _pengguna(peran: str) -> Iterable[User]:
    return User.objects.filter(peran=peran, is_active=True).select_related("pegawai")


def _tautan(nama: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(nama, args=args)


def _penerima_langkah(u: UsulanMutasi) -> Any:
    """Who the proposal waits for now (users or employees; beri_tahu finds their accounts)."""
    if u.status in (S.DIAJUKAN, S.DILEPAS):
        p = penyetuju_langkah(u, KEPALA_ASAL if u.status == S.DIAJUKAN else KEPALA_TUJUAN)
        if p.oleh_bkpsdm:
            return _pengguna(Peran.HR)
        return Pegawai.objects.select_related("akun").filter(pk=p.kepala_id)
    if u.status in (S.DITERIMA, S.DIPUTUSKAN):
        return _pengguna(Peran.HR)
    if u.status == S.DIVERIFIKASI:
        return _pengguna(Peran.PPK)
    if u.status in (S.DIKEMBALIKAN, S.DITOLAK, S.DIBATALKAN):
        return u.diusulkan_oleh
    return []


def notifikasi_transisi(*, usulan_id: int, aksi: str, catatan: str = "") -> int:
    """The notices of one step; returns the number of accounts told."""
    u = UsulanMutasi.objects.select_related(
        "pegawai__akun", "asal_unit", "tujuan_unit", "asal_jabatan", "tujuan_jabatan", "sk", "diusulkan_oleh__pegawai"
    ).get(pk=usulan_id)
    judul = f"{JUDUL.get(aksi, _('Perubahan usulan mutasi'))}: {u.pegawai.nama_lengkap}"
    konteks = {"u": u, "aksi": aksi, "judul": judul, "catatan": catatan}
    tautan = _tautan("mutasi:detail", u.pk)
    baris = beri_tahu(
        penerima=_penerima_langkah(u),
        jenis="mutasi.langkah",
        judul=judul,
        isi=u.nomor,
        template="email/mutasi_langkah.txt",
        konteks={**konteks, "tautan": tautan},
        tautan=tautan,
    )
    if u.diputuskan_pada and aksi in AKSI_KE_PEGAWAI:
        tautan = _tautan("mutasi:saya")
        baris += beri_tahu(
            penerima=u.pegawai,
            jenis="mutasi.pegawai",
            judul=judul,
            isi=u.nomor,
            template="email/mutasi_pegawai.txt",
            konteks={**konteks, "tautan": tautan},
            tautan=tautan,
        )
    return len(baris)


@bahasa_situs()
def keberatan_diajukan(*, keberatan_id: int) -> int:
    k = Keberatan.objects.select_related("usulan__pegawai", "usulan__sk").get(pk=keberatan_id)
    return len(
        beri_tahu(
            penerima=_pengguna(Peran.HR),
            jenis="mutasi.keberatan",
            judul=_("Keberatan pegawai atas mutasi: %(nama)s") % {"nama": k.usulan.pegawai.nama_lengkap},
            isi=k.usulan.nomor,
            template="email/mutasi_keberatan.txt",
            konteks={"u": k.usulan, "k": k},
            tautan=_tautan("mutasi:keberatan_jawab", k.pk),
        )
    )


def keberatan_dijawab(*, keberatan_id: int) -> int:
    k = Keberatan.objects.select_related("usulan__pegawai__akun").get(pk=keberatan_id)
    return len(
        beri_tahu(
            penerima=k.usulan.pegawai,
            jenis="mutasi.keberatan_jawab",
            judul=_("Jawaban atas keberatan Anda"),
            isi=k.usulan.nomor,
            template="email/mutasi_keberatan_jawab.txt",
            konteks={"u": k.usulan, "k": k},
            tautan=_tautan("mutasi:saya"),
        )
    )


@bahasa_situs()
def permohonan_diajukan(*, permohonan_id: int) -> int:
    p = PermohonanMutasi.objects.select_related("pegawai").get(pk=permohonan_id)
    return len(
        beri_tahu(
            penerima=_pengguna(Peran.HR),
            jenis="mutasi.permohonan",
            judul=_("Permohonan mutasi baru: %(nama)s") % {"nama": p.pegawai.nama_lengkap},
            isi=p.get_jenis_display(),
            template="email/mutasi_permohonan.txt",
            konteks={"p": p},
            tautan=_tautan("mutasi:permohonan_detail", p.pk),
        )
    )


def permohonan_tanda_terima(*, permohonan_id: int) -> int:
    """The employee's receipt: the registration number to quote, and where to follow the request."""
    p = PermohonanMutasi.objects.select_related("pegawai__akun").get(pk=permohonan_id)
    return len(
        beri_tahu(
            penerima=p.pegawai,
            jenis="mutasi.permohonan_saya",
            judul=_("Permohonan mutasi Anda terdaftar: %(nomor)s") % {"nomor": p.nomor},
            isi=p.get_jenis_display(),
            template="email/mutasi_permohonan_terima.txt",
            konteks={"p": p, "tautan": _tautan("mutasi:saya")},
            tautan=_tautan("mutasi:saya"),
        )
    )


def permohonan_diproses(*, permohonan_id: int) -> int:
    p = PermohonanMutasi.objects.select_related("pegawai__akun").get(pk=permohonan_id)
    return len(
        beri_tahu(
            penerima=p.pegawai,
            jenis="mutasi.permohonan_saya",
            judul=_("Permohonan mutasi Anda diproses: %(nomor)s") % {"nomor": p.nomor or "-"},
            isi=p.get_jenis_display(),
            template="email/mutasi_permohonan_proses.txt",
            konteks={"p": p, "tautan": _tautan("mutasi:saya")},
            tautan=_tautan("mutasi:saya"),
        )
    )


@bahasa_situs()
def permohonan_ditolak(*, permohonan_id: int) -> int:
    p = PermohonanMutasi.objects.select_related("pegawai__akun").get(pk=permohonan_id)
    return len(
        beri_tahu(
            penerima=p.pegawai,
            jenis="mutasi.permohonan_tolak",
            judul=_("Tanggapan atas permohonan mutasi Anda"),
            isi=p.get_jenis_display(),
            template="email/mutasi_permohonan_tolak.txt",
            konteks={"p": p},
            tautan=_tautan("mutasi:permohonan_detail", p.pk),
        )
    )
