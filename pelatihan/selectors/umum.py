"""What the list selectors share: sorting by a whitelisted key (a leading "-" reverses it)."""

from django.db.models import QuerySet


def urutkan(qs: QuerySet, urut: str, tabel: dict[str, tuple[str, ...]], bawaan: str) -> QuerySet:
    """`qs` ordered by the fields `tabel` names for `urut` (unknown keys fall back to `bawaan`)."""
    desc = urut.startswith("-")
    fields = tabel.get(urut.lstrip("-"), tabel[bawaan])
    return qs.order_by(*[f"-{f}" if desc else f for f in fields])
