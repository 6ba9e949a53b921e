"""HR's manual move to another post, and the daily job that applies the scheduled ones.

- A TMT of today or earlier is applied at once (`pegawai_pindah_jabatan`), as always.
- A TMT still to come is SCHEDULED (`PindahTerjadwal`): the current post, head counts, the needs
  analysis, candidates and the lists stay as they are until the day; the employee's page shows
  "dijadwalkan mulai <TMT>" and HR may cancel it. On the TMT `manage.py terapkan_pindah_terjadwal`
  applies it, provided the post it was planned from is still the current one (else it is cancelled
  with the reason) and no decided transfer is waiting (else it is held and reported).
- A manual move is refused while a decided transfer of the employee waits to be carried out
  (status Diputuskan or SK terbit): the decree would later be carried out from a post that no
  longer exists. mutasi names the transfer through the PEGAWAI_MUTASI_TERTUNDA hook.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.galat import LayananError
from inti.laporan import GALAT, PERINGATAN, Laporan, hasil

from ..akses import boleh_kelola_pegawai
from ..models import Jabatan, Pegawai, PindahTerjadwal, RiwayatJabatan, StatusPindah, UnitKerja, User
from ..selectors.pindah import mutasi_tertunda, pindah_jatuh_tempo, pindah_terjadwal_pegawai
from .pegawai import pegawai_pindah_jabatan, periksa_pindah
from .pindah_terjadwal import ALUR
from .siasn import siasn_antrekan_jabatan


def pesan_mutasi_tertunda(tertunda: tuple[str, str]) -> str:
    nomor, url = tertunda
    return _(
        "Pegawai ini menunggu pelaksanaan mutasi %(nomor)s yang sudah diputuskan (%(url)s): "
        "perpindahan jabatan manual tidak dapat dicatat sampai mutasi itu dilaksanakan atau dibatalkan."
    ) % {"nomor": nomor, "url": url}


def _posisi(pegawai: Pegawai) -> RiwayatJabatan | None:
    return RiwayatJabatan.objects.sekarang().filter(pegawai=pegawai).select_related("unit", "jabatan").first()


_TUJUAN = ("unit", "jabatan", "tmt", "nomor_sk", "tanggal_sk")  # where a move goes, and on which decree


def _pindahkan(
    *,
    oleh: User | None,
    pegawai: Pegawai,
    tujuan: dict[str, Any],
    keterangan: str,
    sumber: str,
    terjadwal: PindahTerjadwal | None = None,
) -> RiwayatJabatan:
    """Apply a move now (`tujuan`: the `_TUJUAN` values) and queue the new post for SIASN."""
    riwayat = pegawai_pindah_jabatan(oleh=oleh, pegawai=pegawai, keterangan=keterangan, terjadwal=terjadwal, **tujuan)
    siasn_antrekan_jabatan(pegawai=pegawai, sumber=sumber, **tujuan)
    return riwayat


def pindah_jabatan_catat(
    *,
    oleh: User,
    pegawai: Pegawai,
    unit: UnitKerja,
    jabatan: Jabatan,
    tmt: date,
    nomor_sk: str = "",
    tanggal_sk: date | None = None,
    keterangan: str = "",
    hari_ini: date | None = None,
) -> RiwayatJabatan | PindahTerjadwal:
    """HR's manual move: applied at once when `tmt` is today or earlier (the new RiwayatJabatan),
    scheduled when it is later (the PindahTerjadwal). Refused while a decided transfer waits, while
    another move is scheduled, and for an employee who is no longer active."""
    hari_ini = hari_ini or timezone.localdate()
    if not boleh_kelola_pegawai(oleh):
        raise LayananError(_("Hanya staf BKPSDM yang dapat memindahkan jabatan pegawai."))
    try:
        with transaction.atomic():
            # The employee row serialises two people moving the same employee at once.
            p = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
            if not p.aktif:
                raise LayananError(_("Pegawai ini sudah tidak aktif."))
            tertunda = mutasi_tertunda(p.pk)
            if tertunda:
                raise LayananError(pesan_mutasi_tertunda(tertunda))
            terjadwal = pindah_terjadwal_pegawai(p)
            if terjadwal is not None:
                raise LayananError(
                    _(
                        "Sudah ada perpindahan terjadwal ke %(jabatan)s di %(unit)s mulai %(tmt)s: "
                        "batalkan dulu di halaman pegawai bila akan diganti."
                    )
                    % {"jabatan": terjadwal.jabatan, "unit": terjadwal.unit, "tmt": f"{terjadwal.tmt:%d-%m-%Y}"}
                )
            tujuan = {"unit": unit, "jabatan": jabatan, "tmt": tmt, "nomor_sk": nomor_sk, "tanggal_sk": tanggal_sk}
            if tmt <= hari_ini:
                return _pindahkan(
                    oleh=oleh, pegawai=p, tujuan=tujuan, keterangan=keterangan, sumber=_("Pindah jabatan manual")
                )
            return _jadwalkan(oleh=oleh, pegawai=p, tujuan=tujuan, keterangan=keterangan)
    except IntegrityError as exc:  # another move was scheduled at the same moment
        raise LayananError(_("Perpindahan lain untuk pegawai ini baru saja dijadwalkan. Muat ulang halaman.")) from exc


def _jadwalkan(*, oleh: User, pegawai: Pegawai, tujuan: dict[str, Any], keterangan: str) -> PindahTerjadwal:
    """Schedule a move (`tujuan`: the `_TUJUAN` values) from the current post, for the daily job."""
    unit, jabatan, tmt = tujuan["unit"], tujuan["jabatan"], tujuan["tmt"]
    posisi = _posisi(pegawai)
    if posisi is not None:
        periksa_pindah(posisi, unit=unit, jabatan=jabatan, tmt=tmt)
    pindah = PindahTerjadwal(pegawai=pegawai, keterangan=keterangan, asal=posisi, dibuat_oleh=oleh, **tujuan)
    pindah.full_clean(validate_constraints=False)
    pindah.save()
    ALUR.catat(objek=pindah, aksi="jadwalkan", oleh=oleh, catatan=keterangan, sebagai=_("staf BKPSDM"), dari="")
    audit_catat(
        oleh=oleh,
        aksi="pegawai.pindah_dijadwalkan",
        objek=pegawai,
        ringkasan=f"Pindah ke {jabatan} di {unit} dijadwalkan mulai {tmt:%d-%m-%Y}",
        perubahan={"dari": str(posisi) if posisi else "", "ke": str(pindah), "pindah_terjadwal": pindah.pk},
    )
    return pindah


# --- The daily job ---------------------------------------------------------------------------


@dataclass
class LaporanPindah(Laporan):
    diterapkan: list[str] = hasil("Diterapkan")
    dibatalkan: list[str] = hasil("Dibatalkan", PERINGATAN)
    ditahan: list[str] = hasil("Ditahan", PERINGATAN)
    gagal: list[str] = hasil("Gagal", GALAT)


def _alasan_gugur(pindah: PindahTerjadwal) -> str:
    """Why a due move can no longer be applied ("" when it can)."""
    if not pindah.pegawai.aktif:
        return _("Pegawai tidak aktif lagi (%(alasan)s).") % {"alasan": pindah.pegawai.alasan_nonaktif or "-"}
    if not UnitKerja.objects.filter(pk=pindah.unit_id, aktif=True).exists():
        return _("Unit %(unit)s sudah ditutup.") % {"unit": pindah.unit}
    posisi = _posisi(pindah.pegawai)
    if (posisi.pk if posisi else None) != pindah.asal_id:
        return _("Jabatan sekarang (%(posisi)s) bukan lagi jabatan saat perpindahan ini dijadwalkan.") % {
            "posisi": posisi or "-"
        }
    return ""


def pindah_terapkan(*, pindah: PindahTerjadwal, hari_ini: date | None = None) -> tuple[str, str]:
    """Apply one due move, in one transaction. Returns (outcome, detail): "diterapkan";
    "dibatalkan" (its post is gone); "ditahan" (a decided transfer waits); "" (not due, or already
    applied or cancelled meanwhile)."""
    hari_ini = hari_ini or timezone.localdate()
    with transaction.atomic():
        p = PindahTerjadwal.objects.select_for_update(of=("self",)).select_related("pegawai").get(pk=pindah.pk)
        if p.status != StatusPindah.TERJADWAL or p.tmt > hari_ini:
            return "", ""
        alasan = _alasan_gugur(p)
        if alasan:
            ALUR.jalankan(objek=p, aksi="batalkan", oleh=None, catatan=alasan)
            return "dibatalkan", alasan
        tertunda = mutasi_tertunda(p.pegawai_id)
        if tertunda:
            return "ditahan", pesan_mutasi_tertunda(tertunda)

        def terapkan(obj: PindahTerjadwal) -> None:
            obj.riwayat = _pindahkan(
                oleh=None,
                pegawai=obj.pegawai,
                tujuan={k: getattr(obj, k) for k in _TUJUAN},
                keterangan=obj.keterangan,
                sumber=_("Pindah jabatan terjadwal #%(id)s") % {"id": obj.pk},
                terjadwal=obj,
            )

        ALUR.jalankan(objek=p, aksi="terapkan", oleh=None, ubah=terapkan)
    return "diterapkan", ""


def pindah_terapkan_jatuh_tempo(*, hari_ini: date | None = None) -> LaporanPindah:
    """Apply every scheduled move whose TMT is `hari_ini` or earlier. Idempotent: a second run finds
    nothing due; a move that fails stays scheduled and is reported."""
    hari_ini = hari_ini or timezone.localdate()
    laporan = LaporanPindah()
    for p in pindah_jatuh_tempo(hari_ini):
        label = f"{p.pegawai.nama} ({p.pegawai.nip}): {p}"
        try:
            hasil, rincian = pindah_terapkan(pindah=p, hari_ini=hari_ini)
        except (LayananError, ValidationError) as exc:
            pesan = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            laporan.gagal.append(f"{label}: {pesan}")
            continue
        if hasil == "diterapkan":
            laporan.diterapkan.append(label)
        elif hasil:
            getattr(laporan, hasil).append(f"{label}: {rincian}")
    return laporan
