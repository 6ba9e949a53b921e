"""The "waiting for me" inbox and the number on the navigation badge.

`syarat_menunggu(user)` is the one definition of "waiting for this user": a filter per inbox
section on proposals annotated by `menunggu_dasar()` (the approving unit of a head step, worked
out in SQL). The badge counts the union in one query; the inbox counts each section in one query
and pages through the section asked for; so the two cannot disagree, whatever the data size."""

from functools import reduce
from operator import or_

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from inti.tembolok import agregat
from pegawai.akses import PeranUser, peran_user

from ..models import (
    Keberatan,
    PermohonanMutasi,
    StatusKeberatan,
    StatusPermohonan,
    StatusSK,
    StatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from .penyetuju import MENUNGGU, penyetuju_langkah, penyetuju_unit_sql, unit_peta

S = StatusUsulan
LANGKAH_KEPALA = (S.DIAJUKAN, S.DILEPAS)
_RELASI = ("pegawai", "asal_unit", "asal_jabatan", "tujuan_unit", "tujuan_jabatan", "batch")

JUDUL = {
    "lepas": _("Menunggu persetujuan pelepasan Anda"),
    "terima": _("Menunggu persetujuan penerimaan Anda"),
    "langkah_kepala": _("Pelepasan/penerimaan yang dilakukan BKPSDM (tidak ada kepala unit yang berwenang)"),
    "verifikasi": _("Menunggu verifikasi BKPSDM"),
    "sk": _("Sudah diputuskan, menunggu SK"),
    "tinjauan": _("Data pegawai berubah, perlu ditinjau"),
    "putuskan": _("Menunggu keputusan PPK"),
    "tandatangani": _("SK menunggu penetapan dan tanda tangan PPK"),
    "dikembalikan": _("Usulan Anda yang dikembalikan untuk perbaikan"),
    "baca": _("Pemberitahuan mutasi yang belum Anda konfirmasi"),
}
# Sort orders the inbox offers (`?urut=`): the oldest first by default, as a queue.
URUTAN = {
    "lama": ("dibuat", "id"),
    "baru": ("-dibuat", "-id"),
    "tmt": ("tmt_usulan", "id"),
    "nama": ("pegawai__nama", "id"),
}


def menunggu_dasar() -> QuerySet[UsulanMutasi]:
    """The proposals the filters of `syarat_menunggu` apply to."""
    return UsulanMutasi.objects.all()


def dengan_penyetuju(qs: QuerySet[UsulanMutasi]) -> QuerySet[UsulanMutasi]:
    """`qs` with `penyetuju_unit`: for a head step, the unit whose head approves (NULL: BKPSDM)."""
    return qs.annotate(penyetuju_unit=penyetuju_unit_sql())


def _langkah_kepala(syarat: Q, **penyetuju) -> Q:
    """Proposals at a head step matching `syarat` (which the status and unit indexes narrow) whose
    approver matches `penyetuju`. The approver's walk up the tree then runs for those few rows
    only, and the planner's estimate stays small (a large one makes PostgreSQL JIT-compile the
    query, which cost seconds for milliseconds of work)."""
    return Q(pk__in=dengan_penyetuju(UsulanMutasi.objects.filter(syarat)).filter(**penyetuju).values("pk"))


def _sk_konsep() -> QuerySet:
    """Proposals covered by a draft decree (also amending or revoking)."""
    return SuratKeputusan.cakupan.through.objects.filter(suratkeputusan__status=StatusSK.KONSEP).values(
        "usulanmutasi_id"
    )


def _bukan_untuk_plh_ppk(p: PeranUser) -> Q:
    """An acting PPK never decides the transfer of the official they act for (`mutasi.akses`)."""
    d = p.plh_ppk
    return Q(pegawai_id=d.yang_digantikan_id) if d is not None else Q(pk__in=[])


def syarat_menunggu(user) -> dict[str, Q]:
    """What waits for `user`, per inbox section (in display order), as filters on
    `menunggu_dasar()`. Nobody acts on their own transfer."""
    p = peran_user(user)
    if not getattr(user, "is_authenticated", False):
        return {}
    bukan_sendiri = ~Q(pegawai_id=p.pegawai_id) if p.pegawai_id else Q()
    syarat: dict[str, Q] = {}
    if p.kepala:
        # (escalated) head of the sending or receiving unit: the unit filter is what the
        # approver implies and lets the database skip the walk up for other proposals
        dipimpin, wewenang = sorted(p.unit_dipimpin), sorted(p.unit_wewenang)
        syarat["lepas"] = _langkah_kepala(
            Q(status=S.DIAJUKAN, asal_unit_id__in=wewenang) & bukan_sendiri, penyetuju_unit__in=dipimpin
        )
        syarat["terima"] = _langkah_kepala(
            Q(status=S.DILEPAS, tujuan_unit_id__in=wewenang) & bukan_sendiri, penyetuju_unit__in=dipimpin
        )
    if p.hr:
        # head steps no head is left for (another instansi, vacant posts up to the OPD, the only
        # head is the person moved, into an OPD's own head post)
        syarat["langkah_kepala"] = _langkah_kepala(
            Q(status__in=LANGKAH_KEPALA) & bukan_sendiri, penyetuju_unit__isnull=True
        )
        syarat["verifikasi"] = Q(status=S.DITERIMA) & bukan_sendiri
        syarat["sk"] = Q(status=S.DIPUTUSKAN) & ~Q(pk__in=_sk_konsep()) & bukan_sendiri
        syarat["tinjauan"] = (
            Q(perlu_tinjauan=True, status__in=[S.DIAJUKAN, S.DILEPAS, S.DITERIMA, S.DIVERIFIKASI, S.DIPUTUSKAN])
            & bukan_sendiri
        )
    if p.ppk:
        plh = _bukan_untuk_plh_ppk(p)
        syarat["putuskan"] = Q(status=S.DIVERIFIKASI) & ~Q(diverifikasi_oleh=user) & bukan_sendiri & ~plh
        syarat["tandatangani"] = Q(pk__in=_sk_konsep()) & bukan_sendiri & ~plh
    syarat["dikembalikan"] = Q(diusulkan_oleh=user, status=S.DIKEMBALIKAN)
    if p.pegawai_id:
        # the employee's notices in force that they have not acknowledged yet
        syarat["baca"] = Q(
            pegawai_id=p.pegawai_id, status__in=[S.SK_TERBIT, S.DILAKSANAKAN], pemberitahuan_dikonfirmasi__isnull=True
        )
    return syarat


def kotak_masuk_hr_lain() -> dict[str, int]:
    """Requests and objections waiting for HR (shown on the inbox page)."""
    return {
        "permohonan": PermohonanMutasi.objects.filter(status=StatusPermohonan.DIAJUKAN).count(),
        "keberatan": Keberatan.objects.filter(status=StatusKeberatan.DIAJUKAN).count(),
    }


def kotak_masuk_jumlah(user) -> int:
    """The number on the navigation badge, each proposal once: one COUNT on proposals and, for
    HR, one on requests and objections."""
    syarat = syarat_menunggu(user)
    if not syarat:
        return 0
    jumlah = menunggu_dasar().filter(reduce(or_, syarat.values())).count()
    if peran_user(user).hr:
        jumlah += (
            PermohonanMutasi.objects.filter(status=StatusPermohonan.DIAJUKAN)
            .values("id")
            .union(Keberatan.objects.filter(status=StatusKeberatan.DIAJUKAN).values("id"), all=True)
            .count()
        )
    return jumlah


def kotak_masuk_hitung(user) -> tuple[dict[str, int], int]:
    """Rows per section and the proposals in all of them (each once), in one query."""
    syarat = syarat_menunggu(user)
    if not syarat:
        return {}, 0
    hitung = {k: Count("pk", filter=q) for k, q in syarat.items()}
    hasil = menunggu_dasar().filter(reduce(or_, syarat.values())).aggregate(_semua=Count("pk"), **hitung)
    semua = hasil.pop("_semua")
    return hasil, semua


def kotak_masuk_baris(user, kunci: str | None = None, urut: str = "lama") -> QuerySet[UsulanMutasi]:
    """The proposals of one section (`kunci`), or of all (each once), in the order asked for;
    a queryset for the page to slice. Unknown section: nothing."""
    syarat = syarat_menunggu(user)
    q = syarat.get(kunci) if kunci else (reduce(or_, syarat.values()) if syarat else None)
    if q is None:
        return UsulanMutasi.objects.none()
    return menunggu_dasar().filter(q).select_related(*_RELASI).order_by(*URUTAN.get(urut, URUTAN["lama"]))


def penyetuju_lampirkan(rows) -> list[UsulanMutasi]:
    """Set `u.penyetuju` (who acts and why, for the "forwarded" note) on the rows at a head step,
    from the unit map kept in the cache (`inti.tembolok`, topic "pegawai": units and heads), so a
    page with such rows costs no more queries than one without."""
    rows = list(rows)
    kepala = [u for u in rows if u.status in LANGKAH_KEPALA]
    if kepala:
        peta = agregat("unit_peta", ("pegawai",), unit_peta)
        for u in kepala:
            u.penyetuju = penyetuju_langkah(u, MENUNGGU[u.status], peta)
    return rows


def kotak_masuk(user) -> list[tuple[str, str, list]]:
    """Every section with all its rows: (key, title, rows). For small uses and tests; the page
    shows one page of one section (`kotak_masuk_baris`)."""
    return [(k, str(JUDUL[k]), penyetuju_lampirkan(kotak_masuk_baris(user, k))) for k in syarat_menunggu(user)]
