"""The JSON behind the unit field (`pegawai.forms.unit_cari`): up to 20 units matching what the
user types, each with its path. Signed in. `cakupan=terlihat` (default) offers the units the
user may see (HR, the PPK, unit heads: the organisation view), `cakupan=semua` any unit (a
transfer's target); `aktif=1` only open units. Every signed-in employee may list the open units
(`cakupan=semua&aktif=1`: the units their own transfer request offers); nothing else."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse

from inti.halaman import teks_cari

from ..akses import boleh_lihat_organisasi, pesan_ditolak
from ..models import UnitKerja
from ..selectors.pegawai import unit_terlihat
from ..selectors.unit_cari import BATAS, unit_cari, unit_jalur


@login_required
def unit_cari_json(request):
    semua, aktif = request.GET.get("cakupan") == "semua", request.GET.get("aktif") == "1"
    if not (boleh_lihat_organisasi(request.user) or (semua and aktif)):
        raise PermissionDenied(pesan_ditolak(boleh_lihat_organisasi))
    qs = UnitKerja.objects.all() if semua else unit_terlihat(request.user)
    if aktif:
        qs = qs.filter(aktif=True)
    units = unit_cari(qs, teks_cari(request), batas=BATAS + 1)
    hasil = [{"id": u.pk, "text": unit_jalur(u), "aktif": u.aktif} for u in units[:BATAS]]
    return JsonResponse({"hasil": hasil, "lebih": len(units) > BATAS})
