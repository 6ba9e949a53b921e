"""The yearly predicate form with its replacement confirmation."""

from crispy_forms.layout import Column, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import helper_tanpa_tag
from .pegawai import KinerjaForm


class KinerjaCatatForm(KinerjaForm):
    """KinerjaForm plus `ganti`: shown (and needed) only when the year already has a predicate."""

    ganti = forms.BooleanField(label=_("Ya, ganti predikat yang sudah tercatat"), required=False)

    def __init__(self, *args, tanya_ganti: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].help_text = _("Bila tahun itu sudah tercatat, Anda akan diminta konfirmasi penggantian.")
        self.tanya_ganti = tanya_ganti
        baris = [Row(Column("tahun", css_class="col-md-5"), Column("predikat", css_class="col-md-7")), "keterangan"]
        if tanya_ganti:
            baris.append("ganti")
        else:
            self.fields["ganti"].widget = forms.HiddenInput()
        self.helper = helper_tanpa_tag(*baris)
