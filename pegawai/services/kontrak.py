"""PPPK contract periods (perjanjian kerja): record one, renew one. Audited on the employee."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.galat import LayananError

from ..models import KontrakPPPK, Pegawai, StatusAsn, User


class KontrakError(LayananError):
    pass


def _periksa(*, pegawai: Pegawai, mulai: date, selesai: date, kecuali: KontrakPPPK | None = None) -> None:
    if pegawai.status != StatusAsn.PPPK:
        raise KontrakError(_("Kontrak kerja hanya untuk pegawai PPPK."))
    if not pegawai.aktif:
        raise KontrakError(_("Pegawai ini sudah tidak aktif."))
    if selesai <= mulai:
        raise KontrakError(_("Tanggal berakhir kontrak harus sesudah tanggal mulai."))
    tumpang = KontrakPPPK.objects.filter(pegawai=pegawai, mulai__lte=selesai, selesai__gte=mulai)
    if kecuali is not None:
        tumpang = tumpang.exclude(pk=kecuali.pk)
    if k := tumpang.first():
        raise KontrakError(
            _("Periode ini bertumpang dengan kontrak %(k)s.") % {"k": f"{k.mulai:%d-%m-%Y} s.d. {k.selesai:%d-%m-%Y}"}
        )


def _simpan(kontrak: KontrakPPPK) -> None:
    try:
        kontrak.full_clean()
    except ValidationError as e:
        raise KontrakError(" ".join(e.messages)) from e
    kontrak.save()


@transaction.atomic
def kontrak_catat(
    *, oleh: User, pegawai: Pegawai, mulai: date, selesai: date, nomor: str = "", keterangan: str = ""
) -> KontrakPPPK:
    Pegawai.objects.select_for_update().filter(pk=pegawai.pk).first()
    _periksa(pegawai=pegawai, mulai=mulai, selesai=selesai)
    kontrak = KontrakPPPK(pegawai=pegawai, mulai=mulai, selesai=selesai, nomor=nomor, keterangan=keterangan)
    _simpan(kontrak)
    audit_catat(
        oleh=oleh,
        aksi="pegawai.kontrak_catat",
        objek=pegawai,
        ringkasan=f"Kontrak PPPK{' ' + nomor if nomor else ''} dicatat: {mulai:%d-%m-%Y} s.d. {selesai:%d-%m-%Y}",
        perubahan={"kontrak_id": kontrak.pk, "mulai": ["", mulai.isoformat()], "selesai": ["", selesai.isoformat()]},
    )
    return kontrak


@transaction.atomic
def kontrak_perpanjang(
    *, oleh: User, kontrak: KontrakPPPK, selesai: date, nomor: str = "", keterangan: str = ""
) -> KontrakPPPK:
    """A new period starting the day after `kontrak` ends, pointing back to it. A contract is
    renewed once (the renewal is renewed in its turn)."""
    kontrak = KontrakPPPK.objects.select_for_update(of=("self",)).select_related("pegawai").get(pk=kontrak.pk)
    if KontrakPPPK.objects.filter(diperpanjang_dari=kontrak).exists():
        raise KontrakError(_("Kontrak ini sudah diperpanjang."))
    mulai = kontrak.selesai + timedelta(days=1)
    _periksa(pegawai=kontrak.pegawai, mulai=mulai, selesai=selesai)
    baru = KontrakPPPK(
        pegawai=kontrak.pegawai,
        mulai=mulai,
        selesai=selesai,
        nomor=nomor,
        keterangan=keterangan,
        diperpanjang_dari=kontrak,
    )
    _simpan(baru)
    audit_catat(
        oleh=oleh,
        aksi="pegawai.kontrak_perpanjang",
        objek=kontrak.pegawai,
        ringkasan=f"Kontrak PPPK diperpanjang sampai {selesai:%d-%m-%Y} "
        f"(sebelumnya berakhir {kontrak.selesai:%d-%m-%Y})",
        perubahan={"kontrak_id": baru.pk, "selesai": [kontrak.selesai.isoformat(), selesai.isoformat()]},
    )
    return baru
