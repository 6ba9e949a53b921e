"""Who acts at each step of a proposal, and who approves for a unit: its head, unless the post is
vacant or the head is the very person being moved; then the step goes up to the parent unit's
head, up to the OPD head. Above that nobody is left and BKPSDM (HR) acts; the page says why at
each hop. (A read: the workflow, the inboxes and the mails all ask it.)"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from pegawai.models import UnitKerja

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
