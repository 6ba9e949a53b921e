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
from datetime import date
from functools import wraps
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import PenggantiPejabat, PeranPejabat, UnitKerja
from .pohon import unit_turunan_ids
from .selectors.pengganti import kepala_dan_pengganti

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .models import Pegawai, User

    Pengguna = User | AnonymousUser  # whoever a request carries; every rule answers False for anonymous


@dataclass(frozen=True)
class PeranUser:
    """`ppk`, `unit_dipimpin` and `unit_wewenang` include what the user holds as an acting official
    today (Plh./Plt., `pegawai.selectors.pengganti.bertindak_untuk`): whatever the official may do,
    the acting person may do on those days. `plh_unit` / `plh_ppk` say whether a power is only
    acting (the delegation, for "Plh. <name> a.n. <official>") or the user's own (None)."""

    hr: bool = False
    ppk: bool = False
    pegawai_id: int | None = None
    unit_dipimpin: frozenset[int] = field(default_factory=frozenset)  # headed directly (own or acting)
    unit_wewenang: frozenset[int] = field(default_factory=frozenset)  # headed, with sub-units
    unit_sendiri: frozenset[int] = field(default_factory=frozenset)  # headed directly as the official
    ppk_sendiri: bool = False  # the PPK as the official (not acting)
    pengganti: tuple[PenggantiPejabat, ...] = ()  # the delegations in force today

    @property
    def kepala(self) -> bool:
        return bool(self.unit_dipimpin)

    def plh_unit(self, unit_id: int | None) -> PenggantiPejabat | None:
        """The delegation under which the user heads `unit_id` today; None when they head it
        themselves (or not at all)."""
        if unit_id is None or unit_id in self.unit_sendiri:
            return None
        return next((d for d in self.pengganti if d.peran == PeranPejabat.KEPALA and d.unit_id == unit_id), None)

    @property
    def plh_ppk(self) -> PenggantiPejabat | None:
        """The delegation under which the user acts as PPK today; None when they are the PPK."""
        if self.ppk_sendiri:
            return None
        return next((d for d in self.pengganti if d.peran == PeranPejabat.PPK), None)

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
    sendiri: frozenset[int] = frozenset()
    pengganti: tuple[PenggantiPejabat, ...] = ()
    if pegawai is not None and pegawai.aktif:
        sendiri, daftar = kepala_dan_pengganti(pegawai.pk)  # one query unless acting for someone
        pengganti = tuple(daftar)
    dipimpin = sendiri | {d.unit_id for d in pengganti if d.peran == PeranPejabat.KEPALA}
    peran = PeranUser(
        hr=user.is_hr,
        ppk=user.is_ppk or any(d.peran == PeranPejabat.PPK for d in pengganti),
        pegawai_id=pegawai.pk if pegawai is not None else None,
        unit_dipimpin=dipimpin,
        unit_wewenang=frozenset(unit_turunan_ids(dipimpin)) if dipimpin else frozenset(),
        unit_sendiri=sendiri,
        ppk_sendiri=user.is_ppk,
        pengganti=pengganti,
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


@aturan(HR)
def boleh_siasn(user: Pengguna) -> bool:
    """Compare employees with SIASN, take SIASN's values over, watch and resend the outbox (HR)."""


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


# --- Acting officials (Plh./Plt.) ---------------------------------------------------------------


@aturan(HR)
def boleh_kelola_pengganti(user: Pengguna) -> bool:
    """The list of acting officials and recording one for any head or the PPK (HR)."""


def boleh_berhalangan(user: Pengguna) -> bool:
    """The "Saya berhalangan" page: an official (a unit head, the PPK) names who acts for them.
    Only their own posts: acting powers are not passed on."""
    p = peran_user(user)
    return bool(p.unit_sendiri) or p.ppk_sendiri


def boleh_batalkan_pengganti(user: Pengguna, d: PenggantiPejabat, hari_ini: date | None = None) -> bool:
    """End a delegation early or withdraw it: HR, or the official it acts for; while not cancelled
    and not over."""
    p = peran_user(user)
    if d.dibatalkan_pada is not None or d.selesai < (hari_ini or timezone.localdate()):
        return False
    return p.hr or (p.pegawai_id is not None and p.pegawai_id == d.yang_digantikan_id)
