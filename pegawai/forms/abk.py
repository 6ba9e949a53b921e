"""Forms of the needs analysis: the task (uraian tugas) of a unit x position, choosing a position to
analyse, copying tasks from another unit, and the GET filters of the overview and rotation pages."""

from crispy_forms.layout import Column, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from .. import aturan
from ..models import Jabatan, JenisJabatan, TugasJabatan, UnitKerja
from .fields import helper_tanpa_tag


class TugasForm(forms.ModelForm):
    """One task of a unit x position. The unit and position come from the URL, not the form."""

    class Meta:
        model = TugasJabatan
        fields = ["uraian", "satuan_hasil", "volume", "norma_waktu"]
        labels = {
            "uraian": _("Uraian tugas"),
            "satuan_hasil": _("Satuan hasil"),
            "volume": _("Beban kerja per tahun"),
            "norma_waktu": _("Norma waktu (jam per satuan)"),
        }
        help_texts = {
            "satuan_hasil": _("Misalnya: dokumen, laporan, pasien, kegiatan."),
            "volume": _("Jumlah satuan hasil dalam setahun."),
            "norma_waktu": _("Waktu rata-rata untuk menghasilkan satu satuan hasil, dalam jam (mis. 0,5 = 30 menit)."),
        }
        widgets = {
            "volume": forms.NumberInput(attrs={"step": "0.01", "min": "0"}),
            "norma_waktu": forms.NumberInput(attrs={"step": "0.01", "min": "0.01"}),
        }

    def __init__(self, *args, unit: UnitKerja, jabatan: Jabatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit, self.jabatan = unit, jabatan
        self.helper = helper_tanpa_tag(
            "uraian",
            Row(
                Column("satuan_hasil", css_class="col-md-4"),
                Column("volume", css_class="col-md-4"),
                Column("norma_waktu", css_class="col-md-4"),
            ),
        )

    def clean_uraian(self):
        uraian = " ".join(self.cleaned_data["uraian"].split())
        ada = TugasJabatan.objects.filter(unit=self.unit, jabatan=self.jabatan, uraian__iexact=uraian)
        if self.instance.pk:
            ada = ada.exclude(pk=self.instance.pk)
        if ada.exists():
            raise forms.ValidationError(_("Uraian tugas ini sudah ada untuk jabatan ini di unit ini."))
        return uraian

    def clean(self):
        # The shared rule (pegawai.aturan): a task without workload is not recorded.
        data = super().clean()
        pesan = aturan.periksa("tugas_positif", volume=data.get("volume"), norma_waktu=data.get("norma_waktu"))
        if pesan:
            self.add_error("volume" if "volume" in pesan else "norma_waktu", pesan[:1].upper() + pesan[1:] + ".")
        return data


class JabatanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Jabatan) -> str:
        return f"{obj.nama} ({obj.get_jenis_display()}, kelas {obj.kelas})"


class JabatanPilihForm(forms.Form):
    """Pick a position to analyse in a unit (goes to its task page)."""

    jabatan = JabatanChoiceField(
        label=_("Analisis jabatan lain"),
        queryset=Jabatan.objects.order_by("nama"),
        empty_label=_("Pilih jabatan…"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )


class SalinTugasForm(forms.Form):
    """Copy a position's tasks from another unit that already has them."""

    dari_unit = forms.ModelChoiceField(
        label=_("Salin dari unit"), queryset=UnitKerja.objects.none(), empty_label=_("Pilih unit…")
    )

    def __init__(self, *args, unit: UnitKerja, jabatan: Jabatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dari_unit"].queryset = (
            UnitKerja.objects.filter(tugas__jabatan=jabatan).exclude(pk=unit.pk).distinct().order_by("nama")
        )


class IkhtisarFilterForm(forms.Form):
    """GET filter of the overview and drill-down. Invalid values are ignored."""

    jenis = forms.ChoiceField(
        label=_("Jenis jabatan"), required=False, choices=[("", _("Semua jenis jabatan")), *JenisJabatan.choices]
    )

    def nilai(self) -> str:
        return self.cleaned_data.get("jenis", "") if self.is_valid() else ""


class RotasiFilterForm(forms.Form):
    KATEGORI = [
        ("wajib", _("Wajib dimutasi")),
        ("segera", _("Segera jatuh tempo")),
        ("boleh", _("Boleh dimutasi")),
        ("dini", _("Belum boleh dimutasi")),
        ("semua", _("Semua")),
    ]
    kategori = forms.ChoiceField(label=_("Kategori"), required=False, choices=KATEGORI)
    q = forms.CharField(label=_("Cari nama / NIP"), required=False, max_length=100)

    def nilai(self) -> dict:
        if not self.is_valid():
            return {"kategori": "wajib", "q": ""}
        return {"kategori": self.cleaned_data.get("kategori") or "wajib", "q": self.cleaned_data.get("q", "")}
