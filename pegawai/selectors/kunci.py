"""Is an account locked by failed sign-ins (django-axes), and until when."""

from datetime import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.utils import timezone


def kunci_sampai(nip: str) -> datetime | None:
    """When the lockout of this NIP ends, or None when it is not locked now."""
    terakhir = AccessAttempt.objects.filter(
        username=nip, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).aggregate(t=Max("attempt_time"))["t"]
    if terakhir is None:
        return None
    sampai = terakhir + settings.AXES_COOLOFF_TIME
    return sampai if sampai > timezone.now() else None
