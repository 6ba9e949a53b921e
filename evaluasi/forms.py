"""Forms of the reviews (crispy-forms, bootstrap5). They validate input only; the rules (who may
act, what a sent review needs, the predikat) live in evaluasi.services."""

from datetime import date

from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mutasi.forms import area_teks
from mutasi.models import DasarMutasi
from pegawai.models import Pegawai, RiwayatJabatan, UnitKerja

from .models import BERAKHLAK, FIELD_ISI, FIELD_PERILAKU, Ekspektasi, Evaluasi, StatusEvaluasi
from .selectors.evaluasi import URUTAN_EVALUASI

PILIH = "---------"


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


class EvaluasiForm(forms.ModelForm):
    """What the reviewer writes. Every field is optional for a draft; the service checks what a
    sent review needs and reports each missing field here."""

    class Meta:
        model = Evaluasi
        fields = FIELD_ISI
        widgets = {
            "hasil_kerja": forms.RadioSelect,
            "perilaku": forms.RadioSelect,
            "adaptasi": forms.RadioSelect,
            **dict.fromkeys(FIELD_PERILAKU, forms.RadioSelect),
            **area_teks(
                hasil_kerja_bukti=3, adaptasi_catatan=2, kekuatan=2, perbaikan=2, tindak_lanjut=2, umpan_balik=4
            ),
        }
        labels = {
            "hasil_kerja": _("Hasil kerja"),
            "hasil_kerja_bukti": _("Bukti dan capaian hasil kerja"),
            "perilaku": _("Perilaku kerja secara keseluruhan"),
            "adaptasi": _("Adaptasi di unit baru"),
        }
        help_texts = {
            "hasil_kerja_bukti": _("Capaian terhadap rencana kerja (SKP) sejak mutasi, dengan data atau dokumen."),
            "perilaku": _("Penilaian Anda atas ketujuh nilai BerAKHLAK di atas secara utuh."),
            "tindak_lanjut": _("Misalnya pelatihan tambahan, pendampingan, atau penyesuaian tugas."),
            "umpan_balik": _("Dibaca oleh pegawai setelah evaluasi dikirim."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, field in self.fields.items():
            field.required = False
            if isinstance(field.widget, forms.RadioSelect):
                # RadioSelect would offer the blank choice as a fourth option.
                field.choices = [c for c in field.choices if c[0] != ""]
                field.widget.choices = field.choices
            if nama in FIELD_PERILAKU:
                field.widget.attrs["class"] = "form-check-input"
        self.helper = _helper()

    @property
    def baris_perilaku(self):
        """[(label, bound field)] for the 7 BerAKHLAK values, for the grid in the template."""
        return [(label, self[f"perilaku_{kode}"]) for kode, label in BERAKHLAK]

    @property
    def pilihan_ekspektasi(self):
        return Ekspektasi.choices


class _Form(forms.Form):
    """A plain form rendered by crispy inside the page's own <form> tag."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class TanggapanForm(_Form):
    tanggapan = forms.CharField(
        label=_("Tanggapan Anda (boleh dikosongkan)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Tanggapan dicatat dan dibaca oleh penilai serta BKPSDM. Setelah dikirim, evaluasi menjadi final."),
    )


class TutupForm(_Form):
    catatan = forms.CharField(
        label=_("Alasan penutupan"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Misalnya: pegawai tidak menanggapi sampai batas waktu meskipun sudah diingatkan."),
    )


class PenilaiForm(_Form):
    """BKPSDM names another reviewer: heads of units first, then anyone in the receiving OPD."""

    penilai = forms.ModelChoiceField(label=_("Penilai baru"), queryset=Pegawai.objects.none())
    alasan = forms.CharField(label=_("Alasan penggantian"), max_length=300)

    def __init__(self, *args, evaluasi: Evaluasi, opd_unit_ids: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        di_opd = RiwayatJabatan.objects.staf(opd_unit_ids)
        self.fields["penilai"].queryset = (
            Pegawai.objects.filter(aktif=True)
            .filter(Q(unit_dipimpin__isnull=False) | Q(pk__in=di_opd))
            .exclude(pk=evaluasi.pegawai_id)
            .distinct()
            .order_by("nama")
        )
        self.fields["penilai"].label_from_instance = lambda p: f"{p.nama_lengkap} ({p.nip_tampil})"
        self.fields["penilai"].help_text = _("Kepala unit mana pun, atau pegawai di OPD penerima.")


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Semua status"))])
    tempo = forms.ChoiceField(
        label=_("Jatuh tempo"),
        required=False,
        choices=[
            ("", _("Semua")),
            ("terlambat", _("Terlambat")),
            ("segera", _("Jatuh tempo 30 hari ke depan")),
            ("menunggu_pegawai", _("Menunggu tanggapan pegawai")),
        ],
    )
    bulan_ke = forms.TypedChoiceField(label=_("Evaluasi"), required=False, coerce=int, empty_value=None)
    opd = forms.TypedChoiceField(label=_("OPD penerima"), required=False, coerce=int, empty_value=None)
    peran = forms.ChoiceField(
        label=_("Tampilkan"),
        required=False,
        choices=[("", _("Semua yang dapat saya lihat")), ("penilai", _("Yang harus saya nilai"))],
    )
    tanpa_penilai = forms.BooleanField(label=_("Tanpa penilai"), required=False)
    urut = forms.ChoiceField(
        required=False, choices=[(k, k) for k in URUTAN_EVALUASI] + [(f"-{k}", k) for k in URUTAN_EVALUASI]
    )

    def __init__(self, *args, opd_pilihan, bulan_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices += StatusEvaluasi.choices
        self.fields["opd"].choices = [("", _("Semua OPD")), *opd_pilihan]
        self.fields["bulan_ke"].choices = [("", _("Semua")), *[(b, _("%(n)s bulan") % {"n": b}) for b in bulan_pilihan]]

    def saring(self) -> dict:
        d = self.cleaned_data if self.is_valid() else {}
        return {
            "q": d.get("q") or "",
            "status": d.get("status") or "",
            "tempo": d.get("tempo") or "",
            "bulan_ke": d.get("bulan_ke"),
            "opd": d.get("opd"),
            "saya_penilai": d.get("peran") == "penilai",
            "tanpa_penilai": bool(d.get("tanpa_penilai")),
            "urut": d.get("urut") or "prioritas",
        }


class LaporanForm(forms.Form):
    """Filters of the impact report: period (year of TMT), receiving OPD, basis."""

    dari = forms.TypedChoiceField(label=_("Dari tahun TMT"), required=False, coerce=int, empty_value=None)
    sampai = forms.TypedChoiceField(label=_("Sampai tahun TMT"), required=False, coerce=int, empty_value=None)
    opd = forms.TypedChoiceField(label=_("OPD penerima"), required=False, coerce=int, empty_value=None)
    dasar = forms.ChoiceField(
        label=_("Dasar mutasi"), required=False, choices=[("", _("Semua dasar")), *DasarMutasi.choices]
    )

    def __init__(self, *args, tahun_pilihan: list[int], opd_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        tahun = tahun_pilihan or [date.today().year]
        self.fields["dari"].choices = [("", _("Awal")), *[(t, t) for t in sorted(tahun)]]
        self.fields["sampai"].choices = [("", _("Akhir")), *[(t, t) for t in sorted(tahun)]]
        self.fields["opd"].choices = [("", _("Semua OPD")), *opd_pilihan]

    def clean(self):
        d = super().clean()
        if d.get("dari") and d.get("sampai") and d["dari"] > d["sampai"]:
            self.add_error("sampai", _("Tahun akhir tidak boleh sebelum tahun awal."))
        return d

    def saring(self) -> dict:
        d = self.cleaned_data if self.is_valid() else {}
        return {
            "dari_tahun": d.get("dari"),
            "sampai_tahun": d.get("sampai"),
            "opd": d.get("opd"),
            "dasar": d.get("dasar") or "",
        }

    def opd_nama(self) -> str:
        opd = (self.cleaned_data or {}).get("opd") if self.is_valid() else None
        return UnitKerja.objects.filter(pk=opd).values_list("nama", flat=True).first() or "" if opd else ""
