"""Transfers pegawai must wait for (pegawai may not import mutasi, so it asks through hooks named in
settings): a decided transfer still waiting to be carried out blocks a manual move
(PEGAWAI_MUTASI_TERTUNDA); a proposal in progress into a unit blocks closing it (PEGAWAI_MUTASI_KE_UNIT)."""

from django.urls import reverse

from ..models import STATUS_BERJALAN, StatusUsulan, UsulanMutasi

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


def mutasi_ke_unit(unit_id: int) -> list[tuple[str, str]]:
    """(number, URL of the proposal's page) of every submitted, unfinished proposal into the unit."""
    qs = UsulanMutasi.objects.filter(tujuan_unit_id=unit_id, status__in=STATUS_BERJALAN).order_by("pk")
    return [(u.nomor, reverse("mutasi:detail", args=[u.pk])) for u in qs]
