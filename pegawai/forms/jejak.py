"""The filters of HR's field-level trail page (pegawai.views.jejak)."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from ..selectors.jejak import SaringJejak, model_tercatat


class JejakFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("Jenis data"), required=False)
    objek = forms.CharField(label=_("ID objek"), required=False, max_length=40)
    pelaku = forms.CharField(label=_("Pelaku (NIP / nama)"), required=False, max_length=100)
    dari = forms.DateField(label=_("Dari tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    teks = forms.CharField(label=_("Teks dalam perubahan"), required=False, max_length=100)
    impor = forms.IntegerField(label=_("Impor #"), required=False, min_value=1, widget=forms.HiddenInput)
    induk = forms.RegexField(
        label=_("Milik"), required=False, regex=r"^(pegawai|unit|usulan):[0-9]{1,12}$", widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._model = {str(ct.pk): ct for ct in model_tercatat()}
        self.fields["model"].choices = [("", _("Semua"))] + [
            (k, str(ct.model_class()._meta.verbose_name).capitalize()) for k, ct in self._model.items()
        ]
        for f in self.visible_fields():
            kelas = "form-select" if isinstance(f.field.widget, forms.Select) else "form-control"
            f.field.widget.attrs["class"] = (
                f"{kelas} form-control-sm" if kelas == "form-control" else "form-select form-select-sm"
            )

    def saring(self) -> SaringJejak:
        """The filters asked; an invalid value is dropped (the form shows its error)."""
        self.is_valid()
        d = getattr(self, "cleaned_data", {})
        model: ContentType | None = self._model.get(d.get("model") or "")
        return SaringJejak(
            model=model,
            objek=(d.get("objek") or "").strip(),
            pelaku=(d.get("pelaku") or "").strip(),
            dari=d.get("dari"),
            sampai=d.get("sampai"),
            teks=(d.get("teks") or "").strip(),
            impor=d.get("impor"),
            induk=_induk(d.get("induk") or ""),
        )


def _induk(teks: str) -> tuple[str, int] | None:
    if not teks:
        return None
    kunci, pk = teks.split(":")
    return kunci, int(pk)
