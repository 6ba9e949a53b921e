"""Recording the yearly performance predicate. One predicate per year: a second entry for a year
that has one is refused (`KinerjaSudahAda`, naming what is there and who recorded it) unless the
caller says `ganti=True`; the audit row then says what it replaced."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from inti.galat import LayananError

from ..models import KinerjaTahunan, Pegawai, User


class KinerjaSudahAda(LayananError):
    """The year already has a predicate; the user must confirm the replacement."""

    def __init__(self, kinerja: KinerjaTahunan):
        self.kinerja = kinerja
        super().__init__(kinerja_pesan_ada(kinerja))


def kinerja_pesan_ada(kinerja: KinerjaTahunan) -> str:
    """'Tahun 2025 sudah bernilai Baik (dicatat oleh X pada 3-2-2026). Ganti?'"""
    isi = {"tahun": kinerja.tahun, "predikat": kinerja.get_predikat_display()}
    if kinerja.dicatat_oleh_id and kinerja.dicatat_pada:
        isi["oleh"] = kinerja.dicatat_oleh.get_full_name() or kinerja.dicatat_oleh.get_username()
        isi["pada"] = f"{timezone.localtime(kinerja.dicatat_pada):%d-%m-%Y %H:%M}"
        return _("Tahun %(tahun)s sudah bernilai %(predikat)s (dicatat oleh %(oleh)s pada %(pada)s). Ganti?") % isi
    return _("Tahun %(tahun)s sudah bernilai %(predikat)s. Ganti?") % isi


@transaction.atomic
def kinerja_catat(
    *,
    oleh: User | None,
    pegawai: Pegawai,
    tahun: int,
    predikat: str,
    keterangan: str = "",
    ganti: bool = False,
) -> KinerjaTahunan:
    """Record the predicate of `tahun`. A year already recorded with something else raises
    `KinerjaSudahAda` unless `ganti`; the same values again change nothing."""
    kinerja = (
        KinerjaTahunan.objects.select_for_update(of=("self",))
        .select_related("dicatat_oleh")
        .filter(pegawai=pegawai, tahun=tahun)
        .first()
    )
    lama = None
    if kinerja is None:
        kinerja = KinerjaTahunan(pegawai=pegawai, tahun=tahun)
    else:
        if kinerja.predikat == predikat and kinerja.keterangan == keterangan:
            return kinerja
        if not ganti:
            raise KinerjaSudahAda(kinerja)
        lama = {
            "predikat": kinerja.get_predikat_display(),
            "keterangan": kinerja.keterangan,
            "oleh": kinerja.dicatat_oleh.get_full_name() if kinerja.dicatat_oleh_id else "",
            "pada": f"{timezone.localtime(kinerja.dicatat_pada):%d-%m-%Y %H:%M}" if kinerja.dicatat_pada else "",
        }
    kinerja.predikat = predikat
    kinerja.keterangan = keterangan
    kinerja.dicatat_oleh = oleh if getattr(oleh, "is_authenticated", False) else None
    kinerja.dicatat_pada = timezone.now()
    kinerja.full_clean()
    kinerja.save()
    baru = kinerja.get_predikat_display()
    if lama is None:
        audit_catat(
            oleh=oleh,
            aksi="pegawai.kinerja_catat",
            objek=pegawai,
            ringkasan=f"Predikat kinerja {tahun} dicatat: {baru}",
            perubahan={"tahun": tahun, "predikat": ["", baru]},
        )
    else:
        asal = f" (dicatat oleh {lama['oleh']} pada {lama['pada']})" if lama["oleh"] else ""
        audit_catat(
            oleh=oleh,
            aksi="pegawai.kinerja_ganti",
            objek=pegawai,
            ringkasan=f"Predikat kinerja {tahun} diganti: {lama['predikat']}{asal} menjadi {baru}",
            perubahan={
                "tahun": tahun,
                "predikat": [lama["predikat"], baru],
                "keterangan": [lama["keterangan"], keterangan],
                "menggantikan_catatan": [f"{lama['oleh']} {lama['pada']}".strip(), ""],
            },
        )
    return kinerja
