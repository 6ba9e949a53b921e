"""Forms HR uses to manage units, positions and formasi."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Jabatan, UnitKerja
from ..selectors.organisasi import jabatan_pilihan

PUNCAK = ""


class UnitForm(forms.ModelForm):
    """Code, name, kind, address; and the parent, from the open units (moving goes through its own
    service). `unit_pilihan`: (id, indented name) pairs of the open units."""

    induk = forms.TypedChoiceField(label=_("Unit induk"), required=False, coerce=int, empty_value=None)

    class Meta:
        model = UnitKerja
        fields = ["kode", "nama", "jenis", "alamat", "id_siasn"]

    def __init__(self, *args, unit_pilihan: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        sendiri = self.instance.pk
        self.fields["induk"].choices = [(PUNCAK, _("— (puncak struktur)"))] + [
            (pk, nama) for pk, nama in unit_pilihan if pk != sendiri
        ]
        if sendiri:
            self.fields["induk"].initial = self.instance.induk_id or PUNCAK

    def induk_terpilih(self) -> UnitKerja | None:
        pk = self.cleaned_data.get("induk")
        return UnitKerja.objects.get(pk=pk) if pk else None


class JabatanForm(forms.ModelForm):
    class Meta:
        model = Jabatan
        fields = ["nama", "jenis", "jenjang", "kelas", "kepala_unit", "bup_tahun", "id_siasn", "deskripsi"]
        widgets = {"deskripsi": forms.Textarea(attrs={"rows": 3})}


class TutupForm(forms.Form):
    tanggal = forms.DateField(
        label=_("Ditutup per tanggal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    alasan = forms.CharField(label=_("Alasan"), max_length=200, required=False)
    yakin = forms.BooleanField(label=_("Saya yakin; riwayat yang menunjuk ke sini tetap tersimpan."), required=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"tanggal": timezone.localdate()})
        super().__init__(*args, **kwargs)


class FormasiForm(forms.Form):
    jabatan = forms.ModelChoiceField(label=_("Jabatan"), queryset=Jabatan.objects.none())
    jumlah = forms.IntegerField(label=_("Jumlah formasi"), min_value=0, max_value=9999)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = jabatan_pilihan()
