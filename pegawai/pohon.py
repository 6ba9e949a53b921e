"""The unit tree: parents, descendants and the OPD above a unit. Plain reads shared by the
permission rules (`akses`) and the selectors, so neither has to import the other."""

from collections import defaultdict
from collections.abc import Iterable

from .models import UnitKerja


def unit_induk_map() -> dict[int, int | None]:
    """{unit id: parent id} for every unit, in one query (2,000 units is a small dict)."""
    return dict(UnitKerja.objects.values_list("id", "induk_id"))


def unit_turunan_ids(root_ids: Iterable[int], induk: dict[int, int | None] | None = None) -> set[int]:
    """The given units and all their descendants."""
    induk = unit_induk_map() if induk is None else induk
    anak = defaultdict(list)
    for uid, pid in induk.items():
        if pid is not None:
            anak[pid].append(uid)
    hasil, todo = set(), list(root_ids)
    while todo:
        uid = todo.pop()
        if uid in hasil:
            continue
        hasil.add(uid)
        todo.extend(anak[uid])
    return hasil


def unit_opd_id(unit_id: int, induk: dict[int, int | None]) -> int:
    """The top of the tree above a unit: its OPD."""
    seen = set()
    while induk.get(unit_id) is not None and unit_id not in seen:
        seen.add(unit_id)
        unit_id = induk[unit_id]
    return unit_id
