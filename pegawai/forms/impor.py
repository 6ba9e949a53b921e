"""Forms of the import pages. (The export reads the employee list's own filter form.)"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..impor.berkas import BerkasDitolak, batas_byte, periksa_nama
from ..impor.jenis import pilihan_jenis


class ImporForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis data"), choices=pilihan_jenis)
    berkas = forms.FileField(
        label=_("File CSV atau XLSX"),
        error_messages={"empty": _("File kosong (0 byte)."), "required": _("Pilih file yang akan diimpor.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].help_text = _(
            "Excel (.xlsx, lembar pertama) atau CSV (UTF-8 atau Windows-1252, pemisah koma atau titik koma); "
            "paling besar %(mb)s MB. Baris pertama berisi judul kolom."
        ) % {"mb": settings.IMPORT_MAX_MB}

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            periksa_nama(berkas.name)
        except BerkasDitolak as e:
            raise ValidationError(str(e)) from None
        if berkas.size > batas_byte():
            raise ValidationError(
                _("File terlalu besar (%(u).1f MB); batasnya %(m)s MB. Pecah file menjadi beberapa bagian.")
                % {"u": berkas.size / 1024 / 1024, "m": settings.IMPORT_MAX_MB}
            )
        return berkas


class RiwayatImporFilterForm(forms.Form):
    q = forms.CharField(label=_("Nama file"), required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis data"), required=False, choices=lambda: [("", _("Semua jenis")), *pilihan_jenis()]
    )
    hasil = forms.ChoiceField(
        label=_("Hasil"),
        required=False,
        choices=[("", _("Semua hasil")), ("berhasil", _("Berhasil")), ("ditolak", _("Ditolak"))],
    )
