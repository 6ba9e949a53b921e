"""Who acts at each step of a proposal, and who approves for a unit: its head, unless the post is
vacant or the head is the very person being moved; then the step goes up to the parent unit's
head, up to the OPD head. Above that nobody is left and BKPSDM (HR) acts; the page says why at
each hop. (A read: the workflow, the inboxes and the mails all ask it.)"""

from dataclasses import dataclass, field

from django.db.models import Case, Expression, F, IntegerField, OuterRef, Q, Subquery, When
from django.db.models.lookups import Exact
from django.utils.translation import gettext as _

from pegawai.models import Jabatan, UnitKerja

from ..models import JenisMutasi, StatusUsulan, UsulanMutasi

S = StatusUsulan

# Who may perform a transition (`Transisi.pelaku`; the actor check is `mutasi.akses.hak_langkah`).
PENGUSUL = "pengusul"  # the proposer (HR staff may also submit any draft)
KEPALA_ASAL = "kepala_asal"  # head of the sending unit, escalated upward
KEPALA_TUJUAN = "kepala_tujuan"  # head of the receiving unit, escalated upward
HR = "hr"
PPK = "ppk"
PELAKU_LANGKAH = "pelaku_langkah"  # whoever the current step waits for
SISTEM = "sistem"  # carried out by the daily command (or HR)

# Which actor a state waits for (for inboxes, the page, the mails, and "return/reject").
MENUNGGU = {S.DIAJUKAN: KEPALA_ASAL, S.DILEPAS: KEPALA_TUJUAN, S.DITERIMA: HR, S.DIVERIFIKASI: PPK, S.DIPUTUSKAN: HR}
# States still being approved (return and reject are possible).
STATUS_PROSES = (S.DIAJUKAN, S.DILEPAS, S.DITERIMA, S.DIVERIFIKASI)


@dataclass(frozen=True)
class InfoUnit:
    nama: str
    induk_id: int | None
    kepala_id: int | None


@dataclass(frozen=True)
class Penyetuju:
    unit_id: int | None  # the unit whose head acts; None = BKPSDM acts
    unit_nama: str
    kepala_id: int | None
    unit_awal_id: int | None
    alasan: tuple[str, ...] = field(default_factory=tuple)

    @property
    def diteruskan(self) -> bool:
        return bool(self.alasan)

    @property
    def oleh_bkpsdm(self) -> bool:
        return self.unit_id is None

    @property
    def pesan(self) -> str:
        if not self.alasan:
            return ""
        alasan = "; ".join(self.alasan)
        if self.oleh_bkpsdm:
            return _("Dilakukan oleh BKPSDM, karena %(alasan)s.") % {"alasan": alasan}
        return _("Diteruskan ke atasan: Kepala %(unit)s, karena %(alasan)s.") % {
            "unit": self.unit_nama,
            "alasan": alasan,
        }


def unit_peta() -> dict[int, InfoUnit]:
    """Every unit's name, parent and head in one query."""
    return {
        uid: InfoUnit(nama, induk, kepala)
        for uid, nama, induk, kepala in UnitKerja.objects.values_list("id", "nama", "induk_id", "kepala_id")
    }


def penyetuju_cari(
    unit_id: int | None,
    pegawai_id: int,
    peta: dict[int, InfoUnit] | None = None,
    *,
    mulai_induk: bool = False,
) -> Penyetuju:
    """The approver for `unit_id` when `pegawai_id` is the one being moved. `mulai_induk`: the
    post concerned is the unit's own head post, so its current head (the one being replaced)
    does not decide; the search starts at the parent unit."""
    peta = unit_peta() if peta is None else peta
    alasan: list[str] = []
    node, seen = unit_id, set()
    if mulai_induk and unit_id in peta:
        alasan.append(_("jabatan tujuan adalah jabatan Kepala %(unit)s") % {"unit": peta[unit_id].nama})
        seen.add(unit_id)
        node = peta[unit_id].induk_id
    while node is not None and node in peta and node not in seen:
        seen.add(node)
        info = peta[node]
        if info.kepala_id is None:
            alasan.append(_("jabatan Kepala %(unit)s kosong") % {"unit": info.nama})
        elif info.kepala_id == pegawai_id:
            alasan.append(_("pegawai yang dimutasi adalah Kepala %(unit)s sendiri") % {"unit": info.nama})
        else:
            return Penyetuju(node, info.nama, info.kepala_id, unit_id, tuple(alasan))
        node = info.induk_id
    if unit_id is not None:
        alasan.append(_("tidak ada kepala unit di atasnya sampai tingkat OPD"))
    return Penyetuju(None, _("BKPSDM"), None, unit_id, tuple(alasan))


def penyetuju_langkah(usulan: UsulanMutasi, pelaku: str, peta: dict[int, InfoUnit] | None = None) -> Penyetuju | None:
    """The approver for a head's step. An inter-instansi side has no unit here: BKPSDM records
    the other instansi's agreement instead."""
    if pelaku == KEPALA_ASAL:
        if usulan.jenis == JenisMutasi.MASUK and not usulan.asal_unit_id:
            return Penyetuju(None, _("BKPSDM"), None, None, (_("instansi asal berada di luar Pemerintah Kota"),))
        return penyetuju_cari(usulan.asal_unit_id, usulan.pegawai_id, peta)
    if pelaku == KEPALA_TUJUAN:
        if usulan.jenis == JenisMutasi.KELUAR:
            return Penyetuju(None, _("BKPSDM"), None, None, (_("instansi tujuan berada di luar Pemerintah Kota"),))
        # Into a head post: the head being replaced does not accept their successor; the head
        # above does (and becomes the new superior).
        kepala_unit = usulan.tujuan_jabatan_id is not None and usulan.tujuan_jabatan.kepala_unit
        return penyetuju_cari(usulan.tujuan_unit_id, usulan.pegawai_id, peta, mulai_induk=kepala_unit)
    return None


class _UnitPenyetuju(Expression):
    """`penyetuju_cari(mulai, pegawai).unit_id` in SQL: walk up from `mulai` through the parents
    while the unit's head is vacant or is the moved employee; the first unit with another head
    approves, none (NULL) means BKPSDM. A recursive query per row, so the inboxes and the badge
    filter and count in the database instead of loading every proposal and the unit map."""

    output_field = IntegerField()

    def __init__(self, mulai, pegawai):
        super().__init__()
        self.mulai, self.pegawai = mulai, pegawai

    def get_source_expressions(self):
        return [self.mulai, self.pegawai]

    def set_source_expressions(self, exprs):
        self.mulai, self.pegawai = exprs

    def as_sql(self, compiler, connection):
        mulai_sql, mulai_params = compiler.compile(self.mulai)
        pegawai_sql, pegawai_params = compiler.compile(self.pegawai)
        tabel = connection.ops.quote_name(UnitKerja._meta.db_table)
        # Aliased tables: an outer reference to the unit table must not bind to the inner one.
        # UNION (not ALL) ends a walk that a cycle would make endless.
        # Only compiled expressions and the model's table name go into the text; values are params.
        sql = (
            "(WITH RECURSIVE naik_unit(id, induk_id, kepala_id) AS ("  # noqa: S608
            f"SELECT nu0.id, nu0.induk_id, nu0.kepala_id FROM {tabel} nu0 WHERE nu0.id = {mulai_sql} "
            f"UNION SELECT nu1.id, nu1.induk_id, nu1.kepala_id FROM {tabel} nu1 "
            "JOIN naik_unit ON nu1.id = naik_unit.induk_id "
            f"WHERE naik_unit.kepala_id IS NULL OR naik_unit.kepala_id = {pegawai_sql}) "
            f"SELECT id FROM naik_unit WHERE kepala_id IS NOT NULL AND kepala_id <> {pegawai_sql} LIMIT 1)"
        )
        return sql, (*mulai_params, *pegawai_params, *pegawai_params)


def penyetuju_unit_sql() -> Case:
    """For a proposal at a head step (`UsulanMutasi` queryset annotation): the unit whose head
    approves, NULL when BKPSDM does (as `penyetuju_langkah`: an inter-instansi side, no head left,
    or into a head post, where the search starts at the parent unit)."""
    pegawai = F("pegawai_id")
    jabatan = Jabatan.objects.filter(pk=OuterRef("tujuan_jabatan_id")).order_by()
    kepala_unit = Subquery(jabatan.values("kepala_unit")[:1])
    induk_tujuan = Subquery(UnitKerja.objects.filter(pk=OuterRef("tujuan_unit_id")).order_by().values("induk_id")[:1])
    return Case(
        When(status=S.DIAJUKAN, then=_UnitPenyetuju(F("asal_unit_id"), pegawai)),
        When(
            Q(status=S.DILEPAS) & ~Q(jenis=JenisMutasi.KELUAR),
            then=_UnitPenyetuju(
                Case(
                    When(Exact(kepala_unit, True), then=induk_tujuan),
                    default=F("tujuan_unit_id"),
                    output_field=IntegerField(),
                ),
                pegawai,
            ),
        ),
        default=None,
        output_field=IntegerField(),
    )
