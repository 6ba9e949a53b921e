"""Creating and editing proposals and batches, attachments, HR's override of each failed check and
the PPK's confirmation of the hard ones, the external decision of a transfer out of or into the
city, HR's review of a changed record, and the Minister's approval note."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat, selisih, simpan_tercatat
from inti.jejak import ubah_massal
from pegawai.models import Jabatan, Pegawai, UnitKerja, User

from .. import akses
from ..models import (
    FIELD_USULAN,
    LINGKUP_PERLU_PERTEK,
    STATUS_DRAF,
    BatchUsulan,
    JenisMutasi,
    LampiranUsulan,
    LingkupEksternal,
    PengecualianSyarat,
    StatusUsulan,
    UsulanMutasi,
)
from ..models.kelayakan import ALASAN_MIN
from ..selectors.usulan import perubahan_data_pegawai
from . import AlurError, pastikan
from .alur import ALUR
from .kelayakan import KODE_TANPA_PENGECUALIAN, kelayakan_usulan
from .lampiran import berkas_periksa


def validasi_tujuan(u: UsulanMutasi) -> None:
    if u.jenis == JenisMutasi.KELUAR:
        if not u.instansi_eksternal.strip():
            raise AlurError(_("Mutasi keluar: isi instansi tujuan."))
        return
    if not (u.tujuan_unit_id and u.tujuan_jabatan_id):
        raise AlurError(_("Isi unit dan jabatan tujuan."))
    if not u.tujuan_unit.aktif:
        raise AlurError(_("Unit tujuan %(unit)s sudah tidak aktif.") % {"unit": u.tujuan_unit})
    if u.tujuan_unit_id == u.asal_unit_id and u.tujuan_jabatan_id == u.asal_jabatan_id:
        raise AlurError(_("Unit dan jabatan tujuan sama dengan posisi sekarang."))
    if u.jenis == JenisMutasi.MASUK and not u.instansi_eksternal.strip():
        raise AlurError(_("Mutasi masuk: isi instansi asal."))
    if u.asal_mulai and u.tmt_usulan <= u.asal_mulai:
        raise AlurError(
            _("TMT usulan harus sesudah TMT jabatan sekarang (%(tmt)s).") % {"tmt": f"{u.asal_mulai:%d-%m-%Y}"}
        )


@transaction.atomic
def usulan_buat(
    *, oleh: User, pegawai: Pegawai, data: dict[str, Any], batch: BatchUsulan | None = None
) -> UsulanMutasi:
    """A new draft. The from-post is captured from the employee's record now."""
    tujuan_unit = data.get("tujuan_unit")
    pastikan(akses.boleh_usulkan(oleh, pegawai, tujuan_unit.pk if tujuan_unit else None))
    if not pegawai.aktif:
        raise AlurError(_("Pegawai tidak aktif."))
    # A second idea for the same person may exist as a draft (the eligibility check flags it), but
    # the same proposer's identical draft is a double submit: lock the employee and refuse it.
    Pegawai.objects.select_for_update().filter(pk=pegawai.pk).first()
    kembar = UsulanMutasi.objects.filter(
        pegawai=pegawai,
        status__in=STATUS_DRAF,
        diusulkan_oleh=oleh,
        jenis=data.get("jenis", JenisMutasi.DALAM),
        tujuan_unit=tujuan_unit,
        tujuan_jabatan=data.get("tujuan_jabatan"),
    ).first()
    if kembar is not None:
        raise AlurError(
            _("Draf usulan yang sama untuk pegawai ini sudah ada (%(nomor)s): buka dan lanjutkan draf itu.")
            % {"nomor": kembar.nomor}
        )
    posisi = pegawai.posisi_sekarang
    u = UsulanMutasi(pegawai=pegawai, batch=batch, diusulkan_oleh=oleh, status=StatusUsulan.DRAFT)
    for k in FIELD_USULAN:
        if k in data:
            setattr(u, k, data[k])
    if posisi is not None:
        u.asal_riwayat, u.asal_unit, u.asal_jabatan, u.asal_mulai = posisi, posisi.unit, posisi.jabatan, posisi.mulai
    elif u.jenis != JenisMutasi.MASUK:
        raise AlurError(_("Pegawai tidak memiliki jabatan aktif; hanya mutasi masuk yang dapat diusulkan."))
    validasi_tujuan(u)
    u.full_clean(validate_constraints=False)
    u.save()
    _catat(u, "buat", oleh, ringkasan=f"Usulan {u.nomor} untuk {pegawai.nama} dibuat", dari="")
    return u


def _catat(u: UsulanMutasi, aksi: str, oleh: User, *, ringkasan: str, catatan: str = "", **riwayat: str) -> None:
    """A step that is not a move: its row in the proposal's history and its audit row."""
    ALUR.catat(objek=u, aksi=aksi, oleh=oleh, catatan=catatan, **riwayat)
    audit_catat(oleh=oleh, aksi=f"mutasi.{aksi}", objek=u, ringkasan=ringkasan)


def _kunci(usulan: UsulanMutasi) -> UsulanMutasi:
    return UsulanMutasi.objects.select_for_update(of=("self",)).select_related("pegawai").get(pk=usulan.pk)


def _kunci_izin(usulan: UsulanMutasi, oleh: User, boleh: Callable[[User, UsulanMutasi], akses.Izin]) -> UsulanMutasi:
    """Lock the proposal, then refuse unless `boleh(oleh, u)` allows the action: asked of the locked
    row, so the answer still holds when the write happens."""
    u = _kunci(usulan)
    pastikan(boleh(oleh, u))
    return u


@transaction.atomic
def usulan_ubah(*, oleh: User, usulan: UsulanMutasi, data: dict[str, Any]) -> UsulanMutasi:
    u = _kunci_izin(usulan, oleh, akses.boleh_ubah_usulan)
    perubahan = selisih(u, {k: v for k, v in data.items() if k in FIELD_USULAN})
    for k in perubahan:
        setattr(u, k, data[k])
    if "tujuan_unit" in perubahan and not akses.boleh_usulkan(oleh, u.pegawai, u.tujuan_unit_id):
        raise AlurError(_("Unit tujuan dan unit asal pegawai ini di luar wewenang Anda."))
    validasi_tujuan(u)
    u.full_clean(validate_constraints=False)
    u.save()
    if perubahan:
        audit_catat(oleh=oleh, aksi="mutasi.ubah", objek=u, ringkasan=f"Usulan {u.nomor} diubah", perubahan=perubahan)
    return u


@transaction.atomic
def usulan_pengecualian(*, oleh: User, usulan: UsulanMutasi, kode: str, alasan: str) -> PengecualianSyarat:
    """HR overrides ONE failed check with its own written justification; every later approver sees
    it. An override of a hard rule counts from the decision on once the PPK has confirmed it."""
    u = _kunci_izin(usulan, oleh, akses.boleh_kecualikan)
    if kode in KODE_TANPA_PENGECUALIAN:
        raise AlurError(_("Syarat ini tidak dapat dikecualikan: selesaikan atau batalkan dulu usulan yang lain."))
    cek = {c.kode: c for c in kelayakan_usulan(u)}
    c = cek.get(kode)
    if c is None or not c.gagal:
        raise AlurError(_("Syarat ini tidak sedang gagal: tidak ada yang perlu dikecualikan."))
    if u.pengecualian.filter(kode=kode).exists():
        raise AlurError(_('Pengecualian untuk syarat "%(syarat)s" sudah dicatat.') % {"syarat": c.judul})
    alasan = alasan.strip()
    if len(alasan) < ALASAN_MIN:
        raise AlurError(
            _(
                "Justifikasi terlalu pendek (%(n)d karakter): tulis minimal %(min)d karakter yang menjelaskan "
                "mengapa syarat ini dikecualikan."
            )
            % {"n": len(alasan), "min": ALASAN_MIN}
        )
    p = PengecualianSyarat(usulan=u, kode=kode, judul=c.judul[:200], pesan_cek=c.pesan[:500], alasan=alasan, oleh=oleh)
    p.full_clean()
    p.save()
    ringkasan = f"Pengecualian syarat {u.nomor} ({c.judul}): {alasan}"
    _catat(u, "pengecualian", oleh, ringkasan=ringkasan, catatan=f"{c.judul}: {alasan}", sebagai=_("staf BKPSDM"))
    return p


@transaction.atomic
def pengecualian_konfirmasi(*, oleh: User, usulan: UsulanMutasi, kode: str) -> PengecualianSyarat:
    """The PPK confirms HR's override of a hard rule (sanction, election blackout, under the minimum
    years in post); without it the proposal cannot be decided or carried out."""
    u = _kunci(usulan)
    p = u.pengecualian.select_for_update().filter(kode=kode).first()
    if p is None:
        raise AlurError(_("Pengecualian untuk syarat ini belum dicatat."))
    izin = akses.boleh_konfirmasi_pengecualian(oleh, u, p)
    pastikan(izin)
    p.dikonfirmasi_oleh, p.dikonfirmasi_pada = oleh, timezone.now()
    p.save(update_fields=["dikonfirmasi_oleh", "dikonfirmasi_pada"])
    _catat(
        u,
        "konfirmasi_pengecualian",
        oleh,
        ringkasan=f"Pengecualian syarat {u.nomor} ({p.judul}) dikonfirmasi PPK"
        + (f" [{izin.pengganti.jenis} a.n. {izin.pengganti.yang_digantikan.nama_lengkap}]" if izin.pengganti else ""),
        catatan=f"{p.judul}: {p.alasan}",
        sebagai=izin.sebagai,
    )
    return p


@dataclass(frozen=True)
class KeputusanEksternal:
    """The other side's decision on a transfer out of or into the city."""

    lingkup: str
    penerbit: str
    nomor: str
    tanggal: date
    nomor_pertek: str = ""
    tanggal_pertek: date | None = None


@transaction.atomic
def keputusan_eksternal_catat(*, oleh: User, usulan: UsulanMutasi, data: KeputusanEksternal) -> UsulanMutasi:
    """HR records the external decision (and BKN's technical consideration where the law asks for
    it); a transfer out of or into the city is carried out only once it is recorded."""
    u = _kunci_izin(usulan, oleh, akses.boleh_catat_keputusan_eksternal)
    hari_ini = timezone.localdate()
    if data.lingkup not in LingkupEksternal.values:
        raise AlurError(_("Pilih lingkup mutasi antar instansi."))
    if not data.penerbit.strip() or not data.nomor.strip():
        raise AlurError(_("Isi pejabat yang menetapkan dan nomor keputusannya."))
    if data.tanggal > hari_ini:
        raise AlurError(_("Tanggal keputusan tidak boleh sesudah hari ini."))
    perlu_pertek = data.lingkup in LINGKUP_PERLU_PERTEK
    if perlu_pertek and not (data.nomor_pertek.strip() and data.tanggal_pertek):
        raise AlurError(
            _("%(lingkup)s: isi nomor dan tanggal pertimbangan teknis BKN.")
            % {"lingkup": LingkupEksternal(data.lingkup).label}
        )
    if data.tanggal_pertek and data.tanggal_pertek > data.tanggal:
        raise AlurError(_("Pertimbangan teknis BKN mendahului keputusan: tanggalnya tidak boleh sesudah keputusan."))
    baru = {
        "lingkup_eksternal": data.lingkup,
        "penerbit_keputusan_eksternal": data.penerbit.strip(),
        "nomor_keputusan_eksternal": data.nomor.strip(),
        "tanggal_keputusan_eksternal": data.tanggal,
        "nomor_pertimbangan_teknis": data.nomor_pertek.strip() if perlu_pertek else "",
        "tanggal_pertimbangan_teknis": data.tanggal_pertek if perlu_pertek else None,
    }
    perubahan = selisih(u, baru)
    for k, v in baru.items():
        setattr(u, k, v)
    u.keputusan_eksternal_oleh, u.keputusan_eksternal_pada = oleh, timezone.now()
    u.full_clean(validate_constraints=False)
    u.save()
    teks = _("%(penerbit)s nomor %(nomor)s tanggal %(tgl)s") % {
        "penerbit": u.penerbit_keputusan_eksternal,
        "nomor": u.nomor_keputusan_eksternal,
        "tgl": f"{u.tanggal_keputusan_eksternal:%d-%m-%Y}",
    }
    if perlu_pertek:
        teks += "; " + _("pertimbangan teknis BKN nomor %(nomor)s tanggal %(tgl)s") % {
            "nomor": u.nomor_pertimbangan_teknis,
            "tgl": f"{u.tanggal_pertimbangan_teknis:%d-%m-%Y}",
        }
    ALUR.catat(objek=u, aksi="keputusan_eksternal", oleh=oleh, catatan=teks, sebagai=_("staf BKPSDM"))
    audit_catat(
        oleh=oleh,
        aksi="mutasi.keputusan_eksternal",
        objek=u,
        ringkasan=f"Keputusan eksternal {u.nomor}: {teks}",
        perubahan=perubahan,
    )
    return u


def usulan_tandai_perubahan(*, usulan: UsulanMutasi) -> bool:
    """Flag the proposal if the record changed; True when it is (now) flagged."""
    if usulan.perlu_tinjauan:
        return True
    alasan = perubahan_data_pegawai(usulan)
    if not alasan:
        return False
    with transaction.atomic():
        n = ubah_massal(
            UsulanMutasi.objects.filter(pk=usulan.pk, perlu_tinjauan=False),
            perlu_tinjauan=True,
            tinjauan_alasan=alasan[:300],
        )
        if n:
            audit_catat(
                oleh=None, aksi="mutasi.data_berubah", objek=usulan, ringkasan=f"Usulan {usulan.nomor}: {alasan}"
            )
    usulan.perlu_tinjauan, usulan.tinjauan_alasan = True, alasan[:300]
    return True


@transaction.atomic
def usulan_tinjau(*, oleh: User, usulan: UsulanMutasi, catatan: str) -> UsulanMutasi:
    """HR has looked at a changed record: the from-post is captured again and the flag cleared."""
    u = _kunci_izin(usulan, oleh, akses.boleh_tinjau)
    if not catatan.strip():
        raise AlurError(_("Tulis hasil tinjauan."))
    pegawai = Pegawai.objects.get(pk=u.pegawai_id)
    if not pegawai.aktif:
        raise AlurError(_("Pegawai tidak aktif: usulan ini sebaiknya dibatalkan."))
    posisi = pegawai.posisi_sekarang
    if posisi is not None:
        u.asal_riwayat, u.asal_unit, u.asal_jabatan, u.asal_mulai = posisi, posisi.unit, posisi.jabatan, posisi.mulai
    if u.tujuan_unit_id == u.asal_unit_id and u.tujuan_jabatan_id == u.asal_jabatan_id:
        raise AlurError(_("Pegawai sudah menduduki jabatan tujuan: usulan ini sebaiknya dibatalkan."))
    u.perlu_tinjauan, u.ditinjau_oleh, u.ditinjau_pada = False, oleh, timezone.now()
    u.save()
    _catat(
        u,
        "tinjau",
        oleh,
        ringkasan=f"Perubahan data {u.nomor} ditinjau: {catatan}",
        catatan=f"{u.tinjauan_alasan}. {catatan.strip()}",
        sebagai=_("staf BKPSDM"),
    )
    return u


@transaction.atomic
def persetujuan_menteri_catat(*, oleh: User, usulan: UsulanMutasi, teks: str) -> UsulanMutasi:
    u = _kunci_izin(usulan, oleh, akses.boleh_catat_menteri)
    if not teks.strip():
        raise AlurError(_("Isi nomor dan tanggal persetujuan Menteri."))
    u.persetujuan_menteri = teks.strip()[:200]
    u.save(update_fields=["persetujuan_menteri", "diubah"])
    teks = u.persetujuan_menteri
    _catat(u, "persetujuan_menteri", oleh, ringkasan=f"{u.nomor}: {teks}", catatan=teks, sebagai=_("staf BKPSDM"))
    return u


# --- Attachments ---------------------------------------------------------------------


@transaction.atomic
def lampiran_tambah(*, oleh: User, usulan: UsulanMutasi, berkas: UploadedFile, jenis: str) -> LampiranUsulan:
    pastikan(akses.boleh_lampir(oleh, usulan))
    lampiran = LampiranUsulan(usulan=usulan, jenis=jenis, diunggah_oleh=oleh)
    lampiran.pasang(berkas, berkas_periksa(berkas))
    simpan_tercatat(
        lampiran,
        oleh=oleh,
        aksi="mutasi.lampiran",
        objek=usulan,
        ringkasan=f"Lampiran {lampiran.nama_asli} ditambahkan",
    )
    return lampiran


@transaction.atomic
def lampiran_hapus(*, oleh: User, lampiran: LampiranUsulan) -> None:
    u = lampiran.usulan
    pastikan(akses.boleh_hapus_lampiran(oleh, lampiran))
    nama = lampiran.nama_asli
    lampiran.berkas.delete(save=False)
    lampiran.delete()
    audit_catat(oleh=oleh, aksi="mutasi.lampiran_hapus", objek=u, ringkasan=f"Lampiran {nama} dihapus")


# --- Batches -------------------------------------------------------------------------


@dataclass
class BarisBatch:
    pegawai: Pegawai
    tujuan_unit: UnitKerja
    tujuan_jabatan: Jabatan


def batch_baca_daftar(teks: str, *, rotasi: bool = False) -> list[BarisBatch]:
    """Read pasted lines (from a spreadsheet: tab, semicolon or comma separated).
    Normal: `NIP, kode unit tujuan, nama jabatan tujuan` per line.
    Rotation: one NIP per line; each person takes the post of the next, the last the first's."""
    galat: list[str] = []
    baris_mentah = [b.strip() for b in teks.splitlines() if b.strip()]
    if not baris_mentah:
        raise AlurError(_("Daftar pegawai kosong."))
    kolom = [[k.strip() for k in re.split(r"[\t;,]", b)] for b in baris_mentah]
    nips = [re.sub(r"\D", "", k[0]) for k in kolom]
    pegawai = {p.nip: p for p in Pegawai.objects.with_posisi().filter(nip__in=nips)}
    if len(set(nips)) != len(nips):
        galat.append(_("Ada NIP yang tercantum lebih dari sekali."))
    hasil: list[BarisBatch] = []
    if rotasi:
        if len(nips) < 2:
            raise AlurError(_("Rotasi butuh sedikitnya 2 pegawai."))
        for i, nip in enumerate(nips, 1):
            if nip not in pegawai:
                galat.append(_("Baris %(i)d: NIP %(nip)s tidak ditemukan.") % {"i": i, "nip": nip})
            elif pegawai[nip].posisi_sekarang is None:
                galat.append(
                    _("Baris %(i)d: %(nama)s tidak punya jabatan aktif.") % {"i": i, "nama": pegawai[nip].nama}
                )
        if galat:
            raise AlurError(" ".join(galat))
        urut = [pegawai[n] for n in nips]
        for i, p in enumerate(urut):
            berikut = urut[(i + 1) % len(urut)].posisi_sekarang
            hasil.append(BarisBatch(p, berikut.unit, berikut.jabatan))
        return hasil
    kode = {k[1] for k in kolom if len(k) > 1}
    nama_jab = {k[2] for k in kolom if len(k) > 2}
    units = {u.kode.upper(): u for u in UnitKerja.objects.filter(kode__in=kode | {k.upper() for k in kode})}
    jabatan = {j.nama.lower(): j for j in Jabatan.objects.filter(nama__in=nama_jab)}
    if len(jabatan) < len(nama_jab):
        jabatan.update(
            {j.nama.lower(): j for j in Jabatan.objects.all() if j.nama.lower() in {n.lower() for n in nama_jab}}
        )
    for i, (k, nip) in enumerate(zip(kolom, nips, strict=True), 1):
        if len(k) < 3:
            galat.append(_("Baris %(i)d: harus berisi NIP, kode unit tujuan, jabatan tujuan.") % {"i": i})
            continue
        p, u, j = pegawai.get(nip), units.get(k[1].upper()), jabatan.get(k[2].lower())
        if p is None:
            galat.append(_("Baris %(i)d: NIP %(nip)s tidak ditemukan.") % {"i": i, "nip": nip})
        if u is None:
            galat.append(_("Baris %(i)d: kode unit %(kode)s tidak ditemukan.") % {"i": i, "kode": k[1]})
        if j is None:
            galat.append(_('Baris %(i)d: jabatan "%(j)s" tidak ditemukan.') % {"i": i, "j": k[2]})
        if p and u and j:
            hasil.append(BarisBatch(p, u, j))
    if galat:
        raise AlurError(" ".join(galat))
    return hasil


@transaction.atomic
def batch_buat(
    *,
    oleh: User,
    nama: str,
    dasar: str,
    tmt_usulan: date,
    keterangan: str,
    baris: list[BarisBatch],
    alasan: str,
    manfaat_organisasi: str,
    manfaat_pegawai: str,
    alasan_tanpa_kekurangan: str = "",
) -> BatchUsulan:
    """One batch and a draft proposal per person; all or nothing."""
    if not akses.boleh_buat_batch(oleh):
        raise AlurError(_("Hanya staf BKPSDM yang dapat membuat batch usulan."))
    batch = BatchUsulan(nama=nama, dasar=dasar, tmt_usulan=tmt_usulan, keterangan=keterangan, dibuat_oleh=oleh)
    batch.full_clean()
    batch.save()
    galat = []
    for i, b in enumerate(baris, 1):
        try:
            with transaction.atomic():
                usulan_buat(
                    oleh=oleh,
                    pegawai=b.pegawai,
                    batch=batch,
                    data={
                        "jenis": JenisMutasi.DALAM,
                        "dasar": dasar,
                        "tujuan_unit": b.tujuan_unit,
                        "tujuan_jabatan": b.tujuan_jabatan,
                        "alasan": alasan,
                        "manfaat_organisasi": manfaat_organisasi,
                        "manfaat_pegawai": manfaat_pegawai,
                        "alasan_tanpa_kekurangan": alasan_tanpa_kekurangan,
                        "tmt_usulan": tmt_usulan,
                    },
                )
        except (AlurError, ValidationError) as exc:  # every row's problem is reported together
            pesan = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            galat.append(f"{i}. {b.pegawai.nama}: {pesan}")
    if galat:
        raise AlurError(_("Batch tidak dibuat: %(galat)s") % {"galat": " | ".join(galat)})
    audit_catat(oleh=oleh, aksi="mutasi.batch_buat", objek=batch, ringkasan=f"Batch {nama}: {len(baris)} usulan")
    return batch
