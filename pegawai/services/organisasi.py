"""HR manages the organisation in the app: units (create, rename, move in the tree, close) and
positions (create, edit, close), and the formasi per unit and position. Nothing that history
points to is ever deleted: a closed unit or position keeps its rows, is hidden from the choices
and stays readable in every history. Every change is audited with its old and new values."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inti.audit import audit_catat, selisih
from inti.galat import LayananError

from ..models import Formasi, Jabatan, RiwayatJabatan, UnitKerja, User
from ..selectors.pindah import mutasi_ke_unit

FIELD_UNIT = ("kode", "nama", "jenis", "alamat")
FIELD_JABATAN = ("nama", "jenis", "jenjang", "kelas", "kepala_unit", "bup_tahun", "deskripsi")


class OrganisasiError(LayananError):
    pass


def _simpan(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as e:
        raise OrganisasiError(" ".join(e.messages)) from e
    obj.save()


def _ubah[M: (UnitKerja, Jabatan)](
    objek: M, data: dict[str, Any], fields: Iterable[str], *, oleh: User, aksi: str, jenis: str
) -> M:
    """Edit a unit or a position: lock its row, set the `fields` of `data` that differ, validate, save
    and audit ("<jenis> <nama> diubah: ..."); nothing is written when nothing differs."""
    objek = type(objek).objects.select_for_update().get(pk=objek.pk)
    data = {k: v for k, v in data.items() if k in fields}
    perubahan = selisih(objek, data)
    if not perubahan:
        return objek
    for k, v in data.items():
        setattr(objek, k, v)
    _simpan(objek)
    audit_catat(
        oleh=oleh,
        aksi=aksi,
        objek=objek,
        ringkasan=f"{jenis} {objek.nama} diubah: {', '.join(perubahan)}",
        perubahan=perubahan,
    )
    return objek


def _induk_aktif(induk: UnitKerja | None) -> None:
    if induk is not None and not induk.aktif:
        raise OrganisasiError(_("Unit induk %(nama)s sudah ditutup.") % {"nama": induk.nama})


# --- Units ---------------------------------------------------------------------------------------


@transaction.atomic
def unit_buat(*, oleh: User, data: dict[str, Any], induk: UnitKerja | None = None) -> UnitKerja:
    _induk_aktif(induk)
    unit = UnitKerja(**{k: data[k] for k in FIELD_UNIT if k in data}, induk=induk)
    _simpan(unit)
    audit_catat(
        oleh=oleh,
        aksi="organisasi.unit_buat",
        objek=unit,
        ringkasan=f"Unit {unit.nama} ({unit.kode}) dibuat" + (f" di bawah {induk.nama}" if induk else ""),
        perubahan={k: ["", str(getattr(unit, k))] for k in FIELD_UNIT} | {"induk": ["", str(induk or "")]},
    )
    return unit


@transaction.atomic
def unit_ubah(*, oleh: User, unit: UnitKerja, data: dict[str, Any]) -> UnitKerja:
    """Rename, re-code, change the kind or the address (moving is `unit_pindah`)."""
    return _ubah(unit, data, FIELD_UNIT, oleh=oleh, aksi="organisasi.unit_ubah", jenis="Unit")


@transaction.atomic
def unit_pindah(*, oleh: User, unit: UnitKerja, induk: UnitKerja | None) -> UnitKerja:
    """Move the unit (with its sub-units) under another parent, or to the top. The model refuses
    a cycle (the unit itself or one of its sub-units as the parent)."""
    unit = UnitKerja.objects.select_for_update(of=("self",)).select_related("induk").get(pk=unit.pk)
    if unit.induk_id == (induk.pk if induk else None):
        return unit
    _induk_aktif(induk)
    lama = unit.induk
    unit.induk = induk
    _simpan(unit)
    audit_catat(
        oleh=oleh,
        aksi="organisasi.unit_pindah",
        objek=unit,
        ringkasan=f"Unit {unit.nama} dipindah dari {lama or '(puncak)'} ke {induk or '(puncak)'}",
        perubahan={"induk": [str(lama or ""), str(induk or "")]},
    )
    return unit


@transaction.atomic
def unit_tutup(*, oleh: User, unit: UnitKerja, tanggal: date, alasan: str = "") -> UnitKerja:
    """Close a unit: refused while it has staff in post or open sub-units. Its history stays."""
    unit = UnitKerja.objects.select_for_update().get(pk=unit.pk)
    if not unit.aktif:
        raise OrganisasiError(_("Unit ini sudah ditutup."))
    staf = RiwayatJabatan.objects.sekarang().filter(unit=unit, pegawai__aktif=True).count()
    if staf:
        raise OrganisasiError(_("Unit ini masih memiliki %(n)d pegawai aktif: pindahkan mereka dahulu.") % {"n": staf})
    if masuk := mutasi_ke_unit(unit.pk):
        raise OrganisasiError(
            _(
                "Unit ini tujuan %(n)d usulan mutasi yang sedang berjalan (%(nomor)s): "
                "ubah tujuannya atau batalkan dahulu."
            )
            % {"n": len(masuk), "nomor": ", ".join(nomor for nomor, _url in masuk)}
        )
    anak = unit.anak.filter(aktif=True).count()
    if anak:
        raise OrganisasiError(
            _("Unit ini masih memiliki %(n)d sub-unit aktif: tutup atau pindahkan dahulu.") % {"n": anak}
        )
    unit.aktif = False
    unit.ditutup_pada = tanggal
    unit.kepala = None
    _simpan(unit)
    audit_catat(
        oleh=oleh,
        aksi="organisasi.unit_tutup",
        objek=unit,
        ringkasan=f"Unit {unit.nama} ditutup per {tanggal:%d-%m-%Y}" + (f": {alasan}" if alasan else ""),
        perubahan={"aktif": ["True", "False"], "ditutup_pada": ["", tanggal.isoformat()]},
    )
    return unit


# --- Positions -----------------------------------------------------------------------------------


@transaction.atomic
def jabatan_buat(*, oleh: User, data: dict[str, Any]) -> Jabatan:
    jabatan = Jabatan(**{k: data[k] for k in FIELD_JABATAN if k in data})
    _simpan(jabatan)
    audit_catat(
        oleh=oleh,
        aksi="organisasi.jabatan_buat",
        objek=jabatan,
        ringkasan=f"Jabatan {jabatan.nama} dibuat",
        perubahan={k: ["", str(getattr(jabatan, k))] for k in FIELD_JABATAN},
    )
    return jabatan


@transaction.atomic
def jabatan_ubah(*, oleh: User, jabatan: Jabatan, data: dict[str, Any]) -> Jabatan:
    return _ubah(jabatan, data, FIELD_JABATAN, oleh=oleh, aksi="organisasi.jabatan_ubah", jenis="Jabatan")


@transaction.atomic
def jabatan_tutup(*, oleh: User, jabatan: Jabatan, tanggal: date) -> Jabatan:
    """Close a position: refused while someone holds it. Its history stays."""
    jabatan = Jabatan.objects.select_for_update().get(pk=jabatan.pk)
    if not jabatan.aktif:
        raise OrganisasiError(_("Jabatan ini sudah ditutup."))
    pemegang = RiwayatJabatan.objects.sekarang().filter(jabatan=jabatan, pegawai__aktif=True).count()
    if pemegang:
        raise OrganisasiError(
            _("Jabatan ini masih dipegang %(n)d pegawai aktif: pindahkan mereka dahulu.") % {"n": pemegang}
        )
    jabatan.aktif = False
    jabatan.ditutup_pada = tanggal
    _simpan(jabatan)
    Formasi.objects.filter(jabatan=jabatan).delete()
    audit_catat(
        oleh=oleh,
        aksi="organisasi.jabatan_tutup",
        objek=jabatan,
        ringkasan=f"Jabatan {jabatan.nama} ditutup per {tanggal:%d-%m-%Y}",
        perubahan={"aktif": ["True", "False"], "ditutup_pada": ["", tanggal.isoformat()]},
    )
    return jabatan


# --- Formasi -------------------------------------------------------------------------------------


@transaction.atomic
def formasi_atur(*, oleh: User, unit: UnitKerja, jabatan: Jabatan, jumlah: int) -> Formasi | None:
    """Set how many holders of `jabatan` the unit may have; 0 removes the row."""
    if jumlah < 0:
        raise OrganisasiError(_("Jumlah formasi tidak boleh negatif."))
    if jumlah and not (unit.aktif and jabatan.aktif):
        raise OrganisasiError(_("Formasi hanya untuk unit dan jabatan yang aktif."))
    formasi = Formasi.objects.select_for_update().filter(unit=unit, jabatan=jabatan).first()
    lama = formasi.jumlah if formasi else 0
    if lama == jumlah:
        return formasi
    if jumlah == 0:
        formasi.delete()
        formasi = None
    else:
        formasi = formasi or Formasi(unit=unit, jabatan=jabatan)
        formasi.jumlah = jumlah
        _simpan(formasi)
    audit_catat(
        oleh=oleh,
        aksi="organisasi.formasi_ubah",
        objek=unit,
        ringkasan=f"Formasi {jabatan.nama} di {unit.nama}: {lama} menjadi {jumlah}",
        perubahan={"jabatan": jabatan.nama, "jumlah": [str(lama), str(jumlah)]},
    )
    return formasi
