"""Objections (keberatan): the employee raises one within KEBERATAN_BATAS_HARI days of being
given the notice (their acknowledgement, or the delivery HR records; before that no window runs);
HR answers and decides to uphold, revise or cancel. An unanswered objection holds the move until
HR decides; it never silently stops it.

An objection is a workflow of its own (`inti.transisi.Alur`): raised (DIAJUKAN), answered
(DIJAWAB), each with a row in its own history (RiwayatStatusKeberatan), shown with the proposal's
timeline. The answer does its decision's work in the same transaction, but a decree in force is
changed or revoked only by the PPK: a cancellation prepares a revoking decree, a new TMT alone an
amending decree, both for the PPK to decide and sign (`mutasi.services.sk`); the transfer is held
until he does. A new destination goes back to the new receiving head's acceptance, HR
verification and a fresh PPK decision before the amending decree (the rule and its reasons are in
`mutasi.services.alur`)."""

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.audit import audit_catat
from inti.transisi import Alur, Transisi, tabel
from pegawai.models import Jabatan, UnitKerja, User

from .. import akses
from ..models import (
    JenisMutasi,
    Keberatan,
    KeputusanKeberatan,
    StatusKeberatan,
    StatusUsulan,
    UsulanMutasi,
)
from ..selectors.penyetuju import HR
from . import AlurError, pastikan
from .alur import ALUR as ALUR_USULAN
from .alur import usulan_transisi
from .kelayakan import kelayakan_usulan
from .notifikasi import keberatan_diajukan, keberatan_dijawab
from .sk_konsep import sk_siapkan_pembatalan, sk_siapkan_perubahan
from .usulan import validasi_tujuan

KEBERATAN_MAKS = 5000


def _revisi(
    *,
    oleh: User,
    u: UsulanMutasi,
    jawaban: str,
    tmt_baru: date | None,
    unit: UnitKerja | None,
    jabatan: Jabatan | None,
) -> dict[str, list[str]]:
    """Apply HR's revision; returns what changed. See `mutasi.services.alur` for the rule: a new
    destination goes back to the new receiving head's acceptance, a new TMT alone gets a draft
    amending decree for the PPK."""
    if u.status != StatusUsulan.SK_TERBIT:
        raise AlurError(_("Revisi hanya dapat dilakukan selama SK sudah terbit dan mutasi belum dilaksanakan."))
    unit_baru = unit or u.tujuan_unit
    jabatan_baru = jabatan or u.tujuan_jabatan
    tujuan_berubah = (unit_baru, jabatan_baru) != (u.tujuan_unit, u.tujuan_jabatan)
    tmt = tmt_baru or u.tmt
    if not tujuan_berubah and tmt == u.tmt:
        raise AlurError(_("Revisi: isi TMT baru dan/atau unit/jabatan tujuan yang berbeda dari SK sekarang."))
    perubahan: dict[str, list[str]] = {}
    if tmt != u.tmt:
        perubahan["tmt"] = [f"{u.tmt:%d-%m-%Y}", f"{tmt:%d-%m-%Y}"]
    if not tujuan_berubah:
        konsep = sk_siapkan_perubahan(oleh=oleh, usulan=u, tmt=tmt, alasan=jawaban)
        perubahan["sk_konsep"] = [u.sk.nomor, str(konsep.pk)]
        ALUR_USULAN.catat(objek=u, aksi="revisi", oleh=oleh, catatan=jawaban, sebagai=_("staf BKPSDM"))
        return perubahan

    if u.jenis == JenisMutasi.KELUAR:
        raise AlurError(
            _("Mutasi keluar: tujuannya ditetapkan instansi lain. Batalkan mutasi ini dan buat usulan baru.")
        )
    if unit_baru != u.tujuan_unit:
        perubahan["tujuan_unit"] = [str(u.tujuan_unit), str(unit_baru)]
    if jabatan_baru != u.tujuan_jabatan:
        perubahan["tujuan_jabatan"] = [str(u.tujuan_jabatan), str(jabatan_baru)]
    perubahan["alur"] = [str(StatusUsulan.SK_TERBIT.label), str(StatusUsulan.DILEPAS.label)]

    def ubah(x: UsulanMutasi) -> None:
        x.tujuan_unit, x.tujuan_jabatan, x.tmt_usulan = unit_baru, jabatan_baru, tmt
        validasi_tujuan(x)
        cek = kelayakan_usulan(x)
        x.hasil_cek = [c.as_dict() for c in cek]
        x.dalam_masa_tenang = any(c.kode == "masa_tenang" and c.hasil != "lulus" for c in cek)
        # A check the new destination fails stops the next step until HR overrides it, check by check.

    usulan_transisi(usulan=u, aksi="revisi_tujuan", oleh=oleh, catatan=jawaban, ubah=ubah)
    return perubahan


class AlurKeberatan(Alur):
    model = Keberatan
    transisi = tabel(
        Transisi("jawab", (StatusKeberatan.DIAJUKAN,), StatusKeberatan.DIJAWAB, gettext_lazy("Jawab keberatan"), HR)
    )
    awalan_audit = "mutasi.keberatan"
    label_lain = {"ajukan": gettext_lazy("Keberatan diajukan")}
    galat = AlurError
    select_related = ("usulan",)
    catatan_maks = KEBERATAN_MAKS

    def hak(self, t: Transisi, obj: Keberatan, user: Any, **konteks: Any) -> tuple[bool, str]:
        izin = akses.boleh_jawab_keberatan(user, obj)
        return izin.boleh, izin.pesan

    def pesan_status(self, obj: Keberatan, t: Transisi) -> str:
        return _("Keberatan ini sudah dijawab.")

    def syarat(
        self,
        t: Transisi,
        k: Keberatan,
        oleh: Any,
        catatan: str,
        *,
        keputusan: str = "",
        tmt_baru: date | None = None,
        tujuan_unit: UnitKerja | None = None,
        tujuan_jabatan: Jabatan | None = None,
        **data: Any,
    ) -> dict[str, Any]:
        """The answer and its decision's work on the proposal (the same transaction)."""
        if keputusan not in KeputusanKeberatan.values:
            raise AlurError(_("Pilih keputusan: tetap, revisi atau batal."))
        if len(catatan) < 10:
            raise AlurError(_("Tulis jawaban untuk pegawai (minimal 10 karakter)."))
        u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("sk", "pegawai").get(pk=k.usulan_id)
        if keputusan != KeputusanKeberatan.TETAP and u.status == StatusUsulan.DILAKSANAKAN:
            raise AlurError(_("Mutasi sudah dilaksanakan: revisi atau pembatalan memerlukan usulan mutasi baru."))
        k.jawaban, k.keputusan, k.dijawab_oleh, k.dijawab_pada = catatan, keputusan, oleh, timezone.now()
        if keputusan == KeputusanKeberatan.BATAL:
            if u.status != StatusUsulan.SK_TERBIT:
                raise AlurError(_("Pembatalan atas keberatan hanya selama SK berlaku dan mutasi belum dilaksanakan."))
            konsep = sk_siapkan_pembatalan(
                oleh=oleh, usulan=u, alasan=_("keberatan pegawai diterima: %(j)s") % {"j": catatan}
            )
            k.perubahan = {"sk_konsep": [u.sk.nomor, str(konsep.pk)]}
        elif keputusan == KeputusanKeberatan.REVISI:
            k.perubahan = _revisi(
                oleh=oleh,
                u=u,
                jawaban=catatan,
                tmt_baru=tmt_baru,
                unit=tujuan_unit,
                jabatan=tujuan_jabatan,
            )
        return {"keputusan": keputusan, **k.perubahan}

    def ringkasan(self, k: Keberatan, lama: str, t: Transisi) -> str:
        return f"Keberatan atas {k.usulan.nomor} dijawab: {KeputusanKeberatan(k.keputusan).label}"

    def kabari(self, k: Keberatan, t: Transisi, catatan: str) -> Callable[[], Any]:
        return partial(keberatan_dijawab, keberatan_id=k.pk)


ALUR = AlurKeberatan()


@transaction.atomic
def keberatan_ajukan(*, oleh: User, usulan: UsulanMutasi, isi: str, hari_ini: date | None = None) -> Keberatan:
    u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("sk", "pegawai").get(pk=usulan.pk)
    pastikan(akses.boleh_ajukan_keberatan(oleh, u, hari_ini))
    if len(isi.strip()) < 10:
        raise AlurError(_("Uraikan keberatan Anda (minimal 10 karakter)."))
    if len(isi) > KEBERATAN_MAKS:
        raise AlurError(_("Keberatan terlalu panjang (maksimal %(n)d karakter).") % {"n": KEBERATAN_MAKS})
    k = Keberatan(usulan=u, isi=isi.strip())
    k.full_clean()
    k.save()
    ALUR.catat(objek=k, aksi="ajukan", oleh=oleh, catatan=k.isi, sebagai=_("pegawai"), dari="")
    audit_catat(oleh=oleh, aksi="mutasi.keberatan.ajukan", objek=k, ringkasan=f"Keberatan atas {u.nomor} diajukan")
    keberatan_diajukan(keberatan_id=k.pk)
    return k


def keberatan_jawab(
    *,
    oleh: User,
    keberatan: Keberatan,
    jawaban: str,
    keputusan: str,
    tmt_baru: date | None = None,
    tujuan_unit: UnitKerja | None = None,
    tujuan_jabatan: Jabatan | None = None,
) -> Keberatan:
    """HR's answer: uphold, revise or cancel (see the module's docstring)."""
    return ALUR.jalankan(
        objek=keberatan,
        aksi="jawab",
        oleh=oleh,
        catatan=jawaban,
        keputusan=keputusan,
        tmt_baru=tmt_baru,
        tujuan_unit=tujuan_unit,
        tujuan_jabatan=tujuan_jabatan,
    )
