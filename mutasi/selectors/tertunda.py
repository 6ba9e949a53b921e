"""A decided transfer still waiting to be carried out: pegawai's manual move asks for it through the
PEGAWAI_MUTASI_TERTUNDA hook (pegawai may not import mutasi), and refuses while there is one."""

from django.urls import reverse

from ..models import StatusUsulan, UsulanMutasi

# Decided by the PPK and not yet carried out (nor cancelled): the decree will move the employee
# from the post they hold now.
STATUS_TERTUNDA = (StatusUsulan.DIPUTUSKAN, StatusUsulan.SK_TERBIT)


def mutasi_tertunda(pegawai_id: int) -> tuple[str, str] | None:
    """(number, URL of the proposal's page) of the employee's decided transfer not yet carried out,
    or None."""
    u = UsulanMutasi.objects.filter(pegawai_id=pegawai_id, status__in=STATUS_TERTUNDA).order_by("-pk").first()
    if u is None:
        return None
    return u.nomor, reverse("mutasi:detail", args=[u.pk])
