"""Form fields and helpers every form here shares: `PilihanBanyakField` is the ModelMultipleChoiceField
to use for many-to-many fields (ModelForm: `Meta.field_classes`; why: `inti.masukan`);
`helper_tanpa_tag` is the crispy-forms helper every form uses."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.core.exceptions import ValidationError

from inti.masukan import ID_MAKS


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
