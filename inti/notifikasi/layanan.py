"""The kinds registry, the preferences, and `beri_tahu` (see the package docstring)."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from ..surel import notifikasi_aktif
from .models import Notifikasi, PreferensiNotifikasi, Saluran, StatusSurel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JenisNotifikasi:
    kunci: str
    label: Any  # a lazy translation
    keterangan: Any = ""
    bawaan: str = Saluran.SUREL


_JENIS: dict[str, JenisNotifikasi] = {}


def jenis_daftarkan(kunci: str, label: Any, *, keterangan: Any = "", bawaan: str = Saluran.SUREL) -> None:
    """Register a kind of notice (`pelatihan.ditugaskan`) with its plain words for the settings page;
    `bawaan` is the channel of a user who chose nothing."""
    _JENIS[kunci] = JenisNotifikasi(kunci, label, keterangan, bawaan)


def jenis_semua() -> list[JenisNotifikasi]:
    return sorted(_JENIS.values(), key=lambda j: j.kunci)


def jenis_label(kunci: str) -> str:
    """The plain words of a kind; empty for a kind nobody registered (its badge is left out)."""
    j = _JENIS.get(kunci)
    return str(j.label) if j is not None else ""


def saluran_untuk(user_ids: Iterable[int], jenis: str) -> dict[int, str]:
    """Each user's channel for a kind (one query); the kind's default for those who chose nothing.
    WhatsApp switched off (WA_AKTIF=False): a WhatsApp-only choice falls back to email."""
    ids = list(user_ids)
    j = _JENIS.get(jenis)
    bawaan = j.bawaan if j is not None else Saluran.SUREL
    pilihan = dict(PreferensiNotifikasi.objects.filter(user_id__in=ids, jenis=jenis).values_list("user_id", "saluran"))
    hasil = {uid: pilihan.get(uid, bawaan) for uid in ids}
    if not settings.WA_AKTIF:
        hasil = {uid: Saluran.SUREL if s == Saluran.WA else s for uid, s in hasil.items()}
    return hasil


def preferensi_pengguna(user) -> dict[str, str]:
    """One user's channel for every registered kind (one query)."""
    pilihan = dict(PreferensiNotifikasi.objects.filter(user=user).values_list("jenis", "saluran"))
    hasil = {j.kunci: pilihan.get(j.kunci, j.bawaan) for j in jenis_semua()}
    if not settings.WA_AKTIF:
        hasil = {k: Saluran.SUREL if s in (Saluran.WA, Saluran.SUREL_WA) else s for k, s in hasil.items()}
    return hasil


def preferensi_simpan(*, user, pilihan: dict[str, str]) -> None:
    """Store a user's channel per kind (kinds not registered are ignored)."""
    with transaction.atomic():
        for jenis, saluran in pilihan.items():
            if jenis in _JENIS and saluran in Saluran.values:
                PreferensiNotifikasi.objects.update_or_create(user=user, jenis=jenis, defaults={"saluran": saluran})


def _penerima(penerima: Iterable[Any]) -> tuple[list[Any], set[str]]:
    """(active users, plain addresses): an employee counts as their account, else as their address."""
    User = get_user_model()
    users: dict[int, Any] = {}
    alamat: set[str] = set()

    def tambah(p: Any) -> None:
        if p is None:
            return
        if isinstance(p, str):
            if p:
                alamat.add(p)
        elif isinstance(p, User):
            if p.is_active:
                users.setdefault(p.pk, p)
            elif p.alamat_surel:
                alamat.add(p.alamat_surel)
        elif hasattr(p, "alamat_surel"):
            akun = getattr(p, "akun", None) if getattr(p, "akun_id", None) else None
            if akun is not None and akun.is_active:
                users.setdefault(akun.pk, akun)
            elif p.alamat_surel:
                alamat.add(p.alamat_surel)
        elif isinstance(p, Iterable):
            for q in p:
                tambah(q)

    tambah(penerima)
    return list(users.values()), alamat - {u.alamat_surel for u in users.values()}


def _lokal(tautan: str) -> str:
    """A link as a local path: SITE_URL taken off; anything else not starting with one "/" dropped."""
    situs = settings.SITE_URL.rstrip("/")
    if tautan.startswith(situs + "/"):
        tautan = tautan[len(situs) :]
    aman = tautan.startswith("/") and not tautan.startswith("//") and "\\" not in tautan and len(tautan) <= 500
    return tautan if aman else ""


def beri_tahu(
    *,
    penerima: Any,
    jenis: str,
    judul: Any,
    template: str = "",
    konteks: dict[str, Any] | None = None,
    tautan: str = "",
    isi: Any = "",
) -> list[Notifikasi]:
    """Tell users something: a notice-centre row each now (in the caller's transaction), the mail
    (`template` rendered with `konteks`, in the site's language) and WhatsApp after the commit, per
    their preference for `jenis`. Never raises: a notice must not break the step that caused it."""
    if not notifikasi_aktif():
        return []
    try:
        users, alamat_lain = _penerima([penerima])
        with translation.override(settings.LANGUAGE_CODE):
            judul = " ".join(str(judul).split())[:200]
            isi = str(isi)[:300]
            badan = render_to_string(template, konteks or {}) if template else isi
        lokal = _lokal(tautan)
        saluran = saluran_untuk([u.pk for u in users], jenis)
        sekarang = timezone.now()
        baris = []
        for u in users:
            s = saluran[u.pk]
            surel = StatusSurel.TIDAK
            if s in (Saluran.SUREL, Saluran.SUREL_WA) and u.alamat_surel:
                surel = StatusSurel.MENUNGGU
            elif s == Saluran.RINGKASAN and u.alamat_surel:
                surel = StatusSurel.RINGKASAN
            wa = s in (Saluran.WA, Saluran.SUREL_WA)
            baris.append(
                Notifikasi(
                    penerima=u,
                    jenis=jenis,
                    judul=judul,
                    isi=isi,
                    tautan=lokal,
                    dibuat=sekarang,
                    badan=badan,
                    surel=surel,
                    wa=wa,
                )
            )
        with transaction.atomic():  # a savepoint: a failed write leaves the caller's transaction usable
            Notifikasi.objects.bulk_create(baris)
    except Exception:
        log.exception("Notifikasi %s tidak dapat dicatat", jenis)
        return []
    kirim = [n.pk for n in baris if n.surel == StatusSurel.MENUNGGU or n.wa]
    if kirim or alamat_lain:
        args = {"notifikasi_ids": kirim, "alamat": sorted(alamat_lain), "judul": judul, "badan": badan}
        transaction.on_commit(lambda: antrekan(**args))
    return baris


def antrekan(**argumen: Any) -> None:
    """Queue the sending (`inti.tasks.notifikasi_kirim_tugas`) on NOTIFIKASI_TUGAS_BACKEND."""
    try:
        tugas = import_string("inti.tasks.notifikasi_kirim_tugas")
        tugas.using(backend=settings.NOTIFIKASI_TUGAS_BACKEND).enqueue(**argumen)
    except Exception:
        log.exception("Pengiriman notifikasi tidak dapat diantrekan")
