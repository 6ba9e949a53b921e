"""Eligibility checks for a transfer (PP 11/2017 art. 190-193, Perban BKN 5/2019, UU 10/2016
art. 71). Each check says pass, fail, warn or info with a message; a failed one blocks
submission unless HR staff override it with a written justification."""

from dataclasses import asdict, dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from inti.kalender import masa_teks, tahun_penuh, tambah_tahun
from pegawai.models import BatasUsiaPensiun, HukumanDisiplin, Jabatan, KinerjaTahunan, Pegawai, Predikat
from pegawai.selectors.abk import abk_posisi

from ..models import STATUS_TERBUKA, DasarMutasi, JenisMutasi, MasaTenang, UsulanMutasi

LULUS, GAGAL, PERINGATAN, INFO = "lulus", "gagal", "peringatan", "info"


@dataclass(frozen=True)
class Cek:
    kode: str
    judul: str
    hasil: str
    pesan: str

    @property
    def gagal(self) -> bool:
        return self.hasil == GAGAL

    def as_dict(self) -> dict:
        return asdict(self)


def selisih_kebutuhan(unit_id: int, jabatan_id: int) -> int | None:
    """Needed minus current staff for (unit, position) per the needs analysis
    (pegawai.selectors.abk), or None where no tasks are recorded."""
    posisi = abk_posisi(unit_ids=[unit_id], jabatan_ids=[jabatan_id]).get((unit_id, jabatan_id))
    return None if posisi is None else posisi.selisih


def bup_untuk(jabatan: Jabatan | None) -> int | None:
    """Retirement age for a position: its kind and level, else its kind for all levels."""
    if jabatan is None:
        return None
    rows = dict(
        BatasUsiaPensiun.objects.filter(jenis=jabatan.jenis, jenjang__in=[jabatan.jenjang, ""]).values_list(
            "jenjang", "usia"
        )
    )
    return rows.get(jabatan.jenjang) or rows.get("")


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
    alasan_tanpa_kekurangan: str = "",
    kecuali_usulan_id: int | None = None,
    hari_ini: date | None = None,
) -> list[Cek]:
    hari_ini = hari_ini or date.today()
    posisi = pegawai.posisi_sekarang
    hasil: list[Cek] = []

    # 1-2. Time in the current post: at least MIN years; over MAX is due.
    judul = _("Masa jabatan sekarang")
    if jenis == JenisMutasi.MASUK:
        hasil.append(Cek("masa_jabatan", judul, INFO, _("Mutasi masuk: dinilai oleh instansi asal.")))
    elif posisi is None:
        hasil.append(Cek("masa_jabatan", judul, GAGAL, _("Pegawai tidak memiliki jabatan aktif.")))
    else:
        # Whole years by the calendar: complete on the anniversary itself (inti.kalender).
        tahun, lama = tahun_penuh(posisi.mulai, tmt), masa_teks(posisi.mulai, tmt)
        minimal, maksimal = settings.MUTASI_MIN_TAHUN, settings.MUTASI_MAX_TAHUN
        if tahun < minimal:
            pesan = _("%(lama)s pada TMT usulan; minimal %(min)d tahun (PP 11/2017 ps. 190).")
            hasil.append(Cek("masa_jabatan", judul, GAGAL, pesan % {"lama": lama, "min": minimal}))
        elif tahun >= maksimal:
            pesan = _("%(lama)s: sudah %(max)d tahun atau lebih, sudah waktunya dimutasi.")
            hasil.append(Cek("masa_jabatan", judul, INFO, pesan % {"lama": lama, "max": maksimal}))
        else:
            hasil.append(Cek("masa_jabatan", judul, LULUS, _("%(lama)s pada TMT usulan.") % {"lama": lama}))

    # 3. No disciplinary sanction in force.
    judul = _("Hukuman disiplin")
    aktif = HukumanDisiplin.objects.filter(pegawai=pegawai, mulai__lte=hari_ini, selesai__gte=hari_ini).first()
    if aktif:
        hasil.append(
            Cek(
                "hukuman",
                judul,
                GAGAL,
                _("Sedang menjalani hukuman disiplin %(tingkat)s sampai %(sampai)s.")
                % {"tingkat": aktif.get_tingkat_display().lower(), "sampai": f"{aktif.selesai:%d-%m-%Y}"},
            )
        )
    else:
        hasil.append(Cek("hukuman", judul, LULUS, _("Tidak sedang menjalani hukuman disiplin.")))

    # 4. Performance Baik or better in the last two years (where recorded).
    judul = _("Predikat kinerja 2 tahun terakhir")
    tahun = [hari_ini.year - 1, hari_ini.year - 2]
    kinerja = dict(KinerjaTahunan.objects.filter(pegawai=pegawai, tahun__in=tahun).values_list("tahun", "predikat"))
    buruk = {t: p for t, p in kinerja.items() if not Predikat.baik_atau_lebih(p)}
    if buruk:
        teks = ", ".join(f"{t}: {Predikat(p).label}" for t, p in sorted(buruk.items()))
        hasil.append(Cek("kinerja", judul, GAGAL, _('Di bawah "Baik": %(teks)s.') % {"teks": teks}))
    elif not kinerja:
        hasil.append(
            Cek(
                "kinerja",
                judul,
                INFO,
                _("Belum ada predikat kinerja tercatat untuk %(a)d-%(b)d.") % {"a": tahun[1], "b": tahun[0]},
            )
        )
    else:
        teks = ", ".join(f"{t}: {Predikat(p).label}" for t, p in sorted(kinerja.items()))
        hasil.append(Cek("kinerja", judul, LULUS, teks))

    # 5. Not within a year of retirement age.
    judul = _("Batas usia pensiun")
    bup = bup_untuk(posisi.jabatan if posisi else None)
    if bup is None:
        hasil.append(Cek("bup", judul, INFO, _("Batas usia pensiun jabatan ini belum diatur.")))
    else:
        pensiun = tambah_tahun(pegawai.tanggal_lahir, bup)  # a 29 February birthday: 28 February
        if tahun_penuh(tmt, pensiun) < 1:
            hasil.append(
                Cek(
                    "bup",
                    judul,
                    GAGAL,
                    _("Mencapai BUP %(bup)d tahun pada %(tgl)s: kurang dari 1 tahun setelah TMT usulan.")
                    % {"bup": bup, "tgl": f"{pensiun:%d-%m-%Y}"},
                )
            )
        else:
            hasil.append(
                Cek(
                    "bup",
                    judul,
                    LULUS,
                    _("BUP %(bup)d tahun pada %(tgl)s.") % {"bup": bup, "tgl": f"{pensiun:%d-%m-%Y}"},
                )
            )

    # 6. Not already in another open proposal.
    judul = _("Usulan lain yang masih terbuka")
    lain = UsulanMutasi.objects.filter(pegawai=pegawai, status__in=STATUS_TERBUKA)
    if kecuali_usulan_id:
        lain = lain.exclude(pk=kecuali_usulan_id)
    lain = lain.first()
    if lain:
        hasil.append(
            Cek(
                "usulan_lain",
                judul,
                GAGAL,
                _("Pegawai sudah ada dalam usulan %(nomor)s (%(status)s).")
                % {"nomor": lain.nomor, "status": lain.get_status_display()},
            )
        )
    else:
        hasil.append(Cek("usulan_lain", judul, LULUS, _("Tidak ada.")))

    # 7. The destination needs people (needs analysis), or the proposal says why not.
    judul = _("Kebutuhan pegawai di unit tujuan (ABK)")
    if jenis == JenisMutasi.KELUAR:
        hasil.append(Cek("kebutuhan", judul, INFO, _("Mutasi keluar: ditentukan instansi tujuan.")))
    elif tujuan_unit_id and tujuan_jabatan_id:
        selisih = selisih_kebutuhan(tujuan_unit_id, tujuan_jabatan_id)
        if selisih is not None and selisih > 0:
            hasil.append(Cek("kebutuhan", judul, LULUS, _("Kekurangan %(n)d orang menurut ABK.") % {"n": selisih}))
        else:
            keadaan = (
                _("Belum ada ABK untuk jabatan ini di unit tujuan")
                if selisih is None
                else _("Menurut ABK tidak ada kekurangan (selisih %(n)d)") % {"n": selisih}
            )
            if alasan_tanpa_kekurangan.strip():
                hasil.append(
                    Cek(
                        "kebutuhan",
                        judul,
                        PERINGATAN,
                        _("%(k)s; alasan: %(a)s") % {"k": keadaan, "a": alasan_tanpa_kekurangan},
                    )
                )
            else:
                hasil.append(
                    Cek("kebutuhan", judul, GAGAL, _("%(k)s, dan usulan belum menyebut alasannya.") % {"k": keadaan})
                )

    # 8. Election blackout: needs the Minister's written approval.
    judul = _("Masa tenang pilkada")
    tenang = masa_tenang_pada(tmt) or masa_tenang_pada(hari_ini)
    if tenang:
        hasil.append(
            Cek(
                "masa_tenang",
                judul,
                PERINGATAN,
                _("%(mt)s: perlu persetujuan tertulis Menteri Dalam Negeri (UU 10/2016 ps. 71).") % {"mt": tenang},
            )
        )
    else:
        hasil.append(Cek("masa_tenang", judul, LULUS, _("Tidak dalam masa tenang.")))

    # 9. Leaving the instansi at one's own request: 10 years after appointment.
    if jenis == JenisMutasi.KELUAR and dasar == DasarMutasi.PERMINTAAN:
        judul = _("Masa kerja untuk pindah ke instansi lain")
        hasil.append(cek_sepuluh_tahun(pegawai, tmt, judul))
    return hasil


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


def kelayakan_usulan(usulan: UsulanMutasi, hari_ini: date | None = None) -> list[Cek]:
    return kelayakan_periksa(
        pegawai=usulan.pegawai,
        jenis=usulan.jenis,
        dasar=usulan.dasar,
        tujuan_unit_id=usulan.tujuan_unit_id,
        tujuan_jabatan_id=usulan.tujuan_jabatan_id,
        tmt=usulan.tmt_usulan,
        alasan_tanpa_kekurangan=usulan.alasan_tanpa_kekurangan,
        kecuali_usulan_id=usulan.pk,
        hari_ini=hari_ini,
    )
