"""The one transition mechanism for every object with a status (transfers, objections, training
assignments, reviews). After django-oscar's `pipeline`/`set_status` and healthchecks' `Flip` rows.

A workflow is a subclass of `Alur` with:
- `transisi`: the table of allowed moves (`Transisi`: action, from states, to state, who may,
  whether a note is required, and how its button looks);
- `hak()`: whether this user may perform this move on this object now (the actor check);
- optionally `syarat()` (rules a move needs beyond state and actor, and the fields it sets),
  `sesudah()` (work in the same transaction after the save), `ringkasan()` (the audit line) and
  `kabari()` (the notice to send after commit).

`Alur.catat()` writes a history row that is not a move (a note on the object, or its creation),
so a workflow's history has one writer.

`Alur.jalankan()` is the one function that performs a move: it locks the row
(`select_for_update`), checks the state and the actor, applies the move, saves, writes a row
in the workflow's own history table (a subclass of `inti.models.RiwayatStatus`) and an audit
row, all in one transaction, and queues the notice for after the commit. Two people acting at
once: the second waits for the lock, then finds the state changed and gets a clear refusal;
nothing is half-applied. Views ask `periksa()`/`tersedia()` for the buttons, so a button is shown
exactly when the move would be accepted.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from .audit import audit_catat, label_daftarkan
from .galat import LayananError
from .models import RiwayatStatus, RiwayatStatusPengganti
from .surel import setelah_commit


class Sebagai(str):
    """What the actor acts as (the history row's `sebagai`, as `hak()` returns it) and, when they act
    for an absent official (Plh./Plt.), on whose behalf: `jenis` ("Plh."/"Plt."), `atas_nama` (the
    official's account, may be None) and `nama` (the official's name). A plain `str` everywhere
    else; `jalankan` writes the extra into the history row (when its table is a
    `RiwayatStatusPengganti`) and into the audit row."""

    jenis: str
    atas_nama: Any
    nama: str

    def __new__(cls, teks: Any, *, jenis: str = "", atas_nama: Any = None, nama: str = "") -> "Sebagai":
        s = super().__new__(cls, str(teks))
        s.jenis, s.atas_nama, s.nama = jenis, atas_nama, nama
        return s


@dataclass(frozen=True)
class Transisi:
    aksi: str
    dari: tuple[str, ...]
    ke: str
    label: str
    pelaku: str
    wajib_catatan: bool = False
    internal: bool = False  # performed by its own service, never offered as a button
    gaya: str = "primary"
    konfirmasi: str = ""


def tabel(*daftar: Transisi) -> dict[str, Transisi]:
    """The transition table keyed by action (an action appears once)."""
    hasil: dict[str, Transisi] = {}
    for t in daftar:
        if t.aksi in hasil:
            raise ValueError(f"Transisi ganda: {t.aksi}")
        hasil[t.aksi] = t
    return hasil


class Alur:
    """A workflow of one model. Subclass it and set the class attributes below."""

    model: ClassVar[type[models.Model]]
    transisi: ClassVar[dict[str, Transisi]]
    awalan_audit: ClassVar[str]  # audit action is "<awalan>.<aksi>"
    galat: ClassVar[type[LayananError]] = LayananError
    field_status: ClassVar[str] = "status"
    select_related: ClassVar[tuple[str, ...]] = ()
    catatan_maks: ClassVar[int] = 4000
    pesan_bentrok: ClassVar[str | None] = None  # message when a database constraint refuses the move
    # How the history names its rows that are not moves (the first row, notes): {aksi: label}.
    label_lain: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Each step's label becomes the plain words of its audit action "<awalan>.<aksi>"."""
        super().__init_subclass__(**kwargs)
        awalan, daftar = getattr(cls, "awalan_audit", None), getattr(cls, "transisi", None)
        if awalan and daftar:
            label_daftarkan({f"{awalan}.{a}": t.label for a, t in daftar.items()}, ganti=False)

    @property
    def riwayat(self) -> type[RiwayatStatus]:
        """The workflow's history table: the one whose foreign key to `model` has
        related_name="riwayat_status" (`inti.models.RiwayatStatus`)."""
        return self.model._meta.get_field("riwayat_status").related_model

    @property
    def riwayat_fk(self) -> str:
        """The name of that foreign key on the history row."""
        return self.model._meta.get_field("riwayat_status").field.name

    # --- The history as the pages show it (templates/includes/linimasa.html) ----------------------

    def label_aksi(self, aksi: str) -> str:
        """How the history names a row's action: a move by its label, another row by `label_lain`."""
        if aksi in self.label_lain:
            return str(self.label_lain[aksi])
        t = self.transisi.get(aksi)
        return str(t.label) if t else aksi.replace("_", " ").capitalize()

    def judul_baris(self, r: RiwayatStatus) -> str:
        """A history row's title: its action, and the change of state when it made one."""
        label = self.label_aksi(r.aksi)
        if r.dari and r.dari != r.ke:
            return f"{label}: {r.get_dari_display()} → {r.get_ke_display()}"
        return label

    def berjudul(self, riwayat: Iterable[RiwayatStatus]) -> list[RiwayatStatus]:
        """The rows of a history (a selector reads them), each given its `judul` for the timeline."""
        baris = list(riwayat)
        for r in baris:
            r.judul = self.judul_baris(r)
        return baris

    # --- To override --------------------------------------------------------------------------

    def hak(self, t: Transisi, obj: Any, user: Any, **konteks: Any) -> tuple[bool, str]:
        """May `user` perform `t` on `obj` (whose state allows it)? (allowed, as-what or why-not)."""
        raise NotImplementedError

    def syarat(self, t: Transisi, obj: Any, oleh: Any, catatan: str, **data: Any) -> dict[str, Any] | None:
        """Rules beyond state and actor; may set fields on `obj`. Raise `self.galat` to refuse.
        Returns extra {field: value} for the audit row."""
        return None

    def sesudah(self, t: Transisi, obj: Any, oleh: Any, lama: str, catatan: str, **data: Any) -> None:
        """Work in the same transaction after the object is saved (e.g. records it implies)."""

    def ringkasan(self, obj: Any, lama: str, t: Transisi) -> str:
        label = dict(self.model._meta.get_field(self.field_status).choices)
        return f"{obj}: {label.get(lama, lama)} -> {label.get(t.ke, t.ke)} ({t.label})"

    def pesan_status(self, obj: Any, t: Transisi) -> str:
        """Why `t` cannot be performed in the object's current state."""
        status = getattr(obj, self.field_status)
        label = dict(self.model._meta.get_field(self.field_status).choices)
        return _('Berstatus "%(status)s": aksi "%(aksi)s" tidak dapat dilakukan.') % {
            "status": label.get(status, status),
            "aksi": t.label,
        }

    def kabari(self, obj: Any, t: Transisi, catatan: str) -> Callable[[], Any] | None:
        """What to send after the commit (through `inti.surel`), or None."""
        return None

    # --- Provided -------------------------------------------------------------------------------

    def periksa(self, aksi: str, obj: Any, user: Any, **konteks: Any) -> tuple[bool, str]:
        """May `user` perform `aksi` on `obj` now? (allowed, as-what or why-not)."""
        t = self.transisi.get(aksi)
        if t is None:
            return False, _("Aksi tidak dikenal.")
        if getattr(obj, self.field_status) not in t.dari:
            return False, self.pesan_status(obj, t)
        return self.hak(t, obj, user, **konteks)

    def boleh(self, aksi: str, obj: Any, user: Any, **konteks: Any) -> bool:
        return self.periksa(aksi, obj, user, **konteks)[0]

    def tersedia(self, obj: Any, user: Any, **konteks: Any) -> list[Transisi]:
        """The buttons this user gets on this object (internal moves are never buttons)."""
        return [t for t in self.transisi.values() if not t.internal and self.periksa(t.aksi, obj, user, **konteks)[0]]

    def catat(
        self, *, objek: Any, aksi: str, oleh: Any, catatan: str = "", sebagai: str = "", dari: str | None = None
    ) -> RiwayatStatus:
        """One row in the history table for the object's current state, in the caller's transaction:
        a note that is not a move (`dari` left out: from and to are the current state, e.g. an
        override or a review), or the object's creation (`dari=""`). `jalankan` writes its moves
        through here; the caller of a note writes its own audit row."""
        status = getattr(objek, self.field_status)
        tambahan: dict[str, Any] = {}
        if getattr(sebagai, "jenis", "") and issubclass(self.riwayat, RiwayatStatusPengganti):
            tambahan = {
                "jenis_pengganti": sebagai.jenis,
                "atas_nama": sebagai.atas_nama,
                "atas_nama_nama": sebagai.nama[:200],
            }
        return self.riwayat.objects.create(
            **{self.riwayat_fk: objek},
            aksi=aksi,
            dari=status if dari is None else dari,
            ke=status,
            oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
            sebagai=str(sebagai)[:300],
            catatan=catatan,
            **tambahan,
        )

    def jalankan(
        self,
        *,
        objek: Any,
        aksi: str,
        oleh: Any,
        catatan: str = "",
        ubah: Callable[[Any], None] | None = None,
        **data: Any,
    ) -> Any:
        """Perform one move. Raises `self.galat` (a message for the user) when refused.
        `ubah` may change the locked object just before it is validated and saved."""
        t = self.transisi.get(aksi)
        if t is None:
            raise self.galat(_("Aksi tidak dikenal."))
        catatan = (catatan or "").strip()
        if len(catatan) > self.catatan_maks:
            raise self.galat(_("Catatan terlalu panjang (maksimal %(n)d karakter).") % {"n": self.catatan_maks})
        pk = objek.pk if isinstance(objek, models.Model) else objek
        try:
            with transaction.atomic():
                qs = self.model.objects.select_for_update(of=("self",))
                obj = (qs.select_related(*self.select_related) if self.select_related else qs).get(pk=pk)
                boleh, sebagai = self.periksa(aksi, obj, oleh)
                if not boleh:
                    raise self.galat(sebagai)
                if t.wajib_catatan and not catatan:
                    raise self.galat(_('Aksi "%(aksi)s" wajib disertai catatan/alasan.') % {"aksi": t.label})
                lama = getattr(obj, self.field_status)
                tambahan = self.syarat(t, obj, oleh, catatan, **data) or {}
                setattr(obj, self.field_status, t.ke)
                if ubah is not None:
                    ubah(obj)
                obj.full_clean(validate_constraints=False)
                obj.save()
                self.catat(objek=obj, aksi=aksi, oleh=oleh, catatan=catatan, sebagai=sebagai, dari=lama)
                self.sesudah(t, obj, oleh, lama, catatan, **data)
                perubahan: dict[str, Any] = {"status": [lama, t.ke]}
                if catatan:
                    perubahan["catatan"] = catatan
                perubahan.update(tambahan)
                ringkasan = self.ringkasan(obj, lama, t)
                if getattr(sebagai, "jenis", ""):
                    # Acting for an absent official: the audit line says so and on whose behalf.
                    perubahan["pengganti"] = {
                        "jenis": sebagai.jenis,
                        "atas_nama": sebagai.nama,
                        "atas_nama_id": getattr(sebagai.atas_nama, "pk", None),
                    }
                    ringkasan = f"{ringkasan} [{sebagai.jenis} a.n. {sebagai.nama}]"
                audit_catat(
                    oleh=oleh,
                    aksi=f"{self.awalan_audit}.{aksi}",
                    objek=obj,
                    ringkasan=ringkasan,
                    perubahan=perubahan,
                )
                kirim = self.kabari(obj, t, catatan)
                if kirim is not None:
                    setelah_commit(kirim)
        except IntegrityError as exc:
            if self.pesan_bentrok is None:
                raise
            raise self.galat(self.pesan_bentrok) from exc
        if isinstance(objek, models.Model):
            objek.refresh_from_db()
        return obj
