def kotak_masuk(request):
    """The "waiting for me" count on the navigation badge, computed lazily (only pages that
    render the navigation pay for it)."""
    from django.utils.functional import SimpleLazyObject

    def hitung():
        from .selectors import kotak_masuk_jumlah

        return kotak_masuk_jumlah(request.user)

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"mutasi_menunggu": SimpleLazyObject(hitung)}
