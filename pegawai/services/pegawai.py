"""Writes of employee records and position history. Every write is audited.

`pegawai_pindah_jabatan` changes the current post NOW (carried-out transfers, the daily job applying
a scheduled move); HR's manual move goes through `pegawai.services.pindah.pindah_jabatan_catat`,
which schedules a move whose TMT is still to come."""

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from inti.audit import audit_catat, selisih
from inti.galat import LayananError
from inti.jejak import ubah_massal

from ..models import Jabatan, Pegawai, PindahTerjadwal, RiwayatJabatan, UnitKerja, User
from .pindah_terjadwal import pindah_terjadwal_gugurkan


@transaction.atomic
def pegawai_buat(
    *, oleh: User, data: dict[str, Any], unit: UnitKerja, jabatan: Jabatan, tmt: date, nomor_sk: str = ""
) -> Pegawai:
    """Create an employee with their first current post."""
    kompetensi = data.pop("kompetensi", None)
    pegawai = Pegawai(**data)
    pegawai.full_clean()
    pegawai.save()
    if kompetensi is not None:
        pegawai.kompetensi.set(kompetensi)
    _buka_riwayat(pegawai=pegawai, unit=unit, jabatan=jabatan, tmt=tmt, nomor_sk=nomor_sk)
    audit_catat(oleh=oleh, aksi="pegawai.buat", objek=pegawai, ringkasan=f"Pegawai {pegawai} dibuat")
    return pegawai


@transaction.atomic
def pegawai_ubah(*, oleh: User, pegawai: Pegawai, data: dict[str, Any]) -> Pegawai:
    """Change profile fields (not the post: that goes through `pegawai_pindah_jabatan`)."""
    kompetensi = data.pop("kompetensi", None)
    perubahan = selisih(pegawai, data)
    for k, v in data.items():
        setattr(pegawai, k, v)
    pegawai.full_clean()
    pegawai.save()
    if kompetensi is not None:
        pegawai.kompetensi.set(kompetensi)
    if "nip" in perubahan and pegawai.akun_id:
        # A NIP correction carries through to the login, which signs in with it.
        ubah_massal(type(pegawai.akun).objects.filter(pk=pegawai.akun_id), oleh=oleh, nip=pegawai.nip)
    if perubahan:
        audit_catat(oleh=oleh, aksi="pegawai.ubah", objek=pegawai, ringkasan="Data pegawai diubah", perubahan=perubahan)
    return pegawai


def _buka_riwayat(*, pegawai: Pegawai, tmt: date, **kolom: Any) -> RiwayatJabatan:
    """Open the employee's current post from `tmt`; `kolom` are the post's other fields (unit,
    jabatan, nomor_sk, tanggal_sk, keterangan)."""
    riwayat = RiwayatJabatan(pegawai=pegawai, mulai=tmt, **kolom)
    riwayat.full_clean(validate_constraints=False)
    riwayat.save()
    if riwayat.jabatan.kepala_unit:
        # The holder of a head post becomes the unit's head.
        ubah_massal(UnitKerja.objects.filter(pk=riwayat.unit_id), kepala=pegawai)
    return riwayat


def periksa_pindah(posisi: RiwayatJabatan, *, unit: UnitKerja, jabatan: Jabatan, tmt: date) -> None:
    """Refuse a move from the current post `posisi`: to that same post, or with a TMT not after
    its start."""
    if posisi.unit_id == unit.pk and posisi.jabatan_id == jabatan.pk:
        raise LayananError(_("Pegawai sudah menduduki jabatan itu di unit itu."))
    if tmt <= posisi.mulai:
        raise LayananError(
            _("TMT baru (%(baru)s) harus sesudah TMT jabatan sekarang (%(lama)s).")
            % {"baru": f"{tmt:%d-%m-%Y}", "lama": f"{posisi.mulai:%d-%m-%Y}"}
        )


@transaction.atomic
def pegawai_pindah_jabatan(
    *,
    oleh: User | None,
    pegawai: Pegawai,
    unit: UnitKerja,
    jabatan: Jabatan,
    tmt: date,
    nomor_sk: str = "",
    tanggal_sk: date | None = None,
    keterangan: str = "",
    terjadwal: PindahTerjadwal | None = None,
) -> RiwayatJabatan:
    """Close the current post the day before `tmt` and open the new one, now. A head leaving a
    head post stops being the head of that unit. Used by carried-out transfers and by the daily job
    applying a scheduled move (`terjadwal`, the move being applied); `oleh` None: the system. Any
    other move waiting for its TMT was planned from the post that closes here: it is cancelled. An
    employee no longer in service gets no new post, nor does anyone in a closed unit, whatever the
    caller."""
    if not Pegawai.objects.filter(pk=pegawai.pk, aktif=True).exists():
        raise LayananError(
            _("%(nama)s sudah tidak aktif; jabatan baru tidak dapat dicatat.") % {"nama": pegawai.nama_lengkap}
        )
    if not UnitKerja.objects.filter(pk=unit.pk, aktif=True).exists():
        raise LayananError(_("Unit %(unit)s sudah ditutup; jabatan baru tidak dapat dicatat di sana.") % {"unit": unit})
    lama = (
        RiwayatJabatan.objects.sekarang()
        .select_for_update()
        .select_related("jabatan", "unit")
        .filter(pegawai=pegawai)
        .first()
    )
    if lama is not None:
        periksa_pindah(lama, unit=unit, jabatan=jabatan, tmt=tmt)
        lama.sampai = tmt - timedelta(days=1)
        lama.save(update_fields=["sampai"])
        ubah_massal(UnitKerja.objects.filter(pk=lama.unit_id, kepala=pegawai), oleh=oleh, kepala=None)
    baru = _buka_riwayat(
        pegawai=pegawai,
        unit=unit,
        jabatan=jabatan,
        tmt=tmt,
        nomor_sk=nomor_sk,
        tanggal_sk=tanggal_sk,
        keterangan=keterangan,
    )
    perubahan = {"dari": str(lama) if lama else "", "ke": str(baru)}
    if terjadwal is not None:
        perubahan["pindah_terjadwal"] = terjadwal.pk
    audit_catat(
        oleh=oleh,
        aksi="pegawai.pindah_jabatan",
        objek=pegawai,
        ringkasan=f"Jabatan menjadi {jabatan} di {unit} TMT {tmt:%d-%m-%Y}",
        perubahan=perubahan,
    )
    pindah_terjadwal_gugurkan(
        pegawai=pegawai,
        alasan=_("Jabatan sudah berubah: %(baru)s") % {"baru": baru},
        kecuali=terjadwal,
    )
    return baru


@transaction.atomic
def pegawai_nonaktifkan(*, oleh: User | None, pegawai: Pegawai, alasan: str, tanggal: date) -> Pegawai:
    """Retired, died, left: the post closes and any headship ends, a move waiting for its TMT is
    cancelled; history stays. Once only: the employee row is locked, a second request is refused."""
    if not Pegawai.objects.select_for_update().filter(pk=pegawai.pk, aktif=True).exists():
        raise LayananError(_("Pegawai ini sudah tidak aktif."))
    ubah_massal(RiwayatJabatan.objects.sekarang().filter(pegawai=pegawai), oleh=oleh, sampai=tanggal)
    pindah_terjadwal_gugurkan(pegawai=pegawai, alasan=_("Pegawai dinonaktifkan: %(alasan)s") % {"alasan": alasan})
    ubah_massal(UnitKerja.objects.filter(kepala=pegawai), oleh=oleh, kepala=None)
    pegawai.aktif = False
    pegawai.alasan_nonaktif = alasan
    pegawai.save(update_fields=["aktif", "alasan_nonaktif", "diubah"])
    if pegawai.akun_id:
        ubah_massal(type(pegawai.akun).objects.filter(pk=pegawai.akun_id), oleh=oleh, is_active=False)
    audit_catat(oleh=oleh, aksi="pegawai.nonaktif", objek=pegawai, ringkasan=f"Dinonaktifkan: {alasan}")
    return pegawai
