"""Acting officials (Plh./Plt.): record one, cancel one. HR records them for any unit head or the
PPK; an official records their own absence. Audited on the delegation.

The rules: nobody acts for themselves; the acting person is an active employee with an active
account; the official still holds the post (heads the unit, or is the PPK); mulai <= selesai, both
inclusive, and the delegation has not ended before it is recorded; and one official has one acting
person per post at a time: a period that shares a day with another delegation for the same
official and post (not cancelled) is refused, checked under a lock on the official's row (two
clerks recording at once: the second waits and is refused)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat, ubah_tercatat
from inti.galat import LayananError
from inti.surel import alamat, setelah_commit, surel_kirim

from ..akses import boleh_batalkan_pengganti, peran_user
from ..models import JenisPengganti, Pegawai, PenggantiPejabat, PeranPejabat, UnitKerja, User


class PenggantiError(LayananError):
    pass


def _tgl(d: date) -> str:
    return f"{d:%d-%m-%Y}"


def pengganti_kabari(*, pengganti_id: int, jenis: str) -> int:
    """Tell the acting person they were named ("ditunjuk") or are no longer ("dibatalkan"), copied to
    the official; called after the commit. 1 when sent."""
    d = PenggantiPejabat.objects.select_related(
        "pengganti__akun", "yang_digantikan__akun", "unit", "dibuat_oleh", "dibatalkan_oleh"
    ).get(pk=pengganti_id)
    if jenis == "ditunjuk":
        judul = _("Anda ditunjuk sebagai %(jenis)s %(jabatan)s")
    else:
        judul = _("Penunjukan %(jenis)s %(jabatan)s dibatalkan")
    return surel_kirim(
        kepada=alamat(d.pengganti, d.yang_digantikan),
        judul=judul % {"jenis": d.jenis, "jabatan": d.jabatan_teks},
        template=f"email/pengganti_{jenis}.txt",
        konteks={"d": d, "tautan": settings.SITE_URL.rstrip("/") + reverse("beranda")},
    )


def _periksa_pejabat(*, yang_digantikan: Pegawai, peran: str, unit: UnitKerja | None) -> None:
    if peran == PeranPejabat.KEPALA:
        if unit is None:
            raise PenggantiError(_("Pilih unit yang dipimpin pejabat itu."))
        if not unit.aktif or unit.kepala_id != yang_digantikan.pk:
            raise PenggantiError(
                _("%(nama)s bukan kepala %(unit)s.") % {"nama": yang_digantikan.nama_lengkap, "unit": unit.nama}
            )
    elif peran == PeranPejabat.PPK:
        akun = yang_digantikan.akun if yang_digantikan.akun_id else None
        if akun is None or not akun.is_ppk:
            raise PenggantiError(
                _("%(nama)s bukan Pejabat Pembina Kepegawaian.") % {"nama": yang_digantikan.nama_lengkap}
            )
    else:
        raise PenggantiError(_("Peran tidak dikenal."))


@transaction.atomic
def pengganti_catat(
    *,
    oleh: User,
    yang_digantikan: Pegawai,
    pengganti: Pegawai,
    peran: str,
    unit: UnitKerja | None = None,
    jenis: str = JenisPengganti.PLH,
    mulai: date,
    selesai: date,
    dasar: str,
    hari_ini: date | None = None,
) -> PenggantiPejabat:
    """Record that `pengganti` acts for `yang_digantikan` as head of `unit` or as PPK (`peran`)
    from `mulai` to `selesai`. Raises PenggantiError with the reason."""
    hari_ini = hari_ini or timezone.localdate()
    p = peran_user(oleh)
    if not p.hr and p.pegawai_id != yang_digantikan.pk:
        raise PenggantiError(
            _("Hanya staf BKPSDM, atau pejabat itu sendiri untuk ketidakhadirannya, yang dapat menunjuk pengganti.")
        )
    if peran == PeranPejabat.PPK:
        unit = None
    # The official's row is the lock: delegations for one official are recorded one at a time.
    yang_digantikan = Pegawai.objects.select_for_update(of=("self",)).select_related("akun").get(pk=yang_digantikan.pk)
    if pengganti.pk == yang_digantikan.pk:
        raise PenggantiError(_("Pejabat tidak dapat menjadi pengganti dirinya sendiri."))
    if selesai < mulai:
        raise PenggantiError(_("Tanggal selesai tidak boleh sebelum tanggal mulai."))
    if selesai < hari_ini:
        raise PenggantiError(_("Periode ini sudah berakhir (%(t)s).") % {"t": _tgl(selesai)})
    _periksa_pejabat(yang_digantikan=yang_digantikan, peran=peran, unit=unit)
    if not pengganti.aktif or pengganti.akun_id is None or not pengganti.akun.is_active:
        raise PenggantiError(
            _("%(nama)s tidak dapat ditunjuk: pengganti harus pegawai aktif yang mempunyai akun aktif.")
            % {"nama": pengganti.nama_lengkap}
        )
    bentrok = (
        PenggantiPejabat.objects.filter(
            yang_digantikan=yang_digantikan, peran=peran, unit=unit, dibatalkan_pada__isnull=True
        )
        .filter(mulai__lte=selesai, selesai__gte=mulai)
        .select_related("pengganti")
        .first()
    )
    if bentrok is not None:
        raise PenggantiError(
            _(
                "Periode ini bertumpang dengan %(jenis)s %(nama)s (%(a)s s.d. %(b)s) untuk pejabat dan jabatan yang "
                "sama. Ubah tanggalnya atau batalkan yang lama lebih dahulu."
            )
            % {
                "jenis": bentrok.jenis,
                "nama": bentrok.pengganti.nama_lengkap,
                "a": _tgl(bentrok.mulai),
                "b": _tgl(bentrok.selesai),
            }
        )
    d = PenggantiPejabat(
        yang_digantikan=yang_digantikan,
        pengganti=pengganti,
        peran=peran,
        unit=unit,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        dasar=dasar.strip(),
        dibuat_oleh=oleh,
    )
    try:
        d.full_clean()
    except ValidationError as e:
        raise PenggantiError(" ".join(e.messages)) from e
    d.save()
    audit_catat(
        oleh=oleh,
        aksi="pegawai.pengganti_catat",
        objek=d,
        ringkasan=(
            f"{d.jenis} {d.jabatan_teks}: {pengganti.nama_lengkap} a.n. {yang_digantikan.nama_lengkap}, "
            f"{_tgl(mulai)} s.d. {_tgl(selesai)} ({d.dasar})"
        ),
        perubahan={
            "yang_digantikan": yang_digantikan.nip,
            "pengganti": pengganti.nip,
            "peran": peran,
            "unit": unit.pk if unit else None,
            "jenis": jenis,
            "mulai": mulai.isoformat(),
            "selesai": selesai.isoformat(),
            "dasar": d.dasar,
        },
    )
    pk = d.pk
    setelah_commit(lambda: pengganti_kabari(pengganti_id=pk, jenis="ditunjuk"))
    return d


@transaction.atomic
def pengganti_batalkan(
    *, oleh: User, pengganti: PenggantiPejabat, alasan: str, hari_ini: date | None = None
) -> PenggantiPejabat:
    """End a delegation now (or withdraw one not begun): HR or the official, with a reason. From
    then on the acting person no longer acts; what they did stays on record."""
    d = (
        PenggantiPejabat.objects.select_for_update(of=("self",))
        .select_related("pengganti", "yang_digantikan", "unit")
        .get(pk=pengganti.pk)
    )
    alasan = (alasan or "").strip()
    if not alasan:
        raise PenggantiError(_("Tuliskan alasan pembatalan."))
    if not boleh_batalkan_pengganti(oleh, d, hari_ini):
        if d.dibatalkan_pada is not None:
            raise PenggantiError(_("Penunjukan ini sudah dibatalkan."))
        if d.selesai < (hari_ini or timezone.localdate()):
            raise PenggantiError(_("Penunjukan ini sudah berakhir."))
        raise PenggantiError(_("Hanya staf BKPSDM atau pejabat yang digantikan yang dapat membatalkannya."))
    alasan = alasan[:300]
    ubah_tercatat(
        d,
        {"dibatalkan_pada": timezone.now(), "dibatalkan_oleh": oleh, "alasan_batal": alasan},
        oleh=oleh,
        aksi="pegawai.pengganti_batal",
        ringkasan=f"{d.jenis} {d.jabatan_teks} ({d.pengganti.nama_lengkap}) dibatalkan: {alasan}",
        perubahan={"alasan": alasan},
    )
    pk = d.pk
    setelah_commit(lambda: pengganti_kabari(pengganti_id=pk, jenis="dibatalkan"))
    return d
