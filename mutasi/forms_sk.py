"""Forms around decrees and notices: HR's amending or revoking decree, the PPK's signature (BSrE
asks for NIK and passphrase, typed at signing and never kept), HR's record of the notice's delivery.
They validate input only; the rules live in the services."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .forms import TANGGAL


class SKPerubahanForm(forms.Form):
    tmt = forms.DateField(label=_("TMT baru"), widget=TANGGAL)
    alasan = forms.CharField(
        label=_("Alasan perubahan"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dimuat dalam konsiderans SK perubahan."),
    )


class SKPembatalanForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan pembatalan"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dimuat dalam konsiderans SK pembatalan."),
    )


def pakai_bsre() -> bool:
    return settings.TTD_BACKEND.endswith("PenandaBsre")


class TandatanganiForm(forms.Form):
    """The PPK's signature. With BSrE: his NIK and passphrase, sent to BSrE once and kept nowhere
    (the field never renders its value back, and the view's POST data is marked sensitive)."""

    setuju = forms.BooleanField(label=_("Saya telah membaca konsep SK ini dan menetapkannya."), required=True)
    nik = forms.RegexField(
        label=_("NIK (sesuai sertifikat BSrE)"),
        regex=r"^\d{16}$",
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        error_messages={"invalid": _("NIK terdiri atas 16 angka.")},
    )
    passphrase = forms.CharField(
        label=_("Passphrase TTE"),
        required=False,
        max_length=200,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}, render_value=False),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not pakai_bsre():
            del self.fields["nik"]
            del self.fields["passphrase"]
        else:
            self.fields["nik"].required = True
            self.fields["passphrase"].required = True

    def rahasia(self) -> dict | None:
        if not pakai_bsre():
            return None
        return {"nik": self.cleaned_data["nik"], "passphrase": self.cleaned_data["passphrase"]}


class CatatanSKForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class SerahkanForm(forms.Form):
    tanggal = forms.DateField(
        label=_("Tanggal pemberitahuan diserahkan kepada pegawai"),
        widget=TANGGAL,
        help_text=_("Batas waktu keberatan dihitung sejak tanggal ini (atau sejak pegawai menyatakan telah membaca)."),
    )
