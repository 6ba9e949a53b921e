from django.utils.functional import SimpleLazyObject

from .selectors import kotak_masuk_jumlah


def kotak_masuk(request):
    """The "waiting for me" count on the navigation badge, computed lazily (only pages that
    render the navigation pay for it)."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"mutasi_menunggu": SimpleLazyObject(lambda: kotak_masuk_jumlah(request.user))}
