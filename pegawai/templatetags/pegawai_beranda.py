"""The home page's figures. A tag rather than view context because the home view belongs to the
dashboard issue; until it lands, the page asks for its own numbers."""

from django import template

from ..selectors.unit import Ringkasan, ringkasan_organisasi

register = template.Library()


@register.simple_tag(takes_context=True)
def ringkasan_beranda(context) -> Ringkasan:
    return ringkasan_organisasi(context["request"].user)
