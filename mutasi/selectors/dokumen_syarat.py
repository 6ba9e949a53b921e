"""The documents a proposal needs (the catalogue and rules HR keeps, `mutasi.models.dokumen`):
the checklist on its page and what is still missing before a step (the workflow's guard,
`mutasi.services.alur`, asks `dokumen_kurang`).

A rule is checked at the step it names. A kind counts when its file is uploaded, or when the
application holds it (`JenisDokumenSyarat.sumber`): the proposal was made from the employee's own
request; the sending head released the employee in the application (not on a transfer into the
city, whose sending side is another instansi), or the receiving head accepted (not on a transfer
out of the city) since the proposal was last returned or its destination last revised. The step
that gives an approval satisfies the rule asking for it at that very step. An attachment of the
kind's `jenis_lampiran` counts like an upload."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..models import (
    URUTAN_LANGKAH_DOKUMEN,
    AturanDokumenSyarat,
    DokumenUsulan,
    JenisDokumenSyarat,
    JenisMutasi,
    LampiranUsulan,
    LangkahDokumen,
    PermohonanMutasi,
    SumberDokumen,
    UsulanMutasi,
)
from .usulan import usulan_terlihat

# The step an automatic source is given by, and the steps after which it must be given again.
_LANGKAH_SUMBER = {
    SumberDokumen.PELEPASAN: ("lepas", ("kembalikan",)),
    SumberDokumen.PENERIMAAN: ("terima", ("kembalikan", "revisi_tujuan")),
}


@dataclass
class BarisDokumen:
    jenis: JenisDokumenSyarat
    langkah: str  # the step it is required by (a LangkahDokumen value)
    dokumen: DokumenUsulan | None = None
    lampiran: LampiranUsulan | None = None  # an attachment of the kind's `jenis_lampiran`
    otomatis: str = ""  # what in the application satisfies it, for the page
    otomatis_pada: datetime | None = None
    bisa_otomatis: bool = False  # the application gives it later (an approval still to come)

    @property
    def terpenuhi(self) -> bool:
        return self.dokumen is not None or self.lampiran is not None or bool(self.otomatis)

    @property
    def perlu_unggah(self) -> bool:
        """Missing, and nothing in the application will give it: someone must upload it."""
        return not self.terpenuhi and not self.bisa_otomatis

    @property
    def langkah_label(self) -> str:
        return LangkahDokumen(self.langkah).label


def aturan_untuk(u: UsulanMutasi) -> QuerySet[AturanDokumenSyarat]:
    """The rules of active kinds that apply to this proposal's kind and basis."""
    return (
        AturanDokumenSyarat.objects.filter(jenis_dokumen__aktif=True, jenis_mutasi=u.jenis)
        .filter(Q(dasar="") | Q(dasar=u.dasar))
        .select_related("jenis_dokumen")
        .order_by("jenis_dokumen__urutan", "jenis_dokumen_id")
    )


def _otomatis_mungkin(u: UsulanMutasi, sumber: str) -> bool:
    """Whether the application can give `sumber` for `u` (an approval of a side inside the city)."""
    if sumber == SumberDokumen.PELEPASAN:
        return u.jenis != JenisMutasi.MASUK
    if sumber == SumberDokumen.PENERIMAAN:
        return u.jenis != JenisMutasi.KELUAR
    return False


def _sumber_dari_aplikasi(u: UsulanMutasi, sumber: str, riwayat: list) -> tuple[str, datetime | None]:
    """What in the application satisfies `sumber` for `u` ("" when nothing does)."""
    if sumber == SumberDokumen.PERMOHONAN:
        p = PermohonanMutasi.objects.filter(usulan=u).first()
        if p is None:
            return "", None
        return _("Permohonan pegawai %(n)s di aplikasi") % {"n": p.nomor or p.pk}, p.dibuat
    if not _otomatis_mungkin(u, sumber):
        return "", None
    aksi, batal = _LANGKAH_SUMBER[sumber]
    for r in reversed(riwayat):
        if r.aksi in batal:
            return "", None
        if r.aksi == aksi:
            nama = r.oleh.get_full_name() if r.oleh_id else ""
            teks = _("Disetujui di aplikasi") + (f": {nama}" if nama else "") + (f" ({r.sebagai})" if r.sebagai else "")
            return teks, r.waktu
    return "", None


def daftar_dokumen(u: UsulanMutasi, *, aksi: str = "") -> list[BarisDokumen]:
    """The checklist: one row per kind required for this proposal, in the catalogue's order.
    `aksi`: the step being performed now (its own approval counts for it)."""
    aturan = list(aturan_untuk(u))
    unggahan = {d.jenis_id: d for d in u.dokumen.select_related("diunggah_oleh", "jenis")}
    lampiran = {la.jenis: la for la in u.lampiran.order_by("id")} if aturan else {}  # the latest per kind
    riwayat = list(u.riwayat_status.select_related("oleh").order_by("waktu", "id")) if aturan else []
    baris = []
    for a in aturan:
        b = BarisDokumen(jenis=a.jenis_dokumen, langkah=a.langkah, dokumen=unggahan.pop(a.jenis_dokumen_id, None))
        sumber = a.jenis_dokumen.sumber
        if b.dokumen is None and a.jenis_dokumen.jenis_lampiran:
            b.lampiran = lampiran.get(a.jenis_dokumen.jenis_lampiran)
        if b.dokumen is None and b.lampiran is None and sumber:
            b.otomatis, b.otomatis_pada = _sumber_dari_aplikasi(u, sumber, riwayat)
            b.bisa_otomatis = not b.otomatis and _otomatis_mungkin(u, sumber)
            if b.bisa_otomatis and aksi and _LANGKAH_SUMBER[sumber][0] == aksi == a.langkah:
                b.otomatis = _("Diberikan pada langkah ini")
        baris.append(b)
    # Uploads of kinds no longer required (a rule or the proposal's kind changed) stay listed.
    baris += [BarisDokumen(jenis=d.jenis, langkah="", dokumen=d) for d in unggahan.values()]
    return baris


def dokumen_kurang(u: UsulanMutasi, aksi: str) -> list[str]:
    """The names of the documents required at step `aksi` that are missing (empty: none)."""
    if aksi not in URUTAN_LANGKAH_DOKUMEN:
        return []
    return [b.jenis.nama for b in daftar_dokumen(u, aksi=aksi) if b.langkah == aksi and not b.terpenuhi]


def kurang_per_aksi(u: UsulanMutasi, aksi: list[str]) -> dict[str, list[str]]:
    """{step: names missing for it} for the steps the page offers (the buttons say what is missing)."""
    return {a: kurang for a in aksi if (kurang := dokumen_kurang(u, a))}


def dokumen_ambil(user, pk: int) -> DokumenUsulan:
    """A document of a proposal the user sees, or 404."""
    return get_object_or_404(
        DokumenUsulan.objects.select_related("usulan", "jenis"), pk=pk, usulan__in=usulan_terlihat(user)
    )


def jenis_dokumen_daftar() -> QuerySet[JenisDokumenSyarat]:
    """The catalogue with its rules, for HR's page."""
    return JenisDokumenSyarat.objects.prefetch_related("aturan")
