"""Decrees (SK): the PPK decides and signs what HR prepared (`mutasi.services.sk_konsep`).

Why the PPK signs as a step of its own, after HR's draft, rather than at the decision: the
decision (`putuskan`) is about the transfer; the decree is a legal document with its own text,
TMT, copies and, for a batch, one document over decisions taken on different days. HR drafts what
it says; the PPK reads exactly what he signs and signs it (`tandatangani`), or returns it. An
amending or revoking decree goes the same way: HR alone can no longer issue one in his name.

Signing is one transaction (`AlurSK`, an `inti.transisi.Alur`): the decree takes the next number
of the year's gap-free sequence (a returned or withdrawn draft used none; a failed signature gives
it back) and its date, checked by `sk_periksa_tanggal`; the signature block comes from the PPK's
account (`selectors.sk.penandatangan_sk`); the PDF is rendered ONCE, signed (`inti.ttd`: the
installation's certificate, or BSrE with the NIK and passphrase typed at signing and never kept),
stored under a random name with its SHA-256; the covered proposals move (decided -> "SK terbit";
a TMT change: the new decree replaces the old on the proposal; a revoking decree: cancelled) and
each employee's notice is made (`services.pemberitahuan`). Every later download serves the
stored file; nothing is rendered again. The daily job carries out only signed decrees.
"""

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.audit import audit_catat
from inti.transisi import Alur, Transisi, tabel
from inti.ttd import Penanda
from pegawai.models import User

from .. import akses
from ..models import (
    JenisSK,
    StatusSK,
    StatusUsulan,
    SuratKeputusan,
    UsulanMutasi,
)
from ..selectors.penyetuju import HR, PPK
from ..selectors.sk import penandatangan_sk, sk_tanggal_terakhir
from . import AlurError
from .alur import ALUR as ALUR_USULAN
from .alur import usulan_transisi
from .dokumen import hapus, render_sk, simpan, tandatangani_pdf
from .pelaksanaan import mutasi_laksanakan_jatuh_tempo
from .pemberitahuan import pemberitahuan_buat
from .penomoran import sk_nomor_berikut
from .sk_notifikasi import sk_dikabari

TAHUN_SK_TERAWAL = 1975  # older decrees are not recorded through this workflow
S = StatusUsulan


def _tgl(d: date) -> str:
    return f"{d:%d-%m-%Y}"


def sk_periksa_tanggal(
    *,
    tanggal: date,
    tmt: date,
    daftar: list[UsulanMutasi],
    mengganti: SuratKeputusan | None = None,
    hari_ini: date | None = None,
) -> None:
    """Honest dates. A decree's date is not after today, not before the decisions it rests on, not
    before the decree it amends or revokes, nor before the latest decree of its number sequence
    (numbers and dates rise together; call it after taking the number, whose lock serialises
    signers). The TMT is on or after the decree's date (SK_TMT_SEBELUM_HARI days earlier at most)
    and at most a year after it."""
    hari_ini = hari_ini or timezone.localdate()
    if tanggal > hari_ini:
        raise AlurError(
            _("Tanggal SK (%(t)s) tidak boleh sesudah hari ini (%(h)s).") % {"t": _tgl(tanggal), "h": _tgl(hari_ini)}
        )
    if tanggal.year < TAHUN_SK_TERAWAL:
        raise AlurError(_("Tanggal SK tidak masuk akal (sebelum %(t)d).") % {"t": TAHUN_SK_TERAWAL})
    for u in daftar:
        if u.diputuskan_pada is not None and tanggal < timezone.localdate(u.diputuskan_pada):
            raise AlurError(
                _("Tanggal SK (%(t)s) tidak boleh sebelum keputusan PPK atas usulan %(n)s (%(k)s).")
                % {"t": _tgl(tanggal), "n": u.nomor, "k": _tgl(timezone.localdate(u.diputuskan_pada))}
            )
    if mengganti is not None and mengganti.tanggal and tanggal < mengganti.tanggal:
        raise AlurError(
            _("Tanggal SK (%(t)s) tidak boleh sebelum tanggal SK yang diubah atau dicabut (%(n)s, %(k)s).")
            % {"t": _tgl(tanggal), "n": mengganti.nomor, "k": _tgl(mengganti.tanggal)}
        )
    terakhir = sk_tanggal_terakhir(tanggal.year)
    if terakhir is not None and tanggal < terakhir[0]:
        raise AlurError(
            _(
                "Tanggal SK (%(t)s) tidak boleh sebelum SK terakhir dalam urutan nomor tahun %(y)d "
                "(Nomor %(n)s tanggal %(k)s): nomor dan tanggal SK naik bersama."
            )
            % {"t": _tgl(tanggal), "y": tanggal.year, "n": terakhir[1], "k": _tgl(terakhir[0])}
        )
    boleh = settings.SK_TMT_SEBELUM_HARI
    if (tanggal - tmt).days > boleh:
        if boleh:
            pesan = _("TMT (%(tmt)s) paling awal %(n)d hari sebelum tanggal SK (%(t)s).")
        else:
            pesan = _("TMT (%(tmt)s) tidak boleh sebelum tanggal SK (%(t)s).")
        raise AlurError(pesan % {"tmt": _tgl(tmt), "t": _tgl(tanggal), "n": boleh})
    if (tmt - tanggal).days > 366:
        raise AlurError(_("TMT paling lambat satu tahun sesudah tanggal SK."))


# --- The decree's workflow -----------------------------------------------------------------------------


def _pasang(sk: SuratKeputusan) -> Callable[[UsulanMutasi], None]:
    def pasang(u: UsulanMutasi) -> None:
        u.sk, u.tmt = sk, sk.tmt
        u.pemberitahuan_dibuka = u.pemberitahuan_dikonfirmasi = None

    return pasang


def _periksa_usulan(sk: SuratKeputusan, daftar: list[UsulanMutasi], oleh: User) -> None:
    """Before a number is taken: every covered proposal is still where this kind of decree needs it."""
    if not daftar:
        raise AlurError(_("Konsep SK ini tidak mencakup usulan apa pun."))
    for u in daftar:
        if sk.jenis == JenisSK.PEMBATALAN:
            aksi, cocok = "batalkan_sk", u.sk_id == sk.mengganti_id
        elif u.status == S.SK_TERBIT and sk.jenis == JenisSK.PERUBAHAN:
            aksi, cocok = "", u.sk_id == sk.mengganti_id
        else:
            aksi, cocok = "terbitkan_sk", sk.jenis == JenisSK.PENETAPAN or u.sk_id == sk.mengganti_id
        boleh, pesan = ALUR_USULAN.periksa(aksi, u, oleh) if aksi else (True, "")
        if not (cocok and boleh):
            raise AlurError(
                _("Usulan %(n)s (%(nama)s) tidak lagi sesuai dengan konsep SK ini (%(pesan)s): tarik konsepnya.")
                % {"n": u.nomor, "nama": u.pegawai.nama, "pesan": pesan or u.get_status_display()}
            )


class AlurSK(Alur):
    model = SuratKeputusan
    awalan_audit = "mutasi.sk"
    galat = AlurError
    select_related = ("mengganti", "batch")
    label_lain = {"siapkan": gettext_lazy("Konsep SK disiapkan")}
    transisi = tabel(
        Transisi(
            "tandatangani",
            (StatusSK.KONSEP,),
            StatusSK.DITETAPKAN,
            gettext_lazy("Tetapkan dan tandatangani"),
            PPK,
            internal=True,  # its own form (BSrE asks for NIK and passphrase)
            gaya="success",
        ),
        Transisi(
            "kembalikan",
            (StatusSK.KONSEP,),
            StatusSK.DIKEMBALIKAN,
            gettext_lazy("Kembalikan ke BKPSDM"),
            PPK,
            wajib_catatan=True,
            gaya="warning",
        ),
        Transisi(
            "tarik",
            (StatusSK.KONSEP,),
            StatusSK.DITARIK,
            gettext_lazy("Tarik konsep"),
            HR,
            wajib_catatan=True,
            gaya="outline-danger",
        ),
    )

    def hak(self, t: Transisi, obj: SuratKeputusan, user: Any, **konteks: Any) -> tuple[bool, str]:
        izin = akses.boleh_tandatangani_sk(user, obj) if t.pelaku == PPK else akses.boleh_tarik_sk(user, obj)
        return izin.boleh, izin.sebagai if izin.boleh else izin.pesan

    def pesan_status(self, obj: SuratKeputusan, t: Transisi) -> str:
        return _('SK ini berstatus "%(status)s": aksi "%(aksi)s" tidak dapat dilakukan.') % {
            "status": obj.get_status_display(),
            "aksi": t.label,
        }

    def syarat(
        self,
        t: Transisi,
        sk: SuratKeputusan,
        oleh: Any,
        catatan: str,
        *,
        tanggal: date | None = None,
        hari_ini: date | None = None,
        rahasia: dict | None = None,
        tertulis: list[str] | None = None,
        **data: Any,
    ) -> dict[str, Any] | None:
        if t.aksi != "tandatangani":
            return None
        hari_ini = hari_ini or timezone.localdate()
        tanggal = tanggal or hari_ini
        daftar = list(
            UsulanMutasi.objects.select_for_update(of=("self",))
            .filter(sk_cakupan=sk)
            .select_related("pegawai", "asal_unit", "asal_jabatan", "tujuan_unit", "tujuan_jabatan", "sk")
            .order_by("pegawai__nama", "pk")
        )
        _periksa_usulan(sk, daftar, oleh)
        ttd = penandatangan_sk(oleh)
        if ttd is None:
            raise AlurError(
                _(
                    "Akun PPK ini tidak terhubung dengan data pegawai: nama, pangkat dan NIP penanda tangan "
                    "diambil dari sana."
                )
            )
        if sk.jenis == JenisSK.PEMBATALAN:
            sk.tmt = tanggal  # a revocation takes effect on its own date
        urut, nomor = sk_nomor_berikut(tanggal.year)
        sk_periksa_tanggal(tanggal=tanggal, tmt=sk.tmt, daftar=daftar, mengganti=sk.mengganti, hari_ini=hari_ini)
        sk.nomor, sk.tahun, sk.urut, sk.tanggal = nomor, tanggal.year, urut, tanggal
        sk.penandatangan = oleh
        sk.penandatangan_nama, sk.penandatangan_nip, sk.penandatangan_pangkat = ttd.nama, ttd.nip, ttd.pangkat
        sk.penandatangan_jabatan, sk.penandatangan_atas_nama, sk.penandatangan_plh = ttd.jabatan, ttd.atas_nama, ttd.plh
        sk.ditandatangani_pada = timezone.now()
        jabatan = f"{ttd.plh} {ttd.jabatan}".strip()
        if ttd.atas_nama:
            jabatan = f"a.n. {ttd.atas_nama}, {jabatan}"
        pdf = tandatangani_pdf(
            render_sk(sk, daftar),
            penanda=Penanda(
                nama=ttd.nama,
                nip=ttd.nip,
                jabatan=jabatan,
                lokasi=settings.INSTANSI_KOTA,
                alasan=f"Keputusan Nomor {nomor}",
            ),
            rahasia=rahasia,
        )
        simpan(sk, pdf, tertulis=tertulis)
        return {"nomor": nomor, "tanggal": tanggal.isoformat(), "sha256": sk.sha256}

    def sesudah(
        self,
        t: Transisi,
        sk: SuratKeputusan,
        oleh: Any,
        lama: str,
        catatan: str,
        *,
        tertulis: list[str] | None = None,
        laksanakan_segera: bool = True,
        **data: Any,
    ) -> None:
        if t.aksi != "tandatangani":
            return
        ids = []
        for u in UsulanMutasi.objects.filter(sk_cakupan=sk).order_by("pk"):
            if sk.jenis == JenisSK.PEMBATALAN:
                alasan = _("Dicabut dengan SK %(n)s: %(a)s") % {"n": sk.nomor, "a": sk.alasan}
                usulan_transisi(usulan=u, aksi="batalkan_sk", oleh=oleh, catatan=alasan[:4000])
                continue
            if u.status == S.SK_TERBIT:  # a new TMT only: the new decree replaces the old one
                _pasang(sk)(u)
                u.save(update_fields=["sk", "tmt", "pemberitahuan_dibuka", "pemberitahuan_dikonfirmasi", "diubah"])
                ALUR_USULAN.catat(
                    objek=u,
                    aksi="sk_perubahan",
                    oleh=oleh,
                    catatan=f"SK {sk.nomor}",
                    sebagai=akses.boleh_tandatangani_sk(oleh, sk).sebagai,
                )
                audit_catat(oleh=oleh, aksi="mutasi.sk_perubahan", objek=u, ringkasan=f"{u.nomor}: SK {sk.nomor}")
            else:
                u = usulan_transisi(
                    usulan=u, aksi="terbitkan_sk", oleh=oleh, catatan=f"SK {sk.nomor}", ubah=_pasang(sk)
                )
            pemberitahuan_buat(usulan=u, sk=sk, oleh=oleh, tanggal=sk.tanggal, tertulis=tertulis)
            ids.append(u.pk)
        if laksanakan_segera and ids and sk.tmt <= timezone.localdate():
            transaction.on_commit(lambda: mutasi_laksanakan_jatuh_tempo(usulan_ids=ids))

    def ringkasan(self, sk: SuratKeputusan, lama: str, t: Transisi) -> str:
        if t.aksi == "tandatangani":
            return f"SK {sk.nomor} ({sk.get_jenis_display()}) ditetapkan dan ditandatangani"
        return f"Konsep SK #{sk.pk}: {StatusSK(lama).label} -> {StatusSK(t.ke).label}"

    def kabari(self, sk: SuratKeputusan, t: Transisi, catatan: str) -> Callable[[], Any]:
        return partial(sk_dikabari, sk_id=sk.pk, aksi=t.aksi, catatan=catatan)


ALUR = AlurSK()


def sk_tandatangani(
    *,
    oleh: User,
    sk: SuratKeputusan,
    rahasia: dict | None = None,
    tanggal: date | None = None,
    hari_ini: date | None = None,
    laksanakan_segera: bool = True,
) -> SuratKeputusan:
    """The PPK decides and signs a draft (see the module's docstring). `rahasia` (BSrE: NIK and
    passphrase) goes to the signing backend only. `tanggal` defaults to today; the pages never
    offer another (a loader of past decrees, e.g. the demo, may give an earlier one, checked the
    same way). Raises AlurError or TtdError (`.kode`, e.g. "passphrase_salah")."""
    tertulis: list[str] = []
    try:
        return ALUR.jalankan(
            objek=sk,
            aksi="tandatangani",
            oleh=oleh,
            tanggal=tanggal,
            hari_ini=hari_ini,
            rahasia=rahasia,
            tertulis=tertulis,
            laksanakan_segera=laksanakan_segera,
        )
    except BaseException:
        hapus(tertulis)  # nothing was committed: no file may stay behind
        raise


def sk_kembalikan(*, oleh: User, sk: SuratKeputusan, catatan: str) -> SuratKeputusan:
    """The PPK does not sign the draft and returns it to HR with the reason."""
    return ALUR.jalankan(objek=sk, aksi="kembalikan", oleh=oleh, catatan=catatan)


def sk_tarik(*, oleh: User, sk: SuratKeputusan, catatan: str) -> SuratKeputusan:
    """HR withdraws a draft the PPK has not signed (to prepare another)."""
    return ALUR.jalankan(objek=sk, aksi="tarik", oleh=oleh, catatan=catatan)


@transaction.atomic
def sk_berkas_pastikan(*, sk: SuratKeputusan) -> SuratKeputusan:
    """A decree issued before decrees were signed here has no stored file: render it once, store it
    (unsigned: the page says so) and serve that from then on."""
    if sk.berkas or sk.status != StatusSK.DITETAPKAN:
        return sk
    sk = SuratKeputusan.objects.select_for_update().get(pk=sk.pk)
    if sk.berkas:
        return sk
    tertulis: list[str] = []
    try:
        simpan(sk, render_sk(sk), tertulis=tertulis)
        sk.save(update_fields=["berkas", "sha256"])
    except BaseException:
        hapus(tertulis)
        raise
    audit_catat(
        oleh=None,
        aksi="mutasi.sk_berkas",
        objek=sk,
        ringkasan=f"SK {sk.nomor}: berkas disimpan (tanpa tanda tangan elektronik)",
        perubahan={"sha256": sk.sha256},
    )
    return sk


def tmt_paling_awal(hari_ini: date | None = None) -> date:
    """The earliest TMT a decree signed today may state."""
    return (hari_ini or timezone.localdate()) - timedelta(days=settings.SK_TMT_SEBELUM_HARI)
