"""The one mail sender. Every mail of every app goes through here, so every mail:

- goes out in the site's language (settings.LANGUAGE_CODE), whatever the acting user browses in;
- is sent after the commit of the change that caused it (a rolled-back step sends nothing) and
  never undoes that change (a mail server outage is logged, not raised);
- can be muted for a block of work with the one switch `tanpa_notifikasi()` (the demo data uses it).

Notices to users (a row in the notice centre, then email and/or WhatsApp as each user chose) go
through `inti.notifikasi.beri_tahu`, which sends its mail with the functions here.

Recipients: `alamat(*penerima)` turns users, employees or plain addresses into a sorted list of
addresses; a model takes part by having an `alamat_surel` attribute (User and Pegawai have one).
"""

import logging
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

log = logging.getLogger(__name__)
AWALAN_JUDUL = "[SIMUTASI]"
_AKTIF: ContextVar[bool] = ContextVar("notifikasi_aktif", default=True)


@contextmanager
def tanpa_notifikasi():
    """No mail (and no other notice) for changes made inside this block."""
    token = _AKTIF.set(False)
    try:
        yield
    finally:
        _AKTIF.reset(token)


def notifikasi_aktif() -> bool:
    return _AKTIF.get()


def bahasa_situs() -> translation.override:
    """The site's language for a block (or, as a decorator, a function) that writes a notice inside
    the caller's transaction: subjects made with gettext there read as the notice does."""
    return translation.override(settings.LANGUAGE_CODE)


def setelah_commit(kirim: Callable[[], Any]) -> None:
    """Run `kirim` after the current transaction commits, in the site's language, unless muted
    (decided now: the mute block may have ended by the time of the commit)."""
    if not _AKTIF.get():
        return

    def jalankan() -> None:
        with translation.override(settings.LANGUAGE_CODE):
            try:
                kirim()
            except Exception:  # a notice must never break the step that caused it
                log.exception("Notifikasi gagal dikirim")

    transaction.on_commit(jalankan)


def alamat(*penerima: Any) -> list[str]:
    """Addresses of users, employees (anything with `alamat_surel`), strings, or iterables of them."""
    hasil: set[str] = set()
    for p in penerima:
        if p is None:
            continue
        if isinstance(p, str):
            if p:
                hasil.add(p)
        elif hasattr(p, "alamat_surel"):
            if p.alamat_surel:
                hasil.add(p.alamat_surel)
        elif isinstance(p, Iterable):
            hasil.update(alamat(*p))
    return sorted(hasil)


def surel_buat(*, kepada: Iterable[str], judul: str, template: str, konteks: dict[str, Any]) -> EmailMessage:
    """One message, rendered in the site's language (not sent)."""
    with translation.override(settings.LANGUAGE_CODE):
        return surel_dari_teks(kepada=kepada, judul=str(judul), badan=render_to_string(template, konteks))


def surel_dari_teks(*, kepada: Iterable[str], judul: str, badan: str) -> EmailMessage:
    """One message from a body already rendered (the notice sender renders it with the notice)."""
    judul = "".join(str(judul).splitlines())
    if not judul.startswith(AWALAN_JUDUL):
        judul = f"{AWALAN_JUDUL} {judul}"
    return EmailMessage(judul, badan, None, list(kepada))


def surel_kirim(*, kepada: Iterable[str], judul: str, template: str, konteks: dict[str, Any]) -> int:
    """Send one message now (call it from `setelah_commit`); returns 1 when sent, 0 otherwise."""
    kepada = sorted({a for a in kepada if a})
    if not kepada:
        return 0
    terkirim, _gagal = surel_kirim_banyak([surel_buat(kepada=kepada, judul=judul, template=template, konteks=konteks)])
    return terkirim


def surel_kirim_banyak(pesan: list[EmailMessage]) -> tuple[int, list[int]]:
    """Send many messages over one connection; one bad address does not stop the rest.
    Returns (sent, indexes of the messages that failed)."""
    terkirim, gagal, dicoba = 0, [], 0
    if not pesan:
        return 0, []
    try:
        with mailers.default as koneksi:
            for i, email in enumerate(pesan):
                dicoba += 1
                try:
                    terkirim += koneksi.send_messages([email])
                except Exception:
                    log.exception("Email gagal dikirim: %s", email.subject)
                    gagal.append(i)
    except Exception:
        # Opening or closing the connection failed (server down): what was not tried did not go out.
        log.exception("Koneksi email gagal")
        gagal.extend(range(dicoba, len(pesan)))
    return terkirim, gagal
