from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (for pagination and sorting links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def sort_toggle(key: str, current: str | None) -> str:
    """Clicking a sorted column again reverses it."""
    return f"-{key}" if current == key else key


@register.filter
def nomor_halaman(page) -> list[int | None]:
    """Page numbers around the current page for the shared pagination include (None: a gap)."""
    from inti.halaman import nomor_halaman as nomor

    return nomor(page)
