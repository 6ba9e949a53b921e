"""Reads of training and adaptation. Object access goes through the `*_ambil` selectors, which
answer 404 to whoever may not see the object.

Who sees what:
- HR staff and the PPK: everything (only HR changes anything);
- a unit head: the assignments of the staff of the units they head (with sub-units) and of
  the employees transferring into them, and the adaptation plans of those transfers;
- an employee: their own assignments and their own adaptation plan;
- a mentor: the plan of the employee they accompany (not the check-ins: an employee may
  write about difficulties with the mentor).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mutasi.models import STATUS_TERLIHAT_PEGAWAI, UsulanMutasi
from pegawai.akses import peran_user
from pegawai.models import Kompetensi, Pegawai, RiwayatJabatan, UnitKerja
from pegawai.selectors.pegawai import pegawai_terlihat, unit_induk_map, unit_opd_id, unit_turunan_ids

from .models import (
    STATUS_AKTIF,
    CheckInAdaptasi,
    ItemAdaptasi,
    Pelatihan,
    Pendampingan,
    PenugasanPelatihan,
    StatusPenugasan,
)

SP = StatusPenugasan


# --- Catalogue ------------------------------------------------------------------------

URUTAN_KATALOG = {"nama": ("nama",), "jenis": ("jenis", "nama"), "jp": ("jp", "nama"), "mode": ("mode", "nama")}


def katalog_cari(
    *,
    q: str = "",
    jenis: str = "",
    mode: str = "",
    kompetensi: int | None = None,
    aktif: bool | None = True,
    urut="nama",
) -> QuerySet[Pelatihan]:
    """The catalogue, searched and filtered; competences prefetched (two queries)."""
    qs = Pelatihan.objects.prefetch_related(Prefetch("kompetensi", queryset=Kompetensi.objects.order_by("nama")))
    if q:
        qs = qs.filter(Q(nama__icontains=q.strip()) | Q(penyelenggara__icontains=q.strip()))
    if jenis:
        qs = qs.filter(jenis=jenis)
    if mode:
        qs = qs.filter(mode=mode)
    if kompetensi:
        qs = qs.filter(kompetensi=kompetensi)
    if aktif is not None:
        qs = qs.filter(aktif=aktif)
    desc = urut.startswith("-")
    fields = URUTAN_KATALOG.get(urut.lstrip("-"), URUTAN_KATALOG["nama"])
    return qs.order_by(*[f"-{f}" if desc else f for f in fields])


def pelatihan_ambil(pk: int) -> Pelatihan:
    """Every signed-in user may read the catalogue."""
    return get_object_or_404(Pelatihan.objects.prefetch_related("kompetensi"), pk=pk)


# --- Competence gap and suggestions ---------------------------------------------------------


@dataclass(frozen=True)
class Saran:
    """A suggested training and the gap competences it covers (not covered by an earlier suggestion)."""

    pelatihan: Pelatihan
    menutup: tuple[Kompetensi, ...]


def saran_dari_katalog(kurang: list[Kompetensi], katalog: list[Pelatihan]) -> list[Saran]:
    """Greedy set cover: repeatedly take the training covering most of the gap still open (ties:
    fewer JP, then name), until nothing more can be covered. Few trainings, the widest first.
    `katalog` items carry their competences prefetched."""
    sisa = {k.pk: k for k in kurang}
    calon = []
    for p in katalog:
        ids = {k.pk for k in p.kompetensi.all()} & sisa.keys()
        if ids:
            calon.append((p, ids))
    hasil = []
    while sisa and calon:
        terbaik = min(calon, key=lambda c: (-len(c[1] & sisa.keys()), c[0].jp, c[0].nama))
        tutup = terbaik[1] & sisa.keys()
        if not tutup:
            break
        hasil.append(Saran(terbaik[0], tuple(sorted((sisa[i] for i in tutup), key=lambda k: k.nama))))
        for i in tutup:
            sisa.pop(i)
        calon.remove(terbaik)
    return hasil


@dataclass
class Kesenjangan:
    """The gap between an employee and the destination position of a transfer."""

    syarat: list[Kompetensi] = field(default_factory=list)  # the position's requirements
    kurang: list[Kompetensi] = field(default_factory=list)  # required, not on the employee's record
    ditangani: dict[int, list[PenugasanPelatihan]] = field(default_factory=dict)  # gap id -> assignments covering it
    saran: list[Saran] = field(default_factory=list)  # trainings for the gap no assignment covers yet
    tak_tercakup: list[Kompetensi] = field(default_factory=list)  # gap no catalogue training covers

    @property
    def sisa(self) -> list[Kompetensi]:
        return [k for k in self.kurang if k.pk not in self.ditangani]


def kesenjangan_kompetensi(pegawai: Pegawai, jabatan) -> tuple[list[Kompetensi], list[Kompetensi]]:
    """(requirements of the position, those missing from the employee's record). Two queries."""
    if jabatan is None:
        return [], []
    syarat = list(jabatan.kompetensi.order_by("nama"))
    dimiliki = set(pegawai.kompetensi.values_list("pk", flat=True))
    return syarat, [k for k in syarat if k.pk not in dimiliki]


def _katalog_aktif() -> list[Pelatihan]:
    return list(Pelatihan.objects.filter(aktif=True).prefetch_related("kompetensi").order_by("nama"))


def kesenjangan_usulan(usulan: UsulanMutasi) -> Kesenjangan:
    """The gap for a transfer, what open or finished assignments already cover, and suggestions for
    the rest. A constant number of queries."""
    syarat, kurang = kesenjangan_kompetensi(usulan.pegawai, usulan.tujuan_jabatan)
    hasil = Kesenjangan(syarat=syarat, kurang=kurang)
    if not kurang:
        return hasil
    kurang_ids = {k.pk for k in kurang}
    penugasan = (
        PenugasanPelatihan.objects.filter(pegawai=usulan.pegawai_id, status__in=[*STATUS_AKTIF, SP.SELESAI])
        .select_related("pelatihan")
        .prefetch_related("pelatihan__kompetensi")
    )
    for t in penugasan:
        for k in t.pelatihan.kompetensi.all():
            if k.pk in kurang_ids:
                hasil.ditangani.setdefault(k.pk, []).append(t)
    sisa = hasil.sisa
    hasil.saran = saran_dari_katalog(sisa, _katalog_aktif())
    tercakup = {k.pk for s in hasil.saran for k in s.menutup}
    hasil.tak_tercakup = [k for k in sisa if k.pk not in tercakup]
    return hasil


# --- Assignments ------------------------------------------------------------------------------


def _staf_ids(unit_ids) -> QuerySet:
    return RiwayatJabatan.objects.filter(sampai__isnull=True, unit_id__in=unit_ids).values("pegawai_id")


def penugasan_terlihat(user) -> QuerySet[PenugasanPelatihan]:
    p = peran_user(user)
    qs = PenugasanPelatihan.objects.all()
    if p.lihat_semua:
        return qs
    cond = Q(pegawai_id=p.pegawai_id) if p.pegawai_id else Q(pk__in=[])
    if p.unit_wewenang:
        cond |= Q(pegawai_id__in=_staf_ids(p.unit_wewenang))
        cond |= Q(usulan__tujuan_unit_id__in=p.unit_wewenang, usulan__status__in=STATUS_TERLIHAT_PEGAWAI)
    return qs.filter(cond)


def _dengan_relasi(qs: QuerySet[PenugasanPelatihan]) -> QuerySet[PenugasanPelatihan]:
    unit_sekarang = RiwayatJabatan.objects.filter(pegawai_id=OuterRef("pegawai_id"), sampai__isnull=True)
    return qs.select_related(
        "pegawai", "pelatihan", "usulan", "usulan__tujuan_unit", "diverifikasi_oleh", "ditugaskan_oleh"
    ).annotate(
        unit_nama=Subquery(unit_sekarang.values("unit__nama")[:1]),
        unit_id_sekarang=Subquery(unit_sekarang.values("unit_id")[:1]),
    )


def penugasan_ambil(user, pk: int) -> PenugasanPelatihan:
    return get_object_or_404(_dengan_relasi(penugasan_terlihat(user)), pk=pk)


URUTAN_PENUGASAN = {
    # Default: what still needs doing first (overdue at the top, by due date), finished ones after.
    "prioritas": ("selesai_urut", "tenggat", "id"),
    "tenggat": ("tenggat", "id"),
    "nama": ("pegawai__nama", "id"),
    "pelatihan": ("pelatihan__nama", "id"),
    "status": ("status", "tenggat", "id"),
    "unit": ("unit_nama", "pegawai__nama", "id"),
    "ditugaskan": ("ditugaskan_pada", "id"),
}


def penugasan_cari(
    user,
    *,
    q: str = "",
    status: str = "",
    unit: int | None = None,
    pelatihan: int | None = None,
    terlambat: bool = False,
    usulan: bool | None = None,
    urut: str = "prioritas",
    hari_ini: date | None = None,
) -> QuerySet[PenugasanPelatihan]:
    """The assignment list as the user may see it; one query whatever the row count.
    `status="menunggu_verifikasi"` = in progress with evidence uploaded."""
    hari_ini = hari_ini or timezone.localdate()
    qs = _dengan_relasi(penugasan_terlihat(user))
    if q:
        q = q.strip()
        digits = "".join(ch for ch in q if ch.isdigit())
        cond = Q(pegawai__nama__icontains=q) | Q(pelatihan__nama__icontains=q)
        if len(digits) >= 4 and len(digits) == len(q.replace(" ", "")):
            cond |= Q(pegawai__nip__startswith=digits)
        qs = qs.filter(cond)
    if status == "menunggu_verifikasi":
        qs = qs.filter(status=SP.BERLANGSUNG).exclude(bukti="")
    elif status == "aktif":
        qs = qs.filter(status__in=STATUS_AKTIF)
    elif status:
        qs = qs.filter(status=status)
    if unit:
        ids = unit_turunan_ids([unit])
        qs = qs.filter(Q(pegawai_id__in=_staf_ids(ids)) | Q(usulan__tujuan_unit_id__in=ids))
    if pelatihan:
        qs = qs.filter(pelatihan_id=pelatihan)
    if terlambat:
        qs = qs.filter(status__in=STATUS_AKTIF, tenggat__lt=hari_ini)
    if usulan is True:
        qs = qs.filter(usulan__isnull=False)
    elif usulan is False:
        qs = qs.filter(usulan__isnull=True)
    desc = urut.startswith("-")
    kunci = urut.lstrip("-") if urut.lstrip("-") in URUTAN_PENUGASAN else "prioritas"
    if kunci == "prioritas":
        qs = qs.annotate(selesai_urut=Case(When(status__in=STATUS_AKTIF, then=Value(0)), default=Value(1)))
    return qs.order_by(*[f"-{f}" if desc else f for f in URUTAN_PENUGASAN[kunci]])


def penugasan_ringkasan(qs: QuerySet[PenugasanPelatihan], hari_ini: date | None = None) -> dict[str, int]:
    """Counts for the list's header cards (one aggregate query)."""
    hari_ini = hari_ini or timezone.localdate()
    return qs.order_by().aggregate(
        aktif=Count("id", filter=Q(status__in=STATUS_AKTIF)),
        terlambat=Count("id", filter=Q(status__in=STATUS_AKTIF, tenggat__lt=hari_ini)),
        menunggu=Count("id", filter=Q(status=SP.BERLANGSUNG) & ~Q(bukti="")),
        selesai=Count("id", filter=Q(status=SP.SELESAI)),
    )


def pelatihan_saya(user) -> QuerySet[PenugasanPelatihan]:
    p = peran_user(user)
    return (
        PenugasanPelatihan.objects.filter(pegawai_id=p.pegawai_id or 0)
        .select_related("pelatihan", "usulan", "usulan__tujuan_unit", "diverifikasi_oleh")
        .order_by("tenggat", "id")
    )


# --- 20 JP a year ------------------------------------------------------------------------------


def _jp_tahun(tahun: int) -> Subquery:
    return Subquery(
        PenugasanPelatihan.objects.filter(pegawai_id=OuterRef("pk"), status=SP.SELESAI, tanggal_selesai__year=tahun)
        .order_by()
        .values("pegawai_id")
        .annotate(total=Sum("jp_diperoleh"))
        .values("total")[:1],
        output_field=IntegerField(),
    )


def jp_pegawai(user, *, tahun: int, unit: int | None = None, q: str = "", hanya_kurang: bool = False, urut="jp"):
    """Active employees the user may see with `jp` = JP earned in `tahun` (completed, verified
    assignments finished that year); one query."""
    qs = (
        pegawai_terlihat(user)
        .filter(aktif=True)
        .with_posisi()
        .annotate(jp=Coalesce(_jp_tahun(tahun), Value(0)))
        .filter(posisi__isnull=False)
    )
    if unit:
        qs = qs.filter(posisi__unit_id__in=unit_turunan_ids([unit]))
    if q:
        qs = qs.filter(Q(nama__icontains=q.strip()) | Q(nip__startswith=q.strip()))
    if hanya_kurang:
        qs = qs.filter(jp__lt=settings.PELATIHAN_JP_MINIMAL)
    urutan = {"jp": ("jp", "nama"), "nama": ("nama",), "unit": ("posisi__unit__nama", "nama")}
    desc = urut.startswith("-")
    fields = urutan.get(urut.lstrip("-"), urutan["jp"])
    return qs.order_by(*[f"-{f}" if desc else f for f in fields])


@dataclass
class RekapUnit:
    unit: UnitKerja
    jumlah: int = 0
    memenuhi: int = 0
    total_jp: int = 0

    @property
    def kurang(self) -> int:
        return self.jumlah - self.memenuhi

    @property
    def persen(self) -> int:
        return round(100 * self.memenuhi / self.jumlah) if self.jumlah else 0

    @property
    def rata(self) -> float:
        return round(self.total_jp / self.jumlah, 1) if self.jumlah else 0.0


def jp_rekap_unit(user, *, tahun: int, unit: int | None = None, per_opd: bool | None = None) -> list[RekapUnit]:
    """Per unit (or per OPD when `per_opd`): head-count, how many reached the yearly minimum,
    and total JP. Two queries; grouping in Python over (unit, jp) pairs."""
    qs = jp_pegawai(user, tahun=tahun, unit=unit).order_by().values_list("posisi__unit_id", "jp")
    induk = unit_induk_map()
    if per_opd is None:
        per_opd = unit is None and peran_user(user).lihat_semua
    minimal = settings.PELATIHAN_JP_MINIMAL
    rekap: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for unit_id, jp in qs:
        kunci = unit_opd_id(unit_id, induk) if per_opd else unit_id
        r = rekap[kunci]
        r[0] += 1
        r[1] += jp >= minimal
        r[2] += jp
    unit_by_id = UnitKerja.objects.in_bulk(list(rekap))
    hasil = [RekapUnit(unit_by_id[k], *v) for k, v in rekap.items() if k in unit_by_id]
    return sorted(hasil, key=lambda r: (-r.kurang / max(r.jumlah, 1), r.unit.nama))


def jp_tahun_pegawai(pegawai_id: int | None, tahun: int) -> int:
    if not pegawai_id:
        return 0
    total = PenugasanPelatihan.objects.filter(
        pegawai_id=pegawai_id, status=SP.SELESAI, tanggal_selesai__year=tahun
    ).aggregate(t=Sum("jp_diperoleh"))["t"]
    return total or 0


# --- Adaptation ---------------------------------------------------------------------------------


def tmt_usulan(usulan: UsulanMutasi) -> date:
    return usulan.tmt or usulan.tmt_usulan


def _adaptasi_dasar() -> QuerySet[UsulanMutasi]:
    return UsulanMutasi.objects.filter(status__in=STATUS_TERLIHAT_PEGAWAI, tujuan_unit__isnull=False)


def adaptasi_terlihat(user) -> QuerySet[UsulanMutasi]:
    """Decided transfers into a unit whose adaptation the user may follow."""
    p = peran_user(user)
    qs = _adaptasi_dasar()
    if p.lihat_semua:
        return qs
    cond = Q(pegawai_id=p.pegawai_id) | Q(pendampingan__mentor_id=p.pegawai_id) if p.pegawai_id else Q(pk__in=[])
    if p.unit_wewenang:
        cond |= Q(tujuan_unit_id__in=p.unit_wewenang) & ~Q(pegawai_id=p.pegawai_id)
    return qs.filter(cond)


def adaptasi_ambil(user, pk: int) -> UsulanMutasi:
    return get_object_or_404(
        adaptasi_terlihat(user).select_related(
            "pegawai", "tujuan_unit", "tujuan_jabatan", "asal_unit", "asal_jabatan", "pendampingan__mentor"
        ),
        pk=pk,
    )


def pendampingan_dari(usulan: UsulanMutasi) -> Pendampingan | None:
    try:
        return usulan.pendampingan
    except Pendampingan.DoesNotExist:
        return None


def adaptasi_daftar(user, *, q: str = "", unit: int | None = None, kesulitan: bool = False, tanpa_mentor=False):
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


def checkin_jatuh_tempo(usulan: UsulanMutasi, *, hari_ini: date | None = None, ditulis=None) -> list[int]:
    """The check-in weeks (2, 6) that have come since the TMT and are not written yet."""
    hari_ini = hari_ini or timezone.localdate()
    if ditulis is None:
        ditulis = set(usulan.checkin_adaptasi.values_list("minggu_ke", flat=True))
    tmt = tmt_usulan(usulan)
    return [m for m in CheckInAdaptasi.MINGGU if hari_ini >= tmt + timedelta(weeks=m) and m not in ditulis]


def adaptasi_saya(user, *, hari_ini: date | None = None) -> list[UsulanMutasi]:
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


def mentee_saya(user) -> QuerySet[UsulanMutasi]:
    """Transfers whose employee this user accompanies as mentor."""
    p = peran_user(user)
    return (
        _adaptasi_dasar()
        .filter(pendampingan__mentor_id=p.pegawai_id or 0)
        .select_related("pegawai", "tujuan_unit", "pendampingan")
        .order_by("-tmt", "-tmt_usulan", "-id")
    )
