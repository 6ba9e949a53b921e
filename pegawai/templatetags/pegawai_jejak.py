"""The "Riwayat perubahan data" section an object's page shows to HR:

    {% load pegawai_jejak %}{% riwayat_perubahan pegawai "pegawai" %}

the latest changes of the object and of the records filed under it (inti/jejak.py `induk`), with a
link to the full list on HR's trail page. Nothing (no query) for anyone else."""

from django import template
from django.conf import settings

from inti.jejak_tampil import tampilkan

from ..akses import boleh_lihat_audit
from ..selectors.jejak import jejak_objek

register = template.Library()


@register.inclusion_tag("pegawai/_riwayat_perubahan.html", takes_context=True)
def riwayat_perubahan(context, objek, kunci: str):
    request = context.get("request")
    if request is None or objek is None or not boleh_lihat_audit(request.user):
        return {"tampil": False}
    batas = settings.JEJAK_DI_HALAMAN_OBJEK
    entri = list(jejak_objek(objek, kunci)[: batas + 1])
    return {
        "tampil": True,
        "baris": tampilkan(entri[:batas]),
        "lebih": len(entri) > batas,
        "induk": f"{kunci}:{objek.pk}",
        "batas": batas,
    }
