def peran(request):
    """Role flags for the navigation bar, computed once per request."""
    from .akses import peran_user

    return {"peran": peran_user(request.user)}
