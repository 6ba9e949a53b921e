"""HR: unlock an account locked by failed sign-ins."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..akses import boleh_kelola_akun, perlu
from ..selectors.akun import akun_pegawai_ambil
from ..services.kunci import akun_buka_kunci


@require_POST
@perlu(boleh_kelola_akun)
def akun_buka_kunci_view(request, pk: int):
    pegawai = akun_pegawai_ambil(request.user, pk)
    if pegawai.akun is not None:
        akun_buka_kunci(oleh=request.user, akun=pegawai.akun)
        messages.success(request, _("Kunci masuk akun %(nip)s dibuka.") % {"nip": pegawai.nip_tampil})
    return redirect("akun_pegawai_detail", pk=pegawai.pk)
