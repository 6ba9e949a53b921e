"""HR unlocks an account locked by repeated failed sign-ins (django-axes), audited."""

from axes.utils import reset
from django.db import transaction

from inti.audit import audit_catat
from inti.galat import LayananError

from ..akses import boleh_kelola_akun
from ..models import User


@transaction.atomic
def akun_buka_kunci(*, oleh: User, akun: User) -> int:
    """Forget the failed sign-ins of `akun` (its NIP); returns how many records were removed."""
    if not boleh_kelola_akun(oleh):
        raise LayananError("Hanya staf BKPSDM yang boleh membuka kunci akun.")
    jumlah = reset(username=akun.nip)
    audit_catat(
        oleh=oleh,
        aksi="akun.buka_kunci",
        objek=akun,
        ringkasan=f"Kunci masuk akun {akun.nip} dibuka",
        perubahan={"percobaan_dihapus": jumlah},
    )
    return jumlah
