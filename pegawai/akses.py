"""Who may see and do what. Roles: HR staff and PPK are stored on the account; being a unit
head follows from heading a unit (UnitKerja.kepala) and covers that unit and its sub-units."""

from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .models import UnitKerja
from .pohon import unit_turunan_ids


@dataclass(frozen=True)
class PeranUser:
    hr: bool = False
    ppk: bool = False
    pegawai_id: int | None = None
    unit_dipimpin: frozenset[int] = field(default_factory=frozenset)  # headed directly
    unit_wewenang: frozenset[int] = field(default_factory=frozenset)  # headed, with sub-units

    @property
    def kepala(self) -> bool:
        return bool(self.unit_dipimpin)

    @property
    def lihat_semua(self) -> bool:
        """HR staff and the PPK read every record."""
        return self.hr or self.ppk


ANONIM = PeranUser()


def peran_user(user) -> PeranUser:
    """The roles of a user, computed once and kept on the user object for the request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONIM
    cached = getattr(user, "_peran_cache", None)
    if cached is not None:
        return cached
    pegawai = getattr(user, "pegawai", None)
    dipimpin = frozenset()
    if pegawai is not None and pegawai.aktif:
        dipimpin = frozenset(UnitKerja.objects.filter(kepala=pegawai, aktif=True).values_list("id", flat=True))
    peran = PeranUser(
        hr=user.is_hr,
        ppk=user.is_ppk,
        pegawai_id=pegawai.pk if pegawai is not None else None,
        unit_dipimpin=dipimpin,
        unit_wewenang=frozenset(unit_turunan_ids(dipimpin)) if dipimpin else frozenset(),
    )
    user._peran_cache = peran
    return peran


def hr_required(view):
    """Signed in and HR staff, else 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not peran_user(request.user).hr:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def peran_required(*, hr=False, ppk=False, kepala=False):
    """Signed in and holding at least one of the named roles, else 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            p = peran_user(request.user)
            if not ((hr and p.hr) or (ppk and p.ppk) or (kepala and p.kepala)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
