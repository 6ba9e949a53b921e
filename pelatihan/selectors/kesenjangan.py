"""The competence gap of a transfer and the trainings suggested to close it."""

from dataclasses import dataclass, field

from mutasi.models import UsulanMutasi
from pegawai.models import Jabatan, Kompetensi, Pegawai

from ..models import STATUS_AKTIF, Pelatihan, PenugasanPelatihan, StatusPenugasan

SP = StatusPenugasan


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


def kesenjangan_kompetensi(pegawai: Pegawai, jabatan: Jabatan | None) -> tuple[list[Kompetensi], list[Kompetensi]]:
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
        PenugasanPelatihan.objects.filter(
            pegawai=usulan.pegawai_id, status__in=[*STATUS_AKTIF, StatusPenugasan.SELESAI]
        )
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
