"""Before and after: did a transfer help the person and the receiving unit?

- Before = the latest yearly predicate (KinerjaTahunan) of a year before the TMT's year.
- After = the predikat of the latest final review of that transfer; without one, the latest yearly
  predicate of a year after the TMT's year.
- Outcome: naik (improved), tetap (same), turun (fell) by Predikat.skor; `belum` while either side is
  missing (shown and counted apart, never guessed).

Every figure comes from one annotated query over the transfers (subqueries, no per-transfer
queries) plus one aggregate query per extra table; grouping happens in Python.

The staffing gap of a receiving unit: the need (kebutuhan) per position comes from the needs
analysis (pegawai.selectors.abk: `abk_posisi`), which holds only today's workload, so "before" and
"after" use the same need. "After" is today's bezetting (from `abk_posisi`); "before" is the
bezetting on the day before the unit's first TMT in the report, counted here from the position
history (RiwayatJabatan), because abk.py computes only the present.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import CharField, Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.tembolok import agregat
from mutasi.models import DasarMutasi, JenisMutasi, StatusUsulan, UsulanMutasi
from pegawai.models import KinerjaTahunan, Predikat, RiwayatJabatan, UnitKerja
from pegawai.selectors.abk import abk_posisi
from pegawai.selectors.pegawai import unit_induk_map, unit_opd_id, unit_turunan_ids

from ..models import Evaluasi, StatusEvaluasi

NAIK, TETAP, TURUN, BELUM = "naik", "tetap", "turun", "belum"
HASIL_LABEL = {
    NAIK: gettext_lazy("Meningkat"),
    TETAP: gettext_lazy("Tetap"),
    TURUN: gettext_lazy("Menurun"),
    BELUM: gettext_lazy("Belum dapat dibandingkan"),
}


def bandingkan(sebelum: str | None, sesudah: str | None) -> str:
    if not sebelum or not sesudah:
        return BELUM
    a, b = Predikat.skor(sebelum), Predikat.skor(sesudah)
    return NAIK if b > a else TURUN if b < a else TETAP


def _kinerja(arah: str, kolom: str) -> Subquery:
    syarat = {"pegawai_id": OuterRef("pegawai_id"), f"tahun__{arah}": ExtractYear(OuterRef("tmt"))}
    out = CharField() if kolom == "predikat" else IntegerField()
    return Subquery(KinerjaTahunan.objects.filter(**syarat).order_by("-tahun").values(kolom)[:1], output_field=out)


def _evaluasi_final(kolom: str) -> Subquery:
    out = CharField() if kolom == "predikat" else IntegerField()
    return Subquery(
        Evaluasi.objects.filter(usulan_id=OuterRef("pk"), status=StatusEvaluasi.FINAL)
        .order_by("-bulan_ke")
        .values(kolom)[:1],
        output_field=out,
    )


def dengan_dampak(qs: QuerySet[UsulanMutasi]) -> QuerySet[UsulanMutasi]:
    """Annotate transfers with the figures the comparison needs (all in the same query)."""
    return qs.annotate(
        sebelum=_kinerja("lt", "predikat"),
        sebelum_tahun=_kinerja("lt", "tahun"),
        sesudah_evaluasi=_evaluasi_final("predikat"),
        sesudah_bulan=_evaluasi_final("bulan_ke"),
        sesudah_skp=_kinerja("gt", "predikat"),
        sesudah_skp_tahun=_kinerja("gt", "tahun"),
    )


@dataclass
class Dampak:
    """The before/after of one transfer."""

    usulan_id: int
    sebelum: str | None
    sebelum_tahun: int | None
    sesudah: str | None
    sesudah_sumber: str  # "" | "evaluasi" | "skp"
    sesudah_keterangan: str
    hasil: str

    @property
    def sebelum_label(self) -> str:
        return Predikat(self.sebelum).label if self.sebelum else ""

    @property
    def sesudah_label(self) -> str:
        return Predikat(self.sesudah).label if self.sesudah else ""

    @property
    def hasil_label(self) -> str:
        return str(HASIL_LABEL[self.hasil])


def dampak_dari(baris) -> Dampak:
    """From an annotated transfer (an object or a values() dict)."""
    ambil = baris.get if isinstance(baris, dict) else (lambda k: getattr(baris, k, None))
    if ambil("sesudah_evaluasi"):
        sesudah, sumber = ambil("sesudah_evaluasi"), "evaluasi"
        ket = _("evaluasi %(n)s bulan") % {"n": ambil("sesudah_bulan")}
    elif ambil("sesudah_skp"):
        sesudah, sumber = ambil("sesudah_skp"), "skp"
        ket = _("predikat tahunan %(t)s") % {"t": ambil("sesudah_skp_tahun")}
    else:
        sesudah, sumber, ket = None, "", ""
    sebelum = ambil("sebelum")
    return Dampak(
        usulan_id=ambil("id") if isinstance(baris, dict) else baris.pk,
        sebelum=sebelum,
        sebelum_tahun=ambil("sebelum_tahun"),
        sesudah=sesudah,
        sesudah_sumber=sumber,
        sesudah_keterangan=ket,
        hasil=bandingkan(sebelum, sesudah),
    )


def dampak_usulan(usulan: UsulanMutasi) -> Dampak | None:
    """Before/after of one transfer; None unless it was carried out inside the city. One query."""
    if usulan.status != StatusUsulan.DILAKSANAKAN or not usulan.tmt or usulan.jenis == JenisMutasi.KELUAR:
        return None
    baris = dengan_dampak(UsulanMutasi.objects.filter(pk=usulan.pk)).values(*KOLOM_DAMPAK).first()
    return dampak_dari(baris) if baris else None


KOLOM_DAMPAK = [
    "id",
    "sebelum",
    "sebelum_tahun",
    "sesudah_evaluasi",
    "sesudah_bulan",
    "sesudah_skp",
    "sesudah_skp_tahun",
]


def dampak_pegawai(pegawai_id: int) -> list[tuple[dict, Dampak]]:
    """Every carried-out transfer of one employee with its before/after. One query."""
    kolom = [*KOLOM_DAMPAK, "tmt", "tujuan_unit__nama", "tujuan_jabatan__nama", "asal_unit__nama", "dasar"]
    qs = dengan_dampak(
        UsulanMutasi.objects.filter(pegawai_id=pegawai_id, status=StatusUsulan.DILAKSANAKAN, tmt__isnull=False)
        .exclude(jenis=JenisMutasi.KELUAR)
        .order_by("-tmt")
    ).values(*kolom)
    return [(b, dampak_dari(b)) for b in qs]


# --- Reports ---------------------------------------------------------------------------------


@dataclass
class Kelompok:
    """Outcome counts of one group of transfers (a unit, a basis, a year, or all)."""

    kunci: object
    label: str
    naik: int = 0
    tetap: int = 0
    turun: int = 0
    belum: int = 0

    def tambah(self, hasil: str) -> None:
        setattr(self, hasil, getattr(self, hasil) + 1)

    @property
    def jumlah(self) -> int:
        return self.naik + self.tetap + self.turun + self.belum

    @property
    def dibandingkan(self) -> int:
        return self.naik + self.tetap + self.turun

    def _persen(self, n: int) -> float | None:
        return round(100 * n / self.dibandingkan, 1) if self.dibandingkan else None

    @property
    def persen_naik(self) -> float | None:
        return self._persen(self.naik)

    @property
    def persen_tetap(self) -> float | None:
        return self._persen(self.tetap)

    @property
    def persen_turun(self) -> float | None:
        return self._persen(self.turun)


@dataclass
class FormasiUnit:
    """The staffing gap of one receiving unit before and after its incoming transfers."""

    unit_id: int
    nama: str
    masuk: int
    acuan: date  # "before" = bezetting on this day (the day before the unit's first TMT)
    dianalisis: bool = False
    kekurangan_sebelum: int = 0
    kekurangan_sesudah: int = 0
    kelebihan_sebelum: int = 0
    kelebihan_sesudah: int = 0
    tujuan_kurang_sebelum: int = 0  # shortage in the very positions that received transfers
    tujuan_kurang_sesudah: int = 0

    @property
    def perubahan_kekurangan(self) -> int:
        return self.kekurangan_sesudah - self.kekurangan_sebelum


@dataclass
class LaporanDampak:
    per_opd: bool  # per_unit groups by OPD (no OPD filter) or by unit (inside one OPD)
    total: Kelompok
    per_unit: list[Kelompok]
    per_dasar: list[Kelompok]
    per_tahun: list[Kelompok]
    formasi: list[FormasiUnit]
    pelatihan: list[Kelompok] | None  # None when the training module is absent
    rincian: list[dict] = field(default_factory=list)

    def grafik(self) -> dict:
        """The three outcome charts and the staffing chart, for json_script."""

        def seri(kelompok: list[Kelompok]) -> dict:
            k = [g for g in kelompok if g.dibandingkan]
            return {
                "label": [g.label for g in k],
                "naik": [g.persen_naik for g in k],
                "tetap": [g.persen_tetap for g in k],
                "turun": [g.persen_turun for g in k],
                "n": [g.dibandingkan for g in k],
            }

        # Units without any gap before or after add only empty rows to the chart (the table has them).
        f = [x for x in self.formasi if x.dianalisis and (x.kekurangan_sebelum or x.kekurangan_sesudah)]
        return {
            "judul": {
                "naik": str(HASIL_LABEL[NAIK]),
                "tetap": str(HASIL_LABEL[TETAP]),
                "turun": str(HASIL_LABEL[TURUN]),
                "sebelum": _("Kekurangan sebelum"),
                "sesudah": _("Kekurangan sekarang"),
                "persen": _("% pegawai yang dapat dibandingkan"),
                "orang": _("orang"),
            },
            "unit": seri(self.per_unit),
            "dasar": seri(self.per_dasar),
            "tahun": seri(self.per_tahun),
            "formasi": {
                "label": [x.nama for x in f],
                "sebelum": [x.kekurangan_sebelum for x in f],
                "sesudah": [x.kekurangan_sesudah for x in f],
            },
        }


def usulan_laporan(
    *, dari_tahun: int | None = None, sampai_tahun: int | None = None, opd: int | None = None, dasar: str = ""
) -> QuerySet[UsulanMutasi]:
    """The transfers a report covers: carried out inside the city, filtered by year of TMT,
    receiving OPD (with its sub-units) and basis."""
    qs = UsulanMutasi.objects.filter(status=StatusUsulan.DILAKSANAKAN, tmt__isnull=False).exclude(
        jenis=JenisMutasi.KELUAR
    )
    if dari_tahun:
        qs = qs.filter(tmt__year__gte=dari_tahun)
    if sampai_tahun:
        qs = qs.filter(tmt__year__lte=sampai_tahun)
    if opd:
        qs = qs.filter(tujuan_unit_id__in=unit_turunan_ids([opd]))
    if dasar:
        qs = qs.filter(dasar=dasar)
    return qs


# The employee as a report row writes them (evaluasi_tags: nama_baris, nip_baris).
KOLOM_PEGAWAI = [
    "pegawai_id",
    "pegawai__nama",
    "pegawai__gelar_depan",
    "pegawai__gelar_belakang",
    "pegawai__nip",
    "pegawai__status",
]
KOLOM_RINCIAN = [
    *KOLOM_DAMPAK,
    "tmt",
    "dasar",
    *KOLOM_PEGAWAI,
    "asal_unit__nama",
    "asal_jabatan__nama",
    "tujuan_unit_id",
    "tujuan_unit__nama",
    "tujuan_jabatan_id",
    "tujuan_jabatan__nama",
    "dibuat",
]


def laporan_dampak(**filter_) -> LaporanDampak:
    """Outcome shares by receiving unit, basis and year; staffing gap; training vs outcome. Kept in
    the cache per filter until a write changes transfers, reviews, trainings or employees
    (`inti.tembolok`)."""
    return agregat(
        "laporan_dampak",
        ("pegawai", "mutasi", "evaluasi", "pelatihan"),
        lambda: _laporan_dampak(**filter_),
        bagian=sorted(filter_.items()),
    )


def _laporan_dampak(**filter_) -> LaporanDampak:
    baris = list(dengan_dampak(usulan_laporan(**filter_)).order_by("tmt", "id").values(*KOLOM_RINCIAN))
    total = Kelompok("semua", _("Semua mutasi"))
    # Without an OPD filter the receiving units are grouped by their OPD (a city has hundreds of
    # units); inside one OPD, by the unit itself.
    per_opd = not filter_.get("opd")
    induk = unit_induk_map() if per_opd else {}
    nama_unit = dict(UnitKerja.objects.filter(induk__isnull=True).values_list("id", "nama")) if per_opd else {}
    per_unit: dict[int, Kelompok] = {}
    per_dasar = {k: Kelompok(k, str(v)) for k, v in DasarMutasi.choices}
    per_tahun: dict[int, Kelompok] = {}
    dasar_label = dict(DasarMutasi.choices)
    for b in baris:
        d = dampak_dari(b)
        b["dampak"] = d
        b["dasar_label"] = str(dasar_label.get(b["dasar"], b["dasar"]))
        total.tambah(d.hasil)
        if per_opd:
            uid = unit_opd_id(b["tujuan_unit_id"], induk)
            label = nama_unit.get(uid, b["tujuan_unit__nama"])
        else:
            uid, label = b["tujuan_unit_id"], b["tujuan_unit__nama"]
        per_unit.setdefault(uid, Kelompok(uid, label)).tambah(d.hasil)
        per_dasar.setdefault(b["dasar"], Kelompok(b["dasar"], b["dasar"])).tambah(d.hasil)
        per_tahun.setdefault(b["tmt"].year, Kelompok(b["tmt"].year, str(b["tmt"].year))).tambah(d.hasil)
    return LaporanDampak(
        per_opd=per_opd,
        total=total,
        per_unit=sorted(per_unit.values(), key=lambda k: (-k.jumlah, k.label)),
        per_dasar=[k for k in per_dasar.values() if k.jumlah],
        per_tahun=sorted(per_tahun.values(), key=lambda k: k.kunci),
        formasi=formasi_unit(baris),
        pelatihan=pelatihan_vs_hasil(baris),
        rincian=baris,
    )


def bezetting_pada(pasangan_tanggal: dict[int, date], unit_ids: set[int]) -> dict[tuple[int, int], int]:
    """{(unit, jabatan): head-count} on each unit's own date, from the position history: one
    GROUP BY query (units sharing a date share a condition), only the counts leave the database."""
    per_tanggal: dict[date, list[int]] = defaultdict(list)
    for uid in unit_ids:
        per_tanggal[pasangan_tanggal[uid]].append(uid)
    if not per_tanggal:
        return {}
    syarat = Q()
    for pada, uids in per_tanggal.items():
        syarat |= Q(unit_id__in=uids, mulai__lte=pada) & (Q(sampai__isnull=True) | Q(sampai__gte=pada))
    rows = (
        RiwayatJabatan.objects.filter(syarat)
        .order_by()  # the model's default ordering (by employee) would make the database sort
        .values("unit_id", "jabatan_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "jabatan_id", "n")
    )
    return {(unit_id, jabatan_id): n for unit_id, jabatan_id, n in rows}


def formasi_unit(baris: list[dict]) -> list[FormasiUnit]:
    """Staffing gap of each receiving unit: the day before its first incoming TMT vs today."""
    acuan: dict[int, date] = {}
    masuk: dict[int, int] = defaultdict(int)
    nama: dict[int, str] = {}
    jabatan_tujuan: dict[int, set[int]] = defaultdict(set)
    for b in baris:
        uid = b["tujuan_unit_id"]
        hari = b["tmt"] - timedelta(days=1)
        acuan[uid] = min(acuan.get(uid, hari), hari)
        masuk[uid] += 1
        nama[uid] = b["tujuan_unit__nama"]
        jabatan_tujuan[uid].add(b["tujuan_jabatan_id"])
    if not acuan:
        return []
    unit_ids = set(acuan)
    posisi = abk_posisi(unit_ids=unit_ids)
    dulu = bezetting_pada(acuan, unit_ids)
    hasil = {uid: FormasiUnit(uid, nama[uid], masuk[uid], acuan[uid]) for uid in unit_ids}
    for (uid, jid), p in posisi.items():
        if not p.dianalisis:
            continue
        f = hasil[uid]
        f.dianalisis = True
        selisih_dulu = p.kebutuhan_orang - dulu.get((uid, jid), 0)
        f.kekurangan_sebelum += max(selisih_dulu, 0)
        f.kelebihan_sebelum += max(-selisih_dulu, 0)
        f.kekurangan_sesudah += p.kekurangan
        f.kelebihan_sesudah += p.kelebihan
        if jid in jabatan_tujuan[uid]:
            f.tujuan_kurang_sebelum += max(selisih_dulu, 0)
            f.tujuan_kurang_sesudah += p.kekurangan
    return sorted(hasil.values(), key=lambda f: (-f.masuk, f.nama))


PELATIHAN_KATEGORI = {
    "selesai": gettext_lazy("Semua pelatihan selesai"),
    "belum": gettext_lazy("Ada pelatihan belum/tidak selesai"),
    "tanpa": gettext_lazy("Tanpa penugasan pelatihan"),
}


def pelatihan_vs_hasil(baris: list[dict]) -> list[Kelompok] | None:
    """Training completion of the transferred employees (assignments made for the transfer,
    cancelled ones left out) against their outcome. One aggregate query."""

    from pelatihan.models import PenugasanPelatihan as model

    ids = [b["id"] for b in baris]
    per_usulan = {
        r["usulan_id"]: (r["n"], r["selesai"])
        for r in model.objects.filter(usulan_id__in=ids)
        .exclude(status="DIBATALKAN")
        .values("usulan_id")
        .annotate(n=Count("id"), selesai=Count("id", filter=Q(status="SELESAI")))
    }
    kelompok = {k: Kelompok(k, str(v)) for k, v in PELATIHAN_KATEGORI.items()}
    for b in baris:
        n, selesai = per_usulan.get(b["id"], (0, 0))
        kunci = "tanpa" if n == 0 else "selesai" if selesai == n else "belum"
        kelompok[kunci].tambah(b["dampak"].hasil)
    return list(kelompok.values())


def opd_pilihan() -> list[tuple[int, str]]:
    """Top units (OPD) for the report's filter."""
    return list(UnitKerja.objects.filter(induk__isnull=True).order_by("nama").values_list("id", "nama"))


def tahun_pilihan() -> list[int]:
    """Years that have carried-out transfers, newest first."""
    return sorted(
        {
            d.year
            for d in UsulanMutasi.objects.filter(status=StatusUsulan.DILAKSANAKAN, tmt__isnull=False).dates(
                "tmt", "year"
            )
        },
        reverse=True,
    )


# --- Earlier performance: which transferred employees lack the "before" predicate ----------


def kinerja_kurang(*, opd: int | None = None, tahun_min: int = 2) -> list[dict]:
    """Carried-out transfers whose employee lacks a yearly predicate for any of the `tahun_min`
    years before the TMT's year (the before/after comparison and the "Baik for 2 years" rule need
    them). Two queries."""
    qs = usulan_laporan(opd=opd).order_by("-tmt").values("id", "tmt", *KOLOM_PEGAWAI, "tujuan_unit__nama", "dibuat")
    baris = list(qs)
    pegawai_ids = {b["pegawai_id"] for b in baris}
    ada: dict[int, dict[int, str]] = defaultdict(dict)
    for pid, tahun, pred in KinerjaTahunan.objects.filter(pegawai_id__in=pegawai_ids).values_list(
        "pegawai_id", "tahun", "predikat"
    ):
        ada[pid][tahun] = pred
    hasil = []
    for b in baris:
        perlu = [b["tmt"].year - i for i in range(tahun_min, 0, -1)]
        b["tahun"] = [(t, p, Predikat(p).label if p else "") for t in perlu for p in [ada[b["pegawai_id"]].get(t)]]
        b["kurang"] = [t for t, p, _label in b["tahun"] if not p]
        if b["kurang"]:
            hasil.append(b)
    return hasil
