"""Carrying a transfer out on its TMT: the position history closes and opens (and unit
headship follows the post), the proposal becomes "carried out". Idempotent: a proposal already
carried out, or not yet due, is left alone. Run daily by `manage.py laksanakan_mutasi`, and at
once when a decree is issued with a TMT of today or earlier.

Before it carries out, the workflow checks eligibility again on the TMT and, for a transfer out of
or into the city, that HR recorded the external decision. A proposal refused for such a reason
(`PelaksanaanTertahan`) is left "SK terbit": the refusal gets a note in its history and an audit
row, and HR a mail, once per distinct reason (the job runs daily). `hari_ini` is the clock the
callers pass (the command refuses a date after today)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.galat import LayananError
from inti.laporan import GALAT, PERINGATAN, Laporan, hasil
from inti.notifikasi import beri_tahu
from inti.surel import setelah_commit
from pegawai.models import Peran, User
from pegawai.services.pegawai import pegawai_nonaktifkan, pegawai_pindah_jabatan
from pegawai.services.siasn import siasn_antrekan_jabatan

from ..models import STATUS_BERJALAN, STATUS_DRAF, JenisMutasi, StatusKeberatan, StatusUsulan, UsulanMutasi
from ..signals import usulan_dilaksanakan
from . import AlurError
from .alur import ALUR, usulan_transisi
from .kelayakan import PelaksanaanTertahan, SyaratError
from .usulan import usulan_tandai_perubahan

AKSI_TERTAHAN = "laksanakan_tertahan"


@dataclass
class LaporanPelaksanaan(Laporan):
    dilaksanakan: list[str] = hasil("Dilaksanakan")
    ditunda: list[str] = hasil("Ditunda", PERINGATAN)
    tertahan: list[str] = hasil("Tertahan", PERINGATAN)
    gagal: list[str] = hasil("Gagal", GALAT)
    ditandai: list[str] = hasil("Perlu ditinjau", PERINGATAN)


def _tertahan_catat(usulan: UsulanMutasi, exc: PelaksanaanTertahan, oleh: User | None) -> bool:
    """Note why the transfer was not carried out, and tell HR; once per distinct reason. True
    when noted now."""
    pesan = str(exc)
    with transaction.atomic():
        u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("pegawai").get(pk=usulan.pk)
        terakhir = u.riwayat_status.order_by("-waktu", "-id").first()
        if terakhir is not None and terakhir.aksi == AKSI_TERTAHAN and terakhir.catatan == pesan:
            return False
        if isinstance(exc, SyaratError):
            n = exc.penilaian
            u.hasil_cek, u.cek_pada, u.cek_langkah = n.simpan(), n.pada, "laksanakan"
            u.save(update_fields=["hasil_cek", "cek_pada", "cek_langkah", "diubah"])
        ALUR.catat(objek=u, aksi=AKSI_TERTAHAN, oleh=oleh, catatan=pesan, sebagai=_("pelaksanaan otomatis"))
        audit_catat(
            oleh=oleh,
            aksi=f"mutasi.{AKSI_TERTAHAN}",
            objek=u,
            ringkasan=f"Usulan {u.nomor} ({u.pegawai.nama}) tidak dilaksanakan: {pesan}",
        )
        pk = u.pk
        setelah_commit(lambda: _kabari_hr_tertahan(usulan_id=pk, pesan=pesan))
    return True


def _kabari_hr_tertahan(*, usulan_id: int, pesan: str) -> int:
    u = UsulanMutasi.objects.select_related("pegawai", "asal_unit", "tujuan_unit", "tujuan_jabatan", "sk").get(
        pk=usulan_id
    )
    judul = _("Mutasi tidak dilaksanakan pada TMT: %(nama)s") % {"nama": u.pegawai.nama_lengkap}
    tautan = settings.SITE_URL.rstrip("/") + reverse("mutasi:detail", args=[u.pk])
    return len(
        beri_tahu(
            penerima=User.objects.filter(peran=Peran.HR, is_active=True).select_related("pegawai"),
            jenis="mutasi.tertahan",
            judul=judul,
            isi=u.nomor,
            template="email/mutasi_tertahan.txt",
            konteks={"u": u, "judul": judul, "pesan": pesan, "tautan": tautan},
            tautan=tautan,
        )
    )


def usulan_laksanakan(*, usulan: UsulanMutasi, oleh: User | None = None, hari_ini: date | None = None) -> bool:
    """Carry out one proposal. True when it was carried out now; False when already done."""
    hari_ini = hari_ini or timezone.localdate()
    if usulan.status == StatusUsulan.DILAKSANAKAN:
        return False
    if usulan.tmt and usulan.tmt > hari_ini:
        raise AlurError(_("TMT %(tmt)s belum tiba.") % {"tmt": f"{usulan.tmt:%d-%m-%Y}"})
    if usulan.keberatan.filter(status=StatusKeberatan.DIAJUKAN).exists():
        raise AlurError(_("Ada keberatan pegawai yang belum dijawab BKPSDM."))

    def pindahkan(u: UsulanMutasi) -> None:
        if u.tmt and u.tmt > hari_ini:
            raise AlurError(_("TMT belum tiba."))
        keterangan = _("Mutasi %(nomor)s") % {"nomor": u.nomor}
        try:
            if u.jenis == JenisMutasi.KELUAR:
                pegawai_nonaktifkan(
                    oleh=oleh,
                    pegawai=u.pegawai,
                    alasan=(_("Mutasi keluar ke %(instansi)s") % {"instansi": u.instansi_eksternal})[:100],
                    tanggal=u.tmt - timedelta(days=1),
                )
            else:
                u.riwayat_baru = pegawai_pindah_jabatan(
                    oleh=oleh,
                    pegawai=u.pegawai,
                    unit=u.tujuan_unit,
                    jabatan=u.tujuan_jabatan,
                    tmt=u.tmt,
                    nomor_sk=u.sk.nomor,
                    tanggal_sk=u.sk.tanggal,
                    keterangan=keterangan,
                )
                siasn_antrekan_jabatan(  # the outbox to BKN's SIASN (nothing when SIASN is off)
                    pegawai=u.pegawai, unit=u.tujuan_unit, jabatan=u.tujuan_jabatan, nomor_sk=u.sk.nomor,
                    tanggal_sk=u.sk.tanggal, tmt=u.tmt, sumber=keterangan,
                )  # fmt: skip
        except LayananError as exc:
            if isinstance(exc, AlurError):
                raise
            raise AlurError(str(exc)) from exc
        u.dilaksanakan_pada = timezone.now()

    try:
        with transaction.atomic():
            u = usulan_transisi(usulan=usulan, aksi="laksanakan", oleh=oleh, ubah=pindahkan)
            # Higher apps (evaluasi) react through this signal; see mutasi/signals.py.
            usulan_dilaksanakan.send(sender=UsulanMutasi, usulan=u)
    except PelaksanaanTertahan as exc:
        _tertahan_catat(usulan, exc, oleh)
        raise
    except AlurError:
        usulan.refresh_from_db(fields=["status"])
        if usulan.status == StatusUsulan.DILAKSANAKAN:  # someone else did it meanwhile
            return False
        raise
    return True


def mutasi_laksanakan_jatuh_tempo(
    *, hari_ini: date | None = None, usulan_ids: list[int] | None = None, oleh: User | None = None
) -> LaporanPelaksanaan:
    """Carry out every decree whose TMT has come; flag open proposals whose record changed."""
    hari_ini = hari_ini or timezone.localdate()
    laporan = LaporanPelaksanaan()
    qs = UsulanMutasi.objects.filter(status=StatusUsulan.SK_TERBIT, tmt__lte=hari_ini).select_related(
        "pegawai", "tujuan_unit", "tujuan_jabatan", "sk"
    )
    if usulan_ids is not None:
        qs = qs.filter(pk__in=usulan_ids)
    for u in qs.order_by("tmt", "pk"):
        label = f"{u.nomor} {u.pegawai.nama}"
        try:
            # Each carried out in its own transaction (usulan_laksanakan); a refusal leaves its note.
            if usulan_laksanakan(usulan=u, oleh=oleh, hari_ini=hari_ini):
                laporan.dilaksanakan.append(label)
        except PelaksanaanTertahan as exc:
            laporan.tertahan.append(f"{label}: {exc}")
        except AlurError as exc:
            daftar = laporan.ditunda if "keberatan" in str(exc) else laporan.gagal
            daftar.append(f"{label}: {exc}")
    if usulan_ids is None:
        for u in UsulanMutasi.objects.filter(
            status__in=STATUS_DRAF + STATUS_BERJALAN, perlu_tinjauan=False
        ).select_related("pegawai"):
            if u.status != StatusUsulan.SK_TERBIT and usulan_tandai_perubahan(usulan=u):
                laporan.ditandai.append(f"{u.nomor} {u.pegawai.nama}: {u.tinjauan_alasan}")
    return laporan
