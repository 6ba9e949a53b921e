"""The employee's own request for a transfer: made from their page, answered by HR (turned
into a proposal with basis "own request", or declined with a reason the employee reads).

A request is a workflow of its own (`inti.transisi.Alur`, `AlurPermohonan`): its submission is
the first row of its history (`Alur.catat`), then one move: withdrawn by the employee, declined by
HR with a reason, or made a proposal of by HR ("proses", performed when HR creates the proposal
from it). Each move locks the row, checks state and actor (`mutasi.akses`), writes a
RiwayatStatusPermohonan row and an audit row in one transaction, and queues its mail for after the
commit. On submission the request gets its registration number (PMH-2026-00001, gap-free per
year) in the same transaction, under the year counter's row lock."""

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.audit import audit_catat
from inti.surel import setelah_commit
from inti.transisi import Alur, Transisi, tabel
from pegawai.akses import peran_user
from pegawai.models import Pegawai, UnitKerja, User

from .. import akses
from ..models import (
    STATUS_PERMOHONAN_TERBUKA,
    JenisMutasi,
    JenisNomor,
    LampiranPermohonan,
    PermohonanMutasi,
    StatusPermohonan,
    UsulanMutasi,
)
from ..selectors.penyetuju import HR
from . import AlurError, pastikan
from .kelayakan import cek_sepuluh_tahun
from .lampiran import berkas_periksa
from .notifikasi import permohonan_diajukan, permohonan_diproses, permohonan_ditolak, permohonan_tanda_terima
from .penomoran import nomor_berikut

PESAN_MASIH_TERBUKA = gettext_lazy("Anda masih punya permohonan yang menunggu tanggapan.")
PEMOHON = "pemohon"  # the employee who made the request
ALASAN_TOLAK_MIN = 10

P = StatusPermohonan


class AlurPermohonan(Alur):
    model = PermohonanMutasi
    awalan_audit = "mutasi.permohonan"
    galat = AlurError
    select_related = ("pegawai",)
    transisi = tabel(
        Transisi(
            "tarik",
            (P.DIAJUKAN,),
            P.DITARIK,
            gettext_lazy("Tarik permohonan"),
            PEMOHON,
            gaya="outline-danger",
            konfirmasi=gettext_lazy("Tarik permohonan ini?"),
        ),
        Transisi(
            "tolak", (P.DIAJUKAN,), P.DITOLAK, gettext_lazy("Tolak permohonan"), HR, wajib_catatan=True, gaya="danger"
        ),
        # HR made a proposal of it (`permohonan_tautkan`, from the new-proposal page): never a button.
        Transisi("proses", (P.DIAJUKAN,), P.DIPROSES, gettext_lazy("Buat usulan dari permohonan"), HR, internal=True),
    )

    def hak(self, t: Transisi, obj: PermohonanMutasi, user: Any, **konteks: Any) -> tuple[bool, str]:
        if t.pelaku == PEMOHON:
            izin = akses.boleh_tarik_permohonan(user, obj)
            return izin.boleh, izin.pesan or _("pemohon")
        izin = akses.boleh_tanggapi_permohonan(user, obj)
        return izin.boleh, izin.pesan or _("staf BKPSDM")

    def pesan_status(self, obj: PermohonanMutasi, t: Transisi) -> str:
        return _('Permohonan berstatus "%(status)s": aksi "%(aksi)s" tidak dapat dilakukan.') % {
            "status": obj.get_status_display(),
            "aksi": t.label,
        }

    def syarat(self, t: Transisi, obj: PermohonanMutasi, oleh: Any, catatan: str, **data: Any) -> dict[str, Any]:
        tambahan: dict[str, Any] = {}
        if t.aksi == "tolak":
            if len(catatan) < ALASAN_TOLAK_MIN:
                raise AlurError(_("Tulis alasan penolakan untuk pegawai (minimal 10 karakter)."))
            obj.alasan_tolak = catatan
        if t.aksi == "proses":
            usulan: UsulanMutasi = data["usulan"]
            if usulan.pegawai_id != obj.pegawai_id:
                raise AlurError(_("Usulan ini bukan untuk pemohon permohonan tersebut."))
            obj.usulan = usulan
            tambahan["usulan"] = usulan.nomor
        if t.aksi in ("tolak", "proses"):
            obj.ditangani_oleh, obj.ditangani_pada = oleh, timezone.now()
        return tambahan

    def ringkasan(self, obj: PermohonanMutasi, lama: str, t: Transisi) -> str:
        return f"Permohonan {obj.nomor or obj.pk} ({obj.pegawai.nama}): {P(lama).label} -> {P(t.ke).label}"

    def kabari(self, obj: PermohonanMutasi, t: Transisi, catatan: str) -> Callable[[], Any] | None:
        kirim = {"tolak": permohonan_ditolak, "proses": permohonan_diproses}.get(t.aksi)
        return partial(kirim, permohonan_id=obj.pk) if kirim else None


ALUR = AlurPermohonan()


@transaction.atomic
def permohonan_buat(
    *,
    oleh: User,
    jenis: str,
    alasan: str,
    unit_pilihan: Iterable[UnitKerja],
    instansi_tujuan: str = "",
    berkas: Iterable[UploadedFile] = (),
) -> PermohonanMutasi:
    pastikan(akses.boleh_ajukan_permohonan(oleh))
    pegawai = Pegawai.objects.get(pk=peran_user(oleh).pegawai_id)
    if PermohonanMutasi.objects.filter(pegawai=pegawai, status__in=STATUS_PERMOHONAN_TERBUKA).exists():
        raise AlurError(str(PESAN_MASIH_TERBUKA))
    if jenis == JenisMutasi.KELUAR:
        if not instansi_tujuan.strip():
            raise AlurError(_("Isi instansi tujuan."))
        cek = cek_sepuluh_tahun(pegawai, timezone.localdate())
        if cek.gagal:
            raise AlurError(cek.pesan)
    elif jenis != JenisMutasi.DALAM:
        raise AlurError(_("Jenis permohonan tidak dikenal."))
    periksa = [(f, berkas_periksa(f)) for f in berkas]
    obj = PermohonanMutasi(pegawai=pegawai, jenis=jenis, alasan=alasan.strip(), instansi_tujuan=instansi_tujuan.strip())
    obj.full_clean(validate_constraints=False)
    # The number under the year counter's lock, in this transaction: a refused submission gives
    # it back (no gap), a simultaneous one waits for it (no duplicate).
    _urut, obj.nomor = nomor_berikut(timezone.localtime(obj.dibuat).year, JenisNomor.PERMOHONAN)
    try:
        # Exactly once: the database allows one open request per employee; of simultaneous
        # identical submissions one is saved and the others get the message.
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise AlurError(str(PESAN_MASIH_TERBUKA)) from exc
    if jenis == JenisMutasi.DALAM:
        obj.unit_pilihan.set(unit_pilihan)
    for f, tipe in periksa:
        lampiran = LampiranPermohonan(permohonan=obj)
        lampiran.pasang(f, tipe)
        lampiran.save()
    ALUR.catat(objek=obj, aksi="ajukan", oleh=oleh, dari="", sebagai=_("pemohon"))
    audit_catat(
        oleh=oleh,
        aksi="mutasi.permohonan",
        objek=obj,
        ringkasan=f"Permohonan mutasi {obj.nomor} {pegawai.nama}",
        perubahan={"status": ["", P.DIAJUKAN], "nomor": obj.nomor},
    )
    setelah_commit(lambda: permohonan_diajukan(permohonan_id=obj.pk))
    setelah_commit(lambda: permohonan_tanda_terima(permohonan_id=obj.pk))
    return obj


def permohonan_tolak(*, oleh: User, permohonan: PermohonanMutasi, alasan: str) -> PermohonanMutasi:
    """HR declines the request with a reason the employee reads."""
    return ALUR.jalankan(objek=permohonan, aksi="tolak", oleh=oleh, catatan=alasan)


def permohonan_tautkan(*, oleh: User, permohonan: PermohonanMutasi, usulan: UsulanMutasi) -> PermohonanMutasi:
    """The request became a proposal (HR made it from the request)."""
    return ALUR.jalankan(objek=permohonan, aksi="proses", oleh=oleh, usulan=usulan)


def permohonan_tarik(*, oleh: User, permohonan: PermohonanMutasi) -> PermohonanMutasi:
    """The employee withdraws the request while it waits."""
    return ALUR.jalankan(objek=permohonan, aksi="tarik", oleh=oleh)


def permohonan_aksi_tersedia(permohonan: PermohonanMutasi, user: User) -> list[Transisi]:
    """The buttons this user gets on this request (exactly the moves the workflow accepts)."""
    return ALUR.tersedia(permohonan, user)
