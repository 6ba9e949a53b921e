"""Writes around SIASN: taking SIASN's values over (audited, validated), the unit comparison's
background run, and the outbox of positions pushed to SIASN.

The outbox (`KirimanSiasn`) is a small workflow performed by `inti.transisi.Alur`:

    menunggu --terkirim (the sender)--> terkirim
    menunggu --gagal (the sender: SIASN refused it)--> gagal
    gagal / menunggu --kirim_ulang (HR)--> menunggu (due now, attempts from zero)

A failure that may pass (SIASN down, a timeout, a token service out) is not a move: the row stays
`menunggu` with `galat_terakhir` and a later `coba_lagi_pada`, the wait doubling from
SIASN_KIRIM_JEDA_MENIT up to SIASN_KIRIM_JEDA_MAKS_MENIT, for as long as it takes: nothing is lost
when SIASN is down for a day. A push whose answer was lost may have arrived: before sending again,
SIASN's position history is read and a row with the same decree number and TMT counts as sent."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.audit import audit_catat
from inti.galat import LayananError
from inti.laporan import GALAT, PERINGATAN, Laporan, hasil
from inti.transisi import Alur, Transisi, tabel
from inti.tugas import ALUR as ALUR_TUGAS
from inti.tugas import Pelapor, ProgresTugas, tugas_mulai

from ..akses import boleh_siasn
from ..models import Jabatan, JenisKiriman, KirimanSiasn, Pegawai, StatusKiriman, UnitKerja, User
from ..selectors.siasn import BIDANG_AMBIL, banding_ringkas, pegawai_unit_banding
from ..siasn import bentuk
from ..siasn.klien import (
    KlienSiasn,
    SiasnDitolak,
    SiasnError,
    SiasnNonaktif,
    SiasnTidakDitemukan,
    klien_siasn,
    siasn_aktif,
)

log = logging.getLogger(__name__)
SK = StatusKiriman
HR, SISTEM = "hr", "sistem"
SEWA_MENIT = 10  # a row being sent is not picked by another sender for this long


class AlurKiriman(Alur):
    model = KirimanSiasn
    awalan_audit = "pegawai.siasn_kiriman"
    select_related = ("pegawai",)
    transisi = tabel(
        Transisi("terkirim", (SK.MENUNGGU,), SK.TERKIRIM, gettext_lazy("Terkirim ke SIASN"), SISTEM, internal=True),
        Transisi("gagal", (SK.MENUNGGU,), SK.GAGAL, gettext_lazy("Ditolak SIASN"), SISTEM, internal=True),
        Transisi(
            "kirim_ulang",
            (SK.GAGAL, SK.MENUNGGU),
            SK.MENUNGGU,
            gettext_lazy("Kirim ulang"),
            HR,
            gaya="outline-primary",
            konfirmasi=gettext_lazy("Kirim ulang kiriman ini ke SIASN sekarang?"),
        ),
    )

    def hak(self, t: Transisi, obj: KirimanSiasn, user: User | None, **konteks: Any) -> tuple[bool, str]:
        if user is None:
            return True, _("sistem")
        if t.pelaku == SISTEM:
            return False, _("Status kiriman diubah oleh pengirim otomatis.")
        if not boleh_siasn(user):
            return False, _("Hanya staf BKPSDM yang dapat mengirim ulang ke SIASN.")
        return True, _("staf BKPSDM")

    def pesan_status(self, obj: KirimanSiasn, t: Transisi) -> str:
        return _("Kiriman ini sudah %(status)s.") % {"status": obj.get_status_display().lower()}

    def syarat(self, t: Transisi, obj: KirimanSiasn, oleh: Any, catatan: str, **data: Any) -> dict[str, Any] | None:
        if t.aksi == "kirim_ulang":
            obj.percobaan, obj.coba_lagi_pada = 0, timezone.now()
        elif t.aksi == "terkirim":
            obj.terkirim_pada, obj.id_siasn, obj.galat_terakhir = timezone.now(), data.get("id_siasn", ""), ""
            return {"id_siasn": obj.id_siasn}
        elif t.aksi == "gagal":
            obj.galat_terakhir = catatan
        return None

    def ringkasan(self, obj: KirimanSiasn, lama: str, t: Transisi) -> str:
        return f"Kiriman SIASN #{obj.pk} ({obj.pegawai.nip}): {t.label}"


ALUR = AlurKiriman()


def _kirim_nanti() -> None:
    """Wake the worker after the commit (the cron command catches up when no worker runs)."""

    def antre():
        try:
            # By its dotted path, as inti.tugas does: the tasks module imports this one.
            import_string("pegawai.tasks.siasn_kirim_tugas").enqueue()
        except Exception:  # the queue is a convenience; the row is safe and cron sends it
            log.warning("SIASN: the send task could not be queued; kirim_siasn will send it", exc_info=True)

    transaction.on_commit(antre)


# --- The outbox ------------------------------------------------------------------------------


def siasn_antrekan_jabatan(
    *,
    pegawai: Pegawai,
    unit: UnitKerja,
    jabatan: Jabatan,
    nomor_sk: str,
    tanggal_sk: date | None,
    tmt: date,
    sumber: str,
) -> KirimanSiasn | None:
    """Record a position taken up, to push to SIASN, in the caller's transaction (so it exists
    exactly when the move does). None when SIASN is off: nothing is recorded or sent."""
    if not siasn_aktif():
        return None
    kiriman = KirimanSiasn.objects.create(
        jenis=JenisKiriman.JABATAN,
        pegawai=pegawai,
        sumber=sumber[:100],
        payload={
            "nip": pegawai.nip,
            "unit_id": unit.pk,
            "unit": unit.nama,
            "jabatan_id": jabatan.pk,
            "jabatan": jabatan.nama,
            "jenis_jabatan": jabatan.jenis,
            "nomor_sk": nomor_sk,
            "tanggal_sk": tanggal_sk.isoformat() if tanggal_sk else "",
            "tmt": tmt.isoformat(),
        },
    )
    ALUR.catat(objek=kiriman, aksi="antrekan", oleh=None, catatan=sumber, sebagai=_("sistem"), dari="")
    _kirim_nanti()
    return kiriman


def siasn_kirim_ulang(*, oleh: User, kiriman: KirimanSiasn | int) -> KirimanSiasn:
    """HR sends a row again now (after correcting what SIASN refused, or to skip the wait)."""
    with transaction.atomic():
        k = ALUR.jalankan(objek=kiriman, aksi="kirim_ulang", oleh=oleh)
        _kirim_nanti()
    return k


@dataclass
class LaporanKirim(Laporan):
    """The outbox rows (ids) by outcome; a refused row waits for HR, a deferred one for SIASN."""

    terkirim: list[int] = hasil("Terkirim")
    gagal: list[int] = hasil("Ditolak", GALAT)
    ditunda: list[int] = hasil("Ditunda (dicoba lagi nanti)", PERINGATAN)


def _ambil_berikut(sekarang) -> KirimanSiasn | None:
    """Claim the next due row: lock it, push its next attempt past the lease and count the attempt."""
    with transaction.atomic():
        k = (
            KirimanSiasn.objects.select_for_update(skip_locked=True)
            .filter(status=SK.MENUNGGU, coba_lagi_pada__lte=sekarang)
            .order_by("coba_lagi_pada", "pk")
            .first()
        )
        if k is None:
            return None
        k.percobaan += 1
        k.coba_lagi_pada = sekarang + timedelta(minutes=SEWA_MENIT)
        k.save(update_fields=["percobaan", "coba_lagi_pada"])
    return k


def jeda_berikut(percobaan: int) -> timedelta:
    """The wait after the n-th failed attempt: doubling from SIASN_KIRIM_JEDA_MENIT, capped."""
    menit = settings.SIASN_KIRIM_JEDA_MENIT * 2 ** max(percobaan - 1, 0)
    return timedelta(minutes=min(menit, settings.SIASN_KIRIM_JEDA_MAKS_MENIT))


def _badan(k: KirimanSiasn, klien: KlienSiasn) -> dict[str, Any]:
    p = k.payload
    unit = UnitKerja.objects.filter(pk=p.get("unit_id")).first()
    jabatan = Jabatan.objects.filter(pk=p.get("jabatan_id")).first()
    if unit is None or not unit.id_siasn:
        raise SiasnDitolak(
            _("Unit “%(u)s” belum punya ID unor SIASN: isi di halaman unit, lalu kirim ulang.") % {"u": p.get("unit")}
        )
    jenis = bentuk.JENIS_JABATAN_SIASN.get(p.get("jenis_jabatan", ""), "4")
    if jenis != "1" and (jabatan is None or not jabatan.id_siasn):
        raise SiasnDitolak(
            _("Jabatan “%(j)s” belum punya ID jabatan SIASN: isi di halaman jabatan, lalu kirim ulang.")
            % {"j": p.get("jabatan")}
        )
    utama = klien.data_utama(p.get("nip") or k.pegawai.nip)
    return bentuk.badan_jabatan(
        payload=p,
        pns_id=str(utama.get("id") or ""),
        unor_id=unit.id_siasn,
        jabatan_id=jabatan.id_siasn if jabatan else "",
        instansi_id=settings.SIASN_INSTANSI_ID,
        satuan_kerja_id=settings.SIASN_SATUAN_KERJA_ID,
    )


def _kirim(k: KirimanSiasn, klien: KlienSiasn) -> str:
    """Push one claimed row; returns SIASN's id. Raises SiasnError."""
    badan = _badan(k, klien)
    if k.percobaan > 1:  # an earlier attempt may have arrived though its answer was lost
        for baris in klien.rw_jabatan(k.payload.get("nip") or k.pegawai.nip):
            if bentuk.riwayat_sama(baris, k.payload):
                return str(baris.get("id") or "")
    return klien.jabatan_simpan(badan)


def siasn_kirim_jatuh_tempo(*, klien: KlienSiasn | None = None, batas: int = 200) -> LaporanKirim:
    """Send every due row (at most `batas` in one run). Idempotent and safe to run in parallel:
    each row is claimed before it is sent. `SiasnNonaktif` when SIASN is off (nothing is touched)."""
    klien = klien or klien_siasn()
    laporan = LaporanKirim()
    for _i in range(batas):
        sekarang = timezone.now()
        k = _ambil_berikut(sekarang)
        if k is None:
            break
        try:
            id_siasn = _kirim(k, klien)
        except SiasnNonaktif:
            raise
        except (SiasnDitolak, SiasnTidakDitemukan) as e:  # SIASN refused this row: HR corrects and resends
            if _pindah(k, "gagal", catatan=str(e)[:2000]):
                laporan.gagal.append(k.pk)
            continue
        except SiasnError as e:  # outage, timeout, token or setting trouble: every row waits
            KirimanSiasn.objects.filter(pk=k.pk).update(
                galat_terakhir=str(e)[:2000], coba_lagi_pada=timezone.now() + jeda_berikut(k.percobaan)
            )
            laporan.ditunda.append(k.pk)
            break
        if _pindah(k, "terkirim", id_siasn=id_siasn):
            laporan.terkirim.append(k.pk)
    return laporan


def _pindah(k: KirimanSiasn, aksi: str, **data: Any) -> bool:
    """Record the outcome of a push; a row changed meanwhile is logged, never stops the run."""
    try:
        ALUR.jalankan(objek=k.pk, aksi=aksi, oleh=None, **data)
    except LayananError as e:
        log.warning("SIASN outbox row %s: outcome %s not recorded: %s", k.pk, aksi, e)
        return False
    return True


# --- Taking SIASN's values over ---------------------------------------------------------------


def siasn_ambil_alih(*, oleh: User, pegawai: Pegawai, nilai: dict[str, Any]) -> Pegawai:
    """Write the chosen SIASN values (`nilai`: field -> SIASN's value, as the comparison gives it)
    on the employee: validated like the form (the NIP must still agree with birth date and gender),
    one audit row with every field's before and after."""
    if not boleh_siasn(oleh):
        raise LayananError(_("Hanya staf BKPSDM yang dapat mengambil data dari SIASN."))
    if not nilai:
        raise LayananError(_("Pilih dulu data SIASN yang akan diambil."))
    asing = sorted(set(nilai) - set(BIDANG_AMBIL))
    if asing:
        raise LayananError(_("Data ini tidak dapat diambil dari SIASN: %(f)s.") % {"f": ", ".join(asing)})
    with transaction.atomic():
        p = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
        perubahan: dict[str, list[str]] = {}
        for kunci, v in nilai.items():
            baru = bentuk.tanggal(v) if kunci == "tanggal_lahir" else (v or "")
            if kunci == "tanggal_lahir" and baru is None:
                raise LayananError(_("Tanggal lahir dari SIASN tidak terbaca."))
            lama = getattr(p, kunci)
            if lama != baru:
                perubahan[kunci] = [str(lama or ""), str(baru or "")]
                setattr(p, kunci, baru)
        if not perubahan:
            raise LayananError(_("Data yang dipilih sudah sama dengan SIASN."))
        try:
            p.full_clean()
        except ValidationError as e:
            raise LayananError(_("Data SIASN tidak dapat diambil: %(e)s") % {"e": " ".join(e.messages)}) from e
        p.save()
        audit_catat(
            oleh=oleh,
            aksi="pegawai.siasn_ambil",
            objek=p,
            ringkasan=f"Data diambil dari SIASN: {', '.join(perubahan)}",
            perubahan=perubahan,
        )
    return p


# --- A unit compared with SIASN ---------------------------------------------------------------


def siasn_banding_unit(*, oleh: User, unit: UnitKerja) -> ProgresTugas:
    """Compare every active employee of the unit (and its sub-units) with SIASN: at once for a few,
    in the worker with progress for more than SIASN_BANDING_LATAR_JUMLAH. The result (differences
    per employee) is kept on the progress row. `SiasnNonaktif` when SIASN is off."""
    if not boleh_siasn(oleh):
        raise LayananError(_("Hanya staf BKPSDM yang dapat membandingkan data dengan SIASN."))
    klien = klien_siasn()
    jumlah = pegawai_unit_banding(unit.pk).count()
    argumen = {"unit_id": unit.pk}
    if jumlah > settings.SIASN_BANDING_LATAR_JUMLAH:
        return tugas_mulai(
            fungsi="pegawai.tasks.siasn_banding_tugas",
            jenis="siasn.banding",
            argumen=argumen,
            oleh=oleh,
            kunci=f"unit:{unit.pk}",
            total=jumlah,
        )
    p = ProgresTugas.objects.create(
        jenis="siasn.banding",
        kunci=f"unit:{unit.pk}",
        total=jumlah,
        dibuat_oleh=oleh,
        argumen=argumen,
        status=ProgresTugas.Status.BERJALAN,
        dimulai=timezone.now(),
        percobaan=1,
    )
    ALUR_TUGAS.catat(objek=p, aksi="mulai", oleh=oleh, dari="")
    pelapor = Pelapor(p)
    try:
        siasn_banding_unit_latar(unit_id=unit.pk, pelapor=pelapor, klien=klien)
    except Exception:  # never leave an inline row "running" (the recovery would try to re-queue it)
        pelapor.gagal(_("Terjadi kesalahan sistem saat membandingkan; tidak ada yang tersimpan. Coba lagi."))
        raise
    return p


def siasn_banding_unit_latar(*, unit_id: int, pelapor: Pelapor, klien: KlienSiasn | None = None) -> None:
    """The comparison itself (the worker's, or inline for a small unit). Safe to run again."""
    unit = UnitKerja.objects.filter(pk=unit_id).first()
    if unit is None:
        pelapor.gagal(_("Unit tidak ditemukan."))
        return
    try:
        klien = klien or klien_siasn()
    except SiasnError as e:
        pelapor.gagal(str(e))
        return
    daftar = list(pegawai_unit_banding(unit_id))
    pelapor.maju(0, tahap=_("Membandingkan dengan SIASN"), total=len(daftar), paksa=True)
    baris = []
    try:
        for i, p in enumerate(daftar, start=1):
            baris.append(banding_ringkas(p, klien))
            pelapor.maju(i)
    except SiasnError as e:  # SIASN down or the tokens refused: the rest would fail the same way
        pelapor.gagal(
            _("%(e)s Perbandingan berhenti setelah %(n)d dari %(t)d pegawai; jalankan lagi nanti.")
            % {"e": e, "n": len(baris), "t": len(daftar)}
        )
        return
    beda = sum(1 for b in baris if b["beda"])
    galat = sum(1 for b in baris if b["galat"])
    pesan = _("%(n)d pegawai dibandingkan: %(b)d berbeda, %(g)d tidak terbaca dari SIASN.") % {
        "n": len(baris),
        "b": beda,
        "g": galat,
    }
    pelapor.selesai(
        hasil={
            "url": reverse("pegawai:siasn_unit_hasil", args=[pelapor.progres.pk]),
            "unit_id": unit.pk,
            "unit": unit.nama,
            "baris": baris,
        },
        pesan=pesan,
    )
