"""Decree facts a proposal's page shows:

{% load mutasi_sk %}
{% sk_konsep_untuk u as konsep %}{% if konsep %}...{% endif %}
"""

from django import template

from ..selectors.sk import sk_konsep_usulan

register = template.Library()


@register.simple_tag
def sk_konsep_untuk(u):
    """The draft decree waiting for the PPK that covers this proposal, or None."""
    return sk_konsep_usulan(u) if u is not None and u.pk else None


@register.filter
def nip_tampil(nip: str) -> str:
    """A signatory's NIP grouped as printed on decrees (19680712 199403 1 005)."""
    from pegawai.nip import tampil

    return tampil(nip or "")


@register.simple_tag
def batas_keberatan_hari() -> int:
    """KEBERATAN_BATAS_HARI, for pages that state the objection window before it has started."""
    from django.conf import settings

    return settings.KEBERATAN_BATAS_HARI
