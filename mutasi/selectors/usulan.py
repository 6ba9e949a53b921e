"""Reads of proposals: who sees which (the one visibility rule), one proposal (404 otherwise), the
filtered list, the employee's own transfers, the timeline, and what changed in the record."""

from datetime import date
from itertools import chain

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from inti.models import RiwayatStatus
from pegawai.akses import peran_user
from pegawai.models import Pegawai, RiwayatJabatan
from pegawai.pohon import unit_turunan_ids
from pegawai.selectors.cari import q_nama_nip, saring

from ..models import (
    STATUS_SELESAI,
    STATUS_SK_BERLAKU,
    STATUS_TERBUKA,
    TAHAPAN_USULAN,
    JenisMutasi,
    LampiranUsulan,
    RiwayatStatusKeberatan,
    RiwayatStatusUsulan,
    StatusUsulan,
    UsulanMutasi,
)
from .penyetuju import KEPALA_TUJUAN, InfoUnit, penyetuju_langkah


def tahap_terlihat_pegawai() -> tuple[str, ...]:
    """The stages from MUTASI_PEGAWAI_LIHAT_SEJAK on."""
    sejak = settings.MUTASI_PEGAWAI_LIHAT_SEJAK
    if sejak not in TAHAPAN_USULAN:
        raise ImproperlyConfigured(
            f"MUTASI_PEGAWAI_LIHAT_SEJAK={sejak!r}: gunakan salah satu dari {', '.join(TAHAPAN_USULAN)}."
        )
    return TAHAPAN_USULAN[TAHAPAN_USULAN.index(sejak) :]


def syarat_terlihat_pegawai() -> Q:
    """A proposal that has reached the setting's stage (now or once: a cancelled or revised one
    stays in the employee's view). The employee's page (`tahapan.mutasi_saya`) and, from the
    decision on, the proposal's own page follow it."""
    tahap = tahap_terlihat_pegawai()
    q = Q(status__in=tahap) | Q(Exists(RiwayatStatusUsulan.objects.filter(usulan=OuterRef("pk"), ke__in=tahap)))
    if StatusUsulan.DIPUTUSKAN in tahap:
        q |= Q(diputuskan_pada__isnull=False)
    if StatusUsulan.DIAJUKAN in tahap:
        q |= Q(diajukan_pada__isnull=False)
    return q


def _syarat_terlihat(user) -> Q | None:
    """Who sees which proposal (None = everything): HR staff all; the PPK every submitted one;
    unit heads those touching their units from submission on, never their own transfer; the
    proposer their own; the employee their transfer's page from the decision on (or from the later
    stage MUTASI_PEGAWAI_LIHAT_SEJAK names: `syarat_terlihat_pegawai`)."""
    p = peran_user(user)
    if p.hr:
        return None
    cond = Q(pk__in=[])
    if p.ppk:
        cond |= Q(diajukan_pada__isnull=False)
    if p.unit_wewenang:
        menyentuh = Q(asal_unit_id__in=p.unit_wewenang) | Q(tujuan_unit_id__in=p.unit_wewenang)
        cond |= (menyentuh & Q(diajukan_pada__isnull=False)) & ~Q(pegawai_id=p.pegawai_id)
    if getattr(user, "is_authenticated", False):
        cond |= Q(diusulkan_oleh=user)
    if p.pegawai_id:
        # Once decided, the employee follows their transfer to its end, including a cancellation
        # or a revision after their objection that goes back through the approvals.
        cond |= Q(pegawai_id=p.pegawai_id, diputuskan_pada__isnull=False) & syarat_terlihat_pegawai()
    return cond


def usulan_terlihat(user) -> QuerySet[UsulanMutasi]:
    cond = _syarat_terlihat(user)
    qs = UsulanMutasi.objects.all()
    return qs if cond is None else qs.filter(cond)


def dengan_relasi(qs: QuerySet[UsulanMutasi]) -> QuerySet[UsulanMutasi]:
    return qs.select_related(
        "pegawai", "asal_unit", "asal_jabatan", "tujuan_unit", "tujuan_jabatan", "batch", "sk", "diusulkan_oleh"
    )


def usulan_ambil(user, pk: int) -> UsulanMutasi:
    """One proposal, or 404 to whoever may not see it."""
    return get_object_or_404(dengan_relasi(usulan_terlihat(user)), pk=pk)


def pemberitahuan_ambil(user, pk: int) -> UsulanMutasi:
    """A proposal whose decree is in force (the employee's notice), or 404: to whoever may not see
    the proposal, and to everyone while no decree is in force (not yet issued, or under revision)."""
    return get_object_or_404(
        dengan_relasi(usulan_terlihat(user)), pk=pk, sk__isnull=False, status__in=STATUS_SK_BERLAKU
    )


def lampiran_ambil(user, pk: int) -> LampiranUsulan:
    """An attachment of a proposal the user sees, or 404."""
    return get_object_or_404(LampiranUsulan.objects.select_related("usulan"), pk=pk, usulan__in=usulan_terlihat(user))


URUTAN_USULAN = {
    "dibuat": ("dibuat", "id"),
    "nama": ("pegawai__nama", "id"),
    "status": ("status", "id"),
    "tmt": ("tmt_usulan", "id"),
    "asal": ("asal_unit__nama", "id"),
    "tujuan": ("tujuan_unit__nama", "id"),
}


def usulan_cari(
    user,
    *,
    q: str = "",
    status: str = "",
    unit: int | None = None,
    jenis: str = "",
    dasar: str = "",
    dari: date | None = None,
    sampai: date | None = None,
    batch: int | None = None,
    urut: str = "-dibuat",
) -> QuerySet[UsulanMutasi]:
    """The proposal list as the user may see it; one query whatever the row count."""
    qs = dengan_relasi(usulan_terlihat(user))
    if q:
        q = q.strip()
        cond = q_nama_nip(q, "sk__nomor")
        if q.upper().startswith("USL-") and q[-5:].isascii() and q[-5:].isdigit():
            cond |= Q(pk=int(q[-5:]))
        qs = qs.filter(cond)
    if status == "perlu_tinjauan":
        qs = qs.filter(perlu_tinjauan=True)
    elif status:
        qs = qs.filter(status=status)
    if unit:
        ids = unit_turunan_ids([unit])
        qs = qs.filter(Q(asal_unit_id__in=ids) | Q(tujuan_unit_id__in=ids))
    qs = saring(qs, jenis=jenis, dasar=dasar, tmt_usulan__gte=dari, tmt_usulan__lte=sampai, batch_id=batch)
    desc = urut.startswith("-")
    fields = URUTAN_USULAN.get(urut.lstrip("-"), URUTAN_USULAN["dibuat"])
    return qs.order_by(*[f"-{f}" if desc else f for f in fields])


def riwayat_mutasi_pegawai(user, pegawai_id: int) -> QuerySet[UsulanMutasi]:
    """Transfer history of one employee, as far as the user may see it."""
    return dengan_relasi(usulan_terlihat(user).filter(pegawai_id=pegawai_id)).order_by("-dibuat")


def linimasa(u: UsulanMutasi) -> list[RiwayatStatus]:
    """The proposal's timeline: its own history and that of its objections, in time order."""
    usulan = u.riwayat_status.select_related("oleh", "oleh__pegawai")
    keberatan = RiwayatStatusKeberatan.objects.filter(keberatan__usulan=u).select_related(
        "keberatan", "oleh", "oleh__pegawai"
    )
    return sorted(chain(usulan, keberatan), key=lambda r: r.waktu)


def atasan_baru(u: UsulanMutasi, peta: dict[int, InfoUnit] | None = None) -> Pegawai | None:
    """Who the new superior will be: the head of the destination unit (escalated upward), or,
    into a head post, the head above that unit."""
    if u.tujuan_unit_id is None:
        return None
    p = penyetuju_langkah(u, KEPALA_TUJUAN, peta)
    if p.kepala_id is None:
        return None
    return Pegawai.objects.with_posisi().filter(pk=p.kepala_id).first()


def pegawai_dalam_usulan() -> set[int]:
    """Employees in an open proposal (draft to decree issued): the ABK candidate list's hook
    (settings.ABK_PEGAWAI_DALAM_USULAN)."""
    return set(UsulanMutasi.objects.filter(status__in=STATUS_TERBUKA).values_list("pegawai_id", flat=True))


def perubahan_data_pegawai(u: UsulanMutasi) -> str:
    """Why the employee's record no longer matches the proposal ("" when it still does)."""
    if u.status in STATUS_SELESAI:
        return ""
    pegawai = Pegawai.objects.get(pk=u.pegawai_id)
    if not pegawai.aktif:
        return _("pegawai tidak aktif lagi (%(alasan)s)") % {"alasan": pegawai.alasan_nonaktif or "-"}
    posisi = RiwayatJabatan.objects.sekarang().filter(pegawai_id=u.pegawai_id).select_related("unit", "jabatan").first()
    if u.jenis == JenisMutasi.MASUK and u.asal_riwayat_id is None:
        return ""
    if posisi is None:
        return _("pegawai tidak lagi memiliki jabatan aktif")
    if posisi.pk != u.asal_riwayat_id:
        lain = (
            UsulanMutasi.objects.filter(riwayat_baru=posisi, status=StatusUsulan.DILAKSANAKAN).exclude(pk=u.pk).first()
        )
        if lain:
            return _("mutasi lain (%(nomor)s) sudah dilaksanakan: sekarang %(posisi)s") % {
                "nomor": lain.nomor,
                "posisi": posisi,
            }
        return _("jabatan sekarang %(posisi)s, berbeda dari saat usulan dibuat") % {"posisi": posisi}
    return ""
