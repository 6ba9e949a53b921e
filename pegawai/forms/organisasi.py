"""Forms HR uses to manage units, positions and formasi."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Jabatan, UnitKerja
from ..selectors.organisasi import jabatan_pilihan
from .unit_cari import UnitCariField


class UnitForm(forms.ModelForm):
    """Code, name, kind, address; and the parent, one of the open units `unit_qs` (moving goes
    through its own service; a cycle is refused there). Empty parent: the top of the structure."""

    induk = UnitCariField(
        label=_("Unit induk"),
        required=False,
        queryset=UnitKerja.objects.none(),
        aktif=True,
        help_text=_("Kosongkan untuk puncak struktur."),
    )

    class Meta:
        model = UnitKerja
        fields = ["kode", "nama", "jenis", "alamat", "id_siasn"]

    def __init__(self, *args, unit_qs: QuerySet[UnitKerja], **kwargs):
        super().__init__(*args, **kwargs)
        sendiri = self.instance.pk
        self.fields["induk"].queryset = unit_qs.exclude(pk=sendiri) if sendiri else unit_qs
        if sendiri:
            self.fields["induk"].initial = self.instance.induk_id

    def induk_terpilih(self) -> UnitKerja | None:
        return self.cleaned_data.get("induk")


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
