"""Who may see and do what, in one place: views, templates (the `pegawai_akses` tags) and
services ask the `boleh_*` functions below, never the roles directly.

Roles: HR staff (BKPSDM) and the PPK are stored on the account; being a unit head follows from
heading a unit (UnitKerja.kepala) and covers that unit and its sub-units. HR and the PPK read every
record; only HR changes them. Objects reach a view through the selectors' `*_ambil` helpers, which
answer 404 to whoever may not see the object (`boleh_lihat_*` here is the same rule for one object
already in hand)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import UnitKerja
from .pohon import unit_turunan_ids

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .models import Pegawai, User

    Pengguna = User | AnonymousUser  # whoever a request carries; every rule answers False for anonymous


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

# The roles a page may be open to, as `aturan` names them, with the words the 403 page uses.
HR, PPK, KEPALA = "hr", "ppk", "kepala"
NAMA_PERAN = {HR: gettext_lazy("staf BKPSDM"), PPK: gettext_lazy("PPK"), KEPALA: gettext_lazy("kepala unit")}


def peran_user(user: Pengguna) -> PeranUser:
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


# --- Seeing ------------------------------------------------------------------------------


def aturan(*peran: str):
    """A rule that lets in exactly the named roles (HR, PPK, KEPALA). The decorated function only
    carries the docstring: the check is derived from `peran`, and so is the list of roles that the
    403 page names (`pesan_ditolak`), so the two cannot disagree."""

    def buat(fungsi: Callable) -> Callable[[Pengguna], bool]:
        @wraps(fungsi)
        def boleh(user: Pengguna) -> bool:
            p = peran_user(user)
            return any(getattr(p, r) for r in peran)

        boleh.peran = peran
        return boleh

    return buat


def pesan_ditolak(boleh: Callable) -> str:
    """The 403 page's sentence for a refusal by `boleh`: the roles it lets in, when it is an
    `aturan`; empty otherwise (the page then names no role rather than a wrong one)."""
    peran = getattr(boleh, "peran", None)
    if not peran:
        return ""
    nama = get_text_list([str(NAMA_PERAN[r]) for r in peran], _("atau"))
    return _("Halaman ini hanya untuk %(peran)s.") % {"peran": nama}


@aturan(HR, PPK)
def boleh_lihat_semua(user: Pengguna) -> bool:
    """Every unit and every employee (HR staff and the PPK)."""


@aturan(HR, PPK, KEPALA)
def boleh_lihat_organisasi(user: Pengguna) -> bool:
    """The organisation pages: employee list and export, unit tree, needs analysis, rotation
    watch. HR, the PPK and unit heads (who see their subtree); not other employees."""


def boleh_lihat_unit(user: Pengguna, unit: UnitKerja | int) -> bool:
    """The unit's pages (staff, needs analysis): everyone's for HR and the PPK, the headed
    subtree for a unit head."""
    p = peran_user(user)
    return p.lihat_semua or (unit if isinstance(unit, int) else unit.pk) in p.unit_wewenang


def boleh_lihat_pegawai(user: Pengguna, pegawai: Pegawai) -> bool:
    """An employee's page: HR and the PPK; a unit head for the staff posted in the headed
    subtree; anyone for themself. (The list form of this rule is `pegawai_terlihat`.)"""
    p = peran_user(user)
    if p.lihat_semua or (p.pegawai_id is not None and p.pegawai_id == pegawai.pk):
        return True
    if not p.unit_wewenang:
        return False
    posisi = pegawai.posisi_sekarang
    return posisi is not None and posisi.unit_id in p.unit_wewenang


@aturan(HR, PPK)
def boleh_lihat_kandidat(user: Pengguna) -> bool:
    """Needs-based candidates and destinations: they list employees of other units with their
    sanctions and predicates, which a unit head may not read. HR and the PPK."""


@aturan(HR)
def boleh_lihat_audit(user: Pengguna) -> bool:
    """The audit trails (HR): the business actions on an employee's page, the field-level changes
    ("Riwayat perubahan data") on the employee's, unit's and proposal's pages and their own page."""


# --- Doing -------------------------------------------------------------------------------


@aturan(HR)
def boleh_kelola_pegawai(user: Pengguna) -> bool:
    """Create and edit employees, move them, switch them off, record sanctions and predicates (HR)."""


@aturan(HR)
def boleh_kelola_akun(user: Pengguna) -> bool:
    """Create, invite, switch on/off employees' accounts and set their roles (HR)."""


@aturan(HR)
def boleh_kelola_tugas(user: Pengguna) -> bool:
    """Edit the workload (uraian tugas) of the needs analysis (HR)."""


@aturan(HR)
def boleh_impor(user: Pengguna) -> bool:
    """Upload spreadsheets, read the import log, download templates (HR)."""


@aturan(HR)
def boleh_kelola_organisasi(user: Pengguna) -> bool:
    """Create, rename, move and close units and positions; set the formasi (HR)."""


@aturan(HR)
def boleh_pantau_kontrak(user: Pengguna) -> bool:
    """Record PPPK contract periods and read the watch list of contracts ending soon (HR)."""


# --- View decorators -----------------------------------------------------------------------


def perlu(boleh: Callable[..., bool]):
    """Signed in (else the login page) and `boleh(user)` true (else 403, naming the roles the
    rule lets in when it is an `aturan`)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not boleh(request.user):
                raise PermissionDenied(pesan_ditolak(boleh))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


@aturan(HR)
def _hr(user: Pengguna) -> bool:
    """HR staff."""


def hr_required(view):
    """Signed in and HR staff, else 403."""
    return perlu(_hr)(view)


def peran_required(*, hr=False, ppk=False, kepala=False):
    """Signed in and holding at least one of the named roles, else 403."""
    peran = tuple(r for r, ya in ((HR, hr), (PPK, ppk), (KEPALA, kepala)) if ya)
    return perlu(aturan(*peran)(lambda user: None))
