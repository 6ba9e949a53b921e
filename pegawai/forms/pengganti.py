"""Forms for acting officials (Plh./Plt.): record one (HR for any post, an official for their own
absence) and cancel one with a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import nip as nip_rules
from ..models import JenisPengganti, Pegawai
from ..selectors.pengganti import jabatan_baca

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PenggantiForm(forms.Form):
    jabatan = forms.ChoiceField(label=_("Pejabat yang digantikan"))
    pengganti_nip = forms.CharField(
        label=_("NIP pengganti"),
        max_length=30,
        help_text=_("Pegawai aktif yang mempunyai akun; bukan pejabat itu sendiri."),
    )
    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisPengganti.choices, initial=JenisPengganti.PLH)
    mulai = forms.DateField(label=_("Mulai"), widget=TANGGAL)
    selesai = forms.DateField(label=_("Sampai dengan"), widget=TANGGAL, help_text=_("Termasuk tanggal ini."))
    dasar = forms.CharField(
        label=_("Dasar (nomor surat perintah)"),
        max_length=150,
        help_text=_("Mis. Surat Perintah Nomor 800.1.3/123/436.8.3/2026."),
    )

    def __init__(self, *args, pilihan: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].choices = [("", _("Pilih jabatan ...")), *pilihan]
        if len(pilihan) == 1:
            self.fields["jabatan"].initial = pilihan[0][0]

    def clean_jabatan(self):
        nilai = jabatan_baca(self.cleaned_data["jabatan"])
        if nilai is None:
            raise forms.ValidationError(_("Jabatan ini tidak ditemukan."))
        return nilai

    def clean_pengganti_nip(self):
        nip = nip_rules.normalisasi(self.cleaned_data["pengganti_nip"])
        pegawai = Pegawai.objects.filter(nip=nip).select_related("akun").first()
        if pegawai is None:
            raise forms.ValidationError(_("Tidak ada pegawai dengan NIP ini."))
        return pegawai

    def clean(self):
        data = super().clean()
        if data.get("mulai") and data.get("selesai") and data["selesai"] < data["mulai"]:
            self.add_error("selesai", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data

    def untuk_layanan(self) -> dict:
        d = self.cleaned_data
        peran, unit, pejabat = d["jabatan"]
        return {
            "yang_digantikan": pejabat,
            "pengganti": d["pengganti_nip"],
            "peran": peran,
            "unit": unit,
            "jenis": d["jenis"],
            "mulai": d["mulai"],
            "selesai": d["selesai"],
            "dasar": d["dasar"],
        }


class BatalForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan pembatalan"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}), strip=True
    )
