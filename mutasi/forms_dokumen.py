"""Forms of the required documents: a proposal's upload of one kind, and HR's form of a document
kind with, per kind of transfer, the step it is needed by. They validate input only; the rules
live in `mutasi.services.dokumen_syarat`."""

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import DasarMutasi, JenisDokumenSyarat, JenisMutasi, LangkahDokumen


class DokumenUnggahForm(forms.Form):
    jenis = forms.ModelChoiceField(
        label=_("Jenis dokumen"),
        queryset=JenisDokumenSyarat.objects.filter(aktif=True),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Jenis dokumen tidak dikenal atau tidak aktif.")},
    )
    berkas = forms.FileField(
        label=_("Berkas"),
        help_text=format_lazy(_("PDF, PNG atau JPEG, maksimal {mb} MB."), mb=settings.UPLOAD_MAX_MB),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
        error_messages={"required": _("Pilih berkasnya."), "empty": _("Berkas kosong.")},
    )


class JenisDokumenForm(forms.ModelForm):
    """A document kind, and for each kind of transfer the step it is required by ("" = not required)
    and the basis it is limited to."""

    class Meta:
        model = JenisDokumenSyarat
        fields = ["kode", "nama", "keterangan", "sumber", "jenis_lampiran", "urutan", "aktif"]
        widgets = {"keterangan": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lama = {a.jenis_mutasi: a for a in self.instance.aturan.all()} if self.instance.pk else {}
        for nilai in JenisMutasi.values:
            a = lama.get(nilai)
            self.fields[f"langkah_{nilai}"] = forms.ChoiceField(
                label=_("wajib ada"),
                choices=[("", _("Tidak wajib")), *LangkahDokumen.choices],
                required=False,
                initial=a.langkah if a else "",
            )
            self.fields[f"dasar_{nilai}"] = forms.ChoiceField(
                label=_("hanya untuk dasar"),
                choices=[("", _("Semua dasar mutasi")), *DasarMutasi.choices],
                required=False,
                initial=a.dasar if a else "",
            )

    @property
    def baris_aturan(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(label, self[f"langkah_{n}"], self[f"dasar_{n}"]) for n, label in JenisMutasi.choices]

    def aturan(self) -> dict[str, dict[str, str]]:
        d = self.cleaned_data
        return {n: {"langkah": d[f"langkah_{n}"], "dasar": d[f"dasar_{n}"]} for n in JenisMutasi.values}
