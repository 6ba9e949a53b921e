"""The notices of a decree's own workflow, through `inti.notifikasi.beri_tahu` (the bell, then mail
or WhatsApp as each chose; called after the commit): a draft prepared goes to every PPK; returned,
to the HR staff who prepared it and the other HR staff; signed, to the preparer. (The covered
proposals' own steps tell the employee.)"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from inti.notifikasi import beri_tahu
from pegawai.models import Peran, User

from ..models import SuratKeputusan
from ..selectors.sk import sk_daftar_usulan


def sk_dikabari(*, sk_id: int, aksi: str, catatan: str = "") -> int:
    sk = SuratKeputusan.objects.select_related("diterbitkan_oleh", "mengganti").get(pk=sk_id)
    daftar = list(sk_daftar_usulan(sk))
    hr = User.objects.filter(peran=Peran.HR, is_active=True)
    if aksi == "siapkan":
        kepada = list(User.objects.filter(peran=Peran.PPK, is_active=True))
        judul = _("Konsep SK menunggu keputusan dan tanda tangan Anda: %(t)s") % {"t": sk.tentang}
    elif aksi == "kembalikan":
        kepada = [sk.diterbitkan_oleh, *hr]
        judul = _("Konsep SK dikembalikan PPK: %(t)s") % {"t": sk.tentang}
    elif aksi == "tandatangani":
        kepada = [sk.diterbitkan_oleh]
        judul = _("SK %(n)s telah ditetapkan dan ditandatangani PPK") % {"n": sk.nomor}
    else:
        return 0
    tautan = settings.SITE_URL.rstrip("/") + reverse("mutasi:sk_detail", args=[sk.pk])
    penerima = list({u.pk: u for u in kepada if u is not None}.values())  # the preparer may be HR too
    return len(
        beri_tahu(
            penerima=penerima,
            jenis="mutasi.sk",
            judul=judul,
            isi=sk.nomor or sk.tentang,
            template="email/mutasi_sk.txt",
            konteks={"sk": sk, "daftar": daftar, "aksi": aksi, "judul": judul, "catatan": catatan, "tautan": tautan},
            tautan=tautan,
        )
    )
