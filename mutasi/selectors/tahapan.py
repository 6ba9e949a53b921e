"""The employee follows their own case (issue 16, item 4): which of their transfers they see on
"Mutasi saya" (MUTASI_PEGAWAI_LIHAT_SEJAK), and each one's stages as a vertical timeline: the
stage's name, the date it was reached (from the history rows) and who acts next (from the
workflow's table of who each state waits for, `penyetuju.MENUNGGU`, with the head resolved as the
approvals resolve it). Nothing else: no approver's note, no eligibility detail, no names but the
next actor's role or unit (those are for the proposal's own page, from the decision on)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pegawai.akses import peran_user

from ..models import (
    TAHAPAN_USULAN,
    PermohonanMutasi,
    StatusPermohonan,
    StatusSK,
    StatusUsulan,
    UsulanMutasi,
)
from .penyetuju import KEPALA_ASAL, KEPALA_TUJUAN, MENUNGGU, PPK, InfoUnit, penyetuju_langkah, unit_peta
from .usulan import dengan_relasi, syarat_terlihat_pegawai

S = StatusUsulan
P = StatusPermohonan

# The employee's words for each stage of a proposal (the status labels speak to the approvers).
LABEL_TAHAP = {
    S.DIAJUKAN: gettext_lazy("Usulan diajukan"),
    S.DILEPAS: gettext_lazy("Disetujui unit asal"),
    S.DITERIMA: gettext_lazy("Diterima unit tujuan"),
    S.DIVERIFIKASI: gettext_lazy("Diverifikasi BKPSDM"),
    S.DIPUTUSKAN: gettext_lazy("Diputuskan PPK"),
    S.SK_TERBIT: gettext_lazy("SK terbit"),
    S.DILAKSANAKAN: gettext_lazy("Mutasi dilaksanakan"),
}
SELESAI, SEKARANG, NANTI, BERAKHIR = "selesai", "sekarang", "nanti", "berakhir"


@dataclass(frozen=True)
class Tahap:
    label: str
    keadaan: str  # SELESAI, SEKARANG (waiting for `menunggu`), NANTI, BERAKHIR (the case ended here)
    waktu: datetime | date | None = None
    menunggu: str = ""  # who acts next: a role or a unit's head, never a note


def mutasi_saya(user) -> QuerySet[UsulanMutasi]:
    """The employee's own transfers on their page: those made from their own request, from the
    start; the others from MUTASI_PEGAWAI_LIHAT_SEJAK on. Ongoing first, then the newest decision."""
    p = peran_user(user)
    qs = UsulanMutasi.objects.filter(pegawai_id=p.pegawai_id or 0).filter(
        Q(permohonan__isnull=False) | syarat_terlihat_pegawai()
    )
    return (
        dengan_relasi(qs)
        .select_related("permohonan")
        .prefetch_related("keberatan", "riwayat_status")
        .order_by(F("diputuskan_pada").desc(nulls_first=True), "-dibuat", "-id")
    )


# --- The timelines ----------------------------------------------------------------------------------


def _pelaku(u: UsulanMutasi, pelaku: str, peta: dict[int, InfoUnit]) -> str:
    if pelaku in (KEPALA_ASAL, KEPALA_TUJUAN):
        p = penyetuju_langkah(u, pelaku, peta)
        return str(_("BKPSDM")) if p is None or p.oleh_bkpsdm else _("Kepala %(unit)s") % {"unit": p.unit_nama}
    if pelaku == PPK:
        return _("PPK")
    return _("BKPSDM")


def menunggu_usulan(u: UsulanMutasi, peta: dict[int, InfoUnit] | None = None) -> str:
    """Who the proposal waits for now ("" when it has ended)."""
    peta = unit_peta() if peta is None else peta
    if u.status in (S.DRAFT, S.DIKEMBALIKAN):
        pengusul = peran_user(u.diusulkan_oleh) if u.diusulkan_oleh_id else None
        if pengusul is None or pengusul.hr:
            return _("BKPSDM")
        unit = sorted(i for i in pengusul.unit_dipimpin if i in peta)
        return _("Kepala %(unit)s") % {"unit": peta[unit[0]].nama} if unit else _("Pengusul")
    if u.status == S.DIPUTUSKAN and u.sk_cakupan.filter(status=StatusSK.KONSEP).exists():
        return _("PPK")  # the decree HR prepared waits for his signature
    if u.status == S.SK_TERBIT:
        tmt = u.tmt or u.tmt_usulan
        return _("BKPSDM (pelaksanaan pada TMT %(tmt)s)") % {"tmt": f"{tmt:%d-%m-%Y}"}
    if u.status in MENUNGGU:
        return _pelaku(u, MENUNGGU[u.status], peta)
    return ""


def _waktu_tahap(u: UsulanMutasi) -> dict[str, datetime]:
    """When each stage was last reached by a move (notes, where from = to, are not moves)."""
    waktu: dict[str, datetime] = {}
    for r in sorted(u.riwayat_status.all(), key=lambda r: (r.waktu, r.pk)):
        if r.dari != r.ke:
            waktu[r.ke] = r.waktu
    return waktu


def tahapan_usulan(u: UsulanMutasi, peta: dict[int, InfoUnit] | None = None) -> list[Tahap]:
    """Every stage of the proposal, submitted to carried out: done (with its date), the one waiting
    (with who acts next), the ones to come; a rejection or cancellation ends it at its date."""
    waktu = _waktu_tahap(u)
    cadangan = {S.DIAJUKAN: u.diajukan_pada, S.DIPUTUSKAN: u.diputuskan_pada, S.DILAKSANAKAN: u.dilaksanakan_pada}
    if u.status in TAHAPAN_USULAN:
        posisi = TAHAPAN_USULAN.index(u.status)
    elif u.status in (S.DITOLAK, S.DIBATALKAN):
        # Ended after the last stage it had reached before the refusal.
        sebelum = [r for r in sorted(u.riwayat_status.all(), key=lambda r: (r.waktu, r.pk)) if r.ke == u.status]
        dari = sebelum[-1].dari if sebelum else ""
        posisi = TAHAPAN_USULAN.index(dari) if dari in TAHAPAN_USULAN else -1
    else:  # a draft, or returned for correction: nothing submitted stands
        posisi = -1
    berakhir = u.status in (S.DITOLAK, S.DIBATALKAN)
    hasil: list[Tahap] = []
    if u.status == S.DIKEMBALIKAN:
        hasil.append(Tahap(str(_("Dikembalikan untuk perbaikan")), SELESAI, waktu.get(S.DIKEMBALIKAN)))
    for i, tahap in enumerate(TAHAPAN_USULAN):
        label = str(LABEL_TAHAP[tahap])
        if i <= posisi:
            hasil.append(Tahap(label, SELESAI, waktu.get(tahap) or cadangan.get(tahap)))
        elif berakhir:
            break
        elif i == posisi + 1:
            hasil.append(Tahap(label, SEKARANG, menunggu=menunggu_usulan(u, peta)))
        else:
            hasil.append(Tahap(label, NANTI))
    if berakhir:
        hasil.append(Tahap(u.get_status_display(), BERAKHIR, waktu.get(u.status)))
    return hasil


def tahapan_permohonan(p: PermohonanMutasi) -> list[Tahap]:
    """The request's own stages: submitted, then HR's answer (waiting, made a proposal of,
    declined) or its withdrawal."""
    waktu = {r.ke: r.waktu for r in sorted(p.riwayat_status.all(), key=lambda r: (r.waktu, r.pk))}
    hasil = [Tahap(str(_("Permohonan diajukan")), SELESAI, waktu.get(P.DIAJUKAN) or p.dibuat)]
    if p.status == P.DIAJUKAN:
        hasil.append(Tahap(str(_("Ditanggapi BKPSDM")), SEKARANG, menunggu=str(_("BKPSDM"))))
    elif p.status == P.DIPROSES:
        hasil.append(Tahap(str(_("Dibuatkan usulan mutasi")), SELESAI, waktu.get(P.DIPROSES) or p.ditangani_pada))
    else:
        hasil.append(Tahap(p.get_status_display(), BERAKHIR, waktu.get(p.status) or p.ditangani_pada))
    return hasil
