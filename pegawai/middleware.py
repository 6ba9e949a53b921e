"""Refuse form posts carrying a NUL character.

No text field here may hold one, and PostgreSQL refuses it outright (DataError), so a form value
with "\\x00" could only ever come from a broken client or an attack. Refusing it once, here, keeps
every view and service that reads free text from having to repeat the check."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class TolakKarakterNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and any("\x00" in v for vs in request.POST.lists() for v in vs[1]):
            return HttpResponseBadRequest(_("Isian formulir mengandung karakter yang tidak sah."))
        return self.get_response(request)
