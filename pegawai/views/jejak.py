"""HR's page of the field-level trail (django-auditlog, inti/jejak.py): every change to HR data,
field by field, searchable. Read only: no view edits or deletes an entry."""

from django.conf import settings
from django.shortcuts import render

from inti.halaman import halaman
from inti.jejak_tampil import tampilkan

from ..akses import boleh_lihat_audit, perlu
from ..forms.jejak import JejakFilterForm
from ..selectors.jejak import jejak_saring


@perlu(boleh_lihat_audit)
def jejak_daftar(request):
    form = JejakFilterForm(request.GET or None)
    page = halaman(request, jejak_saring(form.saring()), settings.JEJAK_PER_HALAMAN)
    page.object_list = tampilkan(list(page.object_list))
    return render(request, "pegawai/jejak_daftar.html", {"form": form, "page_obj": page})
