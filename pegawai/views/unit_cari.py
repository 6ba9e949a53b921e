"""The JSON behind the unit field (`pegawai.forms.unit_cari`): up to 20 units matching what the
user types, each with its path. Signed in, and only for those who may see the organisation
(HR, the PPK, unit heads); `cakupan=terlihat` (default) offers the units the user may see,
`cakupan=semua` any unit (a transfer's target); `aktif=1` only open units."""

from django.http import JsonResponse

from inti.halaman import teks_cari

from ..akses import boleh_lihat_organisasi, perlu
from ..models import UnitKerja
from ..selectors.pegawai import unit_terlihat
from ..selectors.unit_cari import BATAS, unit_cari, unit_jalur


@perlu(boleh_lihat_organisasi)
def unit_cari_json(request):
    qs = UnitKerja.objects.all() if request.GET.get("cakupan") == "semua" else unit_terlihat(request.user)
    if request.GET.get("aktif") == "1":
        qs = qs.filter(aktif=True)
    units = unit_cari(qs, teks_cari(request), batas=BATAS + 1)
    hasil = [{"id": u.pk, "text": unit_jalur(u), "aktif": u.aktif} for u in units[:BATAS]]
    return JsonResponse({"hasil": hasil, "lebih": len(units) > BATAS})
