"""The "waiting for me" inbox and the number on the navigation badge."""

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.translation import gettext as _

from pegawai.akses import PeranUser, peran_user

from ..models import (
    Keberatan,
    PermohonanMutasi,
    StatusKeberatan,
    StatusPermohonan,
    StatusSK,
    StatusUsulan,
    UsulanMutasi,
)
from .penyetuju import MENUNGGU, InfoUnit, Penyetuju, penyetuju_langkah, unit_peta

S = StatusUsulan
LANGKAH_KEPALA = (S.DIAJUKAN, S.DILEPAS)
_KOLOM_RINGAN = ("id", "status", "jenis", "asal_unit_id", "pegawai_id", "tujuan_unit_id", "tujuan_jabatan__kepala_unit")
_RELASI = ("pegawai", "asal_unit", "asal_jabatan", "tujuan_unit", "tujuan_jabatan", "batch")


def _kepala_menunggu(user, kolom: tuple[str, ...] = ()) -> list[UsulanMutasi]:
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
        "sk": Q(status=S.DIPUTUSKAN) & ~Q(sk_cakupan__status=StatusSK.KONSEP),
        "tinjauan": Q(
            perlu_tinjauan=True, status__in=[S.DIAJUKAN, S.DILEPAS, S.DITERIMA, S.DIVERIFIKASI, S.DIPUTUSKAN]
        ),
    }


def _oleh_bkpsdm(rows, peta: dict[int, InfoUnit] | None = None) -> dict[int, Penyetuju]:
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


def _baca_pemberitahuan(pegawai_id: int) -> Q:
    """The employee's notices in force that they have not acknowledged yet."""
    return Q(pegawai_id=pegawai_id, status__in=[S.SK_TERBIT, S.DILAKSANAKAN], pemberitahuan_dikonfirmasi__isnull=True)


def _ttd_ppk(pegawai_id: int | None) -> Q:
    """Proposals whose draft decree (also amending or revoking) waits for the PPK's signature."""
    return Q(sk_cakupan__status=StatusSK.KONSEP) & ~Q(pegawai_id=pegawai_id)


def _bukan_untuk_plh_ppk(p: PeranUser) -> Q:
    """An acting PPK never decides the transfer of the official they act for (`mutasi.akses`)."""
    d = p.plh_ppk
    return Q(pegawai_id=d.yang_digantikan_id) if d is not None else Q(pk__in=[])


def kotak_masuk(user) -> list[tuple[str, str, list]]:
    """Sections of the "waiting for me" page: (key, title, rows)."""
    p = peran_user(user)
    bagian = []
    if p.kepala:
        rows = _kepala_menunggu(user, _RELASI)
        bagian.append(("lepas", _("Menunggu persetujuan pelepasan Anda"), [u for u in rows if u.status == S.DIAJUKAN]))
        bagian.append(("terima", _("Menunggu persetujuan penerimaan Anda"), [u for u in rows if u.status == S.DILEPAS]))
    if p.hr:
        syarat = _syarat_hr()
        base = UsulanMutasi.objects.select_related(*_RELASI).exclude(pegawai_id=p.pegawai_id).order_by("dibuat", "id")
        bagian.append(
            (
                "langkah_kepala",
                _("Pelepasan/penerimaan yang dilakukan BKPSDM (tidak ada kepala unit yang berwenang)"),
                _langkah_kepala_oleh_bkpsdm(user, _RELASI),
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
            .exclude(_bukan_untuk_plh_ppk(p))
            .select_related(*_RELASI)
        )
        bagian.append(("putuskan", _("Menunggu keputusan PPK"), list(rows)))
        ttd = (
            UsulanMutasi.objects.filter(_ttd_ppk(p.pegawai_id))
            .exclude(_bukan_untuk_plh_ppk(p))
            .select_related(*_RELASI)
            .distinct()
        )
        bagian.append(("tandatangani", _("SK menunggu penetapan dan tanda tangan PPK"), list(ttd)))
    if getattr(user, "is_authenticated", False):
        sendiri = UsulanMutasi.objects.filter(diusulkan_oleh=user, status=S.DIKEMBALIKAN).select_related(*_RELASI)
        bagian.append(("dikembalikan", _("Usulan Anda yang dikembalikan untuk perbaikan"), list(sendiri)))
    if p.pegawai_id:
        baca = UsulanMutasi.objects.filter(_baca_pemberitahuan(p.pegawai_id)).select_related(*_RELASI)
        bagian.append(("baca", _("Pemberitahuan mutasi yang belum Anda konfirmasi"), list(baca)))
    return bagian


def kotak_masuk_hr_lain() -> dict[str, int]:
    """Requests and objections waiting for HR (shown on the inbox page)."""
    return {
        "permohonan": PermohonanMutasi.objects.filter(status=StatusPermohonan.DIAJUKAN).count(),
        "keberatan": Keberatan.objects.filter(status=StatusKeberatan.DIAJUKAN).count(),
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
        syarat |= _baca_pemberitahuan(p.pegawai_id)
    if p.hr:
        for q in _syarat_hr().values():
            syarat |= q & ~Q(pegawai_id=p.pegawai_id)
    if p.ppk:
        ppk = Q(status=S.DIVERIFIKASI) & ~Q(diverifikasi_oleh=user) & ~Q(pegawai_id=p.pegawai_id)
        ppk |= Q(pk__in=UsulanMutasi.objects.filter(_ttd_ppk(p.pegawai_id)).values("pk"))
        syarat |= ppk & ~_bukan_untuk_plh_ppk(p)
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
            .union(Keberatan.objects.filter(status=StatusKeberatan.DIAJUKAN).values("id"), all=True)
            .count()
        )
    if p.kepala:
        jumlah += len(_kepala_menunggu(user))
    return jumlah
