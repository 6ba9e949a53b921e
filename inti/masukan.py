"""Reading ids and NIPs that come from the browser (query strings, POST lists, search boxes). Two traps
turn junk input into a server error:

- `"²".isdigit()` is True but `int("²")` raises ValueError, so `x.isdigit()` does not make `int(x)` safe;
- a number past the 64-bit range reaches SQLite through Django's `__in` lookup (the `exact` lookup is
  guarded, `__in` is not) and raises OverflowError, e.g. in every ModelMultipleChoiceField."""

# The range of BigAutoField and of every integer primary key here, on SQLite and PostgreSQL alike.
ID_MAKS = 2**63 - 1


def id_aman(nilai) -> int | None:
    """A positive database id from user input, or None for anything else (words, Unicode digits,
    signs, numbers out of range)."""
    teks = str(nilai or "").strip()
    if not (teks.isascii() and teks.isdigit()):
        return None
    n = int(teks)
    return n if 0 < n <= ID_MAKS else None


def ids_aman(nilai_nilai) -> list[int]:
    """The valid ids of a list (e.g. `request.POST.getlist("pegawai")`), order kept, junk dropped."""
    return [n for n in map(id_aman, nilai_nilai) if n is not None]


def angka(teks) -> str:
    """The ASCII digits of what was typed, e.g. a NIP grouped with spaces, dots or dashes
    ("1990 0217 2015.03 1 004"); everything else, Unicode digits included, is left out."""
    return "".join(ch for ch in str(teks or "") if ch.isascii() and ch.isdigit())
