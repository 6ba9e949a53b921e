"""The mails of the transfer workflow, all sent through `inti.surel`: in the site's language
whatever the acting user browses in, after the commit of the step (the workflow queues them with
`setelah_commit`), muted by `inti.surel.tanpa_notifikasi`, to addresses found through `alamat()`
(`User.alamat_surel`, `Pegawai.alamat_surel`).

- every step: to whoever the proposal waits for next (or, returned/rejected/cancelled, to its
  proposer); from the decision on, the employee hears of the decision, the decree, the carrying
  out and a cancellation too;
- an objection raised: to HR; answered: to the employee;
- a request made: to HR, and its receipt with the registration number to the employee; declined
  or made a proposal of: to the employee.

Each function reads what it sends from the database when it runs (after the commit).
"""

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.surel import alamat, surel_kirim
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


def _penerima_langkah(u: UsulanMutasi) -> list[str]:
    """Who the proposal waits for now."""
    if u.status in (S.DIAJUKAN, S.DILEPAS):
        p = penyetuju_langkah(u, KEPALA_ASAL if u.status == S.DIAJUKAN else KEPALA_TUJUAN)
        if p.oleh_bkpsdm:
            return alamat(_pengguna(Peran.HR))
        return alamat(Pegawai.objects.select_related("akun").filter(pk=p.kepala_id))
    if u.status in (S.DITERIMA, S.DIPUTUSKAN):
        return alamat(_pengguna(Peran.HR))
    if u.status == S.DIVERIFIKASI:
        return alamat(_pengguna(Peran.PPK))
    if u.status in (S.DIKEMBALIKAN, S.DITOLAK, S.DIBATALKAN):
        return alamat(u.diusulkan_oleh)
    return []


def notifikasi_transisi(*, usulan_id: int, aksi: str, catatan: str = "") -> int:
    """The mails of one step; returns the number of messages sent."""
    u = UsulanMutasi.objects.select_related(
        "pegawai__akun", "asal_unit", "tujuan_unit", "asal_jabatan", "tujuan_jabatan", "sk", "diusulkan_oleh__pegawai"
    ).get(pk=usulan_id)
    judul = f"{JUDUL.get(aksi, _('Perubahan usulan mutasi'))}: {u.pegawai.nama_lengkap}"
    konteks = {"u": u, "aksi": aksi, "judul": judul, "catatan": catatan}
    terkirim = surel_kirim(
        kepada=_penerima_langkah(u),
        judul=judul,
        template="email/mutasi_langkah.txt",
        konteks={**konteks, "tautan": _tautan("mutasi:detail", u.pk)},
    )
    if u.diputuskan_pada and aksi in AKSI_KE_PEGAWAI:
        terkirim += surel_kirim(
            kepada=alamat(u.pegawai),
            judul=judul,
            template="email/mutasi_pegawai.txt",
            konteks={**konteks, "tautan": _tautan("mutasi:saya")},
        )
    return terkirim


def keberatan_diajukan(*, keberatan_id: int) -> int:
    k = Keberatan.objects.select_related("usulan__pegawai", "usulan__sk").get(pk=keberatan_id)
    return surel_kirim(
        kepada=alamat(_pengguna(Peran.HR)),
        judul=_("Keberatan pegawai atas mutasi: %(nama)s") % {"nama": k.usulan.pegawai.nama_lengkap},
        template="email/mutasi_keberatan.txt",
        konteks={"u": k.usulan, "k": k},
    )


def keberatan_dijawab(*, keberatan_id: int) -> int:
    k = Keberatan.objects.select_related("usulan__pegawai__akun").get(pk=keberatan_id)
    return surel_kirim(
        kepada=alamat(k.usulan.pegawai),
        judul=_("Jawaban atas keberatan Anda"),
        template="email/mutasi_keberatan_jawab.txt",
        konteks={"u": k.usulan, "k": k},
    )


def permohonan_diajukan(*, permohonan_id: int) -> int:
    p = PermohonanMutasi.objects.select_related("pegawai").get(pk=permohonan_id)
    return surel_kirim(
        kepada=alamat(_pengguna(Peran.HR)),
        judul=_("Permohonan mutasi baru: %(nama)s") % {"nama": p.pegawai.nama_lengkap},
        template="email/mutasi_permohonan.txt",
        konteks={"p": p},
    )


def permohonan_tanda_terima(*, permohonan_id: int) -> int:
    """The employee's receipt: the registration number to quote, and where to follow the request."""
    p = PermohonanMutasi.objects.select_related("pegawai__akun").get(pk=permohonan_id)
    return surel_kirim(
        kepada=alamat(p.pegawai),
        judul=_("Permohonan mutasi Anda terdaftar: %(nomor)s") % {"nomor": p.nomor},
        template="email/mutasi_permohonan_terima.txt",
        konteks={"p": p, "tautan": _tautan("mutasi:saya")},
    )


def permohonan_diproses(*, permohonan_id: int) -> int:
    p = PermohonanMutasi.objects.select_related("pegawai__akun").get(pk=permohonan_id)
    return surel_kirim(
        kepada=alamat(p.pegawai),
        judul=_("Permohonan mutasi Anda diproses: %(nomor)s") % {"nomor": p.nomor or "-"},
        template="email/mutasi_permohonan_proses.txt",
        konteks={"p": p, "tautan": _tautan("mutasi:saya")},
    )


def permohonan_ditolak(*, permohonan_id: int) -> int:
    p = PermohonanMutasi.objects.select_related("pegawai__akun").get(pk=permohonan_id)
    return surel_kirim(
        kepada=alamat(p.pegawai),
        judul=_("Tanggapan atas permohonan mutasi Anda"),
        template="email/mutasi_permohonan_tolak.txt",
        konteks={"p": p},
    )
