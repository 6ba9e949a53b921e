"""What a decree needs before the transfer it orders is carried out (asked by the proposal
workflow's "laksanakan" step, so the daily job and HR's button refuse alike)."""

from django.utils.translation import gettext as _

from ..models import StatusSK, UsulanMutasi


def sk_belum_dapat_dilaksanakan(u: UsulanMutasi) -> str:
    """Why the transfer may not be carried out on its decree yet ("" when it may): only a decree the
    PPK signed electronically is carried out, and none while an amending or revoking draft waits."""
    sk = u.sk
    if sk is None or sk.status != StatusSK.DITETAPKAN or sk.ditandatangani_pada is None:
        return _("SK %(n)s belum ditetapkan dan ditandatangani secara elektronik oleh PPK.") % {
            "n": sk.nomor if sk is not None and sk.nomor else "-"
        }
    konsep = u.sk_cakupan.filter(status=StatusSK.KONSEP).first()
    if konsep is not None:
        return _("%(jenis)s menunggu keputusan dan tanda tangan PPK: mutasi ditahan sampai diputuskan.") % {
            "jenis": konsep.get_jenis_display()
        }
    return ""
