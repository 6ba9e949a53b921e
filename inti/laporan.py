"""The report of a job that runs over many objects (the daily jobs, the SIASN sender): one list per
outcome, one entry per object, so the job never stops at the first object that fails and the
operator reads what happened to each. A report is a dataclass of `hasil(...)` fields, in the order
they are printed; `inti.management.harian.tulis_laporan` prints it the same way for every job."""

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any

# How a command styles each outcome's lines (the names of Django's `BaseCommand.style`).
BERHASIL, PERINGATAN, GALAT = "SUCCESS", "WARNING", "ERROR"


def hasil(label: str, gaya: str = BERHASIL) -> Any:
    """One outcome of a report: its label (the lines' prefix, and in lower case the summary's word)
    and the style its lines are printed in."""
    return field(default_factory=list, metadata={"label": label, "gaya": gaya})


@dataclass
class Laporan:
    """Base of the reports: subclasses are dataclasses whose fields are all `hasil(...)`."""

    def bagian(self) -> Iterator[tuple[str, str, list[Any]]]:
        """(label, style, entries) per outcome, in declaration order."""
        for f in fields(self):
            yield f.metadata["label"], f.metadata["gaya"], getattr(self, f.name)

    def __str__(self) -> str:
        """The summary: '3 diterapkan, 0 dibatalkan, 1 gagal'."""
        return ", ".join(f"{len(isi)} {label.lower()}" for label, _gaya, isi in self.bagian())
