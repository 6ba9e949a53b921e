"""Forms of eligibility overrides and of the external decision (crispy-forms, bootstrap5). They
validate input only; the rules live in `mutasi.services.usulan`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LINGKUP_PERLU_PERTEK, PENERBIT_LAZIM, LingkupEksternal
from .models.kelayakan import ALASAN_MIN

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PengecualianForm(forms.Form):
    """HR's override of ONE failed check."""

    kode = forms.SlugField(widget=forms.HiddenInput, max_length=30)
    alasan = forms.CharField(
        label=_("Justifikasi tertulis"),
        min_length=ALASAN_MIN,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Minimal %(n)d karakter: mengapa syarat ini dikecualikan. Dicatat dan ditampilkan kepada setiap "
            "penyetuju berikutnya."
        )
        % {"n": ALASAN_MIN},
        error_messages={
            "required": _("Tulis justifikasinya: mengapa syarat ini dikecualikan."),
            "min_length": _(
                "Justifikasi terlalu pendek (%(show_value)d karakter): tulis minimal %(limit_value)d karakter "
                "yang menjelaskan mengapa syarat ini dikecualikan."
            ),
        },
    )


class KeputusanEksternalForm(forms.Form):
    """The other side's decision on a transfer out of or into the city."""

    lingkup = forms.ChoiceField(label=_("Lingkup mutasi antar instansi"), choices=LingkupEksternal.choices)
    penerbit = forms.CharField(
        label=_("Pejabat yang menetapkan"),
        max_length=200,
        widget=forms.TextInput(attrs={"list": "penerbit-lazim"}),
        help_text=_("Misalnya Gubernur Jawa Timur, Menteri Dalam Negeri, Kepala Badan Kepegawaian Negara."),
    )
    nomor = forms.CharField(label=_("Nomor keputusan"), max_length=100)
    tanggal = forms.DateField(label=_("Tanggal keputusan"), widget=TANGGAL)
    nomor_pertek = forms.CharField(
        label=_("Nomor pertimbangan teknis BKN"),
        max_length=100,
        required=False,
        help_text=_("Wajib untuk mutasi antar kabupaten/kota dan antar provinsi (PP 11/2017 ps. 192-193)."),
    )
    tanggal_pertek = forms.DateField(label=_("Tanggal pertimbangan teknis BKN"), required=False, widget=TANGGAL)

    penerbit_lazim = [str(v) for v in PENERBIT_LAZIM.values()]

    def clean(self):
        data = super().clean()
        if data.get("lingkup") in LINGKUP_PERLU_PERTEK:
            for f in ("nomor_pertek", "tanggal_pertek"):
                if not data.get(f):
                    self.add_error(f, _("Wajib untuk lingkup ini."))
        return data
