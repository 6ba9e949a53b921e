"""Reads for the transfer workflow. Object access goes through the `*_ambil` selectors, which
answer 404 to whoever may not see the object.

Visibility: HR staff see everything; the PPK sees every proposal once submitted; unit heads see
proposals touching their units (from submission on, plus their own drafts), not their own
transfer; employees see their own transfer only from the decision on."""

from datetime import date

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.shortcuts import get_object_or_404

from pegawai.akses import peran_user
from pegawai.selectors.pegawai import unit_turunan_ids

from .models import (
    BatchUsulan,
    Keberatan,
    PermohonanMutasi,
    StatusPermohonan,
    StatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from .services.alur import KEPALA_TUJUAN, MENUNGGU, penyetuju_langkah
from .services.penyetuju import Penyetuju, unit_peta

S = StatusUsulan


def _syarat_terlihat(user) -> Q | None:
    """None = everything."""
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
        cond |= Q(pegawai_id=p.pegawai_id, diputuskan_pada__isnull=False)
    return cond


def usulan_terlihat(user) -> QuerySet[UsulanMutasi]:
    cond = _syarat_terlihat(user)
    qs = UsulanMutasi.objects.all()
    return qs if cond is None else qs.filter(cond)


def _dengan_relasi(qs: QuerySet[UsulanMutasi]) -> QuerySet[UsulanMutasi]:
    return qs.select_related(
        "pegawai", "asal_unit", "asal_jabatan", "tujuan_unit", "tujuan_jabatan", "batch", "sk", "diusulkan_oleh"
    )


def usulan_ambil(user, pk: int) -> UsulanMutasi:
    return get_object_or_404(_dengan_relasi(usulan_terlihat(user)), pk=pk)


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
    qs = _dengan_relasi(usulan_terlihat(user))
    if q:
        q = q.strip()
        digits = "".join(ch for ch in q if ch.isascii() and ch.isdigit())
        cond = Q(pegawai__nama__icontains=q) | Q(sk__nomor__icontains=q)
        if len(digits) >= 4 and len(digits) == len(q.replace(" ", "")):
            cond |= Q(pegawai__nip__startswith=digits)
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
    if jenis:
        qs = qs.filter(jenis=jenis)
    if dasar:
        qs = qs.filter(dasar=dasar)
    if dari:
        qs = qs.filter(tmt_usulan__gte=dari)
    if sampai:
        qs = qs.filter(tmt_usulan__lte=sampai)
    if batch:
        qs = qs.filter(batch_id=batch)
    desc = urut.startswith("-")
    fields = URUTAN_USULAN.get(urut.lstrip("-"), URUTAN_USULAN["dibuat"])
    return qs.order_by(*[f"-{f}" if desc else f for f in fields])


# --- Inboxes ------------------------------------------------------------------------


def _kepala_menunggu(user, kolom: tuple[str, ...] = ()) -> list:
    """Proposals waiting for this user as (escalated) head of the sending or receiving unit."""
    p = peran_user(user)
    if not p.unit_wewenang:
        return []
    qs = UsulanMutasi.objects.filter(
        Q(status=S.DIAJUKAN, asal_unit_id__in=p.unit_wewenang) | Q(status=S.DILEPAS, tujuan_unit_id__in=p.unit_wewenang)
    ).exclude(pegawai_id=p.pegawai_id)
    kandidat = list(qs.select_related(*kolom) if kolom else qs.select_related("tujuan_jabatan"))
    if not kandidat:
        return []
    peta = unit_peta()
    hasil = []
    for u in kandidat:
        penyetuju = penyetuju_langkah(u, MENUNGGU[u.status], peta)
        if penyetuju.unit_id in p.unit_dipimpin:
            u.penyetuju = penyetuju
            hasil.append(u)
    return hasil


def _syarat_hr() -> dict[str, Q]:
    return {
        "verifikasi": Q(status=S.DITERIMA),
        "sk": Q(status=S.DIPUTUSKAN),
        "tinjauan": Q(
            perlu_tinjauan=True, status__in=[S.DIAJUKAN, S.DILEPAS, S.DITERIMA, S.DIVERIFIKASI, S.DIPUTUSKAN]
        ),
    }


LANGKAH_KEPALA = (S.DIAJUKAN, S.DILEPAS)
_KOLOM_RINGAN = ("id", "status", "jenis", "asal_unit_id", "pegawai_id", "tujuan_unit_id", "tujuan_jabatan__kepala_unit")


def _oleh_bkpsdm(rows, peta=None) -> dict[int, Penyetuju]:
    """Of proposals at a head step, those whose step BKPSDM performs, with the reason."""
    rows = [u for u in rows if u.status in LANGKAH_KEPALA]
    if not rows:
        return {}
    peta = unit_peta() if peta is None else peta
    hasil = {}
    for u in rows:
        penyetuju = penyetuju_langkah(u, MENUNGGU[u.status], peta)
        if penyetuju.oleh_bkpsdm:
            hasil[u.pk] = penyetuju
    return hasil


def _langkah_kepala_oleh_bkpsdm(user, kolom: tuple[str, ...] = ()) -> list[UsulanMutasi]:
    """Head steps (release, acceptance) that BKPSDM performs: the other side is another instansi,
    or no head is left up to the OPD (vacant posts, the only head is the person moved, or the
    destination is an OPD's own head post).

    Which proposals these are depends on the unit tree and on who is moved, so it is computed
    from the proposals waiting at a head step: one light query, the unit map, and one query
    for the rows shown. The HR user's own transfer is left out (nobody approves their own)."""
    p = peran_user(user)
    ringan = (
        UsulanMutasi.objects.filter(status__in=LANGKAH_KEPALA)
        .exclude(pegawai_id=p.pegawai_id)
        .select_related("tujuan_jabatan")
        .only(*_KOLOM_RINGAN)
    )
    penyetuju = _oleh_bkpsdm(list(ringan))
    if not penyetuju:
        return []
    rows = list(UsulanMutasi.objects.filter(pk__in=list(penyetuju)).select_related(*kolom).order_by("dibuat", "id"))
    for u in rows:
        u.penyetuju = penyetuju[u.pk]
    return rows


def kotak_masuk(user) -> list[tuple[str, str, list]]:
    """Sections of the "waiting for me" page: (key, title, rows)."""
    from django.utils.translation import gettext as _

    p = peran_user(user)
    bagian = []
    rel = ("pegawai", "asal_unit", "asal_jabatan", "tujuan_unit", "tujuan_jabatan", "batch")
    if p.kepala:
        rows = _kepala_menunggu(user, rel)
        lepas = [u for u in rows if u.status == S.DIAJUKAN]
        terima = [u for u in rows if u.status == S.DILEPAS]
        bagian.append(("lepas", _("Menunggu persetujuan pelepasan Anda"), lepas))
        bagian.append(("terima", _("Menunggu persetujuan penerimaan Anda"), terima))
    if p.hr:
        syarat = _syarat_hr()
        base = UsulanMutasi.objects.select_related(*rel).exclude(pegawai_id=p.pegawai_id).order_by("dibuat", "id")
        bagian.append(
            (
                "langkah_kepala",
                _("Pelepasan/penerimaan yang dilakukan BKPSDM (tidak ada kepala unit yang berwenang)"),
                _langkah_kepala_oleh_bkpsdm(user, rel),
            )
        )
        bagian.append(("verifikasi", _("Menunggu verifikasi BKPSDM"), list(base.filter(syarat["verifikasi"]))))
        bagian.append(("sk", _("Sudah diputuskan, menunggu SK"), list(base.filter(syarat["sk"]))))
        bagian.append(("tinjauan", _("Data pegawai berubah, perlu ditinjau"), list(base.filter(syarat["tinjauan"]))))
    if p.ppk:
        rows = (
            UsulanMutasi.objects.filter(status=S.DIVERIFIKASI)
            .exclude(diverifikasi_oleh=user)
            .exclude(pegawai_id=p.pegawai_id)
            .select_related(*rel)
        )
        bagian.append(("putuskan", _("Menunggu keputusan PPK"), list(rows)))
    if getattr(user, "is_authenticated", False):
        sendiri = UsulanMutasi.objects.filter(diusulkan_oleh=user, status=S.DIKEMBALIKAN).select_related(*rel)
        bagian.append(("dikembalikan", _("Usulan Anda yang dikembalikan untuk perbaikan"), list(sendiri)))
    if p.pegawai_id:
        baca = UsulanMutasi.objects.filter(
            pegawai_id=p.pegawai_id, status__in=[S.SK_TERBIT, S.DILAKSANAKAN], pemberitahuan_dikonfirmasi__isnull=True
        ).select_related(*rel)
        bagian.append(("baca", _("Pemberitahuan mutasi yang belum Anda konfirmasi"), list(baca)))
    return bagian


def kotak_masuk_hr_lain() -> dict[str, int]:
    """Requests and objections waiting for HR (shown on the inbox page)."""
    return {
        "permohonan": PermohonanMutasi.objects.filter(status=StatusPermohonan.DIAJUKAN).count(),
        "keberatan": Keberatan.objects.filter(dijawab_pada__isnull=True).count(),
    }


def kotak_masuk_jumlah(user) -> int:
    """The number on the navigation badge, each proposal once: one query on proposals (for HR one
    that returns light rows, plus the unit map while a head step is pending), one on HR's requests
    and objections, and the head's own (see `_kepala_menunggu`)."""
    p = peran_user(user)
    if not getattr(user, "is_authenticated", False):
        return 0
    syarat = Q(diusulkan_oleh=user, status=S.DIKEMBALIKAN)
    if p.pegawai_id:
        syarat |= Q(
            pegawai_id=p.pegawai_id, status__in=[S.SK_TERBIT, S.DILAKSANAKAN], pemberitahuan_dikonfirmasi__isnull=True
        )
    if p.hr:
        for q in _syarat_hr().values():
            syarat |= q & ~Q(pegawai_id=p.pegawai_id)
    if p.ppk:
        syarat |= Q(status=S.DIVERIFIKASI) & ~Q(diverifikasi_oleh=user) & ~Q(pegawai_id=p.pegawai_id)
    if not p.hr:
        jumlah = UsulanMutasi.objects.filter(syarat).count()
    else:
        # HR also performs head steps no head is left for; which ones needs the unit tree, so the
        # proposals at a head step come along in the same query, marked whether they match anyway.
        langkah = Q(status__in=LANGKAH_KEPALA) & ~Q(pegawai_id=p.pegawai_id)
        rows = list(
            UsulanMutasi.objects.filter(syarat | langkah)
            .annotate(cocok=ExpressionWrapper(syarat, output_field=BooleanField()))
            .select_related("tujuan_jabatan")
            .only(*_KOLOM_RINGAN)
        )
        bkpsdm = _oleh_bkpsdm([u for u in rows if not u.cocok])
        jumlah = sum(1 for u in rows if u.cocok or u.pk in bkpsdm)
    if p.hr:
        jumlah += (
            PermohonanMutasi.objects.filter(status=StatusPermohonan.DIAJUKAN)
            .values("id")
            .union(Keberatan.objects.filter(dijawab_pada__isnull=True).values("id"), all=True)
            .count()
        )
    if p.kepala:
        jumlah += len(_kepala_menunggu(user))
    return jumlah


# --- Other objects ------------------------------------------------------------------


def batch_terlihat(user) -> QuerySet[BatchUsulan]:
    p = peran_user(user)
    if p.hr or p.ppk:
        return BatchUsulan.objects.all()
    return BatchUsulan.objects.filter(usulan__in=usulan_terlihat(user)).distinct()


def batch_ambil(user, pk: int) -> BatchUsulan:
    return get_object_or_404(batch_terlihat(user), pk=pk)


def batch_daftar(user) -> QuerySet[BatchUsulan]:
    return batch_terlihat(user).annotate(
        jumlah=Count("usulan", distinct=True),
        jumlah_diputuskan=Count("usulan", filter=Q(usulan__status=S.DIPUTUSKAN), distinct=True),
    )


def sk_terlihat(user) -> QuerySet[SuratKeputusan]:
    """Decrees covering a visible proposal, and the decrees those amended (an employee keeps
    access to the first decree after an amending one replaced it on their proposal)."""
    p = peran_user(user)
    if p.hr or p.ppk:
        return SuratKeputusan.objects.all()
    terlihat = usulan_terlihat(user)
    return SuratKeputusan.objects.filter(Q(usulan__in=terlihat) | Q(pengganti__usulan__in=terlihat)).distinct()


def sk_ambil(user, pk: int) -> SuratKeputusan:
    return get_object_or_404(sk_terlihat(user).select_related("batch", "mengganti"), pk=pk)


def sk_usulan(sk: SuratKeputusan, user=None) -> QuerySet[UsulanMutasi]:
    """Who a decree covers (for the employee: only themself)."""
    qs = sk.usulan.all() if user is None else usulan_terlihat(user).filter(sk=sk)
    return _dengan_relasi(qs).order_by("pegawai__nama")


def keberatan_daftar(*, terbuka: bool | None = None) -> QuerySet[Keberatan]:
    qs = Keberatan.objects.select_related("usulan", "usulan__pegawai", "usulan__sk", "dijawab_oleh")
    if terbuka is True:
        qs = qs.filter(dijawab_pada__isnull=True)
    elif terbuka is False:
        qs = qs.filter(dijawab_pada__isnull=False)
    return qs.order_by("dijawab_pada", "-diajukan_pada")


def keberatan_ambil(user, pk: int) -> Keberatan:
    p = peran_user(user)
    qs = Keberatan.objects.select_related("usulan", "usulan__pegawai", "usulan__sk")
    if not p.hr:
        qs = qs.filter(usulan__pegawai_id=p.pegawai_id or 0)
    return get_object_or_404(qs, pk=pk)


def permohonan_terlihat(user) -> QuerySet[PermohonanMutasi]:
    p = peran_user(user)
    qs = PermohonanMutasi.objects.select_related("pegawai", "usulan")
    if p.hr:
        return qs
    return qs.filter(pegawai_id=p.pegawai_id or 0)


def permohonan_ambil(user, pk: int) -> PermohonanMutasi:
    return get_object_or_404(permohonan_terlihat(user), pk=pk)


def mutasi_saya(user) -> QuerySet[UsulanMutasi]:
    """The employee's own transfers, from the decision on."""
    p = peran_user(user)
    return (
        _dengan_relasi(UsulanMutasi.objects.filter(pegawai_id=p.pegawai_id or 0, diputuskan_pada__isnull=False))
        .prefetch_related("keberatan")
        .order_by("-diputuskan_pada")
    )


def riwayat_mutasi_pegawai(user, pegawai_id: int) -> QuerySet[UsulanMutasi]:
    """Transfer history of one employee, as far as the user may see it."""
    return _dengan_relasi(usulan_terlihat(user).filter(pegawai_id=pegawai_id)).order_by("-dibuat")


def atasan_baru(u: UsulanMutasi, peta=None):
    """Who the new superior will be: the head of the destination unit (escalated upward), or,
    into a head post, the head above that unit."""
    from pegawai.models import Pegawai

    if u.tujuan_unit_id is None:
        return None
    p = penyetuju_langkah(u, KEPALA_TUJUAN, peta)
    if p.kepala_id is None:
        return None
    return Pegawai.objects.with_posisi().filter(pk=p.kepala_id).first()


def pegawai_dalam_usulan() -> set[int]:
    """Employees in an open proposal (draft to decree issued): the ABK candidate list's hook
    (settings.ABK_PEGAWAI_DALAM_USULAN)."""
    from .models import STATUS_TERBUKA

    return set(UsulanMutasi.objects.filter(status__in=STATUS_TERBUKA).values_list("pegawai_id", flat=True))
