"""Decrees (SK): gap-free numbering per year, issuing for one proposal or the decided part of a
batch, the verification code, the PDF (WeasyPrint), and the employee's reading of the notice."""

import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from pegawai.models import User

from .. import akses
from ..models import BatchUsulan, NomorUrutSK, StatusUsulan, SuratKeputusan, UsulanMutasi
from . import AlurError, pastikan
from .alur import usulan_transisi
from .pelaksanaan import mutasi_laksanakan_jatuh_tempo


def sk_nomor_berikut(tahun: int) -> tuple[int, str]:
    """Take the next sequence number of `tahun`. Must run inside the issuing transaction: the
    counter row stays locked until commit, so a rollback gives the number back (no gap) and a
    concurrent issuer waits (no duplicate)."""
    if not NomorUrutSK.objects.filter(tahun=tahun).exists():
        try:
            with transaction.atomic():
                NomorUrutSK.objects.create(tahun=tahun, terakhir=0)
        except IntegrityError:
            pass  # someone else created it first; lock theirs below
    baris = NomorUrutSK.objects.select_for_update().get(tahun=tahun)
    baris.terakhir += 1
    baris.save(update_fields=["terakhir"])
    nomor = settings.SK_NOMOR_POLA.format(seq=baris.terakhir, year=tahun, tahun=tahun)
    return baris.terakhir, nomor


def _kode_verifikasi() -> str:
    while True:
        kode = secrets.token_hex(6).upper()
        if not SuratKeputusan.objects.filter(kode_verifikasi=kode).exists():
            return kode


TAHUN_SK_TERAWAL = 1975  # older decrees are not recorded through this workflow


@dataclass
class DataSK:
    tanggal: date
    tmt: date
    penandatangan_nama: str
    penandatangan_nip: str
    penandatangan_jabatan: str
    tentang: str = ""


@transaction.atomic
def sk_terbitkan(
    *,
    oleh: User,
    usulan_ids: list[int],
    data: DataSK,
    batch: BatchUsulan | None = None,
    mengganti: SuratKeputusan | None = None,
    laksanakan_segera: bool = True,
) -> SuratKeputusan:
    """Issue one decree covering the given decided proposals (those not decided are refused).

    A proposal that already has a decree (its destination was revised after an objection and
    decided again) gets an amending decree naming the old one; such a proposal is issued on its
    own. `mengganti` with a proposal still "SK terbit" is the TMT-only revision: no transition."""
    pastikan(akses.boleh_terbitkan_sk(oleh))
    if not usulan_ids:
        raise AlurError(_("Tidak ada usulan yang sudah diputuskan untuk dimasukkan ke SK."))
    usulan = list(UsulanMutasi.objects.select_for_update().filter(pk__in=usulan_ids).order_by("pk"))

    def siap(u: UsulanMutasi) -> bool:
        if u.status == StatusUsulan.DIPUTUSKAN:
            return mengganti is None or u.sk_id == mengganti.pk
        return mengganti is not None and u.status == StatusUsulan.SK_TERBIT and u.sk_id == mengganti.pk

    belum = [u for u in usulan if not siap(u)]
    if belum or len(usulan) != len(set(usulan_ids)):
        raise AlurError(
            _("SK hanya untuk usulan yang sudah diputuskan PPK: %(daftar)s.")
            % {"daftar": ", ".join(u.nomor for u in belum) or "-"}
        )
    lama = [u for u in usulan if u.sk_id is not None]
    if lama and mengganti is None:
        if len(usulan) > 1:
            raise AlurError(
                _(
                    "Usulan %(daftar)s sudah punya SK dan direvisi setelah keberatan: terbitkan SK perubahannya "
                    "dari halaman usulan itu sendiri."
                )
                % {"daftar": ", ".join(u.nomor for u in lama)}
            )
        mengganti = SuratKeputusan.objects.get(pk=lama[0].sk_id)
    hari_ini = timezone.localdate()
    if data.tanggal > hari_ini:
        raise AlurError(_("Tanggal SK tidak boleh sesudah hari ini."))
    if data.tanggal.year < TAHUN_SK_TERAWAL:
        raise AlurError(_("Tanggal SK tidak masuk akal (sebelum %(t)d).") % {"t": TAHUN_SK_TERAWAL})
    # Date differences, not date arithmetic: no overflow whatever the input.
    if (data.tanggal - data.tmt).days > 366:
        raise AlurError(_("TMT terlalu jauh sebelum tanggal SK."))
    if (data.tmt - data.tanggal).days > 366:
        raise AlurError(_("TMT paling lambat satu tahun sesudah tanggal SK."))
    urut, nomor = sk_nomor_berikut(data.tanggal.year)
    if data.tentang:
        tentang = data.tentang
    elif mengganti is not None:
        tentang = _("Perubahan atas Keputusan Nomor %(n)s") % {"n": mengganti.nomor}
    else:
        tentang = _("Mutasi Pegawai Negeri Sipil di Lingkungan Pemerintah Kota %(kota)s") % {
            "kota": settings.INSTANSI_KOTA
        }
    sk = SuratKeputusan(
        nomor=nomor,
        tahun=data.tanggal.year,
        urut=urut,
        tanggal=data.tanggal,
        tmt=data.tmt,
        tentang=tentang,
        penandatangan_nama=data.penandatangan_nama,
        penandatangan_nip=data.penandatangan_nip,
        penandatangan_jabatan=data.penandatangan_jabatan,
        kode_verifikasi=_kode_verifikasi(),
        batch=batch,
        mengganti=mengganti,
        diterbitkan_oleh=oleh,
    )
    sk.full_clean(validate_constraints=False)
    sk.save()

    def pasang(u: UsulanMutasi) -> None:
        u.sk, u.tmt = sk, data.tmt
        u.pemberitahuan_dibuka = u.pemberitahuan_dikonfirmasi = None

    for u in usulan:
        if u.status == StatusUsulan.DIPUTUSKAN:
            usulan_transisi(usulan=u, aksi="terbitkan_sk", oleh=oleh, catatan=f"SK {nomor}", ubah=pasang)
        else:
            pasang(u)
            u.save(update_fields=["sk", "tmt", "pemberitahuan_dibuka", "pemberitahuan_dikonfirmasi", "diubah"])
    audit_catat(
        oleh=oleh,
        aksi="mutasi.sk_terbit",
        objek=sk,
        ringkasan=f"SK {nomor} untuk {len(usulan)} pegawai, TMT {data.tmt:%d-%m-%Y}",
        perubahan={"usulan": [u.pk for u in usulan]},
    )
    if laksanakan_segera and data.tmt <= timezone.localdate():
        ids = [u.pk for u in usulan]
        transaction.on_commit(lambda: mutasi_laksanakan_jatuh_tempo(usulan_ids=ids))
    return sk


def sk_url_verifikasi(sk: SuratKeputusan) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("mutasi:verifikasi", args=[sk.kode_verifikasi])


def qr_data_uri(teks: str) -> str:
    import segno

    return segno.make(teks, error="m").svg_data_uri(scale=3, border=1)


def pdf_dari_html(html: str, base_url: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()


def sk_pdf(sk: SuratKeputusan, konteks: dict, *, template: str, base_url: str) -> bytes:
    return pdf_dari_html(render_to_string(template, konteks), base_url)


# --- The employee's notice ---------------------------------------------------------------------


def pemberitahuan_buka(*, oleh: User, usulan: UsulanMutasi) -> None:
    """Note when the employee first opened their notice (anyone else opening it changes nothing)."""
    if akses.mutasi_sendiri(oleh, usulan) and usulan.pemberitahuan_dibuka is None:
        UsulanMutasi.objects.filter(pk=usulan.pk, pemberitahuan_dibuka__isnull=True).update(
            pemberitahuan_dibuka=timezone.now()
        )


@transaction.atomic
def pemberitahuan_konfirmasi(*, oleh: User, usulan: UsulanMutasi) -> bool:
    """The employee states they have read the notice. False when they had already done so."""
    pastikan(akses.boleh_konfirmasi(oleh, usulan))
    sekarang = timezone.now()
    n = UsulanMutasi.objects.filter(pk=usulan.pk, pemberitahuan_dikonfirmasi__isnull=True).update(
        pemberitahuan_dikonfirmasi=sekarang, pemberitahuan_dibuka=usulan.pemberitahuan_dibuka or sekarang
    )
    if n:
        audit_catat(
            oleh=oleh, aksi="mutasi.pemberitahuan_dibaca", objek=usulan, ringkasan=f"{usulan.nomor}: dibaca pegawai"
        )
    return bool(n)
