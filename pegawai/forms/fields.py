"""Reading ids that come from the browser. Two traps turn junk input into a server error:

- `"²".isdigit()` is True but `int("²")` raises ValueError, so `x.isdigit()` does not make `int(x)` safe;
- a number past the 64-bit range reaches SQLite through Django's `__in` lookup (the `exact` lookup is
  guarded, `__in` is not) and raises OverflowError, e.g. in every ModelMultipleChoiceField.

`id_aman` parses an id from a query string or a POST list; `PilihanBanyakField` is the
ModelMultipleChoiceField to use for many-to-many fields (ModelForm: `Meta.field_classes`).
`helper_tanpa_tag` is the crispy-forms helper every form here uses."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.core.exceptions import ValidationError

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


class PilihanBanyakField(forms.ModelMultipleChoiceField):
    """ModelMultipleChoiceField that refuses an out-of-range number as an invalid choice (a form
    error) instead of handing it to the database."""

    def clean(self, value):
        if isinstance(value, list | tuple) and (self.to_field_name or "pk") == "pk":
            for v in value:
                teks = str(v).strip()
                if teks.isascii() and teks.lstrip("-").isdigit() and abs(int(teks)) > ID_MAKS:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": v}
                    )
        return super().clean(value)


def helper_tanpa_tag(*layout) -> FormHelper:
    """Crispy helper that leaves the <form> tag and buttons to the template."""
    helper = FormHelper()
    helper.form_tag = False
    if layout:
        helper.layout = Layout(*layout)
    return helper
