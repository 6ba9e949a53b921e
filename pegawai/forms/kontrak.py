"""Forms for PPPK contract periods."""

from django import forms
from django.utils.translation import gettext_lazy as _

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class KontrakForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor perjanjian kerja"), max_length=100, required=False)
    mulai = forms.DateField(label=_("Mulai"), widget=TANGGAL)
    selesai = forms.DateField(label=_("Berakhir"), widget=TANGGAL)
    keterangan = forms.CharField(label=_("Keterangan"), max_length=250, required=False)


class PerpanjangForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor perjanjian kerja baru"), max_length=100, required=False)
    selesai = forms.DateField(label=_("Berakhir"), widget=TANGGAL)
    keterangan = forms.CharField(label=_("Keterangan"), max_length=250, required=False)
