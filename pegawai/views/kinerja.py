"""HR records an employee's yearly predicate; a year that has one asks before replacing it."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from inti.galat import LayananError

from ..akses import boleh_kelola_pegawai, perlu
from ..forms.kinerja import KinerjaCatatForm
from ..selectors.pegawai import pegawai_ambil
from ..services.kinerja import KinerjaSudahAda, kinerja_catat


@perlu(boleh_kelola_pegawai)
def kinerja_baru(request, pk: int):
    pegawai = pegawai_ambil(request.user, pk)
    form = KinerjaCatatForm(request.POST or None, initial={"tahun": date.today().year - 1})
    if request.method == "POST" and form.is_valid():
        try:
            kinerja_catat(oleh=request.user, pegawai=pegawai, **form.cleaned_data)
        except KinerjaSudahAda as e:
            # Ask: the same form again, with the question and the confirm box.
            data = request.POST.copy()
            data.pop("ganti", None)
            form = KinerjaCatatForm(data, tanya_ganti=str(e))
            form.is_valid()
        except (ValidationError, LayananError) as e:
            form.add_error(None, e.messages if isinstance(e, ValidationError) else str(e))
        else:
            messages.success(request, _("Predikat kinerja %(tahun)s dicatat.") % {"tahun": form.cleaned_data["tahun"]})
            return redirect(reverse("pegawai:detail", args=[pk]) + "#kinerja")
    return render(
        request,
        "pegawai/form_riwayat.html",
        {"form": form, "pegawai": pegawai, "judul": _("Catat predikat kinerja tahunan"), "jangkar": "kinerja"},
    )
