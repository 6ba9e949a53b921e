"""Reads of mentoring and adaptation: the plans a user may follow (the list form of
`akses.boleh_lihat_adaptasi`), one plan, its items and check-ins, the employee's own, the mentor's."""

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mutasi.models import STATUS_TERLIHAT_PEGAWAI, UsulanMutasi
from pegawai.akses import peran_user
from pegawai.models import Pegawai, User
from pegawai.selectors.pegawai import unit_turunan_ids

from ..akses import boleh_kelola_adaptasi
from ..models import CheckInAdaptasi, ItemAdaptasi, Pendampingan, pendampingan_dari


def tmt_usulan(usulan: UsulanMutasi) -> date:
    return usulan.tmt or usulan.tmt_usulan


def _adaptasi_dasar() -> QuerySet[UsulanMutasi]:
    return UsulanMutasi.objects.filter(status__in=STATUS_TERLIHAT_PEGAWAI, tujuan_unit__isnull=False)


def adaptasi_terlihat(user: User) -> QuerySet[UsulanMutasi]:
    """Decided transfers into a unit whose adaptation the user may follow."""
    p = peran_user(user)
    qs = _adaptasi_dasar()
    if p.lihat_semua:
        return qs
    cond = Q(pegawai_id=p.pegawai_id) | Q(pendampingan__mentor_id=p.pegawai_id) if p.pegawai_id else Q(pk__in=[])
    if p.unit_wewenang:
        cond |= Q(tujuan_unit_id__in=p.unit_wewenang) & ~Q(pegawai_id=p.pegawai_id)
    return qs.filter(cond)


def adaptasi_ambil(user: User, pk: int) -> UsulanMutasi:
    """A decided transfer's adaptation, or 404 to whoever may not follow it."""
    return get_object_or_404(
        adaptasi_terlihat(user).select_related(
            "pegawai", "tujuan_unit", "tujuan_jabatan", "asal_unit", "asal_jabatan", "pendampingan__mentor"
        ),
        pk=pk,
    )


def item_ambil(user: User, pk: int) -> ItemAdaptasi:
    """A plan item, or 404 unless its plan is one the user may follow."""
    item = get_object_or_404(ItemAdaptasi.objects.select_related("pendampingan"), pk=pk)
    if not adaptasi_terlihat(user).filter(pk=item.pendampingan.usulan_id).exists():
        raise Http404
    return item


def usulan_kelola_ambil(user: User, pk: int) -> UsulanMutasi:
    """A transfer whose training and adaptation the user manages (HR, the receiving head), or 404."""
    u = get_object_or_404(
        UsulanMutasi.objects.select_related(
            "pegawai", "asal_unit", "asal_jabatan", "tujuan_unit", "tujuan_jabatan", "pendampingan__mentor"
        ),
        pk=pk,
    )
    if not boleh_kelola_adaptasi(user, u):
        raise Http404
    return u


def adaptasi_daftar(
    user: User, *, q: str = "", unit: int | None = None, kesulitan: bool = False, tanpa_mentor: bool = False
) -> QuerySet[UsulanMutasi]:
    """Transfers with their mentor, checklist progress and whether a check-in reported difficulties;
    a constant number of queries."""
    qs = adaptasi_terlihat(user).select_related(
        "pegawai", "tujuan_unit", "tujuan_jabatan", "pendampingan", "pendampingan__mentor"
    )
    if q:
        qs = qs.filter(Q(pegawai__nama__icontains=q.strip()) | Q(pegawai__nip__startswith=q.strip()))
    if unit:
        qs = qs.filter(tujuan_unit_id__in=unit_turunan_ids([unit]))
    ada_kesulitan = CheckInAdaptasi.objects.filter(usulan_id=OuterRef("pk"), kesulitan=True)
    qs = qs.annotate(ada_kesulitan=Exists(ada_kesulitan))
    if kesulitan:
        qs = qs.filter(ada_kesulitan=True)
    if tanpa_mentor:
        qs = qs.filter(pendampingan__isnull=True)
    qs = qs.annotate(
        item_total=Count("pendampingan__item", distinct=True),
        item_selesai=Count(
            "pendampingan__item", filter=Q(pendampingan__item__selesai_pada__isnull=False), distinct=True
        ),
        jumlah_checkin=Count("checkin_adaptasi", distinct=True),
    )
    return qs.order_by("-tmt", "-tmt_usulan", "-id")


def kandidat_mentor(usulan: UsulanMutasi) -> QuerySet[Pegawai]:
    """Active staff of the receiving unit (with sub-units), not the employee themself."""
    if usulan.tujuan_unit_id is None:
        return Pegawai.objects.none()
    ids = unit_turunan_ids([usulan.tujuan_unit_id])
    return (
        Pegawai.objects.with_posisi()
        .filter(aktif=True, posisi__unit_id__in=ids)
        .exclude(pk=usulan.pegawai_id)
        .order_by("nama")
    )


def rencana_item(pendampingan: Pendampingan | None) -> list[ItemAdaptasi]:
    if pendampingan is None:
        return []
    return list(pendampingan.item.select_related("selesai_oleh", "selesai_oleh__pegawai"))


def checkin_jatuh_tempo(
    usulan: UsulanMutasi, *, hari_ini: date | None = None, ditulis: set[int] | None = None
) -> list[int]:
    """The check-in weeks (2, 6) that have come since the TMT and are not written yet."""
    hari_ini = hari_ini or timezone.localdate()
    if ditulis is None:
        ditulis = set(usulan.checkin_adaptasi.values_list("minggu_ke", flat=True))
    tmt = tmt_usulan(usulan)
    return [m for m in CheckInAdaptasi.MINGGU if hari_ini >= tmt + timedelta(weeks=m) and m not in ditulis]


def adaptasi_saya(user: User, *, hari_ini: date | None = None) -> list[UsulanMutasi]:
    """The employee's own decided transfers into a unit (newest first), each with `jatuh_tempo`
    (check-in weeks due) and its plan's progress."""
    p = peran_user(user)
    if not p.pegawai_id:
        return []
    daftar = list(
        _adaptasi_dasar()
        .filter(pegawai_id=p.pegawai_id)
        .select_related("tujuan_unit", "tujuan_jabatan", "pendampingan__mentor")
        .prefetch_related("checkin_adaptasi", "pendampingan__item")
        .order_by("-tmt", "-tmt_usulan", "-id")
    )
    for u in daftar:
        u.jatuh_tempo = checkin_jatuh_tempo(
            u, hari_ini=hari_ini, ditulis={c.minggu_ke for c in u.checkin_adaptasi.all()}
        )
        pd = pendampingan_dari(u)
        item = list(pd.item.all()) if pd else []
        u.item_total, u.item_selesai = len(item), sum(1 for i in item if i.selesai)
    return daftar


def mentee_saya(user: User) -> QuerySet[UsulanMutasi]:
    """Transfers whose employee this user accompanies as mentor."""
    p = peran_user(user)
    return (
        _adaptasi_dasar()
        .filter(pendampingan__mentor_id=p.pegawai_id or 0)
        .select_related("pegawai", "tujuan_unit", "pendampingan")
        .order_by("-tmt", "-tmt_usulan", "-id")
    )
