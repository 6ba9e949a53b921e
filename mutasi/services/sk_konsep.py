"""HR prepares decrees for the PPK to decide and sign (`mutasi.services.sk`): a draft (KONSEP)
names the proposals it covers, its kind, the TMT and its subject; it has no number or date yet.

- `sk_siapkan`: for decided proposals (one, or the decided part of a batch). A proposal that already
  has a decree (its destination was revised after an objection and decided again) gets an amending
  decree naming the old one, on its own.
- `sk_siapkan_perubahan`: a new TMT for a transfer whose decree is in force (an objection answered
  "revise", or a revision HR makes), an amending decree.
- `sk_siapkan_pembatalan`: cancelling a transfer whose decree is in force (an objection answered
  "cancel", or HR's cancellation), a revoking decree; the transfer is cancelled when the PPK signs.

While a draft waits for the PPK the proposal is not carried out, and no second draft covers it.
The PPK is told by mail."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.surel import setelah_commit
from pegawai.models import User

from .. import akses
from ..models import (
    STATUS_SELESAI,
    BatchUsulan,
    JenisSK,
    StatusSK,
    StatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from ..selectors.sk import tentang_otomatis
from ..selectors.usulan import perubahan_data_pegawai
from . import AlurError, pastikan
from .alur import ALUR as ALUR_USULAN
from .penomoran import kode_verifikasi_baru
from .sk import ALUR as ALUR_SK
from .sk import tmt_paling_awal
from .sk_notifikasi import sk_dikabari

ALASAN_MIN = 10


def _tgl(d: date) -> str:
    return f"{d:%d-%m-%Y}"


def _periksa_tmt(tmt: date, hari_ini: date | None = None) -> None:
    """The decree will be dated the day the PPK signs it, today at the earliest."""
    hari_ini = hari_ini or timezone.localdate()
    awal = tmt_paling_awal(hari_ini)
    if tmt < awal:
        raise AlurError(
            _("TMT (%(tmt)s) tidak boleh sebelum tanggal SK; SK paling awal bertanggal hari ini (%(h)s).")
            % {"tmt": _tgl(tmt), "h": _tgl(hari_ini)}
        )
    if (tmt - hari_ini).days > 366:
        raise AlurError(_("TMT paling lambat satu tahun sesudah tanggal SK."))


def _tanpa_konsep_lain(usulan: list[UsulanMutasi]) -> None:
    menunggu = [u for u in usulan if u.sk_cakupan.filter(status=StatusSK.KONSEP).exists()]
    if menunggu:
        raise AlurError(
            _("Sudah ada konsep SK yang menunggu tanda tangan PPK untuk usulan %(daftar)s.")
            % {"daftar": ", ".join(u.nomor for u in menunggu)}
        )


def _konsep_buat(
    *,
    oleh: User,
    usulan: list[UsulanMutasi],
    jenis: str,
    tmt: date,
    tentang: str = "",
    alasan: str = "",
    batch: BatchUsulan | None = None,
    mengganti: SuratKeputusan | None = None,
) -> SuratKeputusan:
    sk = SuratKeputusan(
        jenis=jenis,
        status=StatusSK.KONSEP,
        tmt=tmt,
        tentang=(tentang.strip() or tentang_otomatis(jenis=jenis, daftar=usulan, mengganti=mengganti))[:300],
        alasan=alasan.strip(),
        batch=batch,
        mengganti=mengganti,
        diterbitkan_oleh=oleh,
        kode_verifikasi=kode_verifikasi_baru(),
    )
    sk.full_clean(validate_constraints=False)
    sk.save()
    sk.cakupan.set(usulan)
    ALUR_SK.catat(objek=sk, aksi="siapkan", oleh=oleh, catatan=sk.tentang, sebagai=_("staf BKPSDM"), dari="")
    for u in usulan:
        ALUR_USULAN.catat(
            objek=u,
            aksi="sk_konsep",
            oleh=oleh,
            catatan=f"{sk.get_jenis_display()}: {sk.tentang}",
            sebagai=_("staf BKPSDM"),
        )
    audit_catat(
        oleh=oleh,
        aksi="mutasi.sk_siapkan",
        objek=sk,
        ringkasan=f"Konsep SK ({sk.get_jenis_display()}) untuk {len(usulan)} pegawai, TMT {tmt:%d-%m-%Y}",
        perubahan={"usulan": [u.pk for u in usulan], "jenis": jenis, "mengganti": mengganti.pk if mengganti else None},
    )
    pk = sk.pk
    setelah_commit(lambda: sk_dikabari(sk_id=pk, aksi="siapkan"))
    return sk


def _kunci(ids: list[int]) -> list[UsulanMutasi]:
    return list(
        UsulanMutasi.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("pegawai", "asal_unit", "tujuan_unit", "sk")
        .order_by("pk")
    )


@transaction.atomic
def sk_siapkan(
    *,
    oleh: User,
    usulan_ids: list[int],
    tmt: date,
    tentang: str = "",
    batch: BatchUsulan | None = None,
    hari_ini: date | None = None,
) -> SuratKeputusan:
    """A draft decree for the given decided proposals (those not decided are refused)."""
    pastikan(akses.boleh_terbitkan_sk(oleh))
    if not usulan_ids:
        raise AlurError(_("Tidak ada usulan yang sudah diputuskan untuk dimasukkan ke SK."))
    usulan = _kunci(usulan_ids)
    belum = [u for u in usulan if u.status != StatusUsulan.DIPUTUSKAN]
    if belum or len(usulan) != len(set(usulan_ids)):
        raise AlurError(
            _("SK hanya untuk usulan yang sudah diputuskan PPK: %(daftar)s.")
            % {"daftar": ", ".join(u.nomor for u in belum) or "-"}
        )
    _tanpa_konsep_lain(usulan)
    for u in usulan:
        alasan = perubahan_data_pegawai(u) or (u.tinjauan_alasan if u.perlu_tinjauan else "")
        if alasan:
            raise AlurError(
                _("Data pegawai %(nama)s berubah (%(alasan)s): BKPSDM harus meninjaunya sebelum SK disiapkan.")
                % {"nama": u.pegawai.nama, "alasan": alasan}
            )
    lama = [u for u in usulan if u.sk_id is not None]
    if lama and len(usulan) > 1:
        raise AlurError(
            _(
                "Usulan %(daftar)s sudah punya SK dan direvisi setelah keberatan: siapkan SK perubahannya "
                "dari halaman usulan itu sendiri."
            )
            % {"daftar": ", ".join(u.nomor for u in lama)}
        )
    _periksa_tmt(tmt, hari_ini)
    mengganti = lama[0].sk if lama else None
    return _konsep_buat(
        oleh=oleh,
        usulan=usulan,
        jenis=JenisSK.PERUBAHAN if mengganti else JenisSK.PENETAPAN,
        tmt=tmt,
        tentang=tentang,
        batch=batch,
        mengganti=mengganti,
    )


def _alasan(alasan: str) -> str:
    alasan = (alasan or "").strip()
    if len(alasan) < ALASAN_MIN:
        raise AlurError(_("Tulis alasannya (minimal %(n)d karakter): dimuat dalam konsiderans SK.") % {"n": ALASAN_MIN})
    return alasan


@transaction.atomic
def sk_siapkan_perubahan(
    *, oleh: User, usulan: UsulanMutasi, tmt: date, alasan: str, hari_ini: date | None = None
) -> SuratKeputusan:
    """A draft amending decree with a new TMT for a transfer whose decree is in force."""
    (u,) = _kunci([usulan.pk])
    pastikan(akses.boleh_ubah_sk(oleh, u))
    alasan = _alasan(alasan)
    if u.status != StatusUsulan.SK_TERBIT:
        raise AlurError(_("SK perubahan TMT hanya untuk mutasi yang SK-nya terbit dan belum dilaksanakan."))
    if tmt == u.tmt:
        raise AlurError(_("TMT baru sama dengan TMT dalam SK sekarang."))
    _tanpa_konsep_lain([u])
    _periksa_tmt(tmt, hari_ini)
    return _konsep_buat(oleh=oleh, usulan=[u], jenis=JenisSK.PERUBAHAN, tmt=tmt, alasan=alasan, mengganti=u.sk)


@transaction.atomic
def sk_siapkan_pembatalan(*, oleh: User, usulan: UsulanMutasi, alasan: str) -> SuratKeputusan:
    """A draft revoking decree for a transfer whose decree is in force (or under revision)."""
    (u,) = _kunci([usulan.pk])
    pastikan(akses.boleh_ubah_sk(oleh, u, pembatalan=True))
    alasan = _alasan(alasan)
    if u.sk_id is None or u.status in STATUS_SELESAI:
        raise AlurError(_("SK pembatalan hanya untuk mutasi yang SK-nya sudah terbit dan belum dilaksanakan."))
    _tanpa_konsep_lain([u])
    hari = timezone.localdate()
    # The date (and so the TMT) of a revocation is the day the PPK signs it.
    return _konsep_buat(
        oleh=oleh,
        usulan=[u],
        jenis=JenisSK.PEMBATALAN,
        tmt=max(hari, u.sk.tanggal or hari),
        alasan=alasan,
        mengganti=u.sk,
    )


def tmt_awal_form(tmt: date | None) -> date:
    """A sensible TMT to offer on HR's form: the proposed one, or the first of next month."""
    if tmt is not None:
        return tmt
    hari = timezone.localdate()
    return (hari.replace(day=1) + timedelta(days=32)).replace(day=1)
