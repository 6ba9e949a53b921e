"""Logins: the account an employee signs in with (by NIP)."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import nip as nip_rules
from .pilihan import Peran


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, nip, password=None, **extra):
        if not nip:
            raise ValueError("NIP wajib diisi")
        user = self.model(nip=nip_rules.normalisasi(nip), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, nip, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, peran=Peran.HR)
        return self.create_user(nip, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A login. Signs in with the NIP; the person behind it is `user.pegawai` (may be absent
    for technical accounts). The unit-head role is not stored: it follows from heading a unit."""

    nip = models.CharField(_("NIP"), max_length=30, unique=True)
    email = models.EmailField(_("email"), blank=True)
    peran = models.CharField(_("peran"), max_length=10, choices=Peran.choices, default=Peran.PEGAWAI)
    is_active = models.BooleanField(_("aktif"), default=True)
    is_staff = models.BooleanField(_("akses admin"), default=False)
    date_joined = models.DateTimeField(_("dibuat"), default=timezone.now)
    diaktifkan = models.DateTimeField(_("diaktifkan"), null=True, blank=True)

    objects = UserManager()
    USERNAME_FIELD = "nip"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("akun")
        verbose_name_plural = _("akun")

    def __str__(self):
        return self.nip

    @property
    def is_hr(self) -> bool:
        return self.is_active and (self.peran == Peran.HR or self.is_superuser)

    @property
    def is_ppk(self) -> bool:
        return self.is_active and self.peran == Peran.PPK

    @property
    def alamat_surel(self) -> str:
        """Where mail to this account goes: its own address, else its employee's (inti.surel reads it)."""
        if self.email:
            return self.email
        pegawai = getattr(self, "pegawai", None)
        return pegawai.email if pegawai is not None else ""

    @property
    def nomor_wa(self) -> str:
        """The phone number WhatsApp notices go to: the employee record's (inti.notifikasi reads it)."""
        pegawai = getattr(self, "pegawai", None)
        return pegawai.telepon if pegawai is not None else ""

    def get_full_name(self):
        pegawai = getattr(self, "pegawai", None)
        return pegawai.nama_lengkap if pegawai else self.nip

    def get_short_name(self):
        return self.get_full_name()
