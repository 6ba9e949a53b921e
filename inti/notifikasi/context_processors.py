from django.utils.functional import SimpleLazyObject

from .models import Notifikasi


def notifikasi(request):
    """The bell's unread count: one COUNT on the (penerima, dibaca_pada) index, only when a page
    renders the navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "notifikasi_belum_dibaca": SimpleLazyObject(
            lambda: Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True).count()
        )
    }
