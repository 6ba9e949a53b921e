"""Eligibility of a transfer (PP 11/2017 art. 190-194, Perban BKN 5/2019, UU 10/2016 art. 71) as a
function of the proposal and a date: `kelayakan_usulan(usulan, pada)`.

The workflow (`mutasi.services.alur`) evaluates it when the proposal is submitted, at the release,
the acceptance, HR's verification and the PPK's decision (each on the day of the step), and the
carrying-out job again on the TMT. A failed check stops the step with the rule named, unless BKPSDM
recorded an override for that check (`PengecualianSyarat`, one per check with its own written
justification); from the decision on, an override of a hard rule (`KODE_BERAT`: sanction, election
blackout, under the minimum years in post) counts only once the PPK has confirmed it.

Dates: whole years and months by the calendar (`inti.kalender`). Sanctions count when in force on
any day from the check date up to the TMT; a blackout when it covers the check date or the TMT
(shown at every step, it stops only the decision and the carrying out: the Minister's written
approval recorded, or a PPK-confirmed override, lets them through);
performance is the two calendar years before the proposal was submitted (a year without a rating
fails); retirement age is that of the target position."""

from dataclasses import asdict, dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.kalender import masa_teks, tahun_penuh, tambah_bulan, tambah_tahun
from pegawai.models import HukumanDisiplin, Jabatan, KinerjaTahunan, Pegawai, Predikat
from pegawai.selectors.abk import abk_posisi
from pegawai.selectors.pegawai import bup_usia

from ..models import (
    KODE_BERAT,
    LINGKUP_PERLU_PERTEK,
    STATUS_BERJALAN,
    STATUS_DRAF,
    STATUS_SK_BERLAKU,
    STATUS_TERBUKA,
    DasarMutasi,
    JenisMutasi,
    MasaTenang,
    PengecualianSyarat,
    UsulanMutasi,
)
from . import AlurError

LULUS, GAGAL, PERINGATAN, INFO = "lulus", "gagal", "peringatan", "info"
# Steps that evaluate eligibility, and those at which a hard override needs the PPK's confirmation.
LANGKAH_CEK = ("ajukan", "lepas", "terima", "verifikasi", "putuskan", "laksanakan")
LANGKAH_KONFIRMASI = ("putuskan", "laksanakan")
# Not a rule one can be excused from: the other proposal has to be finished or cancelled.
KODE_TANPA_PENGECUALIAN = frozenset({"usulan_lain"})
# Rules about the decision itself (UU 10/2016 art. 71: no replacement of officials in an election
# blackout without the Minister's written approval): shown at every step, they stop only the decision
# and the carrying out; the proposal may be prepared meanwhile (the Minister is asked with it).
KODE_SAAT_PUTUSAN = frozenset({"masa_tenang"})


@dataclass(frozen=True)
class Cek:
    kode: str
    judul: str
    hasil: str
    pesan: str

    @property
    def gagal(self) -> bool:
        return self.hasil == GAGAL

    @property
    def berat(self) -> bool:
        return self.kode in KODE_BERAT

    def as_dict(self) -> dict:
        return asdict(self)


def selisih_kebutuhan(unit_id: int, jabatan_id: int) -> int | None:
    """Needed minus current staff for (unit, position) per the needs analysis
    (pegawai.selectors.abk), or None where no tasks are recorded."""
    posisi = abk_posisi(unit_ids=[unit_id], jabatan_ids=[jabatan_id]).get((unit_id, jabatan_id))
    return None if posisi is None else posisi.selisih


def bup_untuk(jabatan: Jabatan | None) -> int | None:
    """Retirement age for a position: its kind and level, else its kind for all levels."""
    return bup_usia(jabatan)


def masa_tenang_pada(tanggal: date) -> MasaTenang | None:
    return MasaTenang.objects.filter(mulai__lte=tanggal, selesai__gte=tanggal).first()


def kelayakan_periksa(
    *,
    pegawai: Pegawai,
    jenis: str,
    dasar: str,
    tujuan_unit_id: int | None,
    tujuan_jabatan_id: int | None,
    tmt: date,
    pada: date | None = None,
    alasan_tanpa_kekurangan: str = "",
    kecuali_usulan_id: int | None = None,
    kinerja_pada: date | None = None,
    persetujuan_menteri: str = "",
    lain_status: tuple[str, ...] = STATUS_TERBUKA,
) -> list[Cek]:
    """Every check for moving `pegawai` on `tmt`, as things stand on `pada` (default today).
    `kinerja_pada`: the date whose two preceding calendar years are the performance years (the
    submission; default `pada`). `lain_status`: the states of another proposal that conflict."""
    pada = pada or timezone.localdate()
    posisi = pegawai.posisi_sekarang
    hasil: list[Cek] = [_cek_masa_jabatan(jenis, posisi, tmt)]
    hasil.append(_cek_hukuman(pegawai, pada, tmt))
    hasil.append(_cek_kinerja(pegawai, jenis, kinerja_pada or pada))
    tujuan_jabatan = Jabatan.objects.filter(pk=tujuan_jabatan_id).first() if tujuan_jabatan_id else None
    hasil.append(_cek_bup(pegawai, tujuan_jabatan or (posisi.jabatan if posisi else None), tmt, tujuan_jabatan))

    # Not already in another open proposal.
    judul = _("Usulan lain yang masih terbuka")
    lain = UsulanMutasi.objects.filter(pegawai=pegawai, status__in=lain_status)
    if kecuali_usulan_id:
        lain = lain.exclude(pk=kecuali_usulan_id)
    lain = lain.first()
    if lain:
        pesan = _("Pegawai sudah ada dalam usulan %(nomor)s (%(status)s).")
        hasil.append(
            Cek("usulan_lain", judul, GAGAL, pesan % {"nomor": lain.nomor, "status": lain.get_status_display()})
        )
    else:
        hasil.append(Cek("usulan_lain", judul, LULUS, _("Tidak ada.")))

    kebutuhan = _cek_kebutuhan(jenis, tujuan_unit_id, tujuan_jabatan_id, alasan_tanpa_kekurangan)
    if kebutuhan is not None:
        hasil.append(kebutuhan)
    hasil.append(_cek_masa_tenang(pada, tmt, persetujuan_menteri))

    # Leaving the instansi at one's own request: 10 years after appointment.
    if jenis == JenisMutasi.KELUAR and dasar == DasarMutasi.PERMINTAAN:
        hasil.append(cek_sepuluh_tahun(pegawai, tmt, _("Masa kerja untuk pindah ke instansi lain")))
    return hasil


def _cek_masa_jabatan(jenis: str, posisi, tmt: date) -> Cek:
    """At least MIN whole years in the current post on the TMT; MAX or more is due."""
    judul = _("Masa jabatan sekarang")
    if jenis == JenisMutasi.MASUK:
        return Cek("masa_jabatan", judul, INFO, _("Mutasi masuk: dinilai oleh instansi asal."))
    if posisi is None:
        return Cek("masa_jabatan", judul, GAGAL, _("Pegawai tidak memiliki jabatan aktif."))
    # Whole years by the calendar: complete on the anniversary itself (inti.kalender).
    tahun, lama = tahun_penuh(posisi.mulai, tmt), masa_teks(posisi.mulai, tmt)
    minimal, maksimal = settings.MUTASI_MIN_TAHUN, settings.MUTASI_MAX_TAHUN
    if tahun < minimal:
        pesan = _("%(lama)s pada TMT usulan; minimal %(min)d tahun (PP 11/2017 ps. 190).")
        return Cek("masa_jabatan", judul, GAGAL, pesan % {"lama": lama, "min": minimal})
    if tahun >= maksimal:
        pesan = _("%(lama)s: sudah %(max)d tahun atau lebih, sudah waktunya dimutasi.")
        return Cek("masa_jabatan", judul, INFO, pesan % {"lama": lama, "max": maksimal})
    return Cek("masa_jabatan", judul, LULUS, _("%(lama)s pada TMT usulan.") % {"lama": lama})


def _cek_hukuman(pegawai: Pegawai, pada: date, tmt: date) -> Cek:
    """No disciplinary sanction in force on any day from `pada` up to the TMT (a TMT already
    past: on the TMT itself)."""
    judul = _("Hukuman disiplin")
    awal = min(pada, tmt)
    aktif = HukumanDisiplin.objects.filter(pegawai=pegawai, mulai__lte=tmt, selesai__gte=awal).order_by("mulai").first()
    if aktif is None:
        return Cek("hukuman", judul, LULUS, _("Tidak ada hukuman disiplin yang berlaku sampai TMT."))
    if aktif.mulai > awal:
        pesan = _("Hukuman disiplin %(tingkat)s mulai berlaku %(mulai)s (sebelum TMT %(tmt)s), sampai %(sampai)s.")
    else:
        pesan = _("Sedang menjalani hukuman disiplin %(tingkat)s sampai %(sampai)s.")
    return Cek(
        "hukuman",
        judul,
        GAGAL,
        pesan
        % {
            "tingkat": aktif.get_tingkat_display().lower(),
            "mulai": f"{aktif.mulai:%d-%m-%Y}",
            "sampai": f"{aktif.selesai:%d-%m-%Y}",
            "tmt": f"{tmt:%d-%m-%Y}",
        },
    )


def _cek_kinerja(pegawai: Pegawai, jenis: str, acuan: date) -> Cek:
    """Performance "Baik" or better in each of the two calendar years before `acuan`; a year
    without a rating fails (HR records it, or overrides)."""
    judul = _("Predikat kinerja 2 tahun terakhir")
    if jenis == JenisMutasi.MASUK:
        return Cek("kinerja", judul, INFO, _("Mutasi masuk: dinilai oleh instansi asal."))
    tahun = [acuan.year - 2, acuan.year - 1]
    kinerja = dict(KinerjaTahunan.objects.filter(pegawai=pegawai, tahun__in=tahun).values_list("tahun", "predikat"))
    buruk = {t: p for t, p in kinerja.items() if not Predikat.baik_atau_lebih(p)}
    kosong = [t for t in tahun if t not in kinerja]
    if buruk or kosong:
        bagian = []
        if buruk:
            teks = ", ".join(f"{t}: {Predikat(p).label}" for t, p in sorted(buruk.items()))
            bagian.append(_('di bawah "Baik": %(teks)s') % {"teks": teks})
        if kosong:
            bagian.append(_("belum ada predikat tercatat untuk %(tahun)s") % {"tahun": ", ".join(map(str, kosong))})
        pesan = "; ".join(bagian)
        return Cek("kinerja", judul, GAGAL, pesan[:1].upper() + pesan[1:] + ".")
    return Cek("kinerja", judul, LULUS, ", ".join(f"{t}: {Predikat(p).label}" for t, p in sorted(kinerja.items())))


def _cek_bup(pegawai: Pegawai, jabatan: Jabatan | None, tmt: date, tujuan: Jabatan | None) -> Cek:
    """The employee must not reach the retirement age (BUP) of the target position before the TMT
    plus MUTASI_BUP_SISA_BULAN months (a 29 February birthday counts on 28 February)."""
    judul = _("Batas usia pensiun")
    bup = bup_usia(jabatan)
    if bup is None:
        return Cek("bup", judul, INFO, _("Batas usia pensiun jabatan ini belum diatur."))
    capai = tambah_tahun(pegawai.tanggal_lahir, bup)
    sisa = settings.MUTASI_BUP_SISA_BULAN
    jab = _("jabatan tujuan") if tujuan is not None else _("jabatan sekarang")
    teks = {"bup": bup, "jab": jab, "tgl": f"{capai:%d-%m-%Y}", "n": sisa, "tmt": f"{tmt:%d-%m-%Y}"}
    if capai < tambah_bulan(tmt, sisa):
        if capai < tmt:
            pesan = _("Mencapai BUP %(bup)d tahun (%(jab)s) pada %(tgl)s, sebelum TMT %(tmt)s.")
        else:
            pesan = _("Mencapai BUP %(bup)d tahun (%(jab)s) pada %(tgl)s: kurang dari %(n)d bulan setelah TMT usulan.")
        return Cek("bup", judul, GAGAL, pesan % teks)
    return Cek("bup", judul, LULUS, _("BUP %(bup)d tahun (%(jab)s) dicapai pada %(tgl)s.") % teks)


def _cek_kebutuhan(
    jenis: str, tujuan_unit_id: int | None, tujuan_jabatan_id: int | None, alasan_tanpa_kekurangan: str
) -> Cek | None:
    """The destination needs people (needs analysis), or the proposal says why not."""
    judul = _("Kebutuhan pegawai di unit tujuan (ABK)")
    if jenis == JenisMutasi.KELUAR:
        return Cek("kebutuhan", judul, INFO, _("Mutasi keluar: ditentukan instansi tujuan."))
    if not (tujuan_unit_id and tujuan_jabatan_id):
        return None
    selisih = selisih_kebutuhan(tujuan_unit_id, tujuan_jabatan_id)
    if selisih is not None and selisih > 0:
        return Cek("kebutuhan", judul, LULUS, _("Kekurangan %(n)d orang menurut ABK.") % {"n": selisih})
    keadaan = (
        _("Belum ada ABK untuk jabatan ini di unit tujuan")
        if selisih is None
        else _("Menurut ABK tidak ada kekurangan (selisih %(n)d)") % {"n": selisih}
    )
    if alasan_tanpa_kekurangan.strip():
        pesan = _("%(k)s; alasan: %(a)s") % {"k": keadaan, "a": alasan_tanpa_kekurangan}
        return Cek("kebutuhan", judul, PERINGATAN, pesan)
    return Cek("kebutuhan", judul, GAGAL, _("%(k)s, dan usulan belum menyebut alasannya.") % {"k": keadaan})


def _cek_masa_tenang(pada: date, tmt: date, persetujuan_menteri: str) -> Cek:
    """Election blackout on the check date (the decision, at the decision) or on the TMT: only with
    the Minister's written approval recorded."""
    judul = _("Masa tenang pilkada")
    tenang = masa_tenang_pada(pada) or masa_tenang_pada(tmt)
    if tenang is None:
        return Cek("masa_tenang", judul, LULUS, _("Tidak dalam masa tenang."))
    if persetujuan_menteri.strip():
        pesan = _("%(mt)s; persetujuan tertulis Menteri Dalam Negeri: %(p)s.")
        return Cek("masa_tenang", judul, PERINGATAN, pesan % {"mt": tenang, "p": persetujuan_menteri.strip()})
    pesan = _("%(mt)s: perlu persetujuan tertulis Menteri Dalam Negeri (UU 10/2016 ps. 71), belum dicatat.")
    return Cek("masa_tenang", judul, GAGAL, pesan % {"mt": tenang})


def cek_sepuluh_tahun(pegawai: Pegawai, tanggal: date, judul: str | None = None) -> Cek:
    judul = judul or _("Masa kerja untuk pindah ke instansi lain")
    minimal = settings.MUTASI_ANTAR_INSTANSI_MIN_TAHUN
    tmt_cpns = pegawai.tmt_cpns
    if tmt_cpns is None:
        return Cek("sepuluh_tahun", judul, PERINGATAN, _("TMT CPNS tidak dapat dibaca dari NIP."))
    tahun, lama = tahun_penuh(tmt_cpns, tanggal), masa_teks(tmt_cpns, tanggal)
    if tahun < minimal:
        return Cek(
            "sepuluh_tahun",
            judul,
            GAGAL,
            _(
                "Baru %(lama)s sejak TMT CPNS %(tmt)s; "
                "permintaan pindah ke instansi lain baru boleh setelah %(min)d tahun."
            )
            % {"lama": lama, "tmt": f"{tmt_cpns:%m-%Y}", "min": minimal},
        )
    return Cek("sepuluh_tahun", judul, LULUS, _("%(lama)s sejak TMT CPNS.") % {"lama": lama})


def tmt_acuan(usulan: UsulanMutasi) -> date:
    """The TMT the checks look at: the decree's while it is in force, else the proposed one (a
    revision after an objection proposes a new one)."""
    if usulan.tmt and usulan.status in STATUS_SK_BERLAKU:
        return usulan.tmt
    return usulan.tmt_usulan


def kelayakan_usulan(usulan: UsulanMutasi, pada: date | None = None) -> list[Cek]:
    """Every check of the proposal as things stand on `pada` (default today)."""
    pada = pada or timezone.localdate()
    diajukan = timezone.localtime(usulan.diajukan_pada).date() if usulan.diajukan_pada else None
    return kelayakan_periksa(
        pegawai=usulan.pegawai,
        jenis=usulan.jenis,
        dasar=usulan.dasar,
        tujuan_unit_id=usulan.tujuan_unit_id,
        tujuan_jabatan_id=usulan.tujuan_jabatan_id,
        tmt=tmt_acuan(usulan),
        pada=pada,
        alasan_tanpa_kekurangan=usulan.alasan_tanpa_kekurangan,
        kecuali_usulan_id=usulan.pk,
        kinerja_pada=diajukan or pada,
        persetujuan_menteri=usulan.persetujuan_menteri,
        # Once submitted, a draft elsewhere does not stop this one (the database allows one running).
        lain_status=STATUS_TERBUKA if usulan.status in STATUS_DRAF else STATUS_BERJALAN,
    )


@dataclass(frozen=True)
class Penilaian:
    """The checks of one step, weighed against the proposal's overrides."""

    pada: date
    langkah: str
    cek: list[Cek]
    tanpa_pengecualian: list[Cek] = field(default_factory=list)  # failed, no override
    belum_dikonfirmasi: list[Cek] = field(default_factory=list)  # failed, hard, the PPK has not confirmed
    dikecualikan: frozenset[str] = frozenset()

    @property
    def lolos(self) -> bool:
        return not self.tanpa_pengecualian and not self.belum_dikonfirmasi

    @property
    def gagal(self) -> list[Cek]:
        return [c for c in self.cek if c.gagal]

    def simpan(self) -> list[dict]:
        """What the proposal stores (`hasil_cek`): each check, and whether an override covers it."""
        return [{**c.as_dict(), "dikecualikan": c.gagal and c.kode in self.dikecualikan} for c in self.cek]

    def pesan(self) -> str:
        """Why the step is stopped, each rule named."""
        bagian = []
        if self.tanpa_pengecualian:
            bagian.append(
                _(
                    "Belum memenuhi syarat per %(tgl)s: %(daftar)s. Perbaiki datanya, atau minta staf BKPSDM "
                    "mencatat pengecualian tertulis untuk setiap syarat itu."
                )
                % {
                    "tgl": f"{self.pada:%d-%m-%Y}",
                    "daftar": "; ".join(f"{c.judul} ({c.pesan})" for c in self.tanpa_pengecualian),
                }
            )
        if self.belum_dikonfirmasi:
            bagian.append(
                _("Pengecualian syarat berat belum dikonfirmasi PPK: %(daftar)s.")
                % {"daftar": "; ".join(c.judul for c in self.belum_dikonfirmasi)}
            )
        return " ".join(bagian)


class PelaksanaanTertahan(AlurError):
    """Carrying out refused for a reason HR must act on (the daily job notes it and tells HR)."""


class SyaratError(PelaksanaanTertahan):
    """A step stopped by the eligibility checks; `penilaian` says which."""

    def __init__(self, penilaian: Penilaian):
        super().__init__(penilaian.pesan())
        self.penilaian = penilaian


def kelayakan_nilai(usulan: UsulanMutasi, pada: date, *, langkah: str) -> Penilaian:
    """Evaluate the proposal for `langkah` (a step of LANGKAH_CEK) on `pada`: which failed checks
    no override covers, and (from the decision on) which hard overrides wait for the PPK."""
    cek = kelayakan_usulan(usulan, pada)
    pengecualian = {p.kode: p for p in PengecualianSyarat.objects.filter(usulan_id=usulan.pk)}
    tanpa, belum = [], []
    for c in cek:
        if not c.gagal or (c.kode in KODE_SAAT_PUTUSAN and langkah not in LANGKAH_KONFIRMASI):
            continue
        p = pengecualian.get(c.kode)
        if p is None or c.kode in KODE_TANPA_PENGECUALIAN:
            tanpa.append(c)
        elif langkah in LANGKAH_KONFIRMASI and not p.berlaku_setelah_putusan:
            belum.append(c)
    return Penilaian(
        pada=pada,
        langkah=langkah,
        cek=cek,
        tanpa_pengecualian=tanpa,
        belum_dikonfirmasi=belum,
        dikecualikan=frozenset(k for k in pengecualian if k not in KODE_TANPA_PENGECUALIAN),
    )


def keputusan_eksternal_kurang(usulan: UsulanMutasi) -> list[str]:
    """What of the external decision BKPSDM has still to record before a transfer out of or into
    the city can be carried out ([] when complete, or for a transfer within the city)."""
    if usulan.jenis not in (JenisMutasi.KELUAR, JenisMutasi.MASUK):
        return []
    kurang = []
    if not usulan.lingkup_eksternal:
        kurang.append(_("lingkup mutasi antar instansi"))
    if not usulan.penerbit_keputusan_eksternal.strip():
        kurang.append(_("pejabat yang menetapkan keputusan"))
    if not usulan.nomor_keputusan_eksternal.strip():
        kurang.append(_("nomor keputusan"))
    if usulan.tanggal_keputusan_eksternal is None:
        kurang.append(_("tanggal keputusan"))
    if usulan.lingkup_eksternal in LINGKUP_PERLU_PERTEK:
        if not usulan.nomor_pertimbangan_teknis.strip():
            kurang.append(_("nomor pertimbangan teknis BKN"))
        if usulan.tanggal_pertimbangan_teknis is None:
            kurang.append(_("tanggal pertimbangan teknis BKN"))
    if not kurang and usulan.keputusan_eksternal_pada is None:
        kurang.append(_("pencatatan keputusan oleh BKPSDM"))
    return kurang
