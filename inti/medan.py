"""Field helpers for the models: the columns many tables declare the same way, named once.

Each returns the very field the models wrote out before (same arguments), so migrations see no
change. This module imports nothing of the project: every app's models may use it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def rujukan_opsional(model, verbose_name=None, *, on_delete=models.SET_NULL, related_name="+", satu=False, **extra):
    """An optional reference (may be empty in the database and on forms). By default it survives
    the deletion of its target (SET_NULL) and gives the target no reverse accessor; `satu=True`
    when a target may be referred to by one row at most (a OneToOneField)."""
    jenis = models.OneToOneField if satu else models.ForeignKey
    return jenis(
        model,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name=related_name,
        verbose_name=verbose_name,
        **extra,
    )


def akun_pelaku(verbose_name=None, *, blank=True, related_name="+"):
    """The account that did something to a row (recorded, verified, answered...): the row keeps
    the fact when the account is deleted (SET_NULL). `blank=False` where the form never shows it."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=blank,
        on_delete=models.SET_NULL,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def pilihan_opsional(verbose_name, pilihan, *, max_length, **extra):
    """A column holding one value of a `TextChoices`, or nothing (empty string) when none applies."""
    return models.CharField(verbose_name, max_length=max_length, choices=pilihan.choices, blank=True, **extra)


def kolom_status(pilihan, default, *, max_length, db_index=False):
    """A workflow's status column over its `TextChoices`."""
    return models.CharField(
        _("status"), max_length=max_length, choices=pilihan.choices, default=default, db_index=db_index
    )


def kolom_dari_ke(pilihan, *, max_length=20):
    """The `dari` and `ke` columns of a status-history row (`inti.models.RiwayatStatus`) over the
    workflow's `TextChoices`; `dari` is empty for the row that records the object's creation."""
    dari = models.CharField(_("dari status"), max_length=max_length, choices=pilihan.choices, blank=True)
    ke = models.CharField(_("ke status"), max_length=max_length, choices=pilihan.choices)
    return dari, ke
