"""Login accounts: HR gives employees accounts (one by one or in bulk) and the employee
activates theirs through an emailed link; HR resends invitations, switches accounts off and
on, and sets roles. Every change is audited.

Mail goes out through inti.surel (in the site's language, whatever HR browses in) after the
database work has committed its own block, and at once rather than queued: HR sees who did not get
an invitation. A failed send leaves the account in place ("diundang") and HR can resend, rather
than rolling back work already done.
"""

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import EmailMessage
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from inti.audit import audit_catat, ubah_tercatat
from inti.galat import LayananError
from inti.jejak import jejak_buat, perbarui_massal
from inti.models import CatatanAudit
from inti.surel import surel_buat, surel_kirim_banyak
from inti.tugas import tugas_mulai

from ..akses import boleh_kelola_akun
from ..models import Pegawai, Peran, User
from ..selectors.akun import StatusAkun, status_akun

# One bulk request creates at most this many accounts (mail is sent in the request); HR repeats
# the action for the rest, which the page then still lists as "siap diundang".
AKUN_MASSAL_MAKS = 500
JUDUL_UNDANGAN = gettext_lazy("Aktivasi akun Anda")


class _KedaluwarsaMixin:
    def kedaluwarsa(self, user: User, token: str) -> bool:
        """True when the token was genuinely made for this user's current state but is too old:
        lets the page say "expired" rather than "invalid"."""
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token):
                return (self._num_seconds(self._now()) - ts) > settings.PASSWORD_RESET_TIMEOUT
        return False


class AktivasiTokenGenerator(_KedaluwarsaMixin, PasswordResetTokenGenerator):
    """Django's reset-token scheme with its own salt (an activation link is not a reset link and
    the reverse), living PASSWORD_RESET_TIMEOUT. It hashes the activation time instead of the
    password, so activating spends it, and a spent link can still be recognised as genuine: the
    page then says "already active" without telling strangers anything about other accounts."""

    key_salt = "pegawai.services.akun.AktivasiTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        diaktifkan = "" if user.diaktifkan is None else user.diaktifkan.replace(microsecond=0, tzinfo=None)
        return f"{user.pk}|{user.email}|{diaktifkan}|{timestamp}"

    def pernah_sah(self, user: User, token: str) -> bool:
        """True when the token was issued for this account before it was activated (whether or
        not it has expired since)."""
        sebelum = copy.copy(user)
        sebelum.diaktifkan = None
        try:
            ts = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(sebelum, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


class ResetTokenGenerator(_KedaluwarsaMixin, PasswordResetTokenGenerator):
    """Django's default password-reset tokens (same salt), able to tell "expired" from "invalid"."""


aktivasi_token = AktivasiTokenGenerator()
reset_token = ResetTokenGenerator()


@dataclass
class HasilUndangan:
    """What a bulk invitation did, for the message HR sees."""

    dibuat: list[Pegawai] = field(default_factory=list)
    dilewati: dict[str, list[Pegawai]] = field(default_factory=dict)
    terkirim: int = 0
    gagal_kirim: list[Pegawai] = field(default_factory=list)
    sisa: int = 0  # not processed this time (over AKUN_MASSAL_MAKS)

    def lewati(self, alasan: str, pegawai: Pegawai) -> None:
        self.dilewati.setdefault(alasan, []).append(pegawai)


def _pastikan_hr(oleh: User) -> None:
    if not boleh_kelola_akun(oleh):
        raise LayananError(_("Hanya staf BKPSDM yang boleh mengelola akun pegawai."))


def berlaku_sampai() -> datetime:
    return timezone.localtime(timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT))


def pesan_undangan(*, user: User, pegawai: Pegawai, base_url: str) -> EmailMessage:
    """The invitation email with its activation link (not sent), in the site's language."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    tautan = base_url.rstrip("/") + reverse(
        "akun_aktivasi", kwargs={"uidb64": uid, "token": aktivasi_token.make_token(user)}
    )
    konteks = {
        "nama": pegawai.nama_lengkap,
        "nip": pegawai.nip_tampil,
        "tautan": tautan,
        "berlaku_sampai": berlaku_sampai(),
        "url_masuk": base_url.rstrip("/") + reverse("login"),
        "instansi_nama": settings.INSTANSI_NAMA,
        "instansi_unit": settings.INSTANSI_UNIT_KEPEGAWAIAN,
    }
    return surel_buat(kepada=[user.email], judul=JUDUL_UNDANGAN, template="email/akun_undangan.txt", konteks=konteks)


def _kirim(pesan: list[tuple[Pegawai, EmailMessage]]) -> tuple[int, list[Pegawai]]:
    """Send now, over one connection (HR sees at once who did not get one): (sent, employees missed)."""
    terkirim, gagal = surel_kirim_banyak([email for _p, email in pesan])
    return terkirim, [pesan[i][0] for i in gagal]


def _akun_baru(pegawai: Pegawai) -> User:
    user = User(nip=pegawai.nip, email=pegawai.email, peran=Peran.PEGAWAI)
    user.set_unusable_password()
    return user


# Why an employee cannot get an account now: code -> message shown to HR.
TANPA_EMAIL = "tanpa_email"
ALASAN = {
    "punya_akun": gettext_lazy("sudah punya akun"),
    "tidak_aktif": gettext_lazy("pegawai tidak aktif"),
    TANPA_EMAIL: gettext_lazy("email pegawai belum diisi"),
    "nip_dipakai": gettext_lazy("NIP sudah dipakai akun lain"),
}


def _alasan_tidak_bisa(pegawai: Pegawai) -> str | None:
    if pegawai.akun_id:
        return "punya_akun"
    if not pegawai.aktif:
        return "tidak_aktif"
    if not pegawai.email:
        return TANPA_EMAIL
    return None


def akun_buat(*, oleh: User, pegawai: Pegawai, base_url: str) -> tuple[User, bool]:
    """Create the employee's account (role PEGAWAI, no usable password) and email the activation
    link. Returns (account, whether the email went out)."""
    _pastikan_hr(oleh)
    with transaction.atomic():
        pegawai = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
        alasan = _alasan_tidak_bisa(pegawai)
        if alasan == TANPA_EMAIL:
            raise LayananError(
                _("%(nama)s belum punya alamat email. Isi email pegawai dulu, lalu buat akunnya.")
                % {"nama": pegawai.nama_lengkap}
            )
        if alasan:
            raise LayananError(_("Akun tidak dibuat: %(alasan)s.") % {"alasan": ALASAN[alasan]})
        if User.objects.filter(nip=pegawai.nip).exists():
            raise LayananError(
                _("NIP %(nip)s sudah dipakai akun lain yang tidak tertaut ke pegawai ini. Hubungi admin sistem.")
                % {"nip": pegawai.nip_tampil}
            )
        user = _akun_baru(pegawai)
        user.full_clean()
        user.save()
        pegawai.akun = user
        pegawai.save(update_fields=["akun"])
        audit_catat(
            oleh=oleh,
            aksi="akun.buat",
            objek=user,
            ringkasan=f"Akun dibuat untuk {pegawai.nama_lengkap}; undangan ke {user.email}",
            perubahan={"pegawai": pegawai.pk, "email": user.email},
        )
    terkirim, _gagal = _kirim([(pegawai, pesan_undangan(user=user, pegawai=pegawai, base_url=base_url))])
    return user, bool(terkirim)


def akun_buat_massal(*, oleh: User, pegawai_ids: Iterable[int], base_url: str) -> HasilUndangan:
    """Accounts for many employees at once: a fixed number of queries whatever the count
    (lock and read the employees, check NIP clashes, bulk-insert accounts, bulk-link, bulk-audit),
    then one mail connection for all invitations. Employees who cannot get one are skipped with a reason."""
    _pastikan_hr(oleh)
    hasil = HasilUndangan()
    ids = sorted(set(pegawai_ids))
    if not ids:
        return hasil
    try:
        with transaction.atomic():
            pegawai = list(Pegawai.objects.select_for_update().filter(pk__in=ids).order_by("nama", "pk"))
            siap = []
            for p in pegawai:
                alasan = _alasan_tidak_bisa(p)
                if alasan:
                    hasil.lewati(alasan, p)
                else:
                    siap.append(p)
            hasil.sisa = max(0, len(siap) - AKUN_MASSAL_MAKS)
            siap = siap[:AKUN_MASSAL_MAKS]
            bentrok = set(User.objects.filter(nip__in=[p.nip for p in siap]).values_list("nip", flat=True))
            akun = []
            for p in list(siap):
                if p.nip in bentrok:
                    hasil.lewati("nip_dipakai", p)
                    siap.remove(p)
                    continue
                u = _akun_baru(p)
                # Uniqueness is checked above in one query and held by the database.
                u.full_clean(validate_unique=False, validate_constraints=False)
                akun.append(u)
            if not siap:
                return hasil
            User.objects.bulk_create(akun)
            if not connection.features.can_return_rows_from_bulk_insert:
                ids_akun = dict(User.objects.filter(nip__in=[u.nip for u in akun]).values_list("nip", "pk"))
                for u in akun:
                    u.pk = ids_akun[u.nip]
            jejak_buat(User, akun, oleh=oleh)
            for p, u in zip(siap, akun, strict=True):
                p.akun = u
            perbarui_massal(Pegawai, siap, ["akun"], oleh=oleh)
            CatatanAudit.objects.bulk_create(
                [
                    CatatanAudit(
                        oleh=oleh,
                        aksi="akun.buat",
                        objek_tipe=User._meta.label_lower,
                        objek_id=str(u.pk),
                        ringkasan=f"Akun dibuat untuk {p.nama_lengkap}; undangan ke {u.email} (massal)",
                        perubahan={"pegawai": p.pk, "email": u.email, "massal": True},
                    )
                    for p, u in zip(siap, akun, strict=True)
                ]
            )
            hasil.dibuat = siap
    except IntegrityError:
        # Another HR user created one of these accounts at the same moment: nothing was applied.
        raise LayananError(
            _("Sebagian pegawai baru saja dibuatkan akun oleh pengguna lain. Muat ulang halaman lalu coba lagi.")
        ) from None
    hasil.terkirim, hasil.gagal_kirim = _kirim(
        [(p, pesan_undangan(user=p.akun, pegawai=p, base_url=base_url)) for p in hasil.dibuat]
    )
    return hasil


def akun_undang_ulang(*, oleh: User, pegawai: Pegawai, base_url: str) -> User:
    """Send a fresh activation link to an invited employee; the address follows the employee
    record (HR may have corrected it since)."""
    _pastikan_hr(oleh)
    with transaction.atomic():
        pegawai = Pegawai.objects.select_related("akun").get(pk=pegawai.pk)
        user = User.objects.select_for_update().filter(pk=pegawai.akun_id).first()
        status = status_akun(user)
        if status != StatusAkun.DIUNDANG:
            pesan = {
                StatusAkun.BELUM: _("Pegawai ini belum punya akun."),
                StatusAkun.AKTIF: _("Akun ini sudah aktif; pegawai dapat memakai 'Lupa kata sandi' bila lupa."),
                StatusAkun.NONAKTIF: _("Akun ini dinonaktifkan. Aktifkan dulu sebelum mengirim undangan."),
            }[status]
            raise LayananError(pesan)
        if not pegawai.email:
            raise LayananError(_("Email pegawai kosong. Isi email pegawai dulu."))
        perubahan = {}
        if user.email != pegawai.email:
            perubahan["email"] = [user.email, pegawai.email]
            user.email = pegawai.email
            user.full_clean()
            user.save(update_fields=["email"])
    terkirim, _gagal = _kirim([(pegawai, pesan_undangan(user=user, pegawai=pegawai, base_url=base_url))])
    if not terkirim:
        raise LayananError(_("Email undangan gagal dikirim ke %(email)s. Coba lagi nanti.") % {"email": user.email})
    audit_catat(
        oleh=oleh,
        aksi="akun.undang_ulang",
        objek=user,
        ringkasan=f"Undangan dikirim ulang ke {user.email}",
        perubahan=perubahan,
    )
    return user


def akun_undang_mandiri(*, user: User, base_url: str) -> bool:
    """A fresh activation link for someone who asked for a password reset before ever activating
    (they have no password to reset). Sent to the account's own address only."""
    pegawai = getattr(user, "pegawai", None)
    if pegawai is None or status_akun(user) != StatusAkun.DIUNDANG or not user.email:
        return False
    terkirim, _gagal = _kirim([(pegawai, pesan_undangan(user=user, pegawai=pegawai, base_url=base_url))])
    if terkirim:
        audit_catat(
            oleh=None,
            aksi="akun.undang_ulang",
            objek=user,
            ringkasan=f"Undangan dikirim ulang ke {user.email} (diminta lewat 'Lupa kata sandi')",
        )
    return bool(terkirim)


def _akun_terkunci(pegawai: Pegawai) -> User:
    user = User.objects.select_for_update().filter(pk=pegawai.akun_id).first() if pegawai.akun_id else None
    if user is None:
        raise LayananError(_("Pegawai ini belum punya akun."))
    return user


@transaction.atomic
def akun_nonaktifkan(*, oleh: User, pegawai: Pegawai) -> User:
    """Switch the account off: the person can no longer sign in (open sessions end at once)."""
    _pastikan_hr(oleh)
    user = _akun_terkunci(pegawai)
    if user.pk == oleh.pk:
        raise LayananError(_("Anda tidak dapat menonaktifkan akun Anda sendiri."))
    if not user.is_active:
        raise LayananError(_("Akun ini sudah nonaktif."))
    ubah_tercatat(
        user,
        {"is_active": False},
        oleh=oleh,
        aksi="akun.nonaktifkan",
        ringkasan=f"Akun {pegawai.nama_lengkap} dinonaktifkan",
    )
    return user


@transaction.atomic
def akun_aktifkan(*, oleh: User, pegawai: Pegawai) -> User:
    """Switch a disabled account back on (only for an employee still in service)."""
    _pastikan_hr(oleh)
    user = _akun_terkunci(pegawai)
    if user.is_active:
        raise LayananError(_("Akun ini sudah aktif."))
    if not pegawai.aktif:
        raise LayananError(_("Pegawai ini tidak aktif lagi; akunnya tidak dapat diaktifkan."))
    ubah_tercatat(
        user,
        {"is_active": True},
        oleh=oleh,
        aksi="akun.aktifkan",
        ringkasan=f"Akun {pegawai.nama_lengkap} diaktifkan kembali",
    )
    return user


@transaction.atomic
def akun_ubah_peran(*, oleh: User, pegawai: Pegawai, peran: str) -> User:
    """Set the stored role (HR / PPK / PEGAWAI). HR staff may not take their own HR role away,
    so the system cannot lose its last administrator by accident."""
    _pastikan_hr(oleh)
    if peran not in Peran.values:
        raise LayananError(_("Peran tidak dikenal."))
    user = _akun_terkunci(pegawai)
    if user.pk == oleh.pk and peran != Peran.HR:
        raise LayananError(_("Anda tidak dapat mencabut peran Staf BKPSDM dari akun Anda sendiri."))
    if user.peran == peran:
        raise LayananError(_("Peran akun ini sudah %(peran)s.") % {"peran": Peran(peran).label})
    lama = user.peran
    user.peran = peran
    user.full_clean(validate_unique=False)
    user.save(update_fields=["peran"])
    audit_catat(
        oleh=oleh,
        aksi="akun.ubah_peran",
        objek=user,
        ringkasan=f"Peran {pegawai.nama_lengkap}: {Peran(lama).label} -> {Peran(peran).label}",
        perubahan={"peran": [lama, peran]},
    )
    return user


@transaction.atomic
def akun_sandi_atur(*, user: User, password: str, aksi: str) -> User:
    """Set a new password: activation (`akun.aktivasi`), reset by email (`akun.reset_sandi`) or
    change (`akun.ubah_sandi`). The password was validated by the form. Setting a password
    also marks the account activated."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if aksi == "akun.aktivasi" and status_akun(user) != StatusAkun.DIUNDANG:
        raise LayananError(_("Akun ini sudah diaktifkan atau dinonaktifkan."))
    user.set_password(password)
    if user.diaktifkan is None:
        user.diaktifkan = timezone.now()
    user.save(update_fields=["password", "diaktifkan"])
    ringkasan = {
        "akun.aktivasi": "Akun diaktifkan oleh pemiliknya",
        "akun.reset_sandi": "Kata sandi diatur ulang lewat email",
        "akun.ubah_sandi": "Kata sandi diubah",
    }.get(aksi, aksi)
    audit_catat(oleh=user, aksi=aksi, objek=user, ringkasan=ringkasan)
    return user


def akun_undang_antrekan(*, oleh: User, pegawai_ids: Iterable[int], base_url: str):
    """Bulk invitations for many employees (over AKUN_LATAR_JUMLAH): queued for the worker, which
    works through them AKUN_MASSAL_MAKS at a time with progress. Returns the progress row."""
    _pastikan_hr(oleh)
    ids = sorted(set(pegawai_ids))
    return tugas_mulai(
        fungsi="pegawai.tasks.akun_undang_tugas",
        jenis="akun.undang",
        argumen={"pegawai_ids": ids, "base_url": base_url},
        oleh=oleh,
        total=len(ids),
    )


def akun_buat_massal_latar(*, pegawai_ids: list[int], base_url: str, pelapor) -> None:
    """The worker's bulk invitation: blocks of AKUN_MASSAL_MAKS, each its own transaction and mail
    round (as in the page). Safe to run again: employees who already have an account are skipped."""
    oleh = pelapor.progres.dibuat_oleh
    ids = sorted(set(pegawai_ids))
    pelapor.maju(0, tahap=_("Membuat akun dan mengirim undangan"), total=len(ids), paksa=True)
    dibuat = terkirim = 0
    gagal_kirim: list[str] = []
    dilewati: dict[str, int] = {}
    try:
        for i in range(0, len(ids), AKUN_MASSAL_MAKS):
            hasil = akun_buat_massal(oleh=oleh, pegawai_ids=ids[i : i + AKUN_MASSAL_MAKS], base_url=base_url)
            dibuat += len(hasil.dibuat)
            terkirim += hasil.terkirim
            gagal_kirim += [p.nama_lengkap for p in hasil.gagal_kirim]
            for alasan, daftar in hasil.dilewati.items():
                dilewati[alasan] = dilewati.get(alasan, 0) + len(daftar)
            pelapor.maju(min(len(ids), i + AKUN_MASSAL_MAKS), paksa=True)
    except LayananError as e:
        pelapor.gagal(
            _("%(e)s (%(n)d akun sudah dibuat sebelum berhenti; jalankan lagi untuk sisanya.)") % {"e": e, "n": dibuat}
        )
        return
    pesan = ngettext(
        "%(n)d akun dibuat; %(k)d undangan aktivasi terkirim.",
        "%(n)d akun dibuat; %(k)d undangan aktivasi terkirim.",
        dibuat,
    ) % {"n": dibuat, "k": terkirim}
    if dilewati:
        pesan += " " + _("Dilewati: %(b)s.") % {"b": ", ".join(f"{n} {ALASAN[a]}" for a, n in dilewati.items())}
    if gagal_kirim:
        pesan += " " + _("Undangan gagal dikirim ke %(n)d pegawai; kirim ulang undangan nanti.") % {
            "n": len(gagal_kirim)
        }
    pelapor.selesai(hasil={"url": reverse("akun_pegawai"), "gagal_kirim": gagal_kirim[:50]}, pesan=pesan)
