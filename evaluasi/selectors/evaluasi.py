"""Who sees which review (the list form of the rules in `evaluasi.akses`), and the review lists.

- HR staff and the PPK: every review, but a draft's content only if they are its reviewer;
- the reviewer (penilai): the reviews they write, drafts included;
- a unit head: the reviews of their staff (received into, or now posted in, the units they head);
- the employee: their own reviews once sent (dikirim, final), never a draft.
Everyone but the reviewer sees only that a draft exists and its status, never its content
(`akses.boleh_baca_isi`).
"""

from datetime import date, timedelta

from django.db.models import Case, F, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from pegawai.akses import peran_user
from pegawai.models import RiwayatJabatan, User
from pegawai.selectors.cari import q_nama_nip
from pegawai.selectors.pegawai import unit_turunan_ids

from ..akses import boleh_baca_isi
from ..models import STATUS_BELUM_DIKIRIM, STATUS_TERBUKA, Evaluasi, RiwayatStatusEvaluasi, StatusEvaluasi


def _syarat_terlihat(user: User) -> Q | None:
    """None = every review."""
    p = peran_user(user)
    if p.lihat_semua:
        return None
    cond = Q(pk__in=[])
    if p.pegawai_id:
        cond |= Q(penilai_id=p.pegawai_id)
        cond |= Q(pegawai_id=p.pegawai_id, status__in=STATUS_TERBUKA)
    if p.unit_wewenang:
        staf = Q(usulan__tujuan_unit_id__in=p.unit_wewenang) | Q(
            pegawai_id__in=RiwayatJabatan.objects.staf(p.unit_wewenang)
        )
        cond |= staf & ~Q(pegawai_id=p.pegawai_id or 0)
    return cond


def evaluasi_terlihat(user: User) -> QuerySet[Evaluasi]:
    cond = _syarat_terlihat(user)
    qs = Evaluasi.objects.all()
    return qs if cond is None else qs.filter(cond)


def _dengan_relasi(qs: QuerySet[Evaluasi]) -> QuerySet[Evaluasi]:
    return qs.select_related(
        "pegawai",
        "penilai",
        "usulan",
        "usulan__tujuan_unit",
        "usulan__tujuan_jabatan",
        "usulan__asal_unit",
        "usulan__asal_jabatan",
    )


def evaluasi_ambil(user: User, pk: int) -> Evaluasi:
    """The review, or 404 for whoever may not see it (every view reads a review through here)."""
    return get_object_or_404(_dengan_relasi(evaluasi_terlihat(user)), pk=pk)


def riwayat_evaluasi(ev: Evaluasi) -> QuerySet[RiwayatStatusEvaluasi]:
    """The review's history, oldest first, with who acted (for a review the user may see: its
    rows carry no draft content)."""
    return ev.riwayat_status.select_related("oleh", "oleh__pegawai").order_by("waktu", "id")


URUTAN_EVALUASI = {
    # Default: what still needs doing first (the most overdue at the top), then the rest, newest first.
    "prioritas": ("selesai", "tempo_terbuka", "-jatuh_tempo", "id"),
    "tempo": ("jatuh_tempo", "id"),
    "nama": ("pegawai__nama", "id"),
    "unit": ("usulan__tujuan_unit__nama", "jatuh_tempo"),
    "bulan": ("bulan_ke", "jatuh_tempo"),
    "status": ("status", "jatuh_tempo"),
    "penilai": ("penilai__nama", "jatuh_tempo"),
}
# Days ahead that count as "due soon".
SEGERA_HARI = 30


def evaluasi_cari(
    user,
    *,
    q: str = "",
    status: str = "",
    tempo: str = "",
    bulan_ke: int | None = None,
    opd: int | None = None,
    saya_penilai: bool = False,
    tanpa_penilai: bool = False,
    urut: str = "prioritas",
    hari_ini: date | None = None,
) -> QuerySet[Evaluasi]:
    """The list as the user may see it, searched, filtered and sorted; one query."""
    hari_ini = hari_ini or timezone.localdate()
    qs = _dengan_relasi(evaluasi_terlihat(user))
    if q:
        qs = qs.filter(q_nama_nip(q, "penilai__nama"))
    if status:
        qs = qs.filter(status=status)
    if tempo == "terlambat":
        qs = qs.filter(status__in=STATUS_BELUM_DIKIRIM, jatuh_tempo__lt=hari_ini)
    elif tempo == "segera":
        qs = qs.filter(
            status__in=STATUS_BELUM_DIKIRIM,
            jatuh_tempo__gte=hari_ini,
            jatuh_tempo__lte=hari_ini + timedelta(days=SEGERA_HARI),
        )
    elif tempo == "menunggu_pegawai":
        qs = qs.filter(status=StatusEvaluasi.DIKIRIM)
    if bulan_ke:
        qs = qs.filter(bulan_ke=bulan_ke)
    if opd:
        qs = qs.filter(usulan__tujuan_unit_id__in=unit_turunan_ids([opd]))
    if saya_penilai:
        qs = qs.filter(penilai_id=peran_user(user).pegawai_id or 0)
    if tanpa_penilai:
        qs = qs.filter(penilai__isnull=True, status__in=STATUS_BELUM_DIKIRIM)
    kunci = urut.lstrip("-")
    if kunci not in URUTAN_EVALUASI:
        kunci, urut = "prioritas", "prioritas"
    if kunci == "prioritas":
        terbuka = Q(status__in=[*STATUS_BELUM_DIKIRIM, StatusEvaluasi.DIKIRIM])
        qs = qs.annotate(
            selesai=Case(When(terbuka, then=Value(0)), default=Value(1)),
            tempo_terbuka=Case(When(terbuka, then=F("jatuh_tempo")), default=Value(None)),
        )
        return qs.order_by(*URUTAN_EVALUASI["prioritas"])
    desc = urut.startswith("-")
    return qs.order_by(*[f"-{f}" if desc else f for f in URUTAN_EVALUASI[kunci]])


def evaluasi_saya(user: User) -> QuerySet[Evaluasi]:
    """The employee's own reviews that were sent to them."""
    p = peran_user(user)
    return _dengan_relasi(Evaluasi.objects.filter(pegawai_id=p.pegawai_id or 0, status__in=STATUS_TERBUKA)).order_by(
        "-dikirim_pada", "-id"
    )


def _dengan_isi_boleh(user: User, qs: QuerySet[Evaluasi]) -> list[Evaluasi]:
    daftar = list(_dengan_relasi(qs))
    for ev in daftar:
        ev.isi_boleh = boleh_baca_isi(user, ev)
    return daftar


def evaluasi_pegawai(user: User, pegawai_id: int) -> list[Evaluasi]:
    """One employee's reviews as far as the user may see them, each marked `isi_boleh`."""
    return _dengan_isi_boleh(
        user, evaluasi_terlihat(user).filter(pegawai_id=pegawai_id).order_by("usulan__tmt", "bulan_ke")
    )


def evaluasi_usulan(user: User, usulan_id: int) -> list[Evaluasi]:
    """One transfer's reviews as far as the user may see them, each marked `isi_boleh`."""
    return _dengan_isi_boleh(user, evaluasi_terlihat(user).filter(usulan_id=usulan_id).order_by("bulan_ke"))


def tugas_penilai(user: User, *, batas: int = 10, hari_ini: date | None = None) -> list[Evaluasi]:
    """Reviews the user has to write now: overdue, due within SEGERA_HARI days, or started; the most
    urgent first."""
    p = peran_user(user)
    if not p.pegawai_id:
        return []
    hari_ini = hari_ini or timezone.localdate()
    sekarang = Q(jatuh_tempo__lte=hari_ini + timedelta(days=SEGERA_HARI)) | Q(status=StatusEvaluasi.DRAF)
    qs = Evaluasi.objects.filter(sekarang, penilai_id=p.pegawai_id, status__in=STATUS_BELUM_DIKIRIM)
    return list(_dengan_relasi(qs).order_by("jatuh_tempo", "id")[:batas])


def umpan_balik_menunggu(user: User) -> list[Evaluasi]:
    """Sent feedback the employee has not answered yet."""
    p = peran_user(user)
    if not p.pegawai_id:
        return []
    return list(
        _dengan_relasi(Evaluasi.objects.filter(pegawai_id=p.pegawai_id, status=StatusEvaluasi.DIKIRIM)).order_by(
            "dikirim_pada"
        )
    )


def evaluasi_terlambat_jumlah(user: User, hari_ini: date | None = None) -> int:
    """Overdue reviews the user may see (for a unit head: their staff's, whoever reviews them)."""
    hari_ini = hari_ini or timezone.localdate()
    return evaluasi_terlihat(user).filter(status__in=STATUS_BELUM_DIKIRIM, jatuh_tempo__lt=hari_ini).count()
