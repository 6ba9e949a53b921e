"""The mails of a decree's own workflow, through `inti.surel` (after the commit, in the site's
language): a draft prepared goes to every PPK; returned, to the HR staff who prepared it and the
other HR staff; signed, to the preparer. (The covered proposals' own steps mail the employee.)"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from inti.surel import alamat, surel_kirim
from pegawai.models import Peran, User

from ..models import SuratKeputusan
from ..selectors.sk import sk_daftar_usulan


def sk_dikabari(*, sk_id: int, aksi: str, catatan: str = "") -> int:
    sk = SuratKeputusan.objects.select_related("diterbitkan_oleh", "mengganti").get(pk=sk_id)
    daftar = list(sk_daftar_usulan(sk))
    hr = User.objects.filter(peran=Peran.HR, is_active=True)
    if aksi == "siapkan":
        kepada = alamat(User.objects.filter(peran=Peran.PPK, is_active=True))
        judul = _("Konsep SK menunggu keputusan dan tanda tangan Anda: %(t)s") % {"t": sk.tentang}
    elif aksi == "kembalikan":
        kepada = alamat(sk.diterbitkan_oleh, hr)
        judul = _("Konsep SK dikembalikan PPK: %(t)s") % {"t": sk.tentang}
    elif aksi == "tandatangani":
        kepada = alamat(sk.diterbitkan_oleh)
        judul = _("SK %(n)s telah ditetapkan dan ditandatangani PPK") % {"n": sk.nomor}
    else:
        return 0
    return surel_kirim(
        kepada=kepada,
        judul=judul,
        template="email/mutasi_sk.txt",
        konteks={
            "sk": sk,
            "daftar": daftar,
            "aksi": aksi,
            "judul": judul,
            "catatan": catatan,
            "tautan": settings.SITE_URL.rstrip("/") + reverse("mutasi:sk_detail", args=[sk.pk]),
        },
    )
