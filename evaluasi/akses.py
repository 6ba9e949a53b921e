"""Who may see and do what with a review, in one place: views, templates (the `evaluasi_akses`
tags), selectors and the workflow (`services.alur.AlurEvaluasi.hak`) ask these functions, never the
roles directly.

- HR staff and the PPK see every review, but a draft's content only if they are its reviewer;
- the reviewer (penilai) writes the review until it is sent, and reads its draft;
- a unit head sees the reviews of their staff (received into, or now posted in, the units they head);
- the employee sees their own reviews once sent (dikirim, final), never a draft, and answers them;
- HR names another reviewer before a review is sent, and closes a sent review the employee left
  unanswered past the answer window (settings.EVALUASI_BATAS_TANGGAPAN_HARI).

The list form of "who sees which review" is `selectors.evaluasi.evaluasi_terlihat`; reviews reach a
view through `selectors.evaluasi.evaluasi_ambil`, which answers 404 to whoever may not see one.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from pegawai.akses import peran_user
from pegawai.models import User

from .models import STATUS_BELUM_DIKIRIM, STATUS_TERBUKA, Evaluasi, StatusEvaluasi


def adalah_penilai(user: User, ev: Evaluasi) -> bool:
    """`user` is the review's reviewer."""
    pegawai_id = peran_user(user).pegawai_id
    return pegawai_id is not None and ev.penilai_id == pegawai_id


def adalah_pegawai(user: User, ev: Evaluasi) -> bool:
    """`user` is the employee under review."""
    pegawai_id = peran_user(user).pegawai_id
    return pegawai_id is not None and ev.pegawai_id == pegawai_id


def batas_tanggapan(ev: Evaluasi) -> datetime | None:
    """From when BKPSDM may close a sent review the employee has not answered."""
    if ev.dikirim_pada is None:
        return None
    return ev.dikirim_pada + timedelta(days=settings.EVALUASI_BATAS_TANGGAPAN_HARI)


def tanggapan_lewat(ev: Evaluasi, sekarang: datetime | None = None) -> bool:
    """The employee's answer window is over."""
    batas = batas_tanggapan(ev)
    return batas is not None and (sekarang or timezone.now()) >= batas


# --- Seeing ------------------------------------------------------------------------------


def boleh_daftar(user: User) -> bool:
    """The review list is for HR, the PPK, unit heads, and anyone who reviews someone."""
    p = peran_user(user)
    if p.lihat_semua or p.kepala:
        return True
    return bool(p.pegawai_id) and Evaluasi.objects.filter(penilai_id=p.pegawai_id).exists()


def boleh_baca_isi(user: User, ev: Evaluasi) -> bool:
    """The review's content (ratings, feedback, predikat), for a review `user` may see: sent and
    final ones for whoever sees them; scheduled ones and drafts for their reviewer only."""
    return ev.status in STATUS_TERBUKA or adalah_penilai(user, ev)


def boleh_lihat_usulan(user: User, ev: Evaluasi) -> bool:
    """The link to the transfer behind the review (its page has its own rule; this only hides a
    link that would lead to a refusal)."""
    p = peran_user(user)
    return p.lihat_semua or p.kepala or adalah_pegawai(user, ev)


def boleh_lihat_laporan(user: User) -> bool:
    """The impact report, its print version and its export (HR and the PPK)."""
    return peran_user(user).lihat_semua


def boleh_lihat_kinerja(user: User) -> bool:
    """Transferred employees lacking the yearly predicates the comparison needs (HR, who records them)."""
    return peran_user(user).hr


# --- Doing (the workflow's moves: the same rules as its table, see services.alur) -----------


def boleh_isi(user: User, ev: Evaluasi) -> bool:
    """Write the review (save a draft, send it): its reviewer, until it is sent."""
    return ev.status in STATUS_BELUM_DIKIRIM and adalah_penilai(user, ev)


def boleh_tanggapi(user: User, ev: Evaluasi) -> bool:
    """Answer the sent feedback (the review becomes final): the employee."""
    return ev.status == StatusEvaluasi.DIKIRIM and adalah_pegawai(user, ev)


def boleh_tutup(user: User, ev: Evaluasi, sekarang: datetime | None = None) -> bool:
    """Close a sent review without the employee's answer: HR, once the answer window is over."""
    return peran_user(user).hr and ev.status == StatusEvaluasi.DIKIRIM and tanggapan_lewat(ev, sekarang)


def boleh_ganti_penilai(user: User, ev: Evaluasi) -> bool:
    """Name another reviewer: HR, before the review is sent."""
    return peran_user(user).hr and ev.status in STATUS_BELUM_DIKIRIM


def boleh_tugaskan_pelatihan(user: User, ev: Evaluasi) -> bool:
    """Assign more training for the transfer from the review (the training page's own rule: BKPSDM
    and the heads over the receiving unit; never the employee themself)."""
    p = peran_user(user)
    if adalah_pegawai(user, ev):
        return False
    return p.hr or ev.usulan.tujuan_unit_id in p.unit_wewenang
